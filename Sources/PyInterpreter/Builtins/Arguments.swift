/// The arguments of one native call, bound to the function's declared `Signature` as Python
/// binds them.
///
/// Binding raises the `TypeError` the real library raises for too many, missing, duplicate or
/// unexpected arguments, and the `NotImplementedError` for a declared-but-unsupported parameter
/// given a value other than its default. The body then reads each parameter by name; `finish`,
/// run after every body by the one place that registers native functions, refuses the call if
/// an argument the caller gave was never read. So no argument is ever ignored silently.
///
/// Functions not yet declared (`signature == nil`) keep the plain positional/keyword view.
public struct Arguments {
  public let function: String
  public let positional: [PyValue]
  public let keywords: KeywordArguments
  public let signature: Signature?
  /// Bit i: parameter i was given. Bit 62: extra positional arguments (`*args`); bit 63: extra
  /// keywords (`**kwargs`).
  private var supplied: UInt64 = 0
  /// The parameters read so far, shared by the copies of these arguments that helpers get.
  private let reads: ArgumentReads?

  private static let restBit: UInt64 = 1 << 62
  private static let extraKeywordsBit: UInt64 = 1 << 63

  public init(_ function: String, _ positional: [PyValue], _ keywords: KeywordArguments) {
    self.function = function
    self.positional = positional
    self.keywords = keywords
    self.signature = nil
    self.reads = nil
  }

  /// Binds a call to `signature`, raising the library's `TypeError` when it does not fit.
  init(
    binding positional: [PyValue], _ keywords: KeywordArguments, to signature: Signature,
    runtime: Runtime? = nil
  ) throws {
    self.function = signature.errorName
    self.positional = positional
    self.keywords = keywords
    self.signature = signature
    let reads = ArgumentReads()
    self.reads = reads
    if signature.isUndeclared {
      throw PyException(
        .notImplementedError,
        "\(signature.qualifiedName)() is not supported in journal cells (no declared signature)")
    }
    supplied = try ArgumentBinder(signature, positional, keywords).bind()
    // Unsupported parameters given their default change nothing: they count as read.
    var unsupported = supplied & signature.unsupportedMask
    while unsupported != 0 {
      let i = unsupported.trailingZeroBitCount
      unsupported &= unsupported - 1
      let p = signature.parameters[i]
      if let d = p.defaultValue, let v = slot(i), d.matches(v, runtime ?? Runtime.current) {
        reads.mask |= 1 << UInt64(i)
      } else {
        throw signature.unsupported(p.name)
      }
    }
    if supplied & Arguments.restBit != 0, let v = signature.varPositional,
      !signature.parameters[v].isSupported
    {
      throw signature.unsupported("*" + signature.parameters[v].name)
    }
    if supplied & Arguments.extraKeywordsBit != 0, let k = signature.varKeyword,
      !signature.parameters[k].isSupported,
      let extra = keywords.first(where: { signature.index(of: $0.0) == nil })
    {
      throw signature.unsupported(extra.0)
    }
  }

  /// The number of positional arguments given.
  public var count: Int { positional.count }

  /// The value bound to parameter `i`, if the caller gave one.
  @inline(__always)
  private func slot(_ i: Int) -> PyValue? {
    guard let signature, supplied & (1 << UInt64(i)) != 0 else { return nil }
    if i < signature.positionalCount && i < positional.count { return positional[i] }
    let name = signature.parameters[i].name
    for (k, v) in keywords where k == name { return v }
    return nil
  }

  /// Reads parameter `i`, marking it used.
  @inline(__always)
  private func take(_ i: Int) -> PyValue? {
    reads?.mask |= 1 << UInt64(i)
    return slot(i)
  }

  private func parameterIndex(_ name: String) -> Int? {
    signature?.index(of: name)
  }

