import Foundation

/// Softmax family and losses with PyTorch semantics (`torch.nn.functional`).
public enum Functional {
  /// How a loss combines per-element values.
  public enum Reduction: String, Sendable {
    case none, mean, sum
  }

  static func reduce(_ t: Tensor, _ r: Reduction) throws -> Tensor {
    switch r {
    case .none: return t
    case .mean: return try t.mean(order: .pytorch)
    case .sum: return try t.sum(order: .pytorch)
    }
  }

  /// `log(sum(exp(x)))` along `axis`, computed stably.
  public static func logSumExp(_ x: Tensor, axis: Int, keepDims: Bool = false) throws -> Tensor {
    let m = try x.detached().max(axes: [axis], keepDims: true)
    let safe = try Tensor.where(m.unary(.isfinite), m, Tensor(scalar: .double(0), dtype: m.dtype))
    let s = try (x - safe).exp().sum(axes: [axis], keepDims: true).log() + safe
    return keepDims ? s : try s.squeezed(axes: [axis])
  }

  /// `log(softmax(x))` along `axis`.
  public static func logSoftmax(_ x: Tensor, axis: Int) throws -> Tensor {
    let a = try x.axis(axis, "log_softmax")
    var out = try GradMode.withNoGrad {
      try x.detached() - logSumExp(x.detached(), axis: a, keepDims: true)
    }
    if Tensor.needsGrad(x) {
      let y = out.detached()
      out.recordUnary(x, "LogSoftmaxBackward0") { g in
        [try g - y.exp() * g.sum(axes: [a], keepDims: true)]
      }
    }
    return out
  }

  /// `exp(x) / sum(exp(x))` along `axis`, shifted by the maximum for stability.
  public static func softmax(_ x: Tensor, axis: Int) throws -> Tensor {
    let a = try x.axis(axis, "softmax")
    var out = try GradMode.withNoGrad { () throws -> Tensor in
      let xd = x.detached()
      let e = try (xd - xd.max(axes: [a], keepDims: true)).exp()
      return try e / e.sum(axes: [a], keepDims: true)
    }
    if Tensor.needsGrad(x) {
      let y = out.detached()
      out.recordUnary(x, "SoftmaxBackward0") { g in
        [try y * (g - (g * y).sum(axes: [a], keepDims: true))]
      }
    }
    return out
  }

  /// Negative log-likelihood of `target` classes under log-probabilities `input` ([N, C] or [C]).
  public static func nllLoss(
    _ input: Tensor, _ target: Tensor, weight: Tensor? = nil,
    reduction: Reduction = .mean
  ) throws -> Tensor {
    guard target.dtype.isInteger else {
      throw TensorError(.dtype, "nll_loss: expected target of integer type, got \(target.dtype)")
    }
    let x = input.rank == 1 ? try input.unsqueezed(0) : input
    let t = target.rank == 0 ? try target.unsqueezed(0) : target
    guard x.rank == 2, t.rank == 1, t.shape[0] == x.shape[0] else {
      throw TensorError(
        .shape,
        "nll_loss: expected input (N, C) and target (N,), got \(shapeString(input.shape)) "
          + "and \(shapeString(target.shape))")
    }
    let n = x.shape[0]
    let rows = try Tensor.arange(.int(0), .int(Int64(n)))
    var picked = try -x[.array(rows), .array(t)]
    if let weight {
      let w = try weight.item([.array(t)]).casted(to: x.dtype)
      picked = try picked * w
      if reduction == .mean { return try picked.sum() / w.sum() }
    }
    let r = try reduce(picked, reduction)
    return input.rank == 1 && reduction == .none ? try r.squeezed() : r
  }

  /// Cross entropy of raw `logits` against class indices (log-softmax then NLL).
  public static func crossEntropy(
    _ logits: Tensor, _ target: Tensor, weight: Tensor? = nil,
    reduction: Reduction = .mean
  ) throws -> Tensor {
    try nllLoss(
      logSoftmax(logits, axis: logits.rank == 1 ? 0 : 1), target, weight: weight,
      reduction: reduction)
  }

