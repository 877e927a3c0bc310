import Foundation
import Testing

@testable import TeXMath

/// The whole `<math>` of a formula that fails with `message` (the source needs no escaping).
func errorMarkup(_ tex: String, _ message: String, display: Bool) -> String {
  "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"\(display ? " display=\"block\"" : "")>"
    + "<semantics><merror><mtext>\(message)</mtext></merror>"
    + "<annotation encoding=\"application/x-tex\">\(tex)</annotation></semantics></math>"
}

/// No input crashes the converter, exhausts its stack or memory, or takes more than linear time
/// (issue 19, item 2). Time itself is measured by `benchmarks/texmath.sh --chains`, not here:
/// these tests pin the output shapes.
@Suite struct LimitsTests {
  let converter = MathMLConverter()
  static let tooDeep = "Formula nested more than 100 levels deep"

  /// Commands taking an argument, chained without braces, nest as deeply as braces do: the
  /// 100th command is one level too many (the formula itself is the first level).
  @Test(arguments: [
    ("\\sqrt", 10_000), ("\\frac", 8_000), ("\\hat", 10_000), ("\\vec", 10_000),
    ("\\mathbf", 10_000), ("\\overline", 10_000), ("\\boxed", 10_000),
  ])
  func chainsOfCommandsWithoutBracesAreTooDeep(command: String, count: Int) {
    let tex = String(repeating: command, count: count) + "x"
    let result = converter.convert(tex, display: true)
    #expect(result.mathML == errorMarkup(tex, Self.tooDeep, display: true))
    #expect(result.warnings.map(\.message) == [Self.tooDeep])
    #expect(result.warnings.first?.range == (99 * command.count)..<(100 * command.count))
  }

  @Test func bracesEnvironmentsLeftRightAndTextCountAsLevels() {
    let cases = [
      String(repeating: "{", count: 5000) + String(repeating: "}", count: 5000),
      String(repeating: "\\left(", count: 3000) + "x" + String(repeating: "\\right)", count: 3000),
      String(repeating: "\\begin{matrix}", count: 2000) + "x"
        + String(repeating: "\\end{matrix}", count: 2000),
      String(repeating: "\\text{$", count: 2000) + "x" + String(repeating: "$}", count: 2000),
      String(repeating: "x^{", count: 2000) + "x" + String(repeating: "}", count: 2000),
      String(repeating: "\\color{red}", count: 200) + "x",
      String(repeating: "\\displaystyle ", count: 200) + "x",
      "\\def\\a{{\\a}}\\a",
    ]
    for tex in cases {
      let result = converter.convert(tex, display: false)
      #expect(result.warnings.map(\.message) == [Self.tooDeep], "\(tex.prefix(40))")
      #expect(result.mathML == errorMarkup(tex, Self.tooDeep, display: false))
    }
  }

  @Test func nestingUpToTheLimitConverts() {
    let tex = String(repeating: "\\sqrt", count: 98) + "{x}"
    let result = converter.convert(tex, display: false)
    #expect(result.isValid)
    #expect(result.mathML.components(separatedBy: "<msqrt>").count == 99)
  }

