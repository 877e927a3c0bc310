import Foundation

/// `warnings`: `warn` shows `file:line: Category: message` and the stripped source line on
/// stderr, as CPython's `showwarning` does, unless a filter ignores the warning, raises it
/// ("error") or has shown it already ("default" once per line, "module" once per module,
/// "once" once at all). `filterwarnings`, `simplefilter`, `resetwarnings` and
/// `catch_warnings` keep CPython 3.11's filter list (newest first, starting with its default
/// filters: `DeprecationWarning` shown in `__main__` only, `PendingDeprecationWarning` ignored),
/// and, as CPython does, every change of the list forgets which warnings were shown.
///
/// Message and module patterns are regular expressions matched at the start (the message
/// ignoring case); a pattern ICU reads otherwise than Python's `re` (`(?P<name>...)`) is
/// refused. Code run by the engine is always the module `__main__`.
enum WarningsModule {
  static let actions: Set<String> = [
    "default", "error", "ignore", "always", "module", "once",
  ]

  struct Filter {
    var action: String
    var message: NSRegularExpression?
    var category: PyClass
    var module: NSRegularExpression?
    var line: Int

    func isSame(as other: Filter) -> Bool {
      action == other.action && message?.pattern == other.message?.pattern
        && category === other.category && module?.pattern == other.module?.pattern
        && line == other.line
    }

    func matches(text: String, category: PyClass, module name: String, line: Int) -> Bool {
      func matchesStart(_ pattern: NSRegularExpression?, _ s: String) -> Bool {
        guard let pattern else { return true }
        return pattern.firstMatch(
          in: s, options: [.anchored], range: NSRange(s.startIndex..., in: s)) != nil
      }
      return matchesStart(message, text) && category.isSubclass(of: self.category)
        && matchesStart(module, name) && (self.line == 0 || self.line == line)
    }
  }

  /// What a warning is remembered by once shown.
  struct Key: Hashable {
    var text: String
    var category: ObjectIdentifier
    var line: Int
  }

