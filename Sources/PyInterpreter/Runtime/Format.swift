import Foundation

/// Python's `repr(float)`: the shortest string that round-trips, in CPython's layout.
func formatFloatRepr(_ d: Double) -> String {
  if d.isNaN { return "nan" }
  if d.isInfinite { return d < 0 ? "-inf" : "inf" }
  if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
  let (digits, exponent) = shortestDigits(abs(d))
  let sign = d < 0 ? "-" : ""
  if exponent >= -4 && exponent < 16 {
    return sign + fixedLayout(digits, exponent, minFraction: 1)
  }
  return sign + scientificLayout(digits, exponent)
}

/// The shortest round-trip decimal digits of a positive finite value and its decimal exponent
/// (value = 0.d1d2... x 10^(exponent+1), i.e. d1 is at 10^exponent).
func shortestDigits(_ d: Double) -> ([UInt8], Int) {
  let text = d.description
  var mantissa = Substring(text)
  var exp = 0
  if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
    mantissa = text[..<e]
    exp = Int(text[text.index(after: e)...]) ?? 0
  }
  var intPart = mantissa
  var fracPart: Substring = ""
  if let dot = mantissa.firstIndex(of: ".") {
    intPart = mantissa[..<dot]
    fracPart = mantissa[mantissa.index(after: dot)...]
  }
  var all = Array((intPart + fracPart).utf8).map { $0 - 48 }
  var pointPos = intPart.count
  while all.first == 0 && all.count > 1 {
    all.removeFirst()
    pointPos -= 1
  }
  while all.last == 0 && all.count > 1 { all.removeLast() }
  return (all, exp + pointPos - 1)
}

private func fixedLayout(_ digits: [UInt8], _ exponent: Int, minFraction: Int) -> String {
  let s = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
  if exponent < 0 {
    return "0." + String(repeating: "0", count: -exponent - 1) + s
  }
  let intCount = exponent + 1
  if digits.count <= intCount {
    return s + String(repeating: "0", count: intCount - digits.count)
      + (minFraction > 0 ? "." + String(repeating: "0", count: minFraction) : "")
  }
  let chars = Array(s)
  return String(chars[0..<intCount]) + "." + String(chars[intCount...])
}

private func scientificLayout(_ digits: [UInt8], _ exponent: Int) -> String {
  let s = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
  let head = String(s.prefix(1))
  let tail = String(s.dropFirst())
  let e = abs(exponent)
  return head + (tail.isEmpty ? "" : "." + tail) + "e" + (exponent < 0 ? "-" : "+")
    + (e < 10 ? "0" : "") + String(e)
}

/// Python's `repr(str)`: single quotes unless the text contains one and no double quote.
func reprString(_ s: String) -> String {
  let useDouble = s.contains("'") && !s.contains("\"")
  let q: Character = useDouble ? "\"" : "'"
  var out = String(q)
  for u in s.unicodeScalars {
    switch u {
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    case "'" where !useDouble: out += "\\'"
    default:
      if u.value < 0x20 || u.value == 0x7F {
        out += "\\x" + hexDigits(Int(u.value), 2)
      } else if (0x80..<0xA0).contains(u.value) {
        out += "\\x" + hexDigits(Int(u.value), 2)
      } else {
        out.unicodeScalars.append(u)
      }
    }
  }
  out.append(q)
  return out
}

/// A parsed format specification: `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`.
struct FormatSpec {
  var fill: Character = " "
  var align: Character?
  var sign: Character = "-"
  var alternate = false
  var zeroPad = false
  var width = 0
  var grouping: Character?
  var precision: Int?
  var type: Character?

