/// `matplotlib.pyplot`: the state-machine functions over `PyplotState`.
///
/// Functions that draw or label call the `Axes` method of the same meaning on the current
/// axes (`plt.title` is `gca().set_title`). A keyword the engine does not draw is accepted
/// only at values that change nothing in the figure (`PlotArguments.finish(inert:)`): the font
/// keywords at matplotlib's default font, `savefig(dpi=)` and `show(block=)` at any value
/// (an SVG has no resolution, a cell no window).
enum PyplotModule {
  /// Font keywords at matplotlib's defaults (DejaVu Sans, normal weight): what the engine
  /// draws every text with.
  static let fontInert: [String: Inert] = [
    "fontweight": .only(.str("normal"), .int(400)), "weight": .only(.str("normal"), .int(400)),
    "family": .only(.str("sans-serif"), .str("DejaVu Sans")),
    "fontfamily": .only(.str("sans-serif"), .str("DejaVu Sans")),
  ]
  /// `fontsize` where the engine draws only the default size (tick labels: 10 points).
  static let defaultSizeFontInert = fontInert.merging([
    "fontsize": .only(.int(10), .str("medium")), "size": .only(.int(10), .str("medium")),
  ]) { $1 }
  static let savefigInert: [String: Inert] = [
    "dpi": .any, "transparent": .only(.bool(false)),
    "facecolor": .only(.str("auto"), .str("white"), .str("w")), "bbox_inches": .only(),
    "pad_inches": .only(.float(0.1)),
  ]

  /// pyplot names that are an `Axes` method under another name.
  static let axesAliases: [String: String] = [
    "title": "set_title", "xlabel": "set_xlabel", "ylabel": "set_ylabel", "xlim": "set_xlim",
    "ylim": "set_ylim", "xscale": "set_xscale", "yscale": "set_yscale", "xticks": "set_xticks",
    "yticks": "set_yticks", "cla": "cla",
  ]
  static let axesFunctions = [
    "plot", "step", "scatter", "hist", "bar", "barh", "imshow", "contour", "contourf",
    "fill_between", "axhline", "axvline", "errorbar", "legend", "grid", "text", "axis", "twinx",
    "semilogx", "semilogy", "loglog",
  ]

  /// matplotlib 3.11's `plt.style.available`.
  static let styleNames = [
    "Solarize_Light2", "bmh", "classic", "dark_background", "fast", "fivethirtyeight", "ggplot",
    "grayscale", "petroff10", "petroff6", "petroff8", "seaborn-v0_8", "seaborn-v0_8-bright",
    "seaborn-v0_8-colorblind", "seaborn-v0_8-dark", "seaborn-v0_8-dark-palette",
    "seaborn-v0_8-darkgrid", "seaborn-v0_8-deep", "seaborn-v0_8-muted", "seaborn-v0_8-notebook",
    "seaborn-v0_8-paper", "seaborn-v0_8-pastel", "seaborn-v0_8-poster", "seaborn-v0_8-talk",
    "seaborn-v0_8-ticks", "seaborn-v0_8-white", "seaborn-v0_8-whitegrid",
    "tableau-colorblind10",
  ]

  /// `matplotlib.style`: `use('default')` is what the engine draws already; every other style
  /// changes colours, fonts and sizes the engine does not restyle, so it is refused.
  static func makeStyle() -> PyModule {
    let m = PyModule(name: "matplotlib.style")
    m["available"] = .list(PyList(styleNames.map { .str($0) }))
    m.define("use") { args, kwargs in
      var a = PlotArguments("use", args, kwargs)
      guard let given = a.take("style", at: 0) else {
        throw PyException(.typeError, "use() missing 1 required positional argument: 'style'")
      }
      try a.finish(maxPositional: 1)
      var names: [PyValue] = [given]
      if case .list(let list) = given { names = list.items }
      if case .tuple(let items) = given { names = items }
      for name in names {
        guard case .str(let s) = name else {
          throw PyException(
            .notImplementedError,
            "matplotlib.style.use with a dict or path is not supported in journal cells")
        }
        if s == "default" { continue }
        guard styleNames.contains(s) else {
          throw PyException(
            .osError,
            "'\(s)' is not a valid package style, path of style file, URL of style file, or "
              + "library style name (library styles are listed in `style.available`)")
        }
        throw PyException(
          .notImplementedError,
          "matplotlib.style.use('\(s)') is not supported in journal cells (only 'default' is)")
      }
      return .none
    }
    return m
  }

