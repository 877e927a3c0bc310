import Foundation
import Testing

@testable import PyInterpreter

/// The engine's declared signatures against the real libraries' (`inspect.signature`, recorded
/// by `scripts/fixtures/signatures.py`), and every native function against its declaration.
@Suite struct SignatureRegistryTests {
  /// `owner.name` -> [[name, kind, default or null]].
  nonisolated(unsafe) static let real: [String: [[Any]]] = {
    let url = TestFixtures.folder("signatures").appendingPathComponent("real.json")
    guard let data = try? Data(contentsOf: url),
      let json = try? JSONSerialization.jsonObject(with: data) as? [String: [[Any]]]
    else { return [:] }
    return json
  }()

  @Test func everyTableParses() {
    for table in SignatureTables.all {
      #expect(table.errors.isEmpty, "\(table.owner): \(table.errors)")
      #expect(!table.signatures.isEmpty, "\(table.owner) is empty")
    }
  }

  /// What differs between a declaration and the real signature, or nil.
  static func difference(_ s: Signature, _ real: [[Any]]) -> String? {
    var realParams = real.compactMap { p -> (String, String, String?)? in
      guard let name = p[0] as? String, let kind = p[1] as? String else { return nil }
      return (name, kind, p[2] as? String)
    }
    // A method's receiver is not declared.
    if s.hasSelf, realParams.first?.0 == "self" { realParams.removeFirst() }
    let realForwards = realParams.last?.1 == "VAR_KEYWORD"
    var i = 0
    for p in s.parameters {
      if i < realParams.count, realParams[i].0 == p.name {
        let r = realParams[i]
        i += 1
        if r.1 != p.kind.rawValue { return "\(p.name) is \(p.kind.rawValue), real \(r.1)" }
        let declared = p.defaultValue?.description
        let actual = r.2.map { DefaultValue(parsing: $0).description }
        if declared != actual {
          return "\(p.name) defaults to \(declared ?? "nothing"), real \(actual ?? "nothing")"
        }
        continue
      }
      // Keywords a real `**kwargs` forwards (`ndarray.sum` passes them to `_sum`).
      if realForwards && (p.kind == .keywordOnly || p.kind == .positionalOrKeyword)
        && p.defaultValue != nil
      {
        continue
      }
      return "\(p.name) is not a parameter of the real function (\(realParams.map(\.0)))"
    }
    let missing = realParams[i...].filter { !(realForwards && $0.1 == "VAR_KEYWORD") }
    if !missing.isEmpty { return "undeclared real parameters \(missing.map(\.0))" }
    return nil
  }

  /// Declarations that differ from `inspect.signature` on purpose, each with its reason.
  static let deviations: [String: String] = [
    "numpy.arange":
      "the C function also accepts `stop=` alone; inspect shows start_or_stop required",
    "numpy.ndarray.any": "binds as NumPy's _any(a, axis, dtype, out, keepdims) does",
    "numpy.ndarray.all": "binds as NumPy's _all(a, axis, dtype, out, keepdims) does",
    "torch.nn.RNN": "the real one is (*args, **kwargs) over RNNBase's: as documented",
    "torch.nn.LSTM": "the real one is (*args, **kwargs) over RNNBase's: as documented",
    "torch.nn.GRU": "the real one is (*args, **kwargs) over RNNBase's: as documented",
    "torch.utils.data.random_split":
      "generator defaults to torch.default_generator, an object inspect prints by address",
    "torch.nn.functional.max_pool2d":
      "a boolean_dispatch wrapper, (*args, **kwargs); declared as max_pool2d_with_indices binds",
  ]

