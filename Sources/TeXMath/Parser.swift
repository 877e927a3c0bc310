/// Parses TeX math tokens into ``Node``s, expanding macros as it goes.
///
/// Macro expansion splices the expansion into the token stream (a gap buffer, so a splice costs
/// the expansion's size).
struct Parser {
  /// Where an expression stops besides `}`, `\end`, `\right` and `\middle`.
  struct Stops: OptionSet {
    let rawValue: UInt8
    static let ampersand = Stops(rawValue: 1)
    static let newline = Stops(rawValue: 2)
    static let bracket = Stops(rawValue: 4)
    static let dollar = Stops(rawValue: 8)
  }

  var tokens: TokenStream
  var pos = 0
  var macros: [String: Macro]
  /// The math alphabet in force (`\mathbf{...}`, `\bf`), nil for TeX's default.
  var font: MathFont?
  var expansions = 0
  /// Tokens that macro expansion has put into the stream so far.
  var expandedTokens = 0
  /// Levels of nesting open now: groups, commands reading arguments, environments, text.
  var depth = 0
  /// The position that `peek()` last returned, already expanded; -1 after any expansion.
  var peeked = -1
  /// `\tag`s seen since the last row or formula end.
  var tags: [Node] = []
  /// Colors named by `\definecolor`, as `#rrggbb`.
  var colors: [String: String] = [:]
  let sourceLength: Int
  /// The formula, for `\verb`, whose text is raw source rather than tokens.
  let source: [Unicode.Scalar]

  /// Each level costs stack in the parser and in the writer: see ``MathMLConverter``.
  static let maximumDepth = 100
  static let maximumExpansions = 2000
  /// Bounds the memory of a macro whose expansion grows each time (`\def\a#1{\a{#1#1}}`
  /// doubles its argument at each of its 2000 allowed expansions).
  static let maximumExpandedTokens = 100_000

  init(source: [Unicode.Scalar], macros: [String: Macro]) {
    tokens = TokenStream(Token.tokenize(source))
    self.macros = macros
    sourceLength = source.count
    self.source = source
  }

  // MARK: - Entry

  mutating func parseFormula() throws(MathError) -> [Node] {
    var nodes = try parseExpression([])
    if let t = try peek() {
      switch t.kind {
      case .char("}"): throw MathError("Unmatched }", at: t.range)
      case .command("end"): throw MathError("\\end without \\begin", at: t.range)
      case .command("right"): throw MathError("\\right without \\left", at: t.range)
      case .command("middle"): throw MathError("\\middle without \\left", at: t.range)
      default: throw MathError("Unexpected input", at: t.range)
      }
    }
    if !tags.isEmpty {
      nodes.append(Node(.space(2), tags[0].range))
      nodes.append(contentsOf: tags)
      tags = []
    }
    return nodes
  }

  // MARK: - Tokens

  func error(_ message: String, _ range: Range<Int>? = nil) -> MathError {
    let r = range ?? (pos < tokens.count ? tokens[pos].range : sourceLength..<sourceLength)
    return MathError(message, at: r)
  }

  var here: Range<Int> {
    pos < tokens.count ? tokens[pos].range : sourceLength..<sourceLength
  }

  mutating func skipSpaces() {
    while pos < tokens.count, tokens[pos].kind == .space { pos += 1 }
  }

  /// The next token that is not a space, after expanding macros and running definitions.
  mutating func peek() throws(MathError) -> Token? {
    // The parser peeks at the same token several times; it was already expanded.
    if pos == peeked, pos < tokens.count { return tokens[pos] }
    while true {
      skipSpaces()
      guard pos < tokens.count else { return nil }
      guard case .command(let name) = tokens[pos].kind else {
        peeked = pos
        return tokens[pos]
      }
      if let macro = macros[name] ?? BuiltinMacros.table[name] {
        try expand(macro)
        continue
      }
      switch Self.definitionKinds[name] {
      case .tex?: try defineTeXMacro()
      case .latex?: try defineLaTeXMacro()
      case .prefix?: pos += 1
      case .operator?: try defineOperator()
      case .color?: try defineColor()
      case .chemistry?: try expandChemistry()
      case nil:
        peeked = pos
        return tokens[pos]
      }
    }
  }

  func isChar(_ c: Unicode.Scalar) -> Bool {
    pos < tokens.count && tokens[pos].kind == .char(c)
  }

  mutating func expect(_ c: Unicode.Scalar, _ what: String) throws(MathError) {
    skipSpaces()
    guard isChar(c) else { throw error("Expected \(what)") }
    pos += 1
  }

  /// Reads `{...}` as raw tokens (without the braces).
  mutating func readBalancedGroup() throws(MathError) -> [Token] {
    skipSpaces()
    guard isChar("{") else { throw error("Expected {") }
    let open = tokens[pos].range
    pos += 1
    var level = 0
    let start = pos
    while pos < tokens.count {
      switch tokens[pos].kind {
      case .char("{"): level += 1
      case .char("}"):
        if level == 0 {
          let inner = tokens[start..<pos]
          pos += 1
          return inner
        }
        level -= 1
      default: break
      }
      pos += 1
    }
    throw MathError("Missing }", at: open)
  }

  /// Reads an undelimited macro argument: a group's tokens or one token.
  mutating func readArgumentTokens() throws(MathError) -> [Token] {
    skipSpaces()
    guard pos < tokens.count else { throw error("Missing argument") }
    if isChar("{") { return try readBalancedGroup() }
    if tokens[pos].kind == .char("}") { throw error("Missing argument") }
    pos += 1
    return [tokens[pos - 1]]
  }

  /// Reads `[...]` as raw tokens, or nil when there is no optional argument.
  mutating func readOptionalTokens() throws(MathError) -> [Token]? {
    skipSpaces()
    guard isChar("[") else { return nil }
    let open = tokens[pos].range
    pos += 1
    let start = pos
    var level = 0
    while pos < tokens.count {
      switch tokens[pos].kind {
      case .char("{"): level += 1
      case .char("}"): level -= 1
      case .char("]") where level == 0:
        let inner = tokens[start..<pos]
        pos += 1
        return inner
      default: break
      }
      pos += 1
    }
    throw MathError("Missing ]", at: open)
  }

  /// The characters of raw tokens, for names, colors and dimensions.
  func plainText(_ tokens: [Token]) -> String {
    var out = ""
    for token in tokens {
      switch token.kind {
      case .char(let c): out.unicodeScalars.append(c)
      case .command(let name): out += "\\" + name
      case .space: out += " "
      case .parameter(let k): out += "#\(k)"
      }
    }
    return out
  }

  // MARK: - Macros

  enum DefinitionKind { case tex, latex, prefix, `operator`, color, chemistry }

  static let definitionKinds: [String: DefinitionKind] = [
    "def": .tex, "gdef": .tex, "edef": .tex, "xdef": .tex, "newcommand": .latex,
    "renewcommand": .latex, "providecommand": .latex, "global": .prefix,
    "DeclareMathOperator": .operator, "definecolor": .color, "ce": .chemistry, "pu": .chemistry,
  ]

  mutating func expand(_ macro: Macro) throws(MathError) {
    let start = pos
    let call = tokens[pos].range
    expansions += 1
    if expansions > Parser.maximumExpansions {
      throw MathError("Too many macro expansions (a macro that calls itself?)", at: call)
    }
    pos += 1
    var arguments: [[Token]] = []
    var count = macro.parameterCount
    if let optionalDefault = macro.optionalDefault {
      arguments.append(try readOptionalTokens() ?? optionalDefault)
      count -= 1
    }
    for _ in 0..<max(0, count) {
      arguments.append(try readArgumentTokens())
    }
    var expansion: [Token] = []
    expansion.reserveCapacity(macro.body.count)
    for token in macro.body {
      if case .parameter(let k) = token.kind {
        guard k <= arguments.count else {
          throw MathError("Macro parameter #\(k) has no argument", at: call)
        }
        expansion.append(contentsOf: arguments[k - 1])
      } else {
        expansion.append(Token(kind: token.kind, range: call))
      }
    }
    expandedTokens += expansion.count
    if expandedTokens > Parser.maximumExpandedTokens {
      throw MathError(
        "Macros expand to more than \(Parser.maximumExpandedTokens) tokens"
          + " (a macro that calls itself?)", at: call)
    }
    tokens.replaceSubrange(start..<pos, with: expansion)
    pos = start
    peeked = -1
  }

