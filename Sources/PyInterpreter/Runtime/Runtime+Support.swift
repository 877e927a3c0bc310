extension Runtime {
  /// Whether an `except` clause's class (or tuple of classes) matches the exception's class.
  func exceptionMatches(_ cls: PyClass, _ spec: PyValue) throws -> Bool {
    switch spec {
    case .type(let c):
      guard isException(c) else {
        throw PyException(
          .typeError, "catching classes that do not inherit from BaseException is not allowed")
      }
      return cls.isSubclass(of: c)
    case .tuple(let items):
      for i in items where try exceptionMatches(cls, i) { return true }
      return false
    default:
      throw PyException(
        .typeError, "catching classes that do not inherit from BaseException is not allowed")
    }
  }

  /// The exception `raise value` raises: a class is instantiated, an instance used as is.
  func makeException(_ value: PyValue) throws -> PyException {
    switch value {
    case .type(let c) where isException(c):
      guard case .instance(let i) = try instantiate(c, [], []) else {
        throw PyException(.typeError, "exceptions must derive from BaseException")
      }
      return PyException(instance: i)
    case .instance(let i) where isException(i.cls):
      return PyException(instance: i)
    default:
      throw PyException(.typeError, "exceptions must derive from BaseException")
    }
  }

  /// `a op= b`: lists extend in place, instances and native objects may define it in place.
  func inPlace(_ op: BinaryOperator, _ a: PyValue, _ b: PyValue) throws -> PyValue {
    switch a {
    case .list(let l) where op == .add:
      l.items += try toArray(b)
      return a
    case .list(let l) where op == .mul:
      guard let n = asInt(b) else { break }
      let items = l.items
      l.items = []
      for _ in 0..<max(0, n) { l.items += items }
      return a
    case .dict(let d) where op == .bitOr:
      guard case .dict(let other) = b else { break }
      for (k, v) in other.items { try d.set(k, v) }
      return a
    case .set(let s) where op == .bitOr || op == .bitAnd || op == .sub || op == .bitXor:
      guard case .set(let result) = try binary(op, a, b) else { break }
      s.storage = result.storage
      return a
    case .native(let n):
      if let r = try n.inPlace(op, b) { return r }
    case .instance(let i):
      let name = "__i" + op.dunders.0.dropFirst(2)
      if let m = i.cls.lookup(name) {
        let r = try call(m, [a, b])
        if !isNotImplemented(r) { return r }
      }
    default: break
    }
    return try binary(op, a, b)
  }

  /// Imports a module by dotted name from the registry, loading parents first.
  func importModule(_ name: String) throws -> PyModule {
    if let m = modules[name] { return m }
    if let dot = name.lastIndex(of: ".") {
      let parent = try importModule(String(name[..<dot]))
      let child = String(name[name.index(after: dot)...])
      if let loader = moduleLoaders[name] {
        let m = try loader(self)
        modules[name] = m
        parent.namespace.set(child, .module(m))
        return m
      }
      if case .module(let m)? = parent.namespace.get(child) {
        modules[name] = m
        return m
      }
      throw PyException(.moduleNotFoundError, "No module named '\(name)'")
    }
    guard let loader = moduleLoaders[name] else {
      throw PyException(
        .moduleNotFoundError,
        "No module named '\(name)'")
    }
    let m = try loader(self)
    modules[name] = m
    return m
  }
}
