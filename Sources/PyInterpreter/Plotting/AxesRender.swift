import Foundation

extension Axes {
  /// Draws the axes into `svg` inside `box`; `clipID` names its clip path (unique per figure).
  func render(into svg: inout SVGBuilder, box: PlotBox, clipID: String) {
    let xView = view(.x)
    let yView = view(.y)
    let transform = Transform(box: box, x: xView, y: yView)
    let n = SVGBuilder.number
    if colorbarOf != nil {
      renderColorbar(into: &svg, box: box, view: yView)
      return
    }
    svg.element("g", [("class", "axes")], close: false)
    if axisOn && !yOnRight {
      svg.element(
        "rect",
        [
          ("class", "background"), ("x", n(box.x)), ("y", n(box.y)), ("width", n(box.width)),
          ("height", n(box.height)), ("fill", facecolor.hexString),
        ])
    }
    let xTicks = ticks(.x, view: xView, length: box.width)
    let yTicks = ticks(.y, view: yView, length: box.height)
    renderGrid(into: &svg, transform: transform, xTicks: xTicks, yTicks: yTicks)
    svg.element("g", [("class", "artists"), ("clip-path", "url(#\(clipID))")], close: false)
    let ordered = artists.enumerated().sorted {
      ($0.element.zorder, $0.offset) < ($1.element.zorder, $1.offset)
    }
    for (_, artist) in ordered {
      switch artist {
      case .text: continue
      default: renderArtist(artist, into: &svg, transform: transform)
      }
    }
    svg.end("g")
    if axisOn {
      if !yOnRight { renderSpines(into: &svg, box: box) }
      renderXAxis(into: &svg, transform: transform, ticks: xTicks)
      renderYAxis(into: &svg, transform: transform, ticks: yTicks)
    }
    for case .text(let text) in artists {
      renderArtist(.text(text), into: &svg, transform: transform)
    }
    renderTitles(into: &svg, box: box, above: axisOn ? topLabelReach(xTicks) : 0)
    if let request = legendRequest, !shownLegendEntries.isEmpty {
      renderLegend(into: &svg, request: request, transform: transform)
    }
    svg.end("g")
  }

  private func renderGrid(
    into svg: inout SVGBuilder, transform: Transform, xTicks: TickSet, yTicks: TickSet
  ) {
    let box = transform.box
    for (style, isX) in [(grid.x, true), (grid.y, false)] {
      guard let style else { continue }
      var d = ""
      for value in isX ? xTicks.major : yTicks.major {
        let point = transform.point(value, value)
        let n = SVGBuilder.number
        if isX {
          d += "M\(n(point.x)) \(n(box.y))V\(n(box.maxY))"
        } else {
          d += "M\(n(box.x)) \(n(point.y))H\(n(box.maxX))"
        }
      }
      guard !d.isEmpty else { continue }
      svg.element(
        "path",
        [("class", "grid"), ("d", d)] + strokeAttributes(style.color, style.width, style.style)
          + opacity("stroke-opacity", style.alpha * style.color.alpha))
    }
  }

  private func renderSpines(into svg: inout SVGBuilder, box: PlotBox) {
    let n = SVGBuilder.number
    let edges: [(String, Double, Double, Double, Double)] = [
      ("left", box.x, box.y, box.x, box.maxY), ("right", box.maxX, box.y, box.maxX, box.maxY),
      ("bottom", box.x, box.maxY, box.maxX, box.maxY), ("top", box.x, box.y, box.maxX, box.y),
    ]
    var d = ""
    for (name, x1, y1, x2, y2) in edges where spines.contains(name) {
      d += "M\(n(x1)) \(n(y1))L\(n(x2)) \(n(y2))"
    }
    guard !d.isEmpty else { return }
    svg.element(
      "path",
      [
        ("class", "spines"), ("d", d), ("fill", "none"), ("stroke", "#000000"),
        ("stroke-width", "0.8"), ("stroke-linecap", "square"),
      ])
  }

