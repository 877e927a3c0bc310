/// `operator`: the operators as functions, and `itemgetter`, `attrgetter`, `methodcaller`.
enum OperatorModule {
  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "operator")
    func def(_ name: String, dunder: Bool = true, _ body: @escaping (Arguments) throws -> PyValue) {
      let f = PyValue.builtin(
        PyBuiltin(name) { args, kwargs in
          try body(Arguments(name, args, kwargs))
        })
      m[name] = f
      if dunder { m["__\(name.hasSuffix("_") ? String(name.dropLast()) : name)__"] = f }
    }
    func arguments(_ a: Arguments, _ n: Int) throws -> [PyValue] {
      try a.expect(min: n, max: n)
      return a.positional
    }
    let binaries: [(String, BinaryOperator)] = [
      ("add", .add), ("sub", .sub), ("mul", .mul), ("truediv", .div), ("floordiv", .floorDiv),
      ("mod", .mod), ("pow", .pow), ("matmul", .matMul), ("and_", .bitAnd), ("or_", .bitOr),
      ("xor", .bitXor), ("lshift", .lshift), ("rshift", .rshift),
    ]
    for (name, op) in binaries {
      def(name) { a in
        let x = try arguments(a, 2)
        return try rt.binary(op, x[0], x[1])
      }
      def("i" + (name.hasSuffix("_") ? String(name.dropLast()) : name)) { a in
        let x = try arguments(a, 2)
        return try rt.inPlace(op, x[0], x[1])
      }
    }
    let comparisons: [(String, CompareOperator)] = [
      ("lt", .lt), ("le", .le), ("eq", .eq), ("ne", .ne), ("ge", .ge), ("gt", .gt),
    ]
    for (name, op) in comparisons {
      def(name) { a in
        let x = try arguments(a, 2)
        return try rt.compare(op, x[0], x[1])
      }
    }
    let unaries: [(String, UnaryOperator)] = [
      ("neg", .neg), ("pos", .pos), ("invert", .invert), ("inv", .invert),
    ]
    for (name, op) in unaries {
      def(name) { a in try rt.unary(op, try arguments(a, 1)[0]) }
    }
    def("not_") { a in .bool(!(try rt.isTrue(try arguments(a, 1)[0]))) }
    def("truth", dunder: false) { a in .bool(try rt.isTrue(try arguments(a, 1)[0])) }
    def("abs") { a in
      guard let abs = rt.builtins["abs"] else { throw PyException(.nameError, "abs") }
      return try rt.call(abs, [try arguments(a, 1)[0]])
    }
    def("index") { a in .int(try rt.index(try arguments(a, 1)[0], "index")) }
    def("is_", dunder: false) { a in
      let x = try arguments(a, 2)
      return .bool(rt.isSame(x[0], x[1]))
    }
    def("is_not", dunder: false) { a in
      let x = try arguments(a, 2)
      return .bool(!rt.isSame(x[0], x[1]))
    }
    def("concat") { a in
      let x = try arguments(a, 2)
      for v in x {
        switch v {
        case .list, .tuple, .str: continue
        default:
          throw PyException(
            .typeError, "'\(rt.typeName(v))' object can't be concatenated")
        }
      }
      return try rt.binary(.add, x[0], x[1])
    }
    def("contains") { a in
      let x = try arguments(a, 2)
      return .bool(try rt.contains(x[0], x[1]))
    }
    def("countOf", dunder: false) { a in
      let x = try arguments(a, 2)
      return .int(try rt.toArray(x[0]).filter { try rt.isSameOrEqual($0, x[1]) }.count)
    }
    def("indexOf", dunder: false) { a in
      let x = try arguments(a, 2)
      guard let i = try rt.toArray(x[0]).firstIndex(where: { try rt.isSameOrEqual($0, x[1]) })
      else { throw PyException(.valueError, "sequence.index(x): x not in sequence") }
      return .int(i)
    }
    def("getitem") { a in
      let x = try arguments(a, 2)
      return try rt.getItem(x[0], x[1])
    }
    def("setitem") { a in
      let x = try arguments(a, 3)
      try rt.setItem(x[0], x[1], x[2])
      return .none
    }
    def("delitem") { a in
      let x = try arguments(a, 2)
      try rt.deleteItem(x[0], x[1])
      return .none
    }
    def("call") { a in
      guard let f = a.positional.first else {
        throw PyException(.typeError, "call() missing 1 required positional argument: 'obj'")
      }
      return try rt.call(f, Array(a.positional.dropFirst()), a.keywords)
    }
    def("length_hint", dunder: false) { a in
      try a.expect(min: 1, max: 2)
      if let n = try? rt.length(a.positional[0]) { return .int(n) }
      return a.positional.count > 1 ? a.positional[1] : .int(0)
    }
    m["itemgetter"] = .type(
      PyClass(name: "itemgetter", base: rt.objectClass, module: "operator") { args, kwargs in
        try Arguments("itemgetter", [], kwargs).expect(min: 0, max: 0)
        guard !args.isEmpty else {
          throw PyException(.typeError, "itemgetter expected 1 argument, got 0")
        }
        return .native(Getter(rt, kind: .item, args))
      })
    m["attrgetter"] = .type(
      PyClass(name: "attrgetter", base: rt.objectClass, module: "operator") { args, kwargs in
        try Arguments("attrgetter", [], kwargs).expect(min: 0, max: 0)
        guard !args.isEmpty else {
          throw PyException(.typeError, "attrgetter expected 1 argument, got 0")
        }
        for v in args where !(v.isString) {
          throw PyException(.typeError, "attribute name must be a string")
        }
        return .native(Getter(rt, kind: .attribute, args))
      })
    m["methodcaller"] = .type(
      PyClass(name: "methodcaller", base: rt.objectClass, module: "operator") { args, kwargs in
        guard case .str(let name)? = args.first else {
          throw PyException(
            .typeError,
            args.isEmpty
              ? "methodcaller needs at least one argument, the method name"
              : "method name must be a string")
        }
        return .native(MethodCaller(rt, name, Array(args.dropFirst()), kwargs))
      })
    return m
  }
}

