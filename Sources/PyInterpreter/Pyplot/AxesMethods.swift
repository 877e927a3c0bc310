/// The `Axes` methods of the cell language; pyplot's functions call the same code on the
/// current axes.
///
/// A keyword the engine does not draw is accepted only at the values under which matplotlib
/// draws what the engine draws (`artistInert`, `PyplotModule.fontInert`; `interpolation`
/// only where images are drawn cell by cell as they are); any other value is a
/// `NotImplementedError` naming it, and an unknown keyword is a `TypeError` naming it.
enum AxesMethods {
  static let names: Set<String> = [
    "plot", "scatter", "hist", "bar", "barh", "imshow", "contour", "contourf", "fill_between",
    "axhline", "axvline", "errorbar", "set_title", "set_xlabel", "set_ylabel", "set_xlim",
    "set_ylim", "get_xlim", "get_ylim", "set_xscale", "set_yscale", "legend", "grid", "text",
    "set_xticks", "set_yticks", "set_xticklabels", "set_yticklabels", "set_aspect", "axis",
    "twinx", "invert_yaxis", "invert_xaxis", "cla", "clear", "step", "get_figure", "set",
    "semilogx", "semilogy", "loglog", "matshow",
  ]

  /// matplotlib's SVG backend draws vector paths, antialiased and unsnapped by default.
  static let artistInert: [String: Inert] = [
    "rasterized": .only(.bool(false)), "antialiased": .only(.bool(true)), "snap": .only(),
  ]
  /// Images are drawn cell by cell: what `nearest` (and `auto` at the sizes a cell shows) does.
  static let imageInert = artistInert.merging([
    "interpolation": .only(.str("nearest"), .str("none"), .str("auto"), .str("antialiased"))
  ]) { $1 }