  private func renderXAxis(into svg: inout SVGBuilder, transform: Transform, ticks: TickSet) {
    let n = SVGBuilder.number
    let box = transform.box
    svg.element("g", [("class", "xaxis")], close: false)
    if x.showTicks {
      var d = ""
      for value in ticks.major {
        d += "M\(n(transform.point(value, 0).x)) \(n(box.maxY))v\(n(Axes.tickLength))"
        // matshow draws tick marks on both sides, labels on top only.
        if x.labelsOnTop {
          d += "M\(n(transform.point(value, 0).x)) \(n(box.y))v-\(n(Axes.tickLength))"
        }
      }
      for value in ticks.minor {
        d += "M\(n(transform.point(value, 0).x)) \(n(box.maxY))v2"
      }
      if !d.isEmpty {
        svg.element(
          "path", [("class", "ticks"), ("d", d), ("stroke", "#000000"), ("stroke-width", "0.8")])
      }
    }
    let lineHeight = TextMetrics.height(fontSize: Axes.tickFontSize)
    var bottom = box.maxY + (x.showTicks ? Axes.tickLength : 0)
    if x.labelsOnTop && x.showTickLabels {
      let edge = box.y - Axes.tickLength - Axes.tickPad
      let rotation = x.tickLabelRotation
      for (value, label) in zip(ticks.major, ticks.labels) {
        let px = transform.point(value, 0).x
        if rotation != 0 {
          // Rising from the tick by its start, centred on it.
          writeLabel(
            &svg, label, x: px + TextMetrics.ascent(fontSize: Axes.tickFontSize) * 0.5,
            baseline: edge, anchor: "start", className: "ticklabel", rotation: -rotation,
            fontSize: Axes.tickFontSize)
        } else {
          writeLabel(
            &svg, label, x: px, baseline: edge - TextMetrics.descent(fontSize: Axes.tickFontSize),
            anchor: "middle", className: "ticklabel", fontSize: Axes.tickFontSize)
        }
      }
    } else if x.showTickLabels && !ticks.labels.isEmpty {
      let top = box.maxY + Axes.tickLength + Axes.tickPad
      let rotation = x.tickLabelRotation
      var tallest = lineHeight
      for (value, label) in zip(ticks.major, ticks.labels) {
        let px = transform.point(value, 0).x
        if rotation != 0 {
          let baseline = top + TextMetrics.ascent(fontSize: Axes.tickFontSize) * 0.5
          writeLabel(
            &svg, label, x: px, baseline: baseline, anchor: "end", className: "ticklabel",
            rotation: -rotation, fontSize: Axes.tickFontSize)
          tallest = max(
            tallest,
            label.width(fontSize: Axes.tickFontSize) * abs(sin(rotation * .pi / 180))
              + lineHeight * 0.5)
        } else {
          let raise = label.superscript == nil ? 0.0 : 3.0
          writeLabel(
            &svg, label, x: px,
            baseline: top + raise + TextMetrics.ascent(fontSize: Axes.tickFontSize),
            anchor: "middle", className: "ticklabel", fontSize: Axes.tickFontSize)
          tallest = max(tallest, lineHeight + raise)
        }
      }
      bottom = top + tallest
      if let multiplier = ticks.multiplier {
        writeText(
          &svg, multiplier, x: box.maxX, baseline: bottom + TextMetrics.ascent(fontSize: 10),
          anchor: "end", className: "offset", fontSize: 10)
        bottom += lineHeight
      }
    }
    if !x.label.isEmpty {
      writeText(
        &svg, MathText.plain(x.label), x: box.x + box.width / 2,
        baseline: bottom + x.labelPad + TextMetrics.ascent(fontSize: x.labelSize),
        anchor: "middle", className: "xlabel", fontSize: x.labelSize)
    }
    svg.end("g")
  }

