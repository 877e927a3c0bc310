#if canImport(TeXMath)
  @testable import TeXMath
#endif

/// Random TeX for the fuzzers, built from the converter's own command tables: random commands
/// with random arguments, macro definitions (recursive ones too), environments, `\ce`, deep
/// nesting, unbalanced braces, huge repetitions, odd characters, and mutations of real formulas.
///
/// Deterministic for a seeded generator. Kept free of the test framework so that
/// benchmarks/texmath.sh compiles it into its release-mode fuzz loop too.
struct TeXFuzzGenerator {
  /// Real formulas to mutate (the development corpus); may be empty.
  var corpus: [String]

  /// Every command name the converter knows, sorted so that a seed gives the same inputs in
  /// every process (dictionary order is not stable across processes).
  static let commands: [String] = {
    var names = Set<String>()
    names.formUnion(Parser.commandKinds.keys)
    names.formUnion(Parser.switchKinds.keys)
    names.formUnion(Parser.definitionKinds.keys)
    names.formUnion(Parser.extensibleArrows.keys)
    names.formUnion(Symbols.math.keys)
    names.formUnion(Symbols.functions.keys)
    names.formUnion(Symbols.accents.keys)
    names.formUnion(Symbols.spaces.keys)
    names.formUnion(Symbols.text.keys)
    names.formUnion(Symbols.textAccents.keys)
    names.formUnion(Symbols.delimiterCommands.keys)
    names.formUnion(BuiltinMacros.table.keys)
    names.formUnion(["foo", "relax", "displaylimits", "tripledash", "bond", "hline", "nonumber"])
    return names.sorted()
  }()

  static let environments = [
    "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "matrix*", "pmatrix*",
    "smallmatrix", "cases", "dcases", "rcases", "array", "darray", "subarray", "aligned", "align",
    "align*", "split", "alignat", "alignedat", "eqnarray", "gathered", "gather", "multline",
    "equation", "equation*", "CD", "nosuchenv",
  ]

  /// Characters of ordinary formulas.
  static let plain: [String] = [
    "x", "y", "a", "b", "2", "10", "3.14", "+", "-", "=", "<", ">", "(", ")", "[", "]", "|", ",",
    ".", ";", ":", "!", "?", "'", "''", "*", "/", " ", "α", "∑", "≤", "→",
  ]

  /// Characters that break formulas, or break markup that does not escape them.
  static let characters: [String] = [
    "@", "~", "&", "#", "$", "%", "\\", "^", "_",
    "{", "}", " ", "  ", "\n", "\t", "Å", "😀", "\u{301}", "\u{338}",
    "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{200B}", "\u{202E}", "\u{FEFF}", "\u{FFFD}",
    "\u{FFFF}", "\u{10FFFF}", "ﬁ", "\u{2212}", "&amp;", "<mi>", "\"", "\\\\", "\\,", "\\ ",
    "#1", "##", "@>>>", "@VVV", "@=", "@.",
  ]

  static let dimensions = [
    "1em", "-2pt", "0.5ex", "3mu", "{1cm}", "99999999999999999999em", "1e5pt", "em", "-0pt",
    ",5em", "16383pt", "1.2.3em", "{}", "1 em", "nan em", "1sp", "2bp",
  ]

  static let colors = [
    "red", "#ff0000", "ff0000", "[rgb]{1,0,0}", "[RGB]{255,0,0}", "[HTML]{00FF00}",
    "[gray]{0.5}", "[cmyk]{0,1,1,0}", "[rgb]{2,0,0}", "[hsb]{1,1,1}", "{re d}", "{}", "mine",
  ]

  static let chemistry = [
    "H2O", "2H2 + O2 -> 2H2O", "SO4^2-", "^{14}C", "CuSO4*5H2O", "A <=> B", "A ->[cat][x] B",
    "NaCl(aq)", "Fe^{3+}", "(NH4)2S", "A\\bond{~}B", "$x$", "{text}", "\\alpha", "1/2H2O",
    "v", "^", "->", "[", "]", "\\frac{a}{b}", "\\ce{X}", "&", "\\\\", "\\underbrace{}", "_{(aq)}",
  ]

  // MARK: - Random helpers over any generator

  static func int<R: RandomNumberGenerator>(_ range: ClosedRange<Int>, _ r: inout R) -> Int {
    Int.random(in: range, using: &r)
  }

  static func chance<R: RandomNumberGenerator>(_ p: Double, _ r: inout R) -> Bool {
    Double.random(in: 0..<1, using: &r) < p
  }

  static func pick<T, R: RandomNumberGenerator>(_ items: [T], _ r: inout R) -> T {
    items[Int.random(in: 0..<items.count, using: &r)]
  }

  // MARK: - Formulas

