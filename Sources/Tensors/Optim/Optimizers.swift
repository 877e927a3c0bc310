import Foundation

/// Something that updates parameters from their gradients (`torch.optim.Optimizer`).
public protocol Optimizer: AnyObject {
  var parameters: [Tensor] { get }
  /// Learning rate (schedulers change it between steps).
  var learningRate: Double { get set }
  /// Applies one update using the current gradients; parameters without a gradient are skipped.
  func step() throws
}

extension Optimizer {
  /// Forgets the parameters' gradients (PyTorch's default `set_to_none=True`).
  public func zeroGrad() {
    for p in parameters { p.grad = nil }
  }
}

/// Stochastic gradient descent with PyTorch's momentum, dampening, Nesterov and weight decay.
public final class SGD: Optimizer {
  public let parameters: [Tensor]
  public var learningRate: Double
  public var momentum: Double
  public var dampening: Double
  public var weightDecay: Double
  public var nesterov: Bool
  var buffers: [Tensor?]

  public init(
    _ parameters: [Tensor], learningRate: Double, momentum: Double = 0,
    dampening: Double = 0, weightDecay: Double = 0, nesterov: Bool = false
  ) {
    self.parameters = parameters
    self.learningRate = learningRate
    self.momentum = momentum
    self.dampening = dampening
    self.weightDecay = weightDecay
    self.nesterov = nesterov
    buffers = Array(repeating: nil, count: parameters.count)
  }

  public func step() throws {
    try GradMode.withNoGrad {
      for (i, p) in parameters.enumerated() {
        guard var g = p.grad else { continue }
        if weightDecay != 0 { g = try g + p * weightDecay }
        if momentum != 0 {
          if let buf = buffers[i] {
            try buf.applyInPlace(.multiply, .double(momentum))
            try buf.applyInPlace(.add, g * (1 - dampening))
          } else {
            buffers[i] = g.clone()
          }
          g = nesterov ? try g + buffers[i]! * momentum : buffers[i]!
        }
        try p.applyInPlace(.add, g * -learningRate)
      }
    }
  }
}

/// Adam (and AdamW with `decoupledWeightDecay`) with PyTorch's update formulas.
public final class Adam: Optimizer {
  public let parameters: [Tensor]
  public var learningRate: Double
  public var beta1: Double
  public var beta2: Double
  public var eps: Double
  public var weightDecay: Double
  public var decoupledWeightDecay: Bool
  var steps: [Int]
  var expAvg: [Tensor?]
  var expAvgSq: [Tensor?]

  public init(
    _ parameters: [Tensor], learningRate: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999),
    eps: Double = 1e-8, weightDecay: Double = 0, decoupledWeightDecay: Bool = false
  ) {
    self.parameters = parameters
    self.learningRate = learningRate
    beta1 = betas.0
    beta2 = betas.1
    self.eps = eps
    self.weightDecay = weightDecay
    self.decoupledWeightDecay = decoupledWeightDecay
    steps = Array(repeating: 0, count: parameters.count)
    expAvg = Array(repeating: nil, count: parameters.count)
    expAvgSq = Array(repeating: nil, count: parameters.count)
  }

  /// AdamW: weight decay applied to the parameters directly (default decay 0.01).
  public static func adamW(
    _ parameters: [Tensor], learningRate: Double = 1e-3,
    betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
    weightDecay: Double = 0.01
  ) -> Adam {
    Adam(
      parameters, learningRate: learningRate, betas: betas, eps: eps, weightDecay: weightDecay,
      decoupledWeightDecay: true)
  }

  public func step() throws {
    try GradMode.withNoGrad {
      for (i, p) in parameters.enumerated() {
        guard var g = p.grad else { continue }
        steps[i] += 1
        if weightDecay != 0 {
          if decoupledWeightDecay {
            try p.applyInPlace(.multiply, .double(1 - learningRate * weightDecay))
          } else {
            g = try g + p * weightDecay
          }
        }
        let m = expAvg[i] ?? Tensor.zeros(p.shape, dtype: p.dtype)
        let v = expAvgSq[i] ?? Tensor.zeros(p.shape, dtype: p.dtype)
        expAvg[i] = m
        expAvgSq[i] = v
        // lerp(m, g, 1 - beta1) as PyTorch computes it for weights below 0.5.
        try m.applyInPlace(.add, (g - m) * (1 - beta1))
        try v.applyInPlace(.multiply, .double(beta2))
        try v.applyInPlace(.add, g * g * (1 - beta2))
        let t = Double(steps[i])
        let bias1 = 1 - Foundation.pow(beta1, t)
        let bias2Sqrt = Foundation.sqrt(1 - Foundation.pow(beta2, t))
        let denom = try v.sqrt() / bias2Sqrt + eps
        try p.applyInPlace(.add, m / denom * (-learningRate / bias1))
      }
    }
  }
}