  /// The argument named `name` (given by position or keyword), or nil when the caller left it
  /// at its default.
  public func value(_ name: String) -> PyValue? {
    guard signature != nil else { return keywords.first(where: { $0.0 == name })?.1 }
    guard let i = parameterIndex(name) else { return nil }
    return take(i)
  }

  /// The argument named `name`, or nil when absent or `None`.
  public func optional(_ name: String) -> PyValue? {
    guard let v = value(name) else { return nil }
    if case .none = v { return nil }
    return v
  }

  /// True when the caller gave `name`; does not count as reading it.
  public func has(_ name: String) -> Bool {
    guard signature != nil else {
      return keywords.contains(where: { $0.0 == name })
    }
    guard let i = parameterIndex(name) else { return false }
    return supplied & (1 << UInt64(i)) != 0
  }

  /// The argument at `index`, or passed as `keyword`. Bound calls look the parameter up by
  /// `keyword` when given (its declared position wins over `index`).
  public func value(_ index: Int, _ keyword: String? = nil) -> PyValue? {
    if let signature {
      if let keyword, let i = signature.index(of: keyword) { return take(i) }
      guard keyword == nil, index < signature.parameters.count else { return nil }
      return take(index)
    }
    if index < positional.count { return positional[index] }
    if let keyword, let kv = keywords.first(where: { $0.0 == keyword }) { return kv.1 }
    return nil
  }

  /// The positional argument at `index`; a missing one is a TypeError, never a trap.
  public func at(_ index: Int) throws -> PyValue {
    guard index < positional.count else {
      throw PyException(.typeError, "\(function)() missing required argument (pos \(index + 1))")
    }
    return positional[index]
  }

  public func keyword(_ name: String) -> PyValue? {
    guard signature != nil else { return keywords.first(where: { $0.0 == name })?.1 }
    return value(name)
  }

  public func required(_ index: Int, _ keyword: String) throws -> PyValue {
    guard let v = value(index, keyword) else {
      throw PyException(
        .typeError, "\(function)() missing required argument '\(keyword)' (pos \(index + 1))")
    }
    return v
  }

  /// A parameter the binding guarantees (it has no default).
  public func required(_ name: String) throws -> PyValue {
    guard let v = value(name) else {
      throw PyException(.typeError, "\(function)() missing required argument '\(name)'")
    }
    return v
  }

  /// The positional arguments past the declared ones (`*args`).
  public func rest() -> ArraySlice<PyValue> {
    reads?.mask |= Arguments.restBit
    guard let signature else { return positional[...] }
    return positional[min(signature.positionalCount, positional.count)...]
  }

  /// The keywords that name no declared parameter (`**kwargs`), in call order.
  public func extraKeywords() -> KeywordArguments {
    reads?.mask |= Arguments.extraKeywordsBit
    guard let signature else { return keywords }
    return keywords.filter { signature.index(of: $0.0) == nil }
  }

  /// Refuses the call when the body left an argument unread: the engine would have ignored it.
  public func finish() throws {
    guard let signature else { return }
    let unread = supplied & ~(reads?.mask ?? 0)
    guard unread != 0 else { return }
    if unread & Arguments.restBit != 0, let v = signature.varPositional {
      throw signature.unsupported("*" + signature.parameters[v].name)
    }
    if unread & Arguments.extraKeywordsBit != 0 {
      let extra = keywords.first(where: { signature.index(of: $0.0) == nil })?.0 ?? "**kwargs"
      throw signature.unsupported(extra)
    }
    throw signature.unsupported(signature.parameters[unread.trailingZeroBitCount].name)
  }