  private func renderYAxis(into svg: inout SVGBuilder, transform: Transform, ticks: TickSet) {
    let n = SVGBuilder.number
    let box = transform.box
    // A twin axes (twinx) carries its y axis on the right; everything mirrors.
    let onRight = yOnRight
    let edge = onRight ? box.maxX : box.x
    let outward = onRight ? "" : "-"
    svg.element("g", [("class", "yaxis")], close: false)
    if y.showTicks {
      var d = ""
      for value in ticks.major {
        d += "M\(n(edge)) \(n(transform.point(0, value).y))h\(outward)\(n(Axes.tickLength))"
      }
      for value in ticks.minor {
        d += "M\(n(edge)) \(n(transform.point(0, value).y))h\(outward)2"
      }
      if !d.isEmpty {
        svg.element(
          "path", [("class", "ticks"), ("d", d), ("stroke", "#000000"), ("stroke-width", "0.8")])
      }
    }
    let tickReach = y.showTicks ? Axes.tickLength : 0
    var outer = onRight ? edge + tickReach : edge - tickReach
    if y.showTickLabels && !ticks.labels.isEmpty {
      let reach = Axes.tickLength + Axes.tickPad
      let anchorX = onRight ? edge + reach : edge - reach
      var widest = 0.0
      for (value, label) in zip(ticks.major, ticks.labels) {
        let py = transform.point(0, value).y
        writeLabel(
          &svg, label, x: anchorX, baseline: py + Axes.tickFontSize * 0.35,
          anchor: onRight ? "start" : "end", className: "ticklabel",
          fontSize: Axes.tickFontSize)
        widest = max(widest, label.width(fontSize: Axes.tickFontSize))
      }
      outer = onRight ? anchorX + widest : anchorX - widest
      if let multiplier = ticks.multiplier {
        writeText(
          &svg, multiplier, x: edge, baseline: box.y - 4, anchor: onRight ? "end" : "start",
          className: "offset", fontSize: 10)
      }
    }
    if !y.label.isEmpty {
      let px =
        onRight
        ? outer + y.labelPad + TextMetrics.ascent(fontSize: y.labelSize)
        : outer - y.labelPad - TextMetrics.descent(fontSize: y.labelSize)
      writeText(
        &svg, MathText.plain(y.label), x: px, baseline: box.y + box.height / 2, anchor: "middle",
        className: "ylabel", rotation: -90, fontSize: y.labelSize)
    }
    svg.end("g")
  }

  /// How far x tick labels on top (`matshow`) reach above the box.
  private func topLabelReach(_ ticks: TickSet) -> Double {
    guard x.labelsOnTop, x.showTickLabels, !ticks.labels.isEmpty else { return 0 }
    let lineHeight = TextMetrics.height(fontSize: Axes.tickFontSize)
    let tallest =
      x.tickLabelRotation != 0
      ? (ticks.labels.map { $0.width(fontSize: Axes.tickFontSize) }.max() ?? 0)
        * abs(sin(x.tickLabelRotation * .pi / 180)) + lineHeight * 0.5
      : lineHeight
    return Axes.tickLength + Axes.tickPad + tallest
  }

  private func renderTitles(into svg: inout SVGBuilder, box: PlotBox, above: Double = 0) {
    let baseline = box.y - above - Axes.titlePad - TextMetrics.descent(fontSize: titleSize)
    let titles: [(String, Double, String)] = [
      (title, box.x + box.width / 2, "middle"), (titleLeft, box.x, "start"),
      (titleRight, box.maxX, "end"),
    ]
    for (text, px, anchor) in titles where !text.isEmpty {
      // Extra lines of a title stack upwards so the last one keeps its place above the box.
      let extraLines = Double(text.filter { $0 == "\n" }.count)
      writeText(
        &svg, MathText.plain(text), x: px, baseline: baseline - extraLines * titleSize * 1.2,
        anchor: anchor, className: "title", fontSize: titleSize)
    }
  }

  // MARK: - Artists

