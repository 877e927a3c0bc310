import Foundation
import Tensors

/// `nn.utils.rnn.PackedSequence`: a padded batch `[T, N, *]` (time first) with each
/// sequence's length. Recurrent layers run each sequence for its own length, which gives the
/// numbers PyTorch's packed kernels give; `data` and `batch_sizes` are PyTorch's packed layout.
final class TorchPackedSequence: PyNativeObject {
  let padded: Tensor
  let lengths: [Int]
  let torch: TorchContext

  init(padded: Tensor, lengths: [Int], torch: TorchContext) {
    self.padded = padded
    self.lengths = lengths
    self.torch = torch
  }

  var typeName: String { "PackedSequence" }

  /// Batch positions by decreasing length (stable), PyTorch's `sorted_indices`.
  var sortedIndices: [Int] {
    lengths.indices.sorted { lengths[$0] > lengths[$1] || lengths[$0] == lengths[$1] && $0 < $1 }
  }

  var batchSizes: [Int] {
    (0..<(lengths.max() ?? 0)).map { t in lengths.filter { $0 > t }.count }
  }

  /// The packed rows: step by step, the sequences still running, longest first.
  func data() throws -> Tensor {
    var rows: [Tensor] = []
    let order = sortedIndices
    for t in 0..<(lengths.max() ?? 0) {
      for b in order where lengths[b] > t { rows.append(try padded.item([.index(t), .index(b)])) }
    }
    return try Tensor.stack(rows, axis: 0)
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "data": return torch.wrap(try torch.run { try data() })
    case "batch_sizes":
      return torch.wrap(try Tensor(batchSizes.map { Int64($0) }))
    case "sorted_indices":
      return torch.wrap(try Tensor(sortedIndices.map { Int64($0) }))
    case "unsorted_indices":
      var inverse = [Int64](repeating: 0, count: lengths.count)
      for (i, b) in sortedIndices.enumerated() { inverse[b] = Int64(i) }
      return torch.wrap(try Tensor(inverse))
    default: return nil
    }
  }
}

extension TorchContext {
  /// Runs a recurrent layer over each sequence of a packed batch for its own length.
  func runPacked(
    _ layer: Recurrent, _ packed: TorchPackedSequence, h0: Tensor?, c0: Tensor?
  ) throws -> (TorchPackedSequence, Tensor, Tensor?) {
    let x = packed.padded
    let steps = x.shape[0]
    var outs: [Tensor] = [], hs: [Tensor] = [], cs: [Tensor] = []
    for (b, length) in packed.lengths.enumerated() {
      let seq = try x.item([.slice(0, length, 1), .slice(b, b + 1, 1)])
      let h = try h0.map { try $0.item([.all, .slice(b, b + 1, 1)]) }
      let c = try c0.map { try $0.item([.all, .slice(b, b + 1, 1)]) }
      let r = try layer.run(layer.batchFirst ? seq.transposed(0, 1) : seq, h0: h, c0: c)
      var out = layer.batchFirst ? try r.output.transposed(0, 1) : r.output
      if length < steps {
        out = try out.padded([(0, steps - length), (0, 0), (0, 0)])
      }
      outs.append(out)
      hs.append(r.hidden)
      if let c = r.cell { cs.append(c) }
    }
    let output = try Tensor.concatenate(outs, axis: 1)
    return (
      TorchPackedSequence(padded: output, lengths: packed.lengths, torch: self),
      try Tensor.concatenate(hs, axis: 1),
      cs.isEmpty ? nil : try Tensor.concatenate(cs, axis: 1)
    )
  }

