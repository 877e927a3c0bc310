import Foundation
import TestSupport
import Testing

@testable import JournalCore

/// Issue 19, item 6: raw HTML in entries is reduced to GitHub's allow-list; what the owner of a
/// journal legitimately writes still renders. (The public XSS corpora run in SiteXSSTests.)
@Suite struct HTMLSanitizerTests {
  let pipeline = MarkdownPipeline()

  var trusting: MarkdownPipeline {
    var options = MarkdownPipeline.Options()
    options.sanitizesHTML = false
    return MarkdownPipeline(options: options)
  }

  @Test(arguments: [
    // Event handlers go, the element stays.
    ("<img src=x onerror=alert(1)>", "<img src=\"x\">\n"),
    ("<details ontoggle=alert(1) open>", "<details open>\n"),
    ("<p>a <b onclick=\"x()\" OnMouseOver='y()'>b</b></p>", "<p>a <b>b</b></p>\n"),
    // Not a tag to CommonMark (no space between attributes): text.
    ("<img/src=x/onerror=alert(1)>", "<p>&lt;img/src=x/onerror=alert(1)&gt;</p>\n"),
    // Script URLs go, however they are spelled; ordinary ones stay.
    ("<a href=\"javascript:alert(1)\">x</a>", "<p><a>x</a></p>\n"),
    ("<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<p><a>x</a></p>\n"),
    ("<a href=\" &#14;  JaVaScRiPt:alert(1)\">x</a>", "<p><a>x</a></p>\n"),
    (
      "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;x\">x</a>",
      "<p><a>x</a></p>\n"
    ),
    ("<a href=\"&#x6A&#x61&#x76&#x61script&colon;x\">x</a>", "<p><a>x</a></p>\n"),
    ("<a href=\"jav&#x0A;ascript:x\">x</a>", "<p><a>x</a></p>\n"),
    ("<a href=\"&#0000106avascript:x\">x</a>", "<p><a>x</a></p>\n"),
    ("<a href='data:text/html;base64,PHNjcmlwdD4='>x</a>", "<p><a>x</a></p>\n"),
    ("<a href=vbscript:msgbox(1)>x</a>", "<p><a>x</a></p>\n"),
    ("<img src=\"data:text/html,<script>x</script>\">", "<img>\n"),
    ("<img src=\"data:image/png;base64,AAAA\">", "<img src=\"data:image/png;base64,AAAA\">\n"),
    (
      "<a href=\"https://x.org/a?b=1&amp;c=2\" title='t \"q\"'>x</a>",
      "<p><a href=\"https://x.org/a?b=1&amp;c=2\" title=\"t &quot;q&quot;\">x</a></p>\n"
    ),
    (
      "<a href=\"../2018/notes.html#x:y\">x</a>",
      "<p><a href=\"../2018/notes.html#x:y\">x</a></p>\n"
    ),
    ("<a href=\"mailto:a@b.org\">x</a>", "<p><a href=\"mailto:a@b.org\">x</a></p>\n"),
    // Elements off the list show as the text they were typed as.
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;\n"),
    (
      "<iframe srcdoc=\"<script>x</script>\"></iframe>",
      "&lt;iframe srcdoc=&quot;&lt;script&gt;x&lt;/script&gt;&quot;&gt;&lt;/iframe&gt;\n"
    ),
    (
      "<meta http-equiv=refresh content=\"0;url=javascript:x\">",
      "&lt;meta http-equiv=refresh content=&quot;0;url=javascript:x&quot;&gt;\n"
    ),
    ("<base href=\"//evil.org/\">", "&lt;base href=&quot;//evil.org/&quot;&gt;\n"),
    (
      "<form action=x><button formaction=javascript:x>go</button></form>",
      "&lt;form action=x&gt;&lt;button formaction=javascript:x&gt;go&lt;/button&gt;&lt;/form&gt;\n"
    ),
    ("<object data=x.swf></object>", "<p>&lt;object data=x.swf&gt;&lt;/object&gt;</p>\n"),
    ("<style>*{x:y}</style>", "&lt;style&gt;*{x:y}&lt;/style&gt;\n"),
    ("<svg><a xlink:href=\"javascript:x\">y</a></svg>", "<p>&lt;svg&gt;<a>y</a>&lt;/svg&gt;</p>\n"),
    (
      "<math><mi xlink:href=\"javascript:x\">y</mi></math>",
      "<p>&lt;math&gt;&lt;mi xlink:href=&quot;javascript:x&quot;&gt;y&lt;/mi&gt;&lt;/math&gt;</p>\n"
    ),
    // Attributes off the list go: styles, srcdoc, name (it clobbers `document` properties).
    ("<div style=\"x\" class=c name=n id=i>", "<div id=\"i\">\n"),
    // Comments go; a `<` that starts no tag is text.
    (
      "<div>a<!-- b -->c<!--->d < e <3 <!DOCTYPE x></div>",
      "<div>acd &lt; e &lt;3 &lt;!DOCTYPE x&gt;</div>\n"
    ),
    // A tag the block ends inside of is text, and so is the rest of the block.
    ("<div title=\"a\n<b>", "&lt;div title=\"a\n&lt;b&gt;\n"),
  ])
  func rawHTMLBlocks(_ markdown: String, _ html: String) {
    #expect(pipeline.html(for: markdown) == html)
  }