  private func renderArtist(_ artist: Artist, into svg: inout SVGBuilder, transform: Transform) {
    let n = SVGBuilder.number
    switch artist {
    case .line(let line):
      let points = zip(line.xs, line.ys).compactMap { px, py -> Point? in
        guard px.isFinite, py.isFinite else { return nil }
        return transform.point(px, py, line.coordinates)
      }
      if line.style != .none && line.width > 0 && points.count >= 2 {
        svg.element(
          "path",
          [("class", "line2d"), ("d", polylinePath(line.xs, line.ys, transform, line.coordinates))]
            + strokeAttributes(line.color, line.width, line.style)
            + opacity("stroke-opacity", line.alpha * line.color.alpha))
      }
      if let marker = line.marker {
        svg.element("g", [("class", "markers")], close: false)
        for point in points {
          writeMarker(
            &svg, marker, at: point, size: line.markerSize, face: line.markerFace,
            edge: line.color, edgeWidth: 1, alpha: line.alpha)
        }
        svg.end("g")
      }
    case .scatter(let scatter):
      svg.element("g", [("class", "scatter")], close: false)
      for index in scatter.xs.indices {
        guard scatter.xs[index].isFinite, scatter.ys[index].isFinite else { continue }
        let point = transform.point(scatter.xs[index], scatter.ys[index])
        let area = scatter.sizes[index % max(scatter.sizes.count, 1)]
        let color = scatter.colors[index % scatter.colors.count]
        writeMarker(
          &svg, scatter.marker, at: point, size: area.squareRoot(), face: color,
          edge: scatter.edgeColor, edgeWidth: scatter.edgeWidth, alpha: scatter.alpha)
      }
      svg.end("g")
    case .rects(let rects):
      svg.element("g", [("class", "bars")], close: false)
      for (index, rect) in rects.rects.enumerated() {
        let a = transform.point(rect.x, rect.y)
        let b = transform.point(rect.x + rect.width, rect.y + rect.height)
        let face = rects.faces[index % rects.faces.count]
        var attributes: [(String, String)] = [
          ("x", n(min(a.x, b.x))), ("y", n(min(a.y, b.y))), ("width", n(abs(b.x - a.x))),
          ("height", n(abs(b.y - a.y))), ("fill", face.hexString),
        ]
        attributes += opacity("fill-opacity", rects.alpha * face.alpha)
        if let edge = rects.edge, rects.edgeWidth > 0 {
          attributes += strokeAttributes(edge, rects.edgeWidth, .solid).dropFirst()
          attributes += opacity("stroke-opacity", rects.alpha * edge.alpha)
        }
        svg.element("rect", attributes)
      }
      svg.end("g")
    case .polygons(let polygons):
      var d = ""
      for polygon in polygons.polygons {
        d += polylinePath(polygon.map(\.x), polygon.map(\.y), transform, .data)
        if polygons.closed { d += "Z" }
      }
      guard !d.isEmpty else { return }
      var attributes: [(String, String)] = [("class", "patch"), ("d", d)]
      if let fill = polygons.fill {
        attributes.append(("fill", fill.hexString))
        attributes += opacity("fill-opacity", polygons.alpha * fill.alpha)
      } else {
        attributes.append(("fill", "none"))
      }
      if let edge = polygons.edge, polygons.edgeWidth > 0 {
        attributes += strokeAttributes(edge, polygons.edgeWidth, polygons.style).dropFirst()
        attributes += opacity("stroke-opacity", polygons.alpha * edge.alpha)
      }
      svg.element("path", attributes)
    case .segments(let segments):
      var d = ""
      for segment in segments.segments {
        d += polylinePath(segment.map(\.x), segment.map(\.y), transform, .data)
      }
      guard !d.isEmpty else { return }
      svg.element(
        "path",
        [("class", "segments"), ("d", d)]
          + strokeAttributes(segments.color, segments.width, segments.style)
          + opacity("stroke-opacity", segments.alpha * segments.color.alpha))
    case .image(let image):
      renderImage(image, into: &svg, transform: transform)
    case .text(let text):
      let point = transform.point(text.x, text.y, text.coordinates)
      let anchor = ["left": "start", "center": "middle", "right": "end"][text.horizontal.rawValue]
      let baseline: Double
      switch text.vertical {
      case .baseline: baseline = point.y
      case .bottom: baseline = point.y - TextMetrics.descent(fontSize: text.fontSize)
      case .top: baseline = point.y + TextMetrics.ascent(fontSize: text.fontSize)
      case .center: baseline = point.y + text.fontSize * 0.35
      }
      writeText(
        &svg, MathText.plain(text.text), x: point.x, baseline: baseline,
        anchor: anchor ?? "start", className: "text", rotation: -text.rotation,
        fontSize: text.fontSize, color: text.color)
    }
  }

