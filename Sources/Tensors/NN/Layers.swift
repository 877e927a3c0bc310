import Foundation

extension Module {
  /// Non-trainable state owned directly by this module (running statistics).
  public var ownBuffers: [(name: String, tensor: Tensor)] { [] }

  /// Every buffer with its dotted path, like `named_buffers()`.
  public func namedBuffers() -> [(name: String, tensor: Tensor)] {
    var out = ownBuffers
    for (prefix, child) in children {
      out += child.namedBuffers().map { ("\(prefix).\($0.name)", $0.tensor) }
    }
    return out
  }
}

/// Normalises over the trailing `normalizedShape` dimensions (biased variance), then scales.
public final class LayerNorm: Module {
  public let normalizedShape: [Int]
  public let eps: Double
  public let weight: Tensor?
  public let bias: Tensor?
  public var isTraining = true

  public init(
    _ normalizedShape: [Int], eps: Double = 1e-5, elementwiseAffine: Bool = true,
    dtype: DType = .float32
  ) throws {
    self.normalizedShape = normalizedShape
    self.eps = eps
    weight =
      elementwiseAffine ? try Tensor.ones(normalizedShape, dtype: dtype).requiringGrad() : nil
    bias = elementwiseAffine ? try Tensor.zeros(normalizedShape, dtype: dtype).requiringGrad() : nil
  }

  public var ownParameters: [(name: String, tensor: Tensor)] {
    (weight.map { [("weight", $0)] } ?? []) + (bias.map { [("bias", $0)] } ?? [])
  }

  public func callAsFunction(_ x: Tensor) throws -> Tensor {
    guard x.shape.suffix(normalizedShape.count).elementsEqual(normalizedShape) else {
      throw TensorError(
        .shape,
        "LayerNorm: input \(shapeString(x.shape)) does not end with normalized shape "
          + shapeString(normalizedShape))
    }
    let axes = Array((x.rank - normalizedShape.count)..<x.rank)
    let mean = try x.mean(axes: axes, keepDims: true)
    let d = try x - mean
    let v = try (d * d).mean(axes: axes, keepDims: true)
    var y = try d / (v + eps).sqrt()
    if let weight { y = try y * weight }
    if let bias { y = try y + bias }
    return y
  }
}

/// A lookup table: rows of `weight` picked by integer indices.
public final class Embedding: Module {
  public let weight: Tensor
  public var isTraining = true

  public init(weight: Tensor) throws {
    self.weight = try weight.detached().clone().requiringGrad()
  }

  public var ownParameters: [(name: String, tensor: Tensor)] { [("weight", weight)] }

  public func callAsFunction(_ indices: Tensor) throws -> Tensor {
    try Functional.embedding(indices, weight: weight)
  }
}

/// Batch normalisation over the channel dimension 1 of `[N, C]`, `[N, C, L]` or `[N, C, H, W]`.
///
/// Training uses the batch's biased variance and updates the running statistics with the
/// unbiased one (momentum 0.1), as PyTorch does; evaluation uses the running statistics.
public final class BatchNorm: Module {
  public let weight: Tensor
  public let bias: Tensor
  public let runningMean: Tensor
  public let runningVar: Tensor
  public let eps: Double
  public let momentum: Double
  public var isTraining = true

  public init(
    _ features: Int, eps: Double = 1e-5, momentum: Double = 0.1,
    dtype: DType = .float32
  ) throws {
    weight = try Tensor.ones([features], dtype: dtype).requiringGrad()
    bias = try Tensor.zeros([features], dtype: dtype).requiringGrad()
    runningMean = Tensor.zeros([features], dtype: dtype)
    runningVar = Tensor.ones([features], dtype: dtype)
    self.eps = eps
    self.momentum = momentum
  }

  public var ownParameters: [(name: String, tensor: Tensor)] {
    [("weight", weight), ("bias", bias)]
  }
  public var ownBuffers: [(name: String, tensor: Tensor)] {
    [("running_mean", runningMean), ("running_var", runningVar)]
  }

