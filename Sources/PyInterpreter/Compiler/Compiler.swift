/// How a statement ended.
enum Flow {
  case normal, breakLoop, continueLoop, returned
}

typealias Eval = (Frame) throws -> PyValue
typealias Exec = (Frame) throws -> Flow
typealias Store = (Frame, PyValue) throws -> Void

/// A compile-time scope: which names live in which frame slot.
final class Scope {
  enum Kind { case module, function, classBody }
  let kind: Kind
  let parent: Scope?
  var slots: [String: Int] = [:]
  var slotCount = 0
  var declaredGlobal: Set<String> = []
  var declaredNonlocal: Set<String> = []
  /// Comprehension variables live in hidden slots of the enclosing frame, innermost last.
  var comprehensionNames: [[String: Int]] = []
  var loopDepth = 0
  /// Set when the function body contains `yield`: calling it makes a generator.
  var isGenerator = false
  /// The prefix of qualified names defined in this scope: `f.<locals>.`, `Point.`.
  var qualPrefix = ""

  init(kind: Kind, parent: Scope?) {
    self.kind = kind
    self.parent = parent
  }

  func newSlot() -> Int {
    slotCount += 1
    return slotCount - 1
  }

  func comprehensionSlot(_ name: String) -> Int? {
    for m in comprehensionNames.reversed() { if let s = m[name] { return s } }
    return nil
  }
}

/// Where a name lives, resolved once at compile time.
enum NameRef {
  case local(Int, String)
  case enclosing(depth: Int, slot: Int, String)
  case global(GlobalBox)
  case classBody(String, fallback: Box<NameRef>)
}

final class Box<T> {
  let value: T
  init(_ value: T) { self.value = value }
}

/// Compiles the syntax tree into Swift closures: names resolved to slots, constants folded into
/// captures, so running a statement is a chain of direct calls.
final class Compiler {
  unowned let rt: Runtime
  let filename: String
  let lineOffset: Int
  var scope: Scope

  init(runtime: Runtime, filename: String, lineOffset: Int, scope: Scope) {
    self.rt = runtime
    self.filename = filename
    self.lineOffset = lineOffset
    self.scope = scope
  }

  func unsupported(_ feature: String, _ range: SourceRange) -> SyntaxIssue {
    SyntaxIssue.unsupported(feature, range.start)
  }

  // MARK: Names

  func resolve(_ name: String) -> NameRef {
    if let s = scope.comprehensionSlot(name) { return .local(s, name) }
    switch scope.kind {
    case .module: return .global(rt.global(name))
    case .classBody:
      return .classBody(name, fallback: Box(resolveOuter(name, from: scope)))
    case .function:
      if scope.declaredGlobal.contains(name) { return .global(rt.global(name)) }
      if !scope.declaredNonlocal.contains(name), let s = scope.slots[name] {
        return .local(s, name)
      }
      return resolveOuter(name, from: scope)
    }
  }

  private func resolveOuter(_ name: String, from start: Scope) -> NameRef {
    var depth = 1
    var s = start.parent
    while let sc = s {
      if let slot = sc.comprehensionSlot(name) { return .enclosing(depth: depth, slot: slot, name) }
      if sc.kind == .function, !sc.declaredGlobal.contains(name),
        !sc.declaredNonlocal.contains(name), let slot = sc.slots[name]
      {
        return .enclosing(depth: depth, slot: slot, name)
      }
      if sc.kind == .module { break }
      depth += 1
      s = sc.parent
    }
    return .global(rt.global(name))
  }

