import Foundation

/// Tick placement and labelling, following matplotlib's `MaxNLocator`, `ScalarFormatter`,
/// `LogLocator` and `LogFormatterSciNotation`.
enum Ticks {
  /// The steps `AutoLocator` allows, per decade.
  static let steps: [Double] = [1, 2, 2.5, 5, 10]

  /// Nice tick values covering `lower...upper` with at most `bins` intervals (MaxNLocator).
  static func linear(_ lower: Double, _ upper: Double, bins: Int, minimumTicks: Int = 2)
    -> [Double]
  {
    var vmin = min(lower, upper)
    var vmax = max(lower, upper)
    guard vmin.isFinite, vmax.isFinite, (vmax - vmin).isFinite else { return [] }
    if vmax - vmin < 1e-300 * max(1, abs(vmin)) || vmax == vmin {
      let delta = vmin == 0 ? 1 : abs(vmin) * 0.05
      vmin -= delta
      vmax += delta
    }
    let nbins = Double(max(bins, 1))
    let (scale, offset) = scaleRange(vmin, vmax, nbins)
    let lo = vmin - offset
    let hi = vmax - offset
    let extended = steps.dropLast().map { $0 * 0.1 } + steps + [steps[1] * 10]
    let scaled = extended.map { $0 * scale }
    let rawStep = (hi - lo) / nbins
    let firstLarge = scaled.firstIndex { $0 >= rawStep } ?? (scaled.count - 1)
    var ticks: [Double] = []
    for step in scaled[...firstLarge].reversed() {
      let best = (lo / step).rounded(.down) * step
      let tolerance = tolerance(step: step, offset: offset)
      let low = floorEdge(lo - best, step: step, tolerance: tolerance)
      let high = ceilEdge(hi - best, step: step, tolerance: tolerance)
      ticks = stride(from: low, through: high, by: 1).map { $0 * step + best }
      let inside = ticks.filter { $0 <= hi && $0 >= lo }.count
      if inside >= minimumTicks { break }
    }
    return ticks.map { $0 + offset }
  }

  private static func scaleRange(_ vmin: Double, _ vmax: Double, _ n: Double)
    -> (scale: Double, offset: Double)
  {
    let dv = abs(vmax - vmin)
    let mean = (vmax + vmin) / 2
    var offset = 0.0
    if abs(mean) / dv >= 100 {
      offset = (mean < 0 ? -1 : 1) * pow(10, log10(abs(mean)).rounded(.down))
    }
    return (pow(10, log10(dv / n).rounded(.down)), offset)
  }

  private static func tolerance(step: Double, offset: Double) -> Double {
    offset > 0 ? max(1e-10, pow(10, log10(offset / step) - 12)) : 1e-10
  }

  private static func floorEdge(_ x: Double, step: Double, tolerance: Double) -> Double {
    let d = (x / step).rounded(.down)
    let m = x - d * step
    return abs(m / step - 1) < tolerance ? d + 1 : d
  }

  private static func ceilEdge(_ x: Double, step: Double, tolerance: Double) -> Double {
    let d = (x / step).rounded(.down)
    let m = x - d * step
    return abs(m / step) < tolerance ? d : d + 1
  }

  /// Labels for linear ticks as ScalarFormatter writes them, plus the text it puts at the axis
  /// end: a multiplier such as `"1e6"` for very large or small values, and an offset such as
  /// `"+1e3"` when the ticks share their leading digits.
  static func scalarLabels(_ ticks: [Double]) -> (labels: [String], multiplier: String?) {
    guard !ticks.isEmpty else { return ([], nil) }
    let offset = self.offset(ticks)
    let shifted = ticks.map { $0 - offset }
    let largest = shifted.map(abs).max() ?? 0
    var order = 0
    if largest > 0 {
      let exponent = Int(log10(largest).rounded(.down))
      if exponent <= -5 || exponent >= 6 { order = exponent }
    }
    let scale = pow(10, Double(order))
    let values = shifted.map { $0 / scale }
    var range = (values.max() ?? 0) - (values.min() ?? 0)
    if range == 0 { range = values.map(abs).max() ?? 0 }
    if range == 0 { range = 1 }
    let rangeOrder = Int(log10(range).rounded(.down))
    var decimals = max(0, 3 - rangeOrder)
    let threshold = 1e-3 * pow(10, Double(rangeOrder))
    while decimals >= 0 {
      let factor = pow(10, Double(decimals))
      let error = values.map { abs($0 - ($0 * factor).rounded() / factor) }.max() ?? 0
      if error < threshold { decimals -= 1 } else { break }
    }
    decimals += 1
    let labels = values.map { format($0, decimals: decimals) }
    var text = order == 0 ? "" : "1e" + minus(String(order))
    if offset != 0 { text += (offset > 0 ? "+" : "\u{2212}") + scientific(abs(offset)) }
    return (labels, text.isEmpty ? nil : text)
  }