  /// `\def\name#1#2{body}`.
  mutating func defineTeXMacro() throws(MathError) {
    let at = tokens[pos].range
    pos += 1
    skipSpaces()
    guard pos < tokens.count, case .command(let name) = tokens[pos].kind else {
      throw MathError("Expected a control sequence after \\def", at: at)
    }
    pos += 1
    var count = 0
    while pos < tokens.count, case .parameter(let k) = tokens[pos].kind {
      count = max(count, k)
      pos += 1
    }
    let body = try readBalancedGroup()
    macros[name] = Macro(tokens: body, parameterCount: count)
  }

  /// `\newcommand{\name}[n][default]{body}`.
  mutating func defineLaTeXMacro() throws(MathError) {
    let at = tokens[pos].range
    pos += 1
    let nameTokens = try readArgumentTokens()
    guard nameTokens.count == 1, case .command(let name) = nameTokens[0].kind else {
      throw MathError("Expected a control sequence after \\newcommand", at: at)
    }
    var count = 0
    if let countTokens = try readOptionalTokens() {
      guard let n = Int(plainText(countTokens).filter { $0 != " " }), (0...9).contains(n) else {
        throw MathError("Invalid number of arguments", at: at)
      }
      count = n
    }
    let optionalDefault = try readOptionalTokens()
    let body = try readBalancedGroup()
    macros[name] = Macro(tokens: body, parameterCount: count, optionalDefault: optionalDefault)
  }

  /// `\DeclareMathOperator{\name}{text}` (or `*` for limits), as a macro.
  mutating func defineOperator() throws(MathError) {
    let at = tokens[pos].range
    pos += 1
    var star = false
    if isChar("*") {
      star = true
      pos += 1
    }
    let nameTokens = try readArgumentTokens()
    guard nameTokens.count == 1, case .command(let name) = nameTokens[0].kind else {
      throw MathError("Expected a control sequence after \\DeclareMathOperator", at: at)
    }
    let text = try readBalancedGroup()
    var body = [Token(kind: .command("operatorname"), range: at)]
    if star { body.append(Token(kind: .char("*"), range: at)) }
    body.append(Token(kind: .char("{"), range: at))
    body += text
    body.append(Token(kind: .char("}"), range: at))
    macros[name] = Macro(tokens: body, parameterCount: 0)
  }

  // MARK: - Expressions

  /// Opens one more level of nesting; the caller closes it with `depth -= 1` in a `defer`.
  ///
  /// Every construct that parses by recursion calls this, not only `{...}`: a chain of commands
  /// that take arguments (`\sqrt\sqrt...x`) nests as deeply as braces do, without one brace.
  mutating func enterLevel(_ at: Range<Int>) throws(MathError) {
    depth += 1
    if depth > Parser.maximumDepth {
      throw MathError("Formula nested more than \(Parser.maximumDepth) levels deep", at: at)
    }
  }

  /// Parses atoms until a stop; handles infix fractions and style switches.
  mutating func parseExpression(_ stops: Stops) throws(MathError) -> [Node] {
    defer { depth -= 1 }
    try enterLevel(here)
    var nodes: [Node] = []
    var infix:
      (
        name: String, at: Int, range: Range<Int>, thickness: String?,
        delimiters: (String, String)?
      )?
    loop: while let t = try peek() {
      switch t.kind {
      case .char("}"): break loop
      case .char("&") where stops.contains(.ampersand): break loop
      case .char("]") where stops.contains(.bracket): break loop
      case .char("$") where stops.contains(.dollar): break loop
      case .command(let name):
        switch Self.switchKinds[name] {
        case .stop?: break loop
        case .lineBreak?:
          if stops.contains(.newline), name != "newline" { break loop }
          pos += 1
          _ = try readOptionalTokens()
          nodes.append(Node(.newline, t.range))
          continue loop
        case .infix?:
          if infix != nil { throw error("Only one infix fraction per group") }
          pos += 1
          var delimiters: (String, String)?
          if name.hasSuffix("withdelims") {
            delimiters = (
              try parseDelimiter(after: "\\" + name), try parseDelimiter(after: "\\" + name)
            )
          }
          var thickness: String?
          if name.hasPrefix("above") { thickness = Self.format(try parseDimension()) + "em" }
          infix = (name, nodes.count, t.range, thickness, delimiters)
          continue loop
        case .style?:
          pos += 1
          let style: MathStyle =
            switch name {
            case "displaystyle": .display
            case "textstyle": .text
            case "scriptstyle": .script
            default: .scriptScript
            }
          let rest = try parseExpression(stops)
          nodes.append(Node(.styled(Self.row(rest, t.range), style), t.range))
          break loop
        case .color?:
          pos += 1
          let color = try parseColor()
          let rest = try parseExpression(stops)
          nodes.append(Node(.colored(Self.row(rest, t.range), color: color), t.range))
          break loop
        case .size?:
          pos += 1
          let rest = try parseExpression(stops)
          nodes.append(Node(.sized(Self.row(rest, t.range), scale: Self.sizes[name] ?? 1), t.range))
          break loop
        case .font?:
          guard ["rm", "it", "bf", "sf", "tt", "cal", "mit"].contains(name) else { break }
          pos += 1
          let saved = font
          font = Self.fonts[name] ?? nil
          let rest = try parseExpression(stops)
          font = saved
          nodes.append(contentsOf: rest)
          break loop
        case .tag?:
          pos += 1
          if isChar("*") { pos += 1 }
          let label = try parseTextArgument()
          if case .text(let s) = label.kind {
            tags.append(Node(.text("(" + s + ")"), label.range))
          } else {
            tags.append(
              Node(
                .row([
                  Node(.text("("), t.range), label, Node(.text(")"), t.range),
                ]), t.range))
          }
          continue loop
        case .label?:
          pos += 1
          _ = try readArgumentTokens()
          continue loop
        default: break
        }
      default: break
      }
      nodes.append(try parseAtom())
    }
    guard let infix else { return nodes }
    let numerator = Self.row(Array(nodes[..<infix.at]), infix.range)
    let denominator = Self.row(Array(nodes[infix.at...]), infix.range)
    let whole = Self.spanning(
      nodes.first?.range.lowerBound ?? infix.range.lowerBound, here.lowerBound)
    func fraction(_ thickness: String?) -> Node {
      Node(
        .fraction(
          numerator: numerator, denominator: denominator, thickness: thickness,
          style: nil), whole)
    }
    if let (open, close) = infix.delimiters {
      let plain = fraction(infix.name.hasPrefix("atop") ? "0" : infix.thickness)
      if open.isEmpty, close.isEmpty { return [plain] }
      return [Node(.delimited(open: open, body: [plain], close: close), whole)]
    }
    switch infix.name {
    case "over": return [fraction(nil)]
    case "above": return [fraction(infix.thickness)]
    case "atop": return [fraction("0")]
    case "choose": return [Node(.delimited(open: "(", body: [fraction("0")], close: ")"), whole)]
    case "brace": return [Node(.delimited(open: "{", body: [fraction("0")], close: "}"), whole)]
    default: return [Node(.delimited(open: "[", body: [fraction("0")], close: "]"), whole)]
    }
  }

  /// A range from `start` to `end`, empty when macro expansion put `end` before `start`.
  static func spanning(_ start: Int, _ end: Int) -> Range<Int> { start..<max(start, end) }

  static func row(_ nodes: [Node], _ fallback: Range<Int>) -> Node {
    if nodes.count == 1 { return nodes[0] }
    guard let first = nodes.first, let last = nodes.last else { return Node(.row([]), fallback) }
    return Node(.row(nodes), spanning(first.range.lowerBound, last.range.upperBound))
  }

