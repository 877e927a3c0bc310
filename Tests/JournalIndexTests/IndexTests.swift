import Foundation
import TestSupport
import Testing

@testable import JournalCore
@testable import JournalIndex

@Suite struct IndexTests {
  /// A journal with a few hand-written days.
  func makeJournal() throws -> (TemporaryDirectory, Journal) {
    let dir = TemporaryDirectory("index-test")
    try dir.write(
      "journal/2018/2018-09-01.md",
      """
      #### Django unchained
      - The serializer turns models into JSON.
      - Use `read_only_fields` in `Meta`.

      #### Torch notes
      - nn.LSTM takes (h, c).

      ```python
      torch.manual_seed(1973)
      ```

      """)
    try dir.write(
      "journal/2018/2018-09-02.md",
      """
      ---
      title: A quiet day
      tags: [rest, Walks]
      ---
      Walked by the river. Read about serialization formats.

      #### Reading
      Nothing about serializers here, only the word unchained.

      """)
    try dir.write("journal/2018/2018-08-15.md", "#### Math\nThe sigma $\\sigma^2$ of a gaussian.\n")
    return (dir, Journal(root: dir.url))
  }

  /// Sets every day file's mtime an hour back, as if written long ago.
  func age(_ dir: TemporaryDirectory) throws {
    let root = dir.url.appendingPathComponent("journal")
    for path in try FileManager.default.subpathsOfDirectory(atPath: root.path)
    where path.hasSuffix(".md") {
      try FileManager.default.setAttributes(
        [.modificationDate: Date().addingTimeInterval(-3600)],
        ofItemAtPath: root.appendingPathComponent(path).path)
    }
  }

