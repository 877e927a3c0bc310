import Foundation

/// Elman RNN, LSTM and GRU layers with PyTorch's gate order, parameter names and shapes
/// (`num_layers`, `batch_first`, `bidirectional`, initial states).
public final class Recurrent: Module {
  public enum Cell: String, Sendable {
    case rnnTanh, rnnRelu, lstm, gru

    /// Rows of the stacked gate weights per hidden unit.
    var gates: Int {
      switch self {
      case .lstm: return 4
      case .gru: return 3
      default: return 1
      }
    }
  }

  public let cell: Cell
  public let inputSize: Int
  public let hiddenSize: Int
  public let numLayers: Int
  public let bidirectional: Bool
  public let batchFirst: Bool
  public var isTraining = true
  /// Parameters in PyTorch's `_flat_weights` order.
  public let weights: [(name: String, tensor: Tensor)]

  /// A layer initialised like PyTorch: every parameter uniform in ±1/sqrt(hidden), drawn in
  /// `_flat_weights` order from `uniform(count, bound)`.
  public init(
    _ cell: Cell, inputSize: Int, hiddenSize: Int, numLayers: Int = 1,
    bias: Bool = true, batchFirst: Bool = false, bidirectional: Bool = false,
    dtype: DType = .float32,
    uniform: (_ count: Int, _ bound: Double) -> [Double]
  ) throws {
    self.cell = cell
    self.inputSize = inputSize
    self.hiddenSize = hiddenSize
    self.numLayers = numLayers
    self.bidirectional = bidirectional
    self.batchFirst = batchFirst
    let bound = 1 / Foundation.sqrt(Double(hiddenSize))
    var w: [(String, Tensor)] = []
    for (name, shape) in Recurrent.parameterShapes(
      cell, inputSize, hiddenSize, numLayers, bias,
      bidirectional)
    {
      let t = try Tensor(uniform(shape.reduce(1, *), bound), shape: shape).casted(to: dtype)
      w.append((name, try t.requiringGrad()))
    }
    weights = w
  }

  static func parameterShapes(
    _ cell: Cell, _ input: Int, _ hidden: Int, _ layers: Int,
    _ bias: Bool, _ bidirectional: Bool
  ) -> [(String, [Int])] {
    var out: [(String, [Int])] = []
    let dirs = bidirectional ? 2 : 1
    for l in 0..<layers {
      for d in 0..<dirs {
        let suffix = "_l\(l)" + (d == 1 ? "_reverse" : "")
        let inSize = l == 0 ? input : hidden * dirs
        out.append(("weight_ih" + suffix, [cell.gates * hidden, inSize]))
        out.append(("weight_hh" + suffix, [cell.gates * hidden, hidden]))
        if bias {
          out.append(("bias_ih" + suffix, [cell.gates * hidden]))
          out.append(("bias_hh" + suffix, [cell.gates * hidden]))
        }
      }
    }
    return out
  }

  public var ownParameters: [(name: String, tensor: Tensor)] { weights }

  func parameter(_ name: String) -> Tensor? { weights.first { $0.name == name }?.tensor }

  /// One step of the cell: new hidden state (and cell state for LSTM).
  func step(_ xProj: Tensor, _ h: Tensor, _ c: Tensor?, _ whh: Tensor, _ bhh: Tensor?) throws
    -> (Tensor, Tensor?)
  {
    var hp = try Tensor.matmul(h, whh.T)
    if let bhh { hp = try hp + bhh }
    let hs = hiddenSize
    switch cell {
    case .rnnTanh: return (try (xProj + hp).tanh(), nil)
    case .rnnRelu: return (try (xProj + hp).relu(), nil)
    case .lstm:
      let gates = try xProj + hp
      let i = try gates.narrowed(axis: 1, start: 0, length: hs).sigmoid()
      let f = try gates.narrowed(axis: 1, start: hs, length: hs).sigmoid()
      let g = try gates.narrowed(axis: 1, start: 2 * hs, length: hs).tanh()
      let o = try gates.narrowed(axis: 1, start: 3 * hs, length: hs).sigmoid()
      let cNew = try f * c! + i * g
      return (try o * cNew.tanh(), cNew)
    case .gru:
      let r = try
        (xProj.narrowed(axis: 1, start: 0, length: hs)
        + hp.narrowed(axis: 1, start: 0, length: hs)).sigmoid()
      let z = try
        (xProj.narrowed(axis: 1, start: hs, length: hs)
        + hp.narrowed(axis: 1, start: hs, length: hs)).sigmoid()
      let n = try
        (xProj.narrowed(axis: 1, start: 2 * hs, length: hs)
        + r * hp.narrowed(axis: 1, start: 2 * hs, length: hs)).tanh()
      return (try (1.0 - z) * n + z * h, nil)
    }
  }