  /// An atom and its scripts, primes and limit controls.
  mutating func parseAtom() throws(MathError) -> Node {
    let start = here.lowerBound
    let base = try parseBase(single: false)
    var sub: Node?
    var sup: Node?
    var limits: Bool?
    var primes: Node?
    loop: while let t = try peek() {
      switch t.kind {
      case .char("^"):
        if sup != nil { throw error("Double superscript") }
        pos += 1
        sup = try parseArgument(after: "^")
      case .char("_"):
        if sub != nil { throw error("Double subscript") }
        pos += 1
        sub = try parseArgument(after: "_")
      case .char("'"):
        if sup != nil || primes != nil { throw error("Double superscript") }
        var marks = String.UnicodeScalarView()
        while isChar("'") {
          marks.append("′")
          pos += 1
        }
        primes = Node(
          .symbol(String(marks), .ordinary), Self.spanning(t.range.lowerBound, here.lowerBound))
        if let next = try peek(), next.kind == .char("^") {
          pos += 1
          sup = try parseArgument(after: "^")
        }
      case .command("limits"):
        pos += 1
        limits = true
      case .command("nolimits"):
        pos += 1
        limits = false
      case .command("displaylimits"):
        pos += 1
      default: break loop
      }
    }
    let range = start..<max(start, here.lowerBound)
    var atom = base ?? Node(.row([]), start..<start)
    if let primes {
      if sub == nil {
        // A math font's prime is drawn raised already: beside the base it looks as TeX's x'
        // does, while as a superscript it shrinks to a speck.
        atom = Node(
          .row([atom, primes]), Self.spanning(atom.range.lowerBound, primes.range.upperBound))
      } else {
        sup = sup.map { Node(.row([primes, $0]), primes.range) } ?? primes
      }
    }
    if sub == nil, sup == nil, limits == nil { return atom }
    return Node(.scripts(base: atom, sub: sub, sup: sup, limits: limits), range)
  }

  /// A required argument: a group, or one token's atom (without scripts).
  mutating func parseArgument(after command: String) throws(MathError) -> Node {
    guard let t = try peek() else { throw error("Missing argument for \(command)") }
    switch t.kind {
    case .char("}"), .char("&"), .command("end"), .command("right"), .command("\\"):
      throw error("Missing argument for \(command)")
    default: break
    }
    guard let node = try parseBase(single: true) else {
      throw error("Missing argument for \(command)")
    }
    return node
  }

  /// `{...}` as one node.
  mutating func parseGroup() throws(MathError) -> Node {
    let open = here
    pos += 1
    let nodes = try parseExpression([])
    guard isChar("}") else {
      if let t = try peek(), case .command(let name) = t.kind {
        throw MathError("Unexpected \\\(name) inside a group", at: t.range)
      }
      throw MathError("Missing }", at: open)
    }
    pos += 1
    let range = Self.spanning(open.lowerBound, tokens[pos - 1].range.upperBound)
    return Node(.row(nodes), range)
  }

  /// An optional `[...]` argument parsed as math, or nil.
  mutating func parseOptionalMath() throws(MathError) -> Node? {
    skipSpaces()
    guard isChar("[") else { return nil }
    let open = here
    pos += 1
    let nodes = try parseExpression(.bracket)
    guard isChar("]") else { throw MathError("Missing ]", at: open) }
    pos += 1
    return Self.row(nodes, open)
  }

  // MARK: - Atoms

  /// One atom without scripts; nil when the next token is `^` or `_` (an empty base).
  mutating func parseBase(single: Bool) throws(MathError) -> Node? {
    guard let t = try peek() else { throw error("Unexpected end of formula") }
    switch t.kind {
    case .char(let c):
      switch c {
      case "{": return try parseGroup()
      case "^", "_": return nil
      case "}": throw error("Unmatched }")
      case "&": throw error("Misplaced & (outside an environment)")
      case "#": throw error("Misplaced #")
      case "$": throw error("Misplaced $")
      case "~":
        pos += 1
        return Node(.text("\u{A0}"), t.range)
      case "'":
        pos += 1
        return Node(.symbol("′", .ordinary), t.range)
      case "-":
        pos += 1
        return Node(.symbol("−", .binary), t.range)
      case "*":
        pos += 1
        return Node(.symbol("∗", .binary), t.range)
      case "!", "?":
        pos += 1
        return Node(.symbol(String(c), .close), t.range)
      default:
        pos += 1
        if Token.isLetter(c) { return identifier(c, t.range) }
        if c >= "0" && c <= "9" {
          if single { return number(String(c), t.range) }
          var digits = String.UnicodeScalarView([c])
          var end = t.range.upperBound
          while pos < tokens.count, case .char(let d) = tokens[pos].kind {
            if d >= "0" && d <= "9" {
              digits.append(d)
            } else if d == ".", pos + 1 < tokens.count, case .char(let e) = tokens[pos + 1].kind,
              e >= "0" && e <= "9"
            {
              digits.append(d)
            } else {
              break
            }
            end = tokens[pos].range.upperBound
            pos += 1
          }
          return number(String(digits), Self.spanning(t.range.lowerBound, end))
        }
        if let entry = Symbols.byCharacter[String(c)] { return node(entry, t.range) }
        if c.properties.isAlphabetic { return identifier(c, t.range) }
        return Node(.symbol(String(c), .ordinary), t.range)
      }
    case .command(let name):
      pos += 1
      defer { depth -= 1 }
      try enterLevel(t.range)
      return try parseCommand(name, t.range)
    case .space:
      pos += 1
      return Node(.row([]), t.range)
    case .parameter:
      throw error("Macro parameter outside a macro")
    }
  }

  func identifier(_ c: Unicode.Scalar, _ range: Range<Int>) -> Node {
    guard let font else { return Node(.identifier(String(c), upright: false), range) }
    if font == .roman { return Node(.identifier(String(c), upright: true), range) }
    if let mapped = font.map(c) { return Node(.identifier(String(mapped), upright: false), range) }
    return Node(.identifier(String(c), upright: false), range)
  }

  func number(_ digits: String, _ range: Range<Int>) -> Node {
    guard let font, font != .roman, font != .italic else { return Node(.number(digits), range) }
    return Node(.number(font.apply(digits)), range)
  }

  func node(_ entry: Symbols.Entry, _ range: Range<Int>) -> Node {
    switch entry {
    case .identifier(let s, let upright):
      guard let font, let c = s.unicodeScalars.first, s.unicodeScalars.count == 1 else {
        return Node(.identifier(s, upright: upright), range)
      }
      if font == .roman { return Node(.identifier(s, upright: true), range) }
      if let mapped = font.map(c) {
        return Node(.identifier(String(mapped), upright: false), range)
      }
      return Node(.identifier(s, upright: upright), range)
    case .symbol(let s, let cls):
      return Node(.symbol(s, cls), range)
    }
  }

  static let sizes: [String: Double] = [
    "tiny": 0.5, "scriptsize": 0.7, "footnotesize": 0.8, "small": 0.9, "normalsize": 1,
    "large": 1.2, "Large": 1.44, "LARGE": 1.728, "huge": 2.074, "Huge": 2.488,
  ]

  static let fonts: [String: MathFont?] = [
    "rm": .roman, "mathrm": .roman, "it": .italic, "mathit": .italic, "mit": .italic,
    "bf": .bold, "mathbf": .bold, "sf": .sansSerif, "mathsf": .sansSerif, "tt": .monospace,
    "mathtt": .monospace, "cal": .script, "mathcal": .script, "mathscr": .script,
    "frak": .fraktur, "mathfrak": .fraktur, "mathbb": .doubleStruck, "Bbb": .doubleStruck,
    "mathnormal": nil, "mathsfit": .sansSerifItalic, "boldsymbol": .boldSymbol,
    "bm": .boldSymbol, "pmb": .boldSymbol, "bold": .bold, "mathbfit": .boldItalic,
  ]

  static let classes: [String: AtomClass] = [
    "mathbin": .binary, "mathrel": .relation, "mathopen": .open, "mathclose": .close,
    "mathpunct": .punctuation, "mathinner": .inner, "mathord": .ordinary,
  ]

