import Foundation
import JournalCore
import TestSupport
import Testing

@Suite struct EntryTests {
  let date = JournalDate(iso: "2018-09-26")!

  @Test func frontMatterGivesTitleTagsAndMetadata() throws {
    let source = "---\ntitle: LSTMs\ntags: [torch, rnn, torch]\nmood: good\nsteps: 3\n---\n# Body\n"
    let entry = try Entry(date: date, path: "journal/2018/2018-09-26.md", source: source)
    #expect(entry.title == "LSTMs")
    #expect(entry.frontMatter.tags == ["torch", "rnn"])
    #expect(entry.frontMatter.metadata.map(\.key) == ["mood", "steps"])
    #expect(entry.frontMatter.metadata[1].value == .int(3))
    #expect(entry.body == "# Body\n")
    #expect(entry.bodyLine == 7)
  }

  @Test func commaSeparatedTags() throws {
    let entry = try Entry(date: date, path: "p", source: "---\ntags: \"a, #b\"\n---\n")
    #expect(entry.frontMatter.tags == ["a", "b"])
  }

  @Test func noFrontMatter() throws {
    let entry = try Entry(date: date, path: "p", source: "\n#### torch.nn\n")
    #expect(entry.frontMatter.isEmpty)
    #expect(entry.body == "\n#### torch.nn\n")
    #expect(entry.bodyLine == 1)
  }

  @Test func unclosedFrontMatterIsMarkdown() throws {
    let entry = try Entry(date: date, path: "p", source: "---\nnot closed\n")
    #expect(entry.frontMatter.isEmpty)
    #expect(entry.bodyLine == 1)
  }

  @Test func disagreeingDateIsAnErrorNamingTheFile() throws {
    let source = "---\ntitle: x\ndate: 2018-09-25\n---\n"
    #expect {
      try Entry(date: date, path: "journal/2018/2018-09-26.md", source: source)
    } throws: { error in
      (error as? JournalError)?.description
        == "journal/2018/2018-09-26.md:3: front matter date '2018-09-25' disagrees with the file name (2018-09-26)"
    }
    _ = try Entry(date: date, path: "p", source: "---\ndate: 2018-09-26\n---\n")
  }

  @Test func badYAMLNamesFileAndLine() throws {
    #expect {
      try Entry(date: date, path: "e.md", source: "---\ntitle: ok\ntags: [a, b\n---\n")
    } throws: { error in
      guard let e = error as? JournalError else { return false }
      return e.file == "e.md" && e.line != nil && e.message.hasPrefix("front matter:")
    }
  }

  @Test func journalFolderListsDayFilesAndReportsStrays() throws {
    let dir = TemporaryDirectory()
    try dir.write("journal/2018/2018-09-26.md", "a\n")
    try dir.write("journal/2018/2018-01-02.md", "b\n")
    try dir.write("journal/2018/notes.md", "c\n")
    try dir.write("journal/2019/2018-05-05.md", "d\n")
    try dir.write("journal/README.md", "intro\n")
    let listing = try DayFiles.scan(Journal(root: dir.url))
    #expect(
      listing.files.map(\.path) == ["journal/2018/2018-01-02.md", "journal/2018/2018-09-26.md"])
    #expect(
      listing.problems.map(\.file) == ["journal/2018/notes.md", "journal/2019/2018-05-05.md"])
  }

  @Test func locateFindsNearestJournalUpward() throws {
    let dir = TemporaryDirectory()
    try dir.write("journal/README.md", "x")
    try dir.write("deep/er/file.txt", "x")
    let found = try Journal.locate(
      explicit: nil, environment: [:],
      start: dir.url.appendingPathComponent("deep/er"))
    #expect(
      found.root.standardizedFileURL.resolvingSymlinksInPath().path
        == dir.url.standardizedFileURL.resolvingSymlinksInPath().path)
    let viaEnv = try Journal.locate(
      explicit: nil, environment: ["JOURNAL_DIR": dir.url.path],
      start: URL(fileURLWithPath: "/"))
    #expect(viaEnv.root.path == dir.url.standardizedFileURL.path)
    #expect(throws: JournalError.self) {
      try Journal.locate(explicit: nil, environment: [:], start: URL(fileURLWithPath: "/proc"))
    }
  }

  @Test func readingTenThousandEntries() throws {
    let dir = TemporaryDirectory()
    var d = JournalDate(iso: "1990-01-01")!
    for i in 0..<10_000 {
      try dir.write(Entry.relativePath(for: d), "#### Entry \(i)\n\nSome text with $x_i$.\n")
      d = d.next
    }
    let entries = try Journal(root: dir.url).entries()
    #expect(entries.count == 10_000)
    #expect(entries.first?.date.iso == "1990-01-01")
    #expect(entries[9_999].body == "#### Entry 9999\n\nSome text with $x_i$.\n")
  }
}

@Suite struct JournalDateTests {
  @Test(arguments: [
    ("September 26, 2018", "2018-09-26"), ("Sep 9, 2018", "2018-09-09"),
    ("september 09 2018", "2018-09-09"), ("February 29, 2020", "2020-02-29"),
  ])
  func parsesLongForm(text: String, iso: String) {
    #expect(JournalDate(long: text)?.iso == iso)
  }

  @Test(arguments: ["February 29, 2019", "Septembr 1, 2018", "Sep 1", "13 1, 2018", "Ma 1, 2018"])
  func rejectsBadLongForm(text: String) {
    #expect(JournalDate(long: text) == nil)
  }

  @Test func isoStrict() {
    #expect(JournalDate(iso: "2018-09-26")?.longForm == "September 26, 2018")
    #expect(JournalDate(iso: "2018-9-26") == nil)
    #expect(JournalDate(iso: "2018-13-01") == nil)
    #expect(JournalDate(iso: "2018-09-2６") == nil)
  }

  @Test(arguments: [
    "", "2018-09-2", "2018-09-266", "2018/09/26", "+018-09-26", "2018-09-26.md", "2018--9-26",
    "２018-09-26", "0000-01-01", "2019-02-29", "2018-00-10", "2018-04-31", " 2018-09-26",
  ])
  func isoRejects(text: String) {
    #expect(JournalDate(iso: text) == nil)
  }

  @Test func isoReadsSubstringsAndEveryField() {
    let name = "journal/2016/2016-02-29.md"
    let date = JournalDate(iso: name.dropFirst(13).dropLast(3))
    #expect(date?.year == 2016 && date?.month == 2 && date?.day == 29)
    #expect(JournalDate(iso: "0001-01-01")?.year == 1)
    #expect(JournalDate(iso: "9999-12-31")?.iso == "9999-12-31")
  }

  @Test func epochDaysRoundTrip() {
    #expect(JournalDate(iso: "1970-01-01")!.daysSinceEpoch == 0)
    #expect(JournalDate(iso: "2018-09-26")!.daysSinceEpoch == 17800)
    for n in stride(from: -719_162, through: 2_932_896, by: 997) {
      #expect(JournalDate(daysSinceEpoch: n).daysSinceEpoch == n)
    }
    #expect(JournalDate(iso: "2020-02-28")!.next.iso == "2020-02-29")
    #expect(JournalDate(iso: "2018-12-31")!.next.iso == "2019-01-01")
  }
}