  private func polylinePath(
    _ xs: [Double], _ ys: [Double], _ transform: Transform, _ coordinates: Coordinates
  ) -> String {
    var points: [Point?] = []
    points.reserveCapacity(xs.count)
    for (px, py) in zip(xs, ys) {
      points.append(px.isFinite && py.isFinite ? transform.point(px, py, coordinates) : nil)
    }
    if points.count > 2000 { points = Axes.decimate(points) }
    var d = ""
    var penDown = false
    for point in points {
      guard let point else {
        penDown = false
        continue
      }
      d += (penDown ? "L" : "M") + SVGBuilder.number(point.x) + " " + SVGBuilder.number(point.y)
      penDown = true
    }
    return d
  }

  /// Thins a dense polyline without visible change: consecutive points falling in the same
  /// quarter-point column keep only their first, lowest, highest and last members (M4), so a
  /// 100,000-step loss curve draws as a few thousand vertices, spikes included.
  static func decimate(_ points: [Point?]) -> [Point?] {
    var result: [Point?] = []
    var run: [Point] = []
    var column = Int.min
    func flush() {
      guard let first = run.first, let last = run.last else { return }
      if run.count <= 4 {
        result += run.map { Optional($0) }
      } else {
        var low = first
        var high = first
        var lowIndex = 0
        var highIndex = 0
        for (index, point) in run.enumerated() {
          if point.y < low.y { (low, lowIndex) = (point, index) }
          if point.y > high.y { (high, highIndex) = (point, index) }
        }
        let middle = lowIndex < highIndex ? [low, high] : [high, low]
        result += ([first] + middle + [last]).map { Optional($0) }
      }
      run.removeAll(keepingCapacity: true)
    }
    for point in points {
      guard let point else {
        flush()
        result.append(nil)
        column = Int.min
        continue
      }
      let current = Int((point.x * 4).rounded(.down))
      if current != column {
        flush()
        column = current
      }
      run.append(point)
    }
    flush()
    return result
  }

  private func renderImage(_ image: ImageArtist, into svg: inout SVGBuilder, transform: Transform) {
    let grid = Axes.downsample(image.values, limit: 120)
    let rows = grid.count
    guard rows > 0 else { return }
    let cols = grid.map(\.count).max() ?? 0
    let e = image.extent
    svg.element(
      "g", [("class", "image")] + opacity("opacity", image.alpha),
      close: false)
    let n = SVGBuilder.number
    for row in 0..<rows {
      let fy0 = Double(row) / Double(rows)
      let fy1 = Double(row + 1) / Double(rows)
      let y0 =
        image.originUpper ? e.top + (e.bottom - e.top) * fy0 : e.bottom + (e.top - e.bottom) * fy0
      let y1 =
        image.originUpper ? e.top + (e.bottom - e.top) * fy1 : e.bottom + (e.top - e.bottom) * fy1
      var col = 0
      while col < grid[row].count {
        let value = grid[row][col]
        let color = image.mappable.color(value)
        var end = col + 1
        while end < grid[row].count && image.mappable.color(grid[row][end]) == color { end += 1 }
        if value.isFinite {
          let x0 = e.left + (e.right - e.left) * Double(col) / Double(cols)
          let x1 = e.left + (e.right - e.left) * Double(end) / Double(cols)
          let a = transform.point(x0, y0)
          let b = transform.point(x1, y1)
          // A quarter point of overlap hides the hairline seams antialiasing leaves between
          // abutting cells; the axes clip trims the overhang at the image edge.
          svg.element(
            "rect",
            [
              ("x", n(min(a.x, b.x))), ("y", n(min(a.y, b.y))),
              ("width", n(abs(b.x - a.x) + 0.25)), ("height", n(abs(b.y - a.y) + 0.25)),
              ("fill", color.hexString),
            ])
        }
        col = end
      }
    }
    svg.end("g")
  }