  @Test func coldIndexHasEntriesSectionsAndTags() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    let (index, report) = try SearchIndex.openUpdated(journal)
    #expect(report.added == 3)
    #expect(report.isNoOp == false)
    #expect(try index.entryCount() == 3)
    #expect(FileManager.default.fileExists(atPath: dir.url.path + "/.journal/index.sqlite"))
    let listed = try index.entries()
    #expect(listed.map(\.date.iso) == ["2018-09-02", "2018-09-01", "2018-08-15"])
    #expect(listed[1].sections.map(\.anchor) == ["django-unchained", "torch-notes"])
    #expect(listed[0].title == "A quiet day")
    #expect(listed[0].tags == ["rest", "walks"])
    #expect(try index.tagCounts().map(\.tag) == ["rest", "walks"])
    let second = try SearchIndex.openUpdated(journal).report
    #expect(second.isNoOp)
    #expect(second.unchanged == 3)
  }

  @Test func hitsLandOnSectionsWithLines() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    let index = try SearchIndex.openUpdated(journal).index
    let hits = try index.search(SearchQuery(parsing: "serializer"))
    // Porter stemming finds `serializers` and `serialization` too; all land on sections.
    #expect(hits.count == 3)
    let first = try #require(hits.first { $0.date.iso == "2018-09-01" })
    #expect(first.heading == "Django unchained")
    #expect(first.anchor == "django-unchained")
    #expect(first.line == 2)
    #expect(first.matches == ["serializer"])
    let torch = try index.search(SearchQuery(parsing: "nn.LSTM"))
    #expect(torch.map(\.anchor) == ["torch-notes"])
    #expect(torch[0].line == 6)
    #expect(
      try index.search(SearchQuery(parsing: "torch.manual_seed")).map(\.anchor)
        == ["torch-notes"])
    #expect(try index.search(SearchQuery(parsing: "read_only_fields")).map(\.line) == [3])
    // The words of an identifier apart are not the identifier.
    #expect(try index.search(SearchQuery(parsing: "read_only_fields.nope")).isEmpty)
  }

  @Test func headingsOutrankBody() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    let index = try SearchIndex.openUpdated(journal).index
    let hits = try index.search(SearchQuery(parsing: "unchained"))
    #expect(hits.map(\.anchor) == ["django-unchained", "reading"])
    #expect(try index.search(SearchQuery(parsing: "title:unchained")).count == 1)
    #expect(try index.search(SearchQuery(parsing: "title:quiet")).map(\.level) == [0])
  }

  @Test func filtersByDateTagAndExclusion() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    let index = try SearchIndex.openUpdated(journal).index
    let sept2 = DateFilter(from: JournalDate(iso: "2018-09-02"), to: JournalDate(iso: "2018-09-02"))
    #expect(try index.search(SearchQuery(parsing: "serializer"), dates: sept2).count == 2)
    #expect(try index.search(SearchQuery(parsing: "serializer tag:walks")).count == 2)
    #expect(try index.search(SearchQuery(parsing: "serializer -json")).count == 2)
    #expect(try index.search(SearchQuery(parsing: "tag:rest")).count == 2)
  }

  @Test func weirdQueriesNeverReachSQLiteRaw() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    let index = try SearchIndex.openUpdated(journal).index
    for text in [
      "well-known", "C++", "@home", "it's", "a/b", "\"", "-", "NOT", "AND OR",
      "\"a", "(", ")", "{x}", "col:umn", "^", "NEAR(a,b)", "*", "-*", "'", "\\", "%_",
    ] {
      _ = try index.search(SearchQuery(parsing: text))
    }
  }

  @Test func incrementalEditAddDeleteRename() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    _ = try SearchIndex.openUpdated(journal)
    // Edit: new content is found, old is gone.
    try dir.write("journal/2018/2018-08-15.md", "#### Math\nThe kurtosis of a gaussian.\n")
    var (index, report) = try SearchIndex.openUpdated(journal)
    #expect(report.changed == 1 && report.unchanged == 2)
    #expect(try index.search(SearchQuery(parsing: "kurtosis")).count == 1)
    #expect(try index.search(SearchQuery(parsing: "sigma")).isEmpty)
    // Add.
    try dir.write("journal/2019/2019-01-01.md", "#### New year\nFireworks.\n")
    (index, report) = try SearchIndex.openUpdated(journal)
    #expect(report.added == 1)
    #expect(
      try index.search(SearchQuery(parsing: "fireworks")).map(\.path)
        == ["journal/2019/2019-01-01.md"])
    // Rename: same bytes under another day.
    try FileManager.default.moveItem(
      at: dir.url.appendingPathComponent("journal/2019/2019-01-01.md"),
      to: dir.url.appendingPathComponent("journal/2019/2019-01-02.md"))
    (index, report) = try SearchIndex.openUpdated(journal)
    #expect(report.renamed == 1 && report.added == 0 && report.deleted == 0)
    let moved = try index.search(SearchQuery(parsing: "fireworks"))
    #expect(moved.map(\.path) == ["journal/2019/2019-01-02.md"])
    #expect(moved.map(\.date.iso) == ["2019-01-02"])
    // Delete.
    try FileManager.default.removeItem(
      at: dir.url.appendingPathComponent("journal/2019/2019-01-02.md"))
    (index, report) = try SearchIndex.openUpdated(journal)
    #expect(report.deleted == 1)
    #expect(try index.search(SearchQuery(parsing: "fireworks")).isEmpty)
    #expect(try index.entryCount() == 3)
    // Touch without change: hashed, not re-indexed.
    let url = dir.url.appendingPathComponent("journal/2018/2018-09-01.md")
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: 1e9)],
      ofItemAtPath: url.path)
    report = try SearchIndex.openUpdated(journal).report
    #expect(report.touched == 1 && report.changed == 0)
  }

  @Test func readingChecksBesideTheQueryAndRetriesWhenStale() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    // No index yet: built first.
    #expect(try SearchIndex.reading(journal) { try $0.entryCount() } == 3)
    let index = try SearchIndex.openUpdated(journal).index
    // Files written within the last seconds are not trusted by their stat alone, but by their
    // bytes: the index is current, and stays so without being written again.
    #expect(try index.storedStamp()?.recent.count == 3)
    #expect(try index.isCurrent())
    #expect(try SearchIndex.openUpdated(journal).report.isNoOp)
    try age(dir)
    _ = try SearchIndex.openUpdated(journal)
    #expect(try index.isCurrent())
    #expect(try index.storedStamp()?.recent.isEmpty == true)
    try dir.write("journal/2018/2018-08-16.md", "#### Later\nA wombat.\n")
    #expect(try index.isCurrent() == false)
    let hits = try SearchIndex.reading(journal) { try $0.search(SearchQuery(parsing: "wombat")) }
    #expect(hits.map(\.date.iso) == ["2018-08-16"])
    try age(dir)
    _ = try SearchIndex.openUpdated(journal)
    #expect(try index.isCurrent())
  }

  @Test func sameSizeSameSecondEditIsSeen() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    _ = try SearchIndex.openUpdated(journal)
    // Same length, written right away: the recent-mtime rule forces a hash check.
    try dir.write("journal/2018/2018-08-15.md", "#### Math\nThe omega $\\sigma^2$ of a gaussian.\n")
    let index = try SearchIndex.openUpdated(journal).index
    #expect(try index.search(SearchQuery(parsing: "omega")).count == 1)
    // Same length and the very same mtime (an edit within one mtime tick): only the bytes of
    // the recent file tell, and they do, to the readers' check and to the update.
    let url = dir.url.appendingPathComponent("journal/2018/2018-08-15.md")
    let tick = mtime(url)
    try dir.write("journal/2018/2018-08-15.md", "#### Math\nThe delta $\\sigma^2$ of a gaussian.\n")
    try setMtime(url, tick)
    #expect(try index.isCurrent() == false)
    let hits = try SearchIndex.reading(journal) { try $0.search(SearchQuery(parsing: "delta")) }
    #expect(hits.map(\.date.iso) == ["2018-08-15"])
    #expect(try index.search(SearchQuery(parsing: "omega")).isEmpty)
  }

  @Test func manyRecentFilesLeaveNoStampUntilTheyAreOld() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    for day in 10...29 { try dir.write("journal/2019/2019-03-\(day).md", "Day \(day).\n") }
    let index = try SearchIndex.openUpdated(journal).index
    // 23 files just written: too many to read at every check, so every check updates instead.
    #expect(try index.storedStamp() == nil)
    #expect(try index.isCurrent() == false)
    #expect(try SearchIndex.openUpdated(journal).report.touched == 0)
    try age(dir)
    #expect(try SearchIndex.openUpdated(journal).report.touched == 23)
    #expect(try index.storedStamp()?.recent.isEmpty == true)
    #expect(try index.isCurrent())
  }

  /// Sets a file's mtime to `nanoseconds` since 1970.
  func setMtime(_ url: URL, _ nanoseconds: Int64) throws {
    let time = timespec(
      tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
    var times = [time, time]
    #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
  }

  /// The modification time of a path, in nanoseconds.
  func mtime(_ url: URL) -> Int64 {
    var info = stat()
    guard stat(url.path, &info) == 0 else { return -1 }
    return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
  }

  @Test func quickFingerprintIsTheListingsAndTracksEveryChange() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    func both() throws -> (quick: String, full: String, files: [String]) {
      let quick = try DayFiles.scan(journal, listing: false)
      let full = try DayFiles.scan(journal)
      #expect(quick.files.isEmpty)
      #expect(quick.count == full.files.count)
      return (quick.fingerprint, full.fingerprint, full.files.map(\.path))
    }
    var seen: Set<String> = []
    let first = try both()
    #expect(first.quick == first.full)
    #expect(first.quick.hasPrefix("3:"))
    #expect(
      first.files
        == [
          "journal/2018/2018-08-15.md", "journal/2018/2018-09-01.md", "journal/2018/2018-09-02.md",
        ])
    seen.insert(first.quick)
    // Each change below gives a fingerprint not seen before, the same by both scans.
    let url = dir.url.appendingPathComponent("journal/2018/2018-08-15.md")
    for change in 0..<4 {
      switch change {
      case 0:
        try FileManager.default.setAttributes(
          [.modificationDate: Date(timeIntervalSince1970: 1e9 + 1)], ofItemAtPath: url.path)
      case 1: try dir.write("journal/2018/2018-08-15.md", "#### Math\nLonger text now.\n")
      case 2: try dir.write("journal/2020/2020-01-01.md", "New.\n")
      default:
        try FileManager.default.moveItem(
          at: dir.url.appendingPathComponent("journal/2020/2020-01-01.md"),
          to: dir.url.appendingPathComponent("journal/2020/2020-01-02.md"))
      }
      let next = try both()
      #expect(next.quick == next.full, "change \(change)")
      #expect(next.files.count == (change < 2 ? 3 : 4), "change \(change)")
      #expect(seen.insert(next.quick).inserted, "change \(change)")
    }
    // Misnamed files are problems, found by the quick scan too, and never fingerprinted.
    let before = try both().quick
    try dir.write("journal/2020/notes.md", "Not a day.\n")
    try dir.write("journal/2020/2019-05-05.md", "Wrong year.\n")
    let quick = try DayFiles.scan(journal, listing: false)
    #expect(quick.fingerprint == before)
    #expect(
      Set(quick.problems.compactMap(\.file))
        == ["journal/2020/notes.md", "journal/2020/2019-05-05.md"])
  }

  @Test func editInPlaceIsSeenThoughItsFolderIsUnchanged() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    try age(dir)
    _ = try SearchIndex.openUpdated(journal)
    let index = try SearchIndex.openUpdated(journal).index
    #expect(try index.isCurrent())
    // Rewriting a file's bytes in place (same size) leaves its folder's mtime alone: only the
    // file's own stat tells, so every file is stat'ed on each check.
    let folder = dir.url.appendingPathComponent("journal/2018")
    let file = folder.appendingPathComponent("2018-08-15.md")
    let folderTime = mtime(folder)
    let handle = try FileHandle(forWritingTo: file)
    try handle.seek(toOffset: 14)
    try handle.write(contentsOf: Data("omega".utf8))
    try handle.close()
    #expect(mtime(folder) == folderTime)
    #expect(try index.isCurrent() == false)
    let (updated, report) = try SearchIndex.openUpdated(journal)
    #expect(report.changed == 1 && report.unchanged == 2)
    #expect(try updated.search(SearchQuery(parsing: "omega")).count == 1)
  }

  @Test func aCurrentIndexIsCheckedWithoutWriting() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    try age(dir)
    _ = try SearchIndex.openUpdated(journal)
    let db = dir.url.appendingPathComponent(".journal/index.sqlite")
    let before = (mtime(db), try Data(contentsOf: db))
    let (index, report) = try SearchIndex.openUpdated(journal)
    #expect(report.isNoOp && report.unchanged == 3)
    let hits = try SearchIndex.reading(journal) { try $0.search(SearchQuery(parsing: "sigma")) }
    #expect(hits.map(\.date.iso) == ["2018-08-15"])
    #expect(try index.search(SearchQuery(parsing: "serializer")).count == 3)
    #expect(mtime(db) == before.0)
    #expect(try Data(contentsOf: db) == before.1)
    let wal = (try? Data(contentsOf: URL(fileURLWithPath: db.path + "-wal"))) ?? Data()
    #expect(wal.isEmpty)
  }

  @Test func aCheckStartedEarlyIsFinishedByTheReadThatTakesIt() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    try age(dir)
    // Without an index there is nothing to check early.
    #expect(SearchIndex.startCheck(journal) == nil)
    _ = try SearchIndex.openUpdated(journal)
    // A reader finishes the check started for it.
    let early = try #require(SearchIndex.startCheck(journal))
    let hits = try SearchIndex.reading(journal, check: early) {
      try $0.search(SearchQuery(parsing: "sigma"))
    }
    #expect(hits.map(\.date.iso) == ["2018-08-15"])
    // So does the quick path of an update, which then sees a change made after it.
    #expect(
      try SearchIndex.openUpdated(journal, check: SearchIndex.startCheck(journal)).report.isNoOp)
    try dir.write("journal/2018/2018-08-16.md", "#### Later\nA wombat.\n")
    #expect(try SearchIndex.openUpdated(journal).report.added == 1)
  }

  @Test func damagedIndexIsRebuilt() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    _ = try SearchIndex.openUpdated(journal)
    let db = dir.url.appendingPathComponent(".journal/index.sqlite")
    for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db.path + suffix) }
    try Data(repeating: 0x5A, count: 8192).write(to: db)
    let (index, report) = try SearchIndex.openUpdated(journal)
    #expect(report.added == 3)
    #expect(try index.search(SearchQuery(parsing: "serializer")).count == 3)
  }

  @Test func indexMissingItsTablesIsRebuiltByAReader() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    try age(dir)
    _ = try SearchIndex.openUpdated(journal)
    let db = dir.url.appendingPathComponent(".journal/index.sqlite").path
    let drop = try runProcess(
      URL(fileURLWithPath: "/usr/bin/sqlite3"),
      [db, "DROP TABLE section_fts"])
    #expect(drop.status == 0, "\(drop.stderr)")
    let hits = try SearchIndex.reading(journal) {
      try $0.search(SearchQuery(parsing: "serializer"))
    }
    #expect(hits.count == 3)
  }

  @Test func badFilesAreReportedNotFatal() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    try dir.write("journal/2018/2018-07-01.md", Data([0x23, 0x20, 0xFF, 0x0A]))
    try dir.write("journal/2018/notes.md", "not a day\n")
    let (index, report) = try SearchIndex.openUpdated(journal)
    #expect(report.added == 4)
    #expect(report.problems.map(\.file) == ["journal/2018/notes.md", "journal/2018/2018-07-01.md"])
    #expect(
      try index.entries().first { $0.date.iso == "2018-07-01" }?.problem?.contains("UTF-8") == true)
  }

  @Test func appenderSeparatesWithOneBlankLine() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    let appender = EntryAppender(journal: journal)
    let day = JournalDate(iso: "2018-08-15")!
    let before = try String(
      contentsOf: dir.url.appendingPathComponent("journal/2018/2018-08-15.md"), encoding: .utf8)
    let (path, line) = try appender.append(
      EntryAppender.block(text: "More.\n", title: "Later", tags: ["ml"]), on: day)
    let after = try String(contentsOf: dir.url.appendingPathComponent(path), encoding: .utf8)
    #expect(after == before + "\n#### Later\n\nMore.\n\n#ml\n")
    #expect(line == 4)
    let fresh = try appender.append("First.\n", on: JournalDate(iso: "2020-02-29")!)
    #expect(fresh.line == 1)
    #expect(
      try String(
        contentsOf: dir.url.appendingPathComponent("journal/2020/2020-02-29.md"),
        encoding: .utf8) == "First.\n")
  }
}