  /// Checks the positional count and that every keyword is known.
  public func expect(min: Int, max: Int, keywords allowed: [String] = []) throws {
    if positional.count < min {
      if min == max {
        throw PyException(
          .typeError,
          "\(function)() takes exactly \(min == 1 ? "one argument" : "\(min) arguments") "
            + "(\(positional.count) given)")
      }
      throw PyException(
        .typeError,
        "\(function) expected at least \(min) argument\(min == 1 ? "" : "s"), "
          + "got \(positional.count)"
      )
    }
    if positional.count > max {
      if max == 0 {
        throw PyException(
          .typeError, "\(function)() takes no arguments (\(positional.count) given)")
      }
      throw PyException(
        .typeError,
        "\(function) expected at most \(max) argument\(max == 1 ? "" : "s"), "
          + "got \(positional.count)"
      )
    }
    for (k, _) in keywords where !allowed.contains(k) {
      throw PyException(.typeError, "\(function)() got an unexpected keyword argument '\(k)'")
    }
  }
}

extension Array where Element == PyValue {
  /// A native function's positional argument `index`; a missing one is CPython's TypeError
  /// for an unnamed function, never a trap.
  func at(_ index: Int) throws -> PyValue {
    guard index < count else {
      throw PyException(.typeError, "function missing required argument (pos \(index + 1))")
    }
    return self[index]
  }
}

/// The parameters a call's body has read: a reference, so that the helpers a body hands its
/// arguments to read on the same record.
final class ArgumentReads {
  var mask: UInt64 = 0
}

/// A native function's body: reads its bound arguments and returns the result.
public typealias BoundFunction = (Arguments) throws -> PyValue

extension PyBuiltin {
  /// A native function bound through `signature`; the only way bodies reading `Arguments`
  /// are registered, so that every one of them is checked by `Arguments.finish`.
  convenience init(_ signature: Signature, _ body: @escaping BoundFunction) {
    self.init(signature.name, signature: signature) { args, kwargs in
      let a = try Arguments(binding: args, kwargs, to: signature)
      let result = try body(a)
      try a.finish()
      return result
    }
  }
}

extension PyModule {
  /// Adds the function `name` declared in `table`.
  func define(_ name: String, in table: SignatureTable, _ body: @escaping BoundFunction) {
    let s = table.signature(name)
    self[name] = .builtin(PyBuiltin(s, body))
  }
}

/// Binds positional and keyword arguments to parameters, raising the `TypeError` the
/// signature's `CallStyle` raises.
struct ArgumentBinder {
  let signature: Signature
  let positional: [PyValue]
  let keywords: KeywordArguments

  init(_ signature: Signature, _ positional: [PyValue], _ keywords: KeywordArguments) {
    self.signature = signature
    self.positional = positional
    self.keywords = keywords
  }

  var name: String { signature.errorName }

  /// The bits of the parameters given (bit 62: extra positional, bit 63: extra keywords).
  func bind() throws -> UInt64 {
    let s = signature
    guard s.style == .torchmulti || s.style == .torchone else { return try bindOne() }
    do {
      return try bindOne()
    } catch let e as PyException where e.typeName == "TypeError" {
      // With keywords given, PyTorch's parser names the missing argument instead.
      if s.style == .torchone, !keywords.isEmpty, s.requiredMask != 0,
        (try? missingOnly()) != nil
      {
        throw e
      }
      throw invalidCombination()
    }
  }

  /// Succeeds when the only misfit is a missing required argument.
  private func missingOnly() throws {
    let given = Set(keywords.map(\.0))
    for (i, p) in signature.parameters.enumerated()
    where signature.requiredMask & (1 << UInt64(i)) != 0 {
      if i < positional.count || given.contains(p.name) { continue }
      return
    }
    throw PyException(.typeError, "")
  }

  /// PyTorch's refusal of a call that fits none of an overloaded name's signatures.
  private func invalidCombination() -> PyException {
    // PyTorch names only each argument's type here (`got (Tensor, list)`), never the items, so
    // a list that contains itself needs no care.
    func kind(_ v: PyValue) -> String {
      switch v {
      case .none: return "NoneType"
      case .bool: return "bool"
      case .int: return "int"
      case .float: return "float"
      case .str: return "str"
      case .tuple: return "tuple"
      case .list: return "list"
      case .native(let n): return n.typeName
      default: return Runtime.current?.typeName(v) ?? "object"
      }
    }
    let given = positional.map(kind) + keywords.map { "\($0.0)=\(kind($0.1))" }
    let text = signature.text.drop(while: { $0 != "(" })
    return PyException(
      .typeError,
      "\(name)() received an invalid combination of arguments - got (\(given.joined(separator: ", "))"
        + "\(keywords.isEmpty ? "" : ", ")), but expected one of:\n * \(text)\n")
  }

