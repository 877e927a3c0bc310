import Foundation

/// The declared signature of a native function or method: its parameters as the real library
/// names them (CPython, NumPy, PyTorch, matplotlib), which of them the engine implements, and
/// how the library words a call that does not fit.
///
/// Signatures are written in Python's own notation, one per line of a `SignatureTable`:
///
///     diag(v, k=0)
///     [numpy] zeros(shape, dtype=None, order='C', *, ~device=None, ~like=None)
///     sum(a, axis=None, dtype=None, ~out=None, keepdims=<no value>, ~initial=<no value>)
///
/// A parameter marked `~` exists in the real library but not in the engine: a call that passes
/// it with anything but its default stops with `NotImplementedError: numpy.sum(out=...) is not
/// supported in journal cells`. `<no value>` is NumPy's `np._NoValue`: any value passed counts
/// as not the default. A leading `[style]` names the argument parser whose messages the binding
/// errors copy (`CallStyle`); a trailing `as name` is the name those messages use when it is not
/// the function's (`ndarray.sum` reports itself as `_sum()`).
public final class Signature: Sendable {
  /// The module or type the function lives in, as users write it: `numpy`, `numpy.ndarray`.
  public let owner: String
  public let name: String
  public let parameters: [Parameter]
  public let style: CallStyle
  /// The name binding errors print: `diag`, `Linear.__init__`, `math.sqrt`.
  public let errorName: String
  /// True for methods whose real signature starts with `self`, which CPython counts in
  /// "takes N positional arguments".
  public let hasSelf: Bool
  /// The signature as declared, for the reference documentation.
  public let text: String
  /// True for a function its table does not declare: every call is refused.
  public let isUndeclared: Bool

  /// Parameters that can be given by position (positional-only and positional-or-keyword).
  let positionalCount: Int
  let varPositional: Int?
  let varKeyword: Int?
  /// Bit i: parameter i has no default.
  let requiredMask: UInt64
  /// Bit i: parameter i is declared but not implemented.
  let unsupportedMask: UInt64

  public var qualifiedName: String { owner.isEmpty ? name : owner + "." + name }

  /// One line of a table; `owner` is the table's.
  public init(_ line: String, owner: String, style defaultStyle: CallStyle, hasSelf: Bool = false)
    throws(SignatureError)
  {
    var text = Substring(line.trimmingCharacters(in: .whitespaces))
    var style = defaultStyle
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]"),
        let s = CallStyle(rawValue: String(text[text.index(after: text.startIndex)..<close]))
      else { throw SignatureError(line, "unknown call style") }
      style = s
      text = text[text.index(after: close)...].drop(while: { $0 == " " })
    }
    guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close
    else { throw SignatureError(line, "a signature is name(parameters)") }
    let name = String(text[..<open])
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." })
    else { throw SignatureError(line, "bad function name '\(name)'") }
    let tail = text[text.index(after: close)...].trimmingCharacters(in: .whitespaces)
    var errorName = name
    if tail.hasPrefix("as ") {
      errorName = String(tail.dropFirst(3)).trimmingCharacters(in: .whitespaces)
    } else if !tail.isEmpty {
      throw SignatureError(line, "unexpected text after the parameters")
    }
    let parameters = try Parameter.parseList(
      text[text.index(after: open)..<close], line: line)
    guard parameters.count <= 62 else { throw SignatureError(line, "more than 62 parameters") }
    var positional = 0
    var varPositional: Int?
    var varKeyword: Int?
    var required: UInt64 = 0
    var unsupported: UInt64 = 0
    for (i, p) in parameters.enumerated() {
      switch p.kind {
      case .positionalOnly, .positionalOrKeyword: positional = i + 1
      case .varPositional: varPositional = i
      case .varKeyword: varKeyword = i
      case .keywordOnly: break
      }
      if p.defaultValue == nil && p.kind != .varPositional && p.kind != .varKeyword {
        required |= 1 << UInt64(i)
      }
      if !p.isSupported { unsupported |= 1 << UInt64(i) }
    }
    self.owner = owner
    self.name = name
    self.parameters = parameters
    self.style = style
    self.errorName = errorName
    self.hasSelf = hasSelf
    self.text = String(text)
    self.isUndeclared = false
    self.positionalCount = positional
    self.varPositional = varPositional
    self.varKeyword = varKeyword
    self.requiredMask = required
    self.unsupportedMask = unsupported
  }

  private init(undeclared name: String, owner: String) {
    self.owner = owner
    self.name = name
    self.parameters = []
    self.style = .python
    self.errorName = name
    self.hasSelf = false
    self.text = name + "(...)"
    self.isUndeclared = true
    self.positionalCount = 0
    self.varPositional = nil
    self.varKeyword = nil
    self.requiredMask = 0
    self.unsupportedMask = 0
  }

  /// The index of the parameter `name`, if declared.
  @inline(__always)
  func index(of name: String) -> Int? {
    for i in parameters.indices where parameters[i].name == name { return i }
    return nil
  }

  /// The refusal of an argument the engine does not implement.
  func unsupported(_ parameter: String) -> PyException {
    PyException(
      .notImplementedError, "\(qualifiedName)(\(parameter)=...) is not supported in journal cells")
  }
}

