import Foundation

extension Runtime {
  private func constructor(_ name: String, _ body: @escaping (Arguments) throws -> PyValue) {
    types[name]!.constructor = { args, kwargs in try body(Arguments(name, args, kwargs)) }
    builtins[name] = .type(types[name]!)
  }

  func installTypeConstructors() {
    builtins["object"] = .type(objectClass)
    objectClass.constructor = { [unowned self] args, _ in
      if !args.isEmpty { throw PyException(.typeError, "object() takes no arguments") }
      return .instance(PyInstance(cls: objectClass))
    }
    constructor("int") { [unowned self] a in
      try a.expect(min: 0, max: 2, keywords: ["base"])
      guard let v = a.value(0) else { return .int(0) }
      if let b = a.value(1, "base") {
        let base = try int(b, "base")
        return .int(
          try parseInt(
            try string(v, "int() can't convert non-string with explicit base"), base: base))
      }
      return .int(try toInt(v))
    }
    constructor("float") { [unowned self] a in
      try a.expect(min: 0, max: 1)
      guard let v = a.value(0) else { return .float(0) }
      switch v {
      case .float: return v
      case .int(let i): return .float(Double(i))
      case .bool(let b): return .float(b ? 1 : 0)
      case .str(let s): return .float(try parseFloat(s))
      default: return .float(try double(v))
      }
    }
    constructor("str") { [unowned self] a in
      try a.expect(min: 0, max: 1)
      guard let v = a.value(0) else { return .str("") }
      return .str(try str(v))
    }
    constructor("bool") { [unowned self] a in
      try a.expect(min: 0, max: 1)
      guard let v = a.value(0) else { return .bool(false) }
      return .bool(try isTrue(v))
    }
    constructor("list") { [unowned self] a in
      try a.expect(min: 0, max: 1)
      guard let v = a.value(0) else { return .list(PyList()) }
      return .list(PyList(try toArray(v)))
    }
    constructor("tuple") { [unowned self] a in
      try a.expect(min: 0, max: 1)
      guard let v = a.value(0) else { return .tuple([]) }
      if case .tuple = v { return v }
      return .tuple(try toArray(v))
    }
    constructor("set") { [unowned self] a in
      try a.expect(min: 0, max: 1)
      let s = PySet()
      if let v = a.value(0) { for x in try toArray(v) { try s.storage.set(x, .none) } }
      return .set(s)
    }
    types["frozenset"]!.constructor = types["set"]!.constructor
    builtins["frozenset"] = builtins["set"]
    constructor("dict") { [unowned self] a in
      try a.expect(min: 0, max: 1, keywords: a.keywords.map { $0.0 })
      let d = PyDict()
      if let v = a.value(0) { try updateDict(d, v) }
      for (k, v) in a.keywords { d.set(k, v) }
      return .dict(d)
    }
    constructor("range") { [unowned self] a in
      try a.expect(min: 1, max: 3)
      let n = try a.positional.map { v -> Int in
        guard let i = try indexValue(v) else {
          throw PyException(
            .typeError, "'\(typeName(v))' object cannot be interpreted as an integer")
        }
        return i
      }
      switch n.count {
      case 1: return .range(start: 0, stop: n[0], step: 1)
      case 2: return .range(start: n[0], stop: n[1], step: 1)
      default:
        if n[2] == 0 { throw PyException(.valueError, "range() arg 3 must not be zero") }
        return .range(start: n[0], stop: n[1], step: n[2])
      }
    }
    constructor("slice") { a in
      try a.expect(min: 1, max: 3)
      if a.count == 1 { return .slice(nil, try a.at(0), nil) }
      return .slice(try a.at(0), try a.at(1), a.value(2))
    }
    constructor("type") { [unowned self] a in
      try a.expect(min: 1, max: 3)
      if a.count == 1 { return .type(classOf(try a.at(0))) }
      throw PyException(.typeError, "type() with three arguments is not supported in journal cells")
    }
  }

