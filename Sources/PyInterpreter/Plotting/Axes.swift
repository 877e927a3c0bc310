/// One plotting area of a figure, shaped like matplotlib's `Axes`.
///
/// Calls record artists; nothing is laid out until `Figure.svg()`, so limits, ticks and the
/// legend always reflect everything plotted. A class because pyplot's "current axes" and
/// shared axes need identity.
public final class Axes {
  /// How an axis maps data to the axes box.
  public enum Scale: String, Sendable {
    case linear, log
  }

  /// How the axes box relates to the data's units (`set_aspect`, `imshow(aspect=)`).
  public enum Aspect: Equatable, Sendable {
    case auto
    case equal
    case ratio(Double)
  }

  /// Which axis a setting applies to.
  public enum Which: String, Sendable {
    case x, y, both
  }

  /// The names of categorical data on each axis, in order of first use (`bar(["a", "b"], h)`).
  var xCategories: [String] = []
  var yCategories: [String] = []

  struct AxisState {
    var scale = Scale.linear
    var lower: Double?
    var upper: Double?
    var label = ""
    /// The label's font size and its distance from the tick labels, in points.
    var labelSize = 10.0
    var labelPad = Axes.labelPad
    var ticks: [Double]?
    var tickLabels: [String]?
    var tickLabelRotation = 0.0
    /// Set by `set_major_locator` (and `matshow`); fixed `ticks` win over it.
    var locator: TickLocator?
    /// Labels given without positions (`set_xticklabels` after a locator): matplotlib's
    /// `FixedFormatter`, which labels the locator's ticks in order.
    var formatterLabels: [String]?
    /// Tick labels above the axes instead of below (`xaxis.tick_top()`, `matshow`).
    var labelsOnTop = false
    var inverted = false
    var showTickLabels = true
    var showTicks = true
  }

  /// An artist a legend can show: its label ("" when it has none) and whether matplotlib
  /// keeps it as a container (bars, error bars), which legends list after the other artists.
  struct LegendEntry {
    var label: String
    var handle: LegendHandle
    var isContainer = false
  }

  struct LegendRequest {
    var location: Location
    var fontSize: Double
    var title: String?
    var frame: Bool
    var columns: Int
    /// `legend(labels)`: the labels given, paired in order with every artist.
    var labels: [String]?
  }

  struct GridStyle {
    var color = Color(hex: 0xb0b0b0)
    var width = 0.8
    var style = LineStyle.solid
    var alpha = 1.0
  }

  weak var figure: Figure?
  var slot: Slot
  var artists: [Artist] = []
  /// Every artist a legend can show, labelled or not, in the order drawn.
  var legendEntries: [LegendEntry] = []
  /// Set by artists whose legend handles matplotlib lists in ways not modelled here (labelled
  /// bar histograms, contour sets), so `legend(labels)` cannot pair labels with them.
  public private(set) var hasUnorderedLegendHandles = false
  var legendRequest: LegendRequest?
  var x = AxisState()
  var y = AxisState()
  var title = ""
  var titleLeft = ""
  var titleRight = ""
  var titleSize = 12.0
  var aspect = Aspect.auto
  /// matplotlib's `adjustable="datalim"` (`axis("equal")`): a fixed aspect widens the data
  /// limits instead of shrinking the box.
  var aspectAdjustsLimits = false
  /// The limits a `datalim` aspect chose at the last layout; `view` returns them.
  var aspectLimits: (x: AxisView, y: AxisView)?
  var grid: (x: GridStyle?, y: GridStyle?) = (nil, nil)
  var axisOn = true
  var spines: Set<String> = ["left", "right", "top", "bottom"]
  var facecolor = Color.white
  var sharedX: Axes?
  var sharedY: Axes?
  var colorIndex = 0
  /// A twin made by `twinx()`: transparent, y axis on the right, x axis from its parent.
  var yOnRight = false
  /// The axes this one is a colorbar of, and the mappable it shows.
  var colorbarOf: (parent: Axes, mappable: ScalarMappable)?
  var colorbarChild: Axes?
  /// Data-space points that must stay inside the view when autoscaling (sticky edges).
  var stickyX: [Double] = []
  var stickyY: [Double] = []
  /// Autoscale without margins on an axis (images).
  var tightX = false
  var tightY = false
  /// The mappable of the last image, scatter or filled contour, for `plt.colorbar()`.
  public internal(set) var lastMappable: ScalarMappable?

  init(figure: Figure, slot: Slot) {
    self.figure = figure
    self.slot = slot
  }

  /// The next colour of the property cycle.
  public func nextColor() -> Color {
    defer { colorIndex += 1 }
    return Color.cycle[colorIndex % Color.cycle.count]
  }

