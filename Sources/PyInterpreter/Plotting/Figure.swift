import Foundation

/// A figure: a canvas of `figsize` inches holding axes, rendered to standalone SVG.
///
/// Shaped like matplotlib's `Figure` so a pyplot bridge stays thin. Sizes are in points
/// (1/72 inch), as matplotlib's SVG backend writes them; `dpi` is kept for `savefig` callers.
///
/// pyplot maps one to one: `figure(figsize=)` → `Figure(figsize:)`, `subplots(r, c)` →
/// `subplots(_:_:)` (squeeze in the bridge), `subplot(r, c, i)` → `addSubplot(_:_:_:)`,
/// `gca()` → `currentAxes()`, `plot`/`scatter`/`hist`/`bar`/`barh`/`imshow`/`contour`/
/// `contourf`/`fill_between`/`axhline`/`axvline`/`errorbar`/`text`/`legend`/`grid` → the
/// `Axes` methods of the same (camel-cased) names, `title`/`xlabel`/`ylabel`/`xlim`/`ylim`/
/// `xscale`/`yscale`/`xticks` → `setTitle`/`setXLabel`/... , `colorbar()` →
/// `colorbar(_:ax:label:)`, `suptitle`, `tight_layout()` → `tightLayout()`, and `savefig`/`show`
/// → `svg()`. Seaborn's `kdeplot` and `jointplot(kind="kde")` live in `Seaborn`.
public final class Figure {
  /// Fractions of the figure around and between grid cells (matplotlib's subplot params).
  public struct SubplotParams: Equatable, Sendable {
    public var left = 0.125
    public var right = 0.9
    public var bottom = 0.11
    public var top = 0.88
    public var wspace = 0.2
    public var hspace = 0.2

    public init() {}
  }

  public var width: Double
  public var height: Double
  public var dpi: Double
  public var subplotParams = SubplotParams()
  public var facecolor = Color.white
  public private(set) var axes: [Axes] = []
  var suptitleText = ""
  var suptitleSize = 12.0
  /// Prefix for element ids; nil derives one from the content, so identical figures share it
  /// and different figures on one page do not collide.
  public var idPrefix: String?

  /// A figure `figsize` inches wide and high (matplotlib's default is 6.4 × 4.8).
  public init(figsize: (Double, Double) = (6.4, 4.8), dpi: Double = 100) {
    width = figsize.0
    height = figsize.1
    self.dpi = dpi
  }

  /// A grid of axes (`plt.subplots(rows, cols)`), indexed `[row][col]`. Shared axes take
  /// their limits from the first axes and hide inner tick labels.
  @discardableResult
  public func subplots(_ rows: Int = 1, _ cols: Int = 1, sharex: Bool = false, sharey: Bool = false)
    -> [[Axes]]
  {
    let grid = (0..<rows).map { row in
      (0..<cols).map { col in
        addAxes(
          slot: .grid(
            rows: rows, cols: cols, rowStart: row, rowEnd: row + 1, colStart: col,
            colEnd: col + 1))
      }
    }
    guard let first = grid.first?.first else { return grid }
    // Shared axes follow the first one; like matplotlib, only the outer row and column keep
    // their tick labels.
    for (row, line) in grid.enumerated() {
      for (col, axes) in line.enumerated() {
        if sharex {
          if axes !== first { axes.sharedX = first }
          if row < rows - 1 { axes.x.showTickLabels = false }
        }
        if sharey {
          if axes !== first { axes.sharedY = first }
          if col > 0 { axes.y.showTickLabels = false }
        }
      }
    }
    return grid
  }

  /// One axes in cell `index` (1-based, row-major) of a `rows` × `cols` grid (`add_subplot`).
  @discardableResult
  public func addSubplot(_ rows: Int, _ cols: Int, _ index: Int) -> Axes {
    let cell = max(0, index - 1)
    let row = cell / max(cols, 1)
    let col = cell % max(cols, 1)
    return addAxes(
      slot: .grid(
        rows: rows, cols: cols, rowStart: row, rowEnd: row + 1, colStart: col, colEnd: col + 1))
  }

  /// An axes spanning grid cells `rows` × `cols` of a `nrows` × `ncols` grid (GridSpec slices).
  @discardableResult
  public func addSubplot(
    gridRows nrows: Int, gridCols ncols: Int, rows: Range<Int>, cols: Range<Int>
  ) -> Axes {
    addAxes(
      slot: .grid(
        rows: nrows, cols: ncols, rowStart: rows.lowerBound, rowEnd: rows.upperBound,
        colStart: cols.lowerBound, colEnd: cols.upperBound))
  }