  func updateDict(_ d: PyDict, _ v: PyValue) throws {
    if case .dict(let other) = v {
      for (k, x) in other.items { try d.set(k, x) }
      return
    }
    if case .instance(let i) = v, i.cls.lookup("keys") != nil {
      for k in try toArray(try call(try getAttribute(v, "keys"), [])) {
        try d.set(k, try getItem(v, k))
      }
      return
    }
    var n = 0
    let it = try iterate(v)
    while let pair = try it.next() {
      let items = try toArray(pair)
      guard items.count == 2 else {
        throw PyException(
          .valueError,
          "dictionary update sequence element #\(n) has length \(items.count); 2 is required")
      }
      try d.set(items[0], items[1])
      n += 1
    }
  }

  func toInt(_ v: PyValue) throws -> Int {
    switch v {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    case .float(let d):
      if d.isNaN { throw PyException(.valueError, "cannot convert float NaN to integer") }
      if d.isInfinite {
        throw PyException(.overflowError, "cannot convert float infinity to integer")
      }
      guard Swift.abs(d) < 9.223372036854775807e18 else {
        throw PyException(
          .overflowError, "int too large for 64 bits (journal cells use 64-bit integers)")
      }
      return Int(d.rounded(.towardZero))
    case .str(let s): return try parseInt(s, base: 10)
    case .instance(let i):
      // The result must be an int: converting it again recursed without end when a method
      // returned `self`.
      for name in ["__int__", "__index__"] {
        guard let m = i.cls.lookup(name) else { continue }
        switch try call(m, [v]) {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        case let r:
          throw PyException(.typeError, "\(name) returned non-int (type \(typeName(r)))")
        }
      }
    case .native(let n):
      if case .builtin(let b)? = try n.getAttribute("__int__") ?? n.getAttribute("item") {
        return try toInt(try b.body([], []))
      }
    default: break
    }
    throw PyException(
      .typeError,
      "int() argument must be a string, a bytes-like object or a real number, not '\(typeName(v))'")
  }

  func parseInt(_ text: String, base: Int) throws -> Int {
    var s = text.trimmingCharacters(in: .whitespacesAndNewlines)
    var negative = false
    if s.hasPrefix("-") || s.hasPrefix("+") {
      negative = s.hasPrefix("-")
      s.removeFirst()
    }
    var b = base
    let lower = s.lowercased()
    if (b == 16 || b == 0) && lower.hasPrefix("0x") {
      s.removeFirst(2)
      b = 16
    } else if (b == 8 || b == 0) && lower.hasPrefix("0o") {
      s.removeFirst(2)
      b = 8
    } else if (b == 2 || b == 0) && lower.hasPrefix("0b") {
      s.removeFirst(2)
      b = 2
    }
    if b == 0 { b = 10 }
    let digits = s.replacingOccurrences(of: "_", with: "")
    guard !digits.isEmpty, !s.hasPrefix("_"), !s.hasSuffix("_"), !s.contains("__"),
      let v = Int(digits, radix: b)
    else {
      if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) }),
        Int(digits.prefix(1), radix: b) != nil, digits.count > 18
      {
        throw PyException(
          .overflowError, "int too large for 64 bits (journal cells use 64-bit integers)")
      }
      throw PyException(
        .valueError, "invalid literal for int() with base \(base): \(reprString(text))")
    }
    return negative ? -v : v
  }

  func parseFloat(_ text: String) throws -> Double {
    let s = text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(
      of: "_", with: "")
    let lower = s.lowercased()
    let body = lower.hasPrefix("-") || lower.hasPrefix("+") ? String(lower.dropFirst()) : lower
    let negative = lower.hasPrefix("-")
    switch body {
    case "inf", "infinity": return negative ? -.infinity : .infinity
    case "nan": return .nan
    default: break
    }
    guard !body.isEmpty, body.allSatisfy({ "0123456789.e+-".contains($0) }), let d = Double(s)
    else {
      throw PyException(.valueError, "could not convert string to float: \(reprString(text))")
    }
    return d
  }
}