  // MARK: - Lines

  /// Plots `y` against `x` (or against 0, 1, 2, ... when `x` is nil), like `ax.plot`.
  ///
  /// `format` is a matplotlib format string such as `"r--o"`; explicit arguments win over it.
  public func plot(
    _ x: [Double]?, _ y: [Double], _ format: String = "", color: Color? = nil,
    linestyle: LineStyle? = nil, linewidth: Double? = nil, marker: Marker? = nil,
    markersize: Double? = nil, markerfacecolor: Color? = nil, label: String? = nil,
    alpha: Double? = nil, zorder: Double? = nil
  ) {
    let parsed = FormatString(format) ?? FormatString("")
    let xs = x ?? y.indices.map(Double.init)
    let count = min(xs.count, y.count)
    let chosenMarker = marker ?? parsed?.marker
    let style =
      linestyle ?? parsed?.lineStyle ?? (chosenMarker == nil ? LineStyle.solid : LineStyle.none)
    let lineColor = color ?? parsed?.color ?? nextColor()
    let line = LineArtist(
      xs: Array(xs.prefix(count)), ys: Array(y.prefix(count)), color: lineColor,
      width: linewidth ?? 1.5, style: style, marker: chosenMarker, markerSize: markersize ?? 6,
      markerFace: markerfacecolor ?? lineColor, alpha: alpha ?? 1, zorder: zorder ?? 2)
    artists.append(.line(line))
    addLegend(
      label,
      .line(
        color: lineColor, width: line.width, style: style, marker: chosenMarker,
        markerSize: line.markerSize, alpha: line.alpha))
  }

  /// Where `step` puts each vertical jump relative to its x value.
  public enum StepWhere: String, Sendable {
    case pre, post, mid
  }

  /// A staircase through the points (`step`); `pre` (matplotlib's default) holds each y
  /// value to the left of its x.
  public func step(
    _ x: [Double], _ y: [Double], where position: StepWhere = .pre, _ format: String = "",
    color: Color? = nil, linestyle: LineStyle? = nil, linewidth: Double? = nil,
    label: String? = nil, alpha: Double? = nil
  ) {
    let count = min(x.count, y.count)
    var xs: [Double] = []
    var ys: [Double] = []
    if position == .mid {
      // matplotlib's `pts_to_midstep`: the ends, and each y held between the midpoints.
      for index in 0..<count {
        xs.append(index == 0 ? x[0] : (x[index - 1] + x[index]) / 2)
        xs.append(index == count - 1 ? x[index] : (x[index] + x[index + 1]) / 2)
        ys += [y[index], y[index]]
      }
    }
    for index in 0..<count where position != .mid {
      if index == 0 {
        xs.append(x[0])
        ys.append(y[0])
        continue
      }
      switch position {
      case .pre:
        xs += [x[index - 1], x[index]]
        ys += [y[index], y[index]]
      case .post:
        xs += [x[index], x[index]]
        ys += [y[index - 1], y[index]]
      case .mid: break
      }
    }
    plot(
      xs, ys, format, color: color, linestyle: linestyle, linewidth: linewidth, label: label,
      alpha: alpha)
  }

  /// Removes everything drawn and every setting (`cla`), keeping the axes' place.
  public func clear() {
    artists = []
    legendEntries = []
    hasUnorderedLegendHandles = false
    legendRequest = nil
    x = AxisState()
    y = AxisState()
    xCategories = []
    yCategories = []
    title = ""
    titleLeft = ""
    titleRight = ""
    aspect = .auto
    aspectAdjustsLimits = false
    aspectLimits = nil
    grid = (nil, nil)
    axisOn = true
    stickyX = []
    stickyY = []
    tightX = false
    tightY = false
    colorIndex = 0
    lastMappable = nil
    if yOnRight {
      x.showTicks = false
      x.showTickLabels = false
    }
  }

  /// A horizontal line across the axes at data height `y` (`axhline`).
  public func axhline(
    _ y: Double = 0, xmin: Double = 0, xmax: Double = 1, color: Color? = nil,
    linestyle: LineStyle = .solid, linewidth: Double = 1.5, alpha: Double = 1, label: String? = nil
  ) {
    let lineColor = color ?? nextColor()
    artists.append(
      .line(
        LineArtist(
          xs: [xmin, xmax], ys: [y, y], color: lineColor, width: linewidth, style: linestyle,
          marker: nil, markerSize: 6, markerFace: lineColor, alpha: alpha,
          coordinates: .axesXDataY)))
    addLegend(
      label,
      .line(
        color: lineColor, width: linewidth, style: linestyle, marker: nil, markerSize: 6,
        alpha: alpha))
  }

