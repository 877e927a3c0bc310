/// `collections`: Counter, defaultdict, OrderedDict (dict flavours), namedtuple and deque.
enum CollectionsModule {
  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "collections")
    let dictClass = rt.type("dict")
    func flavored(
      _ name: String, _ flavor: PyDict.Flavor, _ build: @escaping (Arguments, PyDict) throws -> Void
    ) {
      let cls = PyClass(name: name, base: dictClass, module: "collections") { args, kwargs in
        let d = PyDict()
        d.flavor = flavor
        try build(Arguments(name, args, kwargs), d)
        return .dict(d)
      }
      rt.types[name] = cls
      m[name] = .type(cls)
    }
    flavored("Counter", .counter) { a, d in
      if let v = a.value(0) { try rt.counterAdd(d, v, sign: 1) }
      for (k, v) in a.keywords { d.set(k, v) }
    }
    flavored("defaultdict", .defaultDict) { a, d in
      d.defaultFactory = a.value(0) ?? PyValue.none
      if let v = a.value(1) { try rt.updateDict(d, v) }
      for (k, v) in a.keywords { d.set(k, v) }
    }
    flavored("OrderedDict", .ordered) { a, d in
      if let v = a.value(0) { try rt.updateDict(d, v) }
      for (k, v) in a.keywords { d.set(k, v) }
    }
    m.define("namedtuple") { args, kwargs in
      let a = Arguments("namedtuple", args, kwargs)
      let name = try rt.string(try a.required(0, "typename"), "typename")
      let fieldsValue = try a.required(1, "field_names")
      var fields: [String]
      if case .str(let s) = fieldsValue {
        fields = s.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
      } else {
        fields = try rt.toArray(fieldsValue).map { try rt.string($0, "field name") }
      }
      let defaults = try a.keyword("defaults").map { try rt.toArray($0) } ?? []
      return .type(namedTuple(rt, name, fields, defaults))
    }
    let dequeClass = PyClass(name: "deque", base: rt.objectClass, module: "collections") {
      args, kwargs in
      let a = Arguments("deque", args, kwargs)
      let items = try a.value(0, "iterable").map { try rt.toArray($0) } ?? []
      let maxlen = try a.value(1, "maxlen").flatMap {
        rt.isNoneValue($0) ? nil : try rt.int($0, "maxlen")
      }
      let d = Deque(rt, maxlen: maxlen)
      for v in items { d.push(v, left: false) }
      return .native(d)
    }
    rt.types["deque"] = dequeClass
    m["deque"] = .type(dequeClass)
    return m
  }

  static func namedTuple(_ rt: Runtime, _ name: String, _ fields: [String], _ defaults: [PyValue])
    -> PyClass
  {
    let ns = PyDict()
    let cls = PyClass(name: name, base: rt.objectClass, namespace: ns, module: "__main__")
    ns.set("_fields", .tuple(fields.map { .str($0) }))
    func values(_ v: PyValue) -> [PyValue] {
      guard case .instance(let i) = v else { return [] }
      return fields.map { i.attributes.get($0) ?? .none }
    }
    ns.set(
      "__init__",
      .builtin(
        PyBuiltin("__init__") { args, kwargs in
          guard case .instance(let inst)? = args.first else { return .none }
          let given = Array(args.dropFirst())
          if given.count > fields.count {
            throw PyException(
              .typeError,
              "\(name).__new__() takes \(fields.count + 1) positional arguments but "
                + "\(given.count + 1) were given"
            )
          }
          for (i, f) in fields.enumerated() {
            if i < given.count {
              inst.attributes.set(f, given[i])
            } else if let kv = kwargs.first(where: { $0.0 == f }) {
              inst.attributes.set(f, kv.1)
            } else if i >= fields.count - defaults.count {
              inst.attributes.set(f, defaults[i - (fields.count - defaults.count)])
            } else {
              throw PyException(
                .typeError, "\(name).__new__() missing 1 required positional argument: '\(f)'")
            }
          }
          return .none
        }))
    ns.set(
      "__repr__",
      .builtin(
        PyBuiltin("__repr__") { args, _ in
          let parts = try zip(fields, values(args.at(0))).map { "\($0)=\(try rt.repr($1))" }
          return .str("\(name)(\(parts.joined(separator: ", ")))")
        }))
    ns.set(
      "__iter__",
      .builtin(
        PyBuiltin("__iter__") { args, _ in
          .iterator(PyIterator.over(values(try args.at(0)), typeName: "tuple_iterator"))
        }))
    ns.set("__len__", .builtin(PyBuiltin("__len__") { _, _ in .int(fields.count) }))
    ns.set(
      "__getitem__",
      .builtin(
        PyBuiltin("__getitem__") { args, _ in
          try rt.getItem(.tuple(values(args.at(0))), args.at(1))
        }))
    ns.set(
      "__eq__",
      .builtin(
        PyBuiltin("__eq__") { args, _ in
          let other: [PyValue]
          let second = try args.at(1)
          if case .tuple(let t) = second { other = t } else { other = values(second) }
          return .bool(try rt.equals(.tuple(values(args.at(0))), .tuple(other)))
        }))
    ns.set(
      "__hash__",
      .builtin(PyBuiltin("__hash__") { args, _ in .int(values(try args.at(0)).count) }))
    ns.set(
      "_asdict",
      .builtin(
        PyBuiltin("_asdict") { args, _ in
          let d = PyDict()
          for (f, v) in zip(fields, values(try args.at(0))) { d.set(f, v) }
          return .dict(d)
        }))
    ns.set(
      "_replace",
      .builtin(
        PyBuiltin("_replace") { args, kwargs in
          guard case .instance(let old) = try args.at(0) else { return .none }
          let inst = PyInstance(cls: old.cls)
          for f in fields { inst.attributes.set(f, old.attributes.get(f) ?? .none) }
          for (k, v) in kwargs { inst.attributes.set(k, v) }
          return .instance(inst)
        }))
    return cls
  }
}

