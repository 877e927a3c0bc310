/// A `Figure` as the cell language sees it.
final class FigureObject: PyNativeObject {
  let figure: Figure
  let number: Int
  unowned let state: PyplotState
  /// Wrappers by axes, so `ax is plt.gca()` holds as in matplotlib. Weak because each
  /// wrapper keeps its figure alive (an `ax` may outlive `plt.close()`).
  private var wrappers: [ObjectIdentifier: WeakAxes] = [:]
  /// `plt.subplot(r, c, i)` returns the existing axes at that position.
  var subplotPositions: [[Int]: Axes] = [:]
  var current: Axes?

  init(figure: Figure, number: Int, state: PyplotState) {
    self.figure = figure
    self.number = number
    self.state = state
  }

  var typeName: String { "Figure" }

  func wrap(_ axes: Axes) -> AxesObject {
    if let existing = wrappers[ObjectIdentifier(axes)]?.object { return existing }
    let object = AxesObject(axes: axes, figure: self)
    wrappers[ObjectIdentifier(axes)] = WeakAxes(object: object)
    return object
  }

  /// Makes `axes` current, as creating or `sca`-ing an axes does.
  @discardableResult
  func select(_ axes: Axes) -> AxesObject {
    current = axes
    return wrap(axes)
  }

  func currentAxes() -> AxesObject {
    if let current, figure.axes.contains(where: { $0 === current }) { return wrap(current) }
    return select(figure.currentAxes())
  }

  func subplot(_ rows: Int, _ cols: Int, _ index: Int) throws -> AxesObject {
    guard rows > 0, cols > 0, (1...rows * cols).contains(index) else {
      throw PyException(
        .valueError, "num must be an integer with 1 <= num <= \(max(rows * cols, 1)), not \(index)")
    }
    if let existing = subplotPositions[[rows, cols, index]],
      figure.axes.contains(where: { $0 === existing })
    {
      return select(existing)
    }
    let axes = figure.addSubplot(rows, cols, index)
    subplotPositions[[rows, cols, index]] = axes
    return select(axes)
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    let values = state.values
    switch name {
    case "number": return .int(number)
    case "axes": return .list(PyList(figure.axes.map { .native(wrap($0)) }))
    default: break
    }
    guard FigureObject.methods.contains(name) else { return nil }
    return .builtin(
      PyBuiltin(name) { [self] args, kwargs in
        var a = PlotArguments(name, args, kwargs)
        return try self.callMethod(name, &a, values)
      })
  }

  static let methods: Set<String> = [
    "suptitle", "add_subplot", "subplots", "colorbar", "tight_layout", "savefig", "gca",
    "set_size_inches", "clf", "show", "sca",
  ]

  func callMethod(_ name: String, _ a: inout PlotArguments, _ values: PlotValues) throws -> PyValue
  {
    switch name {
    case "suptitle":
      let text = try a.take("t", at: 0).map(values.text) ?? ""
      let size = try a.take("fontsize", "size").map { try values.fontSize($0) } ?? 12
      try a.finish(maxPositional: 1, inert: PyplotModule.fontInert)
      figure.suptitle(text, fontsize: size)
      return .none
    case "add_subplot":
      let (r, c, i) = try PyplotModule.subplotSpec(&a, values)
      try a.finish()
      return .native(try subplot(r, c, i))
    case "subplots":
      let grid = try PyplotModule.makeGrid(self, &a, values)
      try a.finish(maxPositional: 2)
      return grid
    case "colorbar":
      return try PyplotModule.colorbar(self, &a, values)
    case "tight_layout":
      let pad = try a.take("pad", at: 0).map { try values.number($0, "pad") } ?? 1.08
      try a.finish(
        maxPositional: 1, inert: ["h_pad": .only(), "w_pad": .only(), "rect": .only()])
      figure.tightLayout(pad: pad)
      return .none
    case "savefig":
      let fname = try values.text(a.take("fname", at: 0) ?? .str("figure.svg"))
      let format = try a.take("format").flatMap { $0.plotIsNone ? nil : try values.text($0) }
      try a.finish(maxPositional: 1, inert: PyplotModule.savefigInert)
      try state.sink.save(PlotOutput(svg: figure.svg(), filename: fname, format: format))
      return .none
    case "gca":
      try a.finish(maxPositional: 0)
      return .native(currentAxes())
    case "sca":
      guard case .native(let object)? = a.take("ax", at: 0), let axes = object as? AxesObject else {
        throw PyException(.typeError, "sca() argument must be an Axes")
      }
      try a.finish(maxPositional: 1)
      return .native(select(axes.axes))
    case "set_size_inches":
      var size = try a.take("w", at: 0).map { try values.numbers($0, "w") } ?? []
      if size.count == 1, let h = a.take("h", at: 1) { size.append(try values.number(h, "h")) }
      try a.finish(maxPositional: 2, inert: ["forward": .any])
      guard size.count == 2 else { throw PyException(.valueError, "set_size_inches needs (w, h)") }
      figure.width = size[0]
      figure.height = size[1]
      return .none
    case "clf":
      try a.finish(maxPositional: 0)
      figure.clear()
      subplotPositions = [:]
      current = nil
      return .none
    case "show":
      try a.finish(maxPositional: 0, inert: ["block": .any])
      state.sink.receive(PlotOutput(svg: figure.svg(), filename: nil))
      state.close(self)
      return .none
    default:
      return .none
    }
  }

