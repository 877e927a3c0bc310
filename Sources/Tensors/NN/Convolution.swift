import Foundation

/// How a convolution pads its input with zeros (PyTorch's `padding=`).
public enum ConvolutionPadding: Sendable, Equatable {
  /// This many zeros on both sides of each spatial dimension (one value per dimension).
  case explicit([Int])
  /// No padding (`padding='valid'`).
  case valid
  /// An output as long as the input (`padding='same'`, stride 1 only): `dilation * (k - 1)`
  /// zeros per dimension, the odd one on the right, as PyTorch splits them.
  case same
}

extension Functional {
  /// `F.conv1d`: input `[N, C, L]` (or unbatched `[C, L]`), weight `[O, C / groups, k]`.
  public static func conv1d(
    _ input: Tensor, weight: Tensor, bias: Tensor? = nil, stride: Int = 1,
    padding: ConvolutionPadding = .valid, dilation: Int = 1, groups: Int = 1
  ) throws -> Tensor {
    try convolution(
      input, weight: weight, bias: bias, stride: [stride], padding: padding,
      dilation: [dilation], groups: groups, op: "conv1d")
  }

  /// `F.conv2d`: input `[N, C, H, W]` (or unbatched `[C, H, W]`), weight `[O, C / groups, kH, kW]`.
  public static func conv2d(
    _ input: Tensor, weight: Tensor, bias: Tensor? = nil, stride: (Int, Int) = (1, 1),
    padding: ConvolutionPadding = .valid, dilation: (Int, Int) = (1, 1), groups: Int = 1
  ) throws -> Tensor {
    try convolution(
      input, weight: weight, bias: bias, stride: [stride.0, stride.1], padding: padding,
      dilation: [dilation.0, dilation.1], groups: groups, op: "conv2d")
  }

  /// 1-D and 2-D convolution (cross-correlation, like PyTorch) through im2col and GEMM.
  ///
  /// A 1-D input is treated as an image of height 1. With `groups > 1` the columns of each
  /// group stay adjacent (im2col orders rows channel-major), so the whole layer is one batched
  /// GEMM of `[G, O/G, C/G*k]` weights by `[N, G, C/G*k, L]` columns.
  static func convolution(
    _ input: Tensor, weight: Tensor, bias: Tensor?, stride: [Int], padding: ConvolutionPadding,
    dilation: [Int], groups: Int, op: String
  ) throws -> Tensor {
    let spatial = stride.count
    guard weight.rank == spatial + 2 else {
      throw TensorError(
        .shape, "\(op): expected a \(spatial + 2)-D weight, got \(shapeString(weight.shape))")
    }
    let unbatched = input.rank == spatial + 1
    guard input.rank == spatial + 2 || unbatched else {
      throw TensorError(
        .shape,
        "\(op): Expected \(spatial + 1)D (unbatched) or \(spatial + 2)D (batched) input "
          + "to \(op), but got input of size: \(shapeString(input.shape))")
    }
    let x = unbatched ? try input.unsqueezed(0) : input
    let (n, c, o) = (x.shape[0], x.shape[1], weight.shape[0])
    guard groups > 0, o % groups == 0 else {
      throw TensorError(
        .value, "\(op): groups \(groups) must be positive and divide the \(o) output channels")
    }
    guard weight.shape[1] * groups == c else {
      throw TensorError(
        .shape,
        "\(op): Given groups=\(groups), weight of size \(shapeString(weight.shape)), "
          + "expected input\(shapeString(x.shape)) to have \(weight.shape[1] * groups) "
          + "channels, but got \(c) channels instead")
    }
    guard x.dtype.isFloatingPoint, x.dtype == weight.dtype,
      bias.map({ $0.dtype == x.dtype }) ?? true
    else {
      throw TensorError(
        .dtype,
        "\(op): input (\(x.dtype)), weight (\(weight.dtype)) and bias "
          + "(\(bias.map { "\($0.dtype)" } ?? "None")) must have the same float dtype")
    }
    if let bias, bias.shape != [o] {
      throw TensorError(
        .shape, "\(op): bias must have shape (\(o),), got \(shapeString(bias.shape))")
    }
    guard stride.allSatisfy({ $0 > 0 }), dilation.allSatisfy({ $0 > 0 }) else {
      throw TensorError(.value, "\(op): stride and dilation must be positive")
    }
    let kernel = Array(weight.shape.dropFirst(2))
    // Zeros before and after each spatial dimension.
    var pads: [(Int, Int)]
    switch padding {
    case .valid:
      pads = Array(repeating: (0, 0), count: spatial)
    case .explicit(let p):
      guard p.count == spatial, p.allSatisfy({ $0 >= 0 }) else {
        throw TensorError(
          .value, "\(op): padding needs \(spatial) non-negative values, got \(p)")
      }
      pads = p.map { ($0, $0) }
    case .same:
      guard stride.allSatisfy({ $0 == 1 }) else {
        throw TensorError(.value, "\(op): padding='same' is not supported for strided convolutions")
      }
      pads = (0..<spatial).map { d in
        let total = dilation[d] * (kernel[d] - 1)
        return (total / 2, total - total / 2)
      }
    }
    var image = x
    if pads.contains(where: { $0.0 != $0.1 }) {
      image = try image.padded([(0, 0), (0, 0)] + pads)
      pads = pads.map { _ in (0, 0) }
    }
    // 1-D is 2-D with height 1.
    let two = { (v: [Int], height: Int) in spatial == 1 ? (height, v[0]) : (v[0], v[1]) }
    if spatial == 1 { image = try image.unsqueezed(2) }
    let window = Tensor.Window2D(
      kernel: two(kernel, 1), stride: two(stride, 1), padding: two(pads.map(\.0), 0),
      dilation: two(dilation, 1))
    let (oh, ow) = window.outputSize(image.shape[2], image.shape[3])
    guard oh > 0, ow > 0 else {
      throw TensorError(
        .shape,
        "\(op): kernel size \(shapeString(kernel)) is larger than the padded input "
          + shapeString(x.shape))
    }
    let cols = try image.unfolded(window)
    let outSpatial = spatial == 1 ? [ow] : [oh, ow]
    var y: Tensor
    if groups == 1 {
      y = try Tensor.matmul(weight.reshaped([o, -1]), cols)
    } else {
      let w = try weight.reshaped([groups, o / groups, -1])
      y = try Tensor.matmul(w, cols.reshaped([n, groups, w.shape[2], oh * ow]))
    }
    y = try y.reshaped([n, o] + outSpatial)
    if let bias { y = try y + bias.reshaped([1, o] + Array(repeating: 1, count: spatial)) }
    if unbatched { y = try y.squeezed(axes: [0]) }
    // One node named as PyTorch names it (`grad_fn=<ConvolutionBackward0>`) over the pieces.
    var out = y.detached()
    out.recordUnary(y, "ConvolutionBackward0") { g in [g] }
    return out
  }
}