  @Test func declarationsMatchTheRealSignatures() {
    #expect(SignatureRegistryTests.real.count > 1000)
    var checked = 0
    var unchecked: [String] = []
    for table in SignatureTables.all {
      for s in table.signatures {
        guard let real = SignatureRegistryTests.real[s.qualifiedName] else {
          unchecked.append(s.qualifiedName)
          continue
        }
        checked += 1
        if SignatureRegistryTests.deviations[s.qualifiedName] != nil { continue }
        if let why = SignatureRegistryTests.difference(s, real) {
          Issue.record("\(s.qualifiedName)\(s.text.drop(while: { $0 != "(" })): \(why)")
        }
      }
    }
    print(
      "signatures: \(checked) checked against inspect.signature, \(unchecked.count) without one "
        + "(\(unchecked.prefix(20).joined(separator: " "))...)")
  }

  /// Every native function of the bridged modules carries its declared signature.
  @Test func everyModuleFunctionIsDeclared() throws {
    let session = Interpreter()
    registerBridge(in: session)
    let declared = Set(SignatureTables.all.map(\.owner))
    var functions = 0
    for module in SignatureTables.modules {
      try session.run(source: "import \(module)")
      let m = try session.runtime.importModule(module)
      for (key, value) in m.namespace.items {
        guard case .str(let name) = key else { continue }
        let function: PyBuiltin
        switch value {
        case .builtin(let b): function = b
        // A ufunc object calls its declared function.
        case .native(let u as UFunc): function = u.function
        default: continue
        }
        let b = function
        functions += 1
        guard let s = b.signature, !s.isUndeclared else {
          Issue.record("\(module).\(name) has no declared signature")
          continue
        }
        #expect(declared.contains(s.owner), "\(s.qualifiedName): table not listed")
      }
    }
    #expect(functions > 100)
  }

  /// Binding copies Python's rules and messages.
  @Test func bindingFollowsPython() throws {
    let table = SignatureTable(
      "demo",
      """
      f(a, b=1, /, c=2, *, d, ~e=None)
      [numpy] g(x, y=None, ~z=0)
      """)
    guard let f = table["f"], let g = table["g"] else {
      Issue.record("table does not parse: \(table.errors)")
      return
    }
    func bind(_ s: Signature, _ args: [PyValue], _ kw: KeywordArguments) -> String {
      do {
        _ = try Arguments(binding: args, kw, to: s)
        return "ok"
      } catch let e as PyException {
        return "\(e.kindName): \(e.messageText)"
      } catch {
        return "\(error)"
      }
    }
    #expect(bind(f, [.int(1)], [("d", .int(1))]) == "ok")
    #expect(
      bind(f, [], [("d", .int(1))])
        == "TypeError: f() missing 1 required positional argument: 'a'")
    #expect(
      bind(f, [.int(1)], []) == "TypeError: f() missing 1 required keyword-only argument: 'd'")
    #expect(
      bind(f, [.int(1), .int(2), .int(3), .int(4)], [("d", .int(1))])
        == "TypeError: f() takes from 1 to 3 positional arguments but 4 positional arguments "
        + "(and 1 keyword-only argument) were given")
    #expect(
      bind(f, [.int(1)], [("d", .int(1)), ("zz", .int(1))])
        == "TypeError: f() got an unexpected keyword argument 'zz'")
    #expect(
      bind(f, [.int(1)], [("d", .int(1)), ("b", .int(1))])
        == "TypeError: f() got some positional-only arguments passed as keyword arguments: 'b'")
    #expect(
      bind(f, [.int(1), .int(2), .int(3)], [("d", .int(1)), ("c", .int(1))])
        == "TypeError: f() got multiple values for argument 'c'")
    #expect(bind(f, [.int(1)], [("d", .int(1)), ("e", .none)]) == "ok")
    #expect(
      bind(f, [.int(1)], [("d", .int(1)), ("e", .int(3))])
        == "NotImplementedError: demo.f(e=...) is not supported in journal cells")
    #expect(bind(g, [], []) == "TypeError: g() missing required argument 'x' (pos 0)")
    #expect(
      bind(g, [.int(1)], [("x", .int(1))])
        == "TypeError: argument for g() given by name ('x') and position (position 0)")
    #expect(
      bind(g, [.int(1), .int(2), .int(3), .int(4)], [])
        == "TypeError: g() takes from 1 to 3 positional arguments but 4 were given")
    #expect(bind(g, [.int(1)], [("z", .bool(false))]) == "ok")
  }

  /// A body that leaves an argument unread makes the call fail instead of ignoring it.
  @Test func unreadArgumentsAreRefused() throws {
    let table = SignatureTable("demo", "h(x, flag=False)")
    guard let h = table["h"] else { return }
    let lazy = PyBuiltin(h) { a in try a.required("x") }
    #expect(throws: Never.self) { try lazy.body([.int(1)], []) }
    do {
      _ = try lazy.body([.int(1)], [("flag", .bool(true))])
      Issue.record("an unread keyword was accepted")
    } catch let e as PyException {
      #expect(e.messageText == "demo.h(flag=...) is not supported in journal cells")
    }
  }
}

extension PyException {
  var kindName: String { typeName }
  /// The message of an exception raised from Swift with one string argument.
  var messageText: String {
    if case .builtin(_, let args) = payload, case .str(let s)? = args.first { return s }
    return ""
  }
}