/// RMSprop with PyTorch's formulas (alpha, eps, momentum, centered, weight decay).
public final class RMSprop: Optimizer {
  public let parameters: [Tensor]
  public var learningRate: Double
  public var alpha: Double
  public var eps: Double
  public var weightDecay: Double
  public var momentum: Double
  public var centered: Bool
  var squareAvg: [Tensor?]
  var gradAvg: [Tensor?]
  var buffers: [Tensor?]

  public init(
    _ parameters: [Tensor], learningRate: Double = 1e-2, alpha: Double = 0.99,
    eps: Double = 1e-8, weightDecay: Double = 0, momentum: Double = 0,
    centered: Bool = false
  ) {
    self.parameters = parameters
    self.learningRate = learningRate
    self.alpha = alpha
    self.eps = eps
    self.weightDecay = weightDecay
    self.momentum = momentum
    self.centered = centered
    squareAvg = Array(repeating: nil, count: parameters.count)
    gradAvg = Array(repeating: nil, count: parameters.count)
    buffers = Array(repeating: nil, count: parameters.count)
  }

  public func step() throws {
    try GradMode.withNoGrad {
      for (i, p) in parameters.enumerated() {
        guard var g = p.grad else { continue }
        if weightDecay != 0 { g = try g + p * weightDecay }
        let sq = squareAvg[i] ?? Tensor.zeros(p.shape, dtype: p.dtype)
        squareAvg[i] = sq
        try sq.applyInPlace(.multiply, .double(alpha))
        try sq.applyInPlace(.add, g * g * (1 - alpha))
        var avg: Tensor
        if centered {
          let ga = gradAvg[i] ?? Tensor.zeros(p.shape, dtype: p.dtype)
          gradAvg[i] = ga
          try ga.applyInPlace(.add, (g - ga) * (1 - alpha))
          avg = try (sq - ga * ga).sqrt() + eps
        } else {
          avg = try sq.sqrt() + eps
        }
        if momentum > 0 {
          let buf = buffers[i] ?? Tensor.zeros(p.shape, dtype: p.dtype)
          buffers[i] = buf
          try buf.applyInPlace(.multiply, .double(momentum))
          try buf.applyInPlace(.add, g / avg)
          try p.applyInPlace(.add, buf * -learningRate)
        } else {
          try p.applyInPlace(.add, g / avg * -learningRate)
        }
      }
    }
  }
}

/// Adagrad with PyTorch's formulas (learning-rate decay, initial accumulator, weight decay).
public final class Adagrad: Optimizer {
  public let parameters: [Tensor]
  public var learningRate: Double
  public var lrDecay: Double
  public var weightDecay: Double
  public var eps: Double
  var sums: [Tensor]
  var steps: [Int]

  public init(
    _ parameters: [Tensor], learningRate: Double = 1e-2, lrDecay: Double = 0,
    weightDecay: Double = 0, initialAccumulatorValue: Double = 0, eps: Double = 1e-10
  ) {
    self.parameters = parameters
    self.learningRate = learningRate
    self.lrDecay = lrDecay
    self.weightDecay = weightDecay
    self.eps = eps
    sums = parameters.map {
      Tensor.full($0.shape, .double(initialAccumulatorValue), dtype: $0.dtype)
    }
    steps = Array(repeating: 0, count: parameters.count)
  }

  public func step() throws {
    try GradMode.withNoGrad {
      for (i, p) in parameters.enumerated() {
        guard var g = p.grad else { continue }
        steps[i] += 1
        if weightDecay != 0 { g = try g + p * weightDecay }
        let clr = learningRate / (1 + Double(steps[i] - 1) * lrDecay)
        try sums[i].applyInPlace(.add, g * g)
        try p.applyInPlace(.add, g / (sums[i].sqrt() + eps) * -clr)
      }
    }
  }
}

/// Gradient clipping (`torch.nn.utils`).
public enum GradientClipping {
  /// Scales all gradients so their joint p-norm is at most `maxNorm`; returns the norm before.
  @discardableResult
  public static func clipNorm(_ parameters: [Tensor], maxNorm: Double, p: Double = 2) throws
    -> Double
  {
    let grads = parameters.compactMap(\.grad)
    if grads.isEmpty { return 0 }
    let total: Double = try GradMode.withNoGrad {
      let norms = try grads.map { try Linalg.norm($0, p: p).doubles[0] }
      if p == .infinity { return norms.max() ?? 0 }
      return Foundation.pow(norms.reduce(0) { $0 + Foundation.pow($1, p) }, 1 / p)
    }
    let coef = maxNorm / (total + 1e-6)
    if coef < 1 {
      try GradMode.withNoGrad {
        for g in grads { try g.applyInPlace(.multiply, .double(coef)) }
      }
    }
    return total
  }

  /// Clamps every gradient element to `[-clipValue, clipValue]`.
  public static func clipValue(_ parameters: [Tensor], _ clipValue: Double) throws {
    try GradMode.withNoGrad {
      for g in parameters.compactMap(\.grad) {
        try g.copyInPlace(from: g.clipped(min: -clipValue, max: clipValue))
      }
    }
  }
}
