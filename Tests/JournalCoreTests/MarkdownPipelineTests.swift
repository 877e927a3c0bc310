import Foundation
import JournalCore
import TestSupport
import Testing

/// The `Document` an entry parses into: title, sections, code blocks, cells, links, tags, text.
@Suite struct MarkdownPipelineTests {
  let pipeline = MarkdownPipeline()

  func document(_ source: String, date: String = "2018-09-26") throws -> Document {
    let day = try #require(JournalDate(iso: date))
    return pipeline.document(
      for: try Entry(date: day, path: Entry.relativePath(for: day), source: source))
  }

  static let sample = """
    ---
    title: A day
    tags: [ML, notes]
    ---
    Intro with #python and #Deep-Learning/rnn. Not #1 or a#b.

    ## Setup :snake:

    Install [PyTorch](https://pytorch.org) and see <https://x.org/#frag>.

    ```python run seed=1 timeout=30 echo=false
    print(1)  # not a #tag
    ```

    ## Setup :snake:

        indented code

    ```
    bare fence
    ```

    ### Math & more

    $x_1$ and `inline code`.

    """

  /// The index parses with `.textOnly` (no HTML, no tree edits): everything but `html` must
  /// be what the full pipeline gives, for the sample and for every entry of the repo's journal.
  @Test func textOnlyGivesTheSameDocumentWithoutHTML() throws {
    let textOnly = MarkdownPipeline(options: .textOnly)
    var sources = [("2018-09-26", Self.sample)]
    let folder = TestPaths.packageRoot.appendingPathComponent("journal/2018")
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    where name.hasSuffix(".md") {
      sources.append(
        (
          String(name.prefix(10)),
          try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        ))
    }
    #expect(sources.count >= 10)
    for (date, source) in sources {
      let day = try #require(JournalDate(iso: date))
      let entry = try Entry(date: day, path: Entry.relativePath(for: day), source: source)
      let full = pipeline.document(for: entry)
      let lean = textOnly.document(for: entry)
      #expect(lean.html.isEmpty)
      #expect(!full.html.isEmpty)
      #expect(lean.title == full.title, "\(date)")
      #expect(String(describing: lean.sections) == String(describing: full.sections), "\(date)")
      #expect(String(describing: lean.math) == String(describing: full.math), "\(date)")
      #expect(String(describing: lean.codeBlocks) == String(describing: full.codeBlocks), "\(date)")
      #expect(String(describing: lean.cells) == String(describing: full.cells), "\(date)")
      #expect(String(describing: lean.links) == String(describing: full.links), "\(date)")
      #expect(lean.tags == full.tags, "\(date)")
      #expect(lean.plainText == full.plainText, "\(date)")
    }
  }

  @Test func frontMatterTitleAndTags() throws {
    let doc = try document(Self.sample)
    #expect(doc.title == "A day")
    #expect(doc.tags == ["ml", "notes", "python", "deep-learning/rnn"])
  }

  @Test func titleFallsBackToFirstHeadingThenDate() throws {
    #expect(try document("text\n\n# First :fire:\n\n## Second\n").title == "First 🔥")
    #expect(try document("just text\n").title == "September 26, 2018")
  }

  @Test func sectionsWithAnchorsAndLines() throws {
    let doc = try document(Self.sample)
    #expect(doc.sections.map(\.level) == [0, 2, 2, 3])
    #expect(doc.sections.map(\.heading) == ["", "Setup 🐍", "Setup 🐍", "Math & more"])
    #expect(doc.sections.map(\.anchor) == ["", "setup-", "setup--1", "math--more"])
    #expect(doc.sections.map(\.lines) == [5...6, 7...14, 15...22, 23...25])
    #expect(doc.sections[0].text == "Intro with #python and #Deep-Learning/rnn. Not #1 or a#b.")
    #expect(doc.sections[1].text.contains("Install PyTorch and see https://x.org/#frag."))
    #expect(doc.sections[1].code == "print(1)  # not a #tag\n")
    #expect(doc.sections[2].code == "indented code\n\nbare fence\n")
    #expect(doc.sections[3].mathText == "x_1")
    #expect(doc.sections[3].code == "inline code")
    #expect(doc.sections[3].text == "and inline code.")
  }

