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

/// Counts the children of MathML elements whose arity is fixed (`mfrac` has two, ...).
final class ArityChecker: NSObject, XMLParserDelegate {
  static let arity: [String: Int] = [
    "mfrac": 2, "msub": 2, "msup": 2, "msubsup": 3, "mroot": 2, "mover": 2, "munder": 2,
    "munderover": 3, "semantics": 2,
  ]
  private var stack: [(name: String, children: Int)] = []
  private(set) var violations: [String] = []

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    if !stack.isEmpty { stack[stack.count - 1].children += 1 }
    stack.append((name, 0))
  }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    let element = stack.removeLast()
    if let expected = Self.arity[element.name], expected != element.children {
      violations.append("\(element.name) has \(element.children) children")
    }
  }

  /// The violations in one document (malformed XML is one).
  static func check(_ markup: String) -> [String] {
    let checker = ArityChecker()
    let parser = XMLParser(data: Data(markup.utf8))
    parser.delegate = checker
    guard parser.parse() else { return ["not well-formed XML"] }
    return checker.violations
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
      let violations = ArityChecker.check(result.mathML)
      #expect(violations.isEmpty, "\(formula.name): \(violations)")
      checked += 1
    }
    #expect(checked > 1000)
    #expect(ArityChecker.check("<math><msub><mi>x</mi></msub></math>") == ["msub has 1 children"])
  }
}
