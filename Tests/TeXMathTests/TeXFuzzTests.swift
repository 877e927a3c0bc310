import Foundation
import TestSupport
import Testing

@testable import TeXMath

/// The TeX fuzzer (issue 19): random TeX from the converter's command tables and mutations of
/// the development corpus, each converted inline and as display math. A crash, a hang (the
/// loop's per-input deadline), runaway output or malformed markup fails, naming the input.
/// `make test` runs it for a few seconds, `make fuzz` for an hour (TestSupport's Fuzz loop).
@Suite struct TeXFuzzTests {
  static func corpus() -> [String] {
    guard let yaml = TestPaths.shared("spec/katex-screenshotter-cases.yaml"),
      let table = TestPaths.shared("spec/katex-support-table.md"),
      let cases = try? String(contentsOf: yaml, encoding: .utf8),
      let rows = try? String(contentsOf: table, encoding: .utf8)
    else { return [] }
    return (DevelopmentCorpus.screenshotterCases(cases) + DevelopmentCorpus.supportTable(rows))
      .map(\.tex)
  }

  @Test func randomTeXNeverBreaksTheConverter() {
    let generator = TeXFuzzGenerator(corpus: Self.corpus())
    let converter = MathMLConverter(macros: ["R": "\\mathbb{R}", "half": "\\frac{#1}{2}"])
    let report = Fuzz.run("texmath") { random in
      generator.formula(&random)
    } check: { tex in
      try TeXFuzzCheck.check(tex, display: false, converter: converter)
      try TeXFuzzCheck.check(tex, display: true, converter: converter)
    }
    #expect(report.failures.isEmpty, "\(report)")
    #expect(report.inputs > 0)
  }

  /// The generator is deterministic for a seed, so a reported seed replays the same inputs.
  @Test func theGeneratorIsSeeded() {
    let generator = TeXFuzzGenerator(corpus: ["x^2", "\\frac{a}{b}"])
    var first = FuzzRandom(seed: 42)
    var second = FuzzRandom(seed: 42)
    let a = (0..<50).map { _ in generator.formula(&first) }
    let b = (0..<50).map { _ in generator.formula(&second) }
    #expect(a == b)
    #expect(Set(a).count > 40)
  }
}