  /// A vertical line across the axes at data position `x` (`axvline`).
  public func axvline(
    _ x: Double = 0, ymin: Double = 0, ymax: Double = 1, color: Color? = nil,
    linestyle: LineStyle = .solid, linewidth: Double = 1.5, alpha: Double = 1, label: String? = nil
  ) {
    let lineColor = color ?? nextColor()
    artists.append(
      .line(
        LineArtist(
          xs: [x, x], ys: [ymin, ymax], color: lineColor, width: linewidth, style: linestyle,
          marker: nil, markerSize: 6, markerFace: lineColor, alpha: alpha,
          coordinates: .dataXAxesY)))
    addLegend(
      label,
      .line(
        color: lineColor, width: linewidth, style: linestyle, marker: nil, markerSize: 6,
        alpha: alpha))
  }

  /// Points with error bars (`errorbar`); `yerr`/`xerr` hold one symmetric error per point
  /// (or a single value for all).
  public func errorbar(
    _ x: [Double], _ y: [Double], yerr: [Double]? = nil, xerr: [Double]? = nil,
    format: String = "", color: Color? = nil, ecolor: Color? = nil, elinewidth: Double? = nil,
    capsize: Double = 0, marker: Marker? = nil, markersize: Double? = nil,
    linestyle: LineStyle? = nil, label: String? = nil, alpha: Double = 1
  ) {
    let parsed = FormatString(format) ?? FormatString("")
    let lineColor = color ?? parsed?.color ?? nextColor()
    let count = min(x.count, y.count)
    let barColor = ecolor ?? lineColor
    let barWidth = elinewidth ?? 1.5
    var segments: [[(x: Double, y: Double)]] = []
    func error(_ values: [Double], _ index: Int) -> Double {
      values.count == 1 ? values[0] : (index < values.count ? values[index] : 0)
    }
    for index in 0..<count {
      if let yerr {
        let e = error(yerr, index)
        segments.append([(x[index], y[index] - e), (x[index], y[index] + e)])
      }
      if let xerr {
        let e = error(xerr, index)
        segments.append([(x[index] - e, y[index]), (x[index] + e, y[index])])
      }
    }
    artists.append(
      .segments(
        SegmentsArtist(
          segments: segments, color: barColor, width: barWidth, style: .solid, alpha: alpha,
          zorder: 2)))
    if capsize > 0 {
      artists.append(.line(capsArtist(x, y, yerr, xerr, capsize, barColor, barWidth, alpha)))
    }
    let chosenMarker = marker ?? parsed?.marker
    let style = linestyle ?? parsed?.lineStyle ?? (format.isEmpty ? .solid : .none)
    let line = LineArtist(
      xs: Array(x.prefix(count)), ys: Array(y.prefix(count)), color: lineColor, width: 1.5,
      style: style, marker: chosenMarker, markerSize: markersize ?? 6, markerFace: lineColor,
      alpha: alpha, zorder: 2.1)
    artists.append(.line(line))
    addLegend(
      label,
      .line(
        color: lineColor, width: 1.5, style: style, marker: chosenMarker,
        markerSize: line.markerSize, alpha: alpha),
      container: true)
  }

  private func capsArtist(
    _ x: [Double], _ y: [Double], _ yerr: [Double]?, _ xerr: [Double]?, _ capsize: Double,
    _ color: Color, _ width: Double, _ alpha: Double
  ) -> LineArtist {
    var xs: [Double] = []
    var ys: [Double] = []
    func error(_ values: [Double], _ index: Int) -> Double {
      values.count == 1 ? values[0] : (index < values.count ? values[index] : 0)
    }
    for index in 0..<min(x.count, y.count) {
      if let yerr {
        xs += [x[index], x[index]]
        ys += [y[index] - error(yerr, index), y[index] + error(yerr, index)]
      }
      if let xerr {
        xs += [x[index] - error(xerr, index), x[index] + error(xerr, index)]
        ys += [y[index], y[index]]
      }
    }
    let cap: Marker = yerr != nil ? .horizontalLine : .verticalLine
    return LineArtist(
      xs: xs, ys: ys, color: color, width: width, style: .none, marker: cap,
      markerSize: capsize * 2, markerFace: color, alpha: alpha, zorder: 2)
  }