  /// ScalarFormatter's offset: the shared leading digits when they are at least four.
  static func offset(_ ticks: [Double]) -> Double {
    guard let lmin = ticks.min(), let lmax = ticks.max(), lmin != lmax, !(lmin <= 0 && 0 <= lmax)
    else { return 0 }
    let absMin = min(abs(lmin), abs(lmax))
    let absMax = max(abs(lmin), abs(lmax))
    let sign: Double = lmin < 0 ? -1 : 1
    let maxOrder = Int(log10(absMax).rounded(.up))
    var order = maxOrder
    while order > -400 {
      let p = pow(10, Double(order))
      if (absMin / p).rounded(.down) != (absMax / p).rounded(.down) { break }
      order -= 1
    }
    order += 1
    if (absMax - absMin) / pow(10, Double(order)) <= 1e-2 {
      order = maxOrder
      while order > -400 && absMax - absMin < pow(10, Double(order)) { order -= 1 }
      order += 1
    }
    let p = pow(10, Double(order))
    let leading = (absMax / p).rounded(.down)
    return leading >= 1000 ? sign * leading * p : 0
  }

  /// `1e6`, `1.5e-3`: the shortest scientific form, as matplotlib's offset text.
  static func scientific(_ value: Double) -> String {
    guard value != 0 else { return "0" }
    let exponent = Int(log10(value).rounded(.down))
    var mantissa = String(format: "%.12g", value / pow(10, Double(exponent)))
    if mantissa.contains(".") {
      while mantissa.hasSuffix("0") { mantissa.removeLast() }
      if mantissa.hasSuffix(".") { mantissa.removeLast() }
    }
    return exponent == 0 ? mantissa : mantissa + "e" + minus(String(exponent))
  }

  private static func minus(_ text: String) -> String {
    text.replacingOccurrences(of: "-", with: "\u{2212}")
  }

  /// `%1.<decimals>f` with matplotlib's Unicode minus sign.
  static func format(_ value: Double, decimals: Int) -> String {
    var text = String(format: "%.\(decimals)f", value)
    if text.hasPrefix("-") {
      let digits = text.dropFirst()
      text = digits.allSatisfy({ $0 == "0" || $0 == "." }) ? String(digits) : "\u{2212}" + digits
    }
    return text
  }

  /// Decade ticks (as exponents of ten) for a log axis spanning `lower...upper` (data values).
  static func logDecades(_ lower: Double, _ upper: Double, maximumTicks: Int) -> [Int] {
    let lo = log10(min(lower, upper))
    let hi = log10(max(lower, upper))
    guard lo.isFinite, hi.isFinite else { return [] }
    let first = Int(lo.rounded(.down))
    let last = Int(hi.rounded(.up))
    let decades = last - first
    let stride = max(1, Int((Double(decades + 1) / Double(max(maximumTicks, 2))).rounded(.up)))
    var result: [Int] = []
    var exponent = first - (((first % stride) + stride) % stride)
    while exponent <= last {
      result.append(exponent)
      exponent += stride
    }
    return result
  }

  /// Minor log ticks (2...9 times each decade) inside `lower...upper`.
  static func logMinor(_ lower: Double, _ upper: Double) -> [Double] {
    let lo = min(lower, upper)
    let hi = max(lower, upper)
    guard lo > 0, hi / lo < 1e10 else { return [] }
    var result: [Double] = []
    for exponent in Int(log10(lo).rounded(.down))...Int(log10(hi).rounded(.up)) {
      for multiple in 2...9 {
        let value = Double(multiple) * pow(10, Double(exponent))
        if value >= lo && value <= hi { result.append(value) }
      }
    }
    return result
  }
}
