import Foundation

extension Runtime {
  func define(_ name: String, _ body: @escaping (Arguments) throws -> PyValue) {
    builtins[name] = .builtin(
      PyBuiltin(name) { args, kwargs in try body(Arguments(name, args, kwargs)) })
  }

  func installBuiltins() {
    installTypeConstructors()
    for (kind, cls) in exceptionClasses where kind.module == "builtins" {
      builtins[kind.rawValue] = .type(cls)
    }
    builtins["NotImplemented"] = .builtin(PyBuiltin("NotImplemented") { _, _ in .none })
    builtins["Ellipsis"] = .ellipsis

    define("print") { [unowned self] a in
      try a.expect(min: 0, max: .max, keywords: ["sep", "end", "file", "flush"])
      let sep =
        try a.keyword("sep").flatMap { isNoneValue($0) ? nil : try string($0, "sep") } ?? " "
      let end =
        try a.keyword("end").flatMap { isNoneValue($0) ? nil : try string($0, "end") } ?? "\n"
      let text = try a.positional.map { try str($0) }.joined(separator: sep) + end
      if let file = a.keyword("file"), !isNoneValue(file) {
        let w = try getAttribute(file, "write")
        _ = try call(w, [.str(text)])
      } else {
        write(text)
      }
      return .none
    }
    define("len") { [unowned self] a in
      try a.expect(min: 1, max: 1)
      return .int(try length(a.at(0)))
    }
    define("repr") { [unowned self] a in
      try a.expect(min: 1, max: 1)
      return .str(try repr(a.at(0)))
    }
    define("ascii") { [unowned self] a in
      try a.expect(min: 1, max: 1)
      return .str(asciiEscaped(try repr(a.at(0))))
    }
    define("format") { [unowned self] a in
      try a.expect(min: 1, max: 2)
      let spec = try a.value(1).map { try string($0, "format() argument 2") } ?? ""
      return .str(try format(a.at(0), spec))
    }
    define("abs") { [unowned self] a in
      try a.expect(min: 1, max: 1)
      switch try a.at(0) {
      case .int(let i):
        if i == .min { throw PyException(.overflowError, "integer overflow in abs()") }
        return .int(Swift.abs(i))
      case .bool(let b): return .int(b ? 1 : 0)
      case .float(let d): return .float(Swift.abs(d))
      case .instance(let i):
        if let m = i.cls.lookup("__abs__") { return try call(m, [a.at(0)]) }
      case .native(let n):
        if case .builtin(let b)? = try n.getAttribute("__abs__") ?? n.getAttribute("abs") {
          return try b.body([], [])
        }
      default: break
      }
      throw PyException(.typeError, "bad operand type for abs(): '\(typeName(try a.at(0)))'")
    }
    define("round") { [unowned self] a in
      try a.expect(min: 1, max: 2, keywords: ["ndigits"])
      let x = try a.at(0)
      let nd = a.value(1, "ndigits").flatMap { isNoneValue($0) ? nil : $0 }
      switch x {
      case .int(let i):
        guard let nd else { return .int(i) }
        let n = try int(nd, "ndigits")
        if n >= 0 { return .int(i) }
        if n < -18 { return .int(0) }
        var p = 1
        for _ in 0..<(-n) { p *= 10 }
        let q = floorDiv(i, p)
        let r = i - q * p
        var result = q
        if r * 2 > p || (r * 2 == p && q % 2 != 0) { result += 1 }
        return .int(result * p)
      case .bool(let b):
        return .int(b ? 1 : 0)
      case .float(let d):
        guard let nd else {
          if d.isNaN { throw PyException(.valueError, "cannot convert float NaN to integer") }
          if d.isInfinite {
            throw PyException(.overflowError, "cannot convert float infinity to integer")
          }
          return .int(try toInt(.float(d.rounded(.toNearestOrEven))))
        }
        return .float(roundFloat(d, try int(nd, "ndigits")))
      case .instance(let i):
        if let m = i.cls.lookup("__round__") {
          return try call(m, [x] + (nd.map { [$0] } ?? []))
        }
      case .native(let n):
        if case .builtin(let b)? = try n.getAttribute("__round__") {
          return try b.body(nd.map { [$0] } ?? [], [])
        }
      default: break
      }
      // CPython names a type from a module by its full name (`numpy.ndarray`).
      var type = typeName(x)
      if case .native(let n) = x {
        if let module = n.pyClass?.module, module != "builtins" {
          type = module + "." + type
        } else if n is NDArray {
          type = "numpy." + type
        }
      }
      throw PyException(.typeError, "type \(type) doesn't define __round__ method")
    }
    define("divmod") { [unowned self] a in
      try a.expect(min: 2, max: 2)
      let x = try a.at(0)
      let y = try a.at(1)
      if let i = asInt(x), let j = asInt(y) {
        if j == 0 { throw PyException(.zeroDivisionError, "integer division or modulo by zero") }
        return .tuple([try binary(.floorDiv, .int(i), .int(j)), try binary(.mod, .int(i), .int(j))])
      }
      let p = try double(x)
      let q = try double(y)
      if q == 0 { throw PyException(.zeroDivisionError, "float divmod()") }
      let (d, m) = floatDivmod(p, q)
      return .tuple([.float(d), .float(m)])
    }
    define("pow") { [unowned self] a in
      try a.expect(min: 2, max: 3)
      if a.count == 3 {
        var base = try int(a.at(0), "pow")
        var e = try int(a.at(1), "pow")
        let m = try int(a.at(2), "pow")
        if m == 0 { throw PyException(.valueError, "pow() 3rd argument cannot be 0") }
        if e < 0 { throw PyException(.valueError, "base is not invertible for the given modulus") }
        var r = 1 % m
        base = ((base % m) + m) % m
        let modulus = UInt64(Swift.abs(m))
        func mulmod(_ x: Int, _ y: Int) -> Int {
          let p = UInt64(x).multipliedFullWidth(by: UInt64(y))
          return Int(modulus.dividingFullWidth((p.high, p.low)).remainder)
        }
        while e > 0 {
          if e & 1 == 1 { r = mulmod(r, base) }
          base = mulmod(base, base)
          e >>= 1
        }
        return .int(r)
      }
      return try binary(.pow, a.at(0), a.at(1))
    }
    define("sum") { [unowned self] a in
      try a.expect(min: 1, max: 2, keywords: ["start"])
      var total = a.value(1, "start") ?? .int(0)
      let it = try iterate(a.at(0))
      while let v = try it.next() {
        if case .int(let x) = total, case .int(let y) = v {
          let (s, o) = x.addingReportingOverflow(y)
          if !o {
            total = .int(s)
            continue
          }
        }
        if case .float(let x) = total, case .float(let y) = v {
          total = .float(x + y)
          continue
        }
        if case .str = v {
          throw PyException(
            .typeError, "sum() can't sum strings [use ''.join(seq) instead]")
        }
        total = try binary(.add, total, v)
      }
      return total
    }
    for (name, op) in [("min", CompareOperator.lt), ("max", CompareOperator.gt)] {
      define(name) { [unowned self] a in
        try a.expect(min: 1, max: .max, keywords: ["key", "default"])
        let items = a.count == 1 ? try toArray(a.at(0)) : a.positional
        let key = a.keyword("key").flatMap { isNoneValue($0) ? nil : $0 }
        guard !items.isEmpty else {
          if let d = a.keyword("default") { return d }
          throw PyException(.valueError, "\(name)() arg is an empty sequence")
        }
        var best = items[0]
        var bestKey = try key.map { try call($0, [best]) } ?? best
        for v in items.dropFirst() {
          let k = try key.map { try call($0, [v]) } ?? v
          if try isTrue(compare(op, k, bestKey)) {
            best = v
            bestKey = k
          }
        }
        return best
      }
    }
    define("any") { [unowned self] a in
      try a.expect(min: 1, max: 1)
      let it = try iterate(a.at(0))
      while let v = try it.next() { if try isTrue(v) { return .bool(true) } }
      return .bool(false)
    }
    define("all") { [unowned self] a in
      try a.expect(min: 1, max: 1)
      let it = try iterate(a.at(0))
      while let v = try it.next() { if !(try isTrue(v)) { return .bool(false) } }
      return .bool(true)
    }
    define("sorted") { [unowned self] a in
      try a.expect(min: 1, max: 1, keywords: ["key", "reverse"])
      let reverse = try a.keyword("reverse").map { try isTrue($0) } ?? false
      return .list(
        PyList(try sortValues(toArray(a.at(0)), key: a.keyword("key"), reverse: reverse)))
    }
    define("reversed") { [unowned self] a in
      try a.expect(min: 1, max: 1)
      let v = try a.at(0)
      if case .instance(let i) = v, let m = i.cls.lookup("__reversed__") { return try call(m, [v]) }
      if case .range(let s, _, let st) = v {
        let n = try length(v)
        let last = s + (n - 1) * st
        return .iterator(
          try iterate(.range(start: last, stop: last - n * st, step: -st)).renamed("range_iterator")
        )
      }
      if case .dict(let d) = v {
        return .iterator(PyIterator.over(d.keys.reversed(), typeName: "dict_reversekeyiterator"))
      }
      let items: [PyValue]
      if case .instance(let i) = v, i.cls.lookup("__len__") != nil,
        i.cls.lookup("__getitem__") != nil
      {
        let n = try length(v)
        items = try (0..<n).map { try getItem(v, .int($0)) }
      } else {
        items = try toArray(v)
      }
      return .iterator(PyIterator.over(items.reversed(), typeName: "list_reverseiterator"))
    }
    define("enumerate") { [unowned self] a in
      try a.expect(min: 1, max: 2, keywords: ["start"])
      var i = try a.value(1, "start").map { try int($0, "start") } ?? 0
      let it = try iterate(a.at(0))
      return .iterator(
        PyIterator("enumerate") {
          guard let v = try it.next() else { return nil }
          defer { i += 1 }
          return .tuple([.int(i), v])
        })
    }
    define("zip") { [unowned self] a in
      try a.expect(min: 0, max: .max, keywords: ["strict"])
      let its = try a.positional.map { try iterate($0) }
      return .iterator(
        PyIterator("zip") {
          if its.isEmpty { return nil }
          var out: [PyValue] = []
          for it in its {
            guard let v = try it.next() else { return nil }
            out.append(v)
          }
          return .tuple(out)
        })
    }
    define("map") { [unowned self] a in
      try a.expect(min: 2, max: .max)
      let f = try a.at(0)
      let its = try a.positional.dropFirst().map { try iterate($0) }
      return .iterator(
        PyIterator("map") { [unowned self] in
          var args: [PyValue] = []
          for it in its {
            guard let v = try it.next() else { return nil }
            args.append(v)
          }
          return try call(f, args)
        })
    }
    define("filter") { [unowned self] a in
      try a.expect(min: 2, max: 2)
      let f = try a.at(0)
      let it = try iterate(a.at(1))
      return .iterator(
        PyIterator("filter") { [unowned self] in
          while let v = try it.next() {
            let keep = isNoneValue(f) ? try isTrue(v) : try isTrue(call(f, [v]))
            if keep { return v }
          }
          return nil
        })
    }
    define("iter") { [unowned self] a in
      try a.expect(min: 1, max: 1)
      return .iterator(try iterate(a.at(0)))
    }
    define("next") { [unowned self] a in
      try a.expect(min: 1, max: 2)
      let v = try a.at(0)
      if case .instance(let i) = v, let m = i.cls.lookup("__next__") {
        do {
          return try call(m, [v])
        } catch let e as PyException where e.typeName == "StopIteration" && a.count == 2 {
          return try a.at(1)
        }
      }
      guard case .iterator(let it) = v else {
        throw PyException(.typeError, "'\(typeName(v))' object is not an iterator")
      }
      if let x = try it.next() { return x }
      if a.count == 2 { return try a.at(1) }
      throw PyException(kind: .stopIteration, args: [])
    }
    define("isinstance") { [unowned self] a in
      try a.expect(min: 2, max: 2)
      return .bool(try isInstance(a.at(0), a.at(1)))
    }
    define("issubclass") { [unowned self] a in
      try a.expect(min: 2, max: 2)
      guard case .type(let c) = try a.at(0) else {
        throw PyException(.typeError, "issubclass() arg 1 must be a class")
      }
      return .bool(try classMatches(c, a.at(1)))
    }
    define("hasattr") { [unowned self] a in
      try a.expect(min: 2, max: 2)
      let name = try string(a.at(1), "attribute name")
      do {
        return .bool(try lookupAttribute(a.at(0), name) != nil)
      } catch let e as PyException where e.typeName == "AttributeError" {
        return .bool(false)
      }
    }
    define("getattr") { [unowned self] a in
      try a.expect(min: 2, max: 3)
      let name = try string(a.at(1), "attribute name")
      if a.count == 3 {
        do {
          return try lookupAttribute(a.at(0), name) ?? a.at(2)
        } catch let e as PyException where e.typeName == "AttributeError" {
          return try a.at(2)
        }
      }
      return try getAttribute(a.at(0), name)
    }
    define("setattr") { [unowned self] a in
      try a.expect(min: 3, max: 3)
      try setAttribute(
        a.at(0), try string(a.at(1), "attribute name"), a.at(2))
      return .none
    }
    define("delattr") { [unowned self] a in
      try a.expect(min: 2, max: 2)
      try deleteAttribute(a.at(0), try string(a.at(1), "attribute name"))
      return .none
    }
    define("callable") { a in
      try a.expect(min: 1, max: 1)
      switch try a.at(0) {
      case .function, .builtin, .method, .type: return .bool(true)
      case .instance(let i): return .bool(i.cls.lookup("__call__") != nil)
      case .native: return .bool(true)
      default: return .bool(false)
      }
    }
    define("id") { a in
      try a.expect(min: 1, max: 1)
      if let o = identity(try a.at(0)) {
        return .int(Int(bitPattern: UInt(bitPattern: o.hashValue)) & 0x7FFF_FFFF_FFFF)
      }
      var h = Hasher()
      HashKey.hashValue(try a.at(0), into: &h)
      return .int(h.finalize() & 0x7FFF_FFFF_FFFF)
    }
    define("hash") { [unowned self] a in
      try a.expect(min: 1, max: 1)
      let v = try a.at(0)
      if let i = asInt(v) { return .int(pythonHash(i)) }
      if case .float(let d) = v { return .int(pythonHash(d)) }
      _ = try HashKey(v)
      var h = Hasher()
      HashKey.hashValue(v, into: &h)
      return .int(h.finalize())
    }
    define("chr") { [unowned self] a in
      try a.expect(min: 1, max: 1)
      let i = try int(a.at(0), "chr")
      guard i >= 0, let u = Unicode.Scalar(UInt32(clamping: i)) else {
        throw PyException(.valueError, "chr() arg not in range(0x110000)")
      }
      return .str(String(u))
    }
    define("ord") { [unowned self] a in
      try a.expect(min: 1, max: 1)
      let s = try string(a.at(0), "ord() argument")
      guard s.unicodeScalars.count == 1 else {
        throw PyException(
          .typeError,
          "ord() expected a character, but string of length \(s.unicodeScalars.count) found")
      }
      return .int(Int(s.unicodeScalars.first!.value))
    }
    for (name, prefix, radix) in [("hex", "0x", 16), ("oct", "0o", 8), ("bin", "0b", 2)] {
      define(name) { [unowned self] a in
        try a.expect(min: 1, max: 1)
        let i = try int(a.at(0), name)
        return .str((i < 0 ? "-" : "") + prefix + String(i.magnitude, radix: radix))
      }
    }
    define("vars") { [unowned self] a in
      try a.expect(min: 1, max: 1)
      return try getAttribute(a.at(0), "__dict__")
    }
    define("dir") { [unowned self] a in
      try a.expect(min: 0, max: 1)
      var names: [String] = []
      switch a.value(0) {
      case .instance(let i)?:
        names = i.attributes.keys.compactMap {
          if case .str(let s) = $0 { return s } else { return nil }
        }
        var c: PyClass? = i.cls
        while let k = c {
          names += k.namespace.keys.compactMap {
            if case .str(let s) = $0 { return s } else { return nil }
          }
          c = k.base
        }
      case .module(let m)?:
        names = m.namespace.keys.compactMap {
          if case .str(let s) = $0 { return s } else { return nil }
        }
      case nil:
        names = globals.filter { $0.value.value != nil }.map { $0.key }
      default: break
      }
      return .list(PyList(Array(Set(names)).sorted().map { .str($0) }))
    }
    define("staticmethod") { a in
      try a.expect(min: 1, max: 1)
      return .native(MethodWrapper(.staticMethod, try a.at(0)))
    }
    define("classmethod") { a in
      try a.expect(min: 1, max: 1)
      return .native(MethodWrapper(.classMethod, try a.at(0)))
    }
    define("property") { a in
      try a.expect(min: 1, max: 2, keywords: ["fget", "fset"])
      return .native(
        MethodWrapper(.property, try a.required(0, "fget"), setter: a.value(1, "fset")))
    }
    define("super") { a in
      guard a.count == 2, case .type(let cls) = try a.at(0) else {
        throw PyException(.runtimeError, "super(): no arguments")
      }
      return .superProxy(PySuper(receiver: try a.at(1), startAfter: cls))
    }
    define("globals") { [unowned self] a in
      let d = PyDict()
      for (k, box) in globals.sorted(by: { $0.key < $1.key }) {
        if let v = box.value { d.set(k, v) }
      }
      return .dict(d)
    }
    define("input") { a in
      throw PyException(.osError, "input() is not available in journal cells (no standard input)")
    }
    define("exit") { a in
      throw PyException(kind: .systemExit, args: a.positional)
    }
    builtins["quit"] = builtins["exit"]
  }