  static let extensibleArrows: [String: String] = [
    "xleftarrow": "←", "xrightarrow": "→", "xLeftarrow": "⇐", "xRightarrow": "⇒",
    "xleftrightarrow": "↔", "xLeftrightarrow": "⇔", "xhookleftarrow": "↩",
    "xhookrightarrow": "↪", "xmapsto": "↦", "xrightharpoondown": "⇁", "xrightharpoonup": "⇀",
    "xleftharpoondown": "↽", "xleftharpoonup": "↼", "xrightleftharpoons": "⇌",
    "xleftrightharpoons": "⇋", "xlongequal": "=", "xtwoheadrightarrow": "↠",
    "xtwoheadleftarrow": "↞", "xtofrom": "⇄", "xrightleftarrows": "⇄",
    "xrightequilibrium": "⇌", "xleftequilibrium": "⇋",
  ]

  /// Relations that `\not` turns into their negated character.
  static let negations: [String: String] = [
    "=": "≠", "<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "∈": "∉", "⊂": "⊄", "⊃": "⊅", "⊆": "⊈",
    "⊇": "⊉", "∼": "≁", "≈": "≉", "≡": "≢", "≅": "≇", "∣": "∤", "∥": "∦", "≺": "⊀", "≻": "⊁",
    "∋": "∌", "≃": "≄", "⊢": "⊬", "⊨": "⊭",
  ]

  mutating func parseCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node {
    if let width = Symbols.spaces[name] {
      return width == 0 ? Node(.row([]), range) : Node(.space(width), range)
    }
    switch Self.commandKinds[name] {
    case .frac?:
      return try parseFracCommand(name, range)
    case .binom?:
      return try parseBinomCommand(name, range)
    case .genfrac?:
      return try parseGenfracCommand(name, range)
    case .sqrt?:
      return try parseSqrtCommand(name, range)
    case .left?:
      return try parseLeftRight(range)
    case .big?:
      return try parseBigCommand(name, range)
    case .operatorname?:
      return try parseOperatornameCommand(name, range)
    case .mathop?:
      let body = try parseArgument(after: "\\mathop")
      return Node(.classed(body, .largeOperator(limits: true)), span(from: range.lowerBound))
    case .mathClass?:
      let body = try parseArgument(after: "\\" + name)
      return Node(.classed(body, Self.classes[name] ?? .ordinary), span(from: range.lowerBound))
    case .font?:
      return try parseFontCommand(name, range)
    case .text?:
      return try parseTextCommand(name, range)
    case .overset?:
      return try parseOversetCommand(name, range)
    case .not?:
      return try parseNotCommand(name, range)
    case .textcolor?:
      return try parseTextcolorCommand(name, range)
    case .color?:
      return try parseColorCommand(name, range)
    case .colorbox?:
      _ = try parseColor()
      return Node(.boxed(try parseTextArgument()), span(from: range.lowerBound))
    case .fcolorbox?:
      return try parseFcolorboxCommand(name, range)
    case .boxed?:
      return Node(.boxed(try parseArgument(after: "\\boxed")), span(from: range.lowerBound))
    case .fbox?:
      return Node(.boxed(try parseTextArgument()), span(from: range.lowerBound))
    case .cancel?:
      return try parseCancelCommand(name, range)
    case .phantom?:
      let hidden = Node(
        .phantom(try parseArgument(after: "\\" + name)), span(from: range.lowerBound))
      // \vphantom only lends its height: no width; \hphantom only its width.
      switch name {
      case "vphantom": return Node(.lap(hidden, align: "right"), hidden.range)
      case "hphantom": return Node(.smashed(hidden, top: true, bottom: true), hidden.range)
      default: return hidden
      }
    case .smash?:
      return try parseSmashCommand(range)
    case .lap?:
      return try parseLapCommand(name, range)
    case .rule?:
      return try parseRuleCommand(name, range)
    case .raisebox?:
      let by = try parseDimension()
      return Node(.raised(try parseTextArgument(), by: by), span(from: range.lowerBound))
    case .href?:
      _ = try readArgumentTokens()
      return try parseArgument(after: "\\href")
    case .url?:
      return Node(.text(plainText(try readArgumentTokens())), span(from: range.lowerBound))
    case .ref?:
      let label = plainText(try readArgumentTokens())
      return Node(.text(name == "eqref" ? "(" + label + ")" : label), span(from: range.lowerBound))
    case .verb?:
      return try parseVerbCommand(name, range)
    case .char?:
      return try parseCharCode(range)
    case .vcenter?:
      return try parseArgument(after: "\\vcenter")
    case .space?:
      if isChar("*") { pos += 1 }
      return Node(.space(try parseDimension()), span(from: range.lowerBound))
    case .mathchoice?:
      return try parseMathchoiceCommand(name, range)
    case .substack?:
      return try parseSubstackCommand(name, range)
    case .begin?:
      return try parseEnvironment(range)
    case .end?:
      throw MathError("\\end without \\begin", at: range)
    case .right?:
      throw MathError("\\right without \\left", at: range)
    case .middle?:
      throw MathError("\\middle without \\left", at: range)
    case .lineBreak?:
      return Node(.newline, range)
    case .limits?:
      throw MathError("Limit controls must follow a math operator", at: range)
    case .html?:
      _ = try readArgumentTokens()
      return try parseArgument(after: "\\" + name)
    case .unicode?:
      return try parseUnicodeCommand(range)
    case .root?:
      return try parseRootCommand(range)
    case .buildrel?:
      return try parseBuildrelCommand(range)
    case .ignoredArgument?:
      // Adjustments of a root's index, MathJax's extension loading: nothing to draw.
      _ = try readArgumentTokens()
      return Node(.row([]), span(from: range.lowerBound))
    case .tip?:
      // MathJax's tooltips: the math is shown, the tip is not.
      let shown = try parseArgument(after: "\\" + name)
      _ = try readArgumentTokens()
      return shown
    case .cancelto?:
      return try parseCanceltoCommand(range)
    case .sideset?:
      return try parseSidesetCommand(range)
    case .plainMatrix?:
      return try parsePlainMatrix(name, range)
    case .bordermatrix?:
      return try parseBordermatrix(range)
    case .misplacedSwitch?:
      // A switch used as a lone argument: it applies to nothing.
      return Node(.row([]), range)
    default:
      break
    }
    if let accent = Symbols.accents[name] {
      let base = try parseArgument(after: "\\" + name)
      return Node(
        .accent(
          base, mark: accent.mark, stretchy: accent.stretchy,
          below: accent.below), span(from: range.lowerBound))
    }
    if let arrow = Self.extensibleArrows[name] {
      let below = try parseOptionalMath()
      let above = try parseArgument(after: "\\" + name)
      func padded(_ node: Node?) -> Node? {
        guard let node else { return nil }
        if case .row(let inner) = node.kind, inner.isEmpty { return nil }
        return Node(
          .row([Node(.space(0.3), node.range), node, Node(.space(0.3), node.range)]),
          node.range)
      }
      // KaTeX's MathML: the arrow stretches under its label, and is at least 1.75em long.
      let base = Node(.stretched(Node(.symbol(arrow, .relation), range), minimum: 1.75), range)
      return Node(
        .overUnder(base: base, over: padded(above), under: padded(below)),
        span(from: range.lowerBound))
    }
    if let entry = Symbols.math[name] { return node(entry, range) }
    if let function = Symbols.functions[name] {
      return Node(.function(function.name, limits: function.limits), range)
    }
    throw MathError("Unknown command \\\(name)", at: range)
  }

  /// From `start` to the end of the last consumed token.
  func span(from start: Int) -> Range<Int> {
    start..<max(start, tokens[pos - 1].range.upperBound)
  }

  // Commands with more than a line of parsing get their own function: in debug builds a
  // function's frame holds every local of every branch, and one big switch made each nesting
  // level cost tens of kilobytes of stack.

  mutating func parseFracCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node {
    let numerator = try parseArgument(after: "\\" + name)
    let denominator = try parseArgument(after: "\\" + name)
    let style: MathStyle? =
      name == "dfrac" || name == "cfrac" ? .display : name == "tfrac" ? .text : nil
    return Node(
      .fraction(
        numerator: numerator, denominator: denominator, thickness: nil,
        style: style), span(from: range.lowerBound))
  }