  func load(_ ref: NameRef) -> Eval {
    switch ref {
    case .local(let slot, let name):
      return { f in
        if let v = f.slots[slot] { return v }
        throw PyException(
          .unboundLocalError,
          "cannot access local variable '\(name)' where it is not associated with a value")
      }
    case .enclosing(let depth, let slot, let name):
      return { f in
        var frame = f
        for _ in 0..<depth { frame = frame.parent! }
        if let v = frame.slots[slot] { return v }
        throw PyException(
          .nameError,
          "cannot access free variable '\(name)' where it is not associated with a value "
            + "in enclosing scope")
      }
    case .global(let box):
      let rt = self.rt
      let name = box.name
      return { _ in
        if let v = box.value { return v }
        if let b = rt.builtins[name] { return b }
        throw PyException(.nameError, "name '\(name)' is not defined")
      }
    case .classBody(let name, let fallback):
      let outer = load(fallback.value)
      return { f in
        if let v = f.classNamespace?.get(name) { return v }
        return try outer(f)
      }
    }
  }

  func store(_ ref: NameRef) -> Store {
    switch ref {
    case .local(let slot, _): return { f, v in f.slots[slot] = v }
    case .enclosing(let depth, let slot, _):
      return { f, v in
        var frame = f
        for _ in 0..<depth { frame = frame.parent! }
        frame.slots[slot] = v
      }
    case .global(let box): return { _, v in box.value = v }
    case .classBody(let name, _): return { f, v in f.classNamespace!.set(name, v) }
    }
  }

  func storeName(_ name: String) -> Store {
    if scope.kind == .classBody && scope.comprehensionSlot(name) == nil {
      return { f, v in f.classNamespace!.set(name, v) }
    }
    return store(resolve(name))
  }

  // MARK: Local-variable analysis

  /// Names a function body binds (its locals), and its global/nonlocal declarations.
  static func collectBindings(
    _ body: [Stmt], into names: inout [String], globals: inout Set<String>,
    nonlocals: inout Set<String>
  ) {
    func add(_ n: String) { if !names.contains(n) { names.append(n) } }
    func target(_ e: Expr) {
      switch e.kind {
      case .name(let n): add(n)
      case .tuple(let items), .list(let items): items.forEach(target)
      case .starred(let inner): target(inner)
      default: break
      }
    }
    for s in body {
      switch s.kind {
      case .assign(let targets, _): targets.forEach(target)
      case .augAssign(let t, _, _): target(t)
      case .annotated(let t, _): target(t)
      case .for(let t, _, let b, let e):
        target(t)
        collectBindings(b + e, into: &names, globals: &globals, nonlocals: &nonlocals)
      case .while(_, let b, let e):
        collectBindings(b + e, into: &names, globals: &globals, nonlocals: &nonlocals)
      case .if(let branches, let e):
        collectBindings(
          branches.flatMap { $0.body } + e, into: &names, globals: &globals,
          nonlocals: &nonlocals)
      case .try(let b, let handlers, let e, let fin):
        for h in handlers { if let n = h.name { add(n) } }
        collectBindings(
          b + handlers.flatMap { $0.body } + e + fin, into: &names, globals: &globals,
          nonlocals: &nonlocals)
      case .with(let items, let b):
        for i in items { if let t = i.target { target(t) } }
        collectBindings(b, into: &names, globals: &globals, nonlocals: &nonlocals)
      case .function(let def): add(def.name)
      case .class(let name, _, _, _): add(name)
      case .import(let items):
        for i in items { add(i.alias ?? String(i.name.split(separator: ".")[0])) }
      case .importFrom(_, let items):
        for i in items where i.name != "*" { add(i.alias ?? i.name) }
      case .delete(let targets): targets.forEach(target)
      case .global(let ns): globals.formUnion(ns)
      case .nonlocal(let ns): nonlocals.formUnion(ns)
      default: break
      }
    }
  }

  // MARK: Statements

  func compileBlock(_ body: [Stmt]) throws -> Exec {
    let stmts = try body.map(compileStatement)
    switch stmts.count {
    case 0: return { _ in .normal }
    case 1: return stmts[0]
    case 2:
      let a = stmts[0]
      let b = stmts[1]
      return { f in
        let r = try a(f)
        if case .normal = r { return try b(f) }
        return r
      }
    default:
      return { f in
        for s in stmts {
          let r = try s(f)
          if case .normal = r { continue }
          return r
        }
        return .normal
      }
    }
  }