  init(_ spec: String) throws {
    var chars = Array(spec)
    var i = 0
    if chars.count >= 2 && "<>=^".contains(chars[1]) {
      fill = chars[0]
      align = chars[1]
      i = 2
    } else if !chars.isEmpty && "<>=^".contains(chars[0]) {
      align = chars[0]
      i = 1
    }
    if i < chars.count && "+- ".contains(chars[i]) {
      sign = chars[i]
      i += 1
    }
    if i < chars.count && chars[i] == "z" { i += 1 }
    if i < chars.count && chars[i] == "#" {
      alternate = true
      i += 1
    }
    if i < chars.count && chars[i] == "0" {
      zeroPad = true
      i += 1
    }
    var w = ""
    while i < chars.count && chars[i].isASCII && chars[i].isNumber {
      w.append(chars[i])
      i += 1
    }
    width = try FormatSpec.number(w) ?? 0
    if i < chars.count && (chars[i] == "," || chars[i] == "_") {
      grouping = chars[i]
      i += 1
    }
    if i < chars.count && chars[i] == "." {
      i += 1
      var p = ""
      while i < chars.count && chars[i].isASCII && chars[i].isNumber {
        p.append(chars[i])
        i += 1
      }
      guard !p.isEmpty else { throw PyException(.valueError, "Format specifier missing precision") }
      precision = try FormatSpec.number(p)
    }
    if i < chars.count {
      type = chars[i]
      i += 1
    }
    if i < chars.count {
      chars = Array(spec)
      throw PyException(.valueError, "Invalid format specifier '\(spec)'")
    }
  }

  /// A width or precision; nil for none. Past `Int.max` it is CPython's ValueError.
  static func number(_ digits: String) throws -> Int? {
    if digits.isEmpty { return nil }
    guard let n = Int(digits) else {
      throw PyException(.valueError, "Too many decimal digits in format string")
    }
    return n
  }

  /// Pads `body` (with its sign already split off) to the width.
  func pad(_ body: String, sign signText: String = "", defaultAlign: Character = "<") -> String {
    let total = signText.count + body.count
    guard width > total else { return signText + body }
    let n = width - total
    let a = align ?? (zeroPad ? "=" : defaultAlign)
    let f: Character = (align == nil && zeroPad) ? "0" : fill
    switch a {
    case ">": return String(repeating: f, count: n) + signText + body
    case "^":
      let left = n / 2
      return String(repeating: f, count: left) + signText + body
        + String(repeating: f, count: n - left)
    case "=": return signText + String(repeating: f, count: n) + body
    default: return signText + body + String(repeating: f, count: n)
    }
  }
}

/// Inserts a thousands separator into the integer digits of `s`.
func grouped(_ s: String, _ separator: Character, every n: Int = 3) -> String {
  var intPart = Substring(s)
  var rest: Substring = ""
  if let dot = s.firstIndex(where: { $0 == "." || $0 == "e" || $0 == "E" || $0 == "%" }) {
    intPart = s[..<dot]
    rest = s[dot...]
  }
  var out: [Character] = []
  for (i, c) in intPart.reversed().enumerated() {
    if i > 0 && i % n == 0 { out.append(separator) }
    out.append(c)
  }
  return String(out.reversed()) + rest
}

/// C-style formatting of a double with a precision, as CPython's float formatting does.
func cFormat(_ value: Double, _ conversion: Character, _ precision: Int) -> String {
  String(format: "%.\(precision)\(conversion)", value)
}