  /// Runs the sequence: returns the output, the final hidden states `[L*D, N, H]` and, for LSTM,
  /// the final cell states.
  public func run(_ input: Tensor, h0: Tensor? = nil, c0: Tensor? = nil) throws
    -> (output: Tensor, hidden: Tensor, cell: Tensor?)
  {
    guard input.rank == 3, input.shape[2] == inputSize else {
      throw TensorError(
        .shape,
        "\(cell.rawValue): expected input of size (*, *, \(inputSize)), got "
          + shapeString(input.shape))
    }
    var x = batchFirst ? try input.transposed(0, 1) : input
    let steps = x.shape[0], batch = x.shape[1]
    let dirs = bidirectional ? 2 : 1
    let stateShape = [numLayers * dirs, batch, hiddenSize]
    for s in [h0, c0].compactMap({ $0 }) where s.shape != stateShape {
      throw TensorError(
        .shape,
        "\(cell.rawValue): expected hidden size \(shapeString(stateShape)), got "
          + shapeString(s.shape))
    }
    let zeros = Tensor.zeros(stateShape, dtype: input.dtype)
    var hOut: [Tensor] = [], cOut: [Tensor] = []
    for l in 0..<numLayers {
      var dirOutputs: [Tensor] = []
      for d in 0..<dirs {
        let suffix = "_l\(l)" + (d == 1 ? "_reverse" : "")
        let wih = parameter("weight_ih" + suffix)!, whh = parameter("weight_hh" + suffix)!
        let bih = parameter("bias_ih" + suffix), bhh = parameter("bias_hh" + suffix)
        var proj = try Tensor.matmul(x, wih.T)
        if let bih { proj = try proj + bih }
        var h = try (h0 ?? zeros).item([.index(l * dirs + d)])
        var c: Tensor? = cell == .lstm ? try (c0 ?? zeros).item([.index(l * dirs + d)]) : nil
        var outs = [Tensor?](repeating: nil, count: steps)
        for k in 0..<steps {
          let t = d == 0 ? k : steps - 1 - k
          (h, c) = try step(proj.item([.index(t)]), h, c, whh, bhh)
          outs[t] = h
        }
        hOut.append(h)
        if let c { cOut.append(c) }
        dirOutputs.append(try Tensor.stack(outs.compactMap { $0 }, axis: 0))
      }
      x = dirs == 1 ? dirOutputs[0] : try Tensor.concatenate(dirOutputs, axis: 2)
    }
    let output = batchFirst ? try x.transposed(0, 1) : x
    return (output, try Tensor.stack(hOut), cell == .lstm ? try Tensor.stack(cOut) : nil)
  }

  /// The output sequence only.
  public func callAsFunction(_ input: Tensor) throws -> Tensor { try run(input).output }
}

/// One step of an RNN, LSTM or GRU (`RNNCell`, `LSTMCell`, `GRUCell`), with PyTorch's parameter
/// names `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh`.
public final class RecurrentCell: Module {
  let layer: Recurrent
  public var isTraining = true

  /// A cell initialised like PyTorch (uniform in ±1/sqrt(hidden), in parameter order).
  public init(
    _ cell: Recurrent.Cell, inputSize: Int, hiddenSize: Int, bias: Bool = true,
    dtype: DType = .float32,
    uniform: (_ count: Int, _ bound: Double) -> [Double]
  ) throws {
    layer = try Recurrent(
      cell, inputSize: inputSize, hiddenSize: hiddenSize, bias: bias,
      dtype: dtype, uniform: uniform)
  }

  public var ownParameters: [(name: String, tensor: Tensor)] {
    layer.weights.map { (String($0.name.dropLast(3)), $0.tensor) }
  }

  /// The next hidden state (and cell state for LSTM) from input `[N, in]` and states `[N, H]`
  /// (zeros when nil).
  public func step(_ x: Tensor, h: Tensor? = nil, c: Tensor? = nil) throws -> (
    h: Tensor, c: Tensor?
  ) {
    guard x.rank == 2, x.shape[1] == layer.inputSize else {
      throw TensorError(
        .shape,
        "\(layer.cell.rawValue) cell: expected input (N, \(layer.inputSize)), got "
          + shapeString(x.shape))
    }
    let zeros = Tensor.zeros([x.shape[0], layer.hiddenSize], dtype: x.dtype)
    var proj = try Tensor.matmul(x, layer.parameter("weight_ih_l0")!.T)
    if let b = layer.parameter("bias_ih_l0") { proj = try proj + b }
    let r = try layer.step(
      proj, h ?? zeros, layer.cell == .lstm ? (c ?? zeros) : nil,
      layer.parameter("weight_hh_l0")!, layer.parameter("bias_hh_l0"))
    return (r.0, r.1)
  }

  public func callAsFunction(_ input: Tensor) throws -> Tensor { try step(input).h }
}
