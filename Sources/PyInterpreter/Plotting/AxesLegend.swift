import Foundation

extension Axes {
  /// Draws the legend box, choosing the least crowded corner for `.best` as matplotlib does.
  func renderLegend(into svg: inout SVGBuilder, request: LegendRequest, transform: Transform) {
    let fs = request.fontSize
    let borderPad = 0.4 * fs
    let labelSpacing = 0.5 * fs
    let handleLength = 2.0 * fs
    let handlePad = 0.8 * fs
    let axesPad = 0.5 * fs
    let columnSpacing = 2.0 * fs
    let rowHeight = fs * 0.95
    let entries = shownLegendEntries
    let columns = min(request.columns, entries.count)
    let perColumn = Int((Double(entries.count) / Double(columns)).rounded(.up))
    var columnWidths: [Double] = []
    for column in 0..<columns {
      let slice = entries.dropFirst(column * perColumn).prefix(perColumn)
      let widest = slice.map { TextMetrics.width(MathText.plain($0.label), fontSize: fs) }.max()
      columnWidths.append(handleLength + handlePad + (widest ?? 0))
    }
    let titleHeight = request.title == nil ? 0 : TextMetrics.height(fontSize: fs) + labelSpacing
    let titleWidth = request.title.map { TextMetrics.width($0, fontSize: fs) } ?? 0
    let contentWidth = max(
      columnWidths.reduce(0, +) + columnSpacing * Double(columns - 1), titleWidth)
    let width = contentWidth + 2 * borderPad
    let height =
      2 * borderPad + titleHeight + Double(perColumn) * rowHeight
      + Double(perColumn - 1) * labelSpacing
    let box = transform.box
    func place(_ location: Location) -> PlotBox {
      let anchor = location.anchor
      let freeWidth = box.width - 2 * axesPad - width
      let freeHeight = box.height - 2 * axesPad - height
      return PlotBox(
        x: box.x + axesPad + freeWidth * anchor.x, y: box.y + axesPad + freeHeight * anchor.y,
        width: width, height: height)
    }
    var frame = place(request.location)
    if request.location == .best {
      let candidates = Location.allCases.filter { $0 != .best }
      let (points, segments) = crowdingShapes(transform)
      var best = Int.max
      for location in candidates {
        let candidate = place(location)
        var badness = points.filter(candidate.contains).count
        badness += segments.filter { Axes.intersects($0.0, $0.1, candidate) }.count
        if badness < best {
          best = badness
          frame = candidate
        }
        if badness == 0 { break }
      }
    }
    let n = SVGBuilder.number
    svg.element("g", [("class", "legend")], close: false)
    if request.frame {
      svg.element(
        "rect",
        [
          ("x", n(frame.x)), ("y", n(frame.y)), ("width", n(frame.width)),
          ("height", n(frame.height)), ("rx", n(0.2 * fs)), ("fill", "#ffffff"),
          ("fill-opacity", "0.8"), ("stroke", "#cccccc"), ("stroke-width", "1"),
          ("stroke-opacity", "0.8"),
        ])
    }
    var top = frame.y + borderPad
    if let title = request.title {
      writeText(
        &svg, MathText.plain(title), x: frame.x + frame.width / 2,
        baseline: top + TextMetrics.ascent(fontSize: fs) * 0.9, anchor: "middle",
        className: "legend-title", fontSize: fs)
      top += titleHeight
    }
    var left = frame.x + borderPad
    for column in 0..<columns {
      for (row, entry) in entries.dropFirst(column * perColumn).prefix(perColumn).enumerated() {
        let center = top + Double(row) * (rowHeight + labelSpacing) + rowHeight / 2
        renderHandle(entry.handle, into: &svg, x: left, centerY: center, length: handleLength)
        writeText(
          &svg, MathText.plain(entry.label), x: left + handleLength + handlePad,
          baseline: center + fs * 0.35, anchor: "start", className: "legend-label", fontSize: fs)
      }
      left += columnWidths[column] + columnSpacing
    }
    svg.end("g")
  }

  private func renderHandle(
    _ handle: LegendHandle, into svg: inout SVGBuilder, x: Double, centerY: Double,
    length: Double
  ) {
    let n = SVGBuilder.number
    switch handle {
    case .line(let color, let width, let style, let marker, let markerSize, let alpha):
      if style != .none {
        svg.element(
          "path",
          [("d", "M\(n(x)) \(n(centerY))h\(n(length))")]
            + strokeAttributes(color, width, style) + opacity("stroke-opacity", alpha))
      }
      if let marker {
        writeMarker(
          &svg, marker, at: Point(x: x + length / 2, y: centerY), size: markerSize, face: color,
          edge: color, edgeWidth: 1, alpha: alpha)
      }
    case .patch(let face, let edge, let alpha):
      let height = 7.0
      var attributes: [(String, String)] = [
        ("x", n(x)), ("y", n(centerY - height / 2)), ("width", n(length)), ("height", n(height)),
        ("fill", face?.hexString ?? "none"),
      ]
      if face != nil { attributes += opacity("fill-opacity", alpha) }
      if let edge {
        attributes += [("stroke", edge.hexString), ("stroke-width", "1")]
        attributes += opacity("stroke-opacity", alpha)
      }
      svg.element("rect", attributes)
    case .marker(let marker, let color, let edge, let edgeWidth, let alpha):
      writeMarker(
        &svg, marker, at: Point(x: x + length / 2, y: centerY), size: 6, face: color, edge: edge,
        edgeWidth: edgeWidth, alpha: alpha)
    }
  }

