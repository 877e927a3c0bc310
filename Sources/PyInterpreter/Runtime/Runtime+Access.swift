/// `@staticmethod`, `@classmethod` and `@property` wrappers stored in class namespaces.
final class MethodWrapper: PyNativeObject {
  enum Kind { case staticMethod, classMethod, property }
  let kind: Kind
  let function: PyValue
  var setter: PyValue?

  init(_ kind: Kind, _ function: PyValue, setter: PyValue? = nil) {
    self.kind = kind
    self.function = function
    self.setter = setter
  }

  var typeName: String {
    switch kind {
    case .staticMethod: return "staticmethod"
    case .classMethod: return "classmethod"
    case .property: return "property"
    }
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    guard kind == .property, name == "setter" else { return nil }
    return .builtin(
      PyBuiltin("setter") { [function] args, _ in
        .native(MethodWrapper(.property, function, setter: args.first))
      })
  }
}

extension Runtime {
  /// Turns a value found on a class into what attribute access on `receiver` yields.
  func bind(_ value: PyValue, to receiver: PyValue, owner: PyClass) throws -> PyValue {
    switch value {
    case .function: return .method(PyBoundMethod(receiver: receiver, function: value))
    case .native(let n as MethodWrapper):
      switch n.kind {
      case .staticMethod: return n.function
      case .classMethod: return .method(PyBoundMethod(receiver: .type(owner), function: n.function))
      case .property:
        if case .type = receiver { return value }
        return try call(n.function, [receiver])
      }
    default: return value
    }
  }

  func getAttribute(_ obj: PyValue, _ name: String) throws -> PyValue {
    if let v = try lookupAttribute(obj, name) { return v }
    throw attributeError(obj, name)
  }

  func attributeError(_ obj: PyValue, _ name: String) -> PyException {
    switch obj {
    case .module(let m):
      return PyException(.attributeError, "module '\(m.name)' has no attribute '\(name)'")
    case .type(let c):
      return PyException(.attributeError, "type object '\(c.name)' has no attribute '\(name)'")
    default:
      return PyException(.attributeError, "'\(typeName(obj))' object has no attribute '\(name)'")
    }
  }

  func lookupAttribute(_ obj: PyValue, _ name: String) throws -> PyValue? {
    switch obj {
    case .instance(let i):
      if let v = i.attributes.get(name) { return v }
      if let v = i.cls.lookup(name) {
        // Native methods of library classes (namedtuple, bridges) bind like functions.
        if case .builtin = v { return .method(PyBoundMethod(receiver: obj, function: v)) }
        return try bind(v, to: obj, owner: i.cls)
      }
      switch name {
      case "__class__": return .type(i.cls)
      case "__dict__": return .dict(i.attributes)
      default: break
      }
      if isException(i.cls), name == "args" { return .tuple([]) }
      if let g = i.cls.lookup("__getattr__") { return try call(g, [obj, .str(name)]) }
      return nil
    case .type(let c):
      if let v = c.lookup(name) {
        if case .native(let n as MethodWrapper) = v {
          if n.kind == .classMethod {
            return .method(PyBoundMethod(receiver: obj, function: n.function))
          }
          if n.kind == .staticMethod { return n.function }
        }
        return v
      }
      switch name {
      case "__name__", "__qualname__": return .str(c.name)
      case "__base__": return c.base.map { .type($0) } ?? PyValue.none
      case "__bases__": return .tuple(c.base.map { [.type($0)] } ?? [])
      case "__module__": return .str(c.module)
      case "__dict__": return .dict(c.namespace)
      case "__mro__":
        var chain: [PyValue] = []
        var k: PyClass? = c
        while let x = k {
          chain.append(.type(x))
          k = x.base
        }
        return .tuple(chain)
      default: break
      }
      if c.module == "builtins", let m = typeMethod(c, name) { return m }
      return nil
    case .module(let m):
      if let v = m.namespace.get(name) { return v }
      if name == "__name__" { return .str(m.name) }
      if let sub = try? importModule(m.name + "." + name) { return .module(sub) }
      return nil
    case .superProxy(let s):
      if let base = s.startAfter.base, let v = base.lookup(name) {
        if case .builtin = v { return .method(PyBoundMethod(receiver: s.receiver, function: v)) }
        return try bind(v, to: s.receiver, owner: base)
      }
      if name == "__init__" {
        return .builtin(PyBuiltin("__init__") { _, _ in .none })
      }
      return nil
    case .native(let n):
      if let v = try n.getAttribute(name) { return v }
      if name == "__class__" { return .type(classOf(obj)) }
      return nil
    case .function(let f):
      if let v = f.attributes.get(name) { return v }
      switch name {
      case "__name__": return .str(f.name)
      case "__qualname__": return .str(f.code.qualname)
      case "__doc__": return PyValue.none
      default: return nil
      }
    case .builtin(let b):
      if name == "__name__" { return .str(b.name) }
      return nil
    case .method(let m):
      if name == "__self__" { return m.receiver }
      if name == "__func__" { return m.function }
      return try lookupAttribute(m.function, name)
    default:
      if name == "__class__" { return .type(classOf(obj)) }
      return try builtinMethod(obj, name)
    }
  }

