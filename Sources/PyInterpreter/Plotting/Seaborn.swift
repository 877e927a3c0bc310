import Foundation

/// Seaborn's `kdeplot` and `jointplot(kind="kde")` on top of `Axes` and `Figure`.
public enum Seaborn {
  /// The axes of a joint plot: the 2-D density and the two marginal densities.
  public struct JointGrid {
    public let figure: Figure
    public let joint: Axes
    public let marginalX: Axes
    public let marginalY: Axes
  }

  /// scipy's `gaussian_kde` bandwidth for one variable: Scott's rule, `n^(-1/5)` standard
  /// deviations (sample standard deviation, ddof 1), times `adjust`.
  public static func scottBandwidth(_ data: [Double], adjust: Double = 1) -> Double {
    let n = Double(data.count)
    guard n > 1 else { return 1 }
    let mean = data.reduce(0, +) / n
    let variance = data.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    return variance.squareRoot() * pow(n, -0.2) * adjust
  }

  /// The Gaussian kernel density of `data` at each point of `grid`.
  public static func density1D(_ data: [Double], bandwidth: Double, at grid: [Double])
    -> [Double]
  {
    let n = Double(data.count)
    let norm = 1 / (n * bandwidth * (2 * Double.pi).squareRoot())
    return grid.map { point in
      var sum = 0.0
      for value in data {
        let z = (point - value) / bandwidth
        sum += exp(-0.5 * z * z)
      }
      return sum * norm
    }
  }

  /// A 1-D kernel density estimate (`sns.kdeplot(x=...)`), over the data range extended by
  /// `cut` bandwidths; `vertical` puts the density on the x axis (for marginals).
  @discardableResult
  public static func kdeplot(
    on axes: Axes, _ data: [Double], fill: Bool = false, color: Color? = nil,
    label: String? = nil, bwAdjust: Double = 1, cut: Double = 3, gridsize: Int = 200,
    linewidth: Double = 1.5, alpha: Double? = nil, vertical: Bool = false
  ) -> (grid: [Double], density: [Double]) {
    let finite = data.filter(\.isFinite)
    guard finite.count > 1, let lo = finite.min(), let hi = finite.max() else {
      return ([], [])
    }
    var bandwidth = scottBandwidth(finite, adjust: bwAdjust)
    if bandwidth <= 0 { bandwidth = 1 }
    let start = lo - cut * bandwidth
    let end = hi + cut * bandwidth
    let grid = (0..<gridsize).map { start + (end - start) * Double($0) / Double(gridsize - 1) }
    let density = density1D(finite, bandwidth: bandwidth, at: grid)
    let lineColor = color ?? axes.nextColor()
    if fill {
      let fillAlpha = alpha ?? 0.25
      if vertical {
        var polygon = zip(density, grid).map { (x: $0, y: $1) }
        polygon += grid.reversed().map { (x: 0.0, y: $0) }
        axes.artists.append(
          .polygons(
            PolygonArtist(
              polygons: [polygon], fill: lineColor, edge: nil, edgeWidth: 0, alpha: fillAlpha)))
        axes.stickyX.append(0)
      } else {
        axes.fillBetween(grid, density, [0], color: lineColor, alpha: fillAlpha)
      }
    }
    if vertical {
      axes.plot(density, grid, color: lineColor, linewidth: linewidth, label: label)
      axes.stickyX.append(0)
      if axes.x.label.isEmpty { axes.x.label = "Density" }
    } else {
      axes.plot(grid, density, color: lineColor, linewidth: linewidth, label: label)
      axes.stickyY.append(0)
      if axes.y.label.isEmpty { axes.y.label = "Density" }
    }
    return (grid, density)
  }

  /// The 2-D Gaussian KDE of `(x, y)` (Scott's factor `n^(-1/6)` on the sample covariance) on a
  /// `gridsize` × `gridsize` grid; rows follow y.
  public static func density2D(
    x: [Double], y: [Double], gridsize: Int = 100, cut: Double = 3, bwAdjust: Double = 1
  ) -> (xs: [Double], ys: [Double], z: [[Double]]) {
    let n = Double(min(x.count, y.count))
    guard n > 2 else { return ([], [], []) }
    let xs0 = Array(x.prefix(Int(n)))
    let ys0 = Array(y.prefix(Int(n)))
    let mx = xs0.reduce(0, +) / n
    let my = ys0.reduce(0, +) / n
    var sxx = 0.0
    var syy = 0.0
    var sxy = 0.0
    for index in xs0.indices {
      let dx = xs0[index] - mx
      let dy = ys0[index] - my
      sxx += dx * dx
      syy += dy * dy
      sxy += dx * dy
    }
    let factor = pow(n, -1.0 / 6) * bwAdjust
    let f2 = factor * factor
    var cxx = sxx / (n - 1) * f2
    var cyy = syy / (n - 1) * f2
    let cxy = sxy / (n - 1) * f2
    if cxx <= 0 { cxx = 1e-12 }
    if cyy <= 0 { cyy = 1e-12 }
    var det = cxx * cyy - cxy * cxy
    if det <= 0 { det = cxx * cyy * 1e-6 }
    let ixx = cyy / det
    let iyy = cxx / det
    let ixy = -cxy / det
    let norm = 1 / (n * 2 * Double.pi * det.squareRoot())
    func axis(_ values: [Double], _ bw: Double) -> [Double] {
      let lo = (values.min() ?? 0) - cut * bw
      let hi = (values.max() ?? 1) + cut * bw
      return (0..<gridsize).map { lo + (hi - lo) * Double($0) / Double(gridsize - 1) }
    }
    let gx = axis(xs0, cxx.squareRoot())
    let gy = axis(ys0, cyy.squareRoot())
    var z = [[Double]](repeating: [Double](repeating: 0, count: gridsize), count: gridsize)
    for (row, py) in gy.enumerated() {
      for (col, px) in gx.enumerated() {
        var sum = 0.0
        for index in xs0.indices {
          let dx = px - xs0[index]
          let dy = py - ys0[index]
          sum += exp(-0.5 * (ixx * dx * dx + 2 * ixy * dx * dy + iyy * dy * dy))
        }
        z[row][col] = sum * norm
      }
    }
    return (gx, gy, z)
  }