  static func call(
    _ name: String, on object: AxesObject, _ a: inout PlotArguments, _ v: PlotValues
  ) throws -> PyValue {
    let ax = object.axes
    switch name {
    case "plot", "step": return try plot(object, &a, v, step: name == "step")
    case "semilogx", "semilogy", "loglog":
      let lines = try plot(object, &a, v, step: false)
      if name != "semilogy" { ax.setXScale(.log) }
      if name != "semilogx" { ax.setYScale(.log) }
      return lines
    case "set": return try set(object, a, v)
    case "scatter": return try scatter(object, &a, v)
    case "hist": return try hist(object, &a, v)
    case "bar", "barh": return try bar(object, &a, v, horizontal: name == "barh")
    case "imshow": return try imshow(object, &a, v)
    case "matshow":
      let values = try v.matrix(try required(&a, "Z", 0), "Z")
      let cmap = try a.take("cmap").map(v.colormap) ?? .viridis
      let vmin = try a.take("vmin").map { try v.number($0, "vmin") }
      let vmax = try a.take("vmax").map { try v.number($0, "vmax") }
      let alpha = try a.take("alpha").map { try v.number($0, "alpha") } ?? 1
      try a.finish(maxPositional: 1, inert: imageInert)
      let mappable = ax.matshow(values, colormap: cmap, vmin: vmin, vmax: vmax, alpha: alpha)
      return .native(MappableObject(mappable, axes: object, typeName: "AxesImage"))
    case "contour", "contourf": return try contour(object, &a, v, filled: name == "contourf")
    case "fill_between":
      let x = try v.numbers(try required(&a, "x", 0), "x")
      let y1 = try v.numbers(try required(&a, "y1", 1), "y1")
      let y2 = try a.take("y2", at: 2).map { try v.numbers($0, "y2") } ?? [0]
      let color = try (a.take("color", "facecolor", "fc")).map(v.color)
      let alpha = try a.take("alpha").map { try v.number($0, "alpha") } ?? 1
      let label = try a.take("label").map(v.text)
      let edge = try a.take("edgecolor", "ec").map(v.color)
      let width = try a.take("linewidth", "lw").map { try v.number($0, "linewidth") } ?? 0
      try a.finish(maxPositional: 3, inert: artistInert)
      ax.fillBetween(
        x, y1, y2, color: color, alpha: alpha, label: label, edgecolor: edge, linewidth: width)
      return .native(ArtistHandle("PolyCollection"))
    case "axhline", "axvline":
      let horizontal = name == "axhline"
      let position =
        try a.take(horizontal ? "y" : "x", at: 0).map { try v.number($0, "position") } ?? 0
      let lo = try a.take(horizontal ? "xmin" : "ymin", at: 1).map { try v.number($0, "min") } ?? 0
      let hi = try a.take(horizontal ? "xmax" : "ymax", at: 2).map { try v.number($0, "max") } ?? 1
      let color = try a.take("color", "c").map(v.color)
      let style = try a.take("linestyle", "ls").map(v.lineStyle) ?? .solid
      let width = try a.take("linewidth", "lw").map { try v.number($0, "linewidth") } ?? 1.5
      let alpha = try a.take("alpha").map { try v.number($0, "alpha") } ?? 1
      let label = try a.take("label").map(v.text)
      try a.finish(maxPositional: 3, inert: artistInert)
      if horizontal {
        ax.axhline(
          position, xmin: lo, xmax: hi, color: color, linestyle: style, linewidth: width,
          alpha: alpha, label: label)
      } else {
        ax.axvline(
          position, ymin: lo, ymax: hi, color: color, linestyle: style, linewidth: width,
          alpha: alpha, label: label)
      }
      return .native(ArtistHandle("Line2D"))
    case "errorbar":
      let x = try v.numbers(try required(&a, "x", 0), "x")
      let y = try v.numbers(try required(&a, "y", 1), "y")
      let yerr = try a.take("yerr", at: 2).map { try v.numbers($0, "yerr") }
      let xerr = try a.take("xerr", at: 3).map { try v.numbers($0, "xerr") }
      let fmt = try a.take("fmt", at: 4).map { try v.formatString(try v.string($0, "fmt")) } ?? ""
      let color = try a.take("color", "c").map(v.color)
      let ecolor = try a.take("ecolor").map(v.color)
      let elinewidth = try a.take("elinewidth").map { try v.number($0, "elinewidth") }
      let capsize = try a.take("capsize").map { try v.number($0, "capsize") } ?? 0
      let marker = try a.take("marker").map(v.marker)
      let markersize = try a.take("markersize", "ms").map { try v.number($0, "markersize") }
      let style = try a.take("linestyle", "ls").map(v.lineStyle)
      let label = try a.take("label").map(v.text)
      let alpha = try a.take("alpha").map { try v.number($0, "alpha") } ?? 1
      try a.finish(maxPositional: 5, inert: artistInert)
      ax.errorbar(
        x, y, yerr: yerr, xerr: xerr, format: fmt, color: color, ecolor: ecolor,
        elinewidth: elinewidth, capsize: capsize, marker: marker, markersize: markersize,
        linestyle: style, label: label, alpha: alpha)
      return .native(ArtistHandle("ErrorbarContainer"))
    case "set_title":
      let text = try a.take("label", at: 0).map(v.text) ?? ""
      let loc = try a.take("loc").map { try v.string($0, "loc") } ?? "center"
      let size = try a.take("fontsize", "size").map { try v.fontSize($0) } ?? 12
      try a.finish(maxPositional: 1, inert: PyplotModule.fontInert)
      guard ["center", "left", "right"].contains(loc) else {
        throw PyException(.valueError, "'\(loc)' is not a valid value for loc")
      }
      ax.setTitle(text, loc: loc, fontsize: size)
      return .native(ArtistHandle("Text"))
    case "set_xlabel", "set_ylabel":
      let text = try a.take(name == "set_xlabel" ? "xlabel" : "ylabel", at: 0).map(v.text) ?? ""
      let size = try a.take("fontsize", "size").map { try v.fontSize($0) }
      let pad = try a.take("labelpad").map { try v.number($0, "labelpad") }
      try a.finish(maxPositional: 1, inert: PyplotModule.fontInert)
      if name == "set_xlabel" {
        ax.setXLabel(text, fontsize: size, labelpad: pad)
      } else {
        ax.setYLabel(text, fontsize: size, labelpad: pad)
      }
      return .native(ArtistHandle("Text"))
    case "set_xlim", "set_ylim":
      let isX = name == "set_xlim"
      var lower = a.take(isX ? "left" : "bottom", isX ? "xmin" : "ymin", at: 0)
      var upper = a.take(isX ? "right" : "top", isX ? "xmax" : "ymax", at: 1)
      try a.finish(
        maxPositional: 2, inert: ["emit": .only(.bool(true)), "auto": .only(.bool(false))])
      if let pair = lower, upper == nil, a.positional.count == 1 {
        switch pair {
        case .tuple(let p) where p.count == 2: (lower, upper) = (p[0], p[1])
        case .list(let l) where l.items.count == 2: (lower, upper) = (l.items[0], l.items[1])
        default: break
        }
      }
      let lo = try lower.flatMap { $0.plotIsNone ? nil : try v.number($0, "limit") }
      let hi = try upper.flatMap { $0.plotIsNone ? nil : try v.number($0, "limit") }
      if isX { ax.setXLim(lo, hi) } else { ax.setYLim(lo, hi) }
      let limits = isX ? ax.xLimits() : ax.yLimits()
      return .tuple([.float(limits.0), .float(limits.1)])
    case "get_xlim", "get_ylim":
      try a.finish(maxPositional: 0)
      let limits = name == "get_xlim" ? ax.xLimits() : ax.yLimits()
      return .tuple([.float(limits.0), .float(limits.1)])
    case "set_xscale", "set_yscale":
      let scaleName = try v.string(try required(&a, "value", 0), "value")
      try a.finish(maxPositional: 1, inert: ["base": .only(.int(10))])
      guard let scale = Axes.Scale(rawValue: scaleName) else {
        throw PyException(
          .valueError, "Unknown or unsupported scale '\(scaleName)' (linear and log are supported)")
      }
      if name == "set_xscale" { ax.setXScale(scale) } else { ax.setYScale(scale) }
      return .none
    case "legend": return try legend(object, &a, v)
    case "grid":
      let visible = try a.take("visible", "b", at: 0).map(v.bool) ?? true
      let axisName = try a.take("axis").map { try v.string($0, "axis") } ?? "both"
      let color = try a.take("color", "c").map(v.color)
      let style = try a.take("linestyle", "ls").map(v.lineStyle) ?? .solid
      let width = try a.take("linewidth", "lw").map { try v.number($0, "linewidth") } ?? 0.8
      let alpha = try a.take("alpha").map { try v.number($0, "alpha") } ?? 1
      try a.finish(maxPositional: 1, inert: ["which": .only(.str("major"))])
      guard let which = Axes.Which(rawValue: axisName) else {
        throw PyException(.valueError, "axis must be 'x', 'y' or 'both', not '\(axisName)'")
      }
      ax.grid(visible, which: which, color: color, linestyle: style, linewidth: width, alpha: alpha)
      return .none
    case "text":
      let x = try v.number(try required(&a, "x", 0), "x")
      let y = try v.number(try required(&a, "y", 1), "y")
      let s = try v.text(try required(&a, "s", 2))
      let size = try a.take("fontsize", "size").map { try v.fontSize($0) } ?? 10
      let color = try a.take("color", "c").map(v.color) ?? .black
      let ha = try a.take("ha", "horizontalalignment").map { try v.string($0, "ha") } ?? "left"
      let va = try a.take("va", "verticalalignment").map { try v.string($0, "va") } ?? "baseline"
      let rotation = try a.take("rotation").map { try v.number($0, "rotation") } ?? 0
      var inAxes = false
      if let transform = a.take("transform") {
        guard case .native(let t) = transform, let kind = (t as? TransformObject)?.kind else {
          throw PyException(.typeError, "transform must be ax.transAxes or ax.transData")
        }
        inAxes = kind == .axes
      }
      try a.finish(maxPositional: 3, inert: PyplotModule.fontInert)
      guard let h = HorizontalAlignment(rawValue: ha) else {
        throw PyException(.valueError, "'\(ha)' is not a valid value for horizontalalignment")
      }
      guard let vv = VerticalAlignment(rawValue: va == "center_baseline" ? "center" : va) else {
        throw PyException(.valueError, "'\(va)' is not a valid value for verticalalignment")
      }
      ax.text(
        x, y, s, fontsize: size, color: color, horizontalAlignment: h, verticalAlignment: vv,
        rotation: rotation, inAxesCoordinates: inAxes)
      return .native(ArtistHandle("Text"))
    case "set_xticks", "set_yticks":
      let ticks = try v.numbers(try required(&a, "ticks", 0), "ticks")
      let labels = try a.take("labels", at: 1).map { try v.interpreter.items(of: $0).map(v.text) }
      let rotation = try a.take("rotation").map { try v.number($0, "rotation") } ?? 0
      try a.finish(maxPositional: 2, inert: ["minor": .only(.bool(false))])
      if name == "set_xticks" {
        ax.setXTicks(ticks, labels: labels, rotation: rotation)
      } else {
        ax.setYTicks(ticks, labels: labels)
        if rotation != 0 { ax.setTickLabelRotation(.y, rotation) }
      }
      return .none
    case "set_xticklabels", "set_yticklabels":
      let labels = try v.interpreter.items(of: try required(&a, "labels", 0)).map(v.text)
      let rotation = try a.take("rotation").map { try v.number($0, "rotation") }
      try a.finish(maxPositional: 1, inert: PyplotModule.defaultSizeFontInert)
      let isX = name == "set_xticklabels"
      // After a locator (set_major_locator, matshow) the labels go to its ticks in order, as
      // matplotlib's FixedFormatter does.
      if (isX ? ax.x.ticks : ax.y.ticks) == nil, (isX ? ax.x.locator : ax.y.locator) != nil {
        ax.setTickLabels(isX ? .x : .y, labels)
        if let rotation { ax.setTickLabelRotation(isX ? .x : .y, rotation) }
        return .none
      }
      guard let ticks = isX ? ax.x.ticks : ax.y.ticks else {
        throw PyException(
          .valueError, "set the tick positions with \(isX ? "set_xticks" : "set_yticks") first")
      }
      if isX {
        ax.setXTicks(ticks, labels: labels, rotation: rotation ?? ax.x.tickLabelRotation)
      } else {
        ax.setYTicks(ticks, labels: labels)
        if let rotation { ax.setTickLabelRotation(.y, rotation) }
      }
      return .none
    case "set_aspect":
      let aspect = try self.aspect(try required(&a, "aspect", 0), v)
      let adjustable = a.take("adjustable", at: 1)
      try a.finish(maxPositional: 2)
      var datalim = false
      if case .str("datalim")? = adjustable { datalim = true }
      ax.setAspect(aspect, adjustingLimits: datalim)
      return .none
    case "axis":
      let option = a.take("arg", at: 0)
      try a.finish(maxPositional: 1)
      switch option {
      case .str("off")?, .bool(false)?: ax.setAxisOn(false)
      case .str("on")?, .bool(true)?: ax.setAxisOn(true)
      case .str("equal")?: ax.setAspect(.equal, adjustingLimits: true)
      case .str("scaled")?: ax.setAspect(.equal)
      case .str("auto")?: ax.setAspect(.auto)
      case .str("tight")?:
        ax.setXLim(ax.xLimits().0, ax.xLimits().1)
        ax.setYLim(ax.yLimits().0, ax.yLimits().1)
      case nil: break
      case let other?:
        let limits = try v.numbers(other, "axis limits")
        guard limits.count == 4 else {
          throw PyException(
            .valueError, "axis() takes 'on', 'off', 'equal', 'tight' or [xmin, xmax, ymin, ymax]")
        }
        ax.setXLim(limits[0], limits[1])
        ax.setYLim(limits[2], limits[3])
      }
      let x = ax.xLimits()
      let y = ax.yLimits()
      return .tuple([.float(x.0), .float(x.1), .float(y.0), .float(y.1)])
    case "twinx":
      try a.finish(maxPositional: 0)
      return .native(object.figure.select(ax.twinx()))
    case "invert_yaxis", "invert_xaxis":
      try a.finish(maxPositional: 0)
      if name == "invert_yaxis" { ax.invertYAxis() } else { ax.invertXAxis() }
      return .none
    case "cla", "clear":
      try a.finish(maxPositional: 0)
      ax.clear()
      return .none
    case "get_figure":
      try a.finish(maxPositional: 0)
      return .native(object.figure)
    default:
      throw PyException(.attributeError, "'Axes' object has no attribute '\(name)'")
    }
  }