  /// Fills the area between `y1` and `y2` (a single value repeats), like `fill_between`.
  public func fillBetween(
    _ x: [Double], _ y1: [Double], _ y2: [Double] = [0], color: Color? = nil,
    alpha: Double = 1, label: String? = nil, edgecolor: Color? = nil, linewidth: Double = 0
  ) {
    let count = min(x.count, y1.count == 1 ? x.count : y1.count)
    guard count > 0 else { return }
    func value(_ values: [Double], _ index: Int) -> Double {
      values.isEmpty ? 0 : values[min(index, values.count - 1)]
    }
    var polygon: [(x: Double, y: Double)] = (0..<count).map { (x[$0], value(y1, $0)) }
    polygon += (0..<count).reversed().map { (x[$0], value(y2, $0)) }
    let fill = color ?? nextColor()
    artists.append(
      .polygons(
        PolygonArtist(
          polygons: [polygon], fill: fill, edge: edgecolor, edgeWidth: linewidth, alpha: alpha)))
    stickyY += y2.count == 1 ? [y2[0]] : []
    addLegend(label, .patch(face: fill, edge: edgecolor, alpha: alpha))
  }

  // MARK: - Markers and patches

  /// Colours for `scatter`: one for all, one per point, or values through a colormap.
  public enum ScatterColors: Sendable {
    case single(Color)
    case each([Color])
    case values([Double])
  }

  /// A scatter plot; `sizes` are marker areas in pt² (one value repeats). Returns the mappable
  /// when `colors` are values mapped through `colormap`.
  @discardableResult
  public func scatter(
    _ x: [Double], _ y: [Double], sizes: [Double] = [36], colors: ScatterColors? = nil,
    marker: Marker = .circle, colormap: Colormap? = nil, vmin: Double? = nil,
    vmax: Double? = nil, alpha: Double = 1, edgecolor: Color? = nil, linewidth: Double = 1,
    label: String? = nil
  ) -> ScalarMappable? {
    let count = min(x.count, y.count)
    var pointColors: [Color]
    var mappable: ScalarMappable?
    switch colors {
    case .single(let color): pointColors = [color]
    case .each(let list): pointColors = list.isEmpty ? [nextColor()] : list
    case .values(let values):
      let finite = values.filter(\.isFinite)
      let map = ScalarMappable(
        colormap: colormap ?? .viridis, vmin: vmin ?? finite.min() ?? 0,
        vmax: vmax ?? finite.max() ?? 1)
      pointColors = values.map(map.color)
      mappable = map
    case nil: pointColors = [nextColor()]
    }
    if pointColors.isEmpty { pointColors = [nextColor()] }
    artists.append(
      .scatter(
        ScatterArtist(
          xs: Array(x.prefix(count)), ys: Array(y.prefix(count)),
          sizes: sizes.isEmpty ? [36] : sizes,
          colors: pointColors, marker: marker, edgeColor: edgecolor, edgeWidth: linewidth,
          alpha: alpha)))
    addLegend(
      label,
      .marker(
        marker, color: pointColors[0], edge: edgecolor, edgeWidth: linewidth, alpha: alpha))
    if let mappable { lastMappable = mappable }
    return mappable
  }

  /// Histogram bins: a count over the data range, or explicit edges.
  public enum Bins: Sendable {
    case count(Int)
    case edges([Double])
  }

  /// How `hist` draws its bins.
  public enum HistType: String, Sendable {
    case bar, step, stepfilled
  }

  /// A histogram of `values` (`hist`); returns the counts (densities when `density`) and edges.
  @discardableResult
  public func hist(
    _ values: [Double], bins: Bins = .count(10), range: (Double, Double)? = nil,
    density: Bool = false, cumulative: Bool = false, histtype: HistType = .bar,
    color: Color? = nil, alpha: Double = 1, edgecolor: Color? = nil, linewidth: Double? = nil,
    label: String? = nil, orientation: String = "vertical"
  ) -> Histogram {
    let result = Histogram.compute(
      values, bins: bins, range: range, density: density, cumulative: cumulative)
    let face = color ?? nextColor()
    let horizontal = orientation == "horizontal"
    switch histtype {
    case .bar:
      var rects: [(x: Double, y: Double, width: Double, height: Double)] = []
      for (index, count) in result.counts.enumerated() {
        let lo = result.edges[index]
        let width = result.edges[index + 1] - lo
        rects.append(horizontal ? (0, lo, count, width) : (lo, 0, width, count))
      }
      artists.append(
        .rects(
          RectArtist(
            rects: rects, faces: [face], edge: edgecolor, edgeWidth: linewidth ?? 1,
            alpha: alpha)))
      // matplotlib's handle is the bar container, or its first bar once labelled: both are
      // listed then, which `legend(labels)` does not pair here.
      if label != nil { markUnorderedLegendHandles() }
      addLegend(
        label, .patch(face: face, edge: edgecolor, alpha: alpha), container: label == nil)
    case .step, .stepfilled:
      var outline: [(x: Double, y: Double)] = [(result.edges.first ?? 0, 0)]
      for (index, count) in result.counts.enumerated() {
        outline.append((result.edges[index], count))
        outline.append((result.edges[index + 1], count))
      }
      outline.append((result.edges.last ?? 0, 0))
      if horizontal { outline = outline.map { ($0.y, $0.x) } }
      let filled = histtype == .stepfilled
      artists.append(
        .polygons(
          PolygonArtist(
            polygons: [outline], fill: filled ? face : nil, edge: filled ? edgecolor : face,
            edgeWidth: linewidth ?? (filled ? 0 : 1.5), alpha: alpha, closed: filled)))
      addLegend(
        label, .patch(face: filled ? face : nil, edge: filled ? edgecolor : face, alpha: alpha))
    }
    if horizontal { stickyX.append(0) } else { stickyY.append(0) }
    return result
  }

