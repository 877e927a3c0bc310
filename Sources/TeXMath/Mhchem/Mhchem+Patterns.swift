/// mhchem's patterns, one matching function for each of its regular expressions (named by the
/// raw values, as in mhchem.js). Each matches at the start of the rest of the input; those whose
/// name ends in `$` match the whole rest.
extension Mhchem {
  enum Pattern: String {
    case empty = "empty", else1 = "else", else2 = "else2", space = "space"
    case spaceA = "space A", aToZ = "a-z", x = "x", xEnd = "x$", iEnd = "i$"
    case letters = "letters", greek = "\\greek", digits = "digits", decimal = "-9.,9"
    case decimalNoMissingZero = "-9.,9 no missing 0"
    case stateOfAggregation = "state of aggregation $"
    case subscriptStateOfAggregation = "_{(state of aggregation)}$"
    case openBracket = "{[(", closeBracket = ")]}", commaSpace = ", ", comma = ","
    case dot = ".", dotSpace = ". ", ellipsis = "...", starSpace = "* "
    case superBraces = "^{(...)}", superMath = "^($...$)", superA = "^a"
    case superCommandTwoArgs = "^\\x{}{}", superCommandArg = "^\\x{}", superCommand = "^\\x"
    case prime = "'"
    case subBraces = "_{(...)}", subMath = "_($...$)", sub9 = "_9"
    case subCommandTwoArgs = "_\\x{}{}", subCommandArg = "_\\x{}", subCommand = "_\\x"
    case scriptWithoutArgument = "^_", emptyBraces = "{}", braces = "{...}"
    case bracesContent = "{(...)}", math = "$...$", mathBracesContent = "${(...)}$"
    case mathContent = "$(...)$", bondCharacter = "=<>", triple = "#", plus = "+"
    case minusEnd = "-$", minusDigit = "-9", minusOrbitalOverlap = "- orbital overlap"
    case minus = "-", pmOperator = "pm-operator", operatorSign = "operator"
    case arrowUpDown = "arrowUpDown", bondCommand = "\\bond{(...)}", arrow = "->"
    case cmt = "CMT", bracketsContent = "[(...)]", firstLevelEscape = "1st-level escape"
    case spaceCommand = "\\,", commandTwoArgs = "\\x{}{}", commandArg = "\\x{}"
    case circa = "\\ca", command = "\\x", orbital = "orbital", others = "others"
    case frac = "\\frac{(...)}", overset = "\\overset{(...)}", underset = "\\underset{(...)}"
    case underbrace = "\\underbrace{(...)}", color0 = "\\color{(...)}0"
    case color1 = "\\color{(...)}{(...)}1", color2 = "\\color(...){(...)}2"
    case ce = "\\ce{(...)}", oxidationEnd = "oxidation$", dOxidationEnd = "d-oxidation$"
    case romanNumeral = "roman numeral", halfEnd = "1/2$", amount = "amount"
    case amount2 = "amount2", kvLetters = "(KV letters),", formulaEnd = "formula$"
    case uprightEntities = "uprightEntities"
    // Used by actions only.
    case oneLowercaseLatinLetterEnd = "one lowercase latin letter $"
    case dollarLowercaseLatinLetterEnd = "$one lowercase latin letter$ $"
    case oneLowercaseGreekLetterEnd = "one lowercase greek letter $"
  }

  /// A match: one or two captured texts (mhchem's `match_`), and where the input goes on.
  struct Match {
    var parts: [String]
    var end: Int

    var text: String { parts.first ?? "" }
  }

  typealias Scalars = [Unicode.Scalar]

  static func string(_ s: Scalars, _ range: Range<Int>) -> String {
    var out = String.UnicodeScalarView()
    out.append(contentsOf: s[range])
    return String(out)
  }

