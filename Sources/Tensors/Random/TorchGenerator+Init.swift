import Foundation

/// One parameter of a PyTorch module as its default initialisation fills it.
public struct TorchParameter: Sendable, Equatable {
  /// PyTorch's name, e.g. `weight_ih_l0_reverse`.
  public var name: String
  /// The tensor shape.
  public var shape: [Int]
  /// The values in C order.
  public var values: [Float]
}

/// The recurrent layers whose parameters `TorchGenerator.recurrentParameters` initialises.
public enum TorchRecurrentMode: String, Sendable, CaseIterable {
  /// `nn.RNN` (tanh or relu): one gate.
  case rnn
  /// `nn.LSTM`: four gates (input, forget, cell, output).
  case lstm
  /// `nn.GRU`: three gates (reset, update, new).
  case gru

  /// The number of gates stacked in each weight's first dimension.
  public var gateCount: Int {
    switch self {
    case .rnn: 1
    case .lstm: 4
    case .gru: 3
    }
  }
}

extension TorchGenerator {
  /// The bound of `kaiming_uniform_(w, a)` in fan-in mode with the leaky-ReLU gain, computed in
  /// double with Python's operation order: `sqrt(3) * (sqrt(2 / (1 + a^2)) / sqrt(fan_in))`.
  public static func kaimingUniformBound(fanIn: Int, a: Double = 5.0.squareRoot()) -> Double {
    let gain = (2.0 / (1 + a * a)).squareRoot()
    let std = gain / Double(fanIn).squareRoot()
    return 3.0.squareRoot() * std
  }

  /// The bias bound of Linear and Conv layers: `1 / sqrt(fan_in)`, 0 for an empty fan-in.
  public static func biasBound(fanIn: Int) -> Double {
    fanIn > 0 ? 1 / Double(fanIn).squareRoot() : 0
  }

  /// `nn.init.kaiming_uniform_(w, a)` for a float32 weight with the given fan-in.
  public mutating func kaimingUniform(
    count: Int, fanIn: Int, a: Double = 5.0.squareRoot()
  ) -> [Float] {
    let bound = Self.kaimingUniformBound(fanIn: fanIn, a: a)
    return uncheckedUniform(from: -bound, to: bound, count: count)
  }

  /// The parameters of `nn.Linear(inFeatures, outFeatures, bias)` as its constructor draws
  /// them: `weight` (out, in) by Kaiming-uniform with `a = sqrt(5)`, then `bias` (out).
  public mutating func linearParameters(
    inFeatures: Int, outFeatures: Int, bias: Bool = true
  ) -> [TorchParameter] {
    var parameters = [
      TorchParameter(
        name: "weight", shape: [outFeatures, inFeatures],
        values: kaimingUniform(count: outFeatures * inFeatures, fanIn: inFeatures))
    ]
    if bias {
      let bound = Self.biasBound(fanIn: inFeatures)
      parameters.append(
        TorchParameter(
          name: "bias", shape: [outFeatures],
          values: uncheckedUniform(from: -bound, to: bound, count: outFeatures)))
    }
    return parameters
  }

  /// The parameters of `nn.Conv2d(inChannels, outChannels, kernelSize, groups:, bias:)`.
  public mutating func conv2dParameters(
    inChannels: Int, outChannels: Int, kernelSize: (height: Int, width: Int),
    groups: Int = 1, bias: Bool = true
  ) -> [TorchParameter] {
    convolutionParameters(
      inChannels: inChannels, outChannels: outChannels,
      kernelSize: [kernelSize.height, kernelSize.width], groups: groups, bias: bias)
  }

  /// The parameters of `nn.Conv1d/2d/3d` (or `nn.ConvTranspose1d/2d/3d` when `transposed`).
  ///
  /// `weight` is (out, in / groups, *kernel) or, transposed, (in, out / groups, *kernel); it is
  /// Kaiming-uniform over `fan_in = weight.shape[1] * prod(kernel)`, then `bias` (out) is
  /// uniform in `±1 / sqrt(fan_in)`.
  public mutating func convolutionParameters(
    inChannels: Int, outChannels: Int, kernelSize: [Int], groups: Int = 1, bias: Bool = true,
    transposed: Bool = false
  ) -> [TorchParameter] {
    let shape =
      transposed
      ? [inChannels, outChannels / groups] + kernelSize
      : [outChannels, inChannels / groups] + kernelSize
    let fanIn = shape.dropFirst().reduce(1, *)
    var parameters = [
      TorchParameter(
        name: "weight", shape: shape,
        values: kaimingUniform(count: shape.reduce(1, *), fanIn: fanIn))
    ]
    if bias && fanIn != 0 {
      let bound = Self.biasBound(fanIn: fanIn)
      parameters.append(
        TorchParameter(
          name: "bias", shape: [outChannels],
          values: uncheckedUniform(from: -bound, to: bound, count: outChannels)))
    }
    return parameters
  }

  /// The weight of `nn.Embedding(count, dimension)`: standard normal (`normal_`), float32.
  public mutating func embeddingParameters(count: Int, dimension: Int) -> [TorchParameter] {
    [
      TorchParameter(
        name: "weight", shape: [count, dimension], values: uncheckedNormal(count: count * dimension)
      )
    ]
  }

  /// The parameters of `nn.RNNCell`, `nn.LSTMCell` or `nn.GRUCell`: `weight_ih`, `weight_hh`,
  /// `bias_ih`, `bias_hh`, each uniform in `±1 / sqrt(hidden_size)`.
  public mutating func recurrentCellParameters(
    mode: TorchRecurrentMode, inputSize: Int, hiddenSize: Int, bias: Bool = true
  ) -> [TorchParameter] {
    let layer = recurrentParameters(
      mode: mode, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: 1, bias: bias)
    return layer.map { parameter in
      var cell = parameter
      cell.name = String(parameter.name.dropLast("_l0".count))
      return cell
    }
  }