  /// `torch.nn.utils.rnn`: `pad_sequence`, `pack_padded_sequence`, `pad_packed_sequence`,
  /// `pack_sequence`.
  func makeRNNUtils() -> PyModule {
    let m = PyModule(name: "torch.nn.utils.rnn")
    let rt = self.rt
    func def(_ name: String, _ body: @escaping (Arguments) throws -> PyValue) {
      m.define(name) { [unowned self] args, kwargs in
        let a = Arguments(name, args, kwargs)
        return try self.run { try body(a) }
      }
    }
    /// Time-first padded batch from sequences `[L_i, *]`.
    func pad(_ seqs: [Tensor], _ value: Double) throws -> Tensor {
      let longest = seqs.map { $0.shape.first ?? 0 }.max() ?? 0
      let padded = try seqs.map { s -> Tensor in
        let extra = longest - s.shape[0]
        guard extra > 0 else { return s }
        return try s.padded([(0, extra)] + s.shape.dropFirst().map { _ in (0, 0) }, value: value)
      }
      return try Tensor.stack(padded, axis: 1)
    }
    func lengths(_ v: PyValue) throws -> [Int] {
      if case .native(let t as TorchTensor) = v {
        return t.tensor.casted(to: .float64).doubles.map { Int($0) }
      }
      return try rt.toArray(v).map { try rt.toInt($0) }
    }
    def("pad_sequence") { [unowned self] a in
      let seqs = try rt.toArray(try a.required(0, "sequences")).map { try self.tensor($0) }
      let batchFirst = try a.value(1, "batch_first").map { try rt.isTrue($0) } ?? false
      let value = try a.value(2, "padding_value").map { try rt.double($0) } ?? 0
      let out = try pad(seqs, value)
      return self.wrap(batchFirst ? try out.transposed(0, 1) : out)
    }
    def("pack_sequence") { [unowned self] a in
      let seqs = try rt.toArray(try a.required(0, "sequences")).map { try self.tensor($0) }
      let sorted = try a.value(1, "enforce_sorted").map { try rt.isTrue($0) } ?? true
      let ls = seqs.map { $0.shape.first ?? 0 }
      if sorted && ls != ls.sorted(by: >) {
        throw PyException(
          .runtimeError,
          "`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. "
            + "You can pass `enforce_sorted=False` to pack_padded_sequence and/or pack_sequence "
            + "to sidestep this requirement if you do not need ONNX exportability.")
      }
      return .native(TorchPackedSequence(padded: try pad(seqs, 0), lengths: ls, torch: self))
    }
    def("pack_padded_sequence") { [unowned self] a in
      var x = try self.tensor(try a.required(0, "input"))
      let ls = try lengths(try a.required(1, "lengths"))
      let batchFirst = try a.value(2, "batch_first").map { try rt.isTrue($0) } ?? false
      let sorted = try a.value(3, "enforce_sorted").map { try rt.isTrue($0) } ?? true
      if batchFirst { x = try x.transposed(0, 1) }
      if sorted && ls != ls.sorted(by: >) {
        throw PyException(
          .runtimeError,
          "`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. "
            + "You can pass `enforce_sorted=False` to pack_padded_sequence and/or pack_sequence "
            + "to sidestep this requirement if you do not need ONNX exportability.")
      }
      guard ls.count == x.shape[1], ls.allSatisfy({ $0 > 0 && $0 <= x.shape[0] }) else {
        throw PyException(
          .runtimeError,
          "Expected `len(lengths)` to be equal to batch_size and lengths between 1 and the "
            + "sequence length")
      }
      let longest = ls.max() ?? 0
      if longest < x.shape[0] { x = try x.narrowed(axis: 0, start: 0, length: longest) }
      return .native(TorchPackedSequence(padded: x, lengths: ls, torch: self))
    }
    def("pad_packed_sequence") { [unowned self] a in
      guard case .native(let p as TorchPackedSequence) = try a.required(0, "sequence") else {
        throw PyException(.typeError, "pad_packed_sequence() expects a PackedSequence")
      }
      let batchFirst = try a.value(1, "batch_first").map { try rt.isTrue($0) } ?? false
      let value = try a.value(2, "padding_value").map { try rt.double($0) } ?? 0
      var out = p.padded
      if value != 0 {
        // Padded positions hold zeros; refill them with the requested value.
        var mask = [Double](repeating: 0, count: out.shape[0] * out.shape[1])
        for (b, l) in p.lengths.enumerated() {
          for t in l..<out.shape[0] { mask[t * out.shape[1] + b] = 1 }
        }
        let shape = [out.shape[0], out.shape[1]] + out.shape.dropFirst(2).map { _ in 1 }
        let m = try Tensor(mask, shape: shape).casted(to: out.dtype)
        out = try out + m * value
      }
      if let total = a.value(3, "total_length"), !NumPyContext.isNoneLiteral(total) {
        let t = try rt.toInt(total)
        if t > out.shape[0] {
          out = try out.padded(
            [(0, t - out.shape[0])] + out.shape.dropFirst().map { _ in (0, 0) }, value: value)
        }
      }
      return .tuple([
        self.wrap(batchFirst ? try out.transposed(0, 1) : out),
        self.wrap(try Tensor(p.lengths.map { Int64($0) })),
      ])
    }
    return m
  }
}