  /// `ax.set(title=..., xlabel=..., xlim=(0, 1), ...)`: each keyword is its `set_` method.
  static func set(_ object: AxesObject, _ a: PlotArguments, _ v: PlotValues) throws -> PyValue {
    let settable: Set<String> = [
      "title", "xlabel", "ylabel", "xlim", "ylim", "xscale", "yscale", "xticks", "yticks",
      "xticklabels", "yticklabels", "aspect",
    ]
    try a.finish(
      maxPositional: 0, inert: Dictionary(uniqueKeysWithValues: settable.map { ($0, Inert.any) }))
    for (name, value) in a.keywordArguments {
      var single = PlotArguments("set_\(name)", [value], [])
      _ = try call("set_\(name)", on: object, &single, v)
    }
    return .none
  }

  static func required(_ a: inout PlotArguments, _ name: String, _ index: Int) throws -> PyValue {
    guard let value = a.take(name, at: index) else {
      throw PyException(.typeError, "\(a.function)() missing required argument: '\(name)'")
    }
    return value
  }

  static func aspect(_ value: PyValue, _ v: PlotValues) throws -> Axes.Aspect {
    switch value {
    case .str("equal"): return .equal
    case .str("auto"): return .auto
    case .str(let other):
      throw PyException(.valueError, "aspect must be 'auto', 'equal' or a number, not '\(other)'")
    default: return .ratio(try v.number(value, "aspect"))
    }
  }

