/// Softmax family and losses with PyTorch semantics (`torch.nn.functional`).
public enum Functional {
  /// How a loss combines per-element values.
  public enum Reduction: String, Sendable {
    case none, mean, sum
  }

  static func reduce(_ t: Tensor, _ r: Reduction) throws -> Tensor {
    switch r {
    case .none: return t
    case .mean: return try t.mean()
    case .sum: return try t.sum()
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
    var out = try GradMode.withNoGrad { try x.detached() - logSumExp(x.detached(), axis: a, keepDims: true) }
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
  public static func nllLoss(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil,
                             reduction: Reduction = .mean) throws -> Tensor {
    guard target.dtype.isInteger else {
      throw TensorError(.dtype, "nll_loss: expected target of integer type, got \(target.dtype)")
    }
    let x = input.rank == 1 ? try input.unsqueezed(0) : input
    let t = target.rank == 0 ? try target.unsqueezed(0) : target
    guard x.rank == 2, t.rank == 1, t.shape[0] == x.shape[0] else {
      throw TensorError(
        .shape, "nll_loss: expected input (N, C) and target (N,), got \(shapeString(input.shape)) "
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
  public static func crossEntropy(_ logits: Tensor, _ target: Tensor, weight: Tensor? = nil,
                                  reduction: Reduction = .mean) throws -> Tensor {
    try nllLoss(logSoftmax(logits, axis: logits.rank == 1 ? 0 : 1), target, weight: weight,
                reduction: reduction)
  }

  /// Mean squared error.
  public static func mseLoss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean)
    throws -> Tensor
  {
    let d = try input - target
    return try reduce(d * d, reduction)
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
  public static func bceWithLogitsLoss(_ input: Tensor, _ target: Tensor,
                                       reduction: Reduction = .mean) throws -> Tensor {
    let l = try input.relu() - input * target + (-input.abs()).exp().unary(.log1p)
    return try reduce(l, reduction)
  }

  /// Leaky ReLU: `x` where positive, else `slope * x`.
  public static func leakyRelu(_ x: Tensor, slope: Double = 0.01) throws -> Tensor {
    try Tensor.where(x.detached() .> 0.0, x, x * slope)
  }
}