  /// JavaScript's `\s`.
  static func isSpace(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x9...0xD, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
      0xFEFF:
      true
    default: false
    }
  }

  static func isLower(_ c: Unicode.Scalar) -> Bool { c >= "a" && c <= "z" }
  static func isUpper(_ c: Unicode.Scalar) -> Bool { c >= "A" && c <= "Z" }
  static func isLatin(_ c: Unicode.Scalar) -> Bool { isLower(c) || isUpper(c) }
  static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
  static func isSign(_ c: Unicode.Scalar) -> Bool { c == "+" || c == "-" }

  static let greekNames: Set<String> = [
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi",
    "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi",
    "Psi", "Omega",
  ]
  static let lowercaseGreekNames = greekNames.filter { $0.first?.isLowercase == true }

  // MARK: - Scanning helpers

  /// The position after `literal` at `i`, or nil.
  static func literal(_ s: Scalars, _ i: Int, _ literal: String) -> Int? {
    var j = i
    for c in literal.unicodeScalars {
      guard j < s.count, s[j] == c else { return nil }
      j += 1
    }
    return j
  }

  /// The position after the longest run (at most `limit`) of scalars satisfying `test`.
  static func run(
    _ s: Scalars, _ i: Int, limit: Int = .max, _ test: (Unicode.Scalar) -> Bool
  ) -> Int {
    var j = i
    while j < s.count, j - i < limit, test(s[j]) { j += 1 }
    return j
  }

  static func one(_ s: Scalars, _ i: Int, _ test: (Unicode.Scalar) -> Bool) -> Int? {
    i < s.count && test(s[i]) ? i + 1 : nil
  }

  /// A backslash, letters: a control word's end, or nil.
  static func controlWord(_ s: Scalars, _ i: Int) -> Int? {
    guard i < s.count, s[i] == "\\" else { return nil }
    let end = run(s, i + 1, isLatin)
    return end > i + 1 ? end : nil
  }

  /// `\name` for a Greek letter of `names`, then `\s+`, `{}` or a non-letter (not consumed).
  static func greekCommand(_ s: Scalars, _ i: Int, names: Set<String>) -> Int? {
    guard let end = controlWord(s, i), names.contains(string(s, (i + 1)..<end)) else {
      return nil
    }
    let spaces = run(s, end, isSpace)
    if spaces > end { return spaces }
    if let braces = literal(s, end, "{}") { return braces }
    return end
  }

  static func match(_ s: Scalars, _ i: Int, _ end: Int) -> Match {
    Match(parts: [string(s, i..<end)], end: end)
  }

  /// A match whose text is one capture group.
  static func group(_ s: Scalars, _ range: Range<Int>, end: Int) -> Match {
    Match(parts: [string(s, range)], end: end)
  }

  // MARK: - findObserveGroups

  /// How a group begins or ends in `findObserveGroups`.
  enum Delimiter {
    case text(String)
    /// `/^\\[a-zA-Z]+\{/`
    case commandAndBrace
    /// `/^(?=\{)/`
    case beforeBrace

    /// The length matched at `i`, or nil.
    func length(_ s: Scalars, _ i: Int) -> Int? {
      switch self {
      case .text(let t):
        guard let end = Mhchem.literal(s, i, t) else { return nil }
        return end - i
      case .commandAndBrace:
        guard let end = Mhchem.controlWord(s, i), end < s.count, s[end] == "{" else { return nil }
        return end + 1 - i
      case .beforeBrace:
        return i < s.count && s[i] == "{" ? 0 : nil
      }
    }

    var isEmpty: Bool {
      if case .text(let t) = self { return t.isEmpty }
      return false
    }
  }

  /// mhchem's `findObserveGroups`: text between delimiters, skipping balanced braces; a second
  /// group when `second` is given (joined to the first when `combine`).
  static func findObserveGroups(
    _ s: Scalars, _ i: Int, _ begExcl: Delimiter, _ begIncl: Delimiter, _ endIncl: Delimiter,
    _ endExcl: Delimiter,
    second: (Delimiter, Delimiter, Delimiter, Delimiter)? = nil, combine: Bool = false
  ) throws(Failure) -> Match? {
    guard let excluded = begExcl.length(s, i) else { return nil }
    let start = i + excluded
    guard let included = begIncl.length(s, start) else { return nil }
    let endChars = endIncl.isEmpty ? endExcl : endIncl
    var j = start + included
    var braces = 0
    var found: (begin: Int, end: Int)?
    while j < s.count {
      if let length = endChars.length(s, j), braces == 0 {
        found = (j, j + length)
        break
      } else if s[j] == "{" {
        braces += 1
      } else if s[j] == "}" {
        if braces == 0 {
          throw Failure(message: "Extra close brace or missing open brace")
        }
        braces -= 1
      }
      j += 1
    }
    guard let found else { return nil }
    let first = string(s, start..<(endIncl.isEmpty ? found.begin : found.end))
    guard let second else { return Match(parts: [first], end: found.end) }
    guard
      let group2 = try findObserveGroups(s, found.end, second.0, second.1, second.2, second.3)
    else { return nil }
    if combine { return Match(parts: [first + group2.text], end: group2.end) }
    return Match(parts: [first, group2.text], end: group2.end)
  }

  // MARK: - Patterns

  // Long patterns have functions of their own: in debug builds a function's frame holds every
  // local of every branch.
  static func match(_ pattern: Pattern, _ s: Scalars, _ i: Int) throws(Failure) -> Match? {
    let n = s.count
    func at(_ k: Int) -> Unicode.Scalar? { k < n ? s[k] : nil }
    func whole(_ ok: Bool) -> Match? { ok ? match(s, i, n) : nil }
    switch pattern {
    case .empty: return i == n ? match(s, i, i) : nil
    case .else1, .else2:
      guard let c = at(i), c != "\n", c != "\r", c != "\u{2028}", c != "\u{2029}" else {
        return nil
      }
      return match(s, i, i + 1)
    case .space: return one(s, i, isSpace).map { match(s, i, $0) }
    case .spaceA:
      guard let end = one(s, i, isSpace), let c = at(end), isUpper(c) || c == "\\" || c == "$"
      else { return nil }
      return match(s, i, end)
    case .aToZ: return one(s, i, isLower).map { match(s, i, $0) }
    case .x: return at(i) == "x" ? match(s, i, i + 1) : nil
    case .xEnd: return whole(n - i == 1 && s[i] == "x")
    case .iEnd: return whole(n - i == 1 && s[i] == "i")
    case .letters: return lettersPattern(s, i)
    case .greek: return greekCommand(s, i, names: greekNames).map { match(s, i, $0) }
    case .digits:
      let end = run(s, i, isDigit)
      return end > i ? match(s, i, end) : nil
    case .decimal: return decimalPattern(s, i)
    case .decimalNoMissingZero:
      var j = i
      if let c = at(j), isSign(c) { j += 1 }
      let digits = run(s, j, isDigit)
      guard digits > j else { return nil }
      j = digits
      if let c = at(j), c == "." || c == ",", let d = at(j + 1), isDigit(d) {
        j = run(s, j + 1, isDigit)
      }
      return match(s, i, j)
    case .stateOfAggregation: return try stateOfAggregationPattern(s, i)
    case .subscriptStateOfAggregation:
      guard let open = literal(s, i, "_{("), case let letters = run(s, open, limit: 3, isLower),
        letters > open, let close = literal(s, letters, ")}")
      else { return nil }
      return group(s, (i + 2)..<(close - 1), end: close)
    case .openBracket:
      for t in ["\\{", "[", "("] { if let end = literal(s, i, t) { return match(s, i, end) } }
      return nil
    case .closeBracket:
      for t in [")", "]", "\\}"] { if let end = literal(s, i, t) { return match(s, i, end) } }
      return nil
    case .commaSpace:
      guard let c = at(i), c == "," || c == ";" else { return nil }
      return match(s, i, run(s, i + 1, isSpace))
    case .comma:
      guard let c = at(i), c == "," || c == ";" else { return nil }
      return match(s, i, i + 1)
    case .dot: return at(i) == "." ? match(s, i, i + 1) : nil
    case .dotSpace:
      guard let c = at(i), c == "." || c == "\u{22C5}" || c == "\u{B7}" || c == "\u{2022}" else {
        return nil
      }
      return group(s, i..<(i + 1), end: run(s, i + 1, isSpace))
    case .ellipsis:
      guard let end = literal(s, i, "..."), at(end) != "." else { return nil }
      return match(s, i, end)
    case .starSpace:
      guard at(i) == "*" else { return nil }
      return group(s, i..<(i + 1), end: run(s, i + 1, isSpace))
    case .superBraces:
      return try findObserveGroups(s, i, .text("^{"), .text(""), .text(""), .text("}"))
    case .superMath:
      return try findObserveGroups(s, i, .text("^"), .text("$"), .text("$"), .text(""))
    case .superA: return scriptArgument(s, i, "^", excluding: "_")
    case .superCommandTwoArgs:
      return try findObserveGroups(
        s, i, .text("^"), .commandAndBrace, .text("}"), .text(""),
        second: (.text(""), .text("{"), .text("}"), .text("")), combine: true)
    case .superCommandArg:
      return try findObserveGroups(s, i, .text("^"), .commandAndBrace, .text("}"), .text(""))
    case .superCommand: return scriptCommand(s, i, "^")
    case .prime: return at(i) == "'" ? match(s, i, i + 1) : nil
    case .subBraces:
      return try findObserveGroups(s, i, .text("_{"), .text(""), .text(""), .text("}"))
    case .subMath:
      return try findObserveGroups(s, i, .text("_"), .text("$"), .text("$"), .text(""))
    case .sub9: return sub9Pattern(s, i)
    case .subCommandTwoArgs:
      return try findObserveGroups(
        s, i, .text("_"), .commandAndBrace, .text("}"), .text(""),
        second: (.text(""), .text("{"), .text("}"), .text("")), combine: true)
    case .subCommandArg:
      return try findObserveGroups(s, i, .text("_"), .commandAndBrace, .text("}"), .text(""))
    case .subCommand: return scriptCommand(s, i, "_")
    case .scriptWithoutArgument:
      guard let c = at(i), c == "^" || c == "_" else { return nil }
      if c == "^", at(i + 1) == "_" { return match(s, i, i + 1) }
      if c == "_", at(i + 1) == "^" { return match(s, i, i + 1) }
      return i + 1 == n ? match(s, i, i + 1) : nil
    case .emptyBraces: return literal(s, i, "{}").map { match(s, i, $0) }
    case .braces:
      return try findObserveGroups(s, i, .text(""), .text("{"), .text("}"), .text(""))
    case .bracesContent:
      return try findObserveGroups(s, i, .text("{"), .text(""), .text(""), .text("}"))
    case .math:
      return try findObserveGroups(s, i, .text(""), .text("$"), .text("$"), .text(""))
    case .mathBracesContent:
      return try findObserveGroups(s, i, .text("${"), .text(""), .text(""), .text("}$"))
    case .mathContent:
      return try findObserveGroups(s, i, .text("$"), .text(""), .text(""), .text("$"))
    case .bondCharacter:
      guard let c = at(i), c == "=" || c == "<" || c == ">" else { return nil }
      return match(s, i, i + 1)
    case .triple:
      guard let c = at(i), c == "#" || c == "\u{2261}" else { return nil }
      return match(s, i, i + 1)
    case .plus: return at(i) == "+" ? match(s, i, i + 1) : nil
    case .minusEnd: return minusEndPattern(s, i)
    case .minusDigit:
      guard at(i) == "-", let c = at(i + 1), isDigit(c) else { return nil }
      return match(s, i, i + 1)
    case .minusOrbitalOverlap: return minusOrbitalOverlapPattern(s, i)
    case .minus: return at(i) == "-" ? match(s, i, i + 1) : nil
    case .pmOperator:
      for t in ["\\pm", "$\\pm$", "+-", "+/-"] {
        if let end = literal(s, i, t) { return match(s, i, end) }
      }
      return nil
    case .operatorSign: return operatorPattern(s, i)
    case .arrowUpDown:
      for t in ["v", "(v)", "^", "(^)"] {
        guard let end = literal(s, i, t) else { continue }
        if end == n { return match(s, i, end) }
        let c = s[end]
        if isSpace(c) || c == "," || c == ";" || c == ")" || c == "]" || c == "}" {
          return match(s, i, end)
        }
      }
      return nil
    case .bondCommand:
      return try findObserveGroups(s, i, .text("\\bond{"), .text(""), .text(""), .text("}"))
    case .arrow:
      for t in [
        "<->", "<-->", "->", "<-", "<=>>", "<<=>", "<=>", "\u{2192}", "\u{27F6}", "\u{21CC}",
      ] {
        if let end = literal(s, i, t) { return match(s, i, end) }
      }
      return nil
    case .cmt:
      guard let c = at(i), c == "C" || c == "M" || c == "T", at(i + 1) == "[" else { return nil }
      return match(s, i, i + 1)
    case .bracketsContent:
      return try findObserveGroups(s, i, .text("["), .text(""), .text(""), .text("]"))
    case .firstLevelEscape:
      for t in ["&", "\\\\", "\\hline"] {
        if let end = literal(s, i, t) { return group(s, i..<end, end: run(s, end, isSpace)) }
      }
      return nil
    case .spaceCommand:
      guard at(i) == "\\", let c = at(i + 1), c == "," || c == " " || c == ";" || c == ":" else {
        return nil
      }
      return match(s, i, i + 2)
    case .commandTwoArgs:
      return try findObserveGroups(
        s, i, .text(""), .commandAndBrace, .text("}"), .text(""),
        second: (.text(""), .text("{"), .text("}"), .text("")), combine: true)
    case .commandArg:
      return try findObserveGroups(s, i, .text(""), .commandAndBrace, .text("}"), .text(""))
    case .circa:
      guard let end = literal(s, i, "\\ca") else { return nil }
      let spaces = run(s, end, isSpace)
      if spaces > end { return match(s, i, spaces) }
      if let c = at(end), isLatin(c) { return nil }
      return match(s, i, end)
    case .command:
      if let end = controlWord(s, i) { return match(s, i, run(s, end, isSpace)) }
      guard at(i) == "\\", let c = at(i + 1),
        c == "_" || c == "&" || c == "{" || c == "}" || c == "%"
      else { return nil }
      return match(s, i, i + 2)
    case .orbital: return orbitalPattern(s, i)
    case .others:
      guard let c = at(i), c == "/" || c == "~" || c == "|" else { return nil }
      return match(s, i, i + 1)
    case .frac: return try twoArguments(s, i, "\\frac{", "}")
    case .overset: return try twoArguments(s, i, "\\overset{", "}")
    case .underset: return try twoArguments(s, i, "\\underset{", "}")
    case .underbrace: return try twoArguments(s, i, "\\underbrace{", "}_")
    case .color0:
      return try findObserveGroups(s, i, .text("\\color{"), .text(""), .text(""), .text("}"))
    case .color1: return try twoArguments(s, i, "\\color{", "}")
    case .color2:
      return try findObserveGroups(
        s, i, .text("\\color"), .text("\\"), .text(""), .beforeBrace,
        second: (.text("{"), .text(""), .text(""), .text("}")))
    case .ce:
      return try findObserveGroups(s, i, .text("\\ce{"), .text(""), .text(""), .text("}"))
    case .oxidationEnd: return oxidationPattern(s, i, signOptional: false)
    case .dOxidationEnd: return oxidationPattern(s, i, signOptional: true)
    case .romanNumeral:
      let end = run(s, i) { $0 == "I" || $0 == "V" || $0 == "X" }
      return end > i ? match(s, i, end) : nil
    case .halfEnd: return halfPattern(s, i)
    case .amount, .amount2: return try amountPattern(s, i)
    case .kvLetters:
      if at(i) == "i", at(i + 1) == "," { return match(s, i, i + 1) }
      guard let c = at(i), isUpper(c) else { return nil }
      // [A-Z][a-z]{0,2} followed by a comma: backtracking can only shorten the letters.
      let letters = run(s, i + 1, limit: 2, isLower)
      for end in stride(from: letters, through: i + 1, by: -1) where at(end) == "," {
        return match(s, i, end)
      }
      return nil
    case .formulaEnd: return formulaPattern(s, i)
    case .uprightEntities:
      for t in ["pH", "pOH", "pC", "pK", "iPr", "iBu"] {
        guard let end = literal(s, i, t) else { continue }
        if let c = at(end), isLatin(c) { continue }
        return match(s, i, end)
      }
      return nil
    case .oneLowercaseLatinLetterEnd:
      guard let c = at(i), isLower(c) else { return nil }
      if n - i == 1 { return group(s, i..<(i + 1), end: n) }
      if n - i == 2, !isLatin(s[i + 1]) { return group(s, i..<(i + 1), end: n) }
      return nil
    case .dollarLowercaseLatinLetterEnd:
      // `(?:$|[^a-zA-Z])\$$`: the end anchor cannot be followed by `$`, so a character must.
      guard n - i == 4, s[i] == "$", isLower(s[i + 1]), !isLatin(s[i + 2]), s[i + 3] == "$" else {
        return nil
      }
      return group(s, (i + 1)..<(i + 2), end: n)
    case .oneLowercaseGreekLetterEnd: return lowercaseGreekPattern(s, i)
    }
  }

  /// `(?:[a-zA-Zα-ωΑ-Ω?@]|\\greek(?:\s+|\{\}|(?![a-zA-Z])))+`
  static func lettersPattern(_ s: Scalars, _ i: Int) -> Match? {
    var j = i
    while j < s.count {
      let c = s[j]
      if isLatin(c) || ("\u{3B1}"..."\u{3C9}").contains(c) || ("\u{391}"..."\u{3A9}").contains(c)
        || c == "?" || c == "@"
      {
        j += 1
      } else if let end = greekCommand(s, j, names: greekNames) {
        j = end
      } else {
        break
      }
    }
    return j > i ? match(s, i, j) : nil
  }

  /// `[+\-]?(?:[0-9]+(?:[,.][0-9]+)?|[0-9]*(?:\.[0-9]+))`
  static func decimalPattern(_ s: Scalars, _ i: Int) -> Match? {
    var j = i
    if j < s.count, isSign(s[j]) { j += 1 }
    let digits = run(s, j, isDigit)
    if digits > j {
      j = digits
      if j + 1 < s.count, s[j] == "," || s[j] == ".", isDigit(s[j + 1]) {
        j = run(s, j + 1, isDigit)
      }
      return match(s, i, j)
    }
    guard j + 1 < s.count, s[j] == ".", isDigit(s[j + 1]) else { return nil }
    return match(s, i, run(s, j + 1, isDigit))
  }

  /// `(aq)`, `(aq, sat)` ending a phrase, or a crystal system `($o$)`, `(\ca$c$)`.
  static func stateOfAggregationPattern(_ s: Scalars, _ i: Int) throws(Failure) -> Match? {
    let opening = i < s.count && s[i] == "("
    if opening {
      let letters = run(s, i + 1, limit: 3, isLower)
      if letters > i + 1, letters < s.count, s[letters] == ")" || s[letters] == "," {
        // findObserveGroups(input, "", /^\([a-z]{1,3}(?=[\),])/, ")", "")
        var j = letters
        var braces = 0
        var end: Int?
        while j < s.count {
          if s[j] == ")", braces == 0 {
            end = j + 1
            break
          } else if s[j] == "{" {
            braces += 1
          } else if s[j] == "}" {
            if braces == 0 { throw Failure(message: "Extra close brace or missing open brace") }
            braces -= 1
          }
          j += 1
        }
        if let end {
          let c = end < s.count ? s[end] : nil
          if c == nil || isSpace(c!) || c == "," || c == ";" || c == ")" || c == "]" || c == "}" {
            return match(s, i, end)
          }
        }
      }
      var j = i + 1
      if let end = literal(s, j, "\\ca") {
        j = end
        if j < s.count, isSpace(s[j]) { j += 1 }
      }
      if j + 3 < s.count, s[j] == "$", "amothc".unicodeScalars.contains(s[j + 1]),
        s[j + 2] == "$", s[j + 3] == ")"
      {
        return match(s, i, j + 4)
      }
    }
    return nil
  }

  /// `^` or `_` then `[0-9]+` or one character but a backslash (and `excluding`).
  static func scriptArgument(
    _ s: Scalars, _ i: Int, _ mark: Unicode.Scalar, excluding: Unicode.Scalar
  ) -> Match? {
    guard i < s.count, s[i] == mark, i + 1 < s.count else { return nil }
    let digits = run(s, i + 1, isDigit)
    if digits > i + 1 { return group(s, (i + 1)..<digits, end: digits) }
    let c = s[i + 1]
    guard c != "\\", c != excluding else { return nil }
    return group(s, (i + 1)..<(i + 2), end: i + 2)
  }

  /// `_([+\-]?[0-9]+|[^\\])`
  static func sub9Pattern(_ s: Scalars, _ i: Int) -> Match? {
    guard i + 1 < s.count, s[i] == "_" else { return nil }
    var j = i + 1
    if isSign(s[j]) { j += 1 }
    let digits = run(s, j, isDigit)
    if digits > j { return group(s, (i + 1)..<digits, end: digits) }
    guard s[i + 1] != "\\" else { return nil }
    return group(s, (i + 1)..<(i + 2), end: i + 2)
  }

  /// `^(\\[a-zA-Z]+)\s*` and its `_` twin.
  static func scriptCommand(_ s: Scalars, _ i: Int, _ mark: Unicode.Scalar) -> Match? {
    guard i < s.count, s[i] == mark, let end = controlWord(s, i + 1) else { return nil }
    return group(s, (i + 1)..<end, end: run(s, end, isSpace))
  }

  /// `-(?=[\s_},;\]/]|$|\([a-z]+\))`
  static func minusEndPattern(_ s: Scalars, _ i: Int) -> Match? {
    guard i < s.count, s[i] == "-" else { return nil }
    let j = i + 1
    if j == s.count { return match(s, i, j) }
    let c = s[j]
    if isSpace(c) || c == "_" || c == "}" || c == "," || c == ";" || c == "]" || c == "/" {
      return match(s, i, j)
    }
    if c == "(" {
      let letters = run(s, j + 1, isLower)
      if letters > j + 1, letters < s.count, s[letters] == ")" { return match(s, i, j) }
    }
    return nil
  }

  /// `-(?=(?:[spd]|sp)(?:$|[\s,;\)\]\}]))`
  static func minusOrbitalOverlapPattern(_ s: Scalars, _ i: Int) -> Match? {
    guard i < s.count, s[i] == "-" else { return nil }
    func ends(_ k: Int) -> Bool {
      k == s.count || isSpace(s[k]) || [",", ";", ")", "]", "}"].contains(s[k])
    }
    let j = i + 1
    if j < s.count, "spd".unicodeScalars.contains(s[j]), ends(j + 1) { return match(s, i, j) }
    if let end = literal(s, j, "sp"), ends(end) { return match(s, i, j) }
    return nil
  }

  /// `\+|(?:[\-=<>]|<<|>>|\\approx|\$\\approx\$)(?=\s|$|-?[0-9])`
  static func operatorPattern(_ s: Scalars, _ i: Int) -> Match? {
    guard i < s.count else { return nil }
    if s[i] == "+" { return match(s, i, i + 1) }
    func followed(_ k: Int) -> Bool {
      if k == s.count || isSpace(s[k]) || isDigit(s[k]) { return true }
      return s[k] == "-" && k + 1 < s.count && isDigit(s[k + 1])
    }
    for t in ["-", "=", "<", ">", "<<", ">>", "\\approx", "$\\approx$"] {
      if let end = literal(s, i, t), followed(end) { return match(s, i, end) }
    }
    return nil
  }

  /// `(?:[0-9]{1,2}[spdfgh]|[0-9]{0,2}sp)(?=$|[^a-zA-Z])`
  static func orbitalPattern(_ s: Scalars, _ i: Int) -> Match? {
    func free(_ k: Int) -> Bool { k == s.count || !isLatin(s[k]) }
    let digits = run(s, i, limit: 2, isDigit)
    for d in stride(from: digits, through: i + 1, by: -1) {
      if d < s.count, "spdfgh".unicodeScalars.contains(s[d]), free(d + 1) {
        return match(s, i, d + 1)
      }
    }
    for d in stride(from: digits, through: i, by: -1) {
      if let end = literal(s, d, "sp"), free(end) { return match(s, i, end) }
    }
    return nil
  }

  /// `(?:[+-][IVX]+|\\pm\s*0|\$\\pm\$\s*0)$`; the `d-` variant: `[+-]?\s?[IVX]+` first.
  static func oxidationPattern(_ s: Scalars, _ i: Int, signOptional: Bool) -> Match? {
    let n = s.count
    func roman(_ k: Int) -> Bool {
      k < n && run(s, k) { $0 == "I" || $0 == "V" || $0 == "X" } == n
    }
    if i < n, isSign(s[i]) {
      if roman(i + 1) { return match(s, i, n) }
      if signOptional, i + 1 < n, isSpace(s[i + 1]), roman(i + 2) { return match(s, i, n) }
    } else if signOptional {
      if roman(i) { return match(s, i, n) }
      if i < n, isSpace(s[i]), roman(i + 1) { return match(s, i, n) }
    }
    for t in ["\\pm", "$\\pm$"] {
      guard let end = literal(s, i, t) else { continue }
      let spaces = run(s, end, isSpace)
      if spaces + 1 == n, s[spaces] == "0" { return match(s, i, n) }
    }
    return nil
  }

  /// `[+\-]?(?:[0-9]+|\$[a-z]\$|[a-z])\/[0-9]+(?:\$[a-z]\$|[a-z])?$`
  static func halfPattern(_ s: Scalars, _ i: Int) -> Match? {
    let n = s.count
    var j = i
    if j < n, isSign(s[j]) { j += 1 }
    guard let numerator = numeratorEnd(s, j), numerator < n, s[numerator] == "/" else {
      return nil
    }
    let denominator = run(s, numerator + 1, isDigit)
    guard denominator > numerator + 1 else { return nil }
    if denominator == n { return match(s, i, n) }
    if denominator + 1 == n, isLower(s[denominator]) { return match(s, i, n) }
    if denominator + 3 == n, s[denominator] == "$", isLower(s[denominator + 1]),
      s[denominator + 2] == "$"
    {
      return match(s, i, n)
    }
    return nil
  }

  /// `[0-9]+|\$[a-z]\$|[a-z]` at `j`: its end.
  static func numeratorEnd(_ s: Scalars, _ j: Int) -> Int? {
    let digits = run(s, j, isDigit)
    if digits > j { return digits }
    if j + 2 < s.count, s[j] == "$", isLower(s[j + 1]), s[j + 2] == "$" { return j + 3 }
    if j < s.count, isLower(s[j]) { return j + 1 }
    return nil
  }

  /// An amount before a formula: `2`, `0.5`, `1/2`, `-2`, `n/2`, `+`, `2n`, or `$...$` of the
  /// forms mhchem accepts.
  static func amountPattern(_ s: Scalars, _ i: Int) throws(Failure) -> Match? {
    let n = s.count
    func capitalFollows(_ k: Int) -> Bool {
      let j = run(s, k, isSpace)
      return j < n && isUpper(s[j])
    }
    // A number of one of five forms, then optionally a letter before a capital.
    func number() -> Int? {
      var j = i
      if j < n, s[j] == "(" {
        var k = j + 1
        if k < n, isSign(s[k]) { k += 1 }
        let a = run(s, k, isDigit)
        if a > k, a < n, s[a] == "/" {
          let b = run(s, a + 1, isDigit)
          if b > a + 1, b < n, s[b] == ")" { return b + 1 }
        }
      }
      if j < n, isSign(s[j]) { j += 1 }
      if let numerator = numeratorEnd(s, j), numerator < n, s[numerator] == "/" {
        let denominator = run(s, numerator + 1, isDigit)
        if denominator > numerator + 1 { return denominator }
      }
      let digits = run(s, j, isDigit)
      if digits > j, digits + 1 < n, s[digits] == "." || s[digits] == ",",
        isDigit(s[digits + 1])
      {
        return run(s, digits + 1, isDigit)
      }
      if j + 1 < n, s[j] == ".", isDigit(s[j + 1]) { return run(s, j + 1, isDigit) }
      return digits > j ? digits : nil
    }
    if var end = number() {
      if end < n, isLower(s[end]), capitalFollows(end + 1) { end += 1 }
      return match(s, i, end)
    }
    var j = i
    if j < n, isSign(s[j]) { j += 1 }
    if j < n, isLower(s[j]), capitalFollows(j + 1) { return match(s, i, j + 1) }
    if i < n, s[i] == "+", !(i + 1 < n && isSpace(s[i + 1])) { return match(s, i, i + 1) }
    guard let math = try findObserveGroups(s, i, .text(""), .text("$"), .text("$"), .text(""))
    else { return nil }
    return amountInMath(Array(math.text.unicodeScalars)) ? math : nil
  }

  /// `^\$(?:\(?[+\-]?(?:[0-9]*[a-z]?[+\-])?[0-9]*[a-z](?:[+\-][0-9]*[a-z]?)?\)?|\+|-)\$$`
  static func amountInMath(_ t: Scalars) -> Bool {
    guard t.count >= 3, t.first == "$", t.last == "$" else { return false }
    var body = Array(t[1..<(t.count - 1)])
    if body == ["+"] || body == ["-"] { return true }
    if body.first == "(" { body.removeFirst() }
    if body.last == ")" { body.removeLast() }
    // [+-]? (?:[0-9]*[a-z]?[+-])? [0-9]* [a-z] (?:[+-][0-9]*[a-z]?)?, tried in the order of
    // a backtracking matcher: it is short, so every split is tried.
    func core(_ k: Int) -> Bool {
      // [0-9]* [a-z] then the optional tail, to the end.
      let digits = run(body, k, isDigit)
      guard digits < body.count, isLower(body[digits]) else { return false }
      let j = digits + 1
      if j == body.count { return true }
      guard isSign(body[j]) else { return false }
      let tailDigits = run(body, j + 1, isDigit)
      if tailDigits == body.count { return true }
      return tailDigits + 1 == body.count && isLower(body[tailDigits])
    }
    func afterSign(_ k: Int) -> Bool {
      // Optional group [0-9]*[a-z]?[+-], then core.
      let digits = run(body, k, isDigit)
      var j = digits
      if j < body.count, isLower(body[j]) {
        if j + 1 < body.count, isSign(body[j + 1]), core(j + 2) { return true }
      }
      j = digits
      if j < body.count, isSign(body[j]), core(j + 1) { return true }
      return core(k)
    }
    if let first = body.first, isSign(first), afterSign(1) { return true }
    return afterSign(0)
  }

  /// `formula$`: letters each after at least one of `[0-9 +\-,.()]` (or a lone letter), and
  /// not a state of aggregation such as `(aq)`.
  static func formulaPattern(_ s: Scalars, _ i: Int) -> Match? {
    let n = s.count
    guard i < n else { return nil }
    if s[i] == "(", s[n - 1] == ")", n - i > 2, s[(i + 1)..<(n - 1)].allSatisfy(isLower) {
      return nil
    }
    func isFiller(_ c: Unicode.Scalar) -> Bool {
      isDigit(c) || " +-,.()".unicodeScalars.contains(c)
    }
    var letters = 0
    var previousWasLetter = false
    for k in i..<n {
      let c = s[k]
      if isLower(c) {
        if previousWasLetter { return nil }
        letters += 1
        previousWasLetter = true
      } else if isFiller(c) {
        previousWasLetter = false
      } else {
        return nil
      }
    }
    return letters > 0 ? match(s, i, n) : nil
  }

  /// `(?:\$?[α-ω]\$?|\$?\\(?:alpha|...)\s*\$?)(?:\s+|\{\}|(?![a-zA-Z]))$`
  static func lowercaseGreekPattern(_ s: Scalars, _ i: Int) -> Match? {
    let n = s.count
    var j = i
    if j < n, s[j] == "$" { j += 1 }
    if j < n, ("\u{3B1}"..."\u{3C9}").contains(s[j]) {
      j += 1
    } else if let end = controlWord(s, j), lowercaseGreekNames.contains(string(s, (j + 1)..<end)) {
      j = run(s, end, isSpace)
    } else {
      return nil
    }
    if j < n, s[j] == "$" { j += 1 }
    let rest = s[j..<n]
    if rest.isEmpty || rest.allSatisfy(isSpace) || Array(rest) == ["{", "}"] {
      return match(s, i, n)
    }
    return nil
  }

  /// `\frac{a}{b}` and friends: the two arguments.
  static func twoArguments(
    _ s: Scalars, _ i: Int, _ begin: String, _ end: String
  ) throws(Failure) -> Match? {
    try findObserveGroups(
      s, i, .text(begin), .text(""), .text(""), .text(end),
      second: (.text("{"), .text(""), .text(""), .text("}")))
  }
}