  /// One random formula.
  func formula<R: RandomNumberGenerator>(_ r: inout R) -> String {
    let mode = Self.int(0...99, &r)
    switch mode {
    case 0..<45: return Self.expression(depth: 0, &r)
    case 45..<70 where !corpus.isEmpty: return mutation(&r)
    case 45..<80: return Self.nesting(&r)
    case 80..<92: return Self.repetition(&r)
    default:
      return (0..<Self.int(1...60, &r)).map { _ in
        Self.pick(Self.chance(0.5, &r) ? Self.plain : Self.characters, &r)
      }.joined()
    }
  }

  /// A sequence of random atoms; `depth` bounds the generator's own recursion.
  static func expression<R: RandomNumberGenerator>(depth: Int, _ r: inout R) -> String {
    var out = ""
    for _ in 0..<int(1...(depth > 3 ? 2 : 7), &r) { out += atom(depth: depth, &r) }
    return out
  }

  static func argument<R: RandomNumberGenerator>(depth: Int, _ r: inout R) -> String {
    if depth > 4 || chance(0.25, &r) { return pick(chance(0.8, &r) ? plain : characters, &r) }
    if chance(0.05, &r) { return "{" + expression(depth: depth + 1, &r) }
    return "{" + expression(depth: depth + 1, &r) + "}"
  }

  static func atom<R: RandomNumberGenerator>(depth: Int, _ r: inout R) -> String {
    switch int(0...19, &r) {
    case 0...3: return chance(0.85, &r) ? pick(plain, &r) : pick(characters, &r)
    case 4...8:
      var out = "\\" + pick(commands, &r)
      if chance(0.2, &r) { out += "[" + expression(depth: depth + 1, &r) + "]" }
      for _ in 0..<int(0...3, &r) { out += argument(depth: depth, &r) }
      return out
    case 9: return argument(depth: depth, &r)
    case 10:
      return argument(depth: depth, &r) + pick(["^", "_", "'", "^'", "_^"], &r)
        + argument(depth: depth, &r)
    case 11:
      let open = pick(["(", "[", "\\{", ".", "|", "\\langle", "<", "x", "{(}", "\\left"], &r)
      let close = pick([")", "]", "\\}", ".", "|", "\\rangle", "", "\\right"], &r)
      let middle = chance(0.3, &r) ? "\\middle|" + expression(depth: depth + 1, &r) : ""
      return "\\left" + open + expression(depth: depth + 1, &r) + middle
        + (chance(0.9, &r) ? "\\right" + close : "")
    case 12:
      let name = pick(environments, &r)
      var body = ""
      if name.hasPrefix("array") || name == "darray" || name == "subarray" {
        body += pick(["{cc}", "{|l:r|}", "{p{1em}c}", "{}", "{x}", "cc"], &r)
      }
      if name.hasPrefix("alignat") { body += "{2}" }
      for row in 0..<int(1...4, &r) {
        if row > 0 { body += pick(["\\\\", "\\cr", "\\\\[2pt]", "\\\\\\hline"], &r) }
        for cell in 0..<int(1...4, &r) {
          if cell > 0 { body += "&" }
          body += expression(depth: depth + 2, &r)
        }
      }
      let end = chance(0.9, &r) ? name : pick(environments, &r)
      return "\\begin{\(name)}" + body + (chance(0.95, &r) ? "\\end{\(end)}" : "")
    case 13:
      return pick(["\\text", "\\textbf", "\\mbox", "\\texttt", "\\emph"], &r) + "{"
        + pick(["a b", "--", "``x''", "\\'e", "\\ss", "$", "\\foo", "~"], &r) + "$"
        + expression(depth: depth + 1, &r) + "$" + pick(["}", "", "}}"], &r)
    case 14: return definition(depth: depth, &r)
    case 15:
      var text = ""
      for _ in 0..<int(1...6, &r) { text += pick(chemistry, &r) + pick(["", " ", " + "], &r) }
      return "\\ce{" + text + "}"
    case 16:
      return pick(["\\kern", "\\hspace", "\\mkern", "\\raisebox", "\\rule", "a\\above"], &r)
        + pick(dimensions, &r) + (chance(0.5, &r) ? "{" + pick(dimensions, &r) + "}" : "x")
    case 17:
      return pick(["\\color", "\\textcolor", "\\colorbox", "\\definecolor{mine}{rgb}"], &r)
        + pick(colors, &r) + argument(depth: depth, &r)
    case 18:
      return pick(["\\over", "\\atop", "\\choose", "\\tag{1}", "\\label{x}", "\\\\", "&"], &r)
    default:
      return pick(
        [
          "\\sideset{_a^b}{'}\\sum", "\\bordermatrix{&a\\cr b&c}", "\\cancelto{0}{x}",
          "\\not=", "\\not\\not\\in", "\\verb|x y|", "\\char\"263A", "\\unicode{x1F600}",
          "\\root 3\\of x", "\\buildrel a\\over =", "\\matrix{a&b\\cr c}", "\\mathchoice abcd",
          "\\substack{a\\\\b}", "\\operatorname*{f}", "\\DeclareMathOperator{\\g}{g}\\g",
        ], &r)
    }
  }