  func compileStatement(_ stmt: Stmt) throws -> Exec {
    let line = stmt.range.line
    let inner = try compileStatementBody(stmt)
    return { f in
      f.line = line
      return try inner(f)
    }
  }

  private func compileStatementBody(_ stmt: Stmt) throws -> Exec {
    let rt = self.rt
    switch stmt.kind {
    case .expr(let e):
      let ev = try compileExpr(e)
      return { f in
        _ = try ev(f)
        return .normal
      }
    case .pass, .global, .nonlocal:
      if case .nonlocal = stmt.kind, scope.kind == .module {
        throw SyntaxIssue("nonlocal declaration not allowed at module level", stmt.range.start)
      }
      if case .nonlocal(let names) = stmt.kind {
        for n in names {
          if case .global = resolveOuterCheck(n) {
            throw SyntaxIssue("no binding for nonlocal '\(n)' found", stmt.range.start)
          }
        }
      }
      return { _ in .normal }
    case .assign(let targets, let value):
      let ev = try compileExpr(value)
      if targets.count == 1 {
        if case .name(let n) = targets[0].kind {
          let st = storeName(n)
          return { f in
            try st(f, try ev(f))
            return .normal
          }
        }
        let st = try compileStore(targets[0])
        return { f in
          try st(f, try ev(f))
          return .normal
        }
      }
      let stores = try targets.map(compileStore)
      return { f in
        let v = try ev(f)
        for s in stores { try s(f, v) }
        return .normal
      }
    case .annotated(let target, let value):
      if scope.kind == .classBody, case .name(let n) = target.kind {
        // Class-level annotations are recorded (unevaluated) for dataclasses.
        let ev = try value.map(compileExpr)
        return { f in
          let ns = f.classNamespace!
          var annotations: PyDict
          if case .dict(let d)? = ns.get("__annotations__") {
            annotations = d
          } else {
            annotations = PyDict()
            ns.set("__annotations__", .dict(annotations))
          }
          annotations.set(n, .none)
          if let ev { ns.set(n, try ev(f)) }
          return .normal
        }
      }
      guard let value else { return { _ in .normal } }
      let ev = try compileExpr(value)
      let st = try compileStore(target)
      return { f in
        try st(f, try ev(f))
        return .normal
      }
    case .augAssign(let target, let op, let value):
      return try compileAugAssign(target, op, value)
    case .if(let branches, let orElse):
      let tests = try branches.map { try compileCondition($0.test) }
      let bodies = try branches.map { try compileBlock($0.body) }
      let elseBody = try compileBlock(orElse)
      if tests.count == 1 {
        let t = tests[0]
        let b = bodies[0]
        return { f in try t(f) ? try b(f) : try elseBody(f) }
      }
      return { f in
        for i in tests.indices where try tests[i](f) { return try bodies[i](f) }
        return try elseBody(f)
      }
    case .while(let test, let body, let orElse):
      let t = try compileCondition(test)
      scope.loopDepth += 1
      let b = try compileBlock(body)
      scope.loopDepth -= 1
      let e = try compileBlock(orElse)
      let line = stmt.range.line
      return { f in
        while try {
          f.line = line
          return try t(f)
        }() {
          try rt.tick()
          switch try b(f) {
          case .breakLoop: return .normal
          case .returned: return .returned
          default: continue
          }
        }
        return try e(f)
      }
    case .for(let target, let iterable, let body, let orElse):
      return try compileFor(target, iterable, body, orElse, line: stmt.range.line)
    case .break:
      if scope.loopDepth == 0 { throw SyntaxIssue("'break' outside loop", stmt.range.start) }
      return { _ in .breakLoop }
    case .continue:
      if scope.loopDepth == 0 {
        throw SyntaxIssue("'continue' not properly in loop", stmt.range.start)
      }
      return { _ in .continueLoop }
    case .return(let value):
      if scope.kind != .function {
        throw SyntaxIssue("'return' outside function", stmt.range.start)
      }
      guard let value else {
        return { f in
          f.returnValue = .none
          return .returned
        }
      }
      let ev = try compileExpr(value)
      return { f in
        f.returnValue = try ev(f)
        return .returned
      }
    case .function(let def):
      let make = try compileFunction(
        name: def.name, parameters: def.parameters, body: def.body, expression: nil,
        line: stmt.range.line)
      let decorators = try def.decorators.map(compileExpr)
      let st = storeName(def.name)
      return { f in
        var fn = try make(f)
        for d in decorators.reversed() { fn = try rt.call(try d(f), [fn]) }
        try st(f, fn)
        return .normal
      }
    case .class(let name, let bases, let body, let decorators):
      return try compileClass(name, bases, body, decorators, stmt.range)
    case .raise(let exc, let cause):
      return try compileRaise(exc, cause)
    case .try(let body, let handlers, let orElse, let finally):
      return try compileTry(body, handlers, orElse, finally)
    case .assert(let test, let message):
      let t = try compileCondition(test)
      let m = try message.map(compileExpr)
      return { f in
        if try !t(f) {
          if let m { throw PyException(kind: .assertionError, args: [try m(f)]) }
          throw PyException(kind: .assertionError, args: [])
        }
        return .normal
      }
    case .with(let items, let body):
      return try compileWith(items, body)
    case .delete(let targets):
      let dels = try targets.map(compileDelete)
      return { f in
        for d in dels { try d(f) }
        return .normal
      }
    case .import(let items):
      var steps: [(Frame) throws -> Void] = []
      for item in items {
        let name = item.name
        if let alias = item.alias {
          let st = storeName(alias)
          steps.append { f in try st(f, .module(try rt.importModule(name))) }
        } else {
          let top = String(name.split(separator: ".")[0])
          let st = storeName(top)
          steps.append { f in
            _ = try rt.importModule(name)
            try st(f, .module(try rt.importModule(top)))
          }
        }
      }
      return { f in
        for s in steps { try s(f) }
        return .normal
      }
    case .importFrom(let module, let items):
      // At module level `Parser.checkFutureImports` has placed them.
      if module == "__future__" && scope.kind != .module {
        throw SyntaxIssue(
          "from __future__ imports must occur at the beginning of the file", stmt.range.start)
      }
      if items.count == 1 && items[0].name == "*" {
        if scope.kind != .module {
          throw SyntaxIssue("import * only allowed at module level", stmt.range.start)
        }
        return { _ in
          let m = try rt.importModule(module)
          for (k, v) in m.namespace.items {
            guard case .str(let name) = k, !name.hasPrefix("_") else { continue }
            rt.global(name).value = v
          }
          return .normal
        }
      }
      let stores = items.map { (name: $0.name, store: storeName($0.alias ?? $0.name)) }
      return { f in
        let m = try rt.importModule(module)
        for item in stores {
          var value = m.namespace.get(item.name)
          if value == nil {
            value = (try? rt.importModule(module + "." + item.name)).map { .module($0) }
          }
          guard let value else {
            throw PyException(
              .importError,
              "cannot import name '\(item.name)' from '\(module)' (journal cells)")
          }
          try item.store(f, value)
        }
        return .normal
      }
    }
  }