  func repr() throws -> String {
    "<Figure size \(Int(figure.width * figure.dpi))x\(Int(figure.height * figure.dpi)) "
      + "with \(figure.axes.count) Axes>"
  }
}

/// An `Axes` as the cell language sees it; its methods are `AxesMethods`.
final class AxesObject: PyNativeObject {
  let axes: Axes
  let figure: FigureObject

  init(axes: Axes, figure: FigureObject) {
    self.axes = axes
    self.figure = figure
  }

  var typeName: String { "Axes" }

  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "figure": return .native(figure)
    case "transAxes": return .native(TransformObject(kind: .axes))
    case "transData": return .native(TransformObject(kind: .data))
    case "xaxis": return .native(AxisObject(self, .x))
    case "yaxis": return .native(AxisObject(self, .y))
    default: break
    }
    guard AxesMethods.names.contains(name) else { return nil }
    let values = figure.state.values
    return .builtin(
      PyBuiltin(name) { [self] args, kwargs in
        var a = PlotArguments(name, args, kwargs)
        return try AxesMethods.call(name, on: self, &a, values)
      })
  }

  func repr() throws -> String { "<Axes>" }
}

/// The grid of axes `plt.subplots(r, c)` returns: indexable as `axes[i, j]` and `axes[i][j]`,
/// iterable by rows, with `flat`, `flatten()`, `ravel()` and `shape`, like NumPy's object array.
final class AxesGrid: PyNativeObject {
  let items: [AxesObject]
  let shape: [Int]

  init(items: [AxesObject], shape: [Int]) {
    self.items = items
    self.shape = shape
  }

  var typeName: String { "ndarray" }

  private func index(_ key: PyValue, _ size: Int) throws -> Int {
    guard case .int(var i) = key else {
      throw PyException(.indexError, "only integers are valid indices for an axes grid")
    }
    if i < 0 { i += size }
    guard i >= 0 && i < size else {
      throw PyException(.indexError, "index \(i) is out of bounds for axis 0 with size \(size)")
    }
    return i
  }

  private func row(_ i: Int) -> PyValue {
    if shape.count == 1 { return .native(items[i]) }
    let cols = shape[1]
    return .native(AxesGrid(items: Array(items[(i * cols)..<((i + 1) * cols)]), shape: [cols]))
  }

  func getItem(_ key: PyValue) throws -> PyValue {
    if case .tuple(let parts) = key {
      guard shape.count == 2, parts.count == 2 else {
        throw PyException(
          .indexError,
          "too many indices for array: array is \(shape.count)-dimensional, "
            + "but \(parts.count) were indexed"
        )
      }
      let r = try index(parts[0], shape[0])
      let c = try index(parts[1], shape[1])
      return .native(items[r * shape[1] + c])
    }
    return row(try index(key, shape[0]))
  }

