import Foundation
import TestSupport
import Testing

@testable import JournalCore

@Suite struct JournalConfigTests {
  @Test func everyKeyIsRead() throws {
    let config = try JournalConfig.parse(
      """
      title: Lab notes
      description: One file per day.
      author: Ada
      base_url: https://example.org/j
      language: fr
      data: [journal/data, ../shared/data]
      math: katex
      output: public
      params:
        github: https://github.com/ada
        links: [a, b]
      """)
    #expect(config.title == "Lab notes")
    #expect(config.description == "One file per day.")
    #expect(config.author == "Ada")
    #expect(config.baseURL == "https://example.org/j/")
    #expect(config.language == "fr")
    #expect(config.dataFolders == ["journal/data", "../shared/data"])
    #expect(config.math == "katex")
    #expect(config.output == "public")
    #expect(
      config.params
        == .map([
          (key: "github", value: .string("https://github.com/ada")),
          (key: "links", value: .list([.string("a"), .string("b")])),
        ]))
    #expect(config.warnings.isEmpty)
  }

  @Test func anEmptyFileOrOnlyCommentsIsTheDefaults() throws {
    #expect(try JournalConfig.parse("") == JournalConfig())
    #expect(try JournalConfig.parse(JournalConfig.template) == JournalConfig())
  }

  @Test func unknownKeysAreWarningsWithTheirLine() throws {
    let config = try JournalConfig.parse("title: T\nbaseurl: https://x.org/\n")
    #expect(config.title == "T")
    #expect(config.warnings.count == 1)
    #expect(config.warnings.first?.file == "journal.yml")
    #expect(config.warnings.first?.line == 2)
    #expect(config.warnings.first?.message.hasPrefix("unknown key 'baseurl' ignored") == true)
  }

  @Test(arguments: [
    ("title: [a, b]\n", 1, "'title' must be a text"),
    ("title: T\nbase_url: example.org\n", 2, "'base_url' must be an absolute http(s) URL"),
    ("math: mathjax\n", 1, "'math' must be mathml or katex"),
    ("data:\n  - a\n  - [b]\n", 1, "'data' must be a list of folders"),
    ("params: 3\n", 1, "'params' must be a mapping"),
    ("- a\n- b\n", 1, "must be a mapping of keys to values (title: My journal)"),
    ("title: 'open\n", 2, "not valid YAML"),
  ])
  func badValuesNameTheFileAndLine(text: String, line: Int, message: String) {
    #expect {
      _ = try JournalConfig.parse(text)
    } throws: { error in
      guard let error = error as? JournalError else { return false }
      return error.file == "journal.yml" && error.line == line
        && error.message.hasPrefix(message) && error.code == .invalidInput
    }
  }

  @Test func locatingAJournalReadsItsConfigAndDataFolders() throws {
    let dir = TemporaryDirectory("config")
    try dir.write("journal/README.md", "# J\n")
    try dir.write("journal.yml", "title: Mine\ndata: [datasets]\n")
    let journal = try Journal.locate(explicit: dir.url.path)
    #expect(journal.config.title == "Mine")
    #expect(
      journal.config.dataFolderURLs(in: journal).map(\.lastPathComponent) == ["datasets"])
    try dir.write("journal.yml", "title: [\n")
    #expect(throws: JournalError.self) { try Journal.locate(explicit: dir.url.path) }
  }

  @Test func createMakesWhatIsMissingAndRefusesAJournal() throws {
    let dir = TemporaryDirectory("init")
    let root = dir.url.appendingPathComponent("notes")
    #expect(try Journal.create(at: root) == ["journal/", ".gitignore", "journal.yml"])
    let ignore = try String(contentsOf: root.appendingPathComponent(".gitignore"), encoding: .utf8)
    #expect(ignore.contains("/.journal/\n/_site/\n"))
    #expect(
      try String(contentsOf: root.appendingPathComponent("journal.yml"), encoding: .utf8)
        == JournalConfig.template)
    #expect(Journal.isDirectory(root.appendingPathComponent("journal")))
    #expect {
      _ = try Journal.create(at: root)
    } throws: { ($0 as? JournalError)?.code == .conflict }
    // A folder with an imported journal and its own .gitignore gains only what it lacks.
    let other = dir.url.appendingPathComponent("imported")
    try dir.write("imported/journal/2018/2018-09-26.md", "x\n")
    try dir.write("imported/.gitignore", "*.swp\n/_site/")
    #expect(try Journal.create(at: other) == [".gitignore (added /.journal/)", "journal.yml"])
    #expect(
      try String(contentsOf: other.appendingPathComponent(".gitignore"), encoding: .utf8)
        == "*.swp\n/_site/\n/.journal/\n")
  }
}