  /// Block-averages a grid so neither side exceeds `limit` cells (NaNs are skipped).
  static func downsample(_ values: [[Double]], limit: Int) -> [[Double]] {
    let rows = values.count
    let cols = values.map(\.count).min() ?? 0
    let rowStep = max(1, Int((Double(rows) / Double(limit)).rounded(.up)))
    let colStep = max(1, Int((Double(cols) / Double(limit)).rounded(.up)))
    guard rowStep > 1 || colStep > 1 else { return values }
    return stride(from: 0, to: rows, by: rowStep).map { r in
      stride(from: 0, to: cols, by: colStep).map { c in
        var sum = 0.0
        var count = 0.0
        for i in r..<min(r + rowStep, rows) {
          for j in c..<min(c + colStep, cols) where values[i][j].isFinite {
            sum += values[i][j]
            count += 1
          }
        }
        return count > 0 ? sum / count : .nan
      }
    }
  }

  // MARK: - Primitives

  func strokeAttributes(_ color: Color, _ width: Double, _ style: LineStyle) -> [(String, String)] {
    var attributes: [(String, String)] = [
      ("fill", "none"), ("stroke", color.hexString), ("stroke-width", SVGBuilder.number(width)),
      ("stroke-linejoin", "round"), ("stroke-linecap", style == .solid ? "square" : "butt"),
    ]
    let dashes = style.dashArray(width: width)
    if !dashes.isEmpty { attributes.append(("stroke-dasharray", dashes)) }
    return attributes
  }

  func opacity(_ name: String, _ value: Double) -> [(String, String)] {
    value < 1 ? [(name, SVGBuilder.fraction(value))] : []
  }