@Suite struct SnippetTests {
  @Test func segmentsSplitAtTheMarksAndFoldWhitespace() {
    let marked =
      "  Use the\n\t\u{E000}Serializer\u{E001}\u{00A0}\u{00A0}for 🐍 \u{E000}JSON\u{E001}…"
    #expect(
      SearchIndex.segments(marked) == [
        .init("Use the ", isMatch: false), .init("Serializer", isMatch: true),
        .init(" for 🐍 ", isMatch: false), .init("JSON", isMatch: true),
        .init("…", isMatch: false),
      ])
    #expect(SearchIndex.hasOpenMark("a \u{E000}b\u{E001}"))
    #expect(!SearchIndex.hasOpenMark("a \u{E001}b \u{E002}"))
  }

  @Test func firstLineIgnoresCaseAndCountsCRLFLines() {
    let file = Data(
      "# Title\r\nnothing here\r\nThe SERIALIZER, again\nserializer\nGröße und\n".utf8)
    #expect(SearchIndex.firstLine(containing: "Serializer", in: file, lines: 1...5) == 3)
    #expect(SearchIndex.firstLine(containing: "serializer", in: file, lines: 4...5) == 4)
    #expect(SearchIndex.firstLine(containing: "serializer", in: file, lines: 1...2) == nil)
    #expect(SearchIndex.firstLine(containing: "GRÖSSE", in: file, lines: 1...5) == nil)
    #expect(SearchIndex.firstLine(containing: "größe", in: file, lines: 1...5) == 5)
    #expect(SearchIndex.firstLine(containing: "und", in: file, lines: 5...9) == 5)
  }
}