  /// `round(x, n)` as CPython does it: correctly rounded through the decimal string.
  func roundFloat(_ d: Double, _ n: Int) -> Double {
    guard d.isFinite else { return d }
    if n > 300 { return d }
    if n >= 0 {
      return Double(String(format: "%.\(n)f", d)) ?? d
    }
    if n < -308 { return 0 * d }
    let p = Foundation.pow(10.0, Double(-n))
    let y = d / p
    var z = y.rounded()
    if Swift.abs(y - z) == 0.5 { z = 2.0 * (y / 2.0).rounded() }
    return z * p
  }

  func isInstance(_ v: PyValue, _ spec: PyValue) throws -> Bool {
    try classMatches(classOf(v), spec)
  }

  func classMatches(_ c: PyClass, _ spec: PyValue) throws -> Bool {
    switch spec {
    case .type(let t):
      if c.isSubclass(of: t) { return true }
      // dict flavours (defaultdict, Counter) are dicts.
      if t === type("dict"), c.base === t { return true }
      return false
    case .tuple(let items):
      for i in items where try classMatches(c, i) { return true }
      return false
    default:
      throw PyException(
        .typeError, "isinstance() arg 2 must be a type, a tuple of types, or a union")
    }
  }
}

private let hashModulus: UInt64 = (1 << 61) - 1