  private func resolveOuterCheck(_ name: String) -> NameRef {
    resolveOuter(name, from: scope)
  }

  private func compileCondition(_ e: Expr) throws -> (Frame) throws -> Bool {
    let rt = self.rt
    if case .compare(let left, let ops) = e.kind, ops.count == 1 {
      let l = try compileExpr(left)
      let r = try compileExpr(ops[0].1)
      let op = ops[0].0
      return { f in
        let a = try l(f)
        let b = try r(f)
        if case .int(let x) = a, case .int(let y) = b {
          switch op {
          case .lt: return x < y
          case .le: return x <= y
          case .gt: return x > y
          case .ge: return x >= y
          case .eq: return x == y
          case .ne: return x != y
          default: break
          }
        }
        return try rt.isTrue(rt.compare(op, a, b))
      }
    }
    let ev = try compileExpr(e)
    return { f in
      let v = try ev(f)
      if case .bool(let b) = v { return b }
      return try rt.isTrue(v)
    }
  }

  private func compileFor(
    _ target: Expr, _ iterable: Expr, _ body: [Stmt], _ orElse: [Stmt], line: Int
  ) throws -> Exec {
    let rt = self.rt
    let it = try compileExpr(iterable)
    let st = try compileStore(target)
    scope.loopDepth += 1
    let b = try compileBlock(body)
    scope.loopDepth -= 1
    let e = try compileBlock(orElse)
    return { f in
      let seq = try it(f)
      if case .range(let start, _, let step) = seq {
        var i = start
        var remaining = try rt.length(seq)
        while remaining > 0 {
          remaining -= 1
          try rt.tick()
          try st(f, .int(i))
          i &+= step
          switch try b(f) {
          case .breakLoop: return .normal
          case .returned: return .returned
          default: continue
          }
        }
        return try e(f)
      }
      let iterator = try rt.iterate(seq)
      // Errors raised while fetching the next item point at the `for` line, as in CPython.
      while let v = try {
        f.line = line
        return try iterator.next()
      }() {
        try rt.tick()
        try st(f, v)
        switch try b(f) {
        case .breakLoop: return .normal
        case .returned: return .returned
        default: continue
        }
      }
      return try e(f)
    }
  }

