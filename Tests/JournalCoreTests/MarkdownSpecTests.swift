import Foundation
import JournalCore
import TestSupport
import Testing

/// Conformance: the GFM spec and its extensions with math and emoji ON, and the math spec files.
@Suite struct MarkdownSpecTests {
  /// Examples allowed to differ from the spec, with the reason. Only `$` or `:name:` examples may
  /// be listed, plus the examples the installed cmark-gfm itself fails (its baseline).
  static let commonmarkDeviations: [Int: String] = [
    // `[[foo]]` that is no link (its label may not hold brackets) is a wiki link, as in Obsidian
    // and zk; every other example with double brackets renders as CommonMark says.
    598: "wiki links: `![[foo]]` and `[[foo]]: /url` are text to CommonMark, wiki links to us"
  ]
  static let extensionDeviations: [Int: String] = [
    // Baseline: Debian's cmark-gfm 0.29.0.gfm.6 fails it on its own, math and emoji off.
    23: "footnotes: the installed cmark-gfm's footnote markup is newer than the spec file's"
  ]

  /// Runs examples; `<IGNORE>` as expected HTML (the official runner's convention) only asks
  /// that the example renders. `normalize` is applied to both sides after the spec normalisation.
  static func run(
    _ examples: [SpecExample], normalize: (String) -> String = { $0 },
    options: (SpecExample) -> MarkdownPipeline.Options
  ) -> (passed: [Int], failed: [(SpecExample, String)]) {
    var passed: [Int] = []
    var failed: [(SpecExample, String)] = []
    for example in examples where !example.extensions.contains("disabled") {
      let actual = MarkdownPipeline(options: options(example)).html(for: example.markdown)
      if example.html == "<IGNORE>\n"
        || normalize(SpecHTML.normalize(actual)) == normalize(SpecHTML.normalize(example.html))
      {
        passed.append(example.number)
      } else {
        failed.append((example, actual))
      }
    }
    return (passed, failed)
  }

  /// The spec's raw HTML passes through as it is: the sanitiser the site applies to it is
  /// tested on its own (HTMLSanitizerTests, SiteXSSTests).
  static func specOptions(_ extensions: [MarkdownExtension]) -> MarkdownPipeline.Options {
    var options = MarkdownPipeline.Options(
      extensions: extensions, math: true, emoji: true, highlight: false, headingAnchors: false)
    options.sanitizesHTML = false
    return options
  }

  static func report(_ name: String, _ result: (passed: [Int], failed: [(SpecExample, String)])) {
    print("\(name): \(result.passed.count) passed, \(result.failed.count) failed")
    for (example, actual) in result.failed {
      print("  FAILED \(example): \(example.markdown.debugDescription)")
      print("    expected \(example.html.debugDescription)")
      print("    actual   \(actual.debugDescription)")
    }
  }

