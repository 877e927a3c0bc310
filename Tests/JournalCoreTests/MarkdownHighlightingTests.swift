import JournalCore
import Testing

/// Server-side syntax highlighting of code blocks.
@Suite struct MarkdownHighlightingTests {
  let highlighter = SyntaxHighlighter()

  func code(_ source: String, _ language: String) throws -> String {
    let html = try #require(highlighter.html(code: source, language: language))
    let prefix = "<pre><code class=\"language-\(language)\">"
    #expect(html.hasPrefix(prefix))
    #expect(html.hasSuffix("</code></pre>\n"))
    return String(html.dropFirst(prefix.count).dropLast("</code></pre>\n".count))
  }

  /// Removing the spans and unescaping gives back the source: nothing lost or reordered.
  func stripped(_ html: String) -> String {
    var out = html
    while let open = out.range(of: "<span class=\"") {
      let close = out.range(of: "\">", range: open.upperBound..<out.endIndex)!
      out.removeSubrange(open.lowerBound..<close.upperBound)
    }
    return out.replacingOccurrences(of: "</span>", with: "")
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
  }

  @Test func python() throws {
    let source =
      "@torch.no_grad()\ndef f(x=1.5e-3):\n    \"\"\"Doc <b>\"\"\"\n    return None  # done\n"
    let html = try code(source, "python")
    #expect(
      html == """
        <span class="hl-decorator">@torch.no_grad</span>()
        <span class="hl-keyword">def</span> f(x=<span class="hl-number">1.5e-3</span>):
            <span class="hl-string">&quot;&quot;&quot;Doc &lt;b&gt;&quot;&quot;&quot;</span>
            <span class="hl-keyword">return</span> <span class="hl-literal">None</span>  \
        <span class="hl-comment"># done</span>

        """)
    #expect(stripped(html) == source)
  }

  @Test func swift() throws {
    let html = try code("let s = \"a\" /* c */ // d\n", "swift")
    #expect(
      html == """
        <span class="hl-keyword">let</span> s = <span class="hl-string">&quot;a&quot;</span> \
        <span class="hl-comment">/* c */</span> <span class="hl-comment">// d</span>

        """)
  }

  @Test func shell() throws {
    let html = try code("echo \"$HOME\" ${X} # c\nls a#b\n", "bash")
    #expect(html.contains("<span class=\"hl-variable\">${X}</span>"))
    #expect(html.contains("<span class=\"hl-comment\"># c</span>"))
    #expect(html.contains("a#b"))
    #expect(!html.contains("<span class=\"hl-comment\">#b"))
  }

  @Test func jsonAndYAML() throws {
    let json = try code("{\"a\": [1, true, null, \"s\"]}\n", "json")
    #expect(
      json == """
        {<span class="hl-key">&quot;a&quot;</span>: [<span class="hl-number">1</span>, \
        <span class="hl-literal">true</span>, <span class="hl-literal">null</span>, \
        <span class="hl-string">&quot;s&quot;</span>]}

        """)
    let yaml = try code("title: x # c\ntags: [a, b]\n", "yaml")
    #expect(
      yaml.hasPrefix(
        "<span class=\"hl-key\">title</span>: x <span class=\"hl-comment\"># c</span>"))
  }

  @Test func sql() throws {
    let html = try code("SELECT a FROM t WHERE b = 'x' -- c\n", "sql")
    #expect(
      html == """
        <span class="hl-keyword">SELECT</span> a <span class="hl-keyword">FROM</span> t \
        <span class="hl-keyword">WHERE</span> b = <span class="hl-string">'x'</span> \
        <span class="hl-comment">-- c</span>

        """)
  }

  @Test func plainTextIsEscapedOnly() throws {
    #expect(try code("a < b & \"c\"\n", "text") == "a &lt; b &amp; &quot;c&quot;\n")
  }

  @Test func unknownLanguagesAreLeftToCmark() {
    #expect(highlighter.html(code: "x", language: "cobol") == nil)
    let html = MarkdownPipeline().html(for: "```cobol\nA < B\n```\n")
    #expect(html == "<pre><code class=\"language-cobol\">A &lt; B\n</code></pre>\n")
  }

  @Test(arguments: ["python", "swift", "shell", "json", "yaml", "sql", "text"])
  func neverLosesABytes(language: String) throws {
    let source = "x = 'unterminated\n\"\"\" open\n/* open\n$ {\n@\n1e+\n<&>\n"
    #expect(stripped(try code(source, language)) == source)
  }
}