/// CPython's hash of an int: reduction modulo the Mersenne prime 2**61 - 1.
func pythonHash(_ i: Int) -> Int {
  let m = Int(hashModulus)
  var r = Int(i.magnitude % UInt(m))
  if i < 0 { r = -r }
  return r == -1 ? -2 : r
}

/// CPython's hash of a float, equal to the int hash for integral values.
func pythonHash(_ d: Double) -> Int {
  if d.isInfinite { return d > 0 ? 314159 : -314159 }
  if d.isNaN { return 0 }
  let parts = frexp(Swift.abs(d))
  var m = parts.0
  var e = Int(parts.1)
  let sign = d < 0 ? -1 : 1
  var x: UInt64 = 0
  while m != 0 {
    x = ((x << 28) & hashModulus) | (x >> (61 - 28))
    m *= 268435456.0
    e -= 28
    let y = UInt64(m)
    m -= Double(y)
    x += y
    if x >= hashModulus { x -= hashModulus }
  }
  e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61)
  x = ((x << UInt64(e)) & hashModulus) | (x >> UInt64(61 - e))
  var r = Int(x) * sign
  if r == -1 { r = -2 }
  return r
}

extension PyIterator {
  func renamed(_ name: String) -> PyIterator { PyIterator(name, nextValue) }
}
