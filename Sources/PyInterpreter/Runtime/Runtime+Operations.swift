import Foundation

extension Runtime {
  // MARK: Text

  /// Runs a step of a native walk into nested containers (comparison, repr, JSON) one level
  /// deeper: past the recursion limit it is CPython's RecursionError ("maximum recursion depth
  /// exceeded in comparison"), never a native stack overflow.
  func nested<T>(_ context: String, _ body: () throws -> T) throws -> T {
    callDepth += 1
    defer { callDepth -= 1 }
    if callDepth >= recursionLimit {
      throw PyException(.recursionError, "maximum recursion depth exceeded \(context)")
    }
    return try body()
  }

  /// `repr(v)`. A list or dict met again inside itself prints as `[...]` or `{...}`, and
  /// nesting deeper than the recursion limit is CPython's RecursionError, not a stack overflow.
  func repr(_ v: PyValue) throws -> String {
    // The repr of a huge list takes long: it meets the time limit like a loop.
    try tick()
    switch v {
    case .list, .dict, .tuple, .set:
      return try nested("while getting the repr of an object") {
        guard let id = identity(v) else { return try containerRepr(v) }
        if reprInProgress.contains(id) {
          if case .list = v { return "[...]" }
          if case .dict(let d) = v, d.flavor == .ordered { return "..." }
          return "{...}"
        }
        reprInProgress.insert(id)
        defer { reprInProgress.remove(id) }
        return try containerRepr(v)
      }
    default: return try containerRepr(v)
    }
  }

  private func containerRepr(_ v: PyValue) throws -> String {
    switch v {
    case .none: return "None"
    case .ellipsis: return "Ellipsis"
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .float(let d): return formatFloatRepr(d)
    case .str(let s): return reprString(s)
    case .tuple(let t):
      if t.count == 1 { return "(" + (try repr(t[0])) + ",)" }
      return "(" + (try t.map { try repr($0) }.joined(separator: ", ")) + ")"
    case .list(let l): return "[" + (try l.items.map { try repr($0) }.joined(separator: ", ")) + "]"
    case .dict(let d):
      var items = d.items
      switch d.flavor {
      case .plain: break
      case .counter:
        if items.isEmpty { return "Counter()" }
        let order = try sortValues(
          items.indices.map { .int($0) },
          key: .builtin(
            PyBuiltin("key") { args, _ in
              guard case .int(let i) = try args.at(0) else { return .none }
              return items[i].value
            }), reverse: true)
        items = order.map { if case .int(let i) = $0 { return items[i] } else { return items[0] } }
      case .ordered:
        if items.isEmpty { return "OrderedDict()" }
        return "OrderedDict(["
          + (try items.map { "(" + (try repr($0.key)) + ", " + (try repr($0.value)) + ")" }
            .joined(separator: ", ")) + "])"
      case .defaultDict:
        let plain = d.copy()
        plain.flavor = .plain
        return "defaultdict(\(try repr(d.defaultFactory ?? .none)), \(try repr(.dict(plain))))"
      }
      let body =
        "{"
        + (try items.map { try repr($0.key) + ": " + repr($0.value) }.joined(separator: ", "))
        + "}"
      return d.flavor == .counter ? "Counter(\(body))" : body
    case .set(let s):
      if s.count == 0 { return "set()" }
      return "{" + (try s.items.map { try repr($0) }.joined(separator: ", ")) + "}"
    case .function(let f):
      return "<function \(f.code.isLambda ? "<lambda>" : f.name) at 0x7f0000000000>"
    case .builtin(let b): return "<built-in function \(b.name)>"
    case .method(let m):
      let name: String
      switch m.function {
      case .function(let f): name = f.name
      case .builtin(let b): name = b.name
      default: name = "?"
      }
      return "<bound method \(typeName(m.receiver)).\(name) of \(try repr(m.receiver))>"
    case .type(let c):
      if isException(c) && c.module == "builtins" { return "<class '\(c.name)'>" }
      return c.module == "builtins" ? "<class '\(c.name)'>" : "<class '\(c.module).\(c.name)'>"
    case .module(let m): return "<module '\(m.name)'>"
    case .iterator(let it): return "<\(it.typeName) object at 0x7f0000000000>"
    case .range(let a, let b, let c):
      return c == 1 ? "range(\(a), \(b))" : "range(\(a), \(b), \(c))"
    case .slice(let a, let b, let c):
      return "slice(\(try repr(a ?? .none)), \(try repr(b ?? .none)), \(try repr(c ?? .none)))"
    case .superProxy: return "<super object>"
    case .native(let n): return try n.repr()
    case .instance(let i):
      if let m = i.cls.lookup("__repr__") { return try stringResult(call(m, [v]), "__repr__") }
      if isException(i.cls) {
        let args = i.attributes.get("args")
        if case .tuple(let t)? = args, t.count == 1 { return "\(i.cls.name)(\(try repr(t[0])))" }
        return i.cls.name + (try repr(args ?? .tuple([])))
      }
      let prefix = i.cls.module == "builtins" ? "" : "\(i.cls.module)."
      return "<\(prefix)\(i.cls.name) object at 0x7f0000000000>"
    }
  }

