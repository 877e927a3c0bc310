import Foundation
import JournalCore
import TestSupport
import Testing

/// Emoji shortcodes: the full gemoji table, in text only.
@Suite struct MarkdownEmojiTests {
  let pipeline = MarkdownPipeline()

  func html(_ markdown: String) -> String { pipeline.html(for: markdown) }

  @Test(arguments: [
    (":snake:", "🐍"), (":+1:", "👍"), (":t-rex:", "🦖"), (":e-mail:", "📧"),
    (":heart_eyes:", "😍"), (":-1:", "👎"),
  ])
  func aliases(code: String, emoji: String) {
    #expect(html("a \(code) b\n") == "<p>a \(emoji) b</p>\n")
  }

  @Test func unknownShortcodesStayAsTyped() {
    #expect(
      html(":not-an-emoji: and 1:21:47 and :snake\n")
        == "<p>:not-an-emoji: and 1:21:47 and :snake</p>\n")
    #expect(html(":foo:snake:\n") == "<p>:foo🐍</p>\n")
  }

  @Test(arguments: [
    ("`:snake:`\n", "<p><code>:snake:</code></p>\n"),
    ("```\n:snake:\n```\n", "<pre><code>:snake:\n</code></pre>\n"),
    ("$:snake:$\n", "<p><span class=\"math inline\">:snake:</span></p>\n"),
    (
      "<https://x.org/:snake:>\n",
      "<p><a href=\"https://x.org/:snake:\">https://x.org/:snake:</a></p>\n"
    ),
    // GFM's autolink leaves a trailing `:` out of the URL; the shortcode is still not replaced.
    (
      "https://x.org/:snake:\n",
      "<p><a href=\"https://x.org/:snake\">https://x.org/:snake</a>:</p>\n"
    ),
    (
      "[go :snake:](https://x.org/:snake:)\n",
      "<p><a href=\"https://x.org/:snake:\">go 🐍</a></p>\n"
    ),
    (
      "<span title=\":snake:\">:snake:</span>\n",
      "<p><span title=\":snake:\">🐍</span></p>\n"
    ),
    ("<div>\n:snake:\n</div>\n", "<div>\n:snake:\n</div>\n"),
  ])
  func onlyInText(markdown: String, expected: String) {
    #expect(html(markdown) == expected)
  }

  @Test func indexGetsEmojiAndName() throws {
    let day = try #require(JournalDate(iso: "2018-09-26"))
    let entry = try Entry(
      date: day, path: "journal/2018/2018-09-26.md",
      source: "I :heart: :snake: and `:fire:`\n")
    let doc = pipeline.document(for: entry)
    #expect(doc.sections[0].text == "I ❤️ heart 🐍 snake and :fire:")
    #expect(doc.plainText.contains("❤️ heart 🐍 snake"))
    #expect(doc.html == "<p>I ❤️ 🐍 and <code>:fire:</code></p>\n")
  }

  @Test func emojiOff() {
    let options = MarkdownPipeline.Options(emoji: false)
    #expect(MarkdownPipeline(options: options).html(for: ":snake:\n") == "<p>:snake:</p>\n")
  }

  /// The committed table has every alias of the gemoji database.
  @Test func tableMatchesGemoji() throws {
    guard let url = TestPaths.shared("gemoji-emoji.json") else { return }
    let data = try Data(contentsOf: url)
    let list = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    #expect(list.count == 1_870)
    var aliases = 0
    for item in list {
      let emoji = try #require(item["emoji"] as? String)
      for alias in try #require(item["aliases"] as? [String]) {
        aliases += 1
        #expect(html(":\(alias):\n") == "<p>\(emoji)</p>\n", "\(alias)")
      }
    }
    #expect(aliases == 1_913)
  }
}
