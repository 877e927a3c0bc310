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

  public init(_ parameters: [Tensor], learningRate: Double, momentum: Double = 0,
              dampening: Double = 0, weightDecay: Double = 0, nesterov: Bool = false) {
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

  public init(_ parameters: [Tensor], learningRate: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999),
              eps: Double = 1e-8, weightDecay: Double = 0, decoupledWeightDecay: Bool = false) {
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
  public static func adamW(_ parameters: [Tensor], learningRate: Double = 1e-3,
                           betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
                           weightDecay: Double = 0.01) -> Adam {
    Adam(parameters, learningRate: learningRate, betas: betas, eps: eps, weightDecay: weightDecay,
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
