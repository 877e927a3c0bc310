/// Parses tokens into statements: a recursive-descent parser over Python 3.11's grammar, limited
/// to the subset journal cells support. Anything outside it is a `SyntaxIssue` naming the feature.
struct Parser {
  private var tokens: [Token]
  private var index = 0

  private static let keywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
    "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield",
  ]

  init(tokens: [Token]) {
    self.tokens = tokens
  }

  static func parse(_ source: String) throws -> [Stmt] {
    var parser = Parser(tokens: try Lexer.tokenize(source))
    return try parser.parseModule()
  }

  // MARK: Token helpers

  private var current: Token { tokens[index] }
  private var location: SourceLocation { tokens[index].start }

  private func isOp(_ op: String) -> Bool {
    if case .op(let o) = current.kind { return o == op }
    return false
  }

  private func isKeyword(_ word: String) -> Bool {
    if case .name(let n) = current.kind { return n == word }
    return false
  }

  private func peekKind(_ offset: Int) -> TokenKind {
    index + offset < tokens.count ? tokens[index + offset].kind : .eof
  }

  private mutating func advance() -> Token {
    let t = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return t
  }

  private mutating func accept(_ op: String) -> Bool {
    if isOp(op) {
      index += 1
      return true
    }
    return false
  }

  private mutating func acceptKeyword(_ word: String) -> Bool {
    if isKeyword(word) {
      index += 1
      return true
    }
    return false
  }

  private mutating func expect(_ op: String) throws {
    guard accept(op) else {
      if op == ":" { throw SyntaxIssue("expected ':'", location) }
      throw invalid()
    }
  }

  private mutating func expectKeyword(_ word: String) throws {
    guard acceptKeyword(word) else { throw invalid() }
  }

  private func invalid() -> SyntaxIssue {
    switch current.kind {
    case .indent: return SyntaxIssue("unexpected indent", location)
    case .eof: return SyntaxIssue("unexpected EOF while parsing", location)
    default: return SyntaxIssue("invalid syntax", location)
    }
  }

  private mutating func identifier() throws -> String {
    guard case .name(let n) = current.kind, !Parser.keywords.contains(n) else { throw invalid() }
    index += 1
    return n
  }

  private func range(from start: SourceLocation) -> SourceRange {
    let prev = index > 0 ? tokens[index - 1].range.end : start
    return SourceRange(start, prev)
  }

  // MARK: Statements

  mutating func parseModule() throws -> [Stmt] {
    var body: [Stmt] = []
    while true {
      if current.kind == .eof { break }
      if current.kind == .newline {
        index += 1
        continue
      }
      if current.kind == .indent { throw SyntaxIssue("unexpected indent", location) }
      body += try parseStatement()
    }
    try Parser.checkFutureImports(body)
    return body
  }

  /// The features `from __future__ import` accepts; all but `barry_as_FLUFL` are what Python 3
  /// does anyway (annotations are never evaluated here).
  static let futureFeatures: Set<String> = [
    "nested_scopes", "generators", "division", "absolute_import", "with_statement",
    "print_function", "unicode_literals", "generator_stop", "annotations",
  ]

  /// CPython's rules for future statements: only a docstring and other future statements may
  /// come before one, and each feature must exist.
  static func checkFutureImports(_ body: [Stmt]) throws {
    var atBeginning = true
    for (i, stmt) in body.enumerated() {
      if case .importFrom("__future__", let names) = stmt.kind {
        guard atBeginning else {
          throw SyntaxIssue(
            "from __future__ imports must occur at the beginning of the file", stmt.range.start)
        }
        for (name, _) in names where !futureFeatures.contains(name) {
          if name == "braces" { throw SyntaxIssue("not a chance", stmt.range.start) }
          if name == "barry_as_FLUFL" {
            throw SyntaxIssue.unsupported("from __future__ import barry_as_FLUFL", stmt.range.start)
          }
          throw SyntaxIssue("future feature \(name) is not defined", stmt.range.start)
        }
        continue
      }
      if i == 0, case .expr(let e) = stmt.kind, case .constant(.str) = e.kind { continue }
      atBeginning = false
    }
  }

  private mutating func parseBlock() throws -> [Stmt] {
    try expect(":")
    if current.kind == .newline {
      index += 1
      guard current.kind == .indent else {
        throw SyntaxIssue("expected an indented block", location)
      }
      index += 1
      var body: [Stmt] = []
      while current.kind != .dedent && current.kind != .eof {
        if current.kind == .newline {
          index += 1
          continue
        }
        body += try parseStatement()
      }
      if current.kind == .dedent { index += 1 }
      return body
    }
    return try parseSimpleStatements()
  }

  private mutating func parseStatement() throws -> [Stmt] {
    let start = location
    if isOp("@") { return [try parseDecorated()] }
    guard case .name(let word) = current.kind else { return try parseSimpleStatements() }
    switch word {
    case "if": return [try parseIf()]
    case "while":
      index += 1
      let test = try parseNamedExpression()
      let body = try parseBlock()
      var orElse: [Stmt] = []
      if isKeyword("else") {
        index += 1
        orElse = try parseBlock()
      }
      return [Stmt(kind: .while(test, body: body, orElse: orElse), range: range(from: start))]
    case "for":
      index += 1
      let target = try parseTargetList()
      try expectKeyword("in")
      let iterable = try parseStarExpressions()
      let body = try parseBlock()
      var orElse: [Stmt] = []
      if isKeyword("else") {
        index += 1
        orElse = try parseBlock()
      }
      return [
        Stmt(
          kind: .for(target: target, iterable: iterable, body: body, orElse: orElse),
          range: range(from: start))
      ]
    case "def": return [try parseDef(decorators: [], start: start)]
    case "class": return [try parseClass(decorators: [], start: start)]
    case "try": return [try parseTry()]
    case "with":
      index += 1
      var items: [(context: Expr, target: Expr?)] = []
      let parenthesized = isOp("(") && withHasParenthesizedItems()
      if parenthesized { index += 1 }
      repeat {
        if parenthesized && isOp(")") { break }
        let context = try parseExpression()
        var target: Expr?
        if acceptKeyword("as") { target = try parseTarget() }
        items.append((context, target))
      } while accept(",")
      if parenthesized { try expect(")") }
      let body = try parseBlock()
      return [Stmt(kind: .with(items, body: body), range: range(from: start))]
    case "async": throw SyntaxIssue.unsupported("async", start)
    case "match" where isMatchStatement():
      throw SyntaxIssue.unsupported("match statements", start)
    default:
      if isOp("@") { return [try parseDecorated()] }
      return try parseSimpleStatements()
    }
  }

  /// `match x:` followed by an indented `case`, as opposed to a name or call called match.
  private func isMatchStatement() -> Bool {
    var i = index + 1
    var depth = 0
    while i < tokens.count {
      switch tokens[i].kind {
      case .op("("), .op("["), .op("{"): depth += 1
      case .op(")"), .op("]"), .op("}"): depth -= 1
      case .newline, .eof:
        guard depth == 0, i > index + 1, case .op(":") = tokens[i - 1].kind,
          i + 2 < tokens.count, tokens[i + 1].kind == .indent,
          case .name("case") = tokens[i + 2].kind
        else { return false }
        return true
      default: break
      }
      i += 1
    }
    return false
  }

  /// `with (a as b, c as d):` versus `with (a):`; only the former has `as` at depth one.
  private func withHasParenthesizedItems() -> Bool {
    var depth = 0
    var i = index
    while i < tokens.count {
      switch tokens[i].kind {
      case .op("("), .op("["), .op("{"): depth += 1
      case .op(")"), .op("]"), .op("}"):
        depth -= 1
        if depth == 0 {
          if case .op(":") = tokens[i + 1].kind { return false }
          return false
        }
      case .name("as") where depth == 1: return true
      case .newline, .eof: return false
      default: break
      }
      i += 1
    }
    return false
  }

  private mutating func parseDecorated() throws -> Stmt {
    var decorators: [Expr] = []
    let start = location
    while accept("@") {
      decorators.append(try parseNamedExpression())
      guard current.kind == .newline else { throw invalid() }
      index += 1
    }
    if isKeyword("def") { return try parseDef(decorators: decorators, start: start) }
    if isKeyword("class") { return try parseClass(decorators: decorators, start: start) }
    throw invalid()
  }

  private mutating func parseIf() throws -> Stmt {
    let start = location
    index += 1
    var branches: [(test: Expr, body: [Stmt])] = []
    let test = try parseNamedExpression()
    branches.append((test, try parseBlock()))
    var orElse: [Stmt] = []
    while true {
      if isKeyword("elif") {
        index += 1
        let t = try parseNamedExpression()
        branches.append((t, try parseBlock()))
      } else if isKeyword("else") {
        index += 1
        orElse = try parseBlock()
        break
      } else {
        break
      }
    }
    return Stmt(kind: .if(branches, orElse: orElse), range: range(from: start))
  }

  private mutating func parseDef(decorators: [Expr], start: SourceLocation) throws -> Stmt {
    index += 1
    let name = try identifier()
    try expect("(")
    let params = try parseParameters(closing: ")")
    try expect(")")
    if accept("->") { _ = try parseExpression() }
    let body = try parseBlock()
    let def = FunctionDef(name: name, parameters: params, body: body, decorators: decorators)
    return Stmt(kind: .function(def), range: SourceRange(start, start))
  }

  private mutating func parseClass(decorators: [Expr], start: SourceLocation) throws -> Stmt {
    index += 1
    let name = try identifier()
    var bases: [Expr] = []
    if accept("(") {
      while !isOp(")") {
        if case .name = current.kind, case .op("=") = peekKind(1) {
          throw SyntaxIssue.unsupported("class keyword arguments (metaclasses)", location)
        }
        bases.append(try parseExpression())
        if !accept(",") { break }
      }
      try expect(")")
    }
    if bases.count > 1 { throw SyntaxIssue.unsupported("multiple inheritance", start) }
    let body = try parseBlock()
    return Stmt(
      kind: .class(name: name, bases: bases, body: body, decorators: decorators),
      range: SourceRange(start, start))
  }

  /// Parameters of a def (closing `)`) or lambda (closing `:`), with annotations skipped.
  private mutating func parseParameters(closing: String) throws -> [Parameter] {
    var params: [Parameter] = []
    var keywordOnly = false
    let allowAnnotations = closing == ")"
    while !isOp(closing) {
      if accept("/") {
        if !accept(",") { break }
        continue
      }
      if accept("**") {
        let name = try identifier()
        if allowAnnotations && accept(":") { _ = try parseExpression() }
        params.append(Parameter(name: name, kind: .varKeywords, defaultValue: nil))
      } else if accept("*") {
        keywordOnly = true
        if isOp(",") {
          index += 1
          continue
        }
        let name = try identifier()
        if allowAnnotations && accept(":") { _ = try parseExpression() }
        params.append(Parameter(name: name, kind: .varArgs, defaultValue: nil))
      } else {
        let name = try identifier()
        if allowAnnotations && accept(":") { _ = try parseExpression() }
        var def: Expr?
        if accept("=") { def = try parseExpression() }
        if def == nil && !keywordOnly && params.contains(where: { $0.defaultValue != nil }) {
          throw SyntaxIssue("non-default argument follows default argument", location)
        }
        params.append(
          Parameter(name: name, kind: keywordOnly ? .keywordOnly : .normal, defaultValue: def))
      }
      if !accept(",") { break }
    }
    return params
  }

  private mutating func parseTry() throws -> Stmt {
    let start = location
    index += 1
    let body = try parseBlock()
    var handlers: [ExceptHandler] = []
    while isKeyword("except") {
      let hstart = location
      index += 1
      if isOp("*") { throw SyntaxIssue.unsupported("except*", hstart) }
      var type: Expr?
      var name: String?
      if !isOp(":") {
        type = try parseExpression()
        if isOp(",") {
          var items = [type!]
          while accept(",") { items.append(try parseExpression()) }
          type = Expr(kind: .tuple(items), range: range(from: hstart))
        }
        if acceptKeyword("as") { name = try identifier() }
      }
      let hbody = try parseBlock()
      handlers.append(
        ExceptHandler(type: type, name: name, body: hbody, range: range(from: hstart)))
    }
    var orElse: [Stmt] = []
    var finally: [Stmt] = []
    if acceptKeyword("else") { orElse = try parseBlock() }
    if acceptKeyword("finally") { finally = try parseBlock() }
    if handlers.isEmpty && finally.isEmpty {
      throw SyntaxIssue("expected 'except' or 'finally' block", location)
    }
    return Stmt(
      kind: .try(body: body, handlers: handlers, orElse: orElse, finally: finally),
      range: SourceRange(start, start))
  }

  private mutating func parseSimpleStatements() throws -> [Stmt] {
    var result = [try parseSimpleStatement()]
    while accept(";") {
      if current.kind == .newline { break }
      result.append(try parseSimpleStatement())
    }
    guard current.kind == .newline || current.kind == .eof else { throw invalid() }
    if current.kind == .newline { index += 1 }
    return result
  }

  private mutating func parseSimpleStatement() throws -> Stmt {
    let start = location
    if case .name(let word) = current.kind {
      switch word {
      case "pass":
        index += 1
        return Stmt(kind: .pass, range: range(from: start))
      case "break":
        index += 1
        return Stmt(kind: .break, range: range(from: start))
      case "continue":
        index += 1
        return Stmt(kind: .continue, range: range(from: start))
      case "return":
        index += 1
        let value = atStatementEnd ? nil : try parseStarExpressions()
        return Stmt(kind: .return(value), range: range(from: start))
      case "raise":
        index += 1
        var exc: Expr?
        var cause: Expr?
        if !atStatementEnd {
          exc = try parseExpression()
          if acceptKeyword("from") { cause = try parseExpression() }
        }
        return Stmt(kind: .raise(exc, cause: cause), range: range(from: start))
      case "global", "nonlocal":
        index += 1
        var names = [try identifier()]
        while accept(",") { names.append(try identifier()) }
        return Stmt(
          kind: word == "global" ? .global(names) : .nonlocal(names), range: range(from: start))
      case "del":
        index += 1
        var targets = [try parseTarget()]
        while accept(",") {
          if atStatementEnd { break }
          targets.append(try parseTarget())
        }
        return Stmt(kind: .delete(targets), range: range(from: start))
      case "assert":
        index += 1
        let test = try parseExpression()
        let msg = accept(",") ? try parseExpression() : nil
        return Stmt(kind: .assert(test, message: msg), range: range(from: start))
      case "import":
        index += 1
        var names: [(name: String, alias: String?)] = []
        repeat {
          let name = try dottedName()
          let alias = acceptKeyword("as") ? try identifier() : nil
          names.append((name, alias))
        } while accept(",")
        return Stmt(kind: .import(names), range: range(from: start))
      case "from":
        index += 1
        if isOp(".") || isOp("...") { throw SyntaxIssue.unsupported("relative imports", start) }
        let module = try dottedName()
        try expectKeyword("import")
        var names: [(name: String, alias: String?)] = []
        if accept("*") {
          names.append(("*", nil))
        } else {
          let paren = accept("(")
          repeat {
            if paren && isOp(")") { break }
            let name = try identifier()
            let alias = acceptKeyword("as") ? try identifier() : nil
            names.append((name, alias))
          } while accept(",")
          if paren { try expect(")") }
        }
        return Stmt(kind: .importFrom(module: module, names: names), range: range(from: start))
      case "yield":
        let e = try parseYield()
        return Stmt(kind: .expr(e), range: range(from: start))
      case "await": throw SyntaxIssue.unsupported("await", start)
      case "print":
        if case .name = peekKind(1) {
          throw SyntaxIssue(
            "Missing parentheses in call to 'print'. Did you mean print(...)?", start)
        }
        if case .string = peekKind(1) {
          throw SyntaxIssue(
            "Missing parentheses in call to 'print'. Did you mean print(...)?", start)
        }
      default: break
      }
    }
    let first = try parseStarExpressions()
    if accept("=") {
      var targets = [first]
      var value = try parseAssignedValue()
      while accept("=") {
        targets.append(value)
        value = try parseAssignedValue()
      }
      for t in targets { try checkTarget(t) }
      return Stmt(kind: .assign(targets: targets, value: value), range: range(from: start))
    }
    if case .op(let op) = current.kind, op.count >= 2, op.hasSuffix("="),
      op != "==", op != "!=", op != "<=", op != ">=",
      let binop = BinaryOperator(rawValue: String(op.dropLast()))
    {
      index += 1
      switch first.kind {
      case .name, .attribute, .subscript: break
      default:
        throw SyntaxIssue(
          "'\(describe(first))' is an illegal expression for augmented assignment", start)
      }
      let value = try parseStarExpressions()
      return Stmt(kind: .augAssign(first, binop, value), range: range(from: start))
    }
    if accept(":") {
      let annotation = try parseExpression()
      _ = annotation
      let value = accept("=") ? try parseStarExpressions() : nil
      try checkTarget(first)
      return Stmt(kind: .annotated(target: first, value: value), range: range(from: start))
    }
    return Stmt(kind: .expr(first), range: range(from: start))
  }

  private mutating func parseAssignedValue() throws -> Expr {
    if isKeyword("yield") { return try parseYield() }
    return try parseStarExpressions()
  }

  /// `yield`, `yield value`, `yield a, b`, `yield from iterable`.
  private mutating func parseYield() throws -> Expr {
    let start = location
    index += 1
    if acceptKeyword("from") {
      let source = try parseExpression()
      return Expr(kind: .yieldFrom(source), range: range(from: start))
    }
    if atStatementEnd || isOp(")") || isOp("]") || isOp("}") || isOp("=") {
      return Expr(kind: .yield(nil), range: range(from: start))
    }
    let value = try parseStarExpressions()
    return Expr(kind: .yield(value), range: range(from: start))
  }

  private var atStatementEnd: Bool {
    current.kind == .newline || current.kind == .eof || isOp(";")
  }

  private mutating func dottedName() throws -> String {
    var name = try identifier()
    while accept(".") { name += "." + (try identifier()) }
    return name
  }

  private func describe(_ e: Expr) -> String {
    switch e.kind {
    case .call: return "function call"
    case .constant: return "literal"
    case .tuple: return "tuple"
    case .list: return "list"
    case .binary, .unary, .boolean: return "expression"
    case .compare: return "comparison"
    default: return "expression"
    }
  }

  private func checkTarget(_ e: Expr) throws {
    switch e.kind {
    case .name, .attribute, .subscript: return
    case .tuple(let items), .list(let items):
      for i in items { try checkTarget(i) }
    case .starred(let inner): try checkTarget(inner)
    case .call:
      throw SyntaxIssue(
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        e.range.start)
    case .constant:
      throw SyntaxIssue(
        "cannot assign to literal here. Maybe you meant '==' instead of '='?", e.range.start)
    default: throw SyntaxIssue("cannot assign to \(describe(e))", e.range.start)
    }
  }

  // MARK: Expressions

  /// A target for `for`, `with ... as`, `del`: one or more comma-separated targets.
  private mutating func parseTargetList() throws -> Expr {
    let start = location
    let first = try parseTarget()
    guard isOp(",") else { return first }
    var items = [first]
    while accept(",") {
      if isKeyword("in") || isOp("=") { break }
      items.append(try parseTarget())
    }
    return Expr(kind: .tuple(items), range: range(from: start))
  }

  private mutating func parseTarget() throws -> Expr {
    let start = location
    if accept("*") {
      let inner = try parseBitOr()
      return Expr(kind: .starred(inner), range: range(from: start))
    }
    let e = try parseBitOr()
    try checkTarget(e)
    return e
  }

  /// Comma-separated expressions (a tuple without parentheses), with `*starred` items allowed.
  private mutating func parseStarExpressions() throws -> Expr {
    let start = location
    let first = try parseStarExpression()
    guard isOp(",") else { return first }
    var items = [first]
    while accept(",") {
      if atExpressionEnd { break }
      items.append(try parseStarExpression())
    }
    return Expr(kind: .tuple(items), range: range(from: start))
  }

  private var atExpressionEnd: Bool {
    switch current.kind {
    case .newline, .eof: return true
    case .op(let o):
      return [")", "]", "}", "=", ";", ":"].contains(o)
        || o.hasSuffix("=")
          && o.count >= 2 && !["==", "!=", "<=", ">="].contains(o)
    case .name(let n): return n == "in"
    default: return false
    }
  }

  private mutating func parseStarExpression() throws -> Expr {
    let start = location
    if accept("*") {
      let inner = try parseBitOr()
      return Expr(kind: .starred(inner), range: range(from: start))
    }
    return try parseExpression()
  }

  private mutating func parseNamedExpression() throws -> Expr {
    try parseExpression()
  }

  mutating func parseExpression() throws -> Expr {
    let start = location
    if isKeyword("lambda") { return try parseLambda() }
    if isKeyword("yield") { return try parseYield() }
    let body = try parseOr()
    if isKeyword("if") {
      // A conditional expression; inside comprehensions `if` is handled by the caller.
      let save = index
      index += 1
      let test = try parseOr()
      guard acceptKeyword("else") else {
        index = save
        return body
      }
      let orElse = try parseExpression()
      return Expr(
        kind: .conditional(test: test, body: body, orElse: orElse), range: range(from: start))
    }
    return body
  }

  private mutating func parseExpressionNoConditional() throws -> Expr {
    if isKeyword("lambda") { return try parseLambda(noConditional: true) }
    return try parseOr()
  }

  private mutating func parseLambda(noConditional: Bool = false) throws -> Expr {
    let start = location
    index += 1
    let params = try parseParameters(closing: ":")
    try expect(":")
    let body = noConditional ? try parseExpressionNoConditional() : try parseExpression()
    return Expr(kind: .lambda(params, body), range: range(from: start))
  }

  private mutating func parseOr() throws -> Expr {
    let start = location
    let first = try parseAnd()
    guard isKeyword("or") else { return first }
    var items = [first]
    while acceptKeyword("or") { items.append(try parseAnd()) }
    return Expr(kind: .boolean(isAnd: false, items), range: range(from: start))
  }

  private mutating func parseAnd() throws -> Expr {
    let start = location
    let first = try parseNot()
    guard isKeyword("and") else { return first }
    var items = [first]
    while acceptKeyword("and") { items.append(try parseNot()) }
    return Expr(kind: .boolean(isAnd: true, items), range: range(from: start))
  }

  private mutating func parseNot() throws -> Expr {
    let start = location
    if acceptKeyword("not") {
      let operand = try parseNot()
      return Expr(kind: .unary(.not, operand), range: range(from: start))
    }
    return try parseComparison()
  }

  private mutating func parseComparison() throws -> Expr {
    let start = location
    let first = try parseBitOr()
    var rest: [(CompareOperator, Expr)] = []
    while true {
      var op: CompareOperator?
      switch current.kind {
      case .op(let o):
        switch o {
        case "==": op = .eq
        case "!=": op = .ne
        case "<": op = .lt
        case "<=": op = .le
        case ">": op = .gt
        case ">=": op = .ge
        default: break
        }
        if op != nil { index += 1 }
      case .name("in"):
        op = .contains
        index += 1
      case .name("not"):
        if case .name("in") = peekKind(1) {
          op = .notContains
          index += 2
        }
      case .name("is"):
        index += 1
        op = acceptKeyword("not") ? .isNot : .isSame
      default: break
      }
      guard let found = op else { break }
      rest.append((found, try parseBitOr()))
    }
    if rest.isEmpty { return first }
    return Expr(kind: .compare(first, rest), range: range(from: start))
  }

  private mutating func binaryLevel(
    _ ops: [String: BinaryOperator], _ next: (inout Parser) throws -> Expr
  ) throws -> Expr {
    let start = location
    var left = try next(&self)
    while case .op(let o) = current.kind, let op = ops[o] {
      index += 1
      let right = try next(&self)
      left = Expr(kind: .binary(op, left, right), range: range(from: start))
    }
    return left
  }

  private mutating func parseBitOr() throws -> Expr {
    try binaryLevel(["|": .bitOr]) { try $0.parseBitXor() }
  }
  private mutating func parseBitXor() throws -> Expr {
    try binaryLevel(["^": .bitXor]) { try $0.parseBitAnd() }
  }
  private mutating func parseBitAnd() throws -> Expr {
    try binaryLevel(["&": .bitAnd]) { try $0.parseShift() }
  }
  private mutating func parseShift() throws -> Expr {
    try binaryLevel(["<<": .lshift, ">>": .rshift]) { try $0.parseSum() }
  }
  private mutating func parseSum() throws -> Expr {
    try binaryLevel(["+": .add, "-": .sub]) { try $0.parseTerm() }
  }
  private mutating func parseTerm() throws -> Expr {
    try binaryLevel(["*": .mul, "/": .div, "//": .floorDiv, "%": .mod, "@": .matMul]) {
      try $0.parseFactor()
    }
  }

  private mutating func parseFactor() throws -> Expr {
    let start = location
    if case .op(let o) = current.kind, o == "-" || o == "+" || o == "~" {
      index += 1
      let operand = try parseFactor()
      let op: UnaryOperator = o == "-" ? .neg : o == "+" ? .pos : .invert
      return Expr(kind: .unary(op, operand), range: range(from: start))
    }
    return try parsePower()
  }

  private mutating func parsePower() throws -> Expr {
    let start = location
    if isKeyword("await") { throw SyntaxIssue.unsupported("await", start) }
    let base = try parsePrimary()
    if accept("**") {
      let exponent = try parseFactor()
      return Expr(kind: .binary(.pow, base, exponent), range: range(from: start))
    }
    return base
  }

  private mutating func parsePrimary() throws -> Expr {
    let start = location
    var e = try parseAtom()
    while true {
      if accept(".") {
        let name = try identifier()
        e = Expr(kind: .attribute(e, name), range: range(from: start))
      } else if accept("(") {
        let args = try parseArguments()
        try expect(")")
        e = Expr(kind: .call(e, args), range: range(from: start))
      } else if accept("[") {
        let sub = try parseSubscriptList()
        try expect("]")
        e = Expr(kind: .subscript(e, sub), range: range(from: start))
      } else {
        return e
      }
    }
  }

  private mutating func parseArguments() throws -> [Argument] {
    var args: [Argument] = []
    while !isOp(")") {
      let start = location
      if accept("**") {
        args.append(.doubleStar(try parseExpression()))
      } else if accept("*") {
        args.append(.star(try parseExpression()))
      } else if case .name(let n) = current.kind, case .op("=") = peekKind(1),
        !Parser.keywords.contains(n)
      {
        index += 2
        args.append(.keyword(n, try parseExpression()))
      } else {
        let value = try parseExpression()
        if isKeyword("for") {
          let comps = try parseComprehensionClauses()
          let gen = Expr(kind: .generator(value, comps), range: range(from: start))
          args.append(.positional(gen))
        } else {
          args.append(.positional(value))
        }
      }
      if !accept(",") { break }
    }
    return args
  }

  private mutating func parseSubscriptList() throws -> Expr {
    let start = location
    let first = try parseSubscriptItem()
    guard isOp(",") else { return first }
    var items = [first]
    while accept(",") {
      if isOp("]") { break }
      items.append(try parseSubscriptItem())
    }
    return Expr(kind: .tuple(items), range: range(from: start))
  }

  private mutating func parseSubscriptItem() throws -> Expr {
    let start = location
    var lower: Expr?
    if !isOp(":") {
      if accept("*") {
        let inner = try parseBitOr()
        return Expr(kind: .starred(inner), range: range(from: start))
      }
      lower = try parseExpression()
      if !isOp(":") { return lower! }
    }
    try expect(":")
    var upper: Expr?
    var step: Expr?
    if !isOp("]") && !isOp(",") && !isOp(":") { upper = try parseExpression() }
    if accept(":") {
      if !isOp("]") && !isOp(",") { step = try parseExpression() }
    }
    return Expr(kind: .slice(lower, upper, step), range: range(from: start))
  }

  private mutating func parseComprehensionClauses() throws -> [Comprehension] {
    var clauses: [Comprehension] = []
    while isKeyword("for") || isKeyword("async") {
      if isKeyword("async") { throw SyntaxIssue.unsupported("async comprehensions", location) }
      index += 1
      let target = try parseTargetList()
      try expectKeyword("in")
      let iterable = try parseOr()
      var conditions: [Expr] = []
      while acceptKeyword("if") { conditions.append(try parseExpressionNoConditional()) }
      clauses.append(Comprehension(target: target, iterable: iterable, conditions: conditions))
    }
    return clauses
  }

  private mutating func parseAtom() throws -> Expr {
    let start = location
    let token = current
    switch token.kind {
    case .int(let v):
      index += 1
      return Expr(kind: .constant(.int(v)), range: token.range)
    case .float(let v):
      index += 1
      return Expr(kind: .constant(.float(v)), range: token.range)
    case .string, .fstring:
      return try parseStrings()
    case .name(let n):
      switch n {
      case "True":
        index += 1
        return Expr(kind: .constant(.bool(true)), range: token.range)
      case "False":
        index += 1
        return Expr(kind: .constant(.bool(false)), range: token.range)
      case "None":
        index += 1
        return Expr(kind: .constant(.none), range: token.range)
      case "lambda": return try parseLambda()
      case "yield": return try parseYield()
      case "await": throw SyntaxIssue.unsupported("await", start)
      default:
        if Parser.keywords.contains(n) { throw invalid() }
        index += 1
        return Expr(kind: .name(n), range: token.range)
      }
    case .op("..."):
      index += 1
      return Expr(kind: .constant(.ellipsis), range: token.range)
    case .op("("):
      index += 1
      if accept(")") { return Expr(kind: .tuple([]), range: range(from: start)) }
      let first = try parseStarExpression()
      if isKeyword("for") {
        let comps = try parseComprehensionClauses()
        try expect(")")
        return Expr(kind: .generator(first, comps), range: range(from: start))
      }
      if accept(")") {
        if case .starred = first.kind {
          throw SyntaxIssue("cannot use starred expression here", start)
        }
        return first
      }
      var items = [first]
      while accept(",") {
        if isOp(")") { break }
        items.append(try parseStarExpression())
      }
      try expect(")")
      return Expr(kind: .tuple(items), range: range(from: start))
    case .op("["):
      index += 1
      if accept("]") { return Expr(kind: .list([]), range: range(from: start)) }
      let first = try parseStarExpression()
      if isKeyword("for") {
        let comps = try parseComprehensionClauses()
        try expect("]")
        return Expr(kind: .listComp(first, comps), range: range(from: start))
      }
      var items = [first]
      while accept(",") {
        if isOp("]") { break }
        items.append(try parseStarExpression())
      }
      try expect("]")
      return Expr(kind: .list(items), range: range(from: start))
    case .op("{"):
      index += 1
      if accept("}") { return Expr(kind: .dict([]), range: range(from: start)) }
      if accept("**") {
        let first = try parseBitOr()
        return try parseDictRest(start: start, first: (nil, first))
      }
      let first = try parseStarExpression()
      if accept(":") {
        let value = try parseExpression()
        if isKeyword("for") {
          let comps = try parseComprehensionClauses()
          try expect("}")
          return Expr(kind: .dictComp(first, value, comps), range: range(from: start))
        }
        return try parseDictRest(start: start, first: (first, value))
      }
      if isKeyword("for") {
        let comps = try parseComprehensionClauses()
        try expect("}")
        return Expr(kind: .setComp(first, comps), range: range(from: start))
      }
      var items = [first]
      while accept(",") {
        if isOp("}") { break }
        items.append(try parseStarExpression())
      }
      try expect("}")
      return Expr(kind: .set(items), range: range(from: start))
    default:
      throw invalid()
    }
  }

  private mutating func parseDictRest(start: SourceLocation, first: (Expr?, Expr)) throws -> Expr {
    var items: [(key: Expr?, value: Expr)] = [first]
    while accept(",") {
      if isOp("}") { break }
      if accept("**") {
        items.append((nil, try parseBitOr()))
      } else {
        let k = try parseExpression()
        try expect(":")
        items.append((k, try parseExpression()))
      }
    }
    try expect("}")
    return Expr(kind: .dict(items), range: range(from: start))
  }

  /// Adjacent string literals concatenate; any f-string among them makes the whole an f-string.
  private mutating func parseStrings() throws -> Expr {
    let start = location
    var parts: [FStringPart] = []
    var isF = false
    var text = ""
    while true {
      switch current.kind {
      case .string(let s):
        text += s
        index += 1
        continue
      case .fstring(let body, let raw):
        isF = true
        if !text.isEmpty {
          parts.append(.literal(text))
          text = ""
        }
        parts += try parseFString(body, raw: raw, at: current.start)
        index += 1
        continue
      default: break
      }
      break
    }
    if !isF { return Expr(kind: .constant(.str(text)), range: range(from: start)) }
    if !text.isEmpty { parts.append(.literal(text)) }
    return Expr(kind: .fstring(parts), range: range(from: start))
  }

  /// Splits an f-string body into literal text and `{expression!conv:spec}` fields.
  private func parseFString(_ body: String, raw: Bool, at loc: SourceLocation) throws
    -> [FStringPart]
  {
    let chars = Array(body)
    var i = 0
    return try parseFStringParts(chars, &i, raw: raw, loc: loc, inSpec: false)
  }

  private func parseFStringParts(
    _ chars: [Character], _ i: inout Int, raw: Bool, loc: SourceLocation, inSpec: Bool
  ) throws -> [FStringPart] {
    var parts: [FStringPart] = []
    var literal = ""
    func flush() throws {
      if !literal.isEmpty {
        parts.append(.literal(raw ? literal : try Lexer.unescape(literal, at: loc)))
        literal = ""
      }
    }
    while i < chars.count {
      let c = chars[i]
      if inSpec && c == "}" { break }
      if c == "{" {
        if !inSpec && i + 1 < chars.count && chars[i + 1] == "{" {
          literal.append("{")
          i += 2
          continue
        }
        try flush()
        i += 1
        // Find the end of the expression: a top-level `!`, `:` or `}`.
        var depth = 0
        var exprText = ""
        var quote: Character?
        while i < chars.count {
          let d = chars[i]
          if let q = quote {
            if d == q { quote = nil }
          } else if d == "'" || d == "\"" {
            quote = d
          } else if d == "(" || d == "[" || d == "{" {
            depth += 1
          } else if d == ")" || d == "]" || d == "}" {
            if depth == 0 { break }
            depth -= 1
          } else if depth == 0
            && (d == ":" || (d == "!" && i + 1 < chars.count && chars[i + 1] != "="))
          {
            break
          }
          exprText.append(d)
          i += 1
        }
        var selfDoc = false
        var trimmed = exprText
        while let last = trimmed.last, last == " " { trimmed.removeLast() }
        if trimmed.hasSuffix("="), !trimmed.hasSuffix("=="), !trimmed.hasSuffix("!="),
          !trimmed.hasSuffix("<="), !trimmed.hasSuffix(">=")
        {
          selfDoc = true
          trimmed.removeLast()
        }
        let expr = try Parser.parseEmbedded(trimmed, at: loc)
        var conversion: Character?
        if i < chars.count && chars[i] == "!" {
          i += 1
          guard i < chars.count, "rsa".contains(chars[i]) else {
            throw SyntaxIssue("f-string: invalid conversion character", loc)
          }
          conversion = chars[i]
          i += 1
        }
        var spec: [FStringPart] = []
        if i < chars.count && chars[i] == ":" {
          i += 1
          spec = try parseFStringParts(chars, &i, raw: raw, loc: loc, inSpec: true)
        }
        guard i < chars.count, chars[i] == "}" else {
          throw SyntaxIssue("f-string: expecting '}'", loc)
        }
        i += 1
        if selfDoc {
          parts.append(.literal(exprText))
          if conversion == nil && spec.isEmpty { conversion = "r" }
        }
        parts.append(.field(expr, conversion: conversion, spec: spec))
        continue
      }
      if c == "}" {
        if i + 1 < chars.count && chars[i + 1] == "}" {
          literal.append("}")
          i += 2
          continue
        }
        throw SyntaxIssue("f-string: single '}' is not allowed", loc)
      }
      literal.append(c)
      i += 1
    }
    try flush()
    return parts
  }

  /// Parses an expression embedded in an f-string, reporting errors at the string's line.
  static func parseEmbedded(_ text: String, at loc: SourceLocation) throws -> Expr {
    if text.trimmingCharacters(in: " ").isEmpty {
      throw SyntaxIssue("f-string: empty expression not allowed", loc)
    }
    do {
      var tokens = try Lexer.tokenize("(" + text + ")")
      for i in tokens.indices {
        tokens[i].range = SourceRange(
          SourceLocation(line: loc.line + tokens[i].range.start.line - 1, column: loc.column),
          SourceLocation(line: loc.line + tokens[i].range.end.line - 1, column: loc.column))
      }
      var parser = Parser(tokens: tokens)
      let e = try parser.parseStarExpressions()
      guard parser.current.kind == .newline || parser.current.kind == .eof else {
        throw SyntaxIssue("f-string: invalid syntax", loc)
      }
      return e
    } catch var issue as SyntaxIssue {
      issue.location = loc
      if !issue.message.hasPrefix("f-string") && !issue.message.contains("not supported") {
        issue.message = "f-string: " + issue.message
      }
      throw issue
    }
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    var s = Substring(self)
    while s.first == set { s.removeFirst() }
    while s.last == set { s.removeLast() }
    return String(s)
  }
}