  final class State {
    var filters: [Filter] = []
    /// Bumped by every change of `filters`: the registry is cleared when it no longer matches.
    var version = 0
    var registryVersion = 0
    /// `__main__.__warningregistry__`: the warnings shown under "default" and "module".
    var registry = Set<Key>()
    /// `warnings.onceregistry`, which no change of the filters clears.
    var once = Set<Key>()
  }

  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "warnings")
    let state = State()
    guard let warningClass = rt.exceptionClasses[.warning],
      let userWarning = rt.exceptionClasses[.userWarning],
      let deprecation = rt.exceptionClasses[.deprecationWarning],
      let pending = rt.exceptionClasses[.pendingDeprecationWarning]
    else { return m }
    func defaultFilters() -> [Filter] {
      // CPython 3.11's `warnings.filters` at start-up, less the categories the engine has not.
      [
        Filter(
          action: "default", message: nil, category: deprecation,
          module: try? NSRegularExpression(pattern: "__main__"), line: 0),
        Filter(action: "ignore", message: nil, category: deprecation, module: nil, line: 0),
        Filter(action: "ignore", message: nil, category: pending, module: nil, line: 0),
      ]
    }
    state.filters = defaultFilters()
    func mutated() { state.version += 1 }
    func def(_ name: String, _ body: @escaping (Arguments) throws -> PyValue) {
      m.define(name) { args, kwargs in try body(Arguments(name, args, kwargs)) }
    }
    func assertion(_ ok: Bool, _ message: String) throws {
      if !ok { throw PyException(.assertionError, message) }
    }
    func pattern(_ a: Arguments, _ index: Int, _ name: String, ignoringCase: Bool) throws
      -> NSRegularExpression?
    {
      guard let v = a.value(index, name) else { return nil }
      guard case .str(let text) = v else {
        throw PyException(.assertionError, "\(name) must be a string")
      }
      guard !text.isEmpty else { return nil }
      guard !text.contains("(?P"),
        let regex = try? NSRegularExpression(
          pattern: text, options: ignoringCase ? [.caseInsensitive] : [])
      else {
        throw PyException(
          .notImplementedError,
          "warnings.\(a.function)(\(name)=\(reprString(text))): this pattern is not supported "
            + "in journal cells")
      }
      return regex
    }
    func lineNumber(_ a: Arguments, _ index: Int) throws -> Int {
      guard let v = a.value(index, "lineno") else { return 0 }
      let ok: Bool
      if case .int(let n) = v {
        ok = n >= 0
      } else if case .bool = v {
        ok = true
      } else {
        ok = false
      }
      try assertion(ok, "lineno must be an int >= 0")
      return try rt.int(v, "lineno")
    }
    func add(_ filter: Filter, append: PyValue?) throws {
      let append = try append.map { try rt.isTrue($0) } ?? false
      let existing = state.filters.firstIndex { $0.isSame(as: filter) }
      // As CPython's `_add_filter`: an equal filter moves to the front, or stays where it is
      // when appending.
      if !append {
        if let existing { state.filters.remove(at: existing) }
        state.filters.insert(filter, at: 0)
      } else if existing == nil {
        state.filters.append(filter)
      }
      mutated()
    }
    func action(_ a: Arguments) throws -> String {
      let v = try a.required(0, "action")
      let action = (try? rt.str(v)) ?? ""
      guard case .str = v, actions.contains(action) else {
        throw PyException(.assertionError, "invalid action: \((try? rt.repr(v)) ?? action)")
      }
      return action
    }
    def("filterwarnings") { a in
      try a.expect(
        min: 1, max: 6, keywords: ["action", "message", "category", "module", "lineno", "append"])
      let act = try action(a)
      let message = try pattern(a, 1, "message", ignoringCase: true)
      let category: PyClass
      switch a.value(2, "category") {
      case nil: category = warningClass
      case .type(let c)?:
        try assertion(c.isSubclass(of: warningClass), "category must be a Warning subclass")
        category = c
      default: throw PyException(.assertionError, "category must be a class")
      }
      let module = try pattern(a, 3, "module", ignoringCase: false)
      let line = try lineNumber(a, 4)
      try add(
        Filter(action: act, message: message, category: category, module: module, line: line),
        append: a.value(5, "append"))
      return .none
    }
    def("simplefilter") { a in
      try a.expect(min: 1, max: 4, keywords: ["action", "category", "lineno", "append"])
      let act = try action(a)
      let category: PyClass
      switch a.value(1, "category") {
      case nil: category = warningClass
      case .type(let c)? where c.isSubclass(of: warningClass): category = c
      case let v?:
        // CPython takes any value here and fails at the next warning.
        throw PyException(
          .notImplementedError,
          "warnings.simplefilter(category=\((try? rt.repr(v)) ?? "?")): a category that is "
            + "not a Warning subclass is not supported in journal cells")
      }
      let line = try lineNumber(a, 2)
      try add(
        Filter(action: act, message: nil, category: category, module: nil, line: line),
        append: a.value(3, "append"))
      return .none
    }
    def("resetwarnings") { a in
      try a.expect(min: 0, max: 0, keywords: [])
      state.filters = []
      mutated()
      return .none
    }
    def("warn") { a in
      try a.expect(min: 1, max: 4, keywords: ["message", "category", "stacklevel", "source"])
      let message = try a.required(0, "message")
      if let level = a.value(2, "stacklevel"), try rt.int(level, "stacklevel") > 1 {
        throw PyException(
          .notImplementedError,
          "warnings.warn(stacklevel=\(try rt.int(level, "stacklevel"))) is not supported in "
            + "journal cells")
      }
      // As CPython's `get_category`: a Warning instance is its own category.
      let cls: PyClass
      if case .instance(let i) = message, i.cls.isSubclass(of: warningClass) {
        cls = i.cls
      } else {
        switch a.value(1, "category") {
        case nil, .none?: cls = userWarning
        case .type(let c)? where c.isSubclass(of: warningClass): cls = c
        case let v?:
          throw PyException(
            .typeError, "category must be a Warning subclass, not '\(rt.typeName(v))'")
        }
      }
      let text = try rt.str(message)
      let site = rt.callSiteEntry()
      let line = site?.line ?? 1
      if state.registryVersion != state.version {
        state.registry = []
        state.registryVersion = state.version
      }
      let key = Key(text: text, category: ObjectIdentifier(cls), line: line)
      if state.registry.contains(key) { return .none }
      let action =
        state.filters.first {
          $0.matches(text: text, category: cls, module: "__main__", line: line)
        }?.action ?? "default"
      switch action {
      case "ignore": return .none
      case "error":
        if case .instance(let i) = message, i.cls.isSubclass(of: warningClass) {
          throw PyException(instance: i)
        }
        throw try rt.makeException(try rt.call(.type(cls), [message]))
      case "once":
        state.registry.insert(key)
        let onceKey = Key(text: text, category: ObjectIdentifier(cls), line: 0)
        guard state.once.insert(onceKey).inserted else { return .none }
      case "module":
        state.registry.insert(key)
        let moduleKey = Key(text: text, category: ObjectIdentifier(cls), line: 0)
        guard state.registry.insert(moduleKey).inserted else { return .none }
      case "default":
        state.registry.insert(key)
      default:
        break
      }
      var shown = "\(site?.filename ?? "sys"):\(line): \(cls.name): \(text)\n"
      if let source = site?.sourceLine, !source.isEmpty { shown += "  \(source)\n" }
      rt.writeError(shown)
      return .none
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
    var saved: [Filter]?

    init(_ state: State) { self.state = state }

    var typeName: String { "catch_warnings" }

    func getAttribute(_ name: String) throws -> PyValue? {
      switch name {
      case "__enter__":
        return .builtin(
          PyBuiltin("__enter__") { [self] _, _ in
            if saved != nil {
              throw PyException(.runtimeError, "Cannot enter \(reprDescription) twice")
            }
            saved = state.filters
            state.version += 1
            return .none
          })
      case "__exit__":
        return .builtin(
          PyBuiltin("__exit__") { [self] _, _ in
            guard let saved else {
              throw PyException(
                .runtimeError, "Cannot exit \(reprDescription) without entering first")
            }
            state.filters = saved
            state.version += 1
            return .bool(false)
          })
      default: return nil
      }
    }

    private var reprDescription: String { "catch_warnings()" }
  }
}
