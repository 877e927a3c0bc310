import Foundation

/// `warnings`: `warn` writes `Category: message` to stderr unless a filter ignores the
/// category, or raises it under an "error" filter; `filterwarnings`, `simplefilter`,
/// `resetwarnings` and `catch_warnings` keep CPython's filter list (newest first). Filters by
/// message or module text change only what stderr shows, except under "error", where they
/// would decide what is raised and are refused.
enum WarningsModule {
  static let actions: Set<String> = [
    "default", "error", "ignore", "always", "module", "once",
  ]

  final class State {
    /// (action, category), first match wins.
    var filters: [(String, PyClass)] = []
  }

  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "warnings")
    let state = State()
    guard let warningClass = rt.exceptionClasses[.warning],
      let userWarning = rt.exceptionClasses[.userWarning]
    else { return m }
    func def(_ name: String, _ body: @escaping (Arguments) throws -> PyValue) {
      m.define(name) { args, kwargs in try body(Arguments(name, args, kwargs)) }
    }
    func category(_ v: PyValue?, _ function: String) throws -> PyClass {
      guard let v, !rt.isNoneValue(v) else { return warningClass }
      guard case .type(let c) = v, c.isSubclass(of: warningClass) else {
        throw PyException(
          .typeError, "category must be a Warning subclass, not '\(rt.typeName(v))'")
      }
      return c
    }
    func addFilter(_ a: Arguments, messageIndex: Int?) throws {
      let action = try rt.string(try a.required(0, "action"), "action")
      guard actions.contains(action) else {
        throw PyException(.assertionError, "invalid action: \(reprString(action))")
      }
      var patterned = false
      if let i = messageIndex {
        for (index, name) in [(i, "message"), (i + 2, "module")] {
          if let v = a.value(index, name), try !rt.string(v, name).isEmpty { patterned = true }
        }
      }
      if patterned && action == "error" {
        throw PyException(
          .notImplementedError,
          "warnings.\(a.function)('error', message=/module=...) is not supported in journal cells")
      }
      let cls = try category(a.value(messageIndex.map { $0 + 1 } ?? 1, "category"), a.function)
      let append = try a.value("append").map { try rt.isTrue($0) } ?? false
      // A filter by message or module text only narrows what stderr shows: keep it out.
      if patterned { return }
      if append {
        state.filters.append((action, cls))
      } else {
        state.filters.insert((action, cls), at: 0)
      }
    }
    def("filterwarnings") { a in
      try a.expect(
        min: 1, max: 6, keywords: ["action", "message", "category", "module", "lineno", "append"])
      try addFilter(a, messageIndex: 1)
      return .none
    }
    def("simplefilter") { a in
      try a.expect(min: 1, max: 4, keywords: ["action", "category", "lineno", "append"])
      try addFilter(a, messageIndex: nil)
      return .none
    }
    def("resetwarnings") { a in
      try a.expect(min: 0, max: 0, keywords: [])
      state.filters = []
      return .none
    }
    def("warn") { a in
      try a.expect(min: 1, max: 4, keywords: ["message", "category", "stacklevel", "source"])
      let message = try a.required(0, "message")
      var cls = try category(a.value(1, "category"), "warn")
      if a.value(1, "category") == nil || a.value(1, "category").map(rt.isNoneValue) == true {
        cls = userWarning
      }
      var text: String
      if case .instance(let i) = message, i.cls.isSubclass(of: warningClass) {
        cls = i.cls
        text = try rt.str(message)
      } else {
        text = try rt.str(message)
      }
      let action = state.filters.first { cls.isSubclass(of: $0.1) }?.0 ?? "default"
      switch action {
      case "ignore": return .none
      case "error":
        if case .instance(let i) = message, i.cls.isSubclass(of: warningClass) {
          throw PyException(instance: i)
        }
        throw try rt.makeException(try rt.call(.type(cls), [.str(text)]))
      default:
        rt.writeError("\(cls.name): \(text)\n")
        return .none
      }
    }
    let catchClass = PyClass(name: "catch_warnings", base: rt.objectClass, module: "warnings") {
      args, kwargs in
      let a = Arguments("catch_warnings", args, kwargs)
      try a.expect(
        min: 0, max: 0, keywords: ["record", "module", "action", "category", "lineno", "append"])
      if let record = a.value("record"), try rt.isTrue(record) {
        throw PyException(
          .notImplementedError,
          "warnings.catch_warnings(record=True) is not supported in journal cells")
      }
      for name in ["module", "action", "category", "lineno", "append"] where a.value(name) != nil {
        throw PyException(
          .notImplementedError,
          "warnings.catch_warnings(\(name)=...) is not supported in journal cells")
      }
      return .native(CatchWarnings(state))
    }
    m["catch_warnings"] = .type(catchClass)
    return m
  }

  /// `with warnings.catch_warnings():` restores the filters on the way out.
  final class CatchWarnings: PyNativeObject {
    let state: State
    var saved: [(String, PyClass)]?

    init(_ state: State) { self.state = state }

    var typeName: String { "catch_warnings" }

    func getAttribute(_ name: String) throws -> PyValue? {
      switch name {
      case "__enter__":
        return .builtin(
          PyBuiltin("__enter__") { [self] _, _ in
            saved = state.filters
            return .none
          })
      case "__exit__":
        return .builtin(
          PyBuiltin("__exit__") { [self] _, _ in
            if let saved { state.filters = saved }
            return .bool(false)
          })
      default: return nil
      }
    }
  }
}