  private func compileAugAssign(_ target: Expr, _ op: BinaryOperator, _ value: Expr) throws
    -> Exec
  {
    let rt = self.rt
    let ev = try compileExpr(value)
    switch target.kind {
    case .name(let n):
      let ref =
        scope.kind == .classBody ? NameRef.classBody(n, fallback: Box(resolve(n))) : resolve(n)
      let ld = load(ref)
      let st = storeName(n)
      return { f in
        let old = try ld(f)
        let r = try ev(f)
        if case .int(let a) = old, case .int(let b) = r, op == .add {
          let (s, o) = a.addingReportingOverflow(b)
          if !o {
            try st(f, .int(s))
            return .normal
          }
        }
        try st(f, try rt.inPlace(op, old, r))
        return .normal
      }
    case .attribute(let obj, let name):
      let o = try compileExpr(obj)
      return { f in
        let base = try o(f)
        let old = try rt.getAttribute(base, name)
        try rt.setAttribute(base, name, try rt.inPlace(op, old, try ev(f)))
        return .normal
      }
    case .subscript(let obj, let key):
      let o = try compileExpr(obj)
      let k = try compileExpr(key)
      return { f in
        let base = try o(f)
        let index = try k(f)
        let old = try rt.getItem(base, index)
        try rt.setItem(base, index, try rt.inPlace(op, old, try ev(f)))
        return .normal
      }
    default:
      throw SyntaxIssue("illegal expression for augmented assignment", target.range.start)
    }
  }