  /// An axes at `[left, bottom, width, height]` in figure fractions (`add_axes`).
  @discardableResult
  public func addAxes(_ rect: [Double]) -> Axes {
    let values = rect + [0, 0, 1, 1].dropFirst(rect.count)
    return addAxes(
      slot: .rect(left: values[0], bottom: values[1], width: values[2], height: values[3]))
  }

  /// The last axes added, creating a single one if there is none (`gca`).
  public func currentAxes() -> Axes {
    if let last = axes.last(where: { $0.colorbarOf == nil }) { return last }
    return addSubplot(1, 1, 1)
  }

  func addAxes(slot: Slot) -> Axes {
    let axes = Axes(figure: self, slot: slot)
    self.axes.append(axes)
    return axes
  }

  /// A colorbar for `mappable` beside `axes` (default: the current axes), stealing 20% of its
  /// width as matplotlib does; returns the colorbar's axes.
  @discardableResult
  public func colorbar(_ mappable: ScalarMappable? = nil, ax: Axes? = nil, label: String = "")
    -> Axes?
  {
    let parent = ax ?? currentAxes()
    guard let shown = mappable ?? parent.lastMappable else { return nil }
    let bar = addAxes(slot: .colorbar)
    bar.colorbarOf = (parent, shown)
    bar.y.lower = shown.levels?.first ?? shown.vmin
    bar.y.upper = shown.levels?.last ?? shown.vmax
    bar.y.label = label
    parent.colorbarChild = bar
    return bar
  }

  /// A centred title above all axes (`suptitle`).
  public func suptitle(_ text: String, fontsize: Double = 12) {
    suptitleText = text
    suptitleSize = fontsize
  }

  /// Removes all axes and the suptitle (`clf`), keeping size and subplot params.
  public func clear() {
    axes = []
    suptitleText = ""
  }

  // MARK: - Layout

  var pointWidth: Double { width * 72 }
  var pointHeight: Double { height * 72 }

  /// The box of every axes in SVG points, after colorbars and fixed aspects take their share.
  func layout() -> [ObjectIdentifier: PlotBox] {
    var boxes: [ObjectIdentifier: PlotBox] = [:]
    for axes in self.axes where axes.colorbarOf == nil {
      boxes[ObjectIdentifier(axes)] = slotBox(axes.slot, params: subplotParams)
    }
    for bar in self.axes {
      guard let (parent, _) = bar.colorbarOf, let parentBox = boxes[ObjectIdentifier(parent)]
      else { continue }
      var shrunk = parentBox
      shrunk.width = parentBox.width * 0.8
      boxes[ObjectIdentifier(parent)] = shrunk
      let barWidth = min(parentBox.width * 0.15, parentBox.height / 20)
      boxes[ObjectIdentifier(bar)] = PlotBox(
        x: parentBox.x + parentBox.width * 0.85, y: parentBox.y, width: barWidth,
        height: parentBox.height)
    }
    for axes in self.axes where axes.aspect != .auto && axes.colorbarOf == nil {
      guard let box = boxes[ObjectIdentifier(axes)] else { continue }
      if axes.aspectAdjustsLimits {
        Figure.widenLimits(axes, box)
      } else {
        boxes[ObjectIdentifier(axes)] = Figure.applyAspect(axes, box)
      }
    }
    return boxes
  }

  /// A `datalim` aspect: widens the x or the y limits about their centre (never narrows them)
  /// until the box shows both axes' units at the asked ratio, as matplotlib's `apply_aspect`
  /// does for autoscaled linear axes. Shared or log axes keep their limits.
  static func widenLimits(_ axes: Axes, _ box: PlotBox) {
    axes.aspectLimits = nil
    let xView = axes.view(.x)
    let yView = axes.view(.y)
    let ratio: Double
    switch axes.aspect {
    case .auto: return
    case .equal: ratio = 1
    case .ratio(let value): ratio = value
    }
    let dx = xView.upper - xView.lower
    let dy = yView.upper - yView.lower
    guard xView.scale == .linear, yView.scale == .linear, axes.sharedX == nil,
      axes.sharedY == nil, dx != 0, dy != 0, box.width > 0, box.height > 0, ratio > 0
    else { return }
    func widened(_ view: AxisView, to span: Double) -> AxisView {
      let centre = (view.lower + view.upper) / 2
      let half = (view.upper > view.lower ? span : -span) / 2
      return AxisView(lower: centre - half, upper: centre + half, scale: view.scale)
    }
    let wantedY = box.height / box.width * abs(dx) / ratio
    if wantedY > abs(dy) {
      axes.aspectLimits = (xView, widened(yView, to: wantedY))
    } else {
      axes.aspectLimits = (widened(xView, to: abs(dy) * ratio * box.width / box.height), yView)
    }
  }