extension Runtime {
  /// `format(value, spec)`, the engine of f-strings, `str.format` and `%`.
  func format(_ value: PyValue, _ specText: String) throws -> String {
    switch value {
    case .instance(let i):
      if let m = i.cls.lookup("__format__") {
        guard case .str(let s) = try call(m, [value, .str(specText)]) else {
          throw PyException(.typeError, "__format__ must return a str")
        }
        return s
      }
      if specText.isEmpty { return try str(value) }
      throw PyException(
        .typeError, "unsupported format string passed to \(i.cls.name).__format__")
    case .native(let n):
      if specText.isEmpty { return try n.str() }
      if case .builtin(let b)? = try n.getAttribute("__format__") {
        if case .str(let s) = try b.body([.str(specText)], []) { return s }
      }
      throw PyException(.typeError, "unsupported format string passed to \(n.typeName).__format__")
    default: break
    }
    if specText.isEmpty { return try str(value) }
    let spec = try FormatSpec(specText)
    // The result is at least `width` characters, and a fixed-point float `precision` digits.
    try reserve(count: spec.width, stride: spec.fill.utf8.count)
    if let p = spec.precision, case .float = value, p > Int(Int32.max) {
      throw PyException(.valueError, "precision too big")
    }
    if let p = spec.precision, let t = spec.type, "fFeE%".contains(t) { try reserve(bytes: p) }
    switch value {
    case .bool(let b) where spec.type == nil || spec.type == "s":
      return spec.pad(b ? "True" : "False")
    case .int(let i):
      return try formatInt(i, spec)
    case .bool(let b):
      return try formatInt(b ? 1 : 0, spec)
    case .float(let d):
      return try formatFloat(d, spec)
    case .str(let s):
      if let t = spec.type, t != "s" {
        throw PyException(
          .valueError, "Unknown format code '\(t)' for object of type 'str'")
      }
      var text = s
      if let p = spec.precision { text = String(text.prefix(p)) }
      return spec.pad(text)
    default:
      if spec.type != nil || spec.precision != nil {
        throw PyException(
          .typeError, "unsupported format string passed to \(typeName(value)).__format__")
      }
      return spec.pad(try str(value))
    }
  }

  private func formatInt(_ i: Int, _ spec: FormatSpec) throws -> String {
    let t = spec.type ?? "d"
    if "eEfFgG%n".contains(t) && t != "n" { return try formatFloat(Double(i), spec) }
    if spec.precision != nil {
      throw PyException(.valueError, "Precision not allowed in integer format specifier")
    }
    let magnitude = i.magnitude
    var body: String
    var prefix = ""
    switch t {
    case "d", "n": body = String(magnitude)
    case "x":
      body = String(magnitude, radix: 16)
      prefix = spec.alternate ? "0x" : ""
    case "X":
      body = String(magnitude, radix: 16).uppercased()
      prefix = spec.alternate ? "0X" : ""
    case "o":
      body = String(magnitude, radix: 8)
      prefix = spec.alternate ? "0o" : ""
    case "b":
      body = String(magnitude, radix: 2)
      prefix = spec.alternate ? "0b" : ""
    case "c":
      guard let u = Unicode.Scalar(UInt32(clamping: i)) else {
        throw PyException(.overflowError, "%c arg not in range(0x110000)")
      }
      return spec.pad(String(u))
    default:
      throw PyException(.valueError, "Unknown format code '\(t)' for object of type 'int'")
    }
    if let g = spec.grouping { body = grouped(body, g, every: "xXob".contains(t) ? 4 : 3) }
    let signText = i < 0 ? "-" : (spec.sign == "+" ? "+" : spec.sign == " " ? " " : "")
    if spec.zeroPad && spec.align == nil, let g = spec.grouping, spec.width > 0 {
      // Zero padding with grouping pads the digits themselves, separators included.
      var digits = body.filter { $0 != g }
      let want = spec.width - signText.count - prefix.count
      while grouped(digits, g, every: "xXob".contains(t) ? 4 : 3).count < want {
        digits = "0" + digits
      }
      body = grouped(digits, g, every: "xXob".contains(t) ? 4 : 3)
    }
    return spec.pad(body, sign: signText + prefix, defaultAlign: ">")
  }

