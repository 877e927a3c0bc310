import Foundation
import Tensors

/// `nn.RNN`, `nn.LSTM`, `nn.GRU` and their cells over `Tensors`' recurrent layers; the
/// parameters are the layer's own tensors, exposed under PyTorch's names.
extension TorchContext {
  /// Feeds precomputed PyTorch draws to an initialiser that asks for them in the same order.
  func replay(_ ps: [TorchParameter]) -> (Int, Double) -> [Double] {
    var next = 0
    return { count, _ in
      defer { next += 1 }
      guard next < ps.count, ps[next].values.count == count else {
        return [Double](repeating: 0, count: count)
      }
      return ps[next].values.map(Double.init)
    }
  }

  /// An LSTM's `(h, c)` argument.
  func statePair(_ hx: PyValue) throws -> (Tensor, Tensor) {
    let parts = try rt.toArray(hx)
    guard parts.count == 2 else {
      throw PyException(.runtimeError, "LSTM expects hx as a tuple (h_0, c_0)")
    }
    return (try tensor(parts[0]), try tensor(parts[1]))
  }

  /// The optional initial state `hx` of a recurrent layer or cell (a tensor, or `(h, c)` for an
  /// LSTM), with a batch axis inserted at `batchAxis` when the input was unbatched.
  func initialState(_ a: Arguments, mode: TorchRecurrentMode, batchAxis: Int?) throws
    -> (h: Tensor?, c: Tensor?)
  {
    guard let hx = a.value(1, "hx"), !NumPyContext.isNoneLiteral(hx) else { return (nil, nil) }
    var h: Tensor?, c: Tensor?
    if mode == .lstm {
      (h, c) = try statePair(hx)
    } else {
      h = try tensor(hx)
    }
    if let axis = batchAxis {
      h = try h.map { try $0.unsqueezed(axis) }
      c = try c.map { try $0.unsqueezed(axis) }
    }
    return (h, c)
  }

  func recurrentState(_ m: PyInstance) throws -> AnyObject? {
    guard case .native(let s as TorchLayerState) = attr(m, "_state") else { return nil }
    try s.check(m)
    return s.value
  }