  static func applyAspect(_ axes: Axes, _ box: PlotBox) -> PlotBox {
    let xView = axes.view(.x)
    let yView = axes.view(.y)
    let dx = abs(xView.scaled(xView.upper) - xView.scaled(xView.lower))
    let dy = abs(yView.scaled(yView.upper) - yView.scaled(yView.lower))
    guard dx > 0, dy > 0 else { return box }
    let ratio: Double
    switch axes.aspect {
    case .auto: return box
    case .equal: ratio = 1
    case .ratio(let value): ratio = value
    }
    let wanted = ratio * dy / dx
    var result = box
    if box.height / box.width > wanted {
      result.height = box.width * wanted
      result.y = box.y + (box.height - result.height) / 2
    } else {
      result.width = box.height / wanted
      result.x = box.x + (box.width - result.width) / 2
    }
    return result
  }

  func slotBox(_ slot: Slot, params: SubplotParams) -> PlotBox {
    let w = pointWidth
    let h = pointHeight
    switch slot {
    case .rect(let left, let bottom, let width, let height):
      return PlotBox(
        x: left * w, y: (1 - bottom - height) * h, width: width * w, height: height * h)
    case .colorbar:
      return PlotBox(x: 0, y: 0, width: 0, height: 0)
    case .grid(let rows, let cols, let rowStart, let rowEnd, let colStart, let colEnd):
      let totalWidth = (params.right - params.left) * w
      let totalHeight = (params.top - params.bottom) * h
      let cellWidth = totalWidth / (Double(cols) + params.wspace * Double(cols - 1))
      let cellHeight = totalHeight / (Double(rows) + params.hspace * Double(rows - 1))
      let gapX = cellWidth * params.wspace
      let gapY = cellHeight * params.hspace
      let x0 = params.left * w + Double(colStart) * (cellWidth + gapX)
      let x1 = params.left * w + Double(colEnd) * (cellWidth + gapX) - gapX
      let y0 = (1 - params.top) * h + Double(rowStart) * (cellHeight + gapY)
      let y1 = (1 - params.top) * h + Double(rowEnd) * (cellHeight + gapY) - gapY
      return PlotBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
  }

  /// Adjusts subplot params so tick labels, axis labels and titles fit without overlapping
  /// (`tight_layout`), with matplotlib's padding of 1.08 font sizes.
  public func tightLayout(pad: Double = 1.08) {
    let padding = pad * 10
    for _ in 0..<2 {
      let boxes = layout()
      var params = subplotParams
      var left = 0.0
      var right = 0.0
      var top = suptitleText.isEmpty ? 0 : TextMetrics.height(fontSize: suptitleSize) + 4
      var bottom = 0.0
      var gapX = 0.0
      var gapY = 0.0
      var gridRows = 1
      var gridCols = 1
      var insetsByAxes: [(Slot, Insets)] = []
      for axes in self.axes where axes.colorbarOf == nil {
        guard let box = boxes[ObjectIdentifier(axes)] else { continue }
        var insets = axes.decorations(box: box)
        if let bar = axes.colorbarChild, let barBox = boxes[ObjectIdentifier(bar)] {
          let barInsets = bar.decorations(box: barBox)
          insets.right = max(insets.right, barBox.maxX + barInsets.right - box.maxX)
        }
        insetsByAxes.append((axes.slot, insets))
      }
      for (slot, insets) in insetsByAxes {
        guard
          case .grid(let rows, let cols, let rowStart, let rowEnd, let colStart, let colEnd) = slot
        else { continue }
        gridRows = max(gridRows, rows)
        gridCols = max(gridCols, cols)
        if colStart == 0 { left = max(left, insets.left) }
        if colEnd == cols { right = max(right, insets.right) }
        if rowStart == 0 { top = max(top, insets.top + (suptitleText.isEmpty ? 0 : top)) }
        if rowEnd == rows { bottom = max(bottom, insets.bottom) }
        if colEnd < cols {
          let neighbours = insetsByAxes.filter {
            if case .grid(_, _, _, _, let start, _) = $0.0 { return start == colEnd }
            return false
          }
          let reach = neighbours.map(\.1.left).max() ?? 0
          gapX = max(gapX, insets.right + reach)
        }
        if rowEnd < rows {
          let neighbours = insetsByAxes.filter {
            if case .grid(_, _, let start, _, _, _) = $0.0 { return start == rowEnd }
            return false
          }
          let reach = neighbours.map(\.1.top).max() ?? 0
          gapY = max(gapY, insets.bottom + reach)
        }
      }
      let w = pointWidth
      let h = pointHeight
      params.left = (left + padding) / w
      params.right = 1 - (right + padding) / w
      params.top = 1 - (top + padding) / h
      params.bottom = (bottom + padding) / h
      let totalWidth = (params.right - params.left) * w
      let totalHeight = (params.top - params.bottom) * h
      let spaceX = gapX + padding
      let spaceY = gapY + padding
      let cellWidth = (totalWidth - spaceX * Double(gridCols - 1)) / Double(gridCols)
      let cellHeight = (totalHeight - spaceY * Double(gridRows - 1)) / Double(gridRows)
      params.wspace = cellWidth > 0 ? spaceX / cellWidth : 0.2
      params.hspace = cellHeight > 0 ? spaceY / cellHeight : 0.2
      guard params.left < params.right, params.bottom < params.top else { return }
      subplotParams = params
    }
  }

  // MARK: - Output

  /// The figure as an SVG document (deterministic: same figure, same bytes). Without
  /// `xmlDeclaration` it can be inlined in HTML.
  public func svg(xmlDeclaration: Bool = true) -> String {
    let placeholder = "\u{1}ID\u{1}"
    var body = renderBody(idPrefix: idPrefix ?? placeholder)
    if !xmlDeclaration, let end = body.range(of: "?>\n") { body.removeSubrange(..<end.upperBound) }
    guard idPrefix == nil else { return body }
    return body.replacingOccurrences(of: placeholder, with: Figure.hashPrefix(body))
  }

  private func renderBody(idPrefix: String) -> String {
    let n = SVGBuilder.number
    var svg = SVGBuilder()
    let w = pointWidth
    let h = pointHeight
    svg.append("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>\n")
    svg.element(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"),
        ("width", n(w) + "pt"), ("height", n(h) + "pt"), ("viewBox", "0 0 \(n(w)) \(n(h))"),
        ("font-family", SVGBuilder.escape(TextMetrics.fontFamily)),
      ], close: false)
    svg.append("\n")
    let boxes = layout()
    svg.append("<defs>\n")
    for (index, axes) in self.axes.enumerated() {
      guard let box = boxes[ObjectIdentifier(axes)], axes.colorbarOf == nil else { continue }
      svg.element("clipPath", [("id", "\(idPrefix)-clip\(index)")], close: false)
      svg.element(
        "rect",
        [("x", n(box.x)), ("y", n(box.y)), ("width", n(box.width)), ("height", n(box.height))])
      svg.end("clipPath")
    }
    svg.append("</defs>\n")
    svg.element(
      "rect",
      [
        ("class", "figure-background"), ("x", "0"), ("y", "0"), ("width", n(w)),
        ("height", n(h)), ("fill", facecolor.hexString),
      ])
    for (index, axes) in self.axes.enumerated() {
      guard let box = boxes[ObjectIdentifier(axes)] else { continue }
      axes.render(into: &svg, box: box, clipID: "\(idPrefix)-clip\(index)")
    }
    if !suptitleText.isEmpty {
      axes.first?.writeText(
        &svg, MathText.plain(suptitleText), x: w / 2,
        baseline: h * 0.02 + TextMetrics.ascent(fontSize: suptitleSize), anchor: "middle",
        className: "suptitle", fontSize: suptitleSize)
    }
    svg.end("svg")
    return svg.text
  }

  /// A short id prefix from an FNV-1a hash of the figure's markup.
  static func hashPrefix(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return "f" + String(hash, radix: 16)
  }
}