  private func formatFloat(_ d: Double, _ spec: FormatSpec) throws -> String {
    var t = spec.type
    var body: String
    let magnitude = abs(d)
    if magnitude.isNaN || magnitude.isInfinite {
      body = magnitude.isNaN ? "nan" : "inf"
      if let tt = t, "EFG".contains(tt) { body = body.uppercased() }
      if t == "%" { body += "%" }
    } else {
      switch t {
      case nil:
        if let p = spec.precision {
          body = formatGeneral(magnitude, max(p, 1), alternate: spec.alternate, noType: true)
        } else {
          body = formatFloatRepr(magnitude)
        }
      case "f", "F": body = cFormat(magnitude, "f", spec.precision ?? 6)
      case "e", "E":
        body = cFormat(magnitude, "e", spec.precision ?? 6)
        if t == "E" { body = body.uppercased() }
      case "g", "G", "n":
        body = formatGeneral(
          magnitude, spec.precision ?? 6, alternate: spec.alternate, noType: false)
        if t == "G" { body = body.uppercased() }
      case "%":
        body = cFormat(magnitude * 100, "f", spec.precision ?? 6) + "%"
      default:
        throw PyException(
          .valueError, "Unknown format code '\(t!)' for object of type 'float'")
      }
      t = nil
    }
    if spec.alternate && !body.contains(".") && spec.type == "f" { body += "." }
    if let g = spec.grouping { body = grouped(body, g) }
    let negative = d.sign == .minus && !d.isNaN
    let signText = negative ? "-" : (spec.sign == "+" ? "+" : spec.sign == " " ? " " : "")
    return spec.pad(body, sign: signText, defaultAlign: ">")
  }