  public func callAsFunction(_ x: Tensor) throws -> Tensor {
    guard x.rank >= 2, x.shape[1] == weight.shape[0] else {
      throw TensorError(
        .shape,
        "BatchNorm: expected (N, \(weight.shape[0]), ...) input, got "
          + shapeString(x.shape))
    }
    let axes = [0] + Array(2..<x.rank)
    var view = [Int](repeating: 1, count: x.rank)
    view[1] = weight.shape[0]
    let mean: Tensor, variance: Tensor
    if isTraining {
      mean = try x.mean(axes: axes, keepDims: true)
      let d = try x - mean
      variance = try (d * d).mean(axes: axes, keepDims: true)
      let n = Double(x.count / weight.shape[0])
      try GradMode.withNoGrad {
        let m = try mean.detached().reshaped([-1])
        let unbiased = try variance.detached().reshaped([-1]) * (n / Swift.max(n - 1, 1))
        try runningMean.copyInPlace(from: runningMean * (1 - momentum) + m * momentum)
        try runningVar.copyInPlace(from: runningVar * (1 - momentum) + unbiased * momentum)
      }
    } else {
      mean = try runningMean.reshaped(view)
      variance = try runningVar.reshaped(view)
    }
    let y = try (x - mean) / (variance + eps).sqrt()
    return try y * weight.reshaped(view) + bias.reshaped(view)
  }
}

/// Zeroes elements with probability `p` in training and scales the rest by `1/(1-p)`.
///
/// The keep mask comes from `bernoulli(count, keepProbability)` so the caller decides the random
/// stream (PyTorch's generator for bit-identical masks).
public final class Dropout: Module {
  public let p: Double
  public var isTraining = true
  let bernoulli: (Int, Double) -> [Bool]

  public init(_ p: Double = 0.5, bernoulli: @escaping (Int, Double) -> [Bool]) {
    self.p = p
    self.bernoulli = bernoulli
  }

  public func callAsFunction(_ x: Tensor) throws -> Tensor {
    guard isTraining, p > 0 else { return x }
    if p >= 1 { return try x * 0.0 }
    let mask = try Tensor(bernoulli(x.count, 1 - p), shape: x.shape).casted(to: x.dtype)
    return try x * mask * (1 / (1 - p))
  }
}

/// Max or average pooling over 2-D windows of `[N, C, H, W]`.
public final class Pool2d: Module {
  public enum Kind: Sendable { case max, average }
  public let kind: Kind
  public let window: Tensor.Window2D
  public var isTraining = true

  /// Stride defaults to the kernel size, as in PyTorch.
  public init(
    _ kind: Kind, kernel: (Int, Int), stride: (Int, Int)? = nil,
    padding: (Int, Int) = (0, 0)
  ) {
    self.kind = kind
    window = Tensor.Window2D(kernel: kernel, stride: stride ?? kernel, padding: padding)
  }

  public func callAsFunction(_ x: Tensor) throws -> Tensor {
    guard x.rank == 4 else {
      throw TensorError(.shape, "Pool2d: expected (N, C, H, W) input, got \(shapeString(x.shape))")
    }
    let (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let (oh, ow) = window.outputSize(h, w)
    var input = try x.reshaped([n * c, 1, h, w])
    if kind == .max && (window.padding.0 > 0 || window.padding.1 > 0) {
      // Max pooling pads with -inf, not zeros.
      input = try input.padded(
        [
          (0, 0), (0, 0), (window.padding.0, window.padding.0),
          (window.padding.1, window.padding.1),
        ], value: -.infinity)
      var win = window
      win.padding = (0, 0)
      let cols = try input.unfolded(win)
      return try cols.max(axis: 1).values.reshaped([n, c, oh, ow])
    }
    let cols = try input.unfolded(window)
    let pooled = kind == .max ? try cols.max(axis: 1).values : try cols.mean(axes: [1])
    return try pooled.reshaped([n, c, oh, ow])
  }
}
