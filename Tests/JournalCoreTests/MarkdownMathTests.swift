import Foundation
import JournalCore
import TestSupport
import Testing

/// Math: Pandoc's `tex_math_dollars` rules, TeX byte for byte.
@Suite struct MarkdownMathTests {
  let pipeline = MarkdownPipeline()

  func entry(_ body: String, date: String = "2018-09-26") throws -> Entry {
    let day = try #require(JournalDate(iso: date))
    return try Entry(date: day, path: Entry.relativePath(for: day), source: body)
  }

  func math(_ markdown: String) throws -> [MathSpan] {
    pipeline.document(for: try entry(markdown)).math
  }

  @Test(arguments: [
    // The classic traps of the seed journal: underscores, `\\`, slashes, carets, `\big{(}`.
    #"L_i = \sum_{j \ne y}{max(0, f_j - f_y + \delta)}"#,
    #"\begin{bmatrix} x_1 -\mu_1\\ x_2 - \mu_2 \end{bmatrix}"#,
    "P(w/x)",
    #"(x-\mu)^T\Sigma^{-1}(x-\mu) = C"#,
    #"p(x) = \exp\big{(}-\frac{1}{2}\big{)}"#,
    #"a*b*c \_ \* & &x &1 \$ -- ... "x""#,
    #"\text{cost $5$}"#,
  ])
  func inlineTeXIsUntouched(tex: String) throws {
    let spans = try math("Before $\(tex)$ after.\n")
    #expect(spans == [MathSpan(tex: tex, display: false, line: 1)])
    let html = pipeline.html(for: "Before $\(tex)$ after.\n")
    let escaped = tex.replacingOccurrences(of: "&", with: "&amp;")
      .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
      .replacingOccurrences(of: "\"", with: "&quot;")
    #expect(html == "<p>Before <span class=\"math inline\">\(escaped)</span> after.</p>\n")
  }

