import Foundation
import TestSupport
import Testing

@testable import TeXMath

/// Broken input must never crash nor produce broken markup: every prefix of real formulas, and
/// formulas with a stray special character, convert to well-formed MathML (the arity check
/// parses the XML too).
@Suite struct RobustnessTests {
  static func formulas() throws -> [String] {
    guard let yaml = TestPaths.shared("spec/katex-screenshotter-cases.yaml"),
      let journal = TestPaths.shared("journal-2018.md")
    else { return [] }
    let cases = DevelopmentCorpus.screenshotterCases(try String(contentsOf: yaml, encoding: .utf8))
    let spans = DevelopmentCorpus.markdownMath(try String(contentsOf: journal, encoding: .utf8))
    return cases.map(\.tex) + spans.map(\.tex)
  }

  @Test func everyPrefixOfTheCorpusConvertsToWellFormedMarkup() throws {
    let converter = MathMLConverter()
    var conversions = 0
    var errors = 0
    for tex in try Self.formulas() {
      let scalars = Array(tex.unicodeScalars)
      for end in 0...scalars.count {
        var prefix = String.UnicodeScalarView()
        prefix.append(contentsOf: scalars[..<end])
        let result = converter.convert(String(prefix), display: end % 2 == 0)
        conversions += 1
        if !result.isValid {
          errors += 1
          #expect(result.warnings.count == 1)
          #expect(result.warnings[0].range.lowerBound <= scalars.count)
          #expect(result.mathML.contains("<merror>"))
        }
        #expect(MathMLChecker.check(result.mathML).violations.isEmpty, "\(String(prefix))")
      }
    }
    #expect(conversions > 10_000)
    #expect(errors > 1_000)
  }

  @Test func controlCharactersBecomeReplacementCharacters() {
    let result = MathMLConverter().convert("\\text{a\u{1}b} \u{FFFF}", display: false)
    #expect(isWellFormedXML(result.mathML))
    #expect(result.mathML.contains("<mtext>a\u{FFFD}b</mtext>"))
    #expect(result.mathML.contains(">\\text{a\u{FFFD}b} \u{FFFD}</annotation>"))
  }

  @Test func strayCharactersNeverBreakTheMarkup() throws {
    let converter = MathMLConverter()
    let specials: [Character] = ["{", "}", "[", "]", "\\", "^", "_", "&", "$", "#", "%", "<", "'"]
    var generator = FuzzRandom(seed: 7)
    for tex in try Self.formulas() where !tex.isEmpty {
      for _ in 0..<20 {
        var chars = Array(tex)
        let at = Int(generator.next() % UInt64(chars.count + 1))
        let special = specials[Int(generator.next() % UInt64(specials.count))]
        if generator.next() % 2 == 0 || at == chars.count {
          chars.insert(special, at: at)
        } else {
          chars.remove(at: at)
        }
        let result = converter.convert(String(chars), display: false)
        #expect(isWellFormedXML(result.mathML), "\(String(chars))")
      }
    }
  }
}