/// `nn.Conv1d`: weight `[out, in / groups, k]`, optional bias `[out]`.
public final class Conv1d: Module {
  public let weight: Tensor
  public let bias: Tensor?
  public let stride: Int
  public let padding: ConvolutionPadding
  public let dilation: Int
  public let groups: Int
  public var isTraining = true

  /// A layer with the given parameters (copied; they become leaves requiring grad).
  public init(
    weight: Tensor, bias: Tensor?, stride: Int = 1, padding: ConvolutionPadding = .valid,
    dilation: Int = 1, groups: Int = 1
  ) throws {
    guard weight.rank == 3, bias.map({ $0.shape == [weight.shape[0]] }) ?? true else {
      throw TensorError(
        .shape,
        "Conv1d: weight must be (out, in / groups, k) and bias (out,), got "
          + "\(shapeString(weight.shape)) and \(bias.map { shapeString($0.shape) } ?? "None")")
    }
    try checkConvolutionGroups("Conv1d", weight: weight, groups: groups)
    self.weight = try weight.detached().clone().requiringGrad()
    self.bias = try bias.map { try $0.detached().clone().requiringGrad() }
    self.stride = stride
    self.padding = padding
    self.dilation = dilation
    self.groups = groups
  }

  /// `nn.Conv1d(inChannels, outChannels, kernelSize, ...)` initialised as PyTorch does from
  /// `generator` (bit-identical float32 draws, then converted to `dtype`).
  public convenience init(
    inChannels: Int, outChannels: Int, kernelSize: Int, stride: Int = 1,
    padding: ConvolutionPadding = .valid, dilation: Int = 1, groups: Int = 1, bias: Bool = true,
    dtype: DType = .float32, generator: inout TorchGenerator
  ) throws {
    let (w, b) = try defaultConvolutionParameters(
      "Conv1d", inChannels: inChannels, outChannels: outChannels, kernelSize: [kernelSize],
      groups: groups, bias: bias, dtype: dtype, generator: &generator)
    try self.init(
      weight: w, bias: b, stride: stride, padding: padding, dilation: dilation,
      groups: groups)
  }

  public var ownParameters: [(name: String, tensor: Tensor)] {
    [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
  }

  public func callAsFunction(_ x: Tensor) throws -> Tensor {
    try Functional.conv1d(
      x, weight: weight, bias: bias, stride: stride, padding: padding, dilation: dilation,
      groups: groups)
  }
}

/// `nn.Conv2d`: weight `[out, in / groups, kH, kW]`, optional bias `[out]`.
public final class Conv2d: Module {
  public let weight: Tensor
  public let bias: Tensor?
  public let stride: (Int, Int)
  public let padding: ConvolutionPadding
  public let dilation: (Int, Int)
  public let groups: Int
  public var isTraining = true