  // MARK: - Lines

  /// `plot([x], y, [fmt], [x2], y2, [fmt2], ..., **kwargs)`.
  static func plot(_ object: AxesObject, _ a: inout PlotArguments, _ v: PlotValues, step: Bool)
    throws -> PyValue
  {
    let color = try a.take("color", "c").map(v.color)
    let style = try a.take("linestyle", "ls").map(v.lineStyle)
    let width = try a.take("linewidth", "lw").map { try v.number($0, "linewidth") }
    let marker = try a.take("marker").map(v.marker)
    let markersize = try a.take("markersize", "ms").map { try v.number($0, "markersize") }
    let face = try a.take("markerfacecolor", "mfc").map(v.color)
    let label = try a.take("label").map(v.text)
    let alpha = try a.take("alpha").map { try v.number($0, "alpha") }
    let zorder = try a.take("zorder").map { try v.number($0, "zorder") }
    var whereName = step ? try a.take("where").map { try v.string($0, "where") } ?? "pre" : "pre"
    var step = step
    // plot(drawstyle='steps-mid') is step(where='mid'); markers would sit on the data points,
    // which the staircase does not keep apart.
    if !step, let drawstyle = try a.take("drawstyle", "ds").map({ try v.string($0, "drawstyle") }),
      drawstyle != "default"
    {
      let places = ["steps": "pre", "steps-pre": "pre", "steps-mid": "mid", "steps-post": "post"]
      guard let place = places[drawstyle] else {
        throw PyException(
          .valueError,
          "'\(drawstyle)' is not a valid value for drawstyle; supported values are 'default', "
            + "'steps-mid', 'steps-pre', 'steps-post', 'steps'")
      }
      step = true
      whereName = place
    }
    if step && (marker != nil || markersize != nil || face != nil || zorder != nil) {
      throw PyException(
        .notImplementedError,
        "\(a.function)() of a staircase with markers or zorder is not supported in journal cells")
    }
    try a.finish(inert: artistInert)
    var groups: [(x: [Double]?, y: [Double], fmt: String)] = []
    var rest = a.positional[...]
    while let first = rest.first {
      rest = rest.dropFirst()
      if case .str = first {
        throw PyException(
          .valueError, "\(a.function)() got a format string where data was expected")
      }
      var x: PyValue?
      var y = first
      if let next = rest.first, !next.plotIsString {
        x = first
        y = next
        rest = rest.dropFirst()
      }
      var fmt = ""
      if let next = rest.first, case .str(let s) = next {
        fmt = try v.formatString(s)
        rest = rest.dropFirst()
        if step && FormatString(fmt)?.marker != nil {
          throw PyException(
            .notImplementedError,
            "\(a.function)() of a staircase with markers ('\(s)') is not supported in journal "
              + "cells")
        }
      }
      let ys = try v.numbers(y, "y")
      let xs = try x.map { try v.numbers($0, "x") }
      if let xs, xs.count != ys.count {
        throw PyException(
          .valueError,
          "x and y must have same first dimension, but have shapes "
            + "(\(xs.count),) and (\(ys.count),)"
        )
      }
      groups.append((xs, ys, fmt))
    }
    var lines: [PyValue] = []
    for group in groups {
      if step {
        guard let place = Axes.StepWhere(rawValue: whereName) else {
          throw PyException(.valueError, "where must be 'pre', 'post' or 'mid', not '\(whereName)'")
        }
        object.axes.step(
          group.x ?? group.y.indices.map(Double.init), group.y, where: place, group.fmt,
          color: color, linestyle: style, linewidth: width, label: label, alpha: alpha)
      } else {
        object.axes.plot(
          group.x, group.y, group.fmt, color: color, linestyle: style, linewidth: width,
          marker: marker, markersize: markersize, markerfacecolor: face, label: label,
          alpha: alpha, zorder: zorder)
      }
      lines.append(.native(ArtistHandle("Line2D")))
    }
    return .list(PyList(lines))
  }