  /// The `g` presentation (and the no-type one with a precision), following CPython's rules.
  func formatGeneral(_ d: Double, _ precision: Int, alternate: Bool, noType: Bool) -> String {
    let p = max(precision, 1)
    if d == 0 {
      return noType ? "0.0" : (alternate ? "0." + String(repeating: "0", count: p - 1) : "0")
    }
    let sci = cFormat(d, "e", p - 1)
    let expPart = sci[sci.index(after: sci.firstIndex(of: "e")!)...]
    let exp = Int(expPart) ?? 0
    var out: String
    // Without a type, CPython switches to exponent notation one digit earlier.
    if exp >= -4 && exp < (noType ? p - 1 : p) {
      out = cFormat(d, "f", p - 1 - exp)
      if !alternate && out.contains(".") {
        while out.hasSuffix("0") { out.removeLast() }
        if out.hasSuffix(".") { out.removeLast() }
      }
      if noType && !out.contains(".") { out += ".0" }
    } else {
      var mant = String(sci[..<sci.firstIndex(of: "e")!])
      if !alternate && mant.contains(".") {
        while mant.hasSuffix("0") { mant.removeLast() }
        if mant.hasSuffix(".") { mant.removeLast() }
      }
      let e = abs(exp)
      out = mant + "e" + (exp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
    }
    return out
  }

  /// `text % values`.
  func percentFormat(_ text: String, _ values: PyValue) throws -> String {
    var args: [PyValue]
    var mapping: PyDict?
    switch values {
    case .tuple(let t): args = t
    case .dict(let d):
      mapping = d
      args = [values]
    default: args = [values]
    }
    var argIndex = 0
    func nextArg() throws -> PyValue {
      guard argIndex < args.count else {
        throw PyException(.typeError, "not enough arguments for format string")
      }
      defer { argIndex += 1 }
      return args[argIndex]
    }
    let chars = Array(text)
    var out = ""
    var i = 0
    while i < chars.count {
      let c = chars[i]
      guard c == "%" else {
        out.append(c)
        i += 1
        continue
      }
      i += 1
      guard i < chars.count else { throw PyException(.valueError, "incomplete format") }
      if chars[i] == "%" {
        out.append("%")
        i += 1
        continue
      }
      var key: String?
      if chars[i] == "(" {
        var depth = 1
        var k = ""
        i += 1
        while i < chars.count {
          if chars[i] == "(" { depth += 1 }
          if chars[i] == ")" {
            depth -= 1
            if depth == 0 { break }
          }
          k.append(chars[i])
          i += 1
        }
        i += 1
        key = k
      }
      var flags = ""
      while i < chars.count && "-+ #0".contains(chars[i]) {
        flags.append(chars[i])
        i += 1
      }
      var width = ""
      if i < chars.count && chars[i] == "*" {
        guard case .int(let w) = try nextArg() else {
          throw PyException(.typeError, "* wants int")
        }
        // A negative `*` width left-aligns, as CPython's does.
        if w < 0 { flags.append("-") }
        width = String(w.magnitude)
        i += 1
      }
      while i < chars.count && chars[i].isASCII && chars[i].isNumber {
        width.append(chars[i])
        i += 1
      }
      if !width.isEmpty && Int(width) == nil {
        throw PyException(.valueError, "width too big")
      }
      var precision: String?
      if i < chars.count && chars[i] == "." {
        i += 1
        var p = ""
        if i < chars.count && chars[i] == "*" {
          guard case .int(let w) = try nextArg() else {
            throw PyException(.typeError, "* wants int")
          }
          p = String(Swift.max(w, 0))
          i += 1
        }
        while i < chars.count && chars[i].isASCII && chars[i].isNumber {
          p.append(chars[i])
          i += 1
        }
        guard p.isEmpty || Int(p).map({ $0 <= Int(Int32.max) }) == true else {
          throw PyException(.valueError, "precision too big")
        }
        precision = p.isEmpty ? "0" : p
      }
      while i < chars.count && "hlL".contains(chars[i]) { i += 1 }
      guard i < chars.count else { throw PyException(.valueError, "incomplete format") }
      let conv = chars[i]
      i += 1
      let value: PyValue
      if let key {
        guard let m = mapping else { throw PyException(.typeError, "format requires a mapping") }
        guard let v = try m.get(.str(key)) else { throw PyException.keyError(.str(key)) }
        value = v
      } else {
        value = try nextArg()
      }
      var spec = ""
      if flags.contains("-") {
        spec += "<"
      } else if !"sr".contains(conv) || true {
        spec += flags.contains("-") ? "" : ""
      }
      if flags.contains("+") { spec += "+" } else if flags.contains(" ") { spec += " " }
      if flags.contains("#") { spec += "#" }
      if flags.contains("0") && !flags.contains("-") { spec += "0" }
      spec += width
      switch conv {
      case "s", "r", "a":
        var s = conv == "s" ? try str(value) : try repr(value)
        if conv == "a" { s = asciiEscaped(s) }
        if let p = precision, let n = Int(p) { s = String(s.prefix(n)) }
        let w = Int(width) ?? 0
        if s.count < w {
          try reserve(bytes: w)
          s =
            flags.contains("-")
            ? s + String(repeating: " ", count: w - s.count)
            : String(repeating: " ", count: w - s.count) + s
        }
        out += s
      case "d", "i", "u":
        let n: Int
        switch try numberFromNative(value) ?? value {
        case .int(let x): n = x
        case .bool(let b): n = b ? 1 : 0
        case .float(let d):
          guard d.isFinite else {
            throw PyException(.overflowError, "cannot convert float infinity to integer")
          }
          n = try toInt(.float(d))
        default:
          throw PyException(
            .typeError, "%\(conv) format: a real number is required, not \(typeName(value))")
        }
        out += try format(.int(n), spec + "d")
      case "f", "F", "e", "E", "g", "G":
        guard let d = try numericValue(numberFromNative(value) ?? value) else {
          throw PyException(
            .typeError, "must be real number, not \(typeName(value))")
        }
        out += try format(.float(d), spec + "." + (precision ?? "6") + String(conv))
      case "x", "X", "o", "c":
        guard let n = try asInt(numberFromNative(value) ?? value) else {
          throw PyException(
            .typeError, "%\(conv) format: an integer is required, not \(typeName(value))")
        }
        var s = try format(.int(n), spec + String(conv))
        if flags.contains("#") && conv == "o" { s = s.replacingOccurrences(of: "0o", with: "0o") }
        out += s
      default:
        throw PyException(
          .valueError,
          "unsupported format character '\(conv)' "
            + "(0x\(String(conv.unicodeScalars.first!.value, radix: 16))) at index \(i - 1)"
        )
      }
    }
    if mapping == nil && argIndex < args.count {
      throw PyException(.typeError, "not all arguments converted during string formatting")
    }
    return out
  }

  /// `str.format(*args, **kwargs)`.
  func strFormat(_ text: String, _ args: [PyValue], _ kwargs: KeywordArguments) throws -> String {
    var autoIndex = 0
    return try strFormat(text, args, kwargs, &autoIndex)
  }

  /// Nested fields in a spec (`{:{}}`) continue the automatic numbering of the outer text.
  private func strFormat(
    _ text: String, _ args: [PyValue], _ kwargs: KeywordArguments, _ autoIndex: inout Int
  ) throws -> String {
    let chars = Array(text)
    var out = ""
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c == "}" {
        if i + 1 < chars.count && chars[i + 1] == "}" {
          out.append("}")
          i += 2
          continue
        }
        throw PyException(.valueError, "Single '}' encountered in format string")
      }
      guard c == "{" else {
        out.append(c)
        i += 1
        continue
      }
      if i + 1 < chars.count && chars[i + 1] == "{" {
        out.append("{")
        i += 2
        continue
      }
      i += 1
      var depth = 1
      var field = ""
      while i < chars.count {
        if chars[i] == "{" { depth += 1 }
        if chars[i] == "}" {
          depth -= 1
          if depth == 0 { break }
        }
        field.append(chars[i])
        i += 1
      }
      guard i < chars.count else {
        throw PyException(.valueError, "expected '}' before end of string")
      }
      i += 1
      var name = field
      var conversion: Character?
      var spec = ""
      if let colon = firstTopLevel(field, ":") {
        name = String(field[..<colon])
        spec = String(field[field.index(after: colon)...])
      }
      if let bang = name.firstIndex(of: "!") {
        conversion = name[name.index(after: bang)...].first
        name = String(name[..<bang])
      }
      var head = ""
      var rest = Substring(name)
      while let ch = rest.first, ch != "." && ch != "[" {
        head.append(ch)
        rest.removeFirst()
      }
      var value: PyValue
      if head.isEmpty {
        guard autoIndex < args.count else {
          throw PyException(
            .indexError,
            "Replacement index \(autoIndex) out of range for positional args tuple")
        }
        value = args[autoIndex]
        autoIndex += 1
      } else if let n = Int(head) {
        guard n < args.count else {
          throw PyException(
            .indexError, "Replacement index \(n) out of range for positional args tuple")
        }
        value = args[n]
      } else {
        guard let v = kwargs.first(where: { $0.0 == head })?.1 else {
          throw PyException.keyError(.str(head))
        }
        value = v
      }
      if spec.contains("{") { spec = try strFormat(spec, args, kwargs, &autoIndex) }
      while let ch = rest.first {
        rest.removeFirst()
        if ch == "." {
          var attr = ""
          while let a = rest.first, a != "." && a != "[" {
            attr.append(a)
            rest.removeFirst()
          }
          value = try getAttribute(value, attr)
        } else {
          var key = ""
          while let a = rest.first, a != "]" {
            key.append(a)
            rest.removeFirst()
          }
          rest = rest.dropFirst()
          value = try getItem(value, Int(key).map { .int($0) } ?? .str(key))
        }
      }
      switch conversion {
      case "r": value = .str(try repr(value))
      case "s": value = .str(try str(value))
      case "a": value = .str(asciiEscaped(try repr(value)))
      default: break
      }
      out += try format(value, spec)
    }
    return out
  }

  private func firstTopLevel(_ s: String, _ c: Character) -> String.Index? {
    var depth = 0
    var idx = s.startIndex
    while idx < s.endIndex {
      let ch = s[idx]
      if ch == "[" { depth += 1 }
      if ch == "]" { depth -= 1 }
      if ch == c && depth == 0 { return idx }
      idx = s.index(after: idx)
    }
    return nil
  }
}

extension Runtime {
  /// The Python int or float a native number (a NumPy scalar, a 0-d tensor) stands for, through
  /// its `__index__` or `__float__`, as CPython's `%` formatting uses them; nil for other values.
  func numberFromNative(_ value: PyValue) throws -> PyValue? {
    guard case .native = value else { return nil }
    for name in ["__index__", "__float__"] {
      if let method = try? getAttribute(value, name) {
        let number = try call(method, [], [])
        switch number {
        case .int, .float: return number
        default: continue
        }
      }
    }
    return nil
  }
}