extension PyValue {
  var isString: Bool {
    if case .str = self { return true }
    return false
  }
}

/// `operator.itemgetter(...)` and `operator.attrgetter(...)`.
final class Getter: PyNativeObject {
  enum Kind { case item, attribute }
  unowned let runtime: Runtime
  let kind: Kind
  let keys: [PyValue]

  init(_ runtime: Runtime, kind: Kind, _ keys: [PyValue]) {
    self.runtime = runtime
    self.kind = kind
    self.keys = keys
  }

  var typeName: String { kind == .item ? "itemgetter" : "attrgetter" }

  private func get(_ obj: PyValue, _ key: PyValue) throws -> PyValue {
    switch kind {
    case .item: return try runtime.getItem(obj, key)
    case .attribute:
      guard case .str(let dotted) = key else { return .none }
      var v = obj
      for part in dotted.split(separator: ".", omittingEmptySubsequences: false) {
        v = try runtime.getAttribute(v, String(part))
      }
      return v
    }
  }

  func call(_ args: [PyValue], _ kwargs: KeywordArguments) throws -> PyValue {
    guard args.count == 1, kwargs.isEmpty else {
      if !kwargs.isEmpty {
        throw PyException(.typeError, "\(typeName)() takes no keyword arguments")
      }
      throw PyException(.typeError, "\(typeName) expected 1 argument, got \(args.count)")
    }
    if keys.count == 1 { return try get(args[0], keys[0]) }
    return .tuple(try keys.map { try get(args[0], $0) })
  }

  func repr() throws -> String {
    "operator.\(typeName)(\(try keys.map { try runtime.repr($0) }.joined(separator: ", ")))"
  }
}

/// `operator.methodcaller(name, *args, **kwargs)`.
final class MethodCaller: PyNativeObject {
  unowned let runtime: Runtime
  let name: String
  let args: [PyValue]
  let kwargs: KeywordArguments

  init(_ runtime: Runtime, _ name: String, _ args: [PyValue], _ kwargs: KeywordArguments) {
    self.runtime = runtime
    self.name = name
    self.args = args
    self.kwargs = kwargs
  }

  var typeName: String { "methodcaller" }

  func call(_ callArgs: [PyValue], _ callKwargs: KeywordArguments) throws -> PyValue {
    guard callArgs.count == 1, callKwargs.isEmpty else {
      if !callKwargs.isEmpty {
        throw PyException(.typeError, "methodcaller() takes no keyword arguments")
      }
      throw PyException(.typeError, "methodcaller expected 1 argument, got \(callArgs.count)")
    }
    return try runtime.call(try runtime.getAttribute(callArgs[0], name), args, kwargs)
  }

  func repr() throws -> String {
    var parts = [try runtime.repr(.str(name))]
    parts += try args.map { try runtime.repr($0) }
    parts += try kwargs.map { "\($0.0)=\(try runtime.repr($0.1))" }
    return "operator.methodcaller(\(parts.joined(separator: ", ")))"
  }
}