/// A signature line that does not parse: a defect of the table, reported by its test.
public struct SignatureError: Error, CustomStringConvertible {
  public let line: String
  public let message: String
  init(_ line: String, _ message: String) {
    self.line = line
    self.message = message
  }
  public var description: String { "\(message): \(line)" }
}

extension Signature {
  /// One parameter, as `inspect.Parameter` describes it.
  public struct Parameter: Sendable, Equatable {
    public enum Kind: String, Sendable {
      case positionalOnly = "POSITIONAL_ONLY"
      case positionalOrKeyword = "POSITIONAL_OR_KEYWORD"
      case varPositional = "VAR_POSITIONAL"
      case keywordOnly = "KEYWORD_ONLY"
      case varKeyword = "VAR_KEYWORD"
    }

    public let name: String
    public let kind: Kind
    /// nil when the parameter is required.
    public let defaultValue: DefaultValue?
    /// False when the real library has the parameter and the engine only accepts its default.
    public let isSupported: Bool

    /// Splits `a, /, b=1, *, ~c=None, **kw` into parameters.
    static func parseList(_ text: Substring, line: String) throws(SignatureError) -> [Parameter] {
      var parts: [Substring] = []
      var depth = 0
      var quote: Character?
      var start = text.startIndex
      for i in text.indices {
        let c = text[i]
        if let q = quote {
          if c == q { quote = nil }
          continue
        }
        switch c {
        case "'", "\"": quote = c
        case "(", "[", "{", "<": depth += 1
        case ")", "]", "}", ">": depth -= 1
        case "," where depth == 0:
          parts.append(text[start..<i])
          start = text.index(after: i)
        default: break
        }
      }
      parts.append(text[start...])
      var result: [Parameter] = []
      var keywordOnly = false
      for raw in parts {
        let part = raw.trimmingCharacters(in: .whitespaces)
        if part.isEmpty {
          if parts.count == 1 { break }
          throw SignatureError(line, "empty parameter")
        }
        if part == "/" {
          guard !keywordOnly, !result.isEmpty else { throw SignatureError(line, "misplaced /") }
          result = result.map {
            Parameter(
              name: $0.name, kind: .positionalOnly, defaultValue: $0.defaultValue,
              isSupported: $0.isSupported)
          }
          continue
        }
        if part == "*" {
          keywordOnly = true
          continue
        }
        var body = Substring(part)
        var supported = true
        if body.hasPrefix("~") {
          supported = false
          body = body.dropFirst()
        }
        var kind: Kind = keywordOnly ? .keywordOnly : .positionalOrKeyword
        if body.hasPrefix("**") {
          kind = .varKeyword
          body = body.dropFirst(2)
        } else if body.hasPrefix("*") {
          kind = .varPositional
          body = body.dropFirst()
          keywordOnly = true
        }
        // `**~kwargs` reads as well as `~**kwargs`.
        if body.hasPrefix("~") && kind != .positionalOrKeyword && kind != .keywordOnly {
          supported = false
          body = body.dropFirst()
        }
        var name = body
        var defaultValue: DefaultValue?
        if let eq = body.firstIndex(of: "=") {
          name = body[..<eq]
          defaultValue = DefaultValue(
            parsing: body[body.index(after: eq)...].trimmingCharacters(in: .whitespaces))
        }
        let n = name.trimmingCharacters(in: .whitespaces)
        guard !n.isEmpty, n.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
          throw SignatureError(line, "bad parameter '\(part)'")
        }
        if !supported && defaultValue == nil && kind != .varKeyword && kind != .varPositional {
          throw SignatureError(line, "an unsupported parameter needs its default: '\(part)'")
        }
        if result.contains(where: { $0.name == n }) {
          throw SignatureError(line, "duplicate parameter '\(n)'")
        }
        result.append(
          Parameter(name: n, kind: kind, defaultValue: defaultValue, isSupported: supported))
      }
      return result
    }
  }
}

