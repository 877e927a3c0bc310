import Foundation
import TestSupport
import Testing

@testable import TeXMath

@Suite struct CorpusTests {
  @Test func everyJournalFormulaConvertsToWellFormedMathML() throws {
    guard let url = TestPaths.shared("journal-2018.md") else { return }
    let text = try String(contentsOf: url, encoding: .utf8)
    let formulas = DevelopmentCorpus.markdownMath(text)
    #expect(formulas.count == 18)
    let converter = MathMLConverter()
    for formula in formulas {
      let result = converter.convert(formula.tex, display: formula.display)
      #expect(result.warnings.isEmpty, "line \(formula.line): \(formula.tex)")
      #expect(!result.mathML.contains("<merror>"), "line \(formula.line): \(formula.tex)")
      #expect(isWellFormedXML(result.mathML), "line \(formula.line): \(result.mathML)")
    }
  }

  @Test func markdownMathScanSkipsCodeSpans() {
    let found = DevelopmentCorpus.markdownMath(
      "`$x$` and $y$ then\n$$z$$ \\$ no $\\text{a $b$}$")
    #expect(found.map(\.tex) == ["y", "z", "\\text{a $b$}"])
    #expect(found.map(\.display) == [false, true, false])
    #expect(found.map(\.line) == [1, 2, 2])
  }

  @Test func developmentCorpus() throws {
    guard let yaml = TestPaths.shared("spec/katex-screenshotter-cases.yaml"),
      let table = TestPaths.shared("spec/katex-support-table.md")
    else { return }
    let cases = DevelopmentCorpus.screenshotterCases(try String(contentsOf: yaml, encoding: .utf8))
    let rows = DevelopmentCorpus.supportTable(try String(contentsOf: table, encoding: .utf8))
    #expect(cases.count > 100)
    #expect(rows.count > 900)
    var valid = 0
    var invalidXML: [String] = []
    var failures: [String] = []
    for formula in cases + rows {
      let result = MathMLConverter(macros: formula.macros).convert(
        formula.tex,
        display: formula.display)
      if result.isValid {
        valid += 1
      } else {
        failures.append("\(formula.name): \(result.warnings[0].message)")
      }
      if !isWellFormedXML(result.mathML) { invalidXML.append(formula.name) }
    }
    let total = cases.count + rows.count
    let percent = Double(valid) / Double(total) * 100
    print(
      "TeXMath development corpus: \(valid)/\(total) convert without merror"
        + " (\(Int(percent.rounded()))%); screenshotter cases \(cases.count), support table \(rows.count)"
    )
    print("TeXMath development corpus failures:\n  " + failures.joined(separator: "\n  "))
    #expect(valid >= 1121)
    #expect(percent >= 95)
    #expect(invalidXML.isEmpty)
  }
}

/// KaTeX's support table also lists what KaTeX does not support: the cheap and common ones are
/// known here (issue 18), the rest (TeX conditionals, `\raise`, `\scalebox`, ...) stay unknown.
@Suite struct SupportTableTests {
  @Test func commandsKaTeXDoesNotSupport() throws {
    guard let table = TestPaths.shared("spec/katex-support-table.md") else { return }
    let rows = DevelopmentCorpus.notSupportedRows(try String(contentsOf: table, encoding: .utf8))
    #expect(rows.count == 127)
    let converter = MathMLConverter()
    let unknown = rows.filter {
      converter.convert($0.tex, display: false).warnings.first?.message.hasPrefix("Unknown") == true
    }
    #expect(unknown.count <= 56, "\(unknown.map(\.name))")
    for known in [
      "\\sideset", "\\iiiint", "\\matrix", "\\pmatrix", "\\cancelto", "\\definecolor",
      "\\wideparen", "\\cases", "\\root", "\\unicode", "\\euro",
    ] {
      #expect(rows.contains { $0.name == known }, "\(known)")
      #expect(!unknown.contains { $0.name == known }, "\(known)")
    }
  }
}

@Suite struct MathMLStructureTests {
  @Test func scriptsFractionsAndRootsHaveTheirChildrenAcrossTheCorpus() throws {
    guard let yaml = TestPaths.shared("spec/katex-screenshotter-cases.yaml"),
      let table = TestPaths.shared("spec/katex-support-table.md")
    else { return }
    let formulas =
      DevelopmentCorpus.screenshotterCases(try String(contentsOf: yaml, encoding: .utf8))
      + DevelopmentCorpus.supportTable(try String(contentsOf: table, encoding: .utf8))
    var checked = 0
    for formula in formulas {
      let result = MathMLConverter(macros: formula.macros).convert(
        formula.tex, display: formula.display)
      let violations = MathMLChecker.check(result.mathML).violations
      #expect(violations.isEmpty, "\(formula.name): \(violations)")
      checked += 1
    }
    #expect(checked > 1000)
    #expect(
      MathMLChecker.check("<math><msub><mi>x</mi></msub></math>").violations == [
        "msub has 1 children"
      ])
    #expect(MathMLChecker.check("<math><mi>x</mo></math>").violations == ["</mo> closes mi"])
    #expect(MathMLChecker.check("<math>&x</math>").violations == ["bare & at 6"])
  }
}