  /// The parameters of `nn.RNN`, `nn.LSTM` or `nn.GRU` in registration order (per layer, per
  /// direction: `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh`), each uniform in
  /// `±1 / sqrt(hidden_size)`.
  public mutating func recurrentParameters(
    mode: TorchRecurrentMode, inputSize: Int, hiddenSize: Int, numLayers: Int = 1,
    bias: Bool = true, bidirectional: Bool = false
  ) -> [TorchParameter] {
    let bound = hiddenSize > 0 ? 1.0 / Double(hiddenSize).squareRoot() : 0
    let gateSize = mode.gateCount * hiddenSize
    let directions = bidirectional ? 2 : 1
    var parameters: [TorchParameter] = []
    for layer in 0..<numLayers {
      let layerInput = layer == 0 ? inputSize : hiddenSize * directions
      for direction in 0..<directions {
        let suffix = "_l\(layer)" + (direction == 1 ? "_reverse" : "")
        var shapes = [
          ("weight_ih" + suffix, [gateSize, layerInput]),
          ("weight_hh" + suffix, [gateSize, hiddenSize]),
        ]
        if bias {
          shapes += [("bias_ih" + suffix, [gateSize]), ("bias_hh" + suffix, [gateSize])]
        }
        for (name, shape) in shapes {
          let values = uncheckedUniform(from: -bound, to: bound, count: shape.reduce(1, *))
          parameters.append(TorchParameter(name: name, shape: shape, values: values))
        }
      }
    }
    return parameters
  }
}

/// The nonlinearities of `nn.init.calculate_gain`.
public enum TorchNonlinearity: Sendable, Equatable {
  case linear, sigmoid, tanh, relu, selu
  case leakyReLU(negativeSlope: Double)

  /// `calculate_gain(nonlinearity, param)`, in double as PyTorch computes it.
  public var gain: Double {
    switch self {
    case .linear, .sigmoid: 1
    case .tanh: 5.0 / 3
    case .relu: 2.0.squareRoot()
    case .selu: 3.0 / 4
    case .leakyReLU(let slope): (2.0 / (1 + slope * slope)).squareRoot()
    }
  }
}

/// Which fan `kaiming_*` scales by.
public enum TorchFanMode: Sendable {
  case fanIn, fanOut
}

extension TorchGenerator {
  /// `_calculate_fan_in_and_fan_out`: dims 1 and 0, times the receptive field of dims 2...
  public static func fans(of shape: [Int]) throws(RandomError) -> (fanIn: Int, fanOut: Int) {
    guard shape.count >= 2 else {
      throw RandomError(
        .value,
        "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
    }
    let receptiveField = shape.dropFirst(2).reduce(1, *)
    return (shape[1] * receptiveField, shape[0] * receptiveField)
  }

  /// `nn.init.xavier_uniform_(w, gain)`: uniform in `±sqrt(3) * gain * sqrt(2 / (in + out))`.
  public mutating func xavierUniform(shape: [Int], gain: Double = 1) throws(RandomError) -> [Float]
  {
    let (fanIn, fanOut) = try Self.fans(of: shape)
    let std = gain * (2.0 / Double(fanIn + fanOut)).squareRoot()
    let bound = 3.0.squareRoot() * std
    return uncheckedUniform(from: -bound, to: bound, count: shape.reduce(1, *))
  }

  /// `nn.init.xavier_normal_(w, gain)`: `normal_(0, gain * sqrt(2 / (in + out)))`.
  public mutating func xavierNormal(shape: [Int], gain: Double = 1) throws(RandomError) -> [Float] {
    let (fanIn, fanOut) = try Self.fans(of: shape)
    let std = gain * (2.0 / Double(fanIn + fanOut)).squareRoot()
    return try normal(mean: 0, std: std, count: shape.reduce(1, *))
  }

  /// `nn.init.kaiming_uniform_(w, a, mode, nonlinearity)`; PyTorch's defaults are fan-in and
  /// leaky ReLU with slope 0 (gain sqrt(2)).
  public mutating func kaimingUniform(
    shape: [Int], mode: TorchFanMode = .fanIn,
    nonlinearity: TorchNonlinearity = .leakyReLU(negativeSlope: 0)
  ) throws(RandomError) -> [Float] {
    let std = nonlinearity.gain / Double(try Self.fan(of: shape, mode)).squareRoot()
    let bound = 3.0.squareRoot() * std
    return uncheckedUniform(from: -bound, to: bound, count: shape.reduce(1, *))
  }

  /// `nn.init.kaiming_normal_(w, a, mode, nonlinearity)`: `normal_(0, gain / sqrt(fan))`.
  public mutating func kaimingNormal(
    shape: [Int], mode: TorchFanMode = .fanIn,
    nonlinearity: TorchNonlinearity = .leakyReLU(negativeSlope: 0)
  ) throws(RandomError) -> [Float] {
    let std = nonlinearity.gain / Double(try Self.fan(of: shape, mode)).squareRoot()
    return try normal(mean: 0, std: std, count: shape.reduce(1, *))
  }

  private static func fan(of shape: [Int], _ mode: TorchFanMode) throws(RandomError) -> Int {
    let fans = try fans(of: shape)
    return mode == .fanIn ? fans.fanIn : fans.fanOut
  }
}