  /// Vertical bars centred on `x` (`bar`); a single width or bottom repeats.
  public func bar(
    _ x: [Double], _ height: [Double], width: [Double] = [0.8], bottom: [Double] = [0],
    color: [Color]? = nil, edgecolor: Color? = nil, linewidth: Double = 0, alpha: Double = 1,
    label: String? = nil, barLabels: [String]? = nil, alignCenter: Bool = true
  ) {
    let count = min(x.count, height.count)
    let rects = (0..<count).map { index -> (x: Double, y: Double, width: Double, height: Double) in
      let w = Self.repeating(width, index)
      return (x[index] - (alignCenter ? w / 2 : 0), Self.repeating(bottom, index), w, height[index])
    }
    addBars(
      rects, color: color, edgecolor: edgecolor, linewidth: linewidth, alpha: alpha,
      label: label, barLabels: barLabels)
    stickyY.append(0)
  }

  /// Bars for named categories with the names as tick labels (`bar(["a", "b"], heights)`):
  /// each name sits at its place on the axis's category map (`categoryPositions`).
  public func bar(
    categories: [String], _ height: [Double], width: Double = 0.8, color: [Color]? = nil,
    edgecolor: Color? = nil, linewidth: Double = 0, alpha: Double = 1, label: String? = nil,
    barLabels: [String]? = nil
  ) {
    bar(
      categoryPositions(categories, .x), height, width: [width], color: color,
      edgecolor: edgecolor, linewidth: linewidth, alpha: alpha, label: label,
      barLabels: barLabels)
  }

  /// The positions of named categories on an axis, as matplotlib's category units give them:
  /// each new name takes the next integer, a repeated name its first place; the axis's ticks
  /// label every name so far.
  public func categoryPositions(_ names: [String], _ axis: Which) -> [Double] {
    var map = axis == .y ? yCategories : xCategories
    let positions = names.map { name -> Double in
      if let index = map.firstIndex(of: name) { return Double(index) }
      map.append(name)
      return Double(map.count - 1)
    }
    let ticks = map.indices.map(Double.init)
    if axis == .y {
      yCategories = map
      setYTicks(ticks, labels: map)
    } else {
      xCategories = map
      setXTicks(ticks, labels: map)
    }
    return positions
  }

  /// Horizontal bars centred on `y` (`barh`).
  public func barh(
    _ y: [Double], _ width: [Double], height: [Double] = [0.8], left: [Double] = [0],
    color: [Color]? = nil, edgecolor: Color? = nil, linewidth: Double = 0, alpha: Double = 1,
    label: String? = nil, barLabels: [String]? = nil, alignCenter: Bool = true
  ) {
    let count = min(y.count, width.count)
    let rects = (0..<count).map { index -> (x: Double, y: Double, width: Double, height: Double) in
      let h = Self.repeating(height, index)
      return (Self.repeating(left, index), y[index] - (alignCenter ? h / 2 : 0), width[index], h)
    }
    addBars(
      rects, color: color, edgecolor: edgecolor, linewidth: linewidth, alpha: alpha,
      label: label, barLabels: barLabels)
    stickyX.append(0)
  }

  /// The `index`th value, the last one repeating (a single width or bottom serves every bar).
  private static func repeating(_ values: [Double], _ index: Int) -> Double {
    values.isEmpty ? 0 : values[min(index, values.count - 1)]
  }

