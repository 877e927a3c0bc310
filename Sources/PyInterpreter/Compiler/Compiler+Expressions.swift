extension Compiler {
  func compileExpr(_ e: Expr) throws -> Eval {
    let rt = self.rt
    switch e.kind {
    case .name(let n):
      return load(resolve(n))
    case .constant(let c):
      let v: PyValue
      switch c {
      case .none: v = .none
      case .ellipsis: v = .ellipsis
      case .bool(let b): v = .bool(b)
      case .int(let i): v = .int(i)
      case .float(let d): v = .float(d)
      case .str(let s): v = .str(s)
      }
      return { _ in v }
    case .fstring(let parts):
      let compiled = try compileFStringParts(parts)
      return { f in .str(try compiled(f)) }
    case .list(let items):
      let build = try compileSequence(items)
      return { f in .list(PyList(try build(f))) }
    case .tuple(let items):
      let build = try compileSequence(items)
      return { f in .tuple(try build(f)) }
    case .set(let items):
      let build = try compileSequence(items)
      return { f in
        let s = PySet()
        for v in try build(f) { try s.storage.set(v, .none) }
        return .set(s)
      }
    case .dict(let items):
      let compiled = try items.map {
        (key: try $0.key.map(compileExpr), value: try compileExpr($0.value))
      }
      return { f in
        let d = PyDict()
        for item in compiled {
          if let k = item.key {
            let key = try k(f)
            try d.set(key, try item.value(f))
          } else {
            let m = try item.value(f)
            guard case .dict(let other) = m else {
              throw PyException(.typeError, "'\(rt.typeName(m))' object is not a mapping")
            }
            for (k, v) in other.items { try d.set(k, v) }
          }
        }
        return .dict(d)
      }
    case .starred:
      throw SyntaxIssue("can't use starred expression here", e.range.start)
    case .attribute(let obj, let name):
      let o = try compileExpr(obj)
      return { f in try rt.getAttribute(try o(f), name) }
    case .subscript(let obj, let key):
      let o = try compileExpr(obj)
      let k = try compileExpr(key)
      return { f in
        let base = try o(f)
        let index = try k(f)
        if case .list(let l) = base, case .int(var i) = index {
          if i < 0 { i += l.items.count }
          if i >= 0 && i < l.items.count { return l.items[i] }
        }
        return try rt.getItem(base, index)
      }
    case .slice(let a, let b, let c):
      let ea = try a.map(compileExpr)
      let eb = try b.map(compileExpr)
      let ec = try c.map(compileExpr)
      return { f in .slice(try ea?(f), try eb?(f), try ec?(f)) }
    case .call(let callee, let args):
      return try compileCall(callee, args, e.range)
    case .unary(let op, let operand):
      let o = try compileExpr(operand)
      if op == .not {
        return { f in .bool(!(try rt.isTrue(try o(f)))) }
      }
      return { f in try rt.unary(op, try o(f)) }
    case .binary(let op, let left, let right):
      let l = try compileExpr(left)
      let r = try compileExpr(right)
      switch op {
      case .add:
        return { f in
          let a = try l(f)
          let b = try r(f)
          if case .int(let x) = a, case .int(let y) = b {
            let (s, o) = x.addingReportingOverflow(y)
            if !o { return .int(s) }
          }
          if case .float(let x) = a, case .float(let y) = b { return .float(x + y) }
          return try rt.binary(op, a, b)
        }
      case .sub:
        return { f in
          let a = try l(f)
          let b = try r(f)
          if case .int(let x) = a, case .int(let y) = b {
            let (s, o) = x.subtractingReportingOverflow(y)
            if !o { return .int(s) }
          }
          if case .float(let x) = a, case .float(let y) = b { return .float(x - y) }
          return try rt.binary(op, a, b)
        }
      case .mul:
        return { f in
          let a = try l(f)
          let b = try r(f)
          if case .float(let x) = a, case .float(let y) = b { return .float(x * y) }
          return try rt.binary(op, a, b)
        }
      default:
        return { f in try rt.binary(op, try l(f), try r(f)) }
      }
    case .boolean(let isAnd, let items):
      let evs = try items.map(compileExpr)
      return { f in
        var v = PyValue.none
        for (i, ev) in evs.enumerated() {
          v = try ev(f)
          if i == evs.count - 1 { break }
          let t = try rt.isTrue(v)
          if isAnd ? !t : t { return v }
        }
        return v
      }
    case .compare(let first, let rest):
      let l = try compileExpr(first)
      let ops = try rest.map { (op: $0.0, ev: try compileExpr($0.1)) }
      if ops.count == 1 {
        let op = ops[0].op
        let r = ops[0].ev
        return { f in
          let a = try l(f)
          let b = try r(f)
          if case .int(let x) = a, case .int(let y) = b {
            switch op {
            case .lt: return .bool(x < y)
            case .le: return .bool(x <= y)
            case .gt: return .bool(x > y)
            case .ge: return .bool(x >= y)
            case .eq: return .bool(x == y)
            case .ne: return .bool(x != y)
            default: break
            }
          }
          return try rt.compare(op, a, b)
        }
      }
      return { f in
        var a = try l(f)
        var result = PyValue.bool(true)
        for (op, ev) in ops {
          let b = try ev(f)
          result = try rt.compare(op, a, b)
          if !(try rt.isTrue(result)) { return result }
          a = b
        }
        return result
      }
    case .conditional(let test, let body, let orElse):
      let t = try compileExpr(test)
      let b = try compileExpr(body)
      let o = try compileExpr(orElse)
      return { f in try rt.isTrue(try t(f)) ? try b(f) : try o(f) }
    case .lambda(let params, let body):
      return try compileFunction(
        name: "<lambda>", parameters: params, body: [], expression: body, line: e.range.line)
    case .yield(let value):
      guard scope.kind == .function else {
        throw SyntaxIssue("'yield' outside function", e.range.start)
      }
      scope.isGenerator = true
      let ev = try value.map(compileExpr)
      return { f in
        let v = try ev?(f) ?? .none
        guard let g = f.generator else {
          throw PyException(.runtimeError, "yield outside a running generator")
        }
        return try g.yield(v)
      }
    case .yieldFrom(let source):
      guard scope.kind == .function else {
        throw SyntaxIssue("'yield' outside function", e.range.start)
      }
      scope.isGenerator = true
      let ev = try compileExpr(source)
      return { f in
        let it = try rt.iterate(try ev(f))
        guard let g = f.generator else {
          throw PyException(.runtimeError, "yield outside a running generator")
        }
        while let v = try it.next() { _ = try g.yield(v) }
        return .none
      }
    case .listComp(let element, let clauses):
      let el = try compileExprInComprehension(clauses, "<listcomp>") { try $0.compileExpr(element) }
      return { f in
        var out: [PyValue] = []
        try el.run(f) { out.append(try el.value(f)) }
        return .list(PyList(out))
      }
    case .generator(let element, let clauses):
      let el = try compileExprInComprehension(clauses, "<genexpr>") { try $0.compileExpr(element) }
      return { f in .iterator(try el.lazy(f)) }
    case .setComp(let element, let clauses):
      let el = try compileExprInComprehension(clauses, "<setcomp>") { try $0.compileExpr(element) }
      return { f in
        let s = PySet()
        try el.run(f) { try s.storage.set(try el.value(f), .none) }
        return .set(s)
      }
    case .dictComp(let key, let value, let clauses):
      var valueEval: Eval = { _ in .none }
      let el = try compileExprInComprehension(clauses, "<dictcomp>") { c in
        valueEval = try c.compileExpr(value)
        return try c.compileExpr(key)
      }
      let ve = valueEval
      return { f in
        let d = PyDict()
        try el.run(f) {
          let k = try el.value(f)
          try d.set(k, try ve(f))
        }
        return .dict(d)
      }
    }
  }

  /// A comprehension compiled to a loop driver and the element expression.
  struct ComprehensionCode {
    let run: (Frame, () throws -> Void) throws -> Void
    let value: Eval
    /// A generator expression: the first iterable is evaluated now, the rest on demand.
    let lazy: (Frame) throws -> PyIterator
  }

  func compileExprInComprehension(
    _ clauses: [Comprehension], _ frameName: String, element: (Compiler) throws -> Eval
  ) throws -> ComprehensionCode {
    let rt = self.rt
    let filename = self.filename
    let lineOffset = self.lineOffset
    // CPython 3.11 runs comprehensions in their own frame, which tracebacks show.
    func addFrame(_ e: inout PyException, _ f: Frame) {
      let lines = rt.sources[Runtime.sourceKey(filename, lineOffset)]
      let text = lines.flatMap { f.line >= 1 && f.line <= $0.count ? $0[f.line - 1] : nil }
      e.traceback.insert(
        TracebackEntry(
          filename: filename, line: f.line + lineOffset, function: frameName,
          sourceLine: text?.trimmingCharacters(in: .whitespaces)), at: 0)
    }
    // The first iterable is evaluated in the enclosing scope, before the new names exist.
    let firstIterable = try compileExpr(clauses[0].iterable)
    var names: [String: Int] = [:]
    func bind(_ e: Expr) {
      switch e.kind {
      case .name(let n): if names[n] == nil { names[n] = scope.newSlot() }
      case .tuple(let items), .list(let items): items.forEach(bind)
      case .starred(let inner): bind(inner)
      default: break
      }
    }
    for c in clauses { bind(c.target) }
    scope.comprehensionNames.append(names)
    defer { scope.comprehensionNames.removeLast() }
    var levels: [(iterable: Eval, store: Store, conditions: [Eval])] = []
    for (i, c) in clauses.enumerated() {
      let iterable = i == 0 ? firstIterable : try compileExpr(c.iterable)
      levels.append((iterable, try compileStore(c.target), try c.conditions.map(compileExpr)))
    }
    let value = try element(self)
    func loop(_ level: Int, _ f: Frame, _ first: PyValue?, _ body: () throws -> Void) throws {
      let l = levels[level]
      let seq = try first ?? l.iterable(f)
      let it = try rt.iterate(seq)
      outer: while let v = try it.next() {
        try rt.tick()
        try l.store(f, v)
        for c in l.conditions where !(try rt.isTrue(try c(f))) { continue outer }
        if level + 1 < levels.count {
          try loop(level + 1, f, nil, body)
        } else {
          try body()
        }
      }
    }
    let lazy: (Frame) throws -> PyIterator = { f in
      var stack = [try rt.iterate(try levels[0].iterable(f))]
      return PyIterator("generator") {
        do {
          return try step()
        } catch var e as PyException {
          addFrame(&e, f)
          throw e
        }
      }
      func step() throws -> PyValue? {
        outer: while let top = stack.last {
          let level = stack.count - 1
          guard let v = try top.next() else {
            stack.removeLast()
            continue
          }
          try rt.tick()
          try levels[level].store(f, v)
          for c in levels[level].conditions where !(try rt.isTrue(try c(f))) { continue outer }
          if level + 1 < levels.count {
            stack.append(try rt.iterate(try levels[level + 1].iterable(f)))
            continue
          }
          return try value(f)
        }
        return nil
      }
    }
    let run: (Frame, () throws -> Void) throws -> Void = { f, body in
      let first = try levels[0].iterable(f)
      do {
        try loop(0, f, first, body)
      } catch var e as PyException {
        addFrame(&e, f)
        throw e
      }
    }
    return ComprehensionCode(run: run, value: value, lazy: lazy)
  }

  /// Builds a list of values, expanding `*iterable` items.
  private func compileSequence(_ items: [Expr]) throws -> (Frame) throws -> [PyValue] {
    let rt = self.rt
    let hasStar = items.contains {
      if case .starred = $0.kind { return true } else { return false }
    }
    if !hasStar {
      let evs = try items.map(compileExpr)
      return { f in
        var out: [PyValue] = []
        out.reserveCapacity(evs.count)
        for ev in evs { out.append(try ev(f)) }
        return out
      }
    }
    let parts = try items.map { item -> (Bool, Eval) in
      if case .starred(let inner) = item.kind { return (true, try compileExpr(inner)) }
      return (false, try compileExpr(item))
    }
    return { f in
      var out: [PyValue] = []
      for (star, ev) in parts {
        if star { out += try rt.toArray(try ev(f)) } else { out.append(try ev(f)) }
      }
      return out
    }
  }

  func compileFStringParts(_ parts: [FStringPart]) throws -> (Frame) throws -> String {
    let rt = self.rt
    let compiled = try parts.map { part -> (Frame) throws -> String in
      switch part {
      case .literal(let s): return { _ in s }
      case .field(let e, let conversion, let spec):
        let ev = try compileExpr(e)
        let specEval = spec.isEmpty ? nil : try compileFStringParts(spec)
        return { f in
          var v = try ev(f)
          switch conversion {
          case "r": v = .str(try rt.repr(v))
          case "s": v = .str(try rt.str(v))
          case "a": v = .str(asciiEscaped(try rt.repr(v)))
          default: break
          }
          let specText = try specEval?(f) ?? ""
          if specText.isEmpty, case .str(let s) = v { return s }
          return try rt.format(v, specText)
        }
      }
    }
    return { f in
      var out = ""
      for c in compiled { out += try c(f) }
      return out
    }
  }

  private func compileCall(_ callee: Expr, _ args: [Argument], _ range: SourceRange) throws
    -> Eval
  {
    let rt = self.rt
    if case .name("super") = callee.kind, args.isEmpty, scope.kind == .function {
      let superRef = load(resolve("super"))
      return { f in
        guard let fn = f.function, let cls = fn.definingClass, f.slotCount > 0,
          let first = f.slots[0]
        else {
          let s = try superRef(f)
          return try rt.call(s, [])
        }
        return .superProxy(PySuper(receiver: first, startAfter: cls))
      }
    }
    let simple = args.allSatisfy { if case .positional = $0 { return true } else { return false } }
    let argsEval: (Frame) throws -> ([PyValue], KeywordArguments)
    var positionalEvals: [Eval]?
    if simple {
      let evs = try args.map { a -> Eval in
        if case .positional(let e) = a { return try compileExpr(e) }
        fatalError("unreachable")
      }
      positionalEvals = evs
      argsEval = { f in
        var out: [PyValue] = []
        out.reserveCapacity(evs.count)
        for ev in evs { out.append(try ev(f)) }
        return (out, [])
      }
    } else {
      enum Compiled {
        case positional(Eval)
        case star(Eval)
        case keyword(String, Eval)
        case doubleStar(Eval)
      }
      var seenKeyword = false
      let compiled = try args.map { a -> Compiled in
        switch a {
        case .positional(let e):
          if seenKeyword {
            throw SyntaxIssue("positional argument follows keyword argument", e.range.start)
          }
          return .positional(try compileExpr(e))
        case .star(let e): return .star(try compileExpr(e))
        case .keyword(let n, let e):
          seenKeyword = true
          return .keyword(n, try compileExpr(e))
        case .doubleStar(let e):
          seenKeyword = true
          return .doubleStar(try compileExpr(e))
        }
      }
      argsEval = { f in
        var positional: [PyValue] = []
        var keywords: KeywordArguments = []
        for c in compiled {
          switch c {
          case .positional(let ev): positional.append(try ev(f))
          case .star(let ev): positional += try rt.toArray(try ev(f))
          case .keyword(let n, let ev):
            if keywords.contains(where: { $0.0 == n }) {
              throw PyException(.typeError, "keyword argument repeated: \(n)")
            }
            keywords.append((n, try ev(f)))
          case .doubleStar(let ev):
            let m = try ev(f)
            guard case .dict(let d) = m else {
              throw PyException(
                .typeError, "argument after ** must be a mapping, not \(rt.typeName(m))")
            }
            for (k, v) in d.items {
              guard case .str(let name) = k else {
                throw PyException(.typeError, "keywords must be strings")
              }
              keywords.append((name, v))
            }
          }
        }
        return (positional, keywords)
      }
    }
    if case .attribute(let objExpr, let name) = callee.kind {
      let o = try compileExpr(objExpr)
      if let evs = positionalEvals {
        // Method calls on instances bind self and the arguments straight into the new frame.
        let argc = evs.count
        return { f in
          let obj = try o(f)
          if case .instance(let inst) = obj, inst.attributes.get(name) == nil,
            case .function(let fn)? = inst.cls.lookup(name), fn.code.simpleArity == argc + 1
          {
            let frame = Frame(slotCount: fn.code.slotCount, parent: fn.closure, function: fn)
            frame.line = fn.code.firstLine
            frame.slots[0] = obj
            for i in 0..<argc { frame.slots[i + 1] = try evs[i](f) }
            return try rt.run(fn, in: frame)
          }
          let (a, k) = try argsEval(f)
          let method = try rt.getAttribute(obj, name)
          rt.callSite = f
          return try rt.call(method, a, k)
        }
      }
      return { f in
        let obj = try o(f)
        let (a, k) = try argsEval(f)
        if case .instance(let inst) = obj, inst.attributes.get(name) == nil,
          case .function(let fn)? = inst.cls.lookup(name)
        {
          return try rt.callFunction(fn, [obj] + a, k)
        }
        let method = try rt.getAttribute(obj, name)
        rt.callSite = f
        return try rt.call(method, a, k)
      }
    }
    let c = try compileExpr(callee)
    if let evs = positionalEvals {
      let argc = evs.count
      return { f in
        let fn = try c(f)
        if case .function(let pf) = fn, pf.code.simpleArity == argc {
          let frame = Frame(slotCount: pf.code.slotCount, parent: pf.closure, function: pf)
          frame.line = pf.code.firstLine
          for i in 0..<argc { frame.slots[i] = try evs[i](f) }
          return try rt.run(pf, in: frame)
        }
        let (a, k) = try argsEval(f)
        rt.callSite = f
        return try rt.call(fn, a, k)
      }
    }
    return { f in
      let fn = try c(f)
      let (a, k) = try argsEval(f)
      rt.callSite = f
      return try rt.call(fn, a, k)
    }
  }
}

/// `ascii()`: non-ASCII characters escaped as in a Python repr.
func asciiEscaped(_ s: String) -> String {
  var out = ""
  for u in s.unicodeScalars {
    if u.value < 128 {
      out.unicodeScalars.append(u)
    } else if u.value <= 0xFF {
      out += "\\x" + hexDigits(Int(u.value), 2)
    } else if u.value <= 0xFFFF {
      out += "\\u" + hexDigits(Int(u.value), 4)
    } else {
      out += "\\U" + hexDigits(Int(u.value), 8)
    }
  }
  return out
}

func hexDigits(_ v: Int, _ width: Int) -> String {
  let s = String(v, radix: 16)
  return String(repeating: "0", count: max(0, width - s.count)) + s
}