/// A parameter's default, as `inspect.signature` prints it.
public enum DefaultValue: Sendable, Equatable, CustomStringConvertible {
  case none
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  /// `np._NoValue`: whatever is passed differs from it.
  case noValue
  case tuple([DefaultValue])
  /// Any other default (`<class 'float'>`, `torch.strided`), kept as printed.
  case other(String)

  init(parsing text: String) {
    switch text {
    case "None": self = .none
    case "True": self = .bool(true)
    case "False": self = .bool(false)
    case "<no value>": self = .noValue
    default:
      if let i = Int(text) {
        self = .int(i)
      } else if let d = Double(text), text.contains(where: { $0 == "." || $0 == "e" }) {
        self = .float(d)
      } else if text.count >= 2, let q = text.first, q == "'" || q == "\"", text.last == q {
        self = .string(String(text.dropFirst().dropLast()))
      } else if text.hasPrefix("("), text.hasSuffix(")") {
        let inner = text.dropFirst().dropLast()
        let items = inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
          .filter { !$0.isEmpty }
        self = .tuple(items.map { DefaultValue(parsing: $0) })
      } else {
        self = .other(text)
      }
    }
  }

  /// As `inspect.signature` prints it (Python's `repr` of the value).
  public var description: String {
    switch self {
    case .none: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .float(let d): return formatFloatRepr(d)
    case .string(let s): return "'\(s)'"
    case .noValue: return "<no value>"
    case .tuple(let items):
      if items.count == 1 { return "(\(items[0]),)" }
      return "(" + items.map(\.description).joined(separator: ", ") + ")"
    case .other(let s): return s
    }
  }

  /// The default as a Python value (nil for `<no value>` and defaults kept as text).
  var value: PyValue? {
    switch self {
    case .none: return PyValue.none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .float(d)
    case .string(let s): return .str(s)
    case .tuple(let items):
      let values = items.compactMap(\.value)
      return values.count == items.count ? .tuple(values) : nil
    case .noValue, .other: return nil
    }
  }

  /// True when `value` is this default, so passing it changes nothing.
  func matches(_ value: PyValue, _ rt: Runtime?) -> Bool {
    switch (self, value) {
    case (.none, .none): return true
    case (.bool(let b), .bool(let v)): return b == v
    case (.bool(let b), .int(let v)): return (b ? 1 : 0) == v
    case (.int(let i), .int(let v)): return i == v
    case (.int(let i), .bool(let v)): return i == (v ? 1 : 0)
    case (.int(let i), .float(let v)): return Double(i) == v
    case (.float(let d), .float(let v)): return d == v
    case (.float(let d), .int(let v)): return d == Double(v)
    case (.string(let s), .str(let v)): return s == v
    case (.tuple(let items), .tuple(let vs)):
      return items.count == vs.count && zip(items, vs).allSatisfy { $0.matches($1, rt) }
    case (.other(let text), _):
      guard let rt, let r = try? rt.repr(value) else { return false }
      return r == text || r == text.replacingOccurrences(of: "<class '", with: "<class '")
    default: return false
    }
  }
}