  /// Draws bars (vertical or horizontal) in one colour per bar or the next cycle colour, and
  /// gives them one legend entry, or with `barLabels` (`bar(label=[...])`, one per bar) one
  /// entry per bar, as matplotlib labels each patch then instead of the container.
  private func addBars(
    _ rects: [(x: Double, y: Double, width: Double, height: Double)], color: [Color]?,
    edgecolor: Color?, linewidth: Double, alpha: Double, label: String?,
    barLabels: [String]? = nil
  ) {
    let faces = color.flatMap { $0.isEmpty ? nil : $0 } ?? [nextColor()]
    artists.append(
      .rects(
        RectArtist(
          rects: rects, faces: faces, edge: edgecolor, edgeWidth: linewidth, alpha: alpha)))
    guard let barLabels else {
      addLegend(label, .patch(face: faces.first, edge: edgecolor, alpha: alpha), container: true)
      return
    }
    for (index, text) in barLabels.enumerated() {
      let face = faces[index % faces.count]
      addLegend(text, .patch(face: face, edge: edgecolor, alpha: alpha))
    }
    markUnorderedLegendHandles()
  }

  /// Horizontal bars for named categories, the first at the bottom as in matplotlib's
  /// `barh(names, widths)`.
  public func barh(
    categories: [String], _ width: [Double], height: Double = 0.8, color: [Color]? = nil,
    edgecolor: Color? = nil, linewidth: Double = 0, alpha: Double = 1, label: String? = nil,
    barLabels: [String]? = nil
  ) {
    barh(
      categoryPositions(categories, .y), width, height: [height], color: color,
      edgecolor: edgecolor, linewidth: linewidth, alpha: alpha, label: label,
      barLabels: barLabels)
  }

  // MARK: - Images

  /// Shows a 2-D grid of values through a colormap (`imshow`). Row 0 is at the top unless
  /// `originUpper` is false. `extent` is left, right, bottom, top in data units.
  @discardableResult
  public func imshow(
    _ values: [[Double]], colormap: Colormap = .viridis, vmin: Double? = nil,
    vmax: Double? = nil, aspect: Aspect = .equal, extent: [Double]? = nil,
    originUpper: Bool = true, alpha: Double = 1
  ) -> ScalarMappable {
    let finite = values.joined().filter(\.isFinite)
    let mappable = ScalarMappable(
      colormap: colormap, vmin: vmin ?? finite.min() ?? 0, vmax: vmax ?? finite.max() ?? 1)
    let rows = Double(values.count)
    let cols = Double(values.map(\.count).max() ?? 0)
    let box: (left: Double, right: Double, bottom: Double, top: Double)
    if let extent, extent.count == 4 {
      box = (extent[0], extent[1], extent[2], extent[3])
    } else {
      box =
        originUpper ? (-0.5, cols - 0.5, rows - 0.5, -0.5) : (-0.5, cols - 0.5, -0.5, rows - 0.5)
    }
    artists.append(
      .image(
        ImageArtist(
          values: values, mappable: mappable, extent: box, originUpper: originUpper,
          alpha: alpha)))
    self.aspect = aspect
    tightX = true
    tightY = true
    if box.bottom > box.top && self.y.lower == nil { self.y.inverted = true }
    lastMappable = mappable
    return mappable
  }

  // MARK: - Text and decoration

  /// Sets the axes title (`set_title`); `loc` is "center", "left" or "right".
  public func setTitle(_ text: String, loc: String = "center", fontsize: Double = 12) {
    switch loc {
    case "left": titleLeft = text
    case "right": titleRight = text
    default: title = text
    }
    titleSize = fontsize
  }

  /// Sets the x axis label; a nil size or pad keeps the current one.
  public func setXLabel(_ text: String, fontsize: Double? = nil, labelpad: Double? = nil) {
    x.label = text
    if let fontsize { x.labelSize = fontsize }
    if let labelpad { x.labelPad = labelpad }
  }

  /// Sets the y axis label; a nil size or pad keeps the current one.
  public func setYLabel(_ text: String, fontsize: Double? = nil, labelpad: Double? = nil) {
    y.label = text
    if let fontsize { y.labelSize = fontsize }
    if let labelpad { y.labelPad = labelpad }
  }

  /// Fixes the x range; a nil end stays automatic. Reversed ends invert the axis.
  public func setXLim(_ lower: Double?, _ upper: Double?) {
    let target = sharedX ?? self
    target.x.lower = lower
    target.x.upper = upper
  }

  /// Fixes the y range; a nil end stays automatic. Reversed ends invert the axis.
  public func setYLim(_ lower: Double?, _ upper: Double?) {
    let target = sharedY ?? self
    target.y.lower = lower
    target.y.upper = upper
    if lower != nil || upper != nil { target.y.inverted = false }
  }

