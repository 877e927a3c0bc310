import Foundation
import TestSupport
import Testing

@testable import JournalCore
@testable import JournalIndex

/// The search-query fuzzer (issue 19): queries from the syntax's pieces and the characters
/// FTS5 would read as syntax, against a small index. A query may find nothing or be refused with
/// a one-line `JournalError` that quotes at most 80 characters of it; any other error, a crash or
/// a hang fails. `make fuzz` runs it for an hour.
@Suite struct SearchFuzzTests {
  static let pieces = [
    "lstm", "LSTM", "django", "serializer", "nn.LSTM", "torch.manual_seed()", "read_only_fields",
    "sigma", "\"", "\"exact phrase\"", "\"unclosed", "-", "-rest", "-\"web app\"", "NOT", "AND",
    "OR", "or", "not", "*", "lstm*", "-*", "C++*", "title:", "title:django", "code:\"x y\"",
    "math:sigma", "tag:", "tag:Python", "tag:#ml", "tag:\"a b\"", "col:umn", "NEAR(a,b)", "^",
    "(", ")", "{x}", "'", "\\", "%_", "\u{0}", "\u{1B}[31m", "\u{E000}", "\u{E001}", "é",
    "straße", "日本語", "😀", "\u{FEFF}", "\t", "\n", "a\"b", "::", "heading:", "rank", "rowid",
  ]

  static func query(_ r: inout FuzzRandom) -> String {
    var parts: [String] = []
    let count = r.chance(0.05) ? r.pick([63, 64, 65, 200, 5_000]) : r.int(0...8)
    for _ in 0..<count { parts.append(r.pick(pieces)) }
    return parts.joined(separator: r.pick([" ", " ", "", "  "]))
  }

  @Test func queries() throws {
    let dir = TemporaryDirectory("search-fuzz")
    try dir.write(
      "journal/2018/2018-09-01.md",
      "#### Django unchained\n- The serializer turns models into JSON.\n"
        + "- Use `read_only_fields` in `Meta`.\n\n#### Torch notes\n- nn.LSTM takes (h, c).\n")
    try dir.write(
      "journal/2018/2018-09-02.md",
      "---\ntitle: A quiet day\ntags: [rest, Python, ml]\n---\nWalked. $\\sigma$ straße 日本語.\n")
    let journal = Journal(root: dir.url)
    let index = try SearchIndex.openUpdated(journal).index
    let report = Fuzz.run("search", generate: Self.query) { text in
      let query = SearchQuery(parsing: text)
      do {
        let hits = try index.search(query)
        guard hits.allSatisfy({ $0.path.hasPrefix("journal/2018/") }) else {
          throw SearchFuzzFailure("a hit outside the journal: \(hits)")
        }
      } catch let error as JournalError {
        guard !error.message.contains(where: \.isNewline), error.message.count < 200 else {
          throw SearchFuzzFailure("refused without a short one-line message: \(error)")
        }
      }
    }
    withExtendedLifetime(dir) {}
    #expect(report.failures.isEmpty, "\(report)")
    #expect(report.inputs > 0)
  }

  /// Issue 19: 16,000 words took 11.5 s, and the refusal echoed the whole query.
  @Test func longQueriesAreRefusedWithAShortMessage() throws {
    let dir = TemporaryDirectory("search-long")
    try dir.write("journal/2018/2018-09-01.md", "#### Walks\nBy the river.\n")
    let index = try SearchIndex.openUpdated(Journal(root: dir.url)).index
    let words = (0..<16_000).map { "w\($0)" }.joined(separator: " ")
    let query = SearchQuery(parsing: words + " tag:a tag:b -river")
    #expect(query.termCount == 16_003)
    let refused = try #require(#expect(throws: JournalError.self) { try index.search(query) })
    #expect(refused.code == .usage)
    #expect(
      refused.message == "the query has 16003 words, phrases and tags; at most 64 are searched")
    let most = (0..<63).map { "w\($0)" }.joined(separator: " ") + " river"
    #expect(try index.search(SearchQuery(parsing: most)).isEmpty)
    #expect(try index.search(SearchQuery(parsing: "tag:x tag:y tag:x")).isEmpty)
    #expect(SearchQuery(parsing: "tag:x tag:y tag:X").tags == ["x", "y"])
    #expect(try index.search(SearchQuery(parsing: "river")).map(\.heading) == ["Walks"])
    withExtendedLifetime(dir) {}
  }
}

struct SearchFuzzFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
