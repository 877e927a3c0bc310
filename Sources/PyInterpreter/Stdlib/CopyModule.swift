/// `copy`: shallow and deep copies of the language's containers and of instances of classes
/// written in Python. Native objects copy only through their own `__copy__`/`__deepcopy__`
/// (an ndarray's `copy`); any other native value is refused rather than shared by mistake.
enum CopyModule {
  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "copy")
    guard case .type(let exception)? = rt.builtins["Exception"] else { return m }
    let error = PyClass(name: "Error", base: exception, module: "copy")
    m["Error"] = .type(error)
    m["error"] = .type(error)
    m.define("copy") { args, kwargs in
      try Arguments("copy", args, kwargs).expect(min: 1, max: 1)
      return try shallow(rt, args[0])
    }
    m.define("deepcopy") { args, kwargs in
      let a = Arguments("deepcopy", args, kwargs)
      try a.expect(min: 1, max: 2, keywords: ["memo"])
      if let memo = a.value(1, "memo"), !rt.isNoneValue(memo) {
        throw PyException(
          .notImplementedError, "copy.deepcopy(memo=...) is not supported in journal cells")
      }
      var memo = Memo()
      return try deep(rt, args[0], &memo)
    }
    return m
  }

  /// Copies made so far, by the identity of their original: shared and cyclic references stay
  /// shared in the copy, as in CPython.
  struct Memo {
    var copies: [ObjectIdentifier: PyValue] = [:]
    /// Originals kept alive so their identifiers stay unique during the copy.
    var originals: [PyValue] = []
  }

  static func unsupported(_ rt: Runtime, _ v: PyValue, _ function: String) -> PyException {
    PyException(
      .notImplementedError,
      "copy.\(function) of a '\(rt.typeName(v))' object is not supported in journal cells")
  }

  /// Classes that take over how their instances are copied (`__reduce__`, `__getstate__`,
  /// `__setstate__`, `__slots__`): copying their `__dict__` would not be what CPython does.
  static func customizesPickling(_ cls: PyClass) -> Bool {
    ["__reduce__", "__reduce_ex__", "__getstate__", "__setstate__", "__slots__", "__new__"]
      .contains { cls.lookup($0) != nil }
  }

  static func shallow(_ rt: Runtime, _ v: PyValue) throws -> PyValue {
    switch v {
    case .list(let l): return .list(PyList(l.items))
    case .dict(let d): return .dict(d.copy())
    case .set(let s):
      let c = PySet()
      for item in s.items { try c.storage.set(item, .none) }
      return .set(c)
    case .instance(let i):
      if let method = i.cls.lookup("__copy__") { return try rt.call(method, [v]) }
      if rt.isException(i.cls) || customizesPickling(i.cls) { throw unsupported(rt, v, "copy") }
      let c = PyInstance(cls: i.cls)
      for (k, value) in i.attributes.items { try c.attributes.set(k, value) }
      return .instance(c)
    case .native(let n):
      if let method = try n.getAttribute("__copy__") { return try rt.call(method, []) }
      throw unsupported(rt, v, "copy")
    case .iterator:
      throw unsupported(rt, v, "copy")
    default:
      // Immutable values, functions, classes and modules are their own copies.
      return v
    }
  }

  static func deep(_ rt: Runtime, _ v: PyValue, _ memo: inout Memo) throws -> PyValue {
    if let id = identity(v), let done = memo.copies[id] { return done }
    func remember(_ copy: PyValue) {
      if let id = identity(v) {
        memo.copies[id] = copy
        memo.originals.append(v)
      }
    }
    switch v {
    case .list(let l):
      let c = PyList([])
      remember(.list(c))
      for item in l.items { c.items.append(try deep(rt, item, &memo)) }
      return .list(c)
    case .tuple(let items):
      return .tuple(try items.map { try deep(rt, $0, &memo) })
    case .dict(let d):
      let c = PyDict()
      c.flavor = d.flavor
      c.defaultFactory = d.defaultFactory
      remember(.dict(c))
      for (k, value) in d.items { try c.set(try deep(rt, k, &memo), try deep(rt, value, &memo)) }
      return .dict(c)
    case .set(let s):
      let c = PySet()
      remember(.set(c))
      for item in s.items { try c.storage.set(try deep(rt, item, &memo), .none) }
      return .set(c)
    case .instance(let i):
      if i.cls.lookup("__deepcopy__") != nil {
        throw PyException(
          .notImplementedError,
          "copy.deepcopy of an object with __deepcopy__ is not supported in journal cells")
      }
      if rt.isException(i.cls) || customizesPickling(i.cls) {
        throw unsupported(rt, v, "deepcopy")
      }
      let c = PyInstance(cls: i.cls)
      remember(.instance(c))
      for (k, value) in i.attributes.items {
        try c.attributes.set(try deep(rt, k, &memo), try deep(rt, value, &memo))
      }
      return .instance(c)
    case .native(let n):
      guard let method = try n.getAttribute("__deepcopy__") else {
        throw unsupported(rt, v, "deepcopy")
      }
      let c = try rt.call(method, [.dict(PyDict())])
      remember(c)
      return c
    case .iterator:
      throw unsupported(rt, v, "deepcopy")
    default:
      return v
    }
  }
}