  mutating func parseBinomCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node {
    let top = try parseArgument(after: "\\" + name)
    let bottom = try parseArgument(after: "\\" + name)
    let style: MathStyle? = name == "dbinom" ? .display : name == "tbinom" ? .text : nil
    let fraction = Node(
      .fraction(
        numerator: top, denominator: bottom, thickness: "0",
        style: nil), span(from: range.lowerBound))
    let binomial = Node(
      .delimited(open: "(", body: [fraction], close: ")"), span(from: range.lowerBound))
    guard let style else { return binomial }
    return Node(.styled(binomial, style), span(from: range.lowerBound))
  }

  mutating func parseGenfracCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node {
    let open = try parseDelimiterArgument()
    let close = try parseDelimiterArgument()
    let thicknessTokens = try readArgumentTokens()
    let thicknessText = plainText(thicknessTokens).filter { $0 != " " }
    var thickness: String?
    if !thicknessText.isEmpty {
      var sub = Parser(tokens: thicknessTokens, length: sourceLength)
      thickness = Self.format(try sub.parseDimension()) + "em"
    }
    let styleText = plainText(try readArgumentTokens()).filter { $0 != " " }
    let style: MathStyle? = Int(styleText).flatMap { MathStyle(rawValue: $0) }
    let numerator = try parseArgument(after: "\\genfrac")
    let denominator = try parseArgument(after: "\\genfrac")
    var node = Node(
      .fraction(
        numerator: numerator, denominator: denominator,
        thickness: thickness, style: nil), span(from: range.lowerBound))
    if !open.isEmpty || !close.isEmpty {
      node = Node(.delimited(open: open, body: [node], close: close), span(from: range.lowerBound))
    }
    if let style { node = Node(.styled(node, style), span(from: range.lowerBound)) }
    return node
  }

  mutating func parseSqrtCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node {
    let index = try parseOptionalMath()
    let radicand = try parseArgument(after: "\\sqrt")
    return Node(.root(radicand, index: index), span(from: range.lowerBound))
  }

  mutating func parseBigCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node {
    let delimiter = try parseDelimiter(after: "\\" + name)
    let size =
      name.hasPrefix("Bigg") ? 4 : name.hasPrefix("bigg") ? 3 : name.hasPrefix("Big") ? 2 : 1
    let cls: AtomClass =
      switch name.last {
      case "l": .open
      case "r": .close
      case "m": .relation
      default: .ordinary
      }
    return Node(.sizedDelimiter(delimiter, size: size, cls), span(from: range.lowerBound))
  }

  mutating func parseOperatornameCommand(_ name: String, _ range: Range<Int>) throws(MathError)
    -> Node
  {
    var limits = name == "operatornamewithlimits"
    if isChar("*") {
      pos += 1
      limits = true
    }
    let saved = font
    font = .roman
    defer { font = saved }
    let body = try parseArgument(after: "\\operatorname")
    if let text = Self.plainName(body) {
      return Node(.function(text, limits: limits), span(from: range.lowerBound))
    }
    return Node(.classed(body, .largeOperator(limits: limits)), span(from: range.lowerBound))
  }

  mutating func parseFontCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node {
    let saved = font
    font = Self.fonts[name] ?? nil
    defer { font = saved }
    return try parseArgument(after: "\\" + name)
  }

  mutating func parseOversetCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node {
    let script = try parseArgument(after: "\\" + name)
    let base = try parseArgument(after: "\\" + name)
    let isUnder = name == "underset"
    let node = Node(
      .overUnder(
        base: base, over: isUnder ? nil : script,
        under: isUnder ? script : nil), span(from: range.lowerBound))
    return name == "stackrel" ? Node(.classed(node, .relation), span(from: range.lowerBound)) : node
  }

  /// `\not` and any `\not`s that follow it, read in a loop: each adds one stroke.
  mutating func parseNotCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node {
    var count = 1
    while let t = try peek(), t.kind == .command("not") {
      pos += 1
      count += 1
    }
    guard let next = try parseBase(single: true) else {
      throw error("Missing argument for \\not")
    }
    // The negated characters are not keys of the table: strokes after the first are overlays.
    let extra = String(repeating: "\u{338}", count: count - 1)
    switch next.kind {
    case .symbol(let s, let cls):
      return Node(
        .symbol((Self.negations[s] ?? s + "\u{338}") + extra, cls), span(from: range.lowerBound))
    case .identifier(let s, let upright):
      return Node(
        .identifier((Self.negations[s] ?? s + "\u{338}") + extra, upright: upright),
        span(from: range.lowerBound))
    default:
      let strokes = Array(repeating: Node(.symbol("⧸", .ordinary), range), count: count)
      return Node(.row(strokes + [next]), span(from: range.lowerBound))
    }
  }

  mutating func parseTextcolorCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node
  {
    let color = try parseColor()
    let body = try parseArgument(after: "\\textcolor")
    return Node(.colored(body, color: color), span(from: range.lowerBound))
  }

  mutating func parseColorCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node {
    let color = try parseColor()
    let body = try parseArgument(after: "\\color")
    return Node(.colored(body, color: color), span(from: range.lowerBound))
  }

  mutating func parseFcolorboxCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node
  {
    _ = try parseColor()
    _ = try parseColor()
    return Node(.boxed(try parseTextArgument()), span(from: range.lowerBound))
  }

  mutating func parseCancelCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node {
    let notation =
      switch name {
      case "cancel": "updiagonalstrike"
      case "bcancel": "downdiagonalstrike"
      case "xcancel": "updiagonalstrike downdiagonalstrike"
      default: "horizontalstrike"
      }
    return Node(
      .enclosed(try parseArgument(after: "\\" + name), notation: notation),
      span(from: range.lowerBound))
  }

  /// `\smash`, `\smash[t]` (no height) or `\smash[b]` (no depth).
  mutating func parseSmashCommand(_ range: Range<Int>) throws(MathError) -> Node {
    let option = try readOptionalTokens().map { plainText($0).trimmingSpaces() }
    let body = try parseArgument(after: "\\smash")
    return Node(
      .smashed(body, top: option != "b", bottom: option != "t"), span(from: range.lowerBound))
  }

  /// MathJax's `\unicode{x263A}` (or decimal `\unicode{9786}`): a character by code.
  mutating func parseUnicodeCommand(_ range: Range<Int>) throws(MathError) -> Node {
    let text = plainText(try readArgumentTokens()).trimmingSpaces()
    let code =
      text.first == "x" || text.first == "X" ? UInt32(text.dropFirst(), radix: 16) : UInt32(text)
    guard let code, let scalar = Unicode.Scalar(code) else {
      throw MathError("Invalid character code in \\unicode{\(text)}", at: range)
    }
    if let entry = Symbols.byCharacter[String(scalar)] {
      return node(entry, span(from: range.lowerBound))
    }
    if scalar.properties.isAlphabetic { return identifier(scalar, span(from: range.lowerBound)) }
    return Node(.symbol(String(scalar), .ordinary), span(from: range.lowerBound))
  }

  /// Plain TeX's `\root 3 \of {x}`.
  mutating func parseRootCommand(_ range: Range<Int>) throws(MathError) -> Node {
    let index = try parseTokens(try readTokens(until: "of", after: "\\root"), range)
    let radicand = try parseArgument(after: "\\root")
    return Node(.root(radicand, index: index), span(from: range.lowerBound))
  }

  /// Plain TeX's `\buildrel \rm def \over =`: `\stackrel{\rm def}{=}`.
  mutating func parseBuildrelCommand(_ range: Range<Int>) throws(MathError) -> Node {
    let over = try parseTokens(try readTokens(until: "over", after: "\\buildrel"), range)
    let base = try parseArgument(after: "\\buildrel")
    let node = Node(.overUnder(base: base, over: over, under: nil), span(from: range.lowerBound))
    return Node(.classed(node, .relation), node.range)
  }

  /// The tokens up to `\name` at brace level 0 (which is consumed).
  mutating func readTokens(until name: String, after command: String) throws(MathError)
    -> [Token]
  {
    let start = pos
    var level = 0
    while pos < tokens.count {
      switch tokens[pos].kind {
      case .char("{"): level += 1
      case .char("}"):
        if level == 0 { throw error("Missing \\\(name) after \(command)") }
        level -= 1
      case .command(name) where level == 0:
        let part = tokens[start..<pos]
        pos += 1
        return part
      default: break
      }
      pos += 1
    }
    throw error("Missing \\\(name) after \(command)")
  }