  func length() throws -> Int? { shape[0] }

  func makeIterator() throws -> PyIterator? {
    PyIterator.over((0..<shape[0]).map(row))
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    let flat = PyValue.native(AxesGrid(items: items, shape: [items.count]))
    switch name {
    case "shape": return .tuple(shape.map { .int($0) })
    case "size": return .int(items.count)
    case "ndim": return .int(shape.count)
    case "flat": return flat
    case "flatten", "ravel": return .builtin(PyBuiltin(name) { _, _ in flat })
    case "tolist":
      return .builtin(
        PyBuiltin(name) { [self] _, _ in
          .list(
            PyList(
              (0..<self.shape[0]).map { i in
                let r = self.row(i)
                if case .native(let g) = r, let grid = g as? AxesGrid {
                  return .list(PyList(grid.items.map { .native($0) }))
                }
                return r
              }))
        })
    default: return nil
    }
  }

  func repr() throws -> String { "array(<\(shape.map(String.init).joined(separator: "x")) Axes>)" }
}

/// What `imshow`, `scatter(c=...)`, `contour` and `contourf` return: something with colours
/// for `colorbar`.
final class MappableObject: PyNativeObject {
  let mappable: ScalarMappable
  let axes: AxesObject
  let typeName: String

  init(_ mappable: ScalarMappable, axes: AxesObject, typeName: String) {
    self.mappable = mappable
    self.axes = axes
    self.typeName = typeName
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "levels": return .list(PyList((mappable.levels ?? []).map { .float($0) }))
    case "cmap": return .native(ColormapObject(mappable.colormap))
    case "axes": return .native(axes)
    default: return nil
    }
  }
}

/// A colormap value (`plt.cm.viridis`, `plt.get_cmap("RdBu")`), usable as `cmap=` and
/// callable on a fraction to get an RGBA tuple.
final class ColormapObject: PyNativeObject {
  let colormap: Colormap

  init(_ colormap: Colormap) { self.colormap = colormap }

  var typeName: String { "Colormap" }

  func call(_ args: [PyValue], _ kwargs: KeywordArguments) throws -> PyValue {
    guard args.count == 1, let t = numericValue(try args.at(0)) else {
      throw PyException(.typeError, "a colormap takes one number between 0 and 1")
    }
    let c = colormap(t)
    return .tuple([.float(c.red), .float(c.green), .float(c.blue), .float(c.alpha)])
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    name == "name" ? .str(colormap.name) : nil
  }
}

/// `ax.transAxes` / `ax.transData`, meaningful only as `text(..., transform=)`.
final class TransformObject: PyNativeObject {
  enum Kind { case axes, data }
  let kind: Kind

  init(kind: Kind) { self.kind = kind }

  var typeName: String { kind == .axes ? "BboxTransformTo" : "CompositeGenericTransform" }
}

/// A drawn artist (`Line2D`, bar container, text): returned so unpacking such as
/// `line, = plt.plot(...)` works; it has no methods.
final class ArtistHandle: PyNativeObject {
  let typeName: String

  init(_ typeName: String) { self.typeName = typeName }
}

/// `plt.colorbar(...)`: its axes and `set_label`.
final class ColorbarObject: PyNativeObject {
  let axes: AxesObject

  init(axes: AxesObject) { self.axes = axes }

  var typeName: String { "Colorbar" }

  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "ax": return .native(axes)
    case "set_label":
      return .builtin(
        PyBuiltin(name) { [self] args, kwargs in
          var a = PlotArguments(name, args, kwargs)
          let values = self.axes.figure.state.values
          let label = try a.take("label", at: 0).map(values.text) ?? ""
          let size = try a.take("fontsize", "size").map { try values.fontSize($0) }
          let pad = try a.take("labelpad").map { try values.number($0, "labelpad") }
          try a.finish(maxPositional: 1, inert: PyplotModule.fontInert)
          self.axes.axes.setYLabel(label, fontsize: size, labelpad: pad)
          return .none
        })
    default: return nil
    }
  }
}

/// A wrapper cache entry that does not keep the wrapper alive.
struct WeakAxes {
  weak var object: AxesObject?
}