  public func setXScale(_ scale: Scale) { (sharedX ?? self).x.scale = scale }
  public func setYScale(_ scale: Scale) { (sharedY ?? self).y.scale = scale }

  /// Fixed tick positions and optional labels (`set_xticks`), e.g. for categories.
  public func setXTicks(_ ticks: [Double], labels: [String]? = nil, rotation: Double = 0) {
    x.ticks = ticks
    x.tickLabels = labels
    x.tickLabelRotation = rotation
  }

  /// Ticks where a locator puts them (`xaxis.set_major_locator(MultipleLocator(1))`).
  public func setLocator(_ axis: Which, _ locator: TickLocator) {
    if axis != .y {
      x.locator = locator
      x.ticks = nil
    }
    if axis != .x {
      y.locator = locator
      y.ticks = nil
    }
  }

  /// Labels for whatever ticks the axis has, in order (`set_xticklabels` without positions).
  public func setTickLabels(_ axis: Which, _ labels: [String]) {
    if axis != .y { x.formatterLabels = labels }
    if axis != .x { y.formatterLabels = labels }
  }

  /// Puts the x tick labels above the axes or back below (`xaxis.tick_top()`).
  public func setXLabelsOnTop(_ onTop: Bool) { x.labelsOnTop = onTop }

  /// A matrix as an image with integer ticks and the x tick labels on top (`matshow`).
  @discardableResult
  public func matshow(
    _ values: [[Double]], colormap: Colormap = .viridis, vmin: Double? = nil,
    vmax: Double? = nil, alpha: Double = 1
  ) -> ScalarMappable {
    let mappable = imshow(values, colormap: colormap, vmin: vmin, vmax: vmax, alpha: alpha)
    x.labelsOnTop = true
    setLocator(.both, .integer(bins: 9))
    return mappable
  }

  /// Fixed tick positions and optional labels (`set_yticks`).
  public func setYTicks(_ ticks: [Double], labels: [String]? = nil) {
    y.ticks = ticks
    y.tickLabels = labels
  }

  /// The current x limits, autoscaled if not set (`get_xlim`); reversed when inverted.
  public func xLimits() -> (Double, Double) {
    let view = self.view(.x)
    return (view.lower, view.upper)
  }

  /// The current y limits, autoscaled if not set (`get_ylim`); reversed when inverted.
  public func yLimits() -> (Double, Double) {
    let view = self.view(.y)
    return (view.lower, view.upper)
  }

  /// Rotates the tick labels of an axis (`xticks(rotation=45)`); x labels then hang from
  /// their tick by their end, as with `ha="right"`.
  public func setTickLabelRotation(_ axis: Which, _ degrees: Double) {
    if axis != .y { x.tickLabelRotation = degrees }
    if axis != .x { y.tickLabelRotation = degrees }
  }

  public func invertYAxis() { (sharedY ?? self).y.inverted.toggle() }
  public func invertXAxis() { (sharedX ?? self).x.inverted.toggle() }
  /// Fixes the ratio of y units to x units on screen: by shrinking the box (matplotlib's
  /// `adjustable="box"`), or by widening one axis's limits (`"datalim"`, as `axis("equal")`).
  public func setAspect(_ aspect: Aspect, adjustingLimits: Bool = false) {
    self.aspect = aspect
    aspectAdjustsLimits = adjustingLimits
    aspectLimits = nil
  }

  /// Hides (or shows) the frame, ticks and labels (`axis("off")`).
  public func setAxisOn(_ on: Bool) { axisOn = on }

  /// Shows or hides grid lines (`grid`).
  public func grid(
    _ visible: Bool = true, which axis: Which = .both, color: Color? = nil,
    linestyle: LineStyle = .solid, linewidth: Double = 0.8, alpha: Double = 1
  ) {
    let style = GridStyle(
      color: color ?? Color(hex: 0xb0b0b0), width: linewidth, style: linestyle, alpha: alpha)
    if axis != .y { grid.x = visible ? style : nil }
    if axis != .x { grid.y = visible ? style : nil }
  }

  /// Places text at `(x, y)` in data units, or in axes fractions when `inAxesCoordinates`.
  public func text(
    _ x: Double, _ y: Double, _ text: String, fontsize: Double = 10, color: Color = .black,
    horizontalAlignment: HorizontalAlignment = .left,
    verticalAlignment: VerticalAlignment = .baseline, rotation: Double = 0,
    inAxesCoordinates: Bool = false
  ) {
    artists.append(
      .text(
        TextArtist(
          x: x, y: y, text: text, fontSize: fontsize, color: color,
          horizontal: horizontalAlignment, vertical: verticalAlignment, rotation: rotation,
          coordinates: inAxesCoordinates ? .axes : .data)))
  }