  /// `\cancelto{value}{expression}`: the expression struck by an arrow towards the value, as
  /// MathJax writes it (an `menclose` in an `msup`).
  mutating func parseCanceltoCommand(_ range: Range<Int>) throws(MathError) -> Node {
    let value = try parseArgument(after: "\\cancelto")
    let body = try parseArgument(after: "\\cancelto")
    let struck = Node(.enclosed(body, notation: "updiagonalstrike updiagonalarrow"), body.range)
    return Node(
      .scripts(base: struck, sub: nil, sup: value, limits: false), span(from: range.lowerBound))
  }

  /// `\sideset{_a^b}{_c^d}\sum`: scripts at the four corners of a large operator, whose own
  /// limits may follow.
  mutating func parseSidesetCommand(_ range: Range<Int>) throws(MathError) -> Node {
    let before = try parseArgument(after: "\\sideset")
    let after = try parseArgument(after: "\\sideset")
    let base = try parseArgument(after: "\\sideset")
    func scripts(_ node: Node) throws(MathError) -> (sub: Node?, sup: Node?) {
      switch node.kind {
      case .row(let nodes) where nodes.isEmpty: return (nil, nil)
      case .row(let nodes) where nodes.count == 1: return try scripts(nodes[0])
      case .scripts(let empty, let sub, let sup, nil):
        if case .row(let nodes) = empty.kind, nodes.isEmpty { return (sub, sup) }
      case .symbol("′", _): return (nil, node)
      default: break
      }
      throw MathError(
        "\\sideset takes only subscripts and superscripts in its first two arguments",
        at: node.range)
    }
    let (preSub, preSup) = try scripts(before)
    let (postSub, postSup) = try scripts(after)
    return Node(
      .multiscripts(
        base: base, preSub: preSub, preSup: preSup, postSub: postSub, postSup: postSup),
      span(from: range.lowerBound))
  }

  mutating func parseLapCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node {
    let body =
      name.hasPrefix("math") ? try parseArgument(after: "\\" + name) : try parseTextArgument()
    let align = name.hasSuffix("rlap") ? "right" : name.hasSuffix("llap") ? "left" : "center"
    return Node(.lap(body, align: align), span(from: range.lowerBound))
  }

  mutating func parseRuleCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node {
    _ = try readOptionalTokens()
    let width = try parseDimension()
    let height = try parseDimension()
    return Node(.rule(width: width, height: height), span(from: range.lowerBound))
  }

  /// `\verb|text|`: the text is raw source, spaces included (the tokenizer dropped those after
  /// control words), and any character but a letter can delimit it, even a space.
  mutating func parseVerbCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node {
    var star = false
    var at = range.upperBound
    let fromSource = range.lowerBound < source.count && source[range.lowerBound] == "\\"
    if fromSource, at < source.count, source[at] == "*" {
      star = true
      at += 1
    }
    var text = ""
    if fromSource, at < source.count {
      let delimiter = source[at]
      guard let close = source[(at + 1)...].firstIndex(of: delimiter) else {
        throw MathError("Missing end of \\verb", at: range)
      }
      text.unicodeScalars.append(contentsOf: source[(at + 1)..<close])
      while pos < tokens.count, tokens[pos].range.lowerBound <= close { pos += 1 }
    } else {
      // From a macro: only tokens are left.
      if isChar("*") {
        star = true
        pos += 1
      }
      guard pos < tokens.count, case .char(let delimiter) = tokens[pos].kind else {
        throw error("Missing delimiter after \\verb")
      }
      pos += 1
      let from = pos
      while pos < tokens.count, tokens[pos].kind != .char(delimiter) { pos += 1 }
      guard pos < tokens.count else { throw MathError("Missing end of \\verb", at: range) }
      text = plainText(tokens[from..<pos])
      pos += 1
    }
    if star { text = String(text.map { $0 == " " ? "␣" : $0 }) }
    return Node(.text(text), span(from: range.lowerBound))
  }

  mutating func parseMathchoiceCommand(_ name: String, _ range: Range<Int>) throws(MathError)
    -> Node
  {
    var choices: [Node] = []
    for _ in 0..<4 { choices.append(try parseArgument(after: "\\mathchoice")) }
    return Node(.choice(choices), span(from: range.lowerBound))
  }

  mutating func parseSubstackCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node
  {
    skipSpaces()
    guard isChar("{") else { throw error("Expected { after \\substack") }
    pos += 1
    var table = try parseTableBody(environment: nil)
    table.cellStyle = .script
    pos += 1
    return Node(.table(table), span(from: range.lowerBound))
  }

  /// `\char"263A`, `\char'101` or `\char65`: a character by code.
  mutating func parseCharCode(_ range: Range<Int>) throws(MathError) -> Node {
    skipSpaces()
    var radix = 10
    if isChar("\"") {
      radix = 16
      pos += 1
    } else if isChar("'") {
      radix = 8
      pos += 1
    }
    var digits = ""
    while pos < tokens.count, case .char(let c) = tokens[pos].kind,
      Int(String(c), radix: radix) != nil
    {
      digits.unicodeScalars.append(c)
      pos += 1
    }
    guard let code = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(code) else {
      throw MathError("Invalid character code", at: range)
    }
    if Token.isLetter(scalar) { return identifier(scalar, range) }
    return Node(.symbol(String(scalar), .ordinary), range)
  }

  /// The name inside `\operatorname{...}` when it is plain letters, digits and simple marks.
  static func plainName(_ node: Node) -> String? {
    switch node.kind {
    case .identifier(let s, _), .number(let s), .text(let s): return s
    case .symbol(let s, _): return s == "−" ? "-" : s
    case .space: return "\u{2009}"
    case .row(let nodes):
      var out = ""
      for n in nodes {
        guard let s = plainName(n) else { return nil }
        out += s
      }
      return out
    default: return nil
    }
  }

  init(tokens: [Token], length: Int) {
    self.tokens = TokenStream(tokens)
    self.macros = [:]
    self.sourceLength = length
    self.source = []
  }

  /// Commands that `parseCommand` handles itself, found by one hash lookup: a `switch` over
  /// strings compares them one by one and was most of the parsing time.
  enum CommandKind {
    case frac, binom, genfrac, sqrt, left, big, operatorname, mathop, mathClass, font, text
    case overset, not, textcolor, color, colorbox, fcolorbox, boxed, fbox, cancel, phantom, smash
    case lap, rule, raisebox, href, url, ref, verb, char, vcenter, space, mathchoice, substack,
      begin
    case end, right, middle, lineBreak, limits, html, misplacedSwitch
    case cancelto, sideset, plainMatrix, bordermatrix, unicode, root, buildrel, ignoredArgument
    case tip
  }

