import Foundation

/// A tick label: plain text, or a base with a superscript exponent (log axes: 10^3).
struct TickLabel: Equatable {
  var text: String
  var superscript: String?

  func width(fontSize: Double) -> Double {
    TextMetrics.width(text, fontSize: fontSize)
      + (superscript.map { TextMetrics.width($0, fontSize: fontSize * 0.7) } ?? 0)
  }
}

/// The ticks of one axis as drawn: major positions with labels, minor positions, and the
/// multiplier text ScalarFormatter puts at the axis end for very large or small values.
struct TickSet {
  var major: [Double] = []
  var labels: [TickLabel] = []
  var minor: [Double] = []
  var multiplier: String?
}

/// Space the decorations of an axes take outside its box, in points.
struct Insets {
  var left = 0.0
  var right = 0.0
  var top = 0.0
  var bottom = 0.0
}

extension Axes {
  static let tickFontSize = 10.0
  static let tickLength = 3.5
  static let tickPad = 3.5
  static let labelPad = 4.0
  static let titlePad = 6.0

  /// The ticks of an axis for a box `length` points long, as AutoLocator/LogLocator choose.
  func ticks(_ axis: Which, view: AxisView, length: Double) -> TickSet {
    let state = axis == .x ? x : y
    let lo = view.minimum
    let hi = view.maximum
    let tolerance = (hi - lo) * 1e-9
    var set = TickSet()
    if let fixed = state.ticks {
      set.major = fixed.filter { $0 >= lo - tolerance && $0 <= hi + tolerance }
      if let labels = state.tickLabels {
        set.labels = set.major.map { value in
          let index = fixed.firstIndex(of: value) ?? 0
          return TickLabel(text: index < labels.count ? MathText.plain(labels[index]) : "")
        }
      } else {
        set.labels = Ticks.scalarLabels(set.major).labels.map { TickLabel(text: $0) }
      }
      return set
    }
    if let locator = state.locator, view.scale == .linear {
      let all = locator.values(lo, hi)
      let formatted = Ticks.scalarLabels(all).labels
      for (index, value) in all.enumerated()
      where value >= lo - tolerance && value <= hi + tolerance {
        set.major.append(value)
        if let labels = state.formatterLabels {
          set.labels.append(
            TickLabel(text: index < labels.count ? MathText.plain(labels[index]) : ""))
        } else {
          set.labels.append(TickLabel(text: formatted[index]))
        }
      }
      return set
    }
    if view.scale == .log {
      let maximumTicks = max(2, min(9, Int(length / (Axes.tickFontSize * 3))))
      let decades = Ticks.logDecades(lo, hi, maximumTicks: maximumTicks)
      let logTolerance = 1e-9
      let visible = decades.filter {
        Double($0) >= log10(lo) - logTolerance && Double($0) <= log10(hi) + logTolerance
      }
      set.major = visible.map { pow(10, Double($0)) }
      set.labels = visible.map {
        TickLabel(
          text: "10", superscript: String($0).replacingOccurrences(of: "-", with: "\u{2212}"))
      }
      set.minor = Ticks.logMinor(lo, hi)
      return set
    }
    let spacing = axis == .x ? Axes.tickFontSize * 3 : Axes.tickFontSize * 2
    let bins = max(1, min(9, Int((length / spacing).rounded(.down))))
    let all = Ticks.linear(lo, hi, bins: bins)
    let formatted = Ticks.scalarLabels(all)
    for (value, label) in zip(all, formatted.labels)
    where value >= lo - tolerance && value <= hi + tolerance {
      set.major.append(value)
      set.labels.append(TickLabel(text: label))
    }
    set.multiplier = formatted.multiplier
    return set
  }

  /// How far ticks, labels and titles reach outside `box`, for layout.
  func decorations(box: PlotBox) -> Insets {
    var insets = Insets()
    if colorbarOf != nil {
      let view = self.view(.y)
      let set = ticks(.y, view: view, length: box.height)
      let widest = set.labels.map { $0.width(fontSize: Axes.tickFontSize) }.max() ?? 0
      insets.right = Axes.tickLength + Axes.tickPad + widest
      if !y.label.isEmpty {
        insets.right += y.labelPad + TextMetrics.height(fontSize: y.labelSize)
      }
      return insets
    }
    guard axisOn else {
      if !title.isEmpty || !titleLeft.isEmpty || !titleRight.isEmpty {
        insets.top = Axes.titlePad + TextMetrics.height(fontSize: titleSize)
      }
      return insets
    }
    let lineHeight = TextMetrics.height(fontSize: Axes.tickFontSize)
    let xView = view(.x)
    let yView = view(.y)
    let xTicks = ticks(.x, view: xView, length: box.width)
    let yTicks = ticks(.y, view: yView, length: box.height)
    let tickReach = Axes.tickLength + Axes.tickPad
    var topLabels = 0.0
    if x.showTickLabels && !xTicks.labels.isEmpty {
      let rotated = x.tickLabelRotation != 0
      let tallest =
        rotated
        ? (xTicks.labels.map { $0.width(fontSize: Axes.tickFontSize) }.max() ?? 0)
          * abs(sin(x.tickLabelRotation * .pi / 180)) + lineHeight * 0.5
        : lineHeight + (xTicks.labels.contains { $0.superscript != nil } ? 3 : 0)
      if x.labelsOnTop {
        topLabels = tickReach + tallest
        insets.bottom = x.showTicks ? Axes.tickLength : 0
      } else {
        insets.bottom = tickReach + tallest
      }
      if let last = xTicks.major.last, let label = xTicks.labels.last, !rotated {
        let position = xView.fraction(last) * box.width
        let overhang = position + label.width(fontSize: Axes.tickFontSize) / 2 - box.width
        insets.right = max(insets.right, overhang)
      }
      if let first = xTicks.major.first, let label = xTicks.labels.first, !rotated {
        let position = xView.fraction(first) * box.width
        insets.left = max(insets.left, label.width(fontSize: Axes.tickFontSize) / 2 - position)
      }
    } else {
      insets.bottom = x.showTicks ? Axes.tickLength : 0
    }
    if !x.label.isEmpty {
      insets.bottom += x.labelPad + TextMetrics.height(fontSize: x.labelSize)
    }
    var yReach = y.showTicks ? Axes.tickLength : 0
    if y.showTickLabels {
      let widest = yTicks.labels.map { $0.width(fontSize: Axes.tickFontSize) }.max() ?? 0
      yReach = tickReach + widest
    }
    if !y.label.isEmpty { yReach += y.labelPad + TextMetrics.height(fontSize: y.labelSize) }
    if yOnRight {
      insets.right = max(insets.right, yReach)
    } else {
      insets.left = max(insets.left, yReach)
    }
    if !title.isEmpty || !titleLeft.isEmpty || !titleRight.isEmpty {
      let lines = [title, titleLeft, titleRight].map { $0.filter { $0 == "\n" }.count }.max()
      insets.top =
        Axes.titlePad + TextMetrics.height(fontSize: titleSize)
        + Double(lines ?? 0) * titleSize * 1.2
    }
    insets.top += topLabels
    if yTicks.multiplier != nil { insets.top = max(insets.top, lineHeight + 4) }
    if xTicks.multiplier != nil { insets.bottom += lineHeight }
    return insets
  }
}
