import Foundation

/// One axis's resolved view: limits in data units, scale, and the map to scale space.
struct AxisView {
  var lower: Double
  var upper: Double
  var scale: Axes.Scale

  /// Data value to scale space (log10 for log axes; non-positive values sink far below).
  func scaled(_ value: Double) -> Double {
    guard scale == .log else { return value }
    return value > 0 ? log10(value) : -1000
  }

  /// Position in 0...1 along the axis (0 at `lower`).
  func fraction(_ value: Double) -> Double {
    let a = scaled(lower)
    let b = scaled(upper)
    return b == a ? 0.5 : (scaled(value) - a) / (b - a)
  }

  var minimum: Double { min(lower, upper) }
  var maximum: Double { max(lower, upper) }
}

/// Maps data coordinates into an axes box in SVG space.
struct Transform {
  var box: PlotBox
  var x: AxisView
  var y: AxisView

  func point(_ px: Double, _ py: Double, _ coordinates: Coordinates = .data) -> Point {
    let fx: Double
    let fy: Double
    switch coordinates {
    case .data:
      fx = x.fraction(px)
      fy = y.fraction(py)
    case .axesXDataY:
      fx = px
      fy = y.fraction(py)
    case .dataXAxesY:
      fx = x.fraction(px)
      fy = py
    case .axes:
      fx = px
      fy = py
    }
    return Point(
      x: box.x + clampFraction(fx) * box.width, y: box.maxY - clampFraction(fy) * box.height)
  }

  /// Keeps far-off points finite so paths stay valid; clipping hides them anyway.
  private func clampFraction(_ value: Double) -> Double {
    value.isFinite ? min(max(value, -100), 100) : (value > 0 ? 100 : -100)
  }
}

extension Axes {
  /// The data values artists put along one axis (for autoscaling).
  func dataValues(_ axis: Which) -> [Double] {
    let isX = axis == .x
    var values: [Double] = []
    for artist in artists {
      switch artist {
      case .line(let line):
        switch line.coordinates {
        case .data: values += isX ? line.xs : line.ys
        case .axesXDataY: if !isX { values += line.ys }
        case .dataXAxesY: if isX { values += line.xs }
        case .axes: break
        }
      case .scatter(let scatter): values += isX ? scatter.xs : scatter.ys
      case .rects(let rects):
        for rect in rects.rects {
          values += isX ? [rect.x, rect.x + rect.width] : [rect.y, rect.y + rect.height]
        }
      case .polygons(let polygons):
        for polygon in polygons.polygons { values += polygon.map { isX ? $0.x : $0.y } }
      case .segments(let segments):
        for segment in segments.segments { values += segment.map { isX ? $0.x : $0.y } }
      case .image(let image):
        values +=
          isX
          ? [image.extent.left, image.extent.right] : [image.extent.bottom, image.extent.top]
      case .text: break
      }
    }
    values += isX ? stickyX : stickyY
    return values
  }

  /// The axes sharing this axis (including itself), all in the same figure.
  func group(_ axis: Which) -> [Axes] {
    let leader = (axis == .x ? sharedX : sharedY) ?? self
    let all = figure?.axes ?? [self]
    let members = all.filter { (axis == .x ? $0.sharedX : $0.sharedY) ?? $0 === leader }
    return members.isEmpty ? [self] : members
  }

  /// The resolved view of an axis: explicit limits where set, else data limits with 5% margins
  /// (none for images and contours), sticky edges for bars and histograms.
  func view(_ axis: Which) -> AxisView {
    if let limits = aspectLimits { return axis == .x ? limits.x : limits.y }
    let leader = (axis == .x ? sharedX : sharedY) ?? self
    let state = axis == .x ? leader.x : leader.y
    let members = group(axis)
    let scale = state.scale
    var lower = state.lower
    var upper = state.upper
    if scale == .log {
      if let l = lower, l <= 0 { lower = nil }
      if let u = upper, u <= 0 { upper = nil }
    }
    if lower == nil || upper == nil {
      let auto = Axes.autoscale(
        values: members.flatMap { $0.dataValues(axis) },
        sticky: members.flatMap { axis == .x ? $0.stickyX : $0.stickyY }, scale: scale,
        tight: members.contains { axis == .x ? $0.tightX : $0.tightY })
      lower = lower ?? auto.0
      upper = upper ?? auto.1
    }
    var lo = lower ?? 0
    var hi = upper ?? 1
    if state.inverted { swap(&lo, &hi) }
    return AxisView(lower: lo, upper: hi, scale: scale)
  }

  static func autoscale(values: [Double], sticky: [Double], scale: Scale, tight: Bool)
    -> (Double, Double)
  {
    let view = AxisView(lower: 1, upper: 10, scale: scale)
    let scaled = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }.map(view.scaled)
    guard var lo = scaled.min(), var hi = scaled.max() else {
      return scale == .log ? (1, 10) : (0, 1)
    }
    if hi - lo <= 1e-12 * max(abs(lo), abs(hi), 1e-300) {
      if lo == 0 {
        lo = -0.05
        hi = 0.05
      } else {
        lo -= 0.05 * abs(lo)
        hi += 0.05 * abs(hi)
      }
    }
    var newLo = lo
    var newHi = hi
    if !tight {
      let delta = (hi - lo) * 0.05
      newLo = lo - delta
      newHi = hi + delta
    }
    let stickies = sticky.filter { $0.isFinite && (scale == .linear || $0 > 0) }.map(view.scaled)
    let tolerance = 1e-5 * (hi - lo)
    if let bound = stickies.filter({ $0 <= lo + tolerance }).max() { newLo = max(newLo, bound) }
    if let bound = stickies.filter({ $0 >= hi - tolerance }).min() { newHi = min(newHi, bound) }
    if scale == .log { return (pow(10, newLo), pow(10, newHi)) }
    return (newLo, newHi)
  }
}