  private func bindOne() throws -> UInt64 {
    let s = signature
    var supplied: UInt64 = 0
    let byPosition = min(positional.count, s.positionalCount)
    if byPosition > 0 { supplied = byPosition >= 64 ? ~0 : (1 << UInt64(byPosition)) - 1 }
    let tooMany = positional.count > s.positionalCount && s.varPositional == nil
    if positional.count > s.positionalCount, s.varPositional != nil { supplied |= 1 << 62 }
    if s.style == .noargs && !positional.isEmpty {
      throw PyException(.typeError, "\(name)() takes no arguments (\(positional.count) given)")
    }
    if tooMany && s.style != .python { throw tooManyPositional(keywordOnlyGiven: 0) }
    if s.style == .ufunc && positional.count < requiredPositional {
      throw tooManyPositional(keywordOnlyGiven: 0)
    }
    var keywordOnlyGiven = 0
    var positionalOnlyAsKeyword: [String] = []
    var laterError: PyException?
    if !keywords.isEmpty {
      if s.style == .single || s.style == .noargs {
        throw PyException(.typeError, "\(name)() takes no keyword arguments")
      }
      for (k, _) in keywords {
        if let i = s.index(of: k) {
          switch s.parameters[i].kind {
          case .positionalOrKeyword, .keywordOnly:
            let bit: UInt64 = 1 << UInt64(i)
            if supplied & bit != 0 { throw duplicate(k, position: i) }
            supplied |= bit
            if s.parameters[i].kind == .keywordOnly { keywordOnlyGiven += 1 }
            continue
          case .positionalOnly where s.varKeyword == nil:
            guard s.style == .python else { throw unexpectedKeyword(k) }
            positionalOnlyAsKeyword.append(k)
            continue
          default: break
          }
        }
        guard s.varKeyword != nil else {
          // PyTorch's parser reports a missing argument before an unknown keyword.
          if [.torch, .torchmulti, .torchone].contains(s.style) && laterError == nil {
            laterError = unexpectedKeyword(k)
            continue
          }
          throw unexpectedKeyword(k)
        }
        supplied |= 1 << 63
      }
    }
    if !positionalOnlyAsKeyword.isEmpty {
      throw PyException(
        .typeError,
        "\(name)() got some positional-only arguments passed as keyword arguments: "
          + "'\(positionalOnlyAsKeyword.joined(separator: ", "))'")
    }
    if tooMany { throw tooManyPositional(keywordOnlyGiven: keywordOnlyGiven) }
    let missing = s.requiredMask & ~supplied
    if missing != 0 { throw self.missing(missing) }
    if let laterError { throw laterError }
    return supplied
  }

  private var requiredPositional: Int {
    signature.parameters.prefix(signature.positionalCount).filter { $0.defaultValue == nil }.count
  }

