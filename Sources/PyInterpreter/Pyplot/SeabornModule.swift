/// `seaborn`: `kdeplot` (1-D and 2-D) and `jointplot(kind="kde")`, drawing into pyplot's
/// figures so `plt.show()` and `plt.savefig` deliver them.
///
/// `shade=` is the old name of `fill=` and is accepted as such.
enum SeabornModule {
  static func make(_ state: PyplotState) -> PyModule {
    let m = PyModule(name: "seaborn")
    let values = state.values
    m["__version__"] = .str("0.13.2")
    m.define("kdeplot") { args, kwargs in
      var a = PlotArguments("kdeplot", args, kwargs)
      return try kdeplot(state, &a, values)
    }
    m.define("jointplot") { args, kwargs in
      var a = PlotArguments("jointplot", args, kwargs)
      return try jointplot(state, &a, values)
    }
    return m
  }

  static func kdeplot(_ state: PyplotState, _ a: inout PlotArguments, _ v: PlotValues) throws
    -> PyValue
  {
    let data = a.take("data", at: 0)
    let xValue = a.take("x") ?? data
    let yValue = a.take("y", at: 1)
    let target: AxesObject
    if let ax = a.take("ax") {
      guard case .native(let object) = ax, let axes = object as? AxesObject else {
        throw PyException(.typeError, "ax must be an Axes")
      }
      target = axes
    } else {
      target = state.currentAxes()
    }
    let fill = try (a.take("fill") ?? a.take("shade")).map(v.bool) ?? false
    let color = try a.take("color").map(v.color)
    let label = try a.take("label").map(v.text)
    let bwAdjust = try a.take("bw_adjust").map { try v.number($0, "bw_adjust") } ?? 1
    let cut = try a.take("cut").map { try v.number($0, "cut") } ?? 3
    let linewidth = try a.take("linewidth", "lw").map { try v.number($0, "linewidth") } ?? 1.5
    let gridsize = try a.take("gridsize").map { try v.int($0, "gridsize") }
    if let x = xValue, let y = yValue {
      let levels = try a.take("levels").map { try v.int($0, "levels") } ?? 10
      let thresh = try a.take("thresh").map { try v.number($0, "thresh") } ?? 0.05
      let cmap = try a.take("cmap").map(v.colormap)
      try a.finish(maxPositional: 2)
      let xs = try v.numbers(x, "x")
      let ys = try v.numbers(y, "y")
      guard xs.count == ys.count else {
        throw PyException(.valueError, "x and y must be the same length")
      }
      let mappable = Seaborn.kdeplot(
        on: target.axes, x: xs, y: ys, fill: fill, levels: levels, thresh: thresh, color: color,
        colormap: cmap, gridsize: gridsize ?? 100, bwAdjust: bwAdjust, cut: cut,
        linewidth: linewidth, label: label)
      if let mappable { target.axes.lastMappable = mappable }
      return .native(target)
    }
    let alpha = try a.take("alpha").map { try v.number($0, "alpha") }
    let vertical = try a.take("vertical").map(v.bool) ?? false
    try a.finish(maxPositional: 2)
    let series: [Double]
    var onY = vertical
    if let x = xValue {
      series = try v.numbers(x, "x")
    } else if let y = yValue {
      series = try v.numbers(y, "y")
      onY = true
    } else {
      throw PyException(.typeError, "kdeplot() needs data, x= or y=")
    }
    Seaborn.kdeplot(
      on: target.axes, series, fill: fill, color: color, label: label, bwAdjust: bwAdjust,
      cut: cut, gridsize: gridsize ?? 200, linewidth: linewidth, alpha: alpha, vertical: onY)
    return .native(target)
  }

  static func jointplot(_ state: PyplotState, _ a: inout PlotArguments, _ v: PlotValues) throws
    -> PyValue
  {
    let x = try v.numbers(try AxesMethods.required(&a, "x", 0), "x")
    let y = try v.numbers(try AxesMethods.required(&a, "y", 1), "y")
    let kind = try a.take("kind").map { try v.string($0, "kind") } ?? "scatter"
    let height = try a.take("height").map { try v.number($0, "height") } ?? 6
    let ratio = try a.take("ratio").map { try v.int($0, "ratio") } ?? 5
    let space = try a.take("space").map { try v.number($0, "space") } ?? 0.2
    let fill = try (a.take("fill") ?? a.take("shade")).map(v.bool) ?? false
    let color = try a.take("color").map(v.color)
    try a.finish(maxPositional: 2)
    guard kind == "kde" else {
      throw PyException(.valueError, "jointplot(kind='\(kind)') is not supported; use kind=\"kde\"")
    }
    guard x.count == y.count else {
      throw PyException(.valueError, "x and y must be the same length")
    }
    let grid = Seaborn.jointplot(
      x: x, y: y, height: height, ratio: ratio, space: space, fill: fill, color: color)
    let figure = state.newFigure(grid.figure)
    figure.select(grid.joint)
    return .native(
      JointGridObject(
        figure: figure, joint: figure.wrap(grid.joint), marginalX: figure.wrap(grid.marginalX),
        marginalY: figure.wrap(grid.marginalY)))
  }
}

/// What `sns.jointplot` returns: its figure and axes, and `set_axis_labels`.
final class JointGridObject: PyNativeObject {
  let figure: FigureObject
  let joint: AxesObject
  let marginalX: AxesObject
  let marginalY: AxesObject

  init(figure: FigureObject, joint: AxesObject, marginalX: AxesObject, marginalY: AxesObject) {
    self.figure = figure
    self.joint = joint
    self.marginalX = marginalX
    self.marginalY = marginalY
  }

  var typeName: String { "JointGrid" }

  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "fig", "figure": return .native(figure)
    case "ax_joint": return .native(joint)
    case "ax_marg_x": return .native(marginalX)
    case "ax_marg_y": return .native(marginalY)
    case "set_axis_labels":
      return .builtin(
        PyBuiltin(name) { [self] args, kwargs in
          var a = PlotArguments(name, args, kwargs)
          let values = self.figure.state.values
          let x = try a.take("xlabel", at: 0).map(values.text) ?? ""
          let y = try a.take("ylabel", at: 1).map(values.text) ?? ""
          try a.finish(maxPositional: 2, inert: PyplotModule.defaultSizeFontInert)
          self.joint.axes.setXLabel(x)
          self.joint.axes.setYLabel(y)
          // The grid was laid out without labels; without a fresh layout they would be cut
          // off at the figure's edge.
          let figure = self.figure.figure
          let space = (figure.subplotParams.wspace, figure.subplotParams.hspace)
          figure.tightLayout()
          figure.subplotParams.wspace = space.0
          figure.subplotParams.hspace = space.1
          return .native(self)
        })
    case "savefig":
      return try figure.getAttribute("savefig")
    default: return nil
    }
  }
}
