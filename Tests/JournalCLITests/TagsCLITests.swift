import Foundation
import TestSupport
import Testing

/// Tags keep their characters from `--tag`, front matter and inline `#tag` words through the
/// index, `tags`, `list`, `search` and the site; case is folded (`C` is `c`), punctuation is not
/// (`c`, `c++` and `c#` are three tags).
@Suite struct TagsCLITests {
  func taggedJournal() throws -> TemporaryDirectory {
    let dir = TemporaryDirectory("tags-cli")
    try dir.write("journal/2018/2018-09-24.md", "---\ntags: [C++, \"#c#\"]\n---\n# Monday\nText.\n")
    try dir.write("journal/2018/2018-09-25.md", "# Tuesday\nNotes on #c and #C++, also (#c#).\n")
    let add = try runJournal(
      ["add", "--date", "2018-09-26", "--tag", "c++", "--tag", "C", "Wednesday text"], in: dir.url)
    #expect(add.status == 0, "\(add.stderr)")
    return dir
  }

  func json(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
  }

  @Test func tagsAndListKeepCharacters() throws {
    let dir = try taggedJournal()
    let file = try String(
      contentsOf: dir.url.appendingPathComponent("journal/2018/2018-09-26.md"), encoding: .utf8)
    #expect(file == "Wednesday text\n\n#c++ #C\n")
    let tags = try runJournal(["tags", "--format", "json"], in: dir.url)
    #expect(tags.status == 0, "\(tags.stderr)")
    #expect(
      tags.stdout
        == #"[{"count":3,"tag":"c++"},{"count":2,"tag":"c"},{"count":2,"tag":"c#"}]"# + "\n")
    let text = try runJournal(["tags"], in: dir.url)
    #expect(text.stdout == "3  c++\n2  c\n2  c#\n")
    for (tag, days) in [
      ("c++", ["2018-09-26", "2018-09-25", "2018-09-24"]),
      ("C++", ["2018-09-26", "2018-09-25", "2018-09-24"]),
      ("#c#", ["2018-09-25", "2018-09-24"]), ("C", ["2018-09-26", "2018-09-25"]),
    ] {
      let list = try runJournal(["list", "--tag", tag, "--format", "json"], in: dir.url)
      let entries = try json(list.stdout) as? [[String: Any]]
      #expect(entries?.compactMap { $0["date"] as? String } == days, "--tag \(tag)")
    }
    let list = try runJournal(["list", "--on", "2018-09-24", "--format", "json"], in: dir.url)
    #expect(
      (try json(list.stdout) as? [[String: Any]])?.first?["tags"] as? [String] == ["c#", "c++"])
    let plain = try runJournal(["list", "--on", "2018-09-25"], in: dir.url)
    #expect(plain.stdout.hasPrefix("2018-09-25  Tuesday  #c #c# #c++\n"))
    let search = try runJournal(["search", "tag:c#", "--format", "paths"], in: dir.url)
    #expect(search.stdout == "journal/2018/2018-09-25.md\njournal/2018/2018-09-24.md\n")
  }

  /// Each tag has its own page under a folder name that is safe and distinct, showing the tag
  /// as written.
  @Test func siteTagPagesStayApart() throws {
    let dir = try taggedJournal()
    let build = try runJournal(["build"], in: dir.url)
    #expect(build.status == 0, "\(build.stderr)")
    let site = dir.url.appendingPathComponent("_site")
    func page(_ path: String) throws -> String {
      try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }
    // c-<first 8 hex digits of the tag's SHA-256>, from Python's hashlib.
    for (folder, name, count) in [("c", "c", 2), ("c-cedb1bac", "c++", 3), ("c-951a4d36", "c#", 2)]
    {
      let html = try page("tags/\(folder)/index.html")
      #expect(html.contains("<h1>#\(name)</h1>"), "\(folder)")
      #expect(html.components(separatedBy: "<article class=\"summary\"").count - 1 == count)
    }
    let index = try page("tags/index.html")
    for folder in ["c", "c-cedb1bac", "c-951a4d36"] {
      #expect(index.contains("tags/\(folder)/"), "\(folder)")
    }
    #expect(try page("2018/09/24/index.html").contains("tags/c-951a4d36/"))
  }

  @Test(arguments: [
    (["add", "--date", "2018-09-26", "--tag", "1984", "x"], "'1984' is not a tag"),
    (["add", "--date", "2018-09-26", "--tag", "ml.", "x"], "'ml.' is not a tag"),
    (["add", "--date", "2018-09-26", "--tag", "a,b", "x"], "'a,b' is not a tag"),
    (["add", "--date", "2018-09-26", "--tag", "a b", "x"], "'a b' must be one word"),
  ])
  func tagsThatWouldNotReadBackAreRefused(arguments: [String], message: String) throws {
    let dir = TemporaryDirectory("tags-cli-bad")
    try dir.write("journal/2018/2018-09-26.md", "Text.\n")
    let before = dir.snapshot()
    let result = try runJournal(arguments, in: dir.url)
    #expect(result.status == 2)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(dir.snapshot() == before)
  }
}