  @Test func commonmarkSpec() throws {
    guard let url = TestPaths.shared("spec/commonmark-spec.txt") else { return }
    let examples = SpecExample.parse(try String(contentsOf: url, encoding: .utf8))
    #expect(examples.count == 673)
    let result = Self.run(examples) { example in
      Self.specOptions(example.extensions.compactMap(MarkdownExtension.init(rawValue:)))
    }
    Self.report("commonmark-spec.txt", result)
    #expect(result.passed.count + result.failed.count == 671)
    for (example, actual) in result.failed {
      #expect(
        Self.commonmarkDeviations[example.number] != nil,
        "\(example): got \(actual.debugDescription), expected \(example.html.debugDescription)")
    }
  }

  @Test func gfmExtensions() throws {
    guard let url = TestPaths.shared("spec/gfm-extensions.txt") else { return }
    let examples = SpecExample.parse(try String(contentsOf: url, encoding: .utf8))
    #expect(examples.count == 28)
    let result = Self.run(examples) { _ in Self.specOptions(MarkdownExtension.allCases) }
    Self.report("gfm-extensions.txt", result)
    #expect(result.passed.count >= 26)
    for (example, actual) in result.failed {
      #expect(
        Self.extensionDeviations[example.number] != nil,
        "\(example): got \(actual.debugDescription), expected \(example.html.debugDescription)")
    }
  }

  @Test func cmarkGFMRegressions() throws {
    guard let url = TestPaths.shared("spec/cmark-gfm-regression.txt") else { return }
    let examples = SpecExample.parse(try String(contentsOf: url, encoding: .utf8))
    #expect(examples.count == 19)
    let result = Self.run(examples) { example in
      Self.specOptions(example.extensions.compactMap(MarkdownExtension.init(rawValue:)))
    }
    Self.report("cmark-gfm-regression.txt", result)
    for (example, actual) in result.failed {
      #expect(
        Self.regressionDeviations[example.number] != nil,
        "\(example): got \(actual.debugDescription), expected \(example.html.debugDescription)")
    }
  }

  static let regressionDeviations: [Int: String] = [
    // Baseline: the installed cmark-gfm prints exactly our output for it, math and emoji off.
    13: "footnotes: the installed cmark-gfm's footnote markup is newer than the spec file's"
  ]

  // MARK: Math spec files

  /// pulldown-cmark's math examples that our Pandoc `tex_math_dollars` rules decide differently,
  /// with the rule that decides.
  static let pulldownDeviations: [Int: String] = [
    3: "`$$$$`: display math must hold at least one character (Pandoc); pulldown allows empty",
    5: "`$&alpha;$`: character references are decoded before TeX (issue 18: MathJax and KaTeX "
      + "read the page's decoded text), so it is `α`; pulldown keeps `&alpha;`",
    4: "runs of `$`: display math is non-empty and closes at the first `$$` (Pandoc)",
    10: "`$$ $ $$`: display math closes only at `$$`, so it may hold a lone `$` (Pandoc)",
    11: "`$$beta$gamma$$`: display math closes only at `$$` (Pandoc), so this is display math",
    22: "`$}{$`: Pandoc balances braces only inside `\\text{...}`; pulldown balances all braces",
    23: "`$$\\text{first $$`: display math closes at the first `$$` (Pandoc, no brace rule)",
    24: "`$$x$x$$` is display math and `${$` inline math: Pandoc has no brace rule",
    25: "`$1{$2$}3$`, `$$1{$$2$$}3$$`: Pandoc has no brace rule outside `\\text{...}`",
    27: "```` ```math ```` fences are display math here (the issue's rule), code in pulldown",
    31: "footnote markup: cmark-gfm's differs from pulldown-cmark's; the math inside matches",
    45: "brace-nesting limits of pulldown-cmark; Pandoc has no brace rule (`$}{$` is math)",
    46: "brace-nesting limits of pulldown-cmark; Pandoc has no brace rule (`$}$` is math)",
    48: "brace-nesting limits of pulldown-cmark; Pandoc has no brace rule",
  ]

  /// commonmark-hs's math examples that our rules decide differently.
  static let commonmarkHSDeviations: [Int: String] = [:]

  @Test func pulldownCmarkMath() throws {
    guard let url = TestPaths.shared("spec/math-pulldown-cmark.txt") else { return }
    let examples = SpecExample.parse(try String(contentsOf: url, encoding: .utf8))
    #expect(examples.count == 48)
    var options = Self.specOptions(MarkdownExtension.allCases)
    options.mathRenderer = { tex, display in
      "<span class=\"math math-\(display ? "display" : "inline")\">\(Self.escape(tex))</span>"
    }
    // pulldown-cmark writes `"` in text where cmark-gfm writes `&quot;`.
    let unquote = { (html: String) in html.replacingOccurrences(of: "&quot;", with: "\"") }
    let result = Self.run(examples, normalize: unquote) { _ in options }
    Self.report("math-pulldown-cmark.txt", result)
    for (example, actual) in result.failed {
      #expect(
        Self.pulldownDeviations[example.number] != nil,
        "\(example): got \(actual.debugDescription), expected \(example.html.debugDescription)")
    }
    #expect(result.passed.count == 48 - Self.pulldownDeviations.count)
  }

  @Test func commonmarkHSMath() throws {
    guard let url = TestPaths.shared("spec/math-commonmark-hs.md") else { return }
    let examples = SpecExample.parse(try String(contentsOf: url, encoding: .utf8))
    #expect(examples.count == 7)
    var options = Self.specOptions(MarkdownExtension.allCases)
    options.mathRenderer = { tex, display in
      display
        ? "<span class=\"math display\">\\[\(Self.escape(tex))\\]</span>"
        : "<span class=\"math inline\">\\(\(Self.escape(tex))\\)</span>"
    }
    let result = Self.run(examples) { _ in options }
    Self.report("math-commonmark-hs.md", result)
    for (example, actual) in result.failed {
      #expect(
        Self.commonmarkHSDeviations[example.number] != nil,
        "\(example): got \(actual.debugDescription), expected \(example.html.debugDescription)")
    }
    #expect(result.passed.count == 7 - Self.commonmarkHSDeviations.count)
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