  static let commandKinds: [String: CommandKind] = [
    "cancelto": .cancelto, "sideset": .sideset, "matrix": .plainMatrix, "pmatrix": .plainMatrix,
    "cases": .plainMatrix, "displaylines": .plainMatrix, "eqalign": .plainMatrix,
    "bordermatrix": .bordermatrix, "unicode": .unicode, "root": .root, "buildrel": .buildrel,
    "leftroot": .ignoredArgument, "uproot": .ignoredArgument, "require": .ignoredArgument,
    "class": .html, "cssId": .html, "style": .html, "mathtip": .tip, "texttip": .tip,
    "frac": .frac, "dfrac": .frac, "tfrac": .frac, "cfrac": .frac, "binom": .binom,
    "dbinom": .binom, "tbinom": .binom, "genfrac": .genfrac, "sqrt": .sqrt,
    "left": .left, "big": .big, "Big": .big, "bigg": .big, "Bigg": .big, "bigl": .big,
    "Bigl": .big, "biggl": .big, "Biggl": .big, "bigr": .big, "Bigr": .big,
    "biggr": .big, "Biggr": .big, "bigm": .big, "Bigm": .big, "biggm": .big,
    "Biggm": .big, "operatorname": .operatorname, "operatornamewithlimits": .operatorname,
    "mathop": .mathop, "mathbin": .mathClass, "mathrel": .mathClass, "mathopen": .mathClass,
    "mathclose": .mathClass, "mathpunct": .mathClass, "mathinner": .mathClass,
    "mathord": .mathClass, "mathrm": .font, "mathbf": .font, "mathit": .font,
    "mathsf": .font, "mathtt": .font, "mathcal": .font, "mathscr": .font,
    "mathfrak": .font, "mathbb": .font, "mathnormal": .font, "mathsfit": .font,
    "boldsymbol": .font, "bm": .font, "pmb": .font, "Bbb": .font,
    "bold": .font, "frak": .font, "mathbfit": .font, "text": .text,
    "textrm": .text, "textnormal": .text, "textup": .text, "textmd": .text,
    "mbox": .text, "hbox": .text, "textit": .text, "textbf": .text, "textsf": .text,
    "texttt": .text, "emph": .text, "textsl": .text, "textsc": .text,
    "overset": .overset, "underset": .overset, "stackrel": .overset, "not": .not,
    "textcolor": .textcolor, "color": .color, "colorbox": .colorbox,
    "fcolorbox": .fcolorbox, "boxed": .boxed, "fbox": .fbox, "cancel": .cancel,
    "bcancel": .cancel, "xcancel": .cancel, "sout": .cancel, "phantom": .phantom,
    "hphantom": .phantom, "vphantom": .phantom, "smash": .smash, "mathrlap": .lap,
    "mathllap": .lap, "mathclap": .lap, "rlap": .lap, "llap": .lap,
    "clap": .lap, "rule": .rule, "raisebox": .raisebox, "href": .href, "url": .url, "ref": .ref,
    "eqref": .ref,
    "verb": .verb, "char": .char, "vcenter": .vcenter, "hspace": .space,
    "kern": .space, "mkern": .space, "hskip": .space, "mskip": .space,
    "mspace": .space, "mathchoice": .mathchoice, "substack": .substack, "begin": .begin,
    "end": .end, "right": .right, "middle": .middle, "\\": .lineBreak,
    "newline": .lineBreak, "cr": .lineBreak, "limits": .limits, "nolimits": .limits,
    "htmlId": .html, "htmlClass": .html, "htmlStyle": .html, "htmlData": .html,
    "displaystyle": .misplacedSwitch, "textstyle": .misplacedSwitch,
    "scriptstyle": .misplacedSwitch,
    "scriptscriptstyle": .misplacedSwitch, "rm": .misplacedSwitch, "it": .misplacedSwitch,
    "bf": .misplacedSwitch, "sf": .misplacedSwitch, "tt": .misplacedSwitch, "cal": .misplacedSwitch,
    "mit": .misplacedSwitch, "tiny": .misplacedSwitch, "scriptsize": .misplacedSwitch,
    "footnotesize": .misplacedSwitch, "small": .misplacedSwitch, "normalsize": .misplacedSwitch,
    "large": .misplacedSwitch, "Large": .misplacedSwitch, "LARGE": .misplacedSwitch,
    "huge": .misplacedSwitch, "Huge": .misplacedSwitch,
  ]

  /// Commands that act on the rest of an expression (switches, infix fractions, line breaks).
  enum SwitchKind {
    case stop, lineBreak, infix, style, color, size, font, tag, label
  }

  static let switchKinds: [String: SwitchKind] = [
    "end": .stop, "right": .stop, "middle": .stop, ")": .stop, "\\": .lineBreak,
    "cr": .lineBreak, "newline": .lineBreak, "over": .infix, "atop": .infix, "choose": .infix,
    "brace": .infix,
    "brack": .infix, "above": .infix, "overwithdelims": .infix, "atopwithdelims": .infix,
    "abovewithdelims": .infix, "displaystyle": .style,
    "textstyle": .style, "scriptstyle": .style,
    "scriptscriptstyle": .style, "color": .color, "tiny": .size,
    "scriptsize": .size, "footnotesize": .size, "small": .size, "normalsize": .size,
    "large": .size, "Large": .size, "LARGE": .size, "huge": .size, "Huge": .size,
    "rm": .font, "it": .font, "bf": .font, "sf": .font, "tt": .font, "cal": .font, "frak": .font,
    "mit": .font, "bold": .font, "boldsymbol": .font, "Bbb": .font, "mathrm": .font,
    "mathbf": .font, "mathit": .font, "mathsf": .font, "mathtt": .font, "mathcal": .font,
    "mathscr": .font, "mathfrak": .font, "mathbb": .font, "mathnormal": .font, "mathsfit": .font,
    "bm": .font, "pmb": .font, "mathbfit": .font, "tag": .tag, "label": .label,
  ]

  // MARK: - Delimiters

  /// `\left( ... \middle| ... \right)`.
  mutating func parseLeftRight(_ range: Range<Int>) throws(MathError) -> Node {
    let open = try parseDelimiter(after: "\\left")
    var body: [Node] = []
    while true {
      body.append(contentsOf: try parseExpression([]))
      guard let t = try peek() else { throw MathError("Missing \\right", at: range) }
      switch t.kind {
      case .command("middle"):
        pos += 1
        body.append(Node(.middle(try parseDelimiter(after: "\\middle")), t.range))
      case .command("right"):
        pos += 1
        let close = try parseDelimiter(after: "\\right")
        return Node(
          .delimited(open: open, body: body, close: close),
          Self.spanning(range.lowerBound, tokens[pos - 1].range.upperBound))
      default:
        throw MathError("Missing \\right", at: range)
      }
    }
  }

  /// A delimiter after `\left`, `\big` etc.: a character, a command, or a braced one (`{(}`).
  /// Braces around it are counted, not recursed into: `\left{{{{...(` is a loop.
  mutating func parseDelimiter(after command: String) throws(MathError) -> String {
    var braces = 0
    while let t = try peek(), t.kind == .char("{") {
      pos += 1
      braces += 1
    }
    let delimiter: String
    if braces > 0, let t = try peek(), t.kind == .char("}") {
      pos += 1
      braces -= 1
      delimiter = ""
    } else {
      delimiter = try parseBareDelimiter(after: command)
    }
    for _ in 0..<braces { try expect("}", "} after the delimiter of \(command)") }
    return delimiter
  }

  /// A delimiter character or command, without braces.
  mutating func parseBareDelimiter(after command: String) throws(MathError) -> String {
    guard let t = try peek() else { throw error("Missing delimiter after \(command)") }
    switch t.kind {
    case .char(let c) where Symbols.delimiterCharacters.contains(c):
      pos += 1
      switch c {
      case ".": return ""
      case "<": return "⟨"
      case ">": return "⟩"
      default: return String(c)
      }
    case .command(let name):
      if let d = Symbols.delimiterCommands[name] {
        pos += 1
        return d
      }
    default: break
    }
    throw error("Missing or unknown delimiter after \(command)")
  }

  /// A delimiter given as an argument, as in `\genfrac({}...`: empty braces mean none.
  mutating func parseDelimiterArgument() throws(MathError) -> String {
    try parseDelimiter(after: "\\genfrac")
  }

  // MARK: - Colors and dimensions

  /// A TeX dimension in em: `1em`, `{2pt}`, `-0.25em`, `18mu`.
  mutating func parseDimension() throws(MathError) -> Double {
    skipSpaces()
    let at = here
    var text = ""
    if isChar("{") {
      text = plainText(try readBalancedGroup())
    } else {
      var sawUnit = 0
      while pos < tokens.count, sawUnit < 2 {
        guard case .char(let c) = tokens[pos].kind else {
          if tokens[pos].kind == .space, sawUnit == 0 {
            pos += 1
            continue
          }
          break
        }
        if Token.isLetter(c) {
          sawUnit += 1
        } else if sawUnit > 0 {
          break
        }
        text.unicodeScalars.append(c)
        pos += 1
      }
    }
    text = text.filter { $0 != " " }
    var number = ""
    var unit = ""
    for ch in text {
      if ch.isLetter { unit.append(ch) } else if unit.isEmpty { number.append(ch) }
    }
    guard let value = Double(number.replacingComma()), let factor = Self.units[unit] else {
      throw MathError("Invalid dimension", at: at)
    }
    let em = value * factor
    guard abs(em) <= Self.maximumDimension else {
      throw MathError("Dimension too large (TeX's limit is 16383.99999pt)", at: at)
    }
    return em
  }

