import Foundation
import Testing

@testable import TeXMath

/// `\ce` against KaTeX's mhchem extension: the TeX written for each argument is KaTeX's, for
/// the documented kinds of formula and for random sequences of mhchem syntax
/// (Fixtures/mhchem/README.md), and that TeX renders.
@Suite struct MhchemTests {
  /// The lines of a fixture file (no trailing empty line).
  static func lines(_ name: String) -> [String] {
    guard
      let url = Bundle.module.url(
        forResource: name, withExtension: "txt", subdirectory: "Fixtures/mhchem"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { return [] }
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// Each argument's TeX equals KaTeX's, or both refuse it.
  static func compare(_ corpus: String) -> (count: Int, errors: Int, differences: [String]) {
    let inputs = lines(corpus)
    let expected = lines(corpus + ".katex")
    var differences: [String] = []
    var errors = 0
    for (input, katex) in zip(inputs, expected) {
      let ours: String
      do {
        ours = try Mhchem.tex(input, depth: 100)
      } catch {
        ours = "ERROR"
      }
      if katex.hasPrefix("ERROR") { errors += 1 }
      if katex.hasPrefix("ERROR") ? ours != "ERROR" : ours != katex {
        differences.append("\(input)\n  KaTeX: \(katex)\n  ours:  \(ours)")
      }
    }
    #expect(inputs.count == expected.count)
    return (inputs.count, errors, differences)
  }

  @Test func documentedFormulasGiveKaTeXsTeX() {
    let result = Self.compare("inputs")
    #expect(result.count == 146)
    #expect(result.errors == 1)
    #expect(result.differences.isEmpty, "\(result.differences.joined(separator: "\n"))")
  }

  @Test func randomSyntaxGivesKaTeXsTeX() {
    let result = Self.compare("random")
    #expect(result.count == 3000)
    #expect(result.errors > 30)
    #expect(result.differences.isEmpty, "\(result.differences.prefix(20).joined(separator: "\n"))")
  }

  /// Every documented formula renders (the TeX mhchem writes is TeX this parser reads), except
  /// the unknown bond and `&` outside a table, which KaTeX refuses too.
  @Test func documentedFormulasRender() {
    let converter = MathMLConverter()
    var failures: [String] = []
    for input in Self.lines("inputs") {
      let result = converter.convert("\\ce{" + input + "}", display: false)
      if let warning = result.warnings.first { failures.append("\(input): \(warning.message)") }
      #expect(isWellFormedXML(result.mathML))
    }
    #expect(
      failures == [
        "A\\bond{foo}B: \\ce: Unknown bond type (foo)",
        "A & B \\\\ C: Misplaced & (outside an environment)",
      ])
  }

  @Test func theIssuesFormulas() {
    // mhchem's {\vphantom{X}}_{\smash[t]{2}}: a script on an invisible X, its height smashed.
    let phantomX = "<mpadded width=\"0px\"><mphantom><mi>X</mi></mphantom></mpadded>"
    #expect(
      body("\\ce{H2O}") == """
        <mrow><mi mathvariant="normal">H</mi><msub>\(phantomX)<mpadded height="0px"><mn>2</mn>\
        </mpadded></msub><mi mathvariant="normal">O</mi></mrow>
        """)
    #expect(
      body("\\ce{SO4^2-}") == """
        <mrow><mi>SO</mi><msub>\(phantomX)<mpadded height="0px"><mn>4</mn></mpadded></msub>\
        <msup>\(phantomX)<mrow><mn>2</mn><mo lspace="0em" rspace="0em">−</mo></mrow></msup></mrow>
        """)
    #expect(
      body("\\ce{A ->[catalyst] B}") == """
        <mrow><mi mathvariant="normal">A</mi><mover><mo stretchy="true" minsize="1.75em">→</mo>\
        <mrow><mspace width="0.3em"></mspace><mi>catalyst</mi><mspace width="0.3em"></mspace>\
        </mrow></mover><mi mathvariant="normal">B</mi></mrow>
        """)
    let reaction = body("\\ce{2H2 + O2 -> 2H2O}")
    #expect(reaction.hasPrefix("<mrow><mn>2</mn><mspace width=\"0.1667em\"></mspace>"))
    #expect(reaction.contains("<mrow></mrow><mo>+</mo><mrow></mrow>"))
    #expect(reaction.contains("<mo stretchy=\"true\" minsize=\"1.75em\">→</mo><mn>2</mn>"))
    #expect(body("\\ce{A <=> B}").contains("<mo stretchy=\"true\" minsize=\"1.75em\">⇌</mo>"))
    let isotope = body("\\ce{^{14}C}")
    #expect(isotope.contains("<mpadded width=\"0px\" style=\"direction:rtl\"><mn>14</mn>"))
    #expect(isotope.hasSuffix("<mi mathvariant=\"normal\">C</mi></mrow>"))
    #expect(
      body("\\ce{CuSO4*5H2O}").contains(
        "<mspace width=\"0.1667em\"></mspace><mo>⋅</mo><mspace width=\"0.1667em\"></mspace><mn>5</mn>"
      ))
    #expect(
      body("\\ce{NaCl(aq)}").hasSuffix(
        "<mspace width=\"0.1111em\"></mspace><mo form=\"prefix\" stretchy=\"false\">(</mo>"
          + "<mi>aq</mi><mo form=\"postfix\" stretchy=\"false\">)</mo></mrow>"))
    for tex in [
      "\\ce{H2O}", "\\ce{2H2 + O2 -> 2H2O}", "\\ce{SO4^2-}", "\\ce{Fe^3+ + e- <=> Fe^2+}",
      "\\ce{N2 + 3H2 ->[catalyst] 2NH3}", "\\ce{^{14}C}", "\\ce{^{235}_{92}U}",
      "\\ce{CuSO4*5H2O}", "\\ce{NaCl(s) -> Na+(aq) + Cl-(aq)}", "\\ce{A ->[a][b] B}",
      "\\ce{CaCO3 v}", "\\ce{CO2 ^}", "\\ce{C6H5-CHO}", "\\ce{A\\bond{~}B}",
    ] {
      #expect(MathMLConverter().convert(tex, display: true).isValid, "\(tex)")
    }
  }

  /// The argument reaches mhchem as KaTeX gives it: the source's text, one space for a run.
  @Test func theArgumentKeepsItsSpaces() {
    #expect(body("\\ce{A \\alpha B}") == body("\\ce{A \\alpha  B}"))
    #expect(body("\\ce{2 H2O}") == body("\\ce{2H2O}"))
    #expect(body("\\ce H") == body("\\ce{H}"))
  }

  @Test(arguments: [
    ("\\ce{A\\bond{foo}B}", "\\ce: Unknown bond type (foo)"),
    ("\\ce{A}B}", "Unmatched }"),
    ("\\ce{A\\underbrace{}B}", "\\ce: Extra close brace or missing open brace"),
    ("\\pu{123 kJ}", "\\pu (mhchem's units) is not supported"),
    ("\\ce", "Missing argument"),
  ])
  func refusalsSayWhy(tex: String, message: String) {
    let result = MathMLConverter().convert(tex, display: false)
    #expect(result.warnings.map(\.message) == [message])
    #expect(result.mathML.contains("<merror><mtext>"))
  }

  @Test func longAndDeepArgumentsAreBounded() {
    let long = "\\ce{" + String(repeating: "H2O", count: 700) + "}"
    #expect(
      MathMLConverter().convert(long, display: false).warnings.map(\.message) == [
        "\\ce argument longer than 2000 characters"
      ])
    let deep = String(repeating: "\\ce{", count: 120) + "x" + String(repeating: "}", count: 120)
    #expect(
      MathMLConverter().convert(deep, display: false).warnings.map(\.message) == [
        "Formula nested more than 100 levels deep"
      ])
  }
}