  @Test func headingAnchorsInHTML() throws {
    let doc = try document("# Setup\n\n# Setup\n")
    #expect(
      doc.html == """
        <h1><a id="setup" class="anchor" href="#setup" aria-hidden="true" tabindex="-1"></a>Setup</h1>
        <h1><a id="setup-1" class="anchor" href="#setup-1" aria-hidden="true" tabindex="-1"></a>Setup</h1>

        """)
  }

  /// For a page whose `<h1>` is the title: headings follow it without skipping a level, and
  /// the sections keep the source's levels.
  @Test func headingsFollowTheTitle() throws {
    var options = MarkdownPipeline.Options()
    options.headingsFollowTitle = true
    options.headingAnchors = false
    let markdown = "#### A\n\n###### B\n\n##### C\n\n#### D\n\n## E\n\n### F\n"
    let day = try #require(JournalDate(iso: "2018-09-26"))
    let doc = MarkdownPipeline(options: options).document(
      for: try Entry(date: day, path: Entry.relativePath(for: day), source: markdown))
    #expect(doc.html == "<h2>A</h2>\n<h3>B</h3>\n<h3>C</h3>\n<h2>D</h2>\n<h2>E</h2>\n<h3>F</h3>\n")
    #expect(doc.sections.map(\.level).filter { $0 > 0 } == [4, 6, 5, 4, 2, 3])
  }

  @Test func headingsInContainersGetAnchorsButNoSection() throws {
    let doc = try document("# Top\n\n> ## Quoted\n\n- ## Top\n")
    #expect(doc.sections.map(\.heading) == ["", "Top"])
    #expect(doc.sections[1].text == "Quoted\nTop")
    #expect(doc.html.contains("<h2><a id=\"quoted\" class=\"anchor\" href=\"#quoted\""))
    #expect(doc.html.contains("<h2><a id=\"top-1\" class=\"anchor\" href=\"#top-1\""))
  }

  @Test func codeBlocksAndCells() throws {
    let doc = try document(Self.sample)
    #expect(
      doc.codeBlocks == [
        CodeBlock(
          language: "python", options: ["run", "seed=1", "timeout=30", "echo=false"],
          source: "print(1)  # not a #tag\n", line: 11, isFenced: true),
        CodeBlock(language: nil, options: [], source: "indented code\n", line: 17, isFenced: false),
        CodeBlock(language: nil, options: [], source: "bare fence\n", line: 19, isFenced: true),
      ])
    var options = CellOptions()
    options.seed = 1
    options.timeout = 30
    options.echo = false
    #expect(
      doc.cells == [
        Cell(
          index: 0, source: "print(1)  # not a #tag\n", line: 12,
          options: options)
      ])
    #expect(
      doc.html.contains("<pre class=\"cell\" data-cell=\"0\"><code class=\"language-python\">"))
  }

  @Test func plainPythonIsNotACell() throws {
    let doc = try document(
      "```python\nx = 1\n```\n\n```python run error=true output=false bogus\ny\n```\n")
    #expect(doc.codeBlocks.count == 2)
    #expect(doc.cells.count == 1)
    #expect(doc.cells[0].index == 0)
    #expect(doc.cells[0].options.allowError)
    #expect(!doc.cells[0].options.output)
    #expect(doc.cells[0].options.unknown == ["bogus"])
  }

  @Test func links() throws {
    let doc = try document(Self.sample)
    #expect(
      doc.links == [
        Link(
          destination: "https://pytorch.org", text: "PyTorch", line: 9, section: 1,
          context: "Install PyTorch and see https://x.org/#frag."),
        Link(
          destination: "https://x.org/#frag", text: "https://x.org/#frag", line: 9,
          kind: .autolink, section: 1,
          context: "Install PyTorch and see https://x.org/#frag."),
      ])
  }

  @Test func plainTextHasProseEmojiNamesCodeAndMath() throws {
    let doc = try document(Self.sample)
    #expect(doc.plainText.contains("Setup 🐍 snake"))
    #expect(doc.plainText.contains("print(1)"))
    #expect(doc.plainText.contains("x_1"))
    #expect(!doc.plainText.contains(":snake:"))
    #expect(!doc.plainText.contains("```"))
  }

  @Test func htmlIsTheBodyOnly() throws {
    let doc = try document("---\ntitle: T\n---\nHello\n")
    #expect(doc.html == "<p>Hello</p>\n")
  }

  /// The math extension and cmark-gfm's registry are process-wide: parse from many threads.
  @Test func parsesConcurrently() {
    final class Results: @unchecked Sendable {
      let lock = NSLock()
      var html: [Int: String] = [:]
    }
    let results = Results()
    DispatchQueue.concurrentPerform(iterations: 64) { i in
      let markdown = "# H\(i) :snake:\n\n$x_{\(i)}$ \\(y\\)\n\n| a |\n|---|\n| $z$ |\n"
      let html = MarkdownPipeline().html(for: markdown)
      results.lock.lock()
      results.html[i] = html
      results.lock.unlock()
    }
    #expect(results.html.count == 64)
    for (i, html) in results.html {
      #expect(html.contains("<span class=\"math inline\">x_{\(i)}</span>"))
      #expect(html.contains("<span class=\"math inline\">y</span>"))
      #expect(html.contains("<td><span class=\"math inline\">z</span></td>"))
      #expect(html.contains("H\(i) 🐍</h1>"))
    }
  }

  @Test func seedJournal() throws {
    guard let url = TestPaths.shared("journal-2018.md") else { return }
    let doc = try document(try String(contentsOf: url, encoding: .utf8), date: "2018-12-31")
    #expect(doc.title == "Journal 📮")
    #expect(doc.sections.contains { $0.heading == "Pytorch 🐍" && $0.anchor == "pytorch-" })
    #expect(
      doc.sections.contains { $0.text.contains("Amazing video by Karpathy. (Timing: 1:21:47)") })
    // No shortcode of the seed remains outside code.
    var prose = doc.html
    while let open = prose.range(of: "<code"),
      let close = prose.range(of: "</code>", range: open.upperBound..<prose.endIndex)
    {
      prose.removeSubrange(open.lowerBound..<close.upperBound)
    }
    for code in ["postbox", "dizzy", "snake", "mango", "hand", "fire"] {
      #expect(!prose.contains(":\(code):"), "\(code)")
    }
    #expect(prose.contains("1:21:47"))
  }

  /// A page that shows the title as its `<h1>` does not show the heading it came from again.
  @Test func theTitleHeadingIsNotShownTwice() throws {
    var options = MarkdownPipeline.Options(highlight: false, headingAnchors: false)
    options.dropsTitleHeading = true
    let pipeline = MarkdownPipeline(options: options)
    let path = "journal/2018/2018-09-26.md"
    let date = try #require(JournalDate(iso: "2018-09-26"))
    let opening = try Entry(date: date, path: path, source: "#### torch.nn\nLSTM\n#### Later\n")
    var doc = pipeline.document(for: opening)
    #expect(doc.html == "<p>LSTM</p>\n<h4>Later</h4>\n")
    #expect(doc.sections.map(\.anchor) == ["", "", "later"])
    // The front matter's title names the heading it came from, or none.
    let named = try Entry(
      date: date, path: path, source: "---\ntitle: Later\n---\n#### torch.nn\nLSTM\n")
    doc = pipeline.document(for: named)
    #expect(doc.html == "<h4>torch.nn</h4>\n<p>LSTM</p>\n")
    let same = try Entry(
      date: date, path: path, source: "---\ntitle: torch.nn\n---\n#### torch.nn\nLSTM\n")
    #expect(pipeline.document(for: same).html == "<p>LSTM</p>\n")
    // A heading after prose (or any other block) stays.
    let afterProse = try Entry(date: date, path: path, source: "Intro\n#### torch.nn\n")
    doc = pipeline.document(for: afterProse)
    #expect(doc.html == "<p>Intro</p>\n<h4>torch.nn</h4>\n")
    #expect(doc.sections[1].anchor == "torchnn")
    let afterMath = try Entry(date: date, path: path, source: "$$x$$\n\n#### torch.nn\n")
    #expect(pipeline.document(for: afterMath).html.contains("<h4>torch.nn</h4>"))
  }
}

@Suite struct HTMLEscapingTests {
  @Test func textAndAttributesNeedDifferentCharactersEscaped() {
    let text = "a < b && c > \"d\" 'e'"
    #expect(HTMLEscaping.escape(text) == "a &lt; b &amp;&amp; c &gt; &quot;d&quot; 'e'")
    #expect(
      HTMLEscaping.escape(text, for: .attribute)
        == "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;")
    #expect(HTMLEscaping.escape("Ünïcode 🙂, nothing to escape") == "Ünïcode 🙂, nothing to escape")
    var bytes: [UInt8] = []
    HTMLEscaping.escape("x<'y'".utf8, for: .text, into: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == "x&lt;'y'")
  }
}
