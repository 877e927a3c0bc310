/// The arguments of one call into the plotting modules, consumed as they are read.
///
/// Keywords left over when `finish` runs are a `TypeError` naming the first one, so a keyword
/// that would change the picture is never dropped silently.
struct PlotArguments {
  let function: String
  let positional: [PyValue]
  private var keywords: [(String, PyValue)]

  init(_ function: String, _ args: [PyValue], _ kwargs: KeywordArguments) {
    self.function = function
    positional = args
    keywords = kwargs
  }

  /// The keyword `names` (first match wins, aliases like `lw`) or positional `index`; `None`
  /// counts as absent, as matplotlib's defaults do.
  mutating func take(_ names: String..., at index: Int? = nil) -> PyValue? {
    var found: PyValue?
    for name in names {
      if let i = keywords.firstIndex(where: { $0.0 == name }) {
        if found == nil { found = keywords[i].1 }
        keywords.remove(at: i)
      }
    }
    if found == nil, let index, index < positional.count { found = positional[index] }
    if case .none? = found { return nil }
    return found
  }

  var hasKeywords: Bool { !keywords.isEmpty }

  /// The keywords not taken yet, in call order.
  var keywordArguments: [(String, PyValue)] { keywords }

  /// Rejects unknown keywords and too many positional arguments. `inert` names keywords the
  /// engine accepts only at values under which matplotlib draws what the engine draws anyway;
  /// any other value is a `NotImplementedError` naming it, never ignored.
  func finish(maxPositional: Int? = nil, inert: [String: Inert] = [:]) throws {
    for (name, value) in keywords {
      guard let rule = inert[name] else {
        throw PyException(
          .typeError, "\(function)() got an unexpected keyword argument '\(name)'")
      }
      if !rule.allows(value) {
        throw PyException(
          .notImplementedError,
          "\(function)(\(name)=\(Inert.describe(value))) is not supported in journal cells")
      }
    }
    if let maxPositional, positional.count > maxPositional {
      throw PyException(
        .typeError,
        "\(function)() takes \(maxPositional) positional arguments "
          + "but \(positional.count) were given"
      )
    }
  }
}

/// The values a keyword may take when the engine does not draw what it controls.
struct Inert: Sendable {
  /// A value written in a rule: a string, or a number (booleans and ints count by value).
  enum Value: Sendable {
    case str(String)
    case int(Int)
    case bool(Bool)
    case float(Double)
  }

  /// None, and any value equal to one of these (numbers by value, strings exactly).
  let values: [Value]
  /// Any value at all: the keyword changes nothing in an SVG (`show(block=)`).
  let anyValue: Bool

  static func only(_ values: Value...) -> Inert { Inert(values: values, anyValue: false) }
  static let any = Inert(values: [], anyValue: true)

  func allows(_ value: PyValue) -> Bool {
    if anyValue { return true }
    if case .none = value { return true }
    return values.contains { allowed in
      switch (value, allowed) {
      case (.str(let a), .str(let b)): return a == b
      case (.str, _), (_, .str): return false
      case (_, .int(let b)): return numericValue(value) == Double(b)
      case (_, .bool(let b)): return numericValue(value) == (b ? 1 : 0)
      case (_, .float(let b)): return numericValue(value) == b
      }
    }
  }

  /// A value as the error message shows it: scalars as Python writes them, others elided.
  static func describe(_ value: PyValue) -> String {
    switch value {
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .float(let d): return String(d)
    case .str(let s): return "'\(s)'"
    default: return "..."
    }
  }
}

/// Converts the language's values into the plotting engine's Swift values.
///
/// Data may be lists, tuples, ranges, nested lists, numbers, or any object with a `tolist()`
/// method (NumPy arrays and torch tensors from the bridges), so the plots depend on no array
/// type.
struct PlotValues {
  unowned let interpreter: Interpreter

  /// `value.tolist()` when the value has that method, else nil.
  private func listed(_ value: PyValue) throws -> PyValue? {
    switch value {
    case .native, .instance:
      guard let method = try? interpreter.attribute(value, "tolist") else { return nil }
      return try interpreter.call(method, [])
    default: return nil
    }
  }

  func number(_ value: PyValue, _ what: String) throws -> Double {
    switch value {
    case .bool(let b): return b ? 1 : 0
    case .int(let i): return Double(i)
    case .float(let d): return d
    case .str, .list, .tuple, .dict, .set, .range, .none:
      throw PyException(.typeError, "\(what) must be a number, not \(typeName(value))")
    default:
      if let plain = try listed(value) { return try number(plain, what) }
      guard let float = interpreter.builtinClass("float") else {
        throw PyException(.typeError, "\(what) must be a number")
      }
      return try number(try interpreter.call(.type(float), [value]), what)
    }
  }

  /// A 1-D sequence of numbers; a single number is a sequence of one.
  func numbers(_ value: PyValue, _ what: String) throws -> [Double] {
    switch value {
    case .list, .tuple, .range, .iterator:
      return try interpreter.items(of: value).map { try number($0, what) }
    case .bool, .int, .float: return [try number(value, what)]
    case .str, .dict, .set, .none:
      throw PyException(
        .typeError, "\(what) must be a sequence of numbers, not \(typeName(value))")
    default:
      if let plain = try listed(value) { return try numbers(plain, what) }
      // A scalar object of a bridge (a NumPy float) stands for one number.
      return [try number(value, what)]
    }
  }

