/// `dataclasses` (dataclass, field, asdict) and `typing` (names usable in annotations).
enum DataclassesModule {
  /// `field(default=..., default_factory=...)`.
  final class Field: PyNativeObject {
    let defaultValue: PyValue?
    let factory: PyValue?
    init(defaultValue: PyValue?, factory: PyValue?) {
      self.defaultValue = defaultValue
      self.factory = factory
    }
    var typeName: String { "Field" }
  }

  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "dataclasses")
    m.define("field") { args, kwargs in
      let a = Arguments("field", args, kwargs)
      return .native(
        Field(defaultValue: a.keyword("default"), factory: a.keyword("default_factory")))
    }
    m.define("dataclass") { args, kwargs in
      if case .type(let cls)? = args.first { return .type(try decorate(rt, cls)) }
      // `@dataclass(...)`: options are accepted; the decorator comes back.
      return .builtin(
        PyBuiltin("dataclass") { inner, _ in
          guard case .type(let cls)? = inner.first else {
            throw PyException(.typeError, "dataclass() should be applied to a class")
          }
          return .type(try decorate(rt, cls))
        })
    }
    m.define("asdict") { args, _ in
      guard case .instance(let inst)? = args.first, let names = fieldNames(inst.cls) else {
        throw PyException(.typeError, "asdict() should be called on dataclass instances")
      }
      let d = PyDict()
      for n in names { d.set(n, inst.attributes.get(n) ?? .none) }
      return .dict(d)
    }
    return m
  }

  static func fieldNames(_ cls: PyClass) -> [String]? {
    guard case .tuple(let t)? = cls.lookup("__dataclass_fields__") else { return nil }
    return t.compactMap { if case .str(let s) = $0 { return s } else { return nil } }
  }

  static func decorate(_ rt: Runtime, _ cls: PyClass) throws -> PyClass {
    var names = cls.base.flatMap(fieldNames) ?? []
    var defaults: [String: PyValue] = [:]
    var factories: [String: PyValue] = [:]
    if let base = cls.base, let baseNames = fieldNames(base) {
      for n in baseNames {
        if case .tuple(let d)? = base.lookup("__dataclass_default_\(n)__"), d.count == 2 {
          if case .bool(true) = d[0] { factories[n] = d[1] } else { defaults[n] = d[1] }
        }
      }
    }
    if case .dict(let ann)? = cls.namespace.get("__annotations__") {
      for case .str(let n) in ann.keys {
        if !names.contains(n) { names.append(n) }
        switch cls.namespace.get(n) {
        case .native(let f as Field)?:
          if let d = f.defaultValue { defaults[n] = d }
          if let fac = f.factory { factories[n] = fac }
          try cls.namespace.remove(.str(n))
          if let d = f.defaultValue { cls.namespace.set(n, d) }
        case let v?: defaults[n] = v
        case nil: break
        }
      }
    }
    for n in names {
      if let f = factories[n] {
        cls.namespace.set("__dataclass_default_\(n)__", .tuple([.bool(true), f]))
      } else if let d = defaults[n] {
        cls.namespace.set("__dataclass_default_\(n)__", .tuple([.bool(false), d]))
      }
    }
    let requiredAfterDefault = names.drop(while: { defaults[$0] == nil && factories[$0] == nil })
      .contains { defaults[$0] == nil && factories[$0] == nil }
    if requiredAfterDefault {
      throw PyException(.typeError, "non-default argument follows default argument")
    }
    cls.namespace.set("__dataclass_fields__", .tuple(names.map { .str($0) }))
    let name = cls.name
    cls.namespace.set(
      "__init__",
      .builtin(
        PyBuiltin("__init__") { args, kwargs in
          guard case .instance(let inst)? = args.first else { return .none }
          let given = Array(args.dropFirst())
          if given.count > names.count {
            throw PyException(
              .typeError,
              "\(name).__init__() takes \(names.count + 1) positional arguments but "
                + "\(given.count + 1) were given")
          }
          for (k, _) in kwargs where !names.contains(k) {
            throw PyException(
              .typeError, "\(name).__init__() got an unexpected keyword argument '\(k)'")
          }
          var missing: [String] = []
          for (i, n) in names.enumerated() {
            if i < given.count {
              inst.attributes.set(n, given[i])
            } else if let kv = kwargs.first(where: { $0.0 == n }) {
              inst.attributes.set(n, kv.1)
            } else if let f = factories[n] {
              inst.attributes.set(n, try rt.call(f, []))
            } else if let d = defaults[n] {
              inst.attributes.set(n, d)
            } else {
              missing.append(n)
            }
          }
          if !missing.isEmpty {
            let list = missing.map { "'\($0)'" }
            let text =
              list.count == 1
              ? list[0] : list.dropLast().joined(separator: ", ") + " and " + list.last!
            throw PyException(
              .typeError,
              "\(name).__init__() missing \(missing.count) required positional argument"
                + "\(missing.count == 1 ? "" : "s"): \(text)")
          }
          if let post = inst.cls.lookup("__post_init__") { _ = try rt.call(post, [args.at(0)]) }
          return .none
        }))
    if cls.namespace.get("__repr__") == nil {
      cls.namespace.set(
        "__repr__",
        .builtin(
          PyBuiltin("__repr__") { args, _ in
            guard case .instance(let inst)? = args.first else { return .str("") }
            let parts = try names.map { "\($0)=\(try rt.repr(inst.attributes.get($0) ?? .none))" }
            return .str("\(inst.cls.name)(\(parts.joined(separator: ", ")))")
          }))
    }
    if cls.namespace.get("__eq__") == nil {
      cls.namespace.set(
        "__eq__",
        .builtin(
          PyBuiltin("__eq__") { args, _ in
            guard case .instance(let a) = try args.at(0), case .instance(let b) = try args.at(1),
              a.cls === b.cls
            else { return .bool(false) }
            for n in names {
              if !(try rt.equals(a.attributes.get(n) ?? .none, b.attributes.get(n) ?? .none)) {
                return .bool(false)
              }
            }
            return .bool(true)
          }))
    }
    return cls
  }

  /// `typing`: the names resolve to a placeholder that accepts subscripts (`List[int]`).
  static func typingModule() -> PyModule {
    let m = PyModule(name: "typing")
    for name in [
      "Any", "List", "Dict", "Tuple", "Set", "Optional", "Union", "Callable", "Iterable",
      "Iterator", "Sequence", "Mapping", "Type", "TypeVar", "Generic", "NamedTuple", "ClassVar",
      "Literal", "Final",
    ] {
      m[name] = .native(TypingName(name))
    }
    return m
  }

  final class TypingName: PyNativeObject {
    let name: String
    init(_ name: String) { self.name = name }
    var typeName: String { "_SpecialForm" }
    func getItem(_ key: PyValue) throws -> PyValue { .native(self) }
    func call(_ args: [PyValue], _ kwargs: KeywordArguments) throws -> PyValue {
      if name == "TypeVar" { return .native(self) }
      throw PyException(.typeError, "typing.\(name) cannot be instantiated in journal cells")
    }
    func repr() throws -> String { "typing.\(name)" }
  }
}