  /// `str.upper`, `dict.fromkeys`: a method of a builtin type taking its receiver first.
  private func typeMethod(_ c: PyClass, _ name: String) -> PyValue? {
    let sample: PyValue
    switch c.name {
    case "str": sample = .str("")
    case "list": sample = .list(PyList())
    case "dict":
      if name == "fromkeys" {
        return .builtin(
          PyBuiltin("fromkeys") { [unowned self] args, _ in
            let d = PyDict()
            for k in try self.toArray(args.first ?? .tuple([])) {
              try d.set(k, args.count > 1 ? args.at(1) : .none)
            }
            return .dict(d)
          })
      }
      sample = .dict(PyDict())
    case "set": sample = .set(PySet())
    case "int": sample = .int(0)
    case "float": sample = .float(0)
    case "tuple": sample = .tuple([])
    default: return nil
    }
    guard (try? builtinMethod(sample, name)) ?? nil != nil else { return nil }
    return .builtin(
      PyBuiltin(name) { [unowned self] args, kwargs in
        guard let receiver = args.first else {
          throw PyException(.typeError, "unbound method \(c.name).\(name)() needs an argument")
        }
        guard let m = try self.builtinMethod(receiver, name) else {
          throw self.attributeError(receiver, name)
        }
        return try self.call(m, Array(args.dropFirst()), kwargs)
      })
  }

  func setAttribute(_ obj: PyValue, _ name: String, _ value: PyValue) throws {
    switch obj {
    case .instance(let i):
      if let v = i.cls.lookup(name), case .native(let w as MethodWrapper) = v, w.kind == .property {
        guard let setter = w.setter else {
          throw PyException(
            .attributeError, "property '\(name)' of '\(i.cls.name)' object has no setter")
        }
        _ = try call(setter, [obj, value])
        return
      }
      if let s = i.cls.lookup("__setattr__") {
        _ = try call(s, [obj, .str(name), value])
        return
      }
      i.attributes.set(name, value)
    case .type(let c): c.namespace.set(name, value)
    case .module(let m): m.namespace.set(name, value)
    case .function(let f): f.attributes.set(name, value)
    case .native(let n):
      if try n.setAttribute(name, value) { return }
      throw attributeError(obj, name)
    default:
      throw PyException(.attributeError, "'\(typeName(obj))' object has no attribute '\(name)'")
    }
  }

  func deleteAttribute(_ obj: PyValue, _ name: String) throws {
    switch obj {
    case .instance(let i):
      if try i.attributes.remove(.str(name)) == nil { throw attributeError(obj, name) }
    case .type(let c):
      if try c.namespace.remove(.str(name)) == nil { throw attributeError(obj, name) }
    case .module(let m):
      if try m.namespace.remove(.str(name)) == nil { throw attributeError(obj, name) }
    default: throw attributeError(obj, name)
    }
  }

