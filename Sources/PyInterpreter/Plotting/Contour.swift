/// Contour lines (marching squares) and filled bands over a regular grid.
enum Contour {
  typealias Vertex = (x: Double, y: Double)

  /// matplotlib's automatic levels: MaxNLocator(count + 1) over the data range, trimmed so at
  /// most one level lies at or beyond each end of the range.
  static func levels(count: Int, zmin: Double, zmax: Double) -> [Double] {
    var kept = Ticks.linear(zmin, zmax, bins: count + 1)
    while kept.count > 2 && kept[1] <= zmin { kept.removeFirst() }
    while kept.count > 2 && kept[kept.count - 2] >= zmax { kept.removeLast() }
    return kept
  }

  /// Segments of the iso-line `z = level`; saddles are resolved by the cell's mean value.
  static func lines(x: [Double], y: [Double], z: [[Double]], level: Double) -> [[Vertex]] {
    var segments: [[Vertex]] = []
    guard min(z.count, y.count) >= 2, x.count >= 2 else { return [] }
    for i in 0..<(min(z.count, y.count) - 1) {
      for j in 0..<(min(z[i].count, z[i + 1].count, x.count) - 1) {
        let corners: [(Vertex, Double)] = [
          ((x[j], y[i]), z[i][j]), ((x[j + 1], y[i]), z[i][j + 1]),
          ((x[j + 1], y[i + 1]), z[i + 1][j + 1]), ((x[j], y[i + 1]), z[i + 1][j]),
        ]
        guard corners.allSatisfy({ $0.1.isFinite }) else { continue }
        var crossings: [Vertex?] = []
        for edge in 0..<4 {
          let (a, va) = corners[edge]
          let (b, vb) = corners[(edge + 1) % 4]
          if (va > level) != (vb > level) {
            let t = (level - va) / (vb - va)
            crossings.append((a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t))
          } else {
            crossings.append(nil)
          }
        }
        let points = crossings.compactMap { $0 }
        if points.count == 2 {
          // A level through a grid vertex yields zero-length pieces in the cells beside it.
          if points[0] != points[1] { segments.append(points) }
        } else if points.count == 4 {
          let center = corners.map(\.1).reduce(0, +) / 4
          if (corners[0].1 > level) != (center > level) {
            segments.append([points[3], points[0]])
            segments.append([points[1], points[2]])
          } else {
            segments.append([points[0], points[1]])
            segments.append([points[2], points[3]])
          }
        }
      }
    }
    return join(segments)
  }

  /// Chains segments sharing end points into longer polylines (fewer path commands, and dashes
  /// that flow along the line).
  static func join(_ segments: [[Vertex]]) -> [[Vertex]] {
    struct Key: Hashable {
      var x: Int64
      var y: Int64
      init(_ v: Vertex) {
        x = Int64((v.x * 1e9).rounded())
        y = Int64((v.y * 1e9).rounded())
      }
    }
    var byStart: [Key: [Int]] = [:]
    var byEnd: [Key: [Int]] = [:]
    for (index, segment) in segments.enumerated() {
      byStart[Key(segment[0]), default: []].append(index)
      byEnd[Key(segment[segment.count - 1]), default: []].append(index)
    }
    var used = [Bool](repeating: false, count: segments.count)
    var result: [[Vertex]] = []
    func take(_ candidates: [Int]?) -> Int? {
      candidates?.first { !used[$0] }
    }
    for index in segments.indices where !used[index] {
      used[index] = true
      var chain = segments[index]
      while let last = chain.last {
        if let next = take(byStart[Key(last)]) {
          used[next] = true
          chain += segments[next].dropFirst()
        } else if let next = take(byEnd[Key(last)]) {
          used[next] = true
          chain += segments[next].reversed().dropFirst()
        } else {
          break
        }
      }
      while let first = chain.first {
        if let previous = take(byEnd[Key(first)]) {
          used[previous] = true
          chain = segments[previous].dropLast() + chain
        } else if let previous = take(byStart[Key(first)]) {
          used[previous] = true
          chain = segments[previous].reversed().dropLast() + chain
        } else {
          break
        }
      }
      result.append(chain)
    }
    return result
  }

  /// Polygons covering `lower <= z <= upper`: runs of cells wholly inside the band merge into
  /// one rectangle per row (far smaller SVG); cells the band's edge crosses are clipped.
  static func band(x: [Double], y: [Double], z: [[Double]], lower: Double, upper: Double)
    -> [[Vertex]]
  {
    var polygons: [[Vertex]] = []
    guard min(z.count, y.count) >= 2, x.count >= 2 else { return [] }
    for i in 0..<(min(z.count, y.count) - 1) {
      var runStart: Int?
      func flush(_ end: Int) {
        guard let start = runStart else { return }
        polygons.append([
          (x[start], y[i]), (x[end], y[i]), (x[end], y[i + 1]), (x[start], y[i + 1]),
        ])
        runStart = nil
      }
      let columns = min(z[i].count, z[i + 1].count, x.count) - 1
      for j in 0..<columns {
        let cell: [(x: Double, y: Double, v: Double)] = [
          (x[j], y[i], z[i][j]), (x[j + 1], y[i], z[i][j + 1]),
          (x[j + 1], y[i + 1], z[i + 1][j + 1]), (x[j], y[i + 1], z[i + 1][j]),
        ]
        let values = cell.map(\.v)
        guard values.allSatisfy(\.isFinite) else {
          flush(j)
          continue
        }
        if values.allSatisfy({ $0 >= lower && $0 <= upper }) {
          if runStart == nil { runStart = j }
          continue
        }
        flush(j)
        if let low = values.max(), low < lower { continue }
        if let high = values.min(), high > upper { continue }
        var clipped = clip(cell, keepAbove: true, lower)
        clipped = clip(clipped, keepAbove: false, upper)
        if clipped.count >= 3 { polygons.append(clipped.map { ($0.x, $0.y) }) }
      }
      flush(columns)
    }
    return polygons
  }