  static func scatter(_ object: AxesObject, _ a: inout PlotArguments, _ v: PlotValues) throws
    -> PyValue
  {
    let x = try v.numbers(try required(&a, "x", 0), "x")
    let y = try v.numbers(try required(&a, "y", 1), "y")
    guard x.count == y.count else {
      throw PyException(.valueError, "x and y must be the same size")
    }
    let sizes = try a.take("s", at: 2).map { try v.numbers($0, "s") } ?? [36]
    var colors: Axes.ScatterColors?
    if let c = a.take("c", at: 3) ?? a.take("color") {
      colors = try scatterColors(c, count: x.count, v)
    }
    let marker = try a.take("marker", at: 4).map(v.marker) ?? .circle
    let cmap = try a.take("cmap", at: 5).map(v.colormap)
    let vmin = try a.take("vmin").map { try v.number($0, "vmin") }
    let vmax = try a.take("vmax").map { try v.number($0, "vmax") }
    let alpha = try a.take("alpha").map { try v.number($0, "alpha") } ?? 1
    let edge: Color?
    switch a.take("edgecolors", "edgecolor", "ec") {
    case .str("none")?, .str("face")?, nil: edge = nil
    case let value?: edge = try v.color(value)
    }
    let width =
      try a.take("linewidths", "linewidth", "lw").map { try v.number($0, "linewidths") } ?? 1
    let label = try a.take("label").map(v.text)
    try a.finish(maxPositional: 6, inert: artistInert)
    let mappable = object.axes.scatter(
      x, y, sizes: sizes, colors: colors, marker: marker, colormap: cmap, vmin: vmin, vmax: vmax,
      alpha: alpha, edgecolor: edge, linewidth: width, label: label)
    if let mappable {
      return .native(MappableObject(mappable, axes: object, typeName: "PathCollection"))
    }
    return .native(ArtistHandle("PathCollection"))
  }