  /// Math is TeX inside HTML, as MathJax and KaTeX read it from a page: character references
  /// are decoded before TeX sees them, in every delimiter; a ```math block is code, as written.
  @Test func characterReferencesAreDecodedBeforeTeX() throws {
    let expected = #"x > y < z & \alpha α \;"#
    let source = #"x &gt; y &#x3C; z &amp; \alpha &alpha; \;"#
    for (open, close) in [("$", "$"), ("\\(", "\\)"), ("$$", "$$"), ("\\[", "\\]")] {
      let spans = try math("Before \(open)\(source)\(close) after.\n")
      #expect(spans.map(\.tex) == [expected], "\(open)")
    }
    let fenced = try math("```math\na &lt; b\n```\n")
    #expect(fenced.map(\.tex) == ["a &lt; b\n"])
    #expect(
      pipeline.html(for: "$a &lt; b$\n")
        == "<p><span class=\"math inline\">a &lt; b</span></p>\n")
  }

  @Test func displayMathSpansLinesAndStandsAlone() throws {
    let markdown = "Intro\n\n$$\n\\begin{bmatrix} a_1\\\\ b_2 \\end{bmatrix}\n$$\n"
    let spans = try math(markdown)
    #expect(
      spans == [
        MathSpan(
          tex: "\n\\begin{bmatrix} a_1\\\\ b_2 \\end{bmatrix}\n",
          display: true, line: 3)
      ])
    #expect(
      pipeline.html(for: markdown) == """
        <p>Intro</p>
        <div class="math display">
        \\begin{bmatrix} a_1\\\\ b_2 \\end{bmatrix}
        </div>

        """)
  }

  @Test func displayMathAmidTextIsASpan() throws {
    #expect(
      pipeline.html(for: "so $$x^2$$ holds\n")
        == "<p>so <span class=\"math display\">x^2</span> holds</p>\n")
  }

  @Test(arguments: [
    ("$20 and $30", "closing `$` followed by a digit"),
    ("a $ b$ c", "opening `$` followed by a space"),
    ("a $b $ c", "closing `$` preceded by a space"),
    ("price \\$5 and $6", "escaped dollar"),
    ("`$x$` in code", "code span"),
    ("$$a\n\nb$$", "display math across a blank line"),
    ("<span title=\"$x$\">t</span>", "raw HTML"),
    ("[link]($x$)", "link destination"),
    ("<https://example.com/$x$>", "autolink"),
    ("https://example.com/$x$/y", "bare URL"),
  ])
  func notMath(markdown: String, reason: String) throws {
    #expect(try math(markdown + "\n").isEmpty, "\(reason)")
  }

  @Test func codeBlocksHoldNoMath() throws {
    let markdown = "```\n$x$\n```\n\n    $y$\n"
    #expect(try math(markdown).isEmpty)
    #expect(pipeline.html(for: markdown).contains("$x$"))
  }

  @Test func mathFenceIsDisplayMath() throws {
    let doc = pipeline.document(for: try entry("text\n\n```math\na_1 \\\\ b\n```\n"))
    #expect(doc.math == [MathSpan(tex: "a_1 \\\\ b\n", display: true, line: 3)])
    #expect(doc.codeBlocks.isEmpty)
    #expect(doc.html.contains("<div class=\"math display\">a_1 \\\\ b\n</div>"))
  }

  @Test func backslashDelimiters() throws {
    let markdown = "Inline \\(x_1 \\\\ y\\) and\n\n\\[\n\\frac{a}{b}\n\\]\n"
    #expect(
      try math(markdown) == [
        MathSpan(tex: "x_1 \\\\ y", display: false, line: 1),
        MathSpan(tex: "\n\\frac{a}{b}\n", display: true, line: 3),
      ])
    #expect(
      pipeline.html(for: markdown) == """
        <p>Inline <span class="math inline">x_1 \\\\ y</span> and</p>
        <div class="math display">
        \\frac{a}{b}
        </div>

        """)
  }

  @Test(arguments: [
    ("\\(a\n\nb\\)", "<p>(a</p>\n<p>b)</p>\n", "blank line"),
    ("\\[\\\\\\]", "<p>[\\]</p>\n", "no letter or digit: CommonMark escapes"),
    ("\\\\(x\\)", "<p>\\(x)</p>\n", "escaped backslash"),
    ("[l](a\\(b\\))", "<p><a href=\"a(b)\">l</a></p>\n", "link destination"),
    ("`\\(c\\)`", "<p><code>\\(c\\)</code></p>\n", "code span"),
    (
      "<http://x.org/\\(y\\)>",
      "<p><a href=\"http://x.org/%5C(y%5C)\">http://x.org/\\(y\\)</a></p>\n", "autolink"
    ),
    ("```\n\\(c\\)\n```", "<pre><code>\\(c\\)\n</code></pre>\n", "code block"),
  ])
  func backslashDelimitersThatAreNotMath(markdown: String, html: String, reason: String) throws {
    #expect(try math(markdown + "\n").isEmpty, "\(reason)")
    #expect(pipeline.html(for: markdown + "\n") == html, "\(reason)")
  }

  @Test func mathInTablesAndEmphasis() throws {
    let markdown = "| a | b |\n|---|---|\n| $x_1$ | *$y_2$* |\n"
    #expect(try math(markdown).map(\.tex) == ["x_1", "y_2"])
    let html = pipeline.html(for: markdown)
    #expect(html.contains("<td><span class=\"math inline\">x_1</span></td>"))
    #expect(html.contains("<td><em><span class=\"math inline\">y_2</span></em></td>"))
  }

  @Test func mathLinesCountFromTheFile() throws {
    let source = "---\ntitle: T\n---\nfirst $a$\nsecond\nthird $b$ and\n$c$\n"
    let doc = pipeline.document(for: try entry(source))
    #expect(doc.math.map(\.line) == [4, 6, 7])
  }

  @Test func rendererReceivesTheTeX() throws {
    let options = MarkdownPipeline.Options(mathRenderer: { tex, display in
      "<math display=\"\(display ? "block" : "inline")\">\(tex.count)</math>"
    })
    let html = MarkdownPipeline(options: options).html(for: "$a_b$ and\n\n$$\\\\$$\n")
    #expect(
      html == """
        <p><math display="inline">3</math> and</p>
        <p><math display="block">2</math></p>

        """)
  }

  @Test func mathOffLeavesDollarsToMarkdown() throws {
    let options = MarkdownPipeline.Options(math: false)
    let html = MarkdownPipeline(options: options).html(for: "$a *b* c$\n")
    #expect(html == "<p>$a <em>b</em> c$</p>\n")
  }

  /// Every math span of the seed journal comes through unchanged.
  @Test func seedJournalMath() throws {
    guard let url = TestPaths.shared("journal-2018.md") else { return }
    let source = try String(contentsOf: url, encoding: .utf8)
    // Independent of the pipeline: the seed's spans are `$...$` on one line, outside code.
    var expected: [MathSpan] = []
    let regex = try NSRegularExpression(pattern: #"\$[^$\s][^$]*?\$"#)
    for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let text = String(line)
      for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        let span = String(text[Range(match.range, in: text)!])
        expected.append(
          MathSpan(
            tex: String(span.dropFirst().dropLast()), display: false,
            line: index + 1))
      }
    }
    #expect(expected.count == 18)
    let doc = pipeline.document(for: try entry(source, date: "2018-12-31"))
    #expect(doc.math == expected)
    for span in expected {
      let escaped = span.tex.replacingOccurrences(of: "&", with: "&amp;")
        .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
      #expect(doc.html.contains("<span class=\"math inline\">\(escaped)</span>"))
    }
  }
}