  /// Points and line segments (in SVG space) a legend should avoid covering.
  private func crowdingShapes(_ transform: Transform) -> ([Point], [(Point, Point)]) {
    var points: [Point] = []
    var segments: [(Point, Point)] = []
    for artist in artists {
      switch artist {
      case .line(let line):
        let mapped = zip(line.xs, line.ys).map { transform.point($0, $1, line.coordinates) }
        if line.marker != nil { points += mapped }
        if line.style != .none {
          segments += zip(mapped, mapped.dropFirst()).map { ($0, $1) }
          if line.marker == nil { points += mapped }
        }
      case .scatter(let scatter):
        points += zip(scatter.xs, scatter.ys).map { transform.point($0, $1) }
      case .rects(let rects):
        for rect in rects.rects {
          points.append(transform.point(rect.x + rect.width / 2, rect.y + rect.height))
          points.append(transform.point(rect.x, rect.y + rect.height))
          points.append(transform.point(rect.x + rect.width, rect.y + rect.height))
        }
      case .polygons(let polygons):
        for polygon in polygons.polygons.prefix(200) {
          points += polygon.map { transform.point($0.x, $0.y) }
        }
      case .segments(let group):
        for segment in group.segments {
          let mapped = segment.map { transform.point($0.x, $0.y) }
          segments += zip(mapped, mapped.dropFirst()).map { ($0, $1) }
        }
      case .image, .text: break
      }
    }
    return (points, segments)
  }

  /// Whether the segment from `a` to `b` touches `box` (Liang–Barsky clipping).
  static func intersects(_ a: Point, _ b: Point, _ box: PlotBox) -> Bool {
    var t0 = 0.0
    var t1 = 1.0
    let dx = b.x - a.x
    let dy = b.y - a.y
    let checks = [
      (-dx, a.x - box.x), (dx, box.maxX - a.x), (-dy, a.y - box.y), (dy, box.maxY - a.y),
    ]
    for (p, q) in checks {
      if p == 0 {
        if q < 0 { return false }
      } else {
        let t = q / p
        if p < 0 {
          if t > t1 { return false }
          t0 = max(t0, t)
        } else {
          if t < t0 { return false }
          t1 = min(t1, t)
        }
      }
    }
    return true
  }

  /// Draws a colorbar: the colormap as a stack of bands with ticks on the right.
  func renderColorbar(into svg: inout SVGBuilder, box: PlotBox, view: AxisView) {
    guard let (_, mappable) = colorbarOf else { return }
    let n = SVGBuilder.number
    let transform = Transform(box: box, x: AxisView(lower: 0, upper: 1, scale: .linear), y: view)
    svg.element("g", [("class", "colorbar")], close: false)
    svg.element("g", [("class", "colorbar-bands")], close: false)
    var bands: [(Double, Double, Color)] = []
    if let levels = mappable.levels, mappable.filled, levels.count >= 2 {
      let mids = zip(levels, levels.dropFirst()).map { ($0 + $1) / 2 }
      let layers = ScalarMappable(
        colormap: mappable.colormap, vmin: mids.first ?? 0, vmax: mids.last ?? 1)
      for index in 0..<(levels.count - 1) {
        bands.append((levels[index], levels[index + 1], layers.color(mids[index])))
      }
    } else {
      let steps = 64
      for index in 0..<steps {
        let lo = mappable.vmin + (mappable.vmax - mappable.vmin) * Double(index) / Double(steps)
        let hi = mappable.vmin + (mappable.vmax - mappable.vmin) * Double(index + 1) / Double(steps)
        bands.append((lo, hi, mappable.colormap((Double(index) + 0.5) / Double(steps))))
      }
    }
    for (lo, hi, color) in bands {
      let a = transform.point(0, lo)
      let b = transform.point(1, hi)
      svg.element(
        "rect",
        [
          ("x", n(box.x)), ("y", n(min(a.y, b.y) - 0.25)), ("width", n(box.width)),
          ("height", n(abs(b.y - a.y) + 0.5)), ("fill", color.hexString),
        ])
    }
    svg.end("g")
    if let levels = mappable.levels, !mappable.filled {
      for level in levels {
        let py = transform.point(0, level).y
        svg.element(
          "path",
          [
            ("d", "M\(n(box.x)) \(n(py))h\(n(box.width))"), ("stroke", "#000000"),
            ("stroke-width", "0.5"),
          ])
      }
    }
    svg.element(
      "rect",
      [
        ("x", n(box.x)), ("y", n(box.y)), ("width", n(box.width)), ("height", n(box.height)),
        ("fill", "none"), ("stroke", "#000000"), ("stroke-width", "0.8"),
      ])
    let set = ticks(.y, view: view, length: box.height)
    var d = ""
    for value in set.major { d += "M\(n(box.maxX)) \(n(transform.point(0, value).y))h3.5" }
    if !d.isEmpty {
      svg.element(
        "path", [("class", "ticks"), ("d", d), ("stroke", "#000000"), ("stroke-width", "0.8")])
    }
    var widest = 0.0
    for (value, label) in zip(set.major, set.labels) {
      writeLabel(
        &svg, label, x: box.maxX + Axes.tickLength + Axes.tickPad,
        baseline: transform.point(0, value).y + Axes.tickFontSize * 0.35, anchor: "start",
        className: "ticklabel", fontSize: Axes.tickFontSize)
      widest = max(widest, label.width(fontSize: Axes.tickFontSize))
    }
    if !y.label.isEmpty {
      let px =
        box.maxX + Axes.tickLength + Axes.tickPad + widest + y.labelPad
        + TextMetrics.ascent(fontSize: y.labelSize)
      writeText(
        &svg, MathText.plain(y.label), x: px, baseline: box.y + box.height / 2, anchor: "middle",
        className: "ylabel", rotation: -90, fontSize: y.labelSize)
    }
    svg.end("g")
  }
}