  // MARK: Items

  func index(_ v: PyValue, _ what: String) throws -> Int {
    if let n = try indexValue(v) { return n }
    throw PyException(
      .typeError, "\(what) indices must be integers or slices, not \(typeName(v))")
  }

  /// `operator.index(v)`: ints and bools, and objects with `__index__` (instances, NumPy
  /// integer scalars); nil for anything else.
  func indexValue(_ v: PyValue) throws -> Int? {
    switch v {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    case .instance(let i):
      if let m = i.cls.lookup("__index__") {
        let r = try call(m, [v])
        guard case .int(let n) = r else {
          throw PyException(
            .typeError, "__index__ returned non-int (type \(typeName(r)))")
        }
        return n
      }
    case .native(let n):
      if let m = try n.getAttribute("__index__"), case .int(let r) = try call(m, []) { return r }
    default: break
    }
    return nil
  }

  func normalizedIndex(_ i: Int, _ count: Int, _ what: String) throws -> Int {
    let j = i < 0 ? i + count : i
    guard j >= 0 && j < count else { throw PyException(.indexError, "\(what) index out of range") }
    return j
  }

  /// CPython's slice.indices: the start, the step and how many items a slice selects.
  func sliceIndices(_ start: PyValue?, _ stop: PyValue?, _ step: PyValue?, _ length: Int) throws
    -> (start: Int, step: Int, count: Int)
  {
    func value(_ v: PyValue?) throws -> Int? {
      guard let v else { return nil }
      if case .none = v { return nil }
      guard let i = try indexValue(v) else {
        throw PyException(
          .typeError,
          "slice indices must be integers or None or have an __index__ method")
      }
      return i
    }
    let st = try value(step) ?? 1
    if st == 0 { throw PyException(.valueError, "slice step cannot be zero") }
    var lo: Int
    var hi: Int
    if st > 0 {
      lo = try value(start) ?? 0
      hi = try value(stop) ?? length
      if lo < 0 { lo = max(0, lo + length) } else { lo = min(lo, length) }
      if hi < 0 { hi = max(0, hi + length) } else { hi = min(hi, length) }
      let count = hi > lo ? (hi - lo - 1) / st + 1 : 0
      return (lo, st, count)
    } else {
      lo = try value(start) ?? (length - 1)
      hi = try value(stop) ?? -1 - length
      if lo < 0 { lo = max(-1, lo + length) } else { lo = min(lo, length - 1) }
      if hi < 0 { hi = max(-1, hi + length) } else { hi = min(hi, length - 1) }
      let count = lo > hi ? (lo - hi - 1) / (-st) + 1 : 0
      return (lo, st, count)
    }
  }

  private func sliceItems<T>(_ items: [T], _ a: PyValue?, _ b: PyValue?, _ c: PyValue?) throws
    -> [T]
  {
    let (start, step, count) = try sliceIndices(a, b, c, items.count)
    if step == 1 { return Array(items[start..<(start + count)]) }
    var out: [T] = []
    out.reserveCapacity(count)
    var i = start
    for _ in 0..<count {
      out.append(items[i])
      i += step
    }
    return out
  }