  /// TeX's largest dimension, 16383.99999pt, in em.
  static let maximumDimension = 16383.99999 * 0.1

  static let units: [String: Double] = [
    "em": 1, "ex": 0.431, "pt": 0.1, "mu": 1.0 / 18, "pc": 1.2, "in": 7.227, "cm": 2.845,
    "mm": 0.2845, "bp": 0.100375, "dd": 0.107, "cc": 1.284, "sp": 1.0 / 655360, "px": 0.1,
  ]

  /// A number for an attribute: at most 4 decimals, no trailing zeros.
  static func format(_ value: Double) -> String {
    // Dimensions are checked where they are read; the clamp keeps Int() from trapping anyway.
    let bounded = value.isFinite ? min(max(value, -1e9), 1e9) : 0
    let scaled = Int((bounded * 10000).rounded())
    let sign = scaled < 0 ? "-" : ""
    let magnitude = abs(scaled)
    let whole = magnitude / 10000
    var fraction = magnitude % 10000
    if fraction == 0 { return sign + String(whole) }
    var digits = 4
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    var f = String(fraction)
    while f.count < digits { f = "0" + f }
    return sign + String(whole) + "." + f
  }

  // MARK: - Text

  /// The argument of `\text` and friends: text with `$...$` math inside.
  mutating func parseTextArgument() throws(MathError) -> Node {
    skipSpaces()
    let start = here
    guard pos < tokens.count else { throw error("Missing text argument") }
    if isChar("{") {
      pos += 1
      let nodes = try parseText()
      guard isChar("}") else { throw MathError("Missing }", at: start) }
      pos += 1
      return Self.row(nodes, start)
    }
    let end = pos + 1
    let saved = tokens
    tokens = TokenStream(tokens[pos..<end] + [Token(kind: .char("}"), range: start)])
    peeked = -1
    let savedPos = pos
    pos = 0
    let nodes = try parseText()
    tokens = saved
    peeked = -1
    pos = savedPos + 1
    return Self.row(nodes, start)
  }

  /// `\text{...}` and its font variants, which keep their font as CSS.
  mutating func parseTextCommand(_ name: String, _ range: Range<Int>) throws(MathError) -> Node {
    let text = try parseTextArgument()
    let css: String? =
      switch name {
      case "textbf": "font-weight:bold"
      case "textit", "emph", "textsl": "font-style:italic"
      case "texttt": "font-family:monospace"
      case "textsf": "font-family:sans-serif"
      default: nil
      }
    guard let css else { return text }
    return Node(.textFont(text, css: css), Self.spanning(range.lowerBound, text.range.upperBound))
  }

  /// Text up to a closing `}` (not consumed).
  mutating func parseText() throws(MathError) -> [Node] {
    defer { depth -= 1 }
    try enterLevel(here)
    var nodes: [Node] = []
    var buffer = String.UnicodeScalarView()
    var bufferStart = here.lowerBound
    func flush(_ nodes: inout [Node], _ end: Int) {
      if !buffer.isEmpty {
        nodes.append(Node(.text(String(buffer)), bufferStart..<max(bufferStart, end)))
        buffer = String.UnicodeScalarView()
      }
    }
    while pos < tokens.count {
      let t = tokens[pos]
      if buffer.isEmpty { bufferStart = t.range.lowerBound }
      switch t.kind {
      case .char("}"):
        flush(&nodes, t.range.lowerBound)
        return nodes
      case .char("{"):
        flush(&nodes, t.range.lowerBound)
        pos += 1
        nodes.append(contentsOf: try parseText())
        guard isChar("}") else { throw MathError("Missing }", at: t.range) }
        pos += 1
      case .char("$"):
        flush(&nodes, t.range.lowerBound)
        pos += 1
        let math = try parseExpression(.dollar)
        guard isChar("$") else { throw MathError("Missing $ closing math in text", at: t.range) }
        pos += 1
        nodes.append(Self.row(math, t.range))
      case .char(let c):
        pos += 1
        switch c {
        case "-":
          if isChar("-") {
            pos += 1
            if isChar("-") {
              pos += 1
              buffer.append("—")
            } else {
              buffer.append("–")
            }
          } else {
            buffer.append("-")
          }
        case "`":
          if isChar("`") {
            pos += 1
            buffer.append("“")
          } else {
            buffer.append("‘")
          }
        case "'":
          if isChar("'") {
            pos += 1
            buffer.append("”")
          } else {
            buffer.append("’")
          }
        case "~": buffer.append("\u{A0}")
        default: buffer.append(c)
        }
      case .space:
        pos += 1
        buffer.append(" ")
      case .parameter:
        throw MathError("Macro parameter outside a macro", at: t.range)
      case .command(let name):
        if let macro = macros[name] ?? BuiltinMacros.table[name] {
          try expand(macro)
          continue
        }
        pos += 1
        if let s = Symbols.text[name] {
          buffer.append(contentsOf: s.unicodeScalars)
        } else if let accent = Symbols.textAccents[name] {
          let base = try parseText(accentBaseOf: name)
          buffer.append(contentsOf: base.unicodeScalars)
          buffer.append(contentsOf: accent.unicodeScalars)
        } else if name == "(" {
          flush(&nodes, t.range.lowerBound)
          let math = try parseExpression([])
          guard let close = try peek(), close.kind == .command(")") else {
            throw MathError("Missing \\)", at: t.range)
          }
          pos += 1
          nodes.append(Self.row(math, t.range))
        } else if name == "sout" {
          flush(&nodes, t.range.lowerBound)
          let struck = try parseTextArgument()
          nodes.append(Node(.enclosed(struck, notation: "horizontalstrike"), t.range))
        } else if name == "underline" {
          flush(&nodes, t.range.lowerBound)
          let base = try parseTextArgument()
          nodes.append(Node(.accent(base, mark: "\u{332}", stretchy: true, below: true), t.range))
        } else if [
          "text", "textrm", "textnormal", "textup", "textmd", "mbox", "hbox", "textit",
          "textbf", "textsf", "texttt", "emph", "textsl", "textsc", "textcircled",
        ].contains(name) {
          flush(&nodes, t.range.lowerBound)
          nodes.append(try parseTextCommand(name, t.range))
        } else if [
          "rm", "it", "bf", "sf", "tt", "em", "itshape", "bfseries", "upshape",
          "normalfont", "rmfamily", "sffamily", "ttfamily", "mdseries", "slshape", "scshape",
          "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large",
          "LARGE", "huge", "Huge", "relax", "nobreak", "allowbreak",
        ].contains(name) {
          continue
        } else if name == "phantom" || name == "hphantom" {
          flush(&nodes, t.range.lowerBound)
          nodes.append(Node(.phantom(try parseTextArgument()), t.range))
        } else if name == "textcolor" || name == "color" {
          _ = try parseColor()
        } else if let width = Symbols.spaces[name] {
          if width > 0 { buffer.append("\u{A0}") }
        } else {
          throw MathError("Unknown command \\\(name) in text", at: t.range)
        }
      }
    }
    flush(&nodes, sourceLength)
    return nodes
  }

  /// The letter under a text accent: `\'a`, `\'{a}` or `\'\i`.
  mutating func parseText(accentBaseOf name: String) throws(MathError) -> String {
    skipSpaces()
    var braced = false
    if isChar("{") {
      braced = true
      pos += 1
    }
    var base = ""
    if pos < tokens.count {
      switch tokens[pos].kind {
      case .char(let c) where c != "}":
        base = String(c)
        pos += 1
      case .command(let n):
        if let s = Symbols.text[n] {
          base = s
          pos += 1
        }
      default: break
      }
    }
    if braced {
      guard isChar("}") else { throw error("Expected } after the accented letter of \\\(name)") }
      pos += 1
    }
    return base
  }
}

extension String {
  /// `0,5` as `0.5`, as TeX accepts both.
  fileprivate func replacingComma() -> String {
    String(map { $0 == "," ? "." : $0 })
  }
}