  private func tooManyPositional(keywordOnlyGiven: Int) -> PyException {
    let s = signature
    let given = positional.count
    let most = s.positionalCount
    let least = requiredPositional
    switch s.style {
    case .python, .torch, .torchmulti, .torchone, .noargs:
      // PyTorch's parser counts no receiver; CPython's counts `self`.
      let selfCount = s.hasSelf && s.style == .python ? 1 : 0
      let (lo, hi, n) = (least + selfCount, most + selfCount, given + selfCount)
      let takes = lo == hi ? "\(hi)" : "from \(lo) to \(hi)"
      var gave = "\(n)"
      if keywordOnlyGiven > 0 {
        gave +=
          " positional argument\(n == 1 ? "" : "s") (and \(keywordOnlyGiven) keyword-only "
          + "argument\(keywordOnlyGiven == 1 ? "" : "s"))"
      }
      return PyException(
        .typeError,
        "\(name)() takes \(takes) positional argument\(hi == 1 && (lo == hi || s.style == .python) ? "" : "s") but \(gave) "
          + "\(n == 1 && keywordOnlyGiven == 0 ? "was" : "were") given")
    case .numpy, .ufunc:
      if most == least {
        return PyException(
          .typeError, "\(name)() takes \(most) positional arguments but \(given) were given")
      }
      return PyException(
        .typeError,
        "\(name)() takes from \(least) to \(most) positional arguments but \(given) "
          + "\(given == 1 ? "was" : "were") given")
    case .cython:
      return cythonCount(given)
    case .clinic:
      if most == 0 { return PyException(.typeError, "\(name)() takes no arguments") }
      return PyException(
        .typeError,
        "\(name)() takes \(least < most ? "at most" : "exactly") \(most) "
          + "argument\(most == 1 ? "" : "s") (\(given) given)")
    case .single:
      return PyException(.typeError, "\(name)() takes exactly one argument (\(given) given)")
    }
  }

  private func cythonCount(_ given: Int) -> PyException {
    let most = signature.positionalCount
    let least = requiredPositional
    let (expected, word) =
      least == most ? (least, "exactly") : given < least ? (least, "at least") : (most, "at most")
    return PyException(
      .typeError,
      "\(name)() takes \(word) \(expected) positional argument\(expected == 1 ? "" : "s") "
        + "(\(given) given)")
  }

  private func unexpectedKeyword(_ k: String) -> PyException {
    switch signature.style {
    case .clinic:
      // Functions parsed without a name say "for this function".
      let target = name.contains(" ") ? name : name + "()"
      return PyException(.typeError, "'\(k)' is an invalid keyword argument for \(target)")
    case .single: return PyException(.typeError, "\(name)() takes no keyword arguments")
    default: return PyException(.typeError, "\(name)() got an unexpected keyword argument '\(k)'")
    }
  }

  private func duplicate(_ k: String, position: Int) -> PyException {
    switch signature.style {
    case .numpy, .ufunc:
      return PyException(
        .typeError,
        "argument for \(name)() given by name ('\(k)') and position (position \(position))")
    case .clinic:
      return PyException(
        .typeError,
        "argument for \(name)() given by name ('\(k)') and position (\(position + 1))")
    case .cython:
      return PyException(.typeError, "\(name)() got multiple values for keyword argument '\(k)'")
    default:
      return PyException(.typeError, "\(name)() got multiple values for argument '\(k)'")
    }
  }

  private func missing(_ mask: UInt64) -> PyException {
    let s = signature
    var names: [String] = []
    var keywordOnly: [String] = []
    var bits = mask
    while bits != 0 {
      let i = bits.trailingZeroBitCount
      bits &= bits - 1
      if s.parameters[i].kind == .keywordOnly {
        keywordOnly.append(s.parameters[i].name)
      } else {
        names.append(s.parameters[i].name)
      }
    }
    let first = mask.trailingZeroBitCount
    switch s.style {
    case .python:
      let list = names.isEmpty ? keywordOnly : names
      let quoted = list.map { "'\($0)'" }
      let joined: String
      switch quoted.count {
      case 1: joined = quoted[0]
      case 2: joined = quoted[0] + " and " + quoted[1]
      default:
        joined = quoted.dropLast().joined(separator: ", ") + ", and " + quoted[quoted.count - 1]
      }
      return PyException(
        .typeError,
        "\(name)() missing \(list.count) required \(names.isEmpty ? "keyword-only" : "positional") "
          + "argument\(list.count == 1 ? "" : "s"): \(joined)")
    case .torch, .torchmulti, .torchone, .noargs:
      let list = names + keywordOnly
      return PyException(
        .typeError,
        "\(name)() missing \(list.count) required positional argument\(list.count == 1 ? "s" : ""): "
          + list.map { "\"\($0)\"" }.joined(separator: ", "))
    case .numpy:
      if s.parameters[first].kind == .positionalOnly {
        return PyException(.typeError, "\(name)() missing required positional argument \(first)")
      }
      return PyException(
        .typeError,
        "\(name)() missing required argument '\(s.parameters[first].name)' (pos \(first))")
    case .ufunc:
      return tooManyPositional(keywordOnlyGiven: 0)
    case .cython:
      return cythonCount(positional.count)
    case .clinic:
      return PyException(
        .typeError,
        "\(name)() missing required argument '\(s.parameters[first].name)' (pos \(first + 1))")
    case .single:
      return PyException(
        .typeError, "\(name)() takes exactly one argument (\(positional.count) given)")
    }
  }
}

