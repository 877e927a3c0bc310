/// Positional and keyword arguments of a native call, with CPython-style error messages.
public struct Arguments {
  public let function: String
  public let positional: [PyValue]
  public let keywords: KeywordArguments

  public init(_ function: String, _ positional: [PyValue], _ keywords: KeywordArguments) {
    self.function = function
    self.positional = positional
    self.keywords = keywords
  }

  public var count: Int { positional.count }

  /// The argument at `index`, or passed as `keyword`.
  public func value(_ index: Int, _ keyword: String? = nil) -> PyValue? {
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
    keywords.first(where: { $0.0 == name })?.1
  }

  public func required(_ index: Int, _ keyword: String) throws -> PyValue {
    guard let v = value(index, keyword) else {
      throw PyException(
        .typeError, "\(function)() missing required argument '\(keyword)' (pos \(index + 1))")
    }
    return v
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
      if let m = i.cls.lookup("__float__") { return try double(try call(m, [v])) }
    case .native(let n):
      if case .builtin(let b)? = try n.getAttribute("item") {
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