  /// `\not` x 8,000 took 5.5 s as a recursion that rebuilt the string at each level.
  @Test func aRunOfNotsIsOneSymbolWithAStrokePerExtraNot() {
    let tex = String(repeating: "\\not", count: 8000) + "="
    #expect(body(tex) == "<mo>≠" + String(repeating: "\u{338}", count: 7999) + "</mo>")
    #expect(body("\\not\\not\\in") == "<mo>∉\u{338}</mo>")
    #expect(
      body("\\not\\not{x}") == """
        <mrow><mi mathvariant="normal">⧸</mi><mi mathvariant="normal">⧸</mi><mi>x</mi></mrow>
        """)
  }

  @Test func bracesAroundADelimiterAreCountedNotRecursedInto() {
    #expect(
      body("\\left{{(}}x\\right.") == """
        <mrow><mo fence="true" form="prefix" stretchy="true" symmetric="true">(</mo><mi>x</mi>\
        </mrow>
        """)
    #expect(body("\\bigl{}") == "<mspace width=\"0.12em\"></mspace>")
    let tex = "\\left" + String(repeating: "{", count: 100_000)
    let result = converter.convert(tex, display: false)
    #expect(result.warnings.map(\.message) == ["Missing delimiter after \\left"])
  }

  /// A macro that doubles its argument at each call reached 5 GB within 30 s.
  @Test(arguments: [
    "\\def\\a#1{\\a{#1#1}}\\a{x}",
    "\\newcommand{\\a}[1]{\\a{#1#1#1}}\\a{xy}",
    "\\def\\b#1{#1#1#1#1#1#1#1#1#1}\\b{\\b{\\b{" + String(repeating: "x", count: 2000) + "}}}",
  ])
  func macrosThatGrowAreStopped(tex: String) {
    let message = "Macros expand to more than 100000 tokens (a macro that calls itself?)"
    let result = converter.convert(tex, display: false)
    #expect(result.warnings.map(\.message) == [message])
    #expect(result.mathML == errorMarkup(tex, message, display: false))
  }

  @Test func macrosThatCallThemselvesForeverAreStopped() {
    let message = "Too many macro expansions (a macro that calls itself?)"
    for tex in ["\\def\\a{\\a}\\a", "\\def\\a{x\\a}\\a", "\\newcommand\\a{\\b}\\def\\b{\\a}\\a"] {
      #expect(converter.convert(tex, display: false).warnings.map(\.message) == [message])
    }
  }

  /// Splicing an expansion into the tokens shifted the rest of the formula: 1,900 `\iff`
  /// before a million letters took 10 s. The output is checked here, the time by the benchmark.
  @Test func expansionsBeforeALongTailConvert() {
    let tex = String(repeating: "\\iff ", count: 1900) + String(repeating: "x", count: 20_000)
    let result = converter.convert(tex, display: false)
    #expect(result.isValid)
    #expect(result.mathML.components(separatedBy: "<mo>⟺</mo>").count == 1901)
    #expect(result.mathML.components(separatedBy: "<mi>x</mi>").count == 20_001)
  }

  /// `Int(value * 10000)` trapped on a dimension past Int's range.
  @Test(arguments: [
    "\\rule{99999999999999999999999em}{1em}", "\\kern 99999999999999999999pt",
    "\\hspace{1639em}", "\\raisebox{-16384pt}{x}", "a\\above 99999999999999999999em b",
    "\\genfrac(){99999999999999999999em}{0}{a}{b}", "\\mkern 29500mu",
  ])
  func dimensionsBeyondTeXsLimitAreErrors(tex: String) {
    let message = "Dimension too large (TeX's limit is 16383.99999pt)"
    let result = converter.convert(tex, display: false)
    #expect(result.warnings.map(\.message) == [message])
    #expect(result.mathML.contains("<merror><mtext>\(message)</mtext></merror>"))
  }

  @Test func dimensionsUpToTeXsLimitConvert() {
    #expect(body("\\kern 16383pt") == "<mspace width=\"1638.3em\"></mspace>")
    #expect(body("\\hspace{-1638em}") == "<mspace width=\"-1638em\"></mspace>")
  }

  /// One long row and many short ones padded every row to the long one's length: 6 KB of TeX
  /// became 99 MB of MathML.
  @Test func raggedTablesAreNotPaddedQuadratically() {
    let tex =
      "\\begin{matrix}" + String(repeating: "&", count: 3000)
      + String(repeating: "\\\\", count: 3000) + "\\end{matrix}"
    let result = converter.convert(tex, display: false)
    #expect(result.isValid)
    #expect(result.mathML.components(separatedBy: "<mtd").count - 1 == 6000)
    #expect(result.mathML.utf8.count < 100 * tex.utf8.count)
    // Nearly rectangular tables are still padded, so rules reach the last column.
    #expect(body("\\begin{matrix}a&b\\\\c\\end{matrix}").components(separatedBy: "<mtd").count == 5)
  }

  /// The writer refuses trees deeper than any the parser builds, whoever built them.
  @Test func theWriterBoundsItsOwnDepth() {
    var node = Node(.identifier("x", upright: false), 0..<1)
    for _ in 0..<(MathMLWriter.maximumDepth + 10) { node = Node(.boxed(node), 0..<1) }
    var writer = MathMLWriter()
    _ = writer.document([node], source: "x", display: false)
    #expect(writer.tooDeep == 0..<1)
    var shallow = MathMLWriter()
    _ = shallow.document([Node(.boxed(Node(.row([]), 0..<0)), 0..<1)], source: "x", display: false)
    #expect(shallow.tooDeep == nil)
  }

  /// The deepest formula of every recursive construct converts on a thread with a 4 MB stack:
  /// twice what a debug build needs (release builds need a tenth of it). A crash here means a
  /// construct escapes the depth limit.
  @Test func theDeepestFormulasFitABoundedStack() async {
    let converter = converter
    let levels: [(String, Int)] = await withCheckedContinuation { continuation in
      let thread = Thread {
        var levels: [(String, Int)] = []
        for template in NestingCorpus.templates {
          let deepest = NestingCorpus.deepest(template) { tex in
            _ = converter.convert(tex, display: false)
            return converter.convert(tex, display: true).isValid
          }
          levels.append((template, deepest))
        }
        continuation.resume(returning: levels)
      }
      thread.stackSize = 4 << 20
      thread.start()
    }
    // A run of \not or of \bigl( nests nothing; x^x^x is a double superscript.
    let flat: Set = ["\\not #", "\\bigl(#\\bigr)"]
    for (template, deepest) in levels {
      #expect(flat.contains(template) ? deepest == 1000 : (1...99).contains(deepest), "\(template)")
    }
    #expect(levels.first { $0.0 == "\\sqrt #" }?.1 == 99)
    #expect(levels.first { $0.0 == "\\sqrt{#}" }?.1 == 49)
    #expect(levels.first { $0.0 == "\\text{$#$}" }?.1 == 33)
  }
}