  /// Density values enclosing `1 - proportion` of the mass, as seaborn's iso-proportion levels.
  public static func isoProportionLevels(_ z: [[Double]], proportions: [Double]) -> [Double] {
    let values = z.joined().sorted(by: >)
    let total = values.reduce(0, +)
    guard total > 0 else { return [] }
    var cumulative: [Double] = []
    var running = 0.0
    for value in values {
      running += value
      cumulative.append(running / total)
    }
    return proportions.map { proportion in
      let target = 1 - proportion
      var lo = 0
      var hi = cumulative.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if cumulative[mid] < target { lo = mid + 1 } else { hi = mid }
      }
      return values[min(lo, values.count - 1)]
    }
  }

  /// A 2-D kernel density as contours (`sns.kdeplot(x=..., y=...)`): `levels` iso-proportion
  /// lines from `thresh` to 1 in `color`, or bands from light to `color` when `fill`.
  @discardableResult
  public static func kdeplot(
    on axes: Axes, x: [Double], y: [Double], fill: Bool = false, levels: Int = 10,
    thresh: Double = 0.05, color: Color? = nil, colormap: Colormap? = nil, gridsize: Int = 100,
    bwAdjust: Double = 1, cut: Double = 3, linewidth: Double = 1.5, label: String? = nil
  ) -> ScalarMappable? {
    let pairs = zip(x, y).filter { $0.0.isFinite && $0.1.isFinite }
    let grid = density2D(
      x: pairs.map(\.0), y: pairs.map(\.1), gridsize: gridsize, cut: cut, bwAdjust: bwAdjust)
    guard !grid.z.isEmpty else { return nil }
    let count = max(levels, 2)
    let proportions = (0..<count).map { thresh + (1 - thresh) * Double($0) / Double(count - 1) }
    var values = isoProportionLevels(grid.z, proportions: proportions)
    values = Array(Set(values)).sorted()
    let base = color ?? axes.nextColor()
    let map = colormap ?? Colormap.light(base)
    if fill {
      let top = (grid.z.joined().max() ?? 1) * 1.0001
      if values.last.map({ $0 < top }) ?? false { values.append(top) }
      return axes.contourf(
        x: grid.xs, y: grid.ys, grid.z, levels: .values(values), colormap: map)
    }
    // Without fill or an explicit colormap, seaborn draws every level in the one colour.
    return axes.contour(
      x: grid.xs, y: grid.ys, grid.z, levels: .values(values),
      colors: colormap == nil ? [base] : nil, colormap: map, linewidth: linewidth, label: label)
  }

  /// `sns.jointplot(x=, y=, kind="kde")`: a 2-D density with marginal densities on a square
  /// figure `height` inches wide; marginals take 1/(ratio+1) of the size.
  public static func jointplot(
    x: [Double], y: [Double], height: Double = 6, ratio: Int = 5, space: Double = 0.2,
    fill: Bool = false, color: Color? = nil, xlabel: String = "", ylabel: String = "",
    gridsize: Int = 100
  ) -> JointGrid {
    let figure = Figure(figsize: (height, height))
    let size = ratio + 1
    let joint = figure.addSubplot(gridRows: size, gridCols: size, rows: 1..<size, cols: 0..<ratio)
    let top = figure.addSubplot(gridRows: size, gridCols: size, rows: 0..<1, cols: 0..<ratio)
    let right = figure.addSubplot(
      gridRows: size, gridCols: size, rows: 1..<size, cols: ratio..<size)
    top.sharedX = joint
    right.sharedY = joint
    let chosen = color ?? Color.cycle[0]
    kdeplot(on: joint, x: x, y: y, fill: fill, color: chosen, gridsize: gridsize)
    kdeplot(on: top, x, fill: fill, color: chosen)
    kdeplot(on: right, y, fill: fill, color: chosen, vertical: true)
    joint.setXLabel(xlabel)
    joint.setYLabel(ylabel)
    top.y.label = ""
    right.x.label = ""
    for axes in [joint, top, right] { axes.hideSpines(["top", "right"]) }
    top.hideSpines(["left"])
    right.hideSpines(["bottom"])
    top.setTicksVisible(.both, ticks: true, labels: false)
    top.y.showTicks = false
    right.setTicksVisible(.both, ticks: true, labels: false)
    right.x.showTicks = false
    figure.tightLayout()
    figure.subplotParams.wspace = space
    figure.subplotParams.hspace = space
    return JointGrid(figure: figure, joint: joint, marginalX: top, marginalY: right)
  }
}