/// `collections.deque`.
final class Deque: PyNativeObject {
  unowned let runtime: Runtime
  var items: [PyValue] = []
  let maxlen: Int?

  init(_ runtime: Runtime, maxlen: Int?) {
    self.runtime = runtime
    self.maxlen = maxlen
  }

  var typeName: String { "deque" }

  func push(_ v: PyValue, left: Bool) {
    if left { items.insert(v, at: 0) } else { items.append(v) }
    if let maxlen, items.count > maxlen {
      if left { items.removeLast() } else { items.removeFirst() }
    }
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    func method(_ body: @escaping ([PyValue]) throws -> PyValue) -> PyValue {
      .builtin(PyBuiltin(name) { args, _ in try body(args) })
    }
    switch name {
    case "append":
      return method { [unowned self] a in
        push(a[0], left: false)
        return .none
      }
    case "appendleft":
      return method { [unowned self] a in
        push(a[0], left: true)
        return .none
      }
    case "extend":
      return method { [unowned self] a in
        for v in try runtime.toArray(a[0]) { push(v, left: false) }
        return .none
      }
    case "pop":
      return method { [unowned self] _ in
        guard !items.isEmpty else { throw PyException(.indexError, "pop from an empty deque") }
        return items.removeLast()
      }
    case "popleft":
      return method { [unowned self] _ in
        guard !items.isEmpty else { throw PyException(.indexError, "pop from an empty deque") }
        return items.removeFirst()
      }
    case "clear":
      return method { [unowned self] _ in
        items.removeAll()
        return .none
      }
    case "rotate":
      return method { [unowned self] a in
        guard !items.isEmpty else { return .none }
        let n = try a.first.map { try runtime.int($0, "n") } ?? 1
        let k = ((n % items.count) + items.count) % items.count
        items = Array(items[(items.count - k)...] + items[..<(items.count - k)])
        return .none
      }
    case "maxlen": return maxlen.map { .int($0) } ?? PyValue.none
    default: return nil
    }
  }

  func length() throws -> Int? { items.count }
  func makeIterator() throws -> PyIterator? {
    PyIterator.over(items, typeName: "_collections._deque_iterator")
  }
  func getItem(_ key: PyValue) throws -> PyValue {
    let i = try runtime.normalizedIndex(runtime.index(key, "deque"), items.count, "deque")
    return items[i]
  }
  func setItem(_ key: PyValue, _ value: PyValue) throws {
    let i = try runtime.normalizedIndex(runtime.index(key, "deque"), items.count, "deque")
    items[i] = value
  }
  func compare(_ op: CompareOperator, _ other: PyValue) throws -> PyValue? {
    if op == .contains { return .bool(try items.contains { try runtime.equals($0, other) }) }
    return nil
  }
  func repr() throws -> String {
    let body = try runtime.repr(.list(PyList(items)))
    if let maxlen { return "deque(\(body), maxlen=\(maxlen))" }
    return "deque(\(body))"
  }
}
