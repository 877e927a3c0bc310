/// `matplotlib.ticker` (`MultipleLocator`, `MaxNLocator(integer=True)`) and the `ax.xaxis` /
/// `ax.yaxis` objects that take a locator (`set_major_locator`) or move labels (`tick_top`).
enum TickerModule {
  static func make(_ values: PlotValues) -> PyModule {
    let m = PyModule(name: "matplotlib.ticker")
    m.define("MultipleLocator") { args, kwargs in
      var a = PlotArguments("MultipleLocator", args, kwargs)
      let base = try a.take("base", at: 0).map { try values.number($0, "base") } ?? 1
      try a.finish(maxPositional: 1)
      guard base > 0 else { throw PyException(.valueError, "MultipleLocator base must be > 0") }
      return .native(LocatorObject(.multiple(base: base), typeName: "MultipleLocator"))
    }
    m.define("MaxNLocator") { args, kwargs in
      var a = PlotArguments("MaxNLocator", args, kwargs)
      let bins = try a.take("nbins", at: 0).map { try values.number($0, "nbins") } ?? 10
      let integer = try a.take("integer").map { try values.interpreter.isTrue($0) } ?? false
      try a.finish(
        maxPositional: 1,
        inert: [
          "steps": .only(), "prune": .only(), "min_n_ticks": .only(.int(2)),
          "symmetric": .only(.bool(false)),
        ])
      guard integer else {
        throw PyException(.valueError, "only MaxNLocator(integer=True) is supported")
      }
      return .native(LocatorObject(.integer(bins: Int(bins)), typeName: "MaxNLocator"))
    }
    return m
  }
}

/// A locator from `matplotlib.ticker`, to hand to `set_major_locator`.
final class LocatorObject: PyNativeObject {
  let locator: TickLocator
  let typeName: String

  init(_ locator: TickLocator, typeName: String) {
    self.locator = locator
    self.typeName = typeName
  }

  func repr() throws -> String { "<matplotlib.ticker.\(typeName) object>" }
}

/// `ax.xaxis` / `ax.yaxis`.
final class AxisObject: PyNativeObject {
  let axes: AxesObject
  let which: Axes.Which

  init(_ axes: AxesObject, _ which: Axes.Which) {
    self.axes = axes
    self.which = which
  }

  var typeName: String { which == .x ? "XAxis" : "YAxis" }

  func getAttribute(_ name: String) throws -> PyValue? {
    let ax = axes.axes
    let which = self.which
    let values = axes.figure.state.values
    func method(_ body: @escaping (inout PlotArguments) throws -> PyValue) -> PyValue {
      .builtin(
        PyBuiltin(name) { args, kwargs in
          var a = PlotArguments(name, args, kwargs)
          return try body(&a)
        })
    }
    switch name {
    case "set_major_locator":
      return method { a in
        let value = try AxesMethods.required(&a, "locator", 0)
        try a.finish(maxPositional: 1)
        guard case .native(let object as LocatorObject) = value else {
          throw PyException(.typeError, "set_major_locator() needs a matplotlib.ticker locator")
        }
        ax.setLocator(which, object.locator)
        return .none
      }
    case "set_ticklabels":
      return method { a in
        let labels = try values.interpreter.items(of: try AxesMethods.required(&a, "labels", 0))
          .map(values.text)
        let rotation = try a.take("rotation").map { try values.number($0, "rotation") }
        try a.finish(maxPositional: 1, inert: PyplotModule.defaultSizeFontInert)
        ax.setTickLabels(which, labels)
        if let rotation { ax.setTickLabelRotation(which, rotation) }
        return .none
      }
    case "tick_top", "tick_bottom":
      return method { a in
        try a.finish(maxPositional: 0)
        guard which == .x else {
          throw PyException(.attributeError, "'YAxis' object has no attribute '\(name)'")
        }
        ax.setXLabelsOnTop(name == "tick_top")
        return .none
      }
    default: return nil
    }
  }

  func repr() throws -> String { "<\(typeName)>" }
}