  func defineRecurrent(_ nn: PyModule) {
    let layers: [(String, TorchRecurrentMode)] = [("RNN", .rnn), ("LSTM", .lstm), ("GRU", .gru)]
    for (name, mode) in layers {
      defineLayer(
        nn, name, file: "rnn",
        extra: { [unowned self] m in
          var s = "\(try self.intAttr(m, "input_size")), \(try self.intAttr(m, "hidden_size"))"
          let layers = try self.intAttr(m, "num_layers")
          if layers != 1 { s += ", num_layers=\(layers)" }
          if try !self.boolAttr(m, "bias") { s += ", bias=False" }
          if try self.boolAttr(m, "batch_first") { s += ", batch_first=True" }
          if try self.doubleAttr(m, "dropout") != 0 {
            s += ", dropout=\(try self.pyRepr(self.attr(m, "dropout")))"
          }
          if try self.boolAttr(m, "bidirectional") { s += ", bidirectional=True" }
          return s
        },
        initialize: { [unowned self] m, a in
          // RNN takes `nonlinearity` fourth; LSTM and GRU do not.
          let shift = mode == .rnn ? 1 : 0
          let inputSize = try self.rt.toInt(try a.required(0, "input_size"))
          let hidden = try self.rt.toInt(try a.required(1, "hidden_size"))
          let layers = try a.value(2, "num_layers").map { try self.rt.toInt($0) } ?? 1
          let nonlinearity =
            try mode == .rnn
            ? a.value(3, "nonlinearity").map { try self.rt.string($0, "nonlinearity") } ?? "tanh"
            : "tanh"
          let bias = try a.value(3 + shift, "bias").map { try self.rt.isTrue($0) } ?? true
          let batchFirst =
            try a.value(4 + shift, "batch_first").map { try self.rt.isTrue($0) } ?? false
          let dropout = a.value(5 + shift, "dropout") ?? .float(0)
          let bidirectional =
            try a.value(6 + shift, "bidirectional").map { try self.rt.isTrue($0) } ?? false
          if let proj = a.keyword("proj_size"), try self.rt.toInt(proj) != 0 {
            throw PyException(
              .notImplementedError, "LSTM proj_size is not supported in journal cells")
          }
          guard nonlinearity == "tanh" || nonlinearity == "relu" else {
            throw PyException(
              .valueError, "Unknown nonlinearity '\(nonlinearity)'. Select from 'tanh' or 'relu'.")
          }
          let cell: Recurrent.Cell =
            mode == .lstm
            ? .lstm : mode == .gru ? .gru : nonlinearity == "relu" ? .rnnRelu : .rnnTanh
          guard inputSize > 0 else {
            throw PyException(.valueError, "input_size must be greater than zero")
          }
          guard hidden > 0 else {
            throw PyException(.valueError, "hidden_size must be greater than zero")
          }
          guard layers > 0 else {
            throw PyException(.valueError, "num_layers must be greater than zero")
          }
          // Per layer and direction: input and hidden weights of 4 gates at most, twice over.
          try self.checkedNew(
            [layers, bidirectional ? 2 : 1, 4 * hidden, Swift.max(inputSize, 2 * hidden)],
            copies: 2)
          let ps = self.generator.recurrentParameters(
            mode: mode, inputSize: inputSize, hiddenSize: hidden, numLayers: layers, bias: bias,
            bidirectional: bidirectional)
          let layer = try bridged {
            try Recurrent(
              cell, inputSize: inputSize, hiddenSize: hidden, numLayers: layers, bias: bias,
              batchFirst: batchFirst, bidirectional: bidirectional, uniform: self.replay(ps))
          }
          m.attributes.set("mode", .str(mode == .rnn ? "RNN_" + nonlinearity.uppercased() : name))
          m.attributes.set("input_size", .int(inputSize))
          m.attributes.set("hidden_size", .int(hidden))
          m.attributes.set("num_layers", .int(layers))
          if mode == .rnn { m.attributes.set("nonlinearity", .str(nonlinearity)) }
          m.attributes.set("bias", .bool(bias))
          m.attributes.set("batch_first", .bool(batchFirst))
          m.attributes.set("dropout", dropout)
          m.attributes.set("bidirectional", .bool(bidirectional))
          m.attributes.set("proj_size", .int(0))
          for (pname, t) in layer.weights { m.attributes.set(pname, self.parameter(t)) }
          m.attributes.set("_state", .native(TorchLayerState(layer, sharing: m)))
        },
        forward: { [unowned self] m, a in
          guard let layer = try self.recurrentState(m) as? Recurrent else { return .none }
          if case .native(let packed as TorchPackedSequence)? = a.value(0, "input") {
            var h0: Tensor?, c0: Tensor?
            if let hx = a.value(1, "hx"), !NumPyContext.isNoneLiteral(hx) {
              if mode == .lstm {
                (h0, c0) = try self.statePair(hx)
              } else {
                h0 = try self.tensor(hx)
              }
            }
            let (out, h, c) = try self.runPacked(layer, packed, h0: h0, c0: c0)
            let hv = self.named("StackBackward0", h)
            if mode == .lstm, let c {
              return .tuple([.native(out), .tuple([hv, self.named("StackBackward0", c)])])
            }
            return .tuple([.native(out), hv])
          }
          var x = try self.input(a)
          let unbatched = x.rank == 2
          guard x.rank == 2 || x.rank == 3 else {
            throw PyException(
              .valueError,
              "\(name): Expected input to be 2D or 3D, got \(x.rank)D tensor instead")
          }
          guard x.shape.last == layer.inputSize else {
            throw PyException(
              .runtimeError,
              "input.size(-1) must be equal to input_size. Expected \(layer.inputSize), got "
                + "\(x.shape.last ?? 0)")
          }
          if self.isTraining(m), layer.numLayers > 1, try self.doubleAttr(m, "dropout") > 0 {
            throw PyException(
              .notImplementedError,
              "\(name) dropout between layers is not supported in journal cells")
          }
          if unbatched { x = try x.unsqueezed(layer.batchFirst ? 0 : 1) }
          let (h0, c0) = try self.initialState(a, mode: mode, batchAxis: unbatched ? 1 : nil)
          let r = try layer.run(x, h0: h0, c0: c0)
          var out = r.output, h = r.hidden, c = r.cell
          var outName =
            layer.batchFirst
            ? "TransposeBackward1" : (mode == .lstm ? "MkldnnRnnLayerBackward0" : "StackBackward0")
          var stateName = "StackBackward0"
          if unbatched {
            out = try out.squeezed(axes: [layer.batchFirst ? 0 : 1])
            h = try h.squeezed(axes: [1])
            c = try c.map { try $0.squeezed(axes: [1]) }
            outName = "SqueezeBackward1"
            stateName = "SqueezeBackward1"
          }
          let hv = self.named(stateName, h)
          if mode == .lstm, let c {
            return .tuple([self.named(outName, out), .tuple([hv, self.named(stateName, c)])])
          }
          return .tuple([self.named(outName, out), hv])
        })
    }
    let cells: [(String, TorchRecurrentMode)] = [
      ("RNNCell", .rnn), ("LSTMCell", .lstm), ("GRUCell", .gru),
    ]
    for (name, mode) in cells {
      defineLayer(
        nn, name, file: "rnn",
        extra: { [unowned self] m in
          var s = "\(try self.intAttr(m, "input_size")), \(try self.intAttr(m, "hidden_size"))"
          if try !self.boolAttr(m, "bias") { s += ", bias=False" }
          if case .str(let n) = self.attr(m, "nonlinearity"), n != "tanh" {
            s += ", nonlinearity=\(n)"
          }
          return s
        },
        initialize: { [unowned self] m, a in
          let inputSize = try self.rt.toInt(try a.required(0, "input_size"))
          let hidden = try self.rt.toInt(try a.required(1, "hidden_size"))
          let bias = try a.value(2, "bias").map { try self.rt.isTrue($0) } ?? true
          let nonlinearity =
            try mode == .rnn
            ? a.value(3, "nonlinearity").map { try self.rt.string($0, "nonlinearity") } ?? "tanh"
            : "tanh"
          let cell: Recurrent.Cell =
            mode == .lstm
            ? .lstm : mode == .gru ? .gru : nonlinearity == "relu" ? .rnnRelu : .rnnTanh
          try self.checkedNew([hidden, inputSize])
          try self.checkedNew([4, hidden, Swift.max(inputSize, hidden)], copies: 4)
          let ps = self.generator.recurrentCellParameters(
            mode: mode, inputSize: inputSize, hiddenSize: hidden, bias: bias)
          let layer = try bridged {
            try RecurrentCell(
              cell, inputSize: inputSize, hiddenSize: hidden, bias: bias,
              uniform: self.replay(ps))
          }
          m.attributes.set("input_size", .int(inputSize))
          m.attributes.set("hidden_size", .int(hidden))
          m.attributes.set("bias", .bool(bias))
          if mode == .rnn { m.attributes.set("nonlinearity", .str(nonlinearity)) }
          for (pname, t) in layer.ownParameters { m.attributes.set(pname, self.parameter(t)) }
          m.attributes.set("_state", .native(TorchLayerState(layer, sharing: m)))
        },
        forward: { [unowned self] m, a in
          guard let cell = try self.recurrentState(m) as? RecurrentCell else { return .none }
          var x = try self.input(a)
          let unbatched = x.rank == 1
          if unbatched { x = try x.unsqueezed(0) }
          let (h, c) = try self.initialState(a, mode: mode, batchAxis: unbatched ? 0 : nil)
          var r = try cell.step(x, h: h, c: c)
          if unbatched {
            r.h = try r.h.squeezed(axes: [0])
            r.c = try r.c.map { try $0.squeezed(axes: [0]) }
          }
          switch mode {
          case .lstm:
            return .tuple([
              self.named("MulBackward0", r.h), self.named("AddBackward0", r.c ?? r.h),
            ])
          case .gru: return self.named("AddBackward0", r.h)
          case .rnn:
            let relu = self.attr(m, "nonlinearity").isString("relu")
            return self.named(relu ? "ReluBackward0" : "TanhBackward0", r.h)
          }
        })
    }
  }
}

extension PyValue {
  func isString(_ s: String) -> Bool {
    if case .str(let v) = self { return v == s }
    return false
  }
}