  /// Shows a legend of the labelled artists (`legend`); `labels` relabels them in order.
  public func legend(
    loc: Location = .best, labels: [String]? = nil, fontsize: Double = 10, title: String? = nil,
    frameon: Bool = true, ncols: Int = 1
  ) {
    // matplotlib pairs the labels with the artists there are when legend() is called.
    legendRequest = LegendRequest(
      location: loc, fontSize: fontsize, title: title, frame: frameon, columns: max(1, ncols),
      labels: labels.map { Array($0.prefix(legendEntries.count)) })
  }

  /// A second y axis on the right sharing this x axis (`twinx`), e.g. a learning rate beside
  /// a loss. Like matplotlib, its colour cycle starts again at C0.
  public func twinx() -> Axes {
    guard let figure else { return self }
    let twin = figure.addAxes(slot: slot)
    twin.sharedX = sharedX ?? self
    twin.yOnRight = true
    twin.x.showTicks = false
    twin.x.showTickLabels = false
    return twin
  }

  /// Hides spines by name ("left", "right", "top", "bottom"), like seaborn's `despine`.
  public func hideSpines(_ names: [String]) { spines.subtract(names) }

  /// Turns tick marks and tick labels on or off for an axis (`tick_params`).
  public func setTicksVisible(_ axis: Which, ticks: Bool, labels: Bool) {
    if axis != .y {
      x.showTicks = ticks
      x.showTickLabels = labels
    }
    if axis != .x {
      y.showTicks = ticks
      y.showTickLabels = labels
    }
  }

  func addLegend(_ label: String?, _ handle: LegendHandle, container: Bool = false) {
    legendEntries.append(LegendEntry(label: label ?? "", handle: handle, isContainer: container))
  }

  func markUnorderedLegendHandles() { hasUnorderedLegendHandles = true }

  /// The legend's entries as matplotlib lists them: artists, then containers; with the labels
  /// given to `legend(labels)`, or else the artists whose labels do not start with "_".
  var shownLegendEntries: [LegendEntry] {
    let ordered = legendEntries.filter { !$0.isContainer } + legendEntries.filter(\.isContainer)
    if let labels = legendRequest?.labels {
      return zip(ordered, labels).map { entry, label in
        LegendEntry(label: label, handle: entry.handle, isContainer: entry.isContainer)
      }
    }
    return ordered.filter { !$0.label.isEmpty && !$0.label.hasPrefix("_") }
  }
}

/// Where an Axes sits in its figure: a span of grid cells or a fixed rectangle.
enum Slot {
  /// Rows and columns counted from the top left; ends are exclusive.
  case grid(rows: Int, cols: Int, rowStart: Int, rowEnd: Int, colStart: Int, colEnd: Int)
  /// Left, bottom, width, height as fractions of the figure.
  case rect(left: Double, bottom: Double, width: Double, height: Double)
  /// Beside a parent axes, as a colorbar.
  case colorbar
}

extension Histogram {
  /// numpy.histogram's binning: equal-width bins over the range, the last bin closed.
  static func compute(
    _ values: [Double], bins: Axes.Bins, range: (Double, Double)?, density: Bool,
    cumulative: Bool
  ) -> Histogram {
    let finite = values.filter(\.isFinite)
    var edges: [Double]
    switch bins {
    case .edges(let given): edges = given
    case .count(let count):
      var lo = range?.0 ?? finite.min() ?? 0
      var hi = range?.1 ?? finite.max() ?? 1
      if lo == hi {
        lo -= 0.5
        hi += 0.5
      }
      let n = max(count, 1)
      edges = (0...n).map { lo + (hi - lo) * Double($0) / Double(n) }
    }
    guard edges.count >= 2 else { return Histogram(counts: [], edges: edges) }
    var counts = [Double](repeating: 0, count: edges.count - 1)
    let first = edges[0]
    let last = edges[edges.count - 1]
    for value in finite where value >= first && value <= last {
      var lo = 0
      var hi = edges.count - 1
      while hi - lo > 1 {
        let mid = (lo + hi) / 2
        if value >= edges[mid] { lo = mid } else { hi = mid }
      }
      counts[lo] += 1
    }
    if density {
      let total = counts.reduce(0, +)
      if total > 0 {
        for index in counts.indices {
          counts[index] /= total * (edges[index + 1] - edges[index])
        }
      }
    }
    if cumulative {
      var running = 0.0
      for index in counts.indices {
        running += counts[index] * (density ? edges[index + 1] - edges[index] : 1)
        counts[index] = running
      }
    }
    return Histogram(counts: counts, edges: edges)
  }
}
