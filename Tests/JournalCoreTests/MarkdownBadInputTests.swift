import Foundation
import Testing

@testable import JournalCore

/// Bad input renders sensibly: never a crash or a hang.
@Suite struct MarkdownBadInputTests {
  let pipeline = MarkdownPipeline()

  @Test func nulBytesBecomeReplacementCharacters() {
    let html = pipeline.html(for: "a\u{0}b $x\u{0}$\n")
    #expect(html == "<p>a\u{FFFD}b <span class=\"math inline\">x\u{FFFD}</span></p>\n")
  }

  @Test func invalidUTF8IsAClearErrorBeforeTheParser() throws {
    let data = Data([0x61, 0x0A, 0x62, 0xFF, 0x63])
    #expect(throws: JournalError.self) { try decodeUTF8(data, file: "x.md") }
    do {
      _ = try decodeUTF8(data, file: "x.md")
    } catch let error as JournalError {
      #expect(error.file == "x.md")
      #expect(error.line == 2)
    }
    // Decoded leniently, the replacement characters render as text.
    let lenient = String(decoding: data, as: UTF8.self)
    #expect(pipeline.html(for: lenient) == "<p>a\nb\u{FFFD}c</p>\n")
  }

  @Test func twentyMegabyteEntry() {
    let paragraph =
      "Some *text* with $x_1$ math, :snake: emoji, `code` and a [link](https://x.org).\n\n"
    let count = 20_000_000 / paragraph.utf8.count + 1
    let markdown = String(repeating: paragraph, count: count)
    #expect(markdown.utf8.count > 20_000_000)
    let html = pipeline.html(for: markdown)
    #expect(html.hasPrefix("<p>Some <em>text</em> with <span class=\"math inline\">x_1</span>"))
    #expect(html.utf8.count > markdown.utf8.count)
  }

  @Test func tenThousandNestedQuotes() {
    let markdown = String(repeating: ">", count: 10_000) + " deep $x$\n"
    let html = pipeline.html(for: markdown)
    #expect(html.contains("deep <span class=\"math inline\">x</span>"))
    #expect(html.components(separatedBy: "<blockquote>").count - 1 == 10_000)
  }

  @Test func unclosedDisplayMathAndFence() throws {
    #expect(pipeline.html(for: "$$ a\nb\n") == "<p>$$ a\nb</p>\n")
    let html = pipeline.html(for: "text\n\n```python\nx = 1\n")
    #expect(html.hasPrefix("<p>text</p>\n<pre><code class=\"language-python\">x = "))
    #expect(html.hasSuffix("</code></pre>\n"))
  }

  @Test func manyUnclosedDollarsStayText() {
    let markdown = String(repeating: "$a ", count: 200_000) + "\n"
    let html = pipeline.html(for: markdown)
    #expect(html.hasPrefix("<p>$a $a $a "))
    #expect(!html.contains("math"))
  }

  @Test func unbalancedTextGroups() {
    let markdown = String(repeating: "$\\text{ a ", count: 20_000) + "\n"
    let html = pipeline.html(for: markdown)
    #expect(html.hasPrefix("<p>$\\text{ a $\\text{"))
  }

  /// Random mixes of the characters that open and close constructs: every one renders, and
  /// every math span's TeX is a piece of the input (up to the line indentation and quote
  /// markers that block parsing removes from continuation lines).
  @Test func randomPunctuationSoup() throws {
    let pieces = [
      "$", "$$", "\\", "\\(", "\\)", "\\[", "\\]", "`", "```", "|", "\n", "\n\n", "> ", "- ",
      ":snake:", ":", "#tag", "*", "_", "[", "](", ")", "<", ">", "{", "}", "\\text{", "x", "1",
      " ", "\t", "&amp;", "<div>", "~~", "[^1]", "é",
    ]
    var state: UInt64 = 2018
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    let pipeline = MarkdownPipeline()
    let day = try #require(JournalDate(iso: "2018-09-26"))
    for _ in 0..<2_000 {
      var markdown = ""
      for _ in 0..<(next() % 40) { markdown += pieces[next() % pieces.count] }
      let entry = try Entry(date: day, path: "journal/2018/2018-09-26.md", source: markdown)
      let doc = pipeline.document(for: entry)
      func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != ">" })
      }
      for span in doc.math {
        let tex = squeezed(span.tex)
        // Character references in math are decoded before TeX.
        #expect(
          tex.isEmpty || squeezed(decodingCharacterReferences(markdown)).contains(tex),
          "\(markdown.debugDescription)")
      }
      #expect(!doc.html.contains("\u{2}"), "\(markdown.debugDescription)")
    }
  }
}
