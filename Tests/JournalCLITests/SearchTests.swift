import Foundation
import TestSupport
import Testing

/// A temporary journal holding the seed journal (../shared/data/journal-2018.md), imported with
/// the real binary.
struct SeedJournal {
  let dir: TemporaryDirectory
  var root: URL { dir.url }

  init() throws {
    dir = TemporaryDirectory("search-cli")
    let seed = try #require(TestPaths.shared("journal-2018.md"))
    let result = try runJournal(["import", seed.path], in: dir.url)
    try #require(result.status == 0, "\(result.stderr)")
  }

  /// Runs `journal ARGS` in the journal's root.
  func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:])
    throws -> ProcessResult
  {
    try runJournal(arguments, in: dir.url, stdin: stdin, environment: environment)
  }

  /// The hits of `journal search ARGS --format json`.
  func hits(_ arguments: [String]) throws -> [[String: Any]] {
    let result = try run(["search"] + arguments + ["--format", "json", "--limit", "0"])
    #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    let dict = try #require(object as? [String: Any])
    return try #require(dict["hits"] as? [[String: Any]])
  }
}

@Suite(.enabled(if: TestPaths.sharedData != nil)) struct SearchTests {
  @Test func serializerLandsOnTheDjangoUnchainedSection() throws {
    let journal = try SeedJournal()
    let hits = try journal.hits(["serializer"])
    let first = try #require(hits.first)
    #expect(first["date"] as? String == "2018-09-01")
    #expect(first["heading"] as? String == "Django unchained")
    #expect(first["anchor"] as? String == "django-unchained")
    #expect(first["path"] as? String == "journal/2018/2018-09-01.md")
    #expect(first["level"] as? Int == 4)
    #expect(first["draft"] as? Bool == false)
    #expect(
      Set(first.keys) == [
        "anchor", "date", "draft", "file", "heading", "level", "line", "lines",
        "matches", "path", "score", "snippet", "title",
      ])
    // The line holds the match, inside the section.
    let line = try #require(first["line"] as? Int)
    let text = try String(
      contentsOf: journal.root.appendingPathComponent("journal/2018/2018-09-01.md"),
      encoding: .utf8)
    let lineText = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
    #expect(lineText.lowercased().contains("serializ"))
    // The other hit is the "Django ftw" section, not the whole day.
    #expect(
      hits.contains {
        $0["anchor"] as? String == "django-ftw" && $0["date"] as? String == "2018-09-17"
      })
  }

  @Test func textBlocksHaveDateTitleSnippetAndPath() throws {
    let journal = try SeedJournal()
    let result = try journal.run(["search", "read_only_fields"])
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        2018-09-17  Siraj stuff › Django ftw
          Use [read_only_fields] in the Meta class inside a serializer to make it non-updatable…
          journal/2018/2018-09-17.md:32

        """)
    // Colour on request (as on a terminal): ANSI, no brackets.
    let coloured = try journal.run(
      ["search", "read_only_fields"],
      environment: ["JOURNAL_COLOR": "always"])
    #expect(coloured.stdout.contains("\u{1B}[1;31mread_only_fields\u{1B}[0m"))
  }

  @Test func identifiersAreFoundAsTyped() throws {
    let journal = try SeedJournal()
    let lstm = try journal.hits(["nn.LSTM"])
    #expect(lstm.first?["date"] as? String == "2018-09-26")
    #expect(lstm.first?["line"] as? Int == 6)
    let seed = try journal.hits(["torch.manual_seed"])
    #expect(seed.map { $0["date"] as? String } == ["2018-09-08"])
    #expect(seed.first?["line"] as? Int == 10)
  }

  @Test func phrasesFieldsPrefixesOrAndExclusion() throws {
    let journal = try SeedJournal()
    let phrase = try journal.hits(["\"django rest\""])
    #expect(phrase.first?["date"] as? String == "2018-09-01")
    // Several shell arguments: one with a space is a phrase.
    #expect(
      try journal.hits(["django rest", "framework"]).first?["date"] as? String == "2018-09-01")
    let titles = try journal.hits(["title:django"])
    #expect(titles.count == 3)
    #expect(titles.allSatisfy { ($0["heading"] as? String ?? "").lowercased().contains("django") })
    let prefix = try journal.hits(["djang*"])
    #expect(prefix.count >= titles.count)
    let either = try journal.hits(["gaussian OR django"])
    let gaussian = try journal.hits(["gaussian"])
    let django = try journal.hits(["django"])
    #expect(
      either.count == Set((gaussian + django).map { "\($0["path"]!)#\($0["anchor"]!)" }).count)
    let excluded = try journal.hits(["django", "-rest"])
    #expect(excluded.count < django.count)
    #expect(!excluded.contains { $0["anchor"] as? String == "django-unchained" })
  }

  @Test func dateFilters() throws {
    let journal = try SeedJournal()
    let on = try journal.hits(["lstm", "--on", "2018-09-26"])
    #expect(on.map { $0["date"] as? String } == ["2018-09-26"])
    let range = try journal.hits(["lstm", "--from", "2018-09-20", "--to", "2018-09-25"])
    #expect(!range.isEmpty)
    #expect(
      range.allSatisfy {
        ($0["date"] as! String) >= "2018-09-20" && ($0["date"] as! String) <= "2018-09-25"
      })
    let month = try journal.hits(["the", "--on", "August 2018"])
    #expect(!month.isEmpty)
    #expect(month.allSatisfy { ($0["date"] as! String).hasPrefix("2018-08") })
    #expect(try journal.hits(["lstm", "--on", "2017"]).isEmpty)
  }

  @Test(arguments: [
    "well-known", "C++", "@home", "it's", "a/b", "\"", "-", "NOT", "(", "\"a",
    "NEAR(x y)", "*", "title:", "x:y", "'", "AND", "{col}", "^start", "-\"", "OR",
  ])
  func weirdQueriesNeverError(query: String) throws {
    let journal = try SeedJournal()
    let result = try journal.run(["search", "--", query])
    #expect([0, 1, 2].contains(result.status))
    #expect(!result.stderr.lowercased().contains("sqlite"))
    #expect(!result.stderr.lowercased().contains("fts5"))
    #expect(result.stderr.split(separator: "\n").count <= 1)
    if result.status != 0 { #expect(result.stdout.isEmpty) }
  }

  @Test func noHitsExitOneBadFilterExitTwo() throws {
    let journal = try SeedJournal()
    let none = try journal.run(["search", "xylophonequartz"])
    #expect(none.status == 1)
    #expect(none.stdout.isEmpty)
    #expect(none.stderr == "journal: no matches for 'xylophonequartz'\n")
    let bad = try journal.run(["search", "lstm", "--from", "2018-13-40"])
    #expect(bad.status == 2)
    #expect(bad.stdout.isEmpty)
    #expect(bad.stderr.split(separator: "\n").count == 1)
    #expect(bad.stderr.contains("'2018-13-40' is not a date"))
    let backwards = try journal.run(["search", "lstm", "--from", "2018-09", "--to", "2018-08"])
    #expect(backwards.status == 2)
  }

  @Test func otherFormats() throws {
    let journal = try SeedJournal()
    let jsonl = try journal.run(["search", "lstm", "--format", "jsonl", "--limit", "3"])
    let lines = jsonl.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    for line in lines {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object?["path"] is String)
    }
    let paths = try journal.run(["search", "lstm", "--format", "paths", "--limit", "0"])
    let listed = paths.stdout.split(separator: "\n").map(String.init)
    #expect(Set(listed).count == listed.count)
    #expect(listed.allSatisfy { $0.hasPrefix("journal/2018/") && $0.hasSuffix(".md") })
    let markdown = try journal.run(["search", "read_only_fields", "--format", "markdown"])
    #expect(
      markdown.stdout.hasPrefix(
        "- **2018-09-17** [Siraj stuff › Django ftw](journal/2018/2018-09-17.md#django-ftw): "))
    #expect(markdown.stdout.contains("**read_only_fields**"))
    let json = try journal.run(["search", "read_only_fields", "--format", "json"])
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(object?["count"] as? Int == 1)
    #expect(object?["query"] as? String == "read_only_fields")
  }

  @Test func showTurnsShortcodesIntoEmojiOutsideCode() throws {
    let journal = try SeedJournal()
    try journal.dir.write(
      "journal/2019/2019-02-01.md",
      """
      #### Snakes :snake:
      - It works :tada: but `:tada:` in code stays, and so does :no_such_code:.
      - **Hot :fire:**

      ```
      print(":snake:")
      ```

      """)
    let plain = try journal.run(["show", "2019-02-01"])
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(plain.stdout.contains("#### Snakes 🐍\n"))
    #expect(
      plain.stdout.contains(
        "- It works 🎉 but `:tada:` in code stays, and so does :no_such_code:.\n"))
    #expect(plain.stdout.contains("- **Hot 🔥**\n"))
    #expect(plain.stdout.contains("print(\":snake:\")\n"))
    let styled = try journal.run(["show", "2019-02-01"], environment: ["JOURNAL_COLOR": "always"])
    #expect(styled.stdout.contains("\u{1B}[1m\u{1B}[36mSnakes 🐍\u{1B}[0m\u{1B}[0m\n"))
    #expect(styled.stdout.contains("- It works 🎉 but \u{1B}[33m:tada:\u{1B}[0m in code stays"))
    #expect(styled.stdout.contains("\u{1B}[1mHot 🔥\u{1B}[0m"))
    #expect(styled.stdout.contains("print(\":snake:\")"))
    let raw = try journal.run(["show", "--raw", "2019-02-01"])
    #expect(raw.stdout.contains("#### Snakes :snake:\n"))
  }

  @Test func listShowAndTags() throws {
    let journal = try SeedJournal()
    let list = try journal.run(["list", "--on", "2018-09", "--format", "json"])
    #expect(list.status == 0)
    let entries = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
    #expect(entries?.count == 11)
    #expect(entries?.allSatisfy { ($0["date"] as! String).hasPrefix("2018-09") } == true)
    #expect(entries?.first?["date"] as? String == "2018-09-26")
    let text = try journal.run(["list", "--from", "2018-09-24"])
    #expect(
      text.stdout.hasPrefix(
        "2018-09-26  torch.nn\n2018-09-25  Recurrent Nets\n"
          + "2018-09-24  Counting peaks/valleys in a 1D signal\n"))
    #expect(text.stdout.contains("    Oh Py God\n"))
    let show = try journal.run(["show", "2018-09-26"])
    #expect(show.status == 0)
    #expect(show.stdout.hasPrefix("September 26, 2018  journal/2018/2018-09-26.md\n"))
    #expect(show.stdout.contains("#### torch.nn\n"))
    let styled = try journal.run(["show", "2018-09-26"], environment: ["JOURNAL_COLOR": "always"])
    #expect(styled.stdout.contains("\u{1B}[1m\u{1B}[36mtorch.nn\u{1B}[0m\u{1B}[0m\n"))
    #expect(styled.stdout.contains("\u{1B}[33mtensor.size()\u{1B}[0m"))
    let missing = try journal.run(["show", "2018-09-27"])
    #expect(missing.status == 1)
    #expect(missing.stderr == "journal: no entry on 2018-09-27\n")
    let bad = try journal.run(["show", "someday"])
    #expect(bad.status == 2)
    try journal.dir.write("journal/2019/2019-01-01.md", "---\ntags: [ml, home]\n---\nHi.\n")
    try journal.dir.write("journal/2019/2019-01-02.md", "---\ntags: [ml]\n---\nHo.\n")
    let tags = try journal.run(["tags"])
    #expect(tags.stdout == "2  ml\n1  home\n")
    let tagged = try journal.run(["list", "--tag", "home"])
    #expect(tagged.stdout.hasPrefix("2019-01-01  January 1, 2019  #home #ml\n"))
    #expect(try journal.hits(["tag:ml"]).count == 2)
    #expect(try journal.hits(["hi", "tag:ml"]).count == 1)
  }
}