  /// Mean squared error, with PyTorch's promotion, recorded as PyTorch records it: one
  /// `MseLossBackward0` node over (input, target) whose gradient is `norm * (input - target) * g`
  /// with `norm` 2/n for the mean and 2 otherwise, in PyTorch's order.
  public static func mseLoss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean)
    throws -> Tensor
  {
    let x = input.detached(), y = target.detached()
    let d = try Tensor.binary(.subtract, x, y, style: .torch)
    var out = try reduce(d * d, reduction)
    guard Tensor.needsGrad(input, target), out.dtype.isFloatingPoint else { return out }
    let gx = Tensor.gradMeta(input) != nil, gy = Tensor.gradMeta(target) != nil
    let (sx, sy) = (input.shape, target.shape)
    let norm = reduction == .mean ? 2 / Double(Swift.max(d.count, 1)) : 2
    out.record(
      [input, target], "MseLossBackward0",
      inputsArePyTorchs: sx == sy
    ) { g in
      let gi = try Tensor.binary(.multiply, d, .double(norm), scalarFirst: true, style: .torch) * g
      return [
        gx ? try gi.summed(toShape: sx) : nil, gy ? try (-gi).summed(toShape: sy) : nil,
      ]
    }
    return out
  }

  /// `torch.nn.functional.linear`: `input @ weight.t() + bias`, recorded as PyTorch records it.
  ///
  /// A matrix input is one `AddmmBackward0` node over (bias, input, weight.t()) (`MmBackward0`
  /// over (input, weight.t()) without bias); other ranks are folded into a matrix first
  /// (`ViewBackward0`, or `UnsqueezeBackward0` for a vector without bias) and the result viewed
  /// back (`ViewBackward0`, `SqueezeBackward4`, `UnsafeViewBackward0`).
  public static func linear(_ input: Tensor, weight: Tensor, bias: Tensor?) throws -> Tensor {
    let wT = try weight.matrixTransposed()
    if input.rank == 2 { return try addmm(bias, input, wT) }
    let features = input.shape.last ?? 1
    let outShape = Array(input.shape.dropLast()) + [wT.shape.last ?? 1]
    if bias == nil && input.rank == 1 {
      let y = try addmm(nil, input.unsqueezed(0), wT)
      return try y.squeezed(axes: [0]).relabelingGradFunction("SqueezeBackward4")
    }
    let folded = try input.reshaped([-1, features])
    let y = try addmm(bias, folded, wT).reshaped(outShape)
    return bias == nil ? y.relabelingGradFunction("UnsafeViewBackward0") : y
  }

  /// `torch.nn.functional.embedding`: the rows of `weight` at integer `indices`, one
  /// `EmbeddingBackward0` node over the weight.
  public static func embedding(_ indices: Tensor, weight: Tensor) throws -> Tensor {
    try weight.item([.array(indices)]).relabelingGradFunction("EmbeddingBackward0")
  }

  /// `bias + x @ wT` as one node (PyTorch's `addmm`), or `x @ wT` without bias.
  static func addmm(_ bias: Tensor?, _ x: Tensor, _ wT: Tensor) throws -> Tensor {
    guard let bias else { return try Tensor.matmul(x, wT, style: .torch) }
    let product = try Tensor.matmul(x.detached(), wT.detached(), style: .torch)
    var out = try Tensor.binary(.add, product, bias.detached(), style: .torch)
    guard Tensor.needsGrad(x, wT) || Tensor.needsGrad(bias), out.dtype.isFloatingPoint else {
      return out
    }
    let gb = Tensor.gradMeta(bias) != nil, gx = Tensor.gradMeta(x) != nil
    let gw = Tensor.gradMeta(wT) != nil
    let (sb, sx, sw) = (bias.shape, x.shape, wT.shape)
    let xd = x.detached(), wd = wT.detached()
    // The gradients of the bias add and of the product, as their own nodes compute them.
    out.record([bias, x, wT], "AddmmBackward0") { g in
      [
        gb ? try g.summed(toShape: sb) : nil,
        gx ? try Tensor.matmul(g, wd.transposed(-1, -2)).summed(toShape: sx) : nil,
        gw ? try Tensor.matmul(xd.transposed(-1, -2), g).summed(toShape: sw) : nil,
      ]
    }
    return out
  }

  /// Mean absolute error.
  public static func l1Loss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean)
    throws -> Tensor
  {
    try reduce((input - target).abs(), reduction)
  }

  /// Binary cross entropy of probabilities; logs are clamped at -100 as PyTorch does.
  public static func bceLoss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean)
    throws -> Tensor
  {
    let logP = try input.log().clipped(min: -100)
    let log1mP = try (1.0 - input).log().clipped(min: -100)
    return try reduce(-(target * logP + (1.0 - target) * log1mP), reduction)
  }

  /// Binary cross entropy on logits: `max(x, 0) - x*y + log(1 + exp(-|x|))`.
  public static func bceWithLogitsLoss(
    _ input: Tensor, _ target: Tensor,
    reduction: Reduction = .mean
  ) throws -> Tensor {
    let l = try input.relu() - input * target + (-input.abs()).exp().unary(.log1p)
    return try reduce(l, reduction)
  }

  /// Leaky ReLU: `x` where positive, else `slope * x`.
  public static func leakyRelu(_ x: Tensor, slope: Double = 0.01) throws -> Tensor {
    try Tensor.where(x.detached() .> 0.0, x, x * slope)
  }
}