  func writeMarker(
    _ svg: inout SVGBuilder, _ marker: Marker, at point: Point, size: Double, face: Color,
    edge: Color?, edgeWidth: Double, alpha: Double
  ) {
    let n = SVGBuilder.number
    var attributes: [(String, String)] = []
    let strokeOnly = marker.isStrokeOnly
    if strokeOnly {
      attributes = [("fill", "none"), ("stroke", (edge ?? face).hexString)]
      attributes.append(("stroke-width", n(max(edgeWidth, 1))))
      attributes += opacity("stroke-opacity", alpha * face.alpha)
    } else {
      attributes = [("fill", face.hexString)]
      attributes += opacity("fill-opacity", alpha * face.alpha)
      if let edge {
        attributes += [("stroke", edge.hexString), ("stroke-width", n(edgeWidth))]
        attributes += opacity("stroke-opacity", alpha * edge.alpha)
      }
    }
    let r = size / 2
    switch marker {
    case .circle, .point, .pixel:
      let radius = marker == .circle ? r : (marker == .point ? r / 2 : 0.5)
      svg.element(
        "circle", [("cx", n(point.x)), ("cy", n(point.y)), ("r", n(radius))] + attributes)
      return
    default: break
    }
    let d: String
    func polygon(_ vertices: [(Double, Double)]) -> String {
      SVGBuilder.path(vertices.map { Point(x: point.x + $0.0, y: point.y + $0.1) }, closed: true)
    }
    func regular(_ count: Int, radius: Double, inner: Double? = nil) -> String {
      var vertices: [(Double, Double)] = []
      let steps = inner == nil ? count : count * 2
      for k in 0..<steps {
        let angle = Double(k) * 2 * .pi / Double(steps)
        let length = (inner != nil && k % 2 == 1) ? (inner ?? radius) : radius
        vertices.append((length * sin(angle), -length * cos(angle)))
      }
      return polygon(vertices)
    }
    switch marker {
    case .square: d = polygon([(-r, -r), (r, -r), (r, r), (-r, r)])
    case .triangleUp: d = polygon([(0, -r), (r, r), (-r, r)])
    case .triangleDown: d = polygon([(0, r), (r, -r), (-r, -r)])
    case .triangleLeft: d = polygon([(-r, 0), (r, -r), (r, r)])
    case .triangleRight: d = polygon([(r, 0), (-r, -r), (-r, r)])
    case .diamond: d = polygon([(0, -r * 1.2), (r * 1.2, 0), (0, r * 1.2), (-r * 1.2, 0)])
    case .thinDiamond: d = polygon([(0, -r), (r * 0.6, 0), (0, r), (-r * 0.6, 0)])
    case .star: d = regular(5, radius: r * 1.1, inner: r * 0.45)
    case .pentagon: d = regular(5, radius: r)
    case .hexagon: d = regular(6, radius: r)
    case .cross:
      d =
        "M\(n(point.x - r)) \(n(point.y - r))l\(n(size)) \(n(size))"
        + "M\(n(point.x - r)) \(n(point.y + r))l\(n(size)) -\(n(size))"
    case .plus:
      d = "M\(n(point.x - r)) \(n(point.y))h\(n(size))M\(n(point.x)) \(n(point.y - r))v\(n(size))"
    case .verticalLine: d = "M\(n(point.x)) \(n(point.y - r))v\(n(size))"
    case .horizontalLine: d = "M\(n(point.x - r)) \(n(point.y))h\(n(size))"
    case .circle, .point, .pixel: return
    }
    svg.element("path", [("d", d)] + attributes)
  }

  func writeText(
    _ svg: inout SVGBuilder, _ text: String, x: Double, baseline: Double, anchor: String,
    className: String, rotation: Double = 0, fontSize: Double, color: Color = .black
  ) {
    writeLabel(
      &svg, TickLabel(text: text), x: x, baseline: baseline, anchor: anchor,
      className: className, rotation: rotation, fontSize: fontSize, color: color)
  }

  func writeLabel(
    _ svg: inout SVGBuilder, _ label: TickLabel, x: Double, baseline: Double, anchor: String,
    className: String, rotation: Double = 0, fontSize: Double, color: Color = .black
  ) {
    let n = SVGBuilder.number
    var attributes: [(String, String)] = [
      ("class", className), ("x", n(x)), ("y", n(baseline)),
      ("font-size", n(fontSize)),
    ]
    if anchor != "start" { attributes.append(("text-anchor", anchor)) }
    if color != .black { attributes.append(("fill", color.hexString)) }
    if rotation != 0 {
      attributes.append(("transform", "rotate(\(n(rotation)) \(n(x)) \(n(baseline)))"))
    }
    svg.element("text", attributes, close: false)
    let lines = label.text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.count > 1 {
      for (index, line) in lines.enumerated() {
        let dy = index == 0 ? "" : " dy=\"\(n(fontSize * 1.2))\""
        svg.append("<tspan x=\"\(n(x))\"\(dy)>" + SVGBuilder.escape(String(line)) + "</tspan>")
      }
    } else {
      svg.append(SVGBuilder.escape(label.text))
    }
    if let superscript = label.superscript {
      svg.append(
        "<tspan font-size=\"\(n(fontSize * 0.7))\" dy=\"-\(n(fontSize * 0.4))\">"
          + SVGBuilder.escape(superscript) + "</tspan>")
    }
    svg.end("text")
  }
}