  private func stringResult(_ v: PyValue, _ method: String) throws -> String {
    guard case .str(let s) = v else {
      throw PyException(.typeError, "\(method) returned non-string (type \(typeName(v)))")
    }
    return s
  }

  func str(_ v: PyValue) throws -> String {
    switch v {
    case .str(let s): return s
    case .native(let n): return try n.str()
    case .instance(let i):
      if let m = i.cls.lookup("__str__") { return try stringResult(call(m, [v]), "__str__") }
      if isException(i.cls) && i.cls.lookup("__repr__") == nil {
        if case .tuple(let t)? = i.attributes.get("args") {
          if t.isEmpty { return "" }
          if t.count == 1 {
            if i.cls.isSubclass(of: exceptionClasses[.keyError]!) { return try repr(t[0]) }
            return try str(t[0])
          }
          return try repr(.tuple(t))
        }
        return ""
      }
      return try repr(v)
    default: return try repr(v)
    }
  }

  // MARK: Comparison

  func equals(_ a: PyValue, _ b: PyValue) throws -> Bool {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x == y
    case (.str(let x), .str(let y)): return x == y
    case (.none, .none): return true
    case (.float(let x), .float(let y)): return x == y
    case (.tuple(let x), .tuple(let y)):
      return try nested("in comparison") { try sequenceEquals(x, y) }
    case (.list(let x), .list(let y)):
      if x === y { return true }
      return try nested("in comparison") { try sequenceEquals(x.items, y.items) }
    case (.dict(let x), .dict(let y)):
      if x.count != y.count { return false }
      return try nested("in comparison") {
        for (k, v) in x.items {
          guard let w = try y.get(k), try equals(v, w) else { return false }
        }
        return true
      }
    case (.set(let x), .set(let y)):
      if x.count != y.count { return false }
      return try x.items.allSatisfy { try y.storage.contains($0) }
    case (.range, .range): return try sequenceEquals(toArray(a), toArray(b))
    case (.instance(let i), _):
      if let m = i.cls.lookup("__eq__") { return try isTrue(call(m, [a, b])) }
      if case .instance(let j) = b, let m = j.cls.lookup("__eq__") {
        return try isTrue(call(m, [b, a]))
      }
      return isSame(a, b)
    case (_, .instance(let j)):
      if let m = j.cls.lookup("__eq__") { return try isTrue(call(m, [b, a])) }
      return false
    case (.native(let n), _):
      if let r = try n.compare(.eq, b) { return try isTrue(r) }
      return isSame(a, b)
    case (_, .native(let n)):
      if let r = try n.compare(.eq, a) { return try isTrue(r) }
      return false
    default:
      if let x = numericValue(a), let y = numericValue(b) {
        if case .int(let i) = a, case .int(let j) = b { return i == j }
        return x == y
      }
      return isSame(a, b)
    }
  }

  /// Containers compare items by identity first, then `==` (CPython's
  /// `PyObject_RichCompareBool`).
  func isSameOrEqual(_ a: PyValue, _ b: PyValue) throws -> Bool {
    if case .float(let x) = a, case .float(let y) = b, x.isNaN, y.isNaN {
      throw PyException.nanIdentity
    }
    if isSame(a, b) { return true }
    return try equals(a, b)
  }

  private func sequenceEquals(_ x: [PyValue], _ y: [PyValue]) throws -> Bool {
    guard x.count == y.count else { return false }
    for i in x.indices where !(try isSameOrEqual(x[i], y[i])) { return false }
    return true
  }

  /// Rich comparison, returning a value (tensors compare elementwise).
  func compare(_ op: CompareOperator, _ a: PyValue, _ b: PyValue) throws -> PyValue {
    switch op {
    case .eq, .ne:
      if case .native(let n) = a, let r = try n.compare(op, b) { return r }
      if case .native(let n) = b, let r = try n.compare(op, a) { return r }
      let e = try equals(a, b)
      return .bool(op == .eq ? e : !e)
    case .isSame: return .bool(isSame(a, b))
    case .isNot: return .bool(!isSame(a, b))
    case .contains: return .bool(try contains(b, a))
    case .notContains: return .bool(!(try contains(b, a)))
    case .lt, .le, .gt, .ge:
      if case .native(let n) = a, let r = try n.compare(op, b) { return r }
      if case .native(let n) = b, let r = try n.compare(mirror(op), a) { return r }
      return .bool(try ordered(op, a, b))
    }
  }

  private func mirror(_ op: CompareOperator) -> CompareOperator {
    switch op {
    case .lt: return .gt
    case .gt: return .lt
    case .le: return .ge
    case .ge: return .le
    default: return op
    }
  }

  func ordered(_ op: CompareOperator, _ a: PyValue, _ b: PyValue) throws -> Bool {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      switch op {
      case .lt: return x < y
      case .le: return x <= y
      case .gt: return x > y
      default: return x >= y
      }
    case (.str(let x), .str(let y)):
      let c = compareStrings(x, y)
      switch op {
      case .lt: return c < 0
      case .le: return c <= 0
      case .gt: return c > 0
      default: return c >= 0
      }
    case (.tuple(let x), .tuple(let y)): return try orderedSequences(op, x, y)
    case (.list(let x), .list(let y)): return try orderedSequences(op, x.items, y.items)
    case (.set(let x), .set(let y)):
      let sub = try x.items.allSatisfy { try y.storage.contains($0) }
      let sup = try y.items.allSatisfy { try x.storage.contains($0) }
      switch op {
      case .lt: return sub && x.count < y.count
      case .le: return sub
      case .gt: return sup && x.count > y.count
      default: return sup
      }
    case (.instance(let i), _):
      let names: [CompareOperator: (String, String)] = [
        .lt: ("__lt__", "__gt__"), .le: ("__le__", "__ge__"), .gt: ("__gt__", "__lt__"),
        .ge: ("__ge__", "__le__"),
      ]
      if let m = i.cls.lookup(names[op]!.0) { return try isTrue(call(m, [a, b])) }
      if case .instance(let j) = b, let m = j.cls.lookup(names[op]!.1) {
        return try isTrue(call(m, [b, a]))
      }
    default:
      if let x = numericValue(a), let y = numericValue(b) {
        switch op {
        case .lt: return x < y
        case .le: return x <= y
        case .gt: return x > y
        default: return x >= y
        }
      }
    }
    throw PyException(
      .typeError,
      "'\(op.rawValue)' not supported between instances of '\(typeName(a))' and '\(typeName(b))'")
  }

  private func orderedSequences(_ op: CompareOperator, _ x: [PyValue], _ y: [PyValue]) throws
    -> Bool
  {
    for i in 0..<min(x.count, y.count) where !(try equals(x[i], y[i])) {
      return try ordered(op, x[i], y[i])
    }
    switch op {
    case .lt: return x.count < y.count
    case .le: return x.count <= y.count
    case .gt: return x.count > y.count
    default: return x.count >= y.count
    }
  }

  /// Python orders strings by code point.
  func compareStrings(_ x: String, _ y: String) -> Int {
    var i = x.unicodeScalars.makeIterator()
    var j = y.unicodeScalars.makeIterator()
    while true {
      switch (i.next(), j.next()) {
      case (nil, nil): return 0
      case (nil, _): return -1
      case (_, nil): return 1
      case (let a?, let b?): if a != b { return a.value < b.value ? -1 : 1 }
      }
    }
  }

  func contains(_ container: PyValue, _ item: PyValue) throws -> Bool {
    switch container {
    case .str(let s):
      guard case .str(let sub) = item else {
        throw PyException(
          .typeError, "'in <string>' requires string as left operand, not \(typeName(item))")
      }
      return utf8Contains(s, sub)
    case .list(let l): return try l.items.contains { try isSameOrEqual($0, item) }
    case .tuple(let t): return try t.contains { try isSameOrEqual($0, item) }
    case .dict(let d): return try d.contains(item)
    case .set(let s): return try s.storage.contains(item)
    case .range(let a, let b, let c):
      guard case .int(let v) = item else {
        return try toArray(container).contains { try equals($0, item) }
      }
      if c > 0 { return v >= a && v < b && (v - a) % c == 0 }
      return v <= a && v > b && (a - v) % (-c) == 0
    case .instance(let i):
      if let m = i.cls.lookup("__contains__") { return try isTrue(call(m, [container, item])) }
    case .native(let n):
      if let r = try n.compare(.contains, item) { return try isTrue(r) }
    default: break
    }
    if let it = try? iterate(container) {
      while let v = try it.next() {
        if isSame(v, item) { return true }
        if try equals(v, item) { return true }
      }
      return false
    }
    throw PyException(.typeError, "argument of type '\(typeName(container))' is not iterable")
  }

  // MARK: Arithmetic

  func binary(_ op: BinaryOperator, _ a: PyValue, _ b: PyValue) throws -> PyValue {
    switch (a, b) {
    case (.int(let x), .int(let y)): return try intBinary(op, x, y)
    case (.float(let x), .float(let y)): return try floatBinary(op, x, y)
    case (.int(let x), .float(let y)): return try floatBinary(op, Double(x), y, intLeft: true)
    case (.float(let x), .int(let y)): return try floatBinary(op, x, Double(y), intRight: true)
    case (.str(let x), .str(let y)) where op == .add: return .str(x + y)
    case (.list(let x), .list(let y)) where op == .add: return .list(PyList(x.items + y.items))
    case (.tuple(let x), .tuple(let y)) where op == .add: return .tuple(x + y)
    case (.str(let s), _) where op == .mul && asInt(b) != nil:
      return .str(try repeatString(s, asInt(b)!))
    case (_, .str(let s)) where op == .mul && asInt(a) != nil:
      return .str(try repeatString(s, asInt(a)!))
    case (.list(let l), _) where op == .mul && asInt(b) != nil:
      return .list(PyList(try repeatItems(l.items, asInt(b)!)))
    case (_, .list(let l)) where op == .mul && asInt(a) != nil:
      return .list(PyList(try repeatItems(l.items, asInt(a)!)))
    case (.tuple(let t), _) where op == .mul && asInt(b) != nil:
      return .tuple(try repeatItems(t, asInt(b)!))
    case (_, .tuple(let t)) where op == .mul && asInt(a) != nil:
      return .tuple(try repeatItems(t, asInt(a)!))
    case (.bool, _), (_, .bool):
      if let x = asInt(a), let y = asInt(b) {
        if case .bool(let p) = a, case .bool(let q) = b {
          switch op {
          case .bitAnd: return .bool(p && q)
          case .bitOr: return .bool(p || q)
          case .bitXor: return .bool(p != q)
          default: break
          }
        }
        return try intBinary(op, x, y)
      }
      if let x = asInt(a), case .float(let y) = b { return try floatBinary(op, Double(x), y) }
      if case .float(let x) = a, let y = asInt(b) { return try floatBinary(op, x, Double(y)) }
    case (.str(let s), _) where op == .mod: return .str(try percentFormat(s, b))
    case (.set(let x), .set(let y)):
      if let r = try setBinary(op, x, y) { return r }
    case (.dict(let x), .dict(let y)) where op == .bitOr:
      let d = x.copy()
      for (k, v) in y.items { try d.set(k, v) }
      return .dict(d)
    default: break
    }
    let (name, rname) = op.dunders
    if op == .add {
      switch a {
      case .str, .list, .tuple:
        if case .instance = b {
        } else if case .native = b {
        } else {
          let t = typeName(a)
          throw PyException(
            .typeError, "can only concatenate \(t) (not \"\(typeName(b))\") to \(t)")
        }
      default: break
      }
    }
    if op == .mul {
      switch (a, b) {
      case (.str, .str), (.str, .float), (.list, .float), (.tuple, .float), (.str, .list),
        (.list, .list), (.list, .str), (.tuple, .tuple), (.str, .none), (.list, .none):
        throw PyException(
          .typeError, "can't multiply sequence by non-int of type '\(typeName(b))'")
      case (.float, .str), (.float, .list), (.float, .tuple), (.none, .str), (.none, .list):
        throw PyException(
          .typeError, "can't multiply sequence by non-int of type '\(typeName(a))'")
      default: break
      }
    }
    if case .native(let n) = a, let r = try n.binary(op, b, reflected: false) { return r }
    if case .native(let n) = b, let r = try n.binary(op, a, reflected: true) { return r }
    if case .instance(let i) = a, let m = i.cls.lookup(name) {
      let r = try call(m, [a, b])
      if !isNotImplemented(r) { return r }
    }
    if case .instance(let i) = b, let m = i.cls.lookup(rname) {
      let r = try call(m, [b, a])
      if !isNotImplemented(r) { return r }
    }
    throw PyException(
      .typeError,
      "unsupported operand type(s) for \(op == .pow ? "** or pow()" : op.rawValue): "
        + "'\(typeName(a))' and '\(typeName(b))'")
  }

  func isNotImplemented(_ v: PyValue) -> Bool {
    if case .builtin(let b) = v, b.name == "NotImplemented" { return true }
    return false
  }

  private func repeatItems(_ items: [PyValue], _ n: Int) throws -> [PyValue] {
    guard n > 0 else { return [] }
    let (count, o) = items.count.multipliedReportingOverflow(by: n)
    try reserve(count: o ? -1 : count, stride: MemoryLayout<PyValue>.stride)
    var out: [PyValue] = []
    out.reserveCapacity(items.count * n)
    for _ in 0..<n { out += items }
    return out
  }

  private func repeatString(_ s: String, _ n: Int) throws -> String {
    guard n > 0 else { return "" }
    if s.utf8.count.multipliedReportingOverflow(by: n).overflow {
      throw PyException(.overflowError, "repeated string is too long")
    }
    try reserve(count: s.utf8.count, stride: n)
    return String(repeating: s, count: n)
  }

  func asInt(_ v: PyValue) -> Int? {
    switch v {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    default: return nil
    }
  }

  private func overflow(_ op: BinaryOperator) -> PyException {
    PyException(
      .overflowError,
      "integer result of '\(op.rawValue)' does not fit in 64 bits "
        + "(journal cells use 64-bit integers)")
  }

  func intBinary(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> PyValue {
    switch op {
    case .add:
      let (r, o) = x.addingReportingOverflow(y)
      if o { throw overflow(op) }
      return .int(r)
    case .sub:
      let (r, o) = x.subtractingReportingOverflow(y)
      if o { throw overflow(op) }
      return .int(r)
    case .mul:
      let (r, o) = x.multipliedReportingOverflow(by: y)
      if o { throw overflow(op) }
      return .int(r)
    case .div:
      if y == 0 { throw PyException(.zeroDivisionError, "division by zero") }
      return .float(Double(x) / Double(y))
    case .floorDiv:
      if y == 0 { throw PyException(.zeroDivisionError, "integer division or modulo by zero") }
      if y == -1 {
        if x == .min { throw overflow(op) }
        return .int(-x)
      }
      return .int(floorDiv(x, y))
    case .mod:
      if y == 0 { throw PyException(.zeroDivisionError, "integer modulo by zero") }
      if y == -1 { return .int(0) }
      let r = x % y
      return .int(r != 0 && (r < 0) != (y < 0) ? r + y : r)
    case .pow:
      if y < 0 {
        if x == 0 {
          throw PyException(.zeroDivisionError, "0.0 cannot be raised to a negative power")
        }
        return .float(Foundation.pow(Double(x), Double(y)))
      }
      var result = 1
      var base = x
      var e = y
      while e > 0 {
        if e & 1 == 1 {
          let (r, o) = result.multipliedReportingOverflow(by: base)
          if o { throw overflow(op) }
          result = r
        }
        e >>= 1
        if e > 0 {
          let (b2, o) = base.multipliedReportingOverflow(by: base)
          if o { throw overflow(op) }
          base = b2
        }
      }
      return .int(result)
    case .bitAnd: return .int(x & y)
    case .bitOr: return .int(x | y)
    case .bitXor: return .int(x ^ y)
    case .lshift:
      if y < 0 { throw PyException(.valueError, "negative shift count") }
      if y >= 64 || (x << y) >> y != x { if x != 0 { throw overflow(op) } }
      return .int(y >= 64 ? 0 : x << y)
    case .rshift:
      if y < 0 { throw PyException(.valueError, "negative shift count") }
      return .int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
    case .matMul:
      throw PyException(
        .typeError, "unsupported operand type(s) for @: 'int' and 'int'")
    }
  }

  func floorDiv(_ x: Int, _ y: Int) -> Int {
    let q = x / y
    return (x % y != 0 && (x < 0) != (y < 0)) ? q - 1 : q
  }

  func floatBinary(
    _ op: BinaryOperator, _ x: Double, _ y: Double, intLeft: Bool = false, intRight: Bool = false
  ) throws -> PyValue {
    switch op {
    case .add: return .float(x + y)
    case .sub: return .float(x - y)
    case .mul: return .float(x * y)
    case .div:
      if y == 0 { throw PyException(.zeroDivisionError, "float division by zero") }
      return .float(x / y)
    case .floorDiv:
      if y == 0 { throw PyException(.zeroDivisionError, "float floor division by zero") }
      return .float(floatDivmod(x, y).0)
    case .mod:
      if y == 0 { throw PyException(.zeroDivisionError, "float modulo") }
      return .float(floatDivmod(x, y).1)
    case .pow:
      if x == 0 && y < 0 {
        throw PyException(.zeroDivisionError, "0.0 cannot be raised to a negative power")
      }
      if x < 0 && y != y.rounded() && y.isFinite {
        throw PyException(.valueError, "math domain error: complex results are not supported")
      }
      return .float(Foundation.pow(x, y))
    default:
      let l = intLeft ? "int" : "float"
      let r = intRight ? "int" : "float"
      throw PyException(
        .typeError, "unsupported operand type(s) for \(op.rawValue): '\(l)' and '\(r)'")
    }
  }

  /// CPython's float divmod: the remainder takes the sign of the divisor.
  func floatDivmod(_ x: Double, _ y: Double) -> (Double, Double) {
    var mod = fmod(x, y)
    var div = (x - mod) / y
    if mod != 0 {
      if (y < 0) != (mod < 0) {
        mod += y
        div -= 1
      }
    } else {
      mod = copysign(0, y)
    }
    var floordiv: Double
    if div != 0 {
      floordiv = div.rounded(.down)
      if div - floordiv > 0.5 { floordiv += 1 }
    } else {
      floordiv = copysign(0, x / y)
    }
    return (floordiv, mod)
  }

  private func setBinary(_ op: BinaryOperator, _ x: PySet, _ y: PySet) throws -> PyValue? {
    let out = PySet()
    switch op {
    case .bitOr:
      for v in x.items + y.items { try out.storage.set(v, .none) }
    case .bitAnd:
      for v in x.items where try y.storage.contains(v) { try out.storage.set(v, .none) }
    case .sub:
      for v in x.items where !(try y.storage.contains(v)) { try out.storage.set(v, .none) }
    case .bitXor:
      for v in x.items where !(try y.storage.contains(v)) { try out.storage.set(v, .none) }
      for v in y.items where !(try x.storage.contains(v)) { try out.storage.set(v, .none) }
    default: return nil
    }
    return .set(out)
  }

  func unary(_ op: UnaryOperator, _ v: PyValue) throws -> PyValue {
    switch (op, v) {
    case (.not, _): return .bool(!(try isTrue(v)))
    case (.neg, .int(let i)):
      if i == .min { throw overflow(.sub) }
      return .int(-i)
    case (.neg, .float(let d)): return .float(-d)
    case (.neg, .bool(let b)): return .int(b ? -1 : 0)
    case (.pos, .int), (.pos, .float): return v
    case (.pos, .bool(let b)): return .int(b ? 1 : 0)
    case (.invert, .int(let i)): return .int(~i)
    case (.invert, .bool(let b)): return .int(~(b ? 1 : 0))
    case (_, .native(let n)):
      if let r = try n.unary(op) { return r }
    case (_, .instance(let i)):
      let name = op == .neg ? "__neg__" : op == .pos ? "__pos__" : "__invert__"
      if let m = i.cls.lookup(name) { return try call(m, [v]) }
    default: break
    }
    throw PyException(.typeError, "bad operand type for unary \(op.rawValue): '\(typeName(v))'")
  }

  // MARK: Length and iteration

  func length(_ v: PyValue) throws -> Int {
    switch v {
    case .str(let s): return s.unicodeScalars.count
    case .list(let l): return l.items.count
    case .tuple(let t): return t.count
    case .dict(let d): return d.count
    case .set(let s): return s.count
    case .range(let a, let b, let c):
      let (span, o) = c > 0 ? b.subtractingReportingOverflow(a) : a.subtractingReportingOverflow(b)
      if o {
        throw PyException(.overflowError, "range too large (journal cells use 64-bit integers)")
      }
      if span <= 0 { return 0 }
      return (span - 1) / Int(c.magnitude) + 1
    case .instance(let i):
      if let m = i.cls.lookup("__len__") {
        guard case .int(let n) = try call(m, [v]) else {
          throw PyException(
            .typeError, "'\(i.cls.name)' object cannot be interpreted as an integer")
        }
        if n < 0 { throw PyException(.valueError, "__len__() should return >= 0") }
        return n
      }
    case .native(let n):
      if let l = try n.length() { return l }
    default: break
    }
    throw PyException(.typeError, "object of type '\(typeName(v))' has no len()")
  }

  func iterate(_ v: PyValue) throws -> PyIterator {
    switch v {
    case .list(let l):
      var i = 0
      return PyIterator("list_iterator") {
        guard i < l.items.count else { return nil }
        defer { i += 1 }
        return l.items[i]
      }
    case .tuple(let t): return PyIterator.over(t, typeName: "tuple_iterator")
    case .str(let s):
      var it = s.unicodeScalars.makeIterator()
      return PyIterator("str_ascii_iterator") { it.next().map { .str(String($0)) } }
    case .dict(let d):
      // Over a snapshot of the keys, but like CPython a dict that grew or shrank meanwhile is
      // an error at the next step.
      let keys = d.keys
      let size = d.count
      var i = 0
      return PyIterator("dict_keyiterator") {
        guard d.count == size else {
          throw PyException(.runtimeError, "dictionary changed size during iteration")
        }
        guard i < keys.count else { return nil }
        defer { i += 1 }
        return keys[i]
      }
    case .set(let s):
      let items = s.items
      let size = s.count
      var i = 0
      return PyIterator("set_iterator") {
        guard s.count == size else {
          throw PyException(.runtimeError, "Set changed size during iteration")
        }
        guard i < items.count else { return nil }
        defer { i += 1 }
        return items[i]
      }
    case .range(let a, let b, let c):
      var cur = a
      var done = false
      return PyIterator("range_iterator") { [unowned self] in
        if done || (c > 0 ? cur >= b : cur <= b) { return nil }
        // Native code draining a huge range (Counter(range(10**12))) meets the time limit.
        try self.tick()
        let v = cur
        let (n, o) = cur.addingReportingOverflow(c)
        if o { done = true } else { cur = n }
        return .int(v)
      }
    case .iterator(let it): return it
    case .instance(let i):
      if let m = i.cls.lookup("__iter__") {
        let r = try call(m, [v])
        switch r {
        case .iterator(let it): return it
        case .instance(let j):
          if let next = j.cls.lookup("__next__") {
            return PyIterator(j.cls.name) { [unowned self] in
              do {
                return try self.call(next, [r])
              } catch let e as PyException where e.typeName == "StopIteration" {
                return nil
              }
            }
          }
        case .native(let n):
          if try n.getAttribute("__next__") != nil, let it = try n.makeIterator() { return it }
        default: break
        }
        // Not iterating the result instead: an `__iter__` returning `self` with no `__next__`
        // recursed until the stack overflowed (cell fuzzer, signal 11).
        throw PyException(.typeError, "iter() returned non-iterator of type '\(typeName(r))'")
      }
      if let m = i.cls.lookup("__getitem__") {
        var index = 0
        return PyIterator("iterator") { [unowned self] in
          do {
            defer { index += 1 }
            return try self.call(m, [v, .int(index)])
          } catch var e as PyException {
            let cls = self.exceptionClass(of: e)
            if cls.isSubclass(of: self.exceptionClasses[.indexError]!)
              || cls.isSubclass(of: self.exceptionClasses[.stopIteration]!)
            {
              _ = self.instance(of: &e)
              return nil
            }
            throw e
          }
        }
      }
    case .native(let n):
      if let it = try n.makeIterator() { return it }
    default: break
    }
    throw PyException(.typeError, "'\(typeName(v))' object is not iterable")
  }

  func toArray(_ v: PyValue) throws -> [PyValue] {
    switch v {
    case .list(let l): return l.items
    case .tuple(let t): return t
    case .range:
      let n = try length(v)
      try reserve(count: n, stride: MemoryLayout<PyValue>.stride)
      let it = try iterate(v)
      var out: [PyValue] = []
      out.reserveCapacity(n)
      while let x = try it.next() { out.append(x) }
      return out
    default:
      let it = try iterate(v)
      var out: [PyValue] = []
      while let x = try it.next() {
        out.append(x)
        // An endless or huge iterator (itertools.count()) meets the time and memory limits.
        if out.count & 0xFFFF == 0 { try checkClock() }
      }
      return out
    }
  }
}

/// Python's `sub in s`: code-point substring search, done on UTF-8 bytes (a code point's
/// encoding never starts inside another's). Swift's `contains` matches whole characters
/// (`"e" in "e\u{301}"` is true in Python) and goes through Foundation.
func utf8Contains(_ s: String, _ sub: String) -> Bool {
  if sub.isEmpty { return true }
  var s = s
  var sub = sub
  return s.withUTF8 { hay in
    sub.withUTF8 { needle in
      let n = needle.count
      guard hay.count >= n else { return false }
      let first = needle[0]
      var i = 0
      let last = hay.count - n
      while i <= last {
        if hay[i] == first {
          var j = 1
          while j < n && hay[i + j] == needle[j] { j += 1 }
          if j == n { return true }
        }
        i += 1
      }
      return false
    }
  }
}