  private static func scatterColors(_ c: PyValue, count: Int, _ v: PlotValues) throws
    -> Axes.ScatterColors
  {
    if case .str = c { return .single(try v.color(c)) }
    if case .tuple(let parts) = c, parts.count == 3 || parts.count == 4, count != parts.count,
      parts.allSatisfy({ numericValue($0) != nil })
    {
      return .single(try v.color(c))
    }
    if try v.isNested(c) {
      return .each(try v.interpreter.items(of: c).map(v.color))
    }
    if case .list(let l) = c, let first = l.items.first, first.plotIsString {
      return .each(try l.items.map(v.color))
    }
    return .values(try v.numbers(c, "c"))
  }

  static func hist(_ object: AxesObject, _ a: inout PlotArguments, _ v: PlotValues) throws
    -> PyValue
  {
    let data = try required(&a, "x", 0)
    var bins = Axes.Bins.count(10)
    if let b = a.take("bins", at: 1) {
      if case .str(let s) = b {
        throw PyException(.valueError, "bins='\(s)' is not supported; give a count or edges")
      }
      let values = try v.numbers(b, "bins")
      if case .int(let n) = b {
        bins = .count(n)
      } else if values.count == 1 {
        // One value is a count (a NumPy integer, say); one edge would make no bins.
        bins = .count(Int(values[0]))
      } else {
        bins = .edges(values)
      }
    }
    let range = try a.take("range", at: 2).map { try v.numbers($0, "range") }
    let density = try a.take("density", "normed").map(v.bool) ?? false
    let cumulative = try a.take("cumulative").map(v.bool) ?? false
    let typeName = try a.take("histtype").map { try v.string($0, "histtype") } ?? "bar"
    guard let histtype = Axes.HistType(rawValue: typeName) else {
      throw PyException(
        .valueError,
        "'\(typeName)' is not a valid value for histtype; "
          + "supported values are 'bar', 'step', 'stepfilled'"
      )
    }
    let color = try a.take("color", "facecolor", "fc").map(v.colors)
    let alpha = try a.take("alpha").map { try v.number($0, "alpha") } ?? 1
    let edge = try a.take("edgecolor", "ec").map(v.color)
    let width = try a.take("linewidth", "lw").map { try v.number($0, "linewidth") }
    let labelValue = a.take("label")
    let orientation =
      try a.take("orientation").map { try v.string($0, "orientation") } ?? "vertical"
    try a.finish(maxPositional: 3, inert: artistInert.merging(["rwidth": .only(.int(1))]) { $1 })
    if let range, range.count != 2 { throw PyException(.valueError, "range must be (min, max)") }
    let datasets =
      try v.isNested(data)
      ? try v.interpreter.items(of: data).map { try v.numbers($0, "x") }
      : [try v.numbers(data, "x")]
    let labels: [String?]
    switch labelValue {
    case .list(let l)?: labels = try l.items.map { try v.text($0) }
    case .tuple(let t)?: labels = try t.map { try v.text($0) }
    case let one?: labels = [try v.text(one)]
    case nil: labels = []
    }
    var counts: [PyValue] = []
    var edges: [PyValue] = []
    for (index, values) in datasets.enumerated() {
      let result = object.axes.hist(
        values, bins: bins, range: range.map { ($0[0], $0[1]) }, density: density,
        cumulative: cumulative, histtype: histtype,
        color: color.map { $0[index % $0.count] }, alpha: alpha, edgecolor: edge,
        linewidth: width, label: index < labels.count ? labels[index] : nil,
        orientation: orientation)
      counts.append(.list(PyList(result.counts.map { .float($0) })))
      edges = result.edges.map { .float($0) }
    }
    let n = datasets.count == 1 ? counts[0] : .list(PyList(counts))
    return .tuple([n, .list(PyList(edges)), .native(ArtistHandle("BarContainer"))])
  }