  /// A 2-D grid of numbers (rows of a nested list or a 2-D array).
  func matrix(_ value: PyValue, _ what: String) throws -> [[Double]] {
    if let plain = try listed(value) { return try matrix(plain, what) }
    let rows = try interpreter.items(of: value).map { try numbers($0, what) }
    if rows.contains(where: { $0.count != rows.first?.count }) {
      throw PyException(.valueError, "\(what) must be a 2-D array with rows of equal length")
    }
    return rows
  }

  /// True when the value is a sequence of sequences (a 2-D array or nested list).
  func isNested(_ value: PyValue) throws -> Bool {
    let plain = try listed(value) ?? value
    switch plain {
    case .list, .tuple:
      guard let first = try interpreter.items(of: plain).first else { return false }
      switch first {
      case .list, .tuple, .range: return true
      case .native, .instance:
        return try listed(first).map { try isNested(.list(PyList([$0]))) } ?? false
      default: return false
      }
    default: return false
    }
  }

  /// matplotlib's relative font sizes, times the default size.
  static let fontScales: [String: Double] = [
    "xx-small": 0.579, "x-small": 0.694, "small": 0.833, "medium": 1, "large": 1.2,
    "x-large": 1.44, "xx-large": 1.728, "larger": 1.2, "smaller": 0.833,
  ]

  /// A font size in points: a number, or a name (`'small'`) relative to matplotlib's
  /// `font.size` of 10 points, whatever the text's own default (a title's is `'large'`).
  func fontSize(_ value: PyValue) throws -> Double {
    if case .str(let name) = value {
      guard let scale = Self.fontScales[name] else {
        throw PyException(
          .valueError,
          "'\(name)' is not a valid font size. Valid font sizes are "
            + Self.fontScales.keys.sorted().joined(separator: ", "))
      }
      return scale * 10
    }
    let size = try number(value, "fontsize")
    guard size > 0, size.isFinite else {
      throw PyException(.valueError, "fontsize must be a positive number")
    }
    return size
  }

  func string(_ value: PyValue, _ what: String) throws -> String {
    guard case .str(let s) = value else {
      throw PyException(.typeError, "\(what) must be a string, not \(typeName(value))")
    }
    return s
  }

  /// Any value as text, as `str()` prints it (labels and titles accept numbers too).
  func text(_ value: PyValue) throws -> String { try interpreter.str(value) }

  func bool(_ value: PyValue) throws -> Bool { try interpreter.isTrue(value) }

  func int(_ value: PyValue, _ what: String) throws -> Int {
    switch value {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    default:
      let d = try number(value, what)
      guard d == d.rounded() else {
        throw PyException(.typeError, "\(what) must be an integer, not float")
      }
      return Int(d)
    }
  }

  /// A matplotlib colour: a name, `"C1"`, `"#rrggbb"`, a grey level string, or an RGB(A) tuple.
  func color(_ value: PyValue) throws -> Color {
    if case .str(let spec) = value {
      guard let color = Color(spec) else {
        throw PyException(.valueError, "'\(spec)' is not a valid color value.")
      }
      return color
    }
    let parts = try numbers(value, "color")
    guard parts.count == 3 || parts.count == 4, parts.allSatisfy({ (0...1).contains($0) }) else {
      throw PyException(.valueError, "Invalid RGBA argument: \(try interpreter.repr(value))")
    }
    return Color(
      red: parts[0], green: parts[1], blue: parts[2], alpha: parts.count == 4 ? parts[3] : 1)
  }

  /// One colour or a list of colours (`color=["r", "g"]`).
  func colors(_ value: PyValue) throws -> [Color] {
    switch value {
    case .str: return [try color(value)]
    case .tuple(let items) where items.count == 3 || items.count == 4:
      if items.allSatisfy({ numericValue($0) != nil }) { return [try color(value)] }
      return try items.map(color)
    default: return try interpreter.items(of: value).map(color)
    }
  }

  func colormap(_ value: PyValue) throws -> Colormap {
    if case .native(let object) = value, let map = object as? ColormapObject { return map.colormap }
    let name = try string(value, "cmap")
    guard let map = ExtraColormaps.named(name) else {
      throw PyException(
        .valueError,
        "'\(name)' is not a valid value for cmap; supported values are "
          + ExtraColormaps.names.filter { !$0.hasSuffix("_r") }.map { "'\($0)'" }.joined(
            separator: ", "))
    }
    return map
  }

  func lineStyle(_ value: PyValue) throws -> LineStyle {
    let name = try string(value, "linestyle")
    guard let style = LineStyle(name: name) else {
      throw PyException(.valueError, "'\(name)' is not a valid value for ls")
    }
    return style
  }

  func marker(_ value: PyValue) throws -> Marker {
    let name = try string(value, "marker")
    guard let marker = Marker(rawValue: name) else {
      throw PyException(.valueError, "Unrecognized marker style '\(name)'")
    }
    return marker
  }

  func formatString(_ value: String) throws -> String {
    guard FormatString(value) != nil else {
      throw PyException(.valueError, "'\(value)' is not a valid format string")
    }
    return value
  }

  func typeName(_ value: PyValue) -> String {
    switch value {
    case .none: return "NoneType"
    case .bool: return "bool"
    case .int: return "int"
    case .float: return "float"
    case .str: return "str"
    case .list: return "list"
    case .tuple: return "tuple"
    case .dict: return "dict"
    case .set: return "set"
    case .range: return "range"
    case .native(let o): return o.typeName
    case .instance(let i): return i.cls.name
    default: return "object"
    }
  }
}