  /// `\def`, `\newcommand` or `\DeclareMathOperator`, then uses; some call themselves or
  /// double their arguments.
  static func definition<R: RandomNumberGenerator>(depth: Int, _ r: inout R) -> String {
    let name = pick(["\\a", "\\b", "\\foo", "\\x", "\\frac", "\\sqrt", "\\left"], &r)
    let body = pick(
      [
        "#1#1", "{#1}^{#2}", name + "{#1#1}", name, "x" + name, "{" + name + "}", "\\frac#1#2",
        "#2", "##1", "\\def" + name + "{y}", "#1" + name + "#1",
      ], &r)
    var out: String
    switch int(0...2, &r) {
    case 0: out = "\\def" + name + pick(["#1", "#1#2", "", "#2"], &r) + "{" + body + "}"
    case 1:
      out =
        "\\newcommand{" + name + "}" + pick(["[1]", "[2]", "", "[2][d]", "[x]", "[10]"], &r)
        + "{" + body + "}"
    default: out = "\\DeclareMathOperator" + pick(["", "*"], &r) + "{" + name + "}{" + body + "}"
    }
    for _ in 0..<int(1...3, &r) {
      out += name + argument(depth: depth, &r) + argument(depth: depth, &r)
    }
    return out
  }

  /// A construct of NestingCorpus, or a random command, nested up to 300 deep.
  static func nesting<R: RandomNumberGenerator>(_ r: inout R) -> String {
    let template =
      chance(0.7, &r)
      ? pick(NestingCorpus.templates, &r)
      : "\\" + pick(commands, &r) + pick(["{#}", " #", "#"], &r)
    return NestingCorpus.nest(template, levels: int(1...300, &r))
  }

  /// A fragment repeated up to 30,000 times (at most about 120,000 characters).
  static func repetition<R: RandomNumberGenerator>(_ r: inout R) -> String {
    let fragment = atom(depth: 3, &r)
    let count = min(int(100...30_000, &r), 120_000 / max(1, fragment.utf8.count))
    return String(repeating: fragment, count: count)
  }

  /// A real formula with a few random edits: inserted atoms, deletions, duplications, braces.
  func mutation<R: RandomNumberGenerator>(_ r: inout R) -> String {
    var scalars = Array(Self.pick(corpus, &r).unicodeScalars)
    for _ in 0..<Self.int(1...5, &r) {
      let at = Self.int(0...scalars.count, &r)
      switch Self.int(0...4, &r) {
      case 0: scalars.insert(contentsOf: Self.atom(depth: 2, &r).unicodeScalars, at: at)
      case 1:
        let end = min(scalars.count, at + Self.int(1...10, &r))
        scalars.removeSubrange(at..<end)
      case 2:
        let end = min(scalars.count, at + Self.int(1...40, &r))
        scalars.insert(contentsOf: Array(scalars[at..<end]), at: at)
      default:
        scalars.insert(Self.pick(["{", "}", "\\", "$", "&", "^", "#"], &r), at: at)
      }
    }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: scalars)
    return String(text)
  }
}

/// What the TeX fuzzers require of every conversion, whatever the input.
enum TeXFuzzCheck {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Converts `tex` and throws when the result breaks a promise of ``MathMLConverter``: the
  /// markup is well-formed with the right arities, its size stays within the output limit, an
  /// error is one warning and an `<merror>` saying it, and a valid result holds no `<merror>`.
  /// (A crash or a hang is caught by the loop around this.)
  static func check(_ tex: String, display: Bool, converter: MathMLConverter) throws(Failure) {
    let result = converter.convert(tex, display: display)
    let markup = result.mathML
    // The annotation repeats the source, escaped (`&` is 5 bytes).
    let limit =
      MathMLConverter.outputLimit(sourceLength: tex.unicodeScalars.count) + 6 * tex.utf8.count
      + 4096
    if markup.utf8.count > limit {
      throw Failure(description: "runaway output: \(markup.utf8.count) bytes (limit \(limit))")
    }
    let (violations, depth) = MathMLChecker.check(markup)
    if !violations.isEmpty {
      throw Failure(description: "malformed MathML: \(violations.joined(separator: "; "))")
    }
    if depth < 250, !isWellFormedXML(markup) {
      throw Failure(description: "libxml2 rejects the MathML")
    }
    if result.isValid {
      if markup.contains("<merror>") { throw Failure(description: "<merror> without a warning") }
      return
    }
    guard result.warnings.count == 1, let warning = result.warnings.first else {
      throw Failure(description: "\(result.warnings.count) warnings")
    }
    if warning.message.isEmpty || warning.range.lowerBound > tex.unicodeScalars.count {
      throw Failure(description: "bad warning \(warning)")
    }
    if !markup.contains("<merror><mtext>") {
      throw Failure(description: "a warning without an <merror>: \(warning)")
    }
  }
}