/// Whose argument parser a native function imitates: each words its `TypeError`s its own way,
/// and a call that does not fit must fail as the real one does.
public enum CallStyle: String, Sendable {
  /// A function written in Python (`def`): CPython's messages, keyword errors first.
  case python
  /// NumPy's C argument parser (`np.zeros`, `np.array`, array methods).
  case numpy
  /// A NumPy ufunc: inputs are positional-only and counted together.
  case ufunc
  /// Cython's (`numpy.random`'s legacy functions).
  case cython
  /// CPython's Argument Clinic (`round`, `math.log`'s neighbours).
  case clinic
  /// A CPython builtin taking exactly one argument and no keywords (`len`, `math.sqrt`).
  case single
  /// PyTorch's C++ argument parser for a function of one signature (its own wording of a
  /// missing argument: `missing 1 required positional arguments: "input"`).
  case torch
  /// PyTorch's parser for an overloaded name: every misfit is "received an invalid combination
  /// of arguments".
  case torchmulti
  /// PyTorch's parser for a name with one visible signature among hidden ones (`add_`): an
  /// invalid combination, except that with keywords given it names a missing argument.
  case torchone
  /// A method that takes no arguments at all (`METH_NOARGS`).
  case noargs
}

/// The signatures of one module or type, declared as text, one per line.
public struct SignatureTable: Sendable {
  public let owner: String
  public let signatures: [Signature]
  /// Lines that do not parse; the table's test lists them.
  public let errors: [SignatureError]
  private let byName: [String: Signature]

  public init(_ owner: String, style: CallStyle = .python, methods: Bool = false, _ text: String) {
    var signatures: [Signature] = []
    var errors: [SignatureError] = []
    // A signature may go on over several lines until its parentheses close.
    var lines: [String] = []
    var pending = ""
    for line in text.split(separator: "\n") {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if pending.isEmpty && (trimmed.isEmpty || trimmed.hasPrefix("#")) { continue }
      // `as name` on a line of its own belongs to the signature above.
      if pending.isEmpty, trimmed.hasPrefix("as "), let last = lines.popLast() {
        lines.append(last + " " + trimmed)
        continue
      }
      pending += pending.isEmpty || pending.hasSuffix("(") ? trimmed : " " + trimmed
      if pending.filter({ $0 == "(" }).count <= pending.filter({ $0 == ")" }).count {
        lines.append(pending)
        pending = ""
      }
    }
    if !pending.isEmpty { lines.append(pending) }
    for trimmed in lines {
      do {
        signatures.append(try Signature(trimmed, owner: owner, style: style, hasSelf: methods))
      } catch {
        errors.append(error)
      }
    }
    self.owner = owner
    self.signatures = signatures
    self.errors = errors
    var byName: [String: Signature] = [:]
    for s in signatures where byName[s.name] == nil { byName[s.name] = s }
    self.byName = byName
  }

  public subscript(name: String) -> Signature? { byName[name] }

  /// The signature of `name`, or one that refuses every call when the table lacks it (the
  /// registration test reports the gap).
  func signature(_ name: String) -> Signature {
    if let s = byName[name] { return s }
    return Signature.undeclared(owner, name)
  }
}

extension Signature {
  /// A function registered without a declared signature: every call stops, naming it (the
  /// registration test reports the gap).
  static func undeclared(_ owner: String, _ name: String) -> Signature {
    Signature(undeclared: name, owner: owner)
  }
}