  func getItem(_ obj: PyValue, _ key: PyValue) throws -> PyValue {
    switch obj {
    case .list(let l):
      if case .slice(let a, let b, let c) = key {
        return .list(PyList(try sliceItems(l.items, a, b, c)))
      }
      return l.items[try normalizedIndex(index(key, "list"), l.items.count, "list")]
    case .tuple(let t):
      if case .slice(let a, let b, let c) = key { return .tuple(try sliceItems(t, a, b, c)) }
      return t[try normalizedIndex(index(key, "tuple"), t.count, "tuple")]
    case .str(let s):
      let scalars = Array(s.unicodeScalars)
      if case .slice(let a, let b, let c) = key {
        return .str(String(String.UnicodeScalarView(try sliceItems(scalars, a, b, c))))
      }
      return .str(
        String(scalars[try normalizedIndex(index(key, "string"), scalars.count, "string")]))
    case .dict(let d):
      if let v = try d.get(key) { return v }
      return try missingKey(d, key)
    case .range(let a, _, let c):
      let n = try length(obj)
      if case .slice(let x, let y, let z) = key {
        let (start, step, count) = try sliceIndices(x, y, z, n)
        let first = a + start * c
        return .range(start: first, stop: first + count * step * c, step: step * c)
      }
      return .int(a + c * (try normalizedIndex(index(key, "range"), n, "range object")))
    case .instance(let i):
      if let m = i.cls.lookup("__getitem__") { return try call(m, [obj, key]) }
    case .native(let n): return try n.getItem(key)
    case .type: return obj
    default: break
    }
    throw PyException(.typeError, "'\(typeName(obj))' object is not subscriptable")
  }

  func setItem(_ obj: PyValue, _ key: PyValue, _ value: PyValue) throws {
    switch obj {
    case .list(let l):
      if case .slice(let a, let b, let c) = key {
        let newItems = try toArray(value)
        let (start, step, count) = try sliceIndices(a, b, c, l.items.count)
        if step == 1 {
          l.items.replaceSubrange(start..<(start + count), with: newItems)
        } else {
          guard newItems.count == count else {
            throw PyException(
              .valueError,
              "attempt to assign sequence of size \(newItems.count) "
                + "to extended slice of size \(count)"
            )
          }
          var i = start
          for v in newItems {
            l.items[i] = v
            i += step
          }
        }
        return
      }
      l.items[try normalizedIndex(index(key, "list"), l.items.count, "list assignment")] = value
    case .dict(let d): try d.set(key, value)
    case .instance(let i):
      if let m = i.cls.lookup("__setitem__") {
        _ = try call(m, [obj, key, value])
        return
      }
      throw PyException(.typeError, "'\(i.cls.name)' object does not support item assignment")
    case .native(let n): try n.setItem(key, value)
    default:
      throw PyException(.typeError, "'\(typeName(obj))' object does not support item assignment")
    }
  }

  func deleteItem(_ obj: PyValue, _ key: PyValue) throws {
    switch obj {
    case .list(let l):
      if case .slice(let a, let b, let c) = key {
        let (start, step, count) = try sliceIndices(a, b, c, l.items.count)
        var drop = Set<Int>()
        var i = start
        for _ in 0..<count {
          drop.insert(i)
          i += step
        }
        l.items = l.items.enumerated().filter { !drop.contains($0.offset) }.map { $0.element }
        return
      }
      l.items.remove(at: try normalizedIndex(index(key, "list"), l.items.count, "list assignment"))
    case .dict(let d):
      if try d.remove(key) == nil { throw PyException.keyError(key) }
    case .instance(let i):
      if let m = i.cls.lookup("__delitem__") {
        _ = try call(m, [obj, key])
        return
      }
      throw PyException(.typeError, "'\(i.cls.name)' object does not support item deletion")
    default:
      throw PyException(.typeError, "'\(typeName(obj))' object does not support item deletion")
    }
  }
}

extension Runtime {
  /// `d[key]` for a missing key: defaultdict fills it in, Counter counts zero.
  func missingKey(_ d: PyDict, _ key: PyValue) throws -> PyValue {
    switch d.flavor {
    case .defaultDict:
      if let factory = d.defaultFactory, !isNoneValue(factory) {
        let v = try call(factory, [])
        try d.set(key, v)
        return v
      }
    case .counter: return .int(0)
    default: break
    }
    throw PyException.keyError(key)
  }

  func isNoneValue(_ v: PyValue) -> Bool {
    if case .none = v { return true }
    return false
  }
}