  static func make(_ state: PyplotState) -> PyModule {
    let m = PyModule(name: "matplotlib.pyplot")
    let values = state.values
    m["style"] = .module(makeStyle())
    func define(_ name: String, _ body: @escaping (inout PlotArguments) throws -> PyValue) {
      m.define(name) { args, kwargs in
        var a = PlotArguments(name, args, kwargs)
        return try body(&a)
      }
    }
    for name in axesFunctions {
      define(name) { a in try AxesMethods.call(name, on: state.currentAxes(), &a, values) }
    }
    for (name, method) in axesAliases {
      define(name) { a in
        let axes = state.currentAxes()
        // Without arguments, xlim()/ylim()/xticks() read instead of set.
        if a.positional.isEmpty && (name == "xlim" || name == "ylim") {
          let limits = name == "xlim" ? axes.axes.xLimits() : axes.axes.yLimits()
          if !a.hasKeywords { return .tuple([.float(limits.0), .float(limits.1)]) }
        }
        return try AxesMethods.call(method, on: axes, &a, values)
      }
    }
    define("figure") { a in
      let size = try a.take("figsize", at: 1).map { try values.numbers($0, "figsize") }
      let dpi = try a.take("dpi", at: 2).map { try values.number($0, "dpi") } ?? 100
      let num = a.take("num", at: 0)
      let clear = try a.take("clear").map(values.bool) ?? false
      try a.finish(
        maxPositional: 3,
        inert: [
          "facecolor": .only(.str("white"), .str("w")), "tight_layout": .only(.bool(false)),
          "constrained_layout": .only(.bool(false)), "layout": .only(.str("none")),
        ])
      switch num {
      case .int(let n)?:
        if let existing = state.figures.first(where: { $0.number == n }) {
          state.activate(existing)
          if clear {
            var none = PlotArguments("clf", [], [])
            _ = try existing.callMethod("clf", &none, values)
          }
          return .native(existing)
        }
      case nil: break
      case let other?:
        throw PyException(
          .notImplementedError,
          "figure(num=\(Inert.describe(other))) is not supported in journal cells "
            + "(only a figure number is)")
      }
      return .native(state.newFigure(try figure(size, dpi)))
    }
    // Like matplotlib's, plt.matshow opens a figure of its own (unless fignum= names one).
    define("matshow") { a in
      var existing: FigureObject?
      if case .int(let n)? = a.take("fignum") {
        existing = state.figures.first { $0.number == n }
      }
      if let existing {
        state.activate(existing)
      } else {
        _ = state.newFigure(try figure(nil, 100))
      }
      return try AxesMethods.call("matshow", on: state.currentAxes(), &a, values)
    }
    define("subplots") { a in
      let size = try a.take("figsize").map { try values.numbers($0, "figsize") }
      let dpi = try a.take("dpi").map { try values.number($0, "dpi") } ?? 100
      let figure = state.newFigure(try self.figure(size, dpi))
      let grid = try makeGrid(figure, &a, values)
      try a.finish(
        maxPositional: 2,
        inert: ["constrained_layout": .only(.bool(false)), "layout": .only(.str("none"))])
      return .tuple([.native(figure), grid])
    }
    define("subplot") { a in
      let (r, c, i) = try subplotSpec(&a, values)
      try a.finish()
      return .native(try state.currentFigure().subplot(r, c, i))
    }
    define("gcf") { a in
      try a.finish(maxPositional: 0)
      return .native(state.currentFigure())
    }
    define("gca") { a in
      try a.finish(maxPositional: 0)
      return .native(state.currentAxes())
    }
    define("sca") { a in
      guard case .native(let object)? = a.take("ax", at: 0), let axes = object as? AxesObject else {
        throw PyException(.typeError, "sca() argument must be an Axes")
      }
      try a.finish(maxPositional: 1)
      state.activate(axes.figure)
      axes.figure.select(axes.axes)
      return .none
    }
    define("suptitle") { a in try state.currentFigure().callMethod("suptitle", &a, values) }
    define("tight_layout") { a in try state.currentFigure().callMethod("tight_layout", &a, values) }
    define("colorbar") { a in try colorbar(state.currentFigure(), &a, values) }
    define("clf") { a in try state.currentFigure().callMethod("clf", &a, values) }
    define("savefig") { a in
      // Saving the implicit empty figure is what matplotlib does too.
      try state.currentFigure().callMethod("savefig", &a, values)
    }
    define("show") { a in
      try a.finish(maxPositional: 0, inert: ["block": .any])
      state.show()
      return .none
    }
    define("close") { a in
      let which = a.take("fig", at: 0)
      try a.finish(maxPositional: 1)
      switch which {
      case nil: if let current = state.current { state.close(current) }
      case .str("all")?: state.closeAll()
      case .int(let n)?:
        if let figure = state.figures.first(where: { $0.number == n }) { state.close(figure) }
      case .native(let object)? where object is FigureObject:
        state.close(object as! FigureObject)
      case let other?:
        throw PyException(
          .typeError,
          "close() argument must be a Figure, an int, 'all' or None, not \(values.typeName(other))")
      }
      return .none
    }
    define("get_cmap") { a in
      let name = a.take("name", at: 0) ?? .str("viridis")
      // A lut resamples the colormap to that many colours, which the engine does not.
      if let lut = a.take("lut", at: 1) {
        throw PyException(
          .notImplementedError,
          "get_cmap(lut=\(Inert.describe(lut))) is not supported in journal cells")
      }
      try a.finish(maxPositional: 2)
      return .native(ColormapObject(try values.colormap(name)))
    }
    let cm = PyModule(name: "matplotlib.cm")
    for name in ExtraColormaps.names {
      if let map = ExtraColormaps.named(name) { cm[name] = .native(ColormapObject(map)) }
    }
    m["cm"] = .module(cm)
    return m
  }

