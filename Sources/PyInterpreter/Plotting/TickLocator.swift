import Foundation

/// A tick locator set on an axis (`xaxis.set_major_locator`), as matplotlib's `ticker` has them.
public enum TickLocator: Equatable, Sendable {
  /// `MultipleLocator(base)`: every multiple of `base`, one step beyond each end of the view.
  case multiple(base: Double)
  /// `MaxNLocator(nbins, integer=True)`, which `matshow` sets: nice integer ticks.
  case integer(bins: Int)

  /// Every tick the locator gives for the view `lower...upper`, including those just outside
  /// it: a `FixedFormatter` (`set_xticklabels` without `set_xticks`) labels them in this order.
  func values(_ lower: Double, _ upper: Double) -> [Double] {
    let vmin = min(lower, upper)
    let vmax = max(lower, upper)
    switch self {
    case .multiple(let step):
      guard step > 0, vmin.isFinite, vmax.isFinite else { return [] }
      // matplotlib's _Edge_integer.ge: the first multiple at or above vmin, with a tolerance.
      var first = (vmin / step).rounded(.down)
      if abs(vmin / step - first) > 1e-10 * max(1, abs(vmin / step)) { first += 1 }
      let start = first * step
      let count = Int(((vmax - start + 0.001 * step) / step).rounded(.down))
      return (0..<(count + 3)).map { start - step + Double($0) * step }
    case .integer(let bins):
      let ticks = Ticks.linear(vmin, vmax, bins: bins)
      guard let a = ticks.first, ticks.count > 1 else { return ticks }
      let step = ticks[1] - a
      if step >= 1 { return ticks }
      // Steps below 1 are not allowed: count in whole numbers.
      let lo = vmin.rounded(.down)
      return stride(from: lo, through: vmax.rounded(.up), by: 1).map { $0 }
    }
  }
}
