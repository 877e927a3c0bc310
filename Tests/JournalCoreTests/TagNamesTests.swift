import Foundation
import Testing

@testable import JournalCore

@Suite struct TagNamesTests {
  @Test(arguments: [
    ("#c++ and #c# and #c", ["c++", "c#", "c"]),
    ("#C++ then #c++ again", ["c++"]),
    (
      "Ends a sentence: #ml. Then #node.js, #ml/rnn/ and #deep-learning-",
      [
        "ml", "node.js", "ml/rnn", "deep-learning",
      ]
    ),
    ("(#f#) [#x++] \"#q\" '#r'", ["f#", "x++", "q", "r"]),
    ("a#b #1984 # c ##d #_x", []),
    ("#café #Straße", ["café", "straße"]),
  ])
  func inlineTagsKeepTheirCharacters(text: String, tags: [String]) {
    #expect(TagNames.inline(in: text) == tags)
  }

  @Test func normalizedDropsLeadingHashesOnly() {
    #expect(TagNames.normalized(" #C# ") == "c#")
    #expect(TagNames.normalized("##c++") == "c++")
    #expect(TagNames.normalized("C") == "c")
  }

  @Test func inlineWords() {
    #expect(TagNames.isInlineWord("c++"))
    #expect(TagNames.isInlineWord("c#"))
    #expect(TagNames.isInlineWord("node.js"))
    #expect(!TagNames.isInlineWord("1984"))
    #expect(!TagNames.isInlineWord("ml."))
    #expect(!TagNames.isInlineWord("a,b"))
    #expect(!TagNames.isInlineWord(""))
  }

  /// Front matter and inline tags meet in the document, lower-cased, each once.
  @Test func documentTagsFromFrontMatterAndText() throws {
    let entry = try Entry(
      date: JournalDate(year: 2018, month: 9, day: 26)!, path: "journal/2018/2018-09-26.md",
      source: "---\ntags: [C++, \"#c#\", c]\n---\nOn #c and #C# and #cuda.\n")
    let document = MarkdownPipeline().document(for: entry)
    #expect(entry.frontMatter.tags == ["C++", "c#", "c"])
    #expect(document.tags == ["c++", "c#", "c", "cuda"])
  }
}