  /// Sutherland–Hodgman against the half-space `v >= level` (or `v <= level`), with values
  /// interpolated linearly along the edges.
  private static func clip(
    _ polygon: [(x: Double, y: Double, v: Double)], keepAbove: Bool, _ level: Double
  ) -> [(x: Double, y: Double, v: Double)] {
    func inside(_ v: Double) -> Bool { keepAbove ? v >= level : v <= level }
    var output: [(x: Double, y: Double, v: Double)] = []
    for index in polygon.indices {
      let current = polygon[index]
      let next = polygon[(index + 1) % polygon.count]
      if inside(current.v) { output.append(current) }
      if inside(current.v) != inside(next.v) {
        let t = (level - current.v) / (next.v - current.v)
        output.append(
          (current.x + (next.x - current.x) * t, current.y + (next.y - current.y) * t, level))
      }
    }
    return output
  }
}

/// How contour levels are chosen: a count of automatic levels or explicit values.
public enum ContourLevels: Sendable {
  case count(Int)
  case values([Double])
}

extension Axes {
  /// Contour lines of `z` (rows along `y`, columns along `x`; indices when nil), like
  /// `ax.contour`. Returns the mappable, whose `levels` are the drawn levels.
  @discardableResult
  public func contour(
    x: [Double]? = nil, y: [Double]? = nil, _ z: [[Double]], levels: ContourLevels = .count(7),
    colors: [Color]? = nil, colormap: Colormap = .viridis, linewidth: Double = 1.5,
    linestyle: LineStyle = .solid, alpha: Double = 1, label: String? = nil
  ) -> ScalarMappable {
    let (xs, ys, range) = Axes.contourGrid(x, y, z)
    let chosen: [Double]
    switch levels {
    case .count(let count):
      chosen = Contour.levels(count: count, zmin: range.0, zmax: range.1)
    case .values(let values): chosen = values.sorted()
    }
    let mappable = ScalarMappable(
      colormap: colormap, vmin: chosen.first ?? 0, vmax: chosen.last ?? 1, levels: chosen,
      filled: false)
    // Levels at or beyond the data range draw nothing (matplotlib still lists them).
    for (index, level) in chosen.enumerated() where level > range.0 && level < range.1 {
      let color = colors.map { $0[index % $0.count] } ?? mappable.color(level)
      let segments = Contour.lines(x: xs, y: ys, z: z, level: level)
      artists.append(
        .segments(
          SegmentsArtist(
            segments: segments, color: color, width: linewidth, style: linestyle, alpha: alpha)))
    }
    extendContourLimits(xs, ys)
    markUnorderedLegendHandles()
    if let label, let first = chosen.first {
      addLegend(
        label,
        .line(
          color: colors?.first ?? mappable.color(first), width: linewidth, style: linestyle,
          marker: nil, markerSize: 6, alpha: alpha))
    }
    return mappable
  }

  /// Filled contour bands of `z` (`ax.contourf`); band colours come from the band midpoints.
  @discardableResult
  public func contourf(
    x: [Double]? = nil, y: [Double]? = nil, _ z: [[Double]], levels: ContourLevels = .count(7),
    colors: [Color]? = nil, colormap: Colormap = .viridis, alpha: Double = 1
  ) -> ScalarMappable {
    let (xs, ys, range) = Axes.contourGrid(x, y, z)
    var chosen: [Double]
    switch levels {
    case .count(let count):
      chosen = Contour.levels(count: count, zmin: range.0, zmax: range.1)
    case .values(let values): chosen = values.sorted()
    }
    if chosen.count < 2 { chosen = [range.0, range.1] }
    markUnorderedLegendHandles()
    let mids = zip(chosen, chosen.dropFirst()).map { ($0 + $1) / 2 }
    let layers = ScalarMappable(
      colormap: colormap, vmin: mids.first ?? 0, vmax: mids.last ?? 1)
    for index in 0..<(chosen.count - 1) {
      let color = colors.map { $0[index % $0.count] } ?? layers.color(mids[index])
      let polygons = Contour.band(
        x: xs, y: ys, z: z, lower: chosen[index], upper: chosen[index + 1])
      artists.append(
        .polygons(
          PolygonArtist(
            // A hairline in the fill colour hides antialiasing seams between bands; with
            // transparency it would darken the cell edges instead, so it is left out.
            polygons: polygons, fill: color, edge: alpha < 1 ? nil : color, edgeWidth: 0.25,
            alpha: alpha, zorder: 0.5)))
    }
    extendContourLimits(xs, ys)
    let mappable = ScalarMappable(
      colormap: colormap, vmin: chosen.first ?? 0, vmax: chosen.last ?? 1, levels: chosen,
      filled: true)
    lastMappable = mappable
    return mappable
  }

  static func contourGrid(_ x: [Double]?, _ y: [Double]?, _ z: [[Double]])
    -> ([Double], [Double], (Double, Double))
  {
    let cols = z.map(\.count).min() ?? 0
    let xs = x ?? (0..<cols).map(Double.init)
    let ys = y ?? z.indices.map(Double.init)
    let finite = z.joined().filter(\.isFinite)
    return (xs, ys, (finite.min() ?? 0, finite.max() ?? 1))
  }

  /// Contours autoscale tightly to the grid, as matplotlib's contour sets do.
  private func extendContourLimits(_ xs: [Double], _ ys: [Double]) {
    guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else {
      return
    }
    stickyX += [x0, x1]
    stickyY += [y0, y1]
  }
}
