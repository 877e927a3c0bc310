import Foundation

/// A learning-rate schedule (`torch.optim.lr_scheduler.StepLR`, `MultiStepLR`, `ExponentialLR`,
/// `LambdaLR`) over the learning rates of one or more parameter groups.
///
/// Rates are computed in PyTorch's chained form, from each group's current rate (so the
/// floating-point values match PyTorch's, and a rate written by hand between steps carries on),
/// except `lambda`, which PyTorch computes from the initial rate. The scheduler keeps no
/// reference to where the rates live: `rates(from:)` maps the current rates to the next epoch's,
/// and the caller writes them back. The constructor-time step of PyTorch (epoch 0) is
/// `initialRates(from:)`. `init(_:_:)` binds a `Tensors` optimizer for the common case.
public final class LRScheduler {
  public enum Rule {
    /// `lr * gamma` every `stepSize` epochs.
    case step(stepSize: Int, gamma: Double)
    /// `lr * gamma^k` at an epoch listed `k` times in `milestones`.
    case multiStep(milestones: [Int], gamma: Double)
    /// `lr * gamma` every epoch.
    case exponential(gamma: Double)
    /// `initial * factor(epoch)`.
    case lambda((_ epoch: Int) throws -> Double)
  }

  public let rule: Rule
  /// Each group's rate when the scheduler was made (PyTorch's `base_lrs`, `initial_lr`).
  public let baseRates: [Double]
  /// The epoch of the last step (PyTorch's `last_epoch`): 0 after construction.
  public private(set) var epoch = 0
  /// The rates after the last step (`get_last_lr()`).
  public private(set) var lastRates: [Double]
  let optimizer: (any Optimizer)?

  /// A schedule over groups whose rates start at `baseRates`.
  public init(_ rule: Rule, baseRates: [Double]) {
    self.rule = rule
    self.baseRates = baseRates
    lastRates = baseRates
    optimizer = nil
  }

  /// A schedule that rewrites `optimizer.learningRate` at each `step()`, after PyTorch's
  /// constructor-time step.
  public init(_ optimizer: any Optimizer, _ rule: Rule) throws {
    self.rule = rule
    baseRates = [optimizer.learningRate]
    lastRates = baseRates
    self.optimizer = optimizer
    optimizer.learningRate = try initialRates(from: [optimizer.learningRate])[0]
  }

  /// The rates of epoch 0, which PyTorch's constructor sets (only `lambda` changes them, or a
  /// milestone at epoch 0).
  public func initialRates(from current: [Double]) throws -> [Double] {
    epoch = 0
    lastRates = try next(current)
    return lastRates
  }

  /// The rates of the next epoch from the groups' current ones.
  public func rates(from current: [Double]) throws -> [Double] {
    epoch += 1
    lastRates = try next(current)
    return lastRates
  }

  /// Advances the bound optimizer's rate by one epoch.
  public func step() throws {
    guard let optimizer else { return }
    optimizer.learningRate = try rates(from: [optimizer.learningRate])[0]
  }

  func next(_ current: [Double]) throws -> [Double] {
    switch rule {
    case .step(let size, let gamma):
      return current.map { epoch == 0 || epoch % size != 0 ? $0 : $0 * gamma }
    case .multiStep(let milestones, let gamma):
      let hits = milestones.filter { $0 == epoch }.count
      return current.map { hits == 0 ? $0 : $0 * Foundation.pow(gamma, Double(hits)) }
    case .exponential(let gamma):
      return current.map { epoch == 0 ? $0 : $0 * gamma }
    case .lambda(let factor):
      let f = try factor(epoch)
      return baseRates.map { $0 * f }
    }
  }
}

/// Lowers the learning rates when a metric stops improving (PyTorch `ReduceLROnPlateau`).
///
/// Like `LRScheduler` it maps the groups' current rates to new ones (`rates(after:from:)`), or
/// rewrites a bound `Tensors` optimizer's rate (`step(_:)`).
public final class ReduceLROnPlateau {
  public enum Threshold: Sendable {
    /// Better means beyond `best * (1 ∓ threshold)`.
    case relative(Double)
    /// Better means beyond `best ∓ threshold`.
    case absolute(Double)
  }

  public let maximize: Bool
  public let factor: Double
  public let patience: Int
  public let threshold: Threshold
  public let cooldown: Int
  /// The lowest rate of each group (one value applies to every group).
  public let minRates: [Double]
  /// Changes smaller than this are skipped.
  public let eps: Double
  public private(set) var best: Double
  public private(set) var badEpochs = 0
  public private(set) var cooldownLeft = 0
  public private(set) var epoch = 0
  let optimizer: (any Optimizer)?

  public init(
    maximize: Bool = false, factor: Double = 0.1, patience: Int = 10,
    threshold: Threshold = .relative(1e-4), cooldown: Int = 0, minRates: [Double] = [0],
    eps: Double = 1e-8
  ) {
    self.maximize = maximize
    self.factor = factor
    self.patience = patience
    self.threshold = threshold
    self.cooldown = cooldown
    self.minRates = minRates
    self.eps = eps
    best = maximize ? -.infinity : .infinity
    optimizer = nil
  }

  /// A plateau schedule rewriting `optimizer.learningRate` at each `step(_:)`.
  public init(
    _ optimizer: any Optimizer, maximize: Bool = false, factor: Double = 0.1,
    patience: Int = 10, threshold: Double = 1e-4, cooldown: Int = 0,
    minLearningRate: Double = 0
  ) {
    self.maximize = maximize
    self.factor = factor
    self.patience = patience
    self.threshold = .relative(threshold)
    self.cooldown = cooldown
    minRates = [minLearningRate]
    eps = 1e-8
    best = maximize ? -.infinity : .infinity
    self.optimizer = optimizer
  }

  func isBetter(_ a: Double) -> Bool {
    switch (maximize, threshold) {
    case (false, .relative(let t)): return a < best * (1 - t)
    case (false, .absolute(let t)): return a < best - t
    case (true, .relative(let t)): return a > best * (t + 1)
    case (true, .absolute(let t)): return a > best + t
    }
  }

  /// The groups' rates after an epoch that ended with `metric`.
  public func rates(after metric: Double, from current: [Double]) -> [Double] {
    epoch += 1
    if isBetter(metric) {
      best = metric
      badEpochs = 0
    } else {
      badEpochs += 1
    }
    if cooldownLeft > 0 {
      cooldownLeft -= 1
      badEpochs = 0
    }
    guard badEpochs > patience else { return current }
    cooldownLeft = cooldown
    badEpochs = 0
    return current.enumerated().map { i, old in
      let floor = minRates.count == 1 ? minRates[0] : minRates[Swift.min(i, minRates.count - 1)]
      let new = Swift.max(old * factor, floor)
      return old - new > eps ? new : old
    }
  }

  /// Updates the bound optimizer's rate after an epoch that ended with `metric`.
  public func step(_ metric: Double) {
    guard let optimizer else { return }
    optimizer.learningRate = rates(after: metric, from: [optimizer.learningRate])[0]
  }
}