  static func bar(
    _ object: AxesObject, _ a: inout PlotArguments, _ v: PlotValues, horizontal: Bool
  ) throws -> PyValue {
    let positionsValue = try required(&a, horizontal ? "y" : "x", 0)
    var lengths = try v.numbers(try required(&a, horizontal ? "width" : "height", 1), "height")
    let thickness =
      try a.take(horizontal ? "height" : "width", at: 2).map { try v.numbers($0, "width") } ?? [0.8]
    let base =
      try a.take(horizontal ? "left" : "bottom", at: 3).map { try v.numbers($0, "bottom") } ?? [0]
    let color = try a.take("color", "facecolor", "fc").map(v.colors)
    let edge = try a.take("edgecolor", "ec").map(v.color)
    let width = try a.take("linewidth", "lw").map { try v.number($0, "linewidth") } ?? 0
    let alpha = try a.take("alpha").map { try v.number($0, "alpha") } ?? 1
    // A list of labels labels each bar (matplotlib requires one per bar).
    var label: String?
    var barLabels: [String]?
    switch a.take("label") {
    case let list? where list.isPlotSequence:
      if let items = try? v.interpreter.items(of: list) {
        barLabels = try items.map(v.text)
      } else {
        label = try v.text(list)
      }
    case let one?: label = try v.text(one)
    case nil: break
    }
    let align = try a.take("align").map { try v.string($0, "align") } ?? "center"
    let tickLabels = try a.take("tick_label").map { try v.interpreter.items(of: $0).map(v.text) }
    try a.finish(maxPositional: 4, inert: artistInert)
    guard align == "center" || align == "edge" else {
      throw PyException(.valueError, "align must be 'center' or 'edge', not '\(align)'")
    }
    let items = (try? v.interpreter.items(of: positionsValue)) ?? []
    let barCount = items.isEmpty ? 1 : items.count
    if let barLabels, barLabels.count != barCount {
      throw PyException(
        .valueError,
        "number of labels (\(barLabels.count)) does not match number of bars (\(barCount)).")
    }
    var positions: [Double]
    if let first = items.first, first.plotIsString {
      let names = try items.map { try v.string($0, "category") }
      positions = object.axes.categoryPositions(names, horizontal ? .y : .x)
    } else {
      positions = try v.numbers(positionsValue, "x")
    }
    // NumPy broadcasting: each of positions, lengths, widths and bases has one value or n.
    let counts = [positions.count, lengths.count, thickness.count, base.count]
    let n = counts.max() ?? 0
    if counts.contains(where: { $0 != 1 && $0 != n }) {
      throw PyException(
        .valueError,
        "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between "
          + "arg 0 with shape (\(positions.count),) and arg 1 with shape (\(lengths.count),).")
    }
    if positions.count == 1 { positions = Array(repeating: positions[0], count: n) }
    if lengths.count == 1 { lengths = Array(repeating: lengths[0], count: n) }
    if horizontal {
      object.axes.barh(
        positions, lengths, height: thickness, left: base, color: color, edgecolor: edge,
        linewidth: width, alpha: alpha, label: label, barLabels: barLabels,
        alignCenter: align == "center")
      if let tickLabels { object.axes.setYTicks(positions, labels: tickLabels) }
    } else {
      object.axes.bar(
        positions, lengths, width: thickness, bottom: base, color: color, edgecolor: edge,
        linewidth: width, alpha: alpha, label: label, barLabels: barLabels,
        alignCenter: align == "center")
      if let tickLabels { object.axes.setXTicks(positions, labels: tickLabels) }
    }
    return .native(ArtistHandle("BarContainer"))
  }

  static func imshow(_ object: AxesObject, _ a: inout PlotArguments, _ v: PlotValues) throws
    -> PyValue
  {
    let values = try v.matrix(try required(&a, "X", 0), "X")
    let cmap = try a.take("cmap", at: 1).map(v.colormap) ?? .viridis
    let vmin = try a.take("vmin").map { try v.number($0, "vmin") }
    let vmax = try a.take("vmax").map { try v.number($0, "vmax") }
    let aspect = try a.take("aspect").map { try self.aspect($0, v) } ?? .equal
    let extent = try a.take("extent").map { try v.numbers($0, "extent") }
    let origin = try a.take("origin").map { try v.string($0, "origin") } ?? "upper"
    let alpha = try a.take("alpha").map { try v.number($0, "alpha") } ?? 1
    try a.finish(maxPositional: 2, inert: imageInert)
    guard origin == "upper" || origin == "lower" else {
      throw PyException(.valueError, "origin must be 'upper' or 'lower', not '\(origin)'")
    }
    if let extent, extent.count != 4 { throw PyException(.valueError, "extent must have 4 values") }
    let mappable = object.axes.imshow(
      values, colormap: cmap, vmin: vmin, vmax: vmax, aspect: aspect, extent: extent,
      originUpper: origin == "upper", alpha: alpha)
    return .native(MappableObject(mappable, axes: object, typeName: "AxesImage"))
  }