  static func figure(_ size: [Double]?, _ dpi: Double) throws -> Figure {
    guard let size else { return Figure(dpi: dpi) }
    guard size.count == 2, size.allSatisfy({ $0 > 0 && $0.isFinite }) else {
      throw PyException(.valueError, "figsize must be two positive numbers (width, height)")
    }
    return Figure(figsize: (size[0], size[1]), dpi: dpi)
  }

  /// `(rows, cols, index)` from `subplot(2, 2, 1)`, `subplot(221)` or `add_subplot(111)`.
  static func subplotSpec(_ a: inout PlotArguments, _ v: PlotValues) throws -> (Int, Int, Int) {
    let p = a.positional
    switch p.count {
    case 0: return (1, 1, 1)
    case 1:
      let code = try v.int(p[0], "subplot")
      guard (111...999).contains(code) else {
        throw PyException(
          .valueError, "Integer subplot specification must be a three-digit number, not \(code)")
      }
      return (code / 100, (code / 10) % 10, code % 10)
    case 3:
      return (try v.int(p[0], "nrows"), try v.int(p[1], "ncols"), try v.int(p[2], "index"))
    default:
      throw PyException(
        .typeError, "subplot() takes 1 or 3 positional arguments but \(p.count) were given")
    }
  }

  /// The axes of `subplots(nrows, ncols, sharex=, sharey=, squeeze=)` on `figure`: one Axes,
  /// a 1-D grid or a 2-D grid as NumPy would shape them.
  static func makeGrid(_ figure: FigureObject, _ a: inout PlotArguments, _ v: PlotValues) throws
    -> PyValue
  {
    let rows = try a.take("nrows", at: 0).map { try v.int($0, "nrows") } ?? 1
    let cols = try a.take("ncols", at: 1).map { try v.int($0, "ncols") } ?? 1
    let sharex = try shareFlag(a.take("sharex"), v)
    let sharey = try shareFlag(a.take("sharey"), v)
    let squeeze = try a.take("squeeze").map(v.bool) ?? true
    guard rows > 0, cols > 0 else {
      throw PyException(
        .valueError, "Number of rows and columns must be a positive integer, not (\(rows), \(cols))"
      )
    }
    let grid = figure.figure.subplots(rows, cols, sharex: sharex, sharey: sharey)
    let objects = grid.joined().map { figure.wrap($0) }
    if let last = grid.last?.last { figure.select(last) }
    if squeeze {
      if rows == 1 && cols == 1 { return .native(objects[0]) }
      if rows == 1 || cols == 1 { return .native(AxesGrid(items: objects, shape: [objects.count])) }
    }
    return .native(AxesGrid(items: objects, shape: [rows, cols]))
  }

  private static func shareFlag(_ value: PyValue?, _ v: PlotValues) throws -> Bool {
    switch value {
    case nil: return false
    case .str("all")?: return true
    case .str("none")?: return false
    case .str(let other)?:
      throw PyException(.valueError, "sharex='\(other)' is not supported (use True or False)")
    case let flag?: return try v.bool(flag)
    }
  }

  /// `colorbar([mappable], ax=, label=)`: for the given mappable, else the current axes' last.
  static func colorbar(_ figure: FigureObject, _ a: inout PlotArguments, _ v: PlotValues) throws
    -> PyValue
  {
    var mappable: MappableObject?
    if let given = a.take("mappable", at: 0) {
      guard case .native(let object) = given, let m = object as? MappableObject else {
        throw PyException(
          .typeError,
          "colorbar() needs a mappable (from imshow, scatter(c=...), contour or contourf)")
      }
      mappable = m
    }
    var target: AxesObject?
    if let ax = a.take("ax") {
      guard case .native(let object) = ax, let axes = object as? AxesObject else {
        throw PyException(.typeError, "ax must be an Axes")
      }
      target = axes
    }
    let label = try a.take("label").map(v.text) ?? ""
    try a.finish(maxPositional: 1)
    let parent = target ?? mappable?.axes ?? figure.currentAxes()
    guard let shown = mappable?.mappable ?? parent.axes.lastMappable else {
      throw PyException(
        .runtimeError,
        "No mappable was found to use for colorbar creation. First define a mappable such as "
          + "an image (with imshow) or a contour set (with contourf)."
      )
    }
    guard let bar = figure.figure.colorbar(shown, ax: parent.axes, label: label) else {
      return .none
    }
    return .native(ColorbarObject(axes: figure.wrap(bar)))
  }
}