  func compileStore(_ target: Expr) throws -> Store {
    let rt = self.rt
    switch target.kind {
    case .name(let n): return storeName(n)
    case .attribute(let obj, let name):
      let o = try compileExpr(obj)
      return { f, v in try rt.setAttribute(try o(f), name, v) }
    case .subscript(let obj, let key):
      let o = try compileExpr(obj)
      let k = try compileExpr(key)
      return { f, v in try rt.setItem(try o(f), try k(f), v) }
    case .tuple(let items), .list(let items):
      let starIndex = items.firstIndex {
        if case .starred = $0.kind { return true } else { return false }
      }
      if let s = starIndex,
        items[(s + 1)...].contains(where: {
          if case .starred = $0.kind { return true } else { return false }
        })
      {
        throw SyntaxIssue("multiple starred expressions in assignment", target.range.start)
      }
      let stores = try items.map { item -> Store in
        if case .starred(let inner) = item.kind { return try compileStore(inner) }
        return try compileStore(item)
      }
      let n = items.count
      return { f, v in
        let values: [PyValue]
        if case .tuple(let t) = v {
          values = t
        } else {
          switch v {
          case .int, .float, .bool, .none, .function, .builtin:
            throw PyException(
              .typeError, "cannot unpack non-iterable \(rt.typeName(v)) object")
          default: values = try rt.toArray(v)
          }
        }
        if let s = starIndex {
          guard values.count >= n - 1 else {
            throw PyException(
              .valueError,
              "not enough values to unpack (expected at least \(n - 1), got \(values.count))")
          }
          for i in 0..<s { try stores[i](f, values[i]) }
          let restCount = values.count - (n - 1)
          try stores[s](f, .list(PyList(Array(values[s..<(s + restCount)]))))
          for i in (s + 1)..<n { try stores[i](f, values[i - 1 + restCount]) }
          return
        }
        guard values.count == n else {
          if values.count > n {
            throw PyException(.valueError, "too many values to unpack (expected \(n))")
          }
          throw PyException(
            .valueError, "not enough values to unpack (expected \(n), got \(values.count))")
        }
        for i in 0..<n { try stores[i](f, values[i]) }
      }
    case .starred:
      throw SyntaxIssue("starred assignment target must be in a list or tuple", target.range.start)
    default:
      throw SyntaxIssue("cannot assign to expression", target.range.start)
    }
  }

  private func compileDelete(_ target: Expr) throws -> (Frame) throws -> Void {
    let rt = self.rt
    switch target.kind {
    case .name(let n):
      if scope.kind == .classBody {
        return { f in
          if try f.classNamespace!.remove(.str(n)) == nil {
            throw PyException(.nameError, "name '\(n)' is not defined")
          }
        }
      }
      switch resolve(n) {
      case .local(let slot, _):
        return { f in
          if f.slots[slot] == nil {
            throw PyException(
              .unboundLocalError,
              "cannot access local variable '\(n)' where it is not associated with a value")
          }
          f.slots[slot] = nil
        }
      case .global(let box):
        return { _ in
          if box.value == nil { throw PyException(.nameError, "name '\(n)' is not defined") }
          box.value = nil
        }
      default:
        throw unsupported("deleting a variable of an enclosing function", target.range)
      }
    case .attribute(let obj, let name):
      let o = try compileExpr(obj)
      return { f in try rt.deleteAttribute(try o(f), name) }
    case .subscript(let obj, let key):
      let o = try compileExpr(obj)
      let k = try compileExpr(key)
      return { f in try rt.deleteItem(try o(f), try k(f)) }
    case .tuple(let items), .list(let items):
      let dels = try items.map(compileDelete)
      return { f in for d in dels { try d(f) } }
    default:
      throw SyntaxIssue("cannot delete expression", target.range.start)
    }
  }

  private func compileRaise(_ exc: Expr?, _ cause: Expr?) throws -> Exec {
    let rt = self.rt
    guard let exc else {
      return { _ in
        guard let current = rt.handling.last else {
          throw PyException(.runtimeError, "No active exception to reraise")
        }
        throw current
      }
    }
    let ev = try compileExpr(exc)
    let causeEv = try cause.map(compileExpr)
    return { f in
      let v = try ev(f)
      var e = try rt.makeException(v)
      if let causeEv {
        let c = try causeEv(f)
        e.suppressContext = true
        if !rt.isNoneValue(c) { e.cause = Box(try rt.makeException(c)) }
      }
      throw e
    }
  }