  @Test func inlineHTMLIsCheckedTagByTag() {
    #expect(
      pipeline.html(for: "a <span onclick=x>b</span> <img src=x onerror=y> c")
        == "<p>a <span>b</span> <img src=\"x\"> c</p>\n")
    // The 2018-09-08 entry of the seed journal: a type name, not an element.
    #expect(
      pipeline.html(for: "use the corresponding torch.nn.<Module> (Layers).")
        == "<p>use the corresponding torch.nn.&lt;Module&gt; (Layers).</p>\n")
    #expect(
      pipeline.html(for: "x <!-- hidden --> <![CDATA[y]]> <?php z ?>")
        == "<p>x  &lt;![CDATA[y]]&gt; &lt;?php z ?&gt;</p>\n")
  }

  @Test func whatAJournalWritesStillRenders() {
    let markdown = """
      <details>
      <summary>Output of <kbd>Ctrl</kbd>+<kbd>C</kbd></summary>

      Markdown *inside*.

      </details>

      H<sub>2</sub>O and x<sup>2</sup>,<br>a break <br /> and <img src="plots/a.png" alt="A plot" width="300">.

      <table>
      <tr><th colspan="2">a</th></tr>
      <tr><td align="right">1</td><td>2</td></tr>
      </table>

      <a id="top"></a><a href="#top">up</a> <abbr title="HyperText">HTML</abbr> <mark>m</mark>
      <div align="center"><em>c</em></div>

      """
    // Nothing in it needs to change.
    #expect(pipeline.html(for: markdown) == trusting.html(for: markdown))
    #expect(pipeline.html(for: markdown).contains("<img src=\"plots/a.png\" alt=\"A plot\""))
  }

  /// The first user's journal (../shared/data/journal-2018.md) and the repo's journal/ render as
  /// they did, but for the one tag in them: `torch.nn.<Module>` is text now.
  @Test func theSeedJournalsRenderAsBefore() throws {
    var texts: [String] = []
    if let url = TestPaths.shared("journal-2018.md") {
      texts.append(try String(contentsOf: url, encoding: .utf8))
    }
    let folder = TestPaths.packageRoot.appendingPathComponent("journal/2018")
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    where name.hasSuffix(".md") {
      texts.append(
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
    }
    #expect(texts.count >= 15)
    var changed = 0
    for text in texts {
      let trusted = trusting.html(for: text)
      let safe = pipeline.html(for: text)
      if safe != trusted { changed += 1 }
      #expect(safe == trusted.replacingOccurrences(of: "<Module>", with: "&lt;Module&gt;"))
    }
    #expect(changed >= 1)
    #expect(changed == texts.filter { $0.contains("nn.<Module>") }.count)
  }

  @Test func endTagsCloseOnlyWhatTheEntryOpened() {
    #expect(
      pipeline.html(for: "</div></main>\n\n<div>\n\ntext\n\n</div></div>")
        == "&lt;/main&gt;\n<div>\n<p>text</p>\n</div>\n")
    #expect(pipeline.html(for: "a </span> b") == "<p>a  b</p>\n")
  }

  @Test func trustedHTMLIsCopiedAsItIs() {
    #expect(
      trusting.html(for: "<img src=x onerror=alert(1)> <Module>")
        == "<p><img src=x onerror=alert(1)> <Module></p>\n")
  }

  @Test func anUnclosedTagOrCommentDoesNotMakeTheScanQuadratic() {
    // Each `<` would look for its `>` to the end of the block again.
    let block = "<div>\n" + String(repeating: "<a title='", count: 20_000)
    let html = pipeline.html(for: block)
    #expect(html.hasPrefix("<div>\n&lt;a title='&lt;a title='"))
    let comments = "<div>\n" + String(repeating: "<!--", count: 20_000)
    #expect(pipeline.html(for: comments).hasPrefix("<div>\n&lt;!--&lt;!--"))
  }

  @Test func attributeValuesAreDecodedAsBrowsersDecodeThem() {
    #expect(
      HTMLSanitizer.decodingAttribute("&#106avascript&#x3A;x &amp y") == "javascript:x &amp y")
    #expect(HTMLSanitizer.decodingAttribute("a&#;b&#x;c&colon;") == "a&#;b&#x;c:")
  }

  @Test func urlSchemes() {
    let web: Set<String> = ["http", "https"]
    #expect(HTMLSanitizer.isAllowedURL("https://x.org", schemes: web, image: false))
    #expect(HTMLSanitizer.isAllowedURL("a/b:c", schemes: web, image: false))
    #expect(HTMLSanitizer.isAllowedURL("?q=a:b", schemes: web, image: false))
    #expect(HTMLSanitizer.isAllowedURL("", schemes: web, image: false))
    #expect(!HTMLSanitizer.isAllowedURL("\u{1}javascript:x", schemes: web, image: false))
    #expect(!HTMLSanitizer.isAllowedURL("java\u{1}script:x", schemes: web, image: false))
    #expect(!HTMLSanitizer.isAllowedURL("ftp://x", schemes: web, image: false))
    #expect(!HTMLSanitizer.isAllowedURL("data:image/png;base64,A", schemes: web, image: false))
    #expect(HTMLSanitizer.isAllowedURL("data:image/png;base64,A", schemes: web, image: true))
    #expect(!HTMLSanitizer.isAllowedURL("data:image/svg+xml,<svg>", schemes: web, image: true))
  }
}
