import Foundation
import TestSupport
import Testing

@testable import TeXMath

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Whether markup parses as XML.
func isWellFormedXML(_ markup: String) -> Bool {
  XMLParser(data: Data(markup.utf8)).parse()
}

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
    let found = DevelopmentCorpus.markdownMath("`$x$` and $y$ then\n$$z$$ \\$ no")
    #expect(found.map(\.tex) == ["y", "z"])
    #expect(found.map(\.display) == [false, true])
    #expect(found.map(\.line) == [1, 2])
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
    #expect(valid >= 1090)
    #expect(percent >= 95)
    #expect(invalidXML.isEmpty)
  }
}