  /// The traceback entry of frame `f` at `line`, for an exception caught in it.
  static func catchEntry(
    _ rt: Runtime, _ filename: String, _ lineOffset: Int, _ f: Frame, line: Int
  ) -> TracebackEntry {
    let lines = rt.sources[Runtime.sourceKey(filename, lineOffset)]
    let text = lines.flatMap { line >= 1 && line <= $0.count ? $0[line - 1] : nil }
    return TracebackEntry(
      filename: filename, line: line + lineOffset, function: f.function?.code.name ?? "<module>",
      sourceLine: text?.trimmingCharacters(in: .whitespaces))
  }

  private func compileTry(
    _ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt], _ finally: [Stmt]
  ) throws -> Exec {
    let rt = self.rt
    let b = try compileBlock(body)
    let compiledHandlers = try handlers.map {
      h -> (type: Eval?, store: Store?, body: Exec, line: Int) in
      (
        try h.type.map(compileExpr), h.name.map(storeName), try compileBlock(h.body),
        h.range.line
      )
    }
    let e = try compileBlock(orElse)
    let fin = finally.isEmpty ? nil : try compileBlock(finally)
    let hasElse = !orElse.isEmpty
    let filename = self.filename
    let lineOffset = self.lineOffset
    return { f in
      var flow = Flow.normal
      do {
        var raised = false
        do {
          flow = try b(f)
        } catch var error as PyException where error.catchable && !compiledHandlers.isEmpty {
          raised = true
          let cls = rt.exceptionClass(of: error)
          var handled = false
          for h in compiledHandlers {
            if let t = h.type {
              guard try rt.exceptionMatches(cls, try t(f)) else { continue }
            }
            if error.originLine == nil { error.originLine = f.line }
            // What a later exception's "During handling..." section shows: the frames from
            // this one down to where the exception was raised.
            var context = error
            context.traceback.insert(
              Compiler.catchEntry(rt, filename, lineOffset, f, line: error.originLine ?? f.line),
              at: 0)
            f.line = h.line
            let inst = rt.instance(of: &error)
            _ = rt.instance(of: &context)
            if let s = h.store { try s(f, .instance(inst)) }
            rt.handling.append(error)
            defer { rt.handling.removeLast() }
            do {
              flow = try h.body(f)
            } catch var raisedInHandler as PyException {
              if raisedInHandler.context == nil && !raisedInHandler.suppressContext
                && !rt.isSameException(raisedInHandler, error)
              {
                raisedInHandler.context = Box(context)
              }
              throw raisedInHandler
            }
            handled = true
            break
          }
          if !handled { throw error }
        }
        if !raised && hasElse, case .normal = flow { flow = try e(f) }
      } catch {
        if let fin {
          let ff = try fin(f)
          if case .normal = ff {} else { return ff }
        }
        throw error
      }
      if let fin {
        let ff = try fin(f)
        if case .normal = ff {} else { return ff }
      }
      return flow
    }
  }

  private func compileWith(_ items: [(context: Expr, target: Expr?)], _ body: [Stmt]) throws
    -> Exec
  {
    let rt = self.rt
    guard let first = items.first else { return try compileBlock(body) }
    let ctx = try compileExpr(first.context)
    let st = try first.target.map(compileStore)
    let inner =
      items.count > 1 ? try compileWith(Array(items.dropFirst()), body) : try compileBlock(body)
    return { f in
      let manager = try ctx(f)
      let enter = try rt.getAttribute(manager, "__enter__")
      let exit = try rt.getAttribute(manager, "__exit__")
      let value = try rt.call(enter, [])
      if let st { try st(f, value) }
      let flow: Flow
      do {
        flow = try inner(f)
      } catch var error as PyException where error.catchable {
        let inst = rt.instance(of: &error)
        let suppress = try rt.call(exit, [.type(inst.cls), .instance(inst), .none])
        if try rt.isTrue(suppress) { return .normal }
        throw error
      }
      _ = try rt.call(exit, [.none, .none, .none])
      return flow
    }
  }

  private func compileClass(
    _ name: String, _ bases: [Expr], _ body: [Stmt], _ decorators: [Expr], _ range: SourceRange
  ) throws -> Exec {
    let rt = self.rt
    let baseEvals = try bases.map(compileExpr)
    let classScope = Scope(kind: .classBody, parent: scope)
    classScope.qualPrefix = scope.qualPrefix + name + "."
    let saved = scope
    scope = classScope
    defer { scope = saved }
    let b = try compileBlock(body)
    scope = saved
    let decos = try decorators.map(compileExpr)
    let st = storeName(name)
    return { f in
      var base: PyClass = rt.objectClass
      if let be = baseEvals.first {
        let bv = try be(f)
        guard case .type(let c) = bv else {
          throw PyException(
            .typeError, "a class can only derive from a class, not '\(rt.typeName(bv))'")
        }
        base = c
      }
      let ns = PyDict()
      ns.set("__module__", .str("__main__"))
      ns.set("__qualname__", .str(name))
      let frame = Frame(slotCount: classScope.slotCount, parent: f, function: nil)
      frame.classNamespace = ns
      frame.line = f.line
      _ = try b(frame)
      let cls = PyClass(name: name, base: base, namespace: ns, module: "__main__")
      for v in ns.values {
        switch v {
        case .function(let fn): fn.definingClass = cls
        case .native(let w as MethodWrapper):
          if case .function(let fn) = w.function { fn.definingClass = cls }
          if case .function(let fn)? = w.setter { fn.definingClass = cls }
        default: break
        }
      }
      var value = PyValue.type(cls)
      for d in decos.reversed() { value = try rt.call(try d(f), [value]) }
      try st(f, value)
      return .normal
    }
  }

  /// Compiles a def or lambda into a closure that makes the function object at definition time.
  func compileFunction(
    name: String, parameters: [Parameter], body: [Stmt], expression: Expr?, line: Int
  ) throws -> Eval {
    let fscope = Scope(kind: .function, parent: scope)
    let qualname = scope.qualPrefix + (expression == nil ? name : "<lambda>")
    fscope.qualPrefix = qualname + ".<locals>."
    var infos: [CodeObject.ParameterInfo] = []
    for p in parameters {
      if fscope.slots[p.name] != nil {
        throw SyntaxIssue(
          "duplicate argument '\(p.name)' in function definition",
          SourceLocation(line: line, column: 1))
      }
      let slot = fscope.newSlot()
      fscope.slots[p.name] = slot
      infos.append(CodeObject.ParameterInfo(name: p.name, kind: p.kind, slot: slot))
    }
    var locals: [String] = []
    var globals: Set<String> = []
    var nonlocals: Set<String> = []
    Compiler.collectBindings(body, into: &locals, globals: &globals, nonlocals: &nonlocals)
    fscope.declaredGlobal = globals
    fscope.declaredNonlocal = nonlocals
    for n in locals where fscope.slots[n] == nil && !globals.contains(n) && !nonlocals.contains(n) {
      fscope.slots[n] = fscope.newSlot()
    }
    let defaultEvals = try parameters.compactMap { p -> (String, Eval)? in
      guard let d = p.defaultValue else { return nil }
      return (p.name, try compileExpr(d))
    }
    let saved = scope
    scope = fscope
    defer { scope = saved }
    let bodyExec: (Frame) throws -> Void
    if let expression {
      let ev = try compileExpr(expression)
      bodyExec = { f in f.returnValue = try ev(f) }
    } else {
      let b = try compileBlock(body)
      bodyExec = { f in _ = try b(f) }
    }
    scope = saved
    let code = CodeObject(
      name: expression == nil ? name : "<lambda>", filename: filename, lineOffset: lineOffset,
      parameters: infos, slotCount: fscope.slotCount, firstLine: line,
      isLambda: expression != nil, qualname: qualname)
    code.body = bodyExec
    code.isGenerator = fscope.isGenerator
    return { f in
      var defaults: [String: PyValue] = [:]
      for (n, ev) in defaultEvals { defaults[n] = try ev(f) }
      return .function(PyFunction(code: code, defaults: defaults, closure: f))
    }
  }
}