  /// `contour([X, Y,] Z, [levels], **kwargs)`; X and Y may be 1-D or meshgrid 2-D arrays.
  static func contour(
    _ object: AxesObject, _ a: inout PlotArguments, _ v: PlotValues, filled: Bool
  ) throws -> PyValue {
    let p = a.positional
    var x: [Double]?
    var y: [Double]?
    let zValue: PyValue
    var levelsValue: PyValue?
    switch p.count {
    case 1, 2:
      zValue = p[0]
      levelsValue = p.count == 2 ? p[1] : nil
    case 3, 4:
      x = try axisValues(p[0], v, rows: false)
      y = try axisValues(p[1], v, rows: true)
      zValue = p[2]
      levelsValue = p.count == 4 ? p[3] : nil
    default:
      throw PyException(
        .typeError,
        "\(a.function)() takes from 1 to 4 positional arguments but \(p.count) were given")
    }
    if let given = a.take("levels") { levelsValue = given }
    let z = try v.matrix(zValue, "Z")
    if let x, x.count != z.first?.count ?? 0 || y?.count != z.count {
      throw PyException(
        .typeError,
        "Length of x (\(x.count)) must match number of columns in z (\(z.first?.count ?? 0))")
    }
    var levels = ContourLevels.count(7)
    if let levelsValue {
      if case .int(let n) = levelsValue {
        levels = .count(n + 1)
      } else {
        levels = .values(try v.numbers(levelsValue, "levels"))
      }
    }
    let colors = try a.take("colors").map(v.colors)
    let cmap = try a.take("cmap").map(v.colormap) ?? .viridis
    let alpha = try a.take("alpha").map { try v.number($0, "alpha") } ?? 1
    let mappable: ScalarMappable
    if filled {
      try a.finish(inert: artistInert)
      mappable = object.axes.contourf(
        x: x, y: y, z, levels: levels, colors: colors, colormap: cmap, alpha: alpha)
    } else {
      let width =
        try a.take("linewidths", "linewidth").map { try v.number($0, "linewidths") } ?? 1.5
      let style = try a.take("linestyles", "linestyle").map(v.lineStyle) ?? .solid
      let label = try a.take("label").map(v.text)
      try a.finish(inert: artistInert)
      mappable = object.axes.contour(
        x: x, y: y, z, levels: levels, colors: colors, colormap: cmap, linewidth: width,
        linestyle: style, alpha: alpha, label: label)
    }
    return .native(
      MappableObject(mappable, axes: object, typeName: filled ? "QuadContourSet" : "QuadContourSet")
    )
  }

  /// A contour coordinate: 1-D as given, or the first row (x) / first column (y) of a meshgrid.
  private static func axisValues(_ value: PyValue, _ v: PlotValues, rows: Bool) throws -> [Double] {
    guard try v.isNested(value) else { return try v.numbers(value, rows ? "Y" : "X") }
    let grid = try v.matrix(value, rows ? "Y" : "X")
    return rows ? grid.map { $0.first ?? 0 } : (grid.first ?? [])
  }

  static func legend(_ object: AxesObject, _ a: inout PlotArguments, _ v: PlotValues) throws
    -> PyValue
  {
    if a.positional.count > 1 {
      throw PyException(
        .typeError, "legend(handles, labels) is not supported; label the artists instead")
    }
    var labels: [String]?
    if let given = a.take("labels", at: 0) {
      labels = try v.interpreter.items(of: given).map(v.text)
      if object.axes.hasUnorderedLegendHandles {
        throw PyException(
          .notImplementedError,
          "legend(labels) on axes with a labelled histogram or a contour set is not supported "
            + "in journal cells; label the artists instead")
      }
    }
    var location = Location.best
    if let loc = a.take("loc") {
      switch loc {
      case .str(let s):
        guard let parsed = Location(rawValue: s) else {
          throw PyException(.valueError, "'\(s)' is not a valid value for loc")
        }
        location = parsed
      case .int(let code):
        let codes: [Location] = [
          .best, .upperRight, .upperLeft, .lowerLeft, .lowerRight, .right, .centerLeft,
          .centerRight, .lowerCenter, .upperCenter, .center,
        ]
        guard codes.indices.contains(code) else {
          throw PyException(.valueError, "\(code) is not a valid value for loc")
        }
        location = codes[code]
      default: throw PyException(.typeError, "loc must be a string or an int")
      }
    }
    let size = try a.take("fontsize").map { try v.fontSize($0) } ?? 10
    let title = try a.take("title").map(v.text)
    let frame = try a.take("frameon").map(v.bool) ?? true
    let columns = try a.take("ncol", "ncols").map { try v.int($0, "ncols") } ?? 1
    try a.finish(maxPositional: 1)
    object.axes.legend(
      loc: location, labels: labels, fontsize: size, title: title, frameon: frame, ncols: columns)
    return .native(ArtistHandle("Legend"))
  }
}

extension PyValue {
  var plotIsNone: Bool { if case .none = self { true } else { false } }
  /// A list or tuple, or an array or tensor of a bridge (anything with `tolist`).
  var isPlotSequence: Bool {
    switch self {
    case .list, .tuple, .native: true
    default: false
    }
  }
  var plotIsString: Bool { if case .str = self { true } else { false } }
}