  /// A layer with the given parameters (copied; they become leaves requiring grad).
  public init(
    weight: Tensor, bias: Tensor?, stride: (Int, Int) = (1, 1),
    padding: ConvolutionPadding, dilation: (Int, Int) = (1, 1),
    groups: Int = 1
  ) throws {
    guard weight.rank == 4, bias.map({ $0.shape == [weight.shape[0]] }) ?? true else {
      throw TensorError(
        .shape,
        "Conv2d: weight must be (out, in / groups, kH, kW) and bias (out,), got "
          + "\(shapeString(weight.shape)) and \(bias.map { shapeString($0.shape) } ?? "None")")
    }
    try checkConvolutionGroups("Conv2d", weight: weight, groups: groups)
    self.weight = try weight.detached().clone().requiringGrad()
    self.bias = try bias.map { try $0.detached().clone().requiringGrad() }
    self.stride = stride
    self.padding = padding
    self.dilation = dilation
    self.groups = groups
  }

  /// A layer with symmetric zero padding given per dimension.
  public convenience init(
    weight: Tensor, bias: Tensor?, stride: (Int, Int) = (1, 1),
    padding: (Int, Int) = (0, 0), dilation: (Int, Int) = (1, 1),
    groups: Int = 1
  ) throws {
    try self.init(
      weight: weight, bias: bias, stride: stride,
      padding: .explicit([padding.0, padding.1]), dilation: dilation, groups: groups)
  }

  /// `nn.Conv2d(inChannels, outChannels, kernelSize, ...)` initialised as PyTorch does from
  /// `generator` (bit-identical float32 draws, then converted to `dtype`).
  public convenience init(
    inChannels: Int, outChannels: Int, kernelSize: (Int, Int), stride: (Int, Int) = (1, 1),
    padding: ConvolutionPadding = .valid, dilation: (Int, Int) = (1, 1), groups: Int = 1,
    bias: Bool = true, dtype: DType = .float32, generator: inout TorchGenerator
  ) throws {
    let (w, b) = try defaultConvolutionParameters(
      "Conv2d", inChannels: inChannels, outChannels: outChannels,
      kernelSize: [kernelSize.0, kernelSize.1], groups: groups, bias: bias, dtype: dtype,
      generator: &generator)
    try self.init(
      weight: w, bias: b, stride: stride, padding: padding, dilation: dilation,
      groups: groups)
  }

  public var ownParameters: [(name: String, tensor: Tensor)] {
    [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
  }

  public func callAsFunction(_ x: Tensor) throws -> Tensor {
    try Functional.conv2d(
      x, weight: weight, bias: bias, stride: stride, padding: padding, dilation: dilation,
      groups: groups)
  }
}

/// PyTorch's constructor checks: `in_channels` and `out_channels` divisible by `groups`.
private func checkConvolutionGroups(_ layer: String, weight: Tensor, groups: Int) throws {
  guard groups > 0 else {
    throw TensorError(.value, "\(layer): groups must be a positive integer")
  }
  guard weight.shape[0] % groups == 0 else {
    throw TensorError(.value, "\(layer): out_channels must be divisible by groups")
  }
}

private func defaultConvolutionParameters(
  _ layer: String, inChannels: Int, outChannels: Int, kernelSize: [Int], groups: Int, bias: Bool,
  dtype: DType, generator: inout TorchGenerator
) throws -> (weight: Tensor, bias: Tensor?) {
  guard groups > 0 else {
    throw TensorError(.value, "\(layer): groups must be a positive integer")
  }
  guard inChannels % groups == 0 else {
    throw TensorError(.value, "\(layer): in_channels must be divisible by groups")
  }
  guard outChannels % groups == 0 else {
    throw TensorError(.value, "\(layer): out_channels must be divisible by groups")
  }
  let params = generator.convolutionParameters(
    inChannels: inChannels, outChannels: outChannels, kernelSize: kernelSize, groups: groups,
    bias: bias)
  let w = try Tensor(params[0].values, shape: params[0].shape).casted(to: dtype)
  var b: Tensor? = nil
  if bias {
    // PyTorch leaves the bias uninitialised (zeros here) when the fan-in is empty.
    b =
      params.count > 1
      ? try Tensor(params[1].values, shape: params[1].shape).casted(to: dtype)
      : Tensor(zeros: [outChannels], dtype: dtype)
  }
  return (w, b)
}