extension Functional {
  /// Multi-class hinge loss (PyTorch `multi_margin_loss`, p = 1 or 2, margin default 1).
  public static func multiMarginLoss(
    _ input: Tensor, _ target: Tensor, p: Int = 1,
    margin: Double = 1, reduction: Reduction = .mean
  ) throws
    -> Tensor
  {
    guard input.rank == 2, target.rank == 1, target.shape[0] == input.shape[0], p == 1 || p == 2
    else {
      throw TensorError(
        .shape,
        "multi_margin_loss: expected input (N, C), target (N,) and p in {1, 2}, got "
          + "\(shapeString(input.shape)) and \(shapeString(target.shape))")
    }
    let n = input.shape[0], c = input.shape[1]
    let picked = try input.takeAlong(target.reshaped([n, 1]), axis: 1)
    var m = try (input - picked + margin).relu()
    if p == 2 { m = try m * m }
    let notTarget =
      try Tensor.arange(.int(0), .int(Int64(c))).reshaped([1, c])
      .expanded(to: [n, c]) .!= target.reshaped([n, 1])
    let perSample = try (m * notTarget.casted(to: input.dtype)).sum(axes: [1]) / Double(c)
    return try reduce(perSample, reduction)
  }

  /// Adaptive average pooling of `[N, C, H, W]` to `outputSize` (PyTorch's start/end rule:
  /// floor(i*in/out) to ceil((i+1)*in/out)).
  public static func adaptiveAvgPool2d(_ x: Tensor, outputSize: (Int, Int)) throws -> Tensor {
    guard x.rank == 4 else {
      throw TensorError(
        .shape, "adaptive_avg_pool2d: expected (N, C, H, W), got \(shapeString(x.shape))")
    }
    let (h, w) = (x.shape[2], x.shape[3])
    var rows: [Tensor] = []
    for i in 0..<outputSize.0 {
      let h0 = i * h / outputSize.0, h1 = ((i + 1) * h + outputSize.0 - 1) / outputSize.0
      var cols: [Tensor] = []
      for j in 0..<outputSize.1 {
        let w0 = j * w / outputSize.1, w1 = ((j + 1) * w + outputSize.1 - 1) / outputSize.1
        cols.append(
          try x.item([.all, .all, .slice(h0, h1, 1), .slice(w0, w1, 1)])
            .mean(axes: [2, 3]))
      }
      rows.append(try Tensor.stack(cols, axis: 2))
    }
    return try Tensor.stack(rows, axis: 2)
  }
}

/// Fan sizes and the bounds / standard deviations of PyTorch's `nn.init` functions; the random
/// draw itself belongs to the caller's generator.
public enum Initialization {
  /// (fan_in, fan_out) of a weight shape as `_calculate_fan_in_and_fan_out` computes them.
  public static func fans(_ shape: [Int]) throws -> (fanIn: Int, fanOut: Int) {
    guard shape.count >= 2 else {
      throw TensorError(
        .shape, "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
    }
    let receptive = shape.dropFirst(2).reduce(1, *)
    return (shape[1] * receptive, shape[0] * receptive)
  }

  /// The gain of `calculate_gain` for "linear", "sigmoid", "tanh", "relu", "leaky_relu".
  public static func gain(_ nonlinearity: String, slope: Double = 0.01) -> Double {
    switch nonlinearity {
    case "tanh": return 5.0 / 3
    case "relu": return Foundation.sqrt(2.0)
    case "leaky_relu": return Foundation.sqrt(2.0 / (1 + slope * slope))
    case "selu": return 3.0 / 4
    default: return 1
    }
  }

  /// Bound of `xavier_uniform_`: gain * sqrt(6 / (fan_in + fan_out)).
  public static func xavierUniformBound(_ shape: [Int], gain: Double = 1) throws -> Double {
    let f = try fans(shape)
    return gain * Foundation.sqrt(6.0 / Double(f.fanIn + f.fanOut))
  }

  /// Standard deviation of `xavier_normal_`.
  public static func xavierNormalStd(_ shape: [Int], gain: Double = 1) throws -> Double {
    let f = try fans(shape)
    return gain * Foundation.sqrt(2.0 / Double(f.fanIn + f.fanOut))
  }

  /// Bound of `kaiming_uniform_` (mode fan_in; `a` is the leaky slope; PyTorch's Linear and
  /// Conv defaults use a = sqrt(5), giving 1/sqrt(fan_in)).
  public static func kaimingUniformBound(
    _ shape: [Int], a: Double = 0,
    nonlinearity: String = "leaky_relu",
    fanOut: Bool = false
  ) throws -> Double {
    let f = try fans(shape)
    let std = gain(nonlinearity, slope: a) / Foundation.sqrt(Double(fanOut ? f.fanOut : f.fanIn))
    return Foundation.sqrt(3.0) * std
  }

  /// Standard deviation of `kaiming_normal_`.
  public static func kaimingNormalStd(
    _ shape: [Int], a: Double = 0,
    nonlinearity: String = "leaky_relu",
    fanOut: Bool = false
  ) throws -> Double {
    let f = try fans(shape)
    return gain(nonlinearity, slope: a) / Foundation.sqrt(Double(fanOut ? f.fanOut : f.fanIn))
  }
}