extension Runtime {
  func int(_ v: PyValue, _ what: String) throws -> Int {
    switch v {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    default:
      if let i = try indexValue(v) { return i }
      throw PyException(
        .typeError, "'\(typeName(v))' object cannot be interpreted as an integer")
    }
  }

  func double(_ v: PyValue) throws -> Double {
    switch v {
    case .int(let i): return Double(i)
    case .bool(let b): return b ? 1 : 0
    case .float(let d): return d
    case .instance(let i):
      if let m = i.cls.lookup("__float__") {
        let r = try call(m, [v])
        guard case .float(let d) = r else {
          throw PyException(
            .typeError, "\(i.cls.name).__float__ returned non-float (type \(typeName(r)))")
        }
        return d
      }
    case .native(let n):
      if case .builtin(let b)? = try n.getAttribute("__float__") ?? n.getAttribute("item") {
        return try double(try b.body([], []))
      }
    default: break
    }
    throw PyException(.typeError, "must be real number, not \(typeName(v))")
  }

  func string(_ v: PyValue, _ what: String) throws -> String {
    guard case .str(let s) = v else {
      throw PyException(.typeError, "\(what) must be str, not \(typeName(v))")
    }
    return s
  }

  /// A stable merge sort with a throwing `<`, as `sorted` and `list.sort` need.
  func sortValues(_ items: [PyValue], key: PyValue?, reverse: Bool) throws -> [PyValue] {
    let keys: [PyValue]
    if let key, !isNoneValue(key) {
      keys = try items.map { try call(key, [$0]) }
    } else {
      keys = items
    }
    var order = Array(items.indices)
    var buffer = order
    func less(_ a: Int, _ b: Int) throws -> Bool {
      if case .int(let x) = keys[a], case .int(let y) = keys[b] { return x < y }
      if case .float(let x) = keys[a], case .float(let y) = keys[b] { return x < y }
      return try isTrue(compare(.lt, keys[a], keys[b]))
    }
    func merge(_ lo: Int, _ hi: Int) throws {
      if hi - lo < 2 { return }
      let mid = (lo + hi) / 2
      try merge(lo, mid)
      try merge(mid, hi)
      var i = lo
      var j = mid
      var k = lo
      while i < mid && j < hi {
        // Reverse keeps stability: equal keys keep their original order.
        let takeRight = reverse ? try less(order[i], order[j]) : try less(order[j], order[i])
        if takeRight {
          buffer[k] = order[j]
          j += 1
        } else {
          buffer[k] = order[i]
          i += 1
        }
        k += 1
      }
      while i < mid {
        buffer[k] = order[i]
        i += 1
        k += 1
      }
      while j < hi {
        buffer[k] = order[j]
        j += 1
        k += 1
      }
      for x in lo..<hi { order[x] = buffer[x] }
    }
    try merge(0, order.count)
    return order.map { items[$0] }
  }
}
