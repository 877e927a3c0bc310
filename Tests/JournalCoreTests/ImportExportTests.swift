import Foundation
import JournalCore
import TestSupport
import Testing

@Suite struct ImportExportTests {
  let seedText: String? = TestPaths.shared("journal-2018.md").flatMap {
    try? String(contentsOf: $0, encoding: .utf8)
  }

  @Test func seedJournalRoundTripsByteForByte() throws {
    guard let seed = TestPaths.shared("journal-2018.md") else { return }
    let dir = TemporaryDirectory()
    let journal = Journal(root: dir.url)
    let report = try Importer(journal: journal).importFile(at: seed, displayPath: "journal-2018.md")
    #expect(report.entryCount == 16)
    #expect(report.dates.count == 16)
    #expect(report.dates.first?.iso == "2018-07-23")
    #expect(report.dates.last?.iso == "2018-09-26")
    let expectedDates = [
      "2018-07-23", "2018-08-13", "2018-08-15", "2018-08-24", "2018-08-28", "2018-09-01",
      "2018-09-02", "2018-09-08", "2018-09-09", "2018-09-12", "2018-09-17", "2018-09-19",
      "2018-09-23", "2018-09-24", "2018-09-25", "2018-09-26",
    ]
    #expect(report.dates.map(\.iso) == expectedDates)
    let exported = try Exporter(journal: journal).export()
    #expect(Data(exported.utf8) == (try Data(contentsOf: seed)))
    // The header became journal/README.md.
    let readme = try String(contentsOf: journal.readmeURL, encoding: .utf8)
    #expect(readme.hasPrefix("# Journal :postbox:\n"))
    #expect(readme.hasSuffix("in chrome.\n\n"))
    // The default layout needs no export.yml.
    #expect(!FileManager.default.fileExists(atPath: journal.url(for: "journal/export.yml").path))
    // Day files hold the body after the date line, verbatim (tabs and trailing spaces kept).
    let day = try String(
      contentsOf: journal.entryURL(for: JournalDate(iso: "2018-09-26")!),
      encoding: .utf8)
    #expect(day.hasPrefix("\n#### torch.nn\n"))
    #expect(day.contains("\t- Shared weights means fewer parameters to train.\n"))
    #expect(day.contains("- nn.LSTM: Suppose we have 2 layers. \n"))
    // Reading the folder back gives the same 16 entries.
    let entries = try journal.entries()
    #expect(entries.map(\.date.iso) == expectedDates)
  }

  @Test func reimportOfSameFileIsANoOp() throws {
    guard let seed = TestPaths.shared("journal-2018.md") else { return }
    let dir = TemporaryDirectory()
    let journal = Journal(root: dir.url)
    try Importer(journal: journal).importFile(at: seed, displayPath: "seed.md")
    let before = dir.snapshot()
    let again = try Importer(journal: journal).importFile(at: seed, displayPath: "seed.md")
    #expect(again.written.isEmpty)
    #expect(again.unchanged.count == 17)
    #expect(dir.snapshot() == before)
  }

  /// Imports `text`, checks the export is identical, and returns the folder's files.
  func roundTrip(_ text: String) throws -> [String: String] {
    let dir = TemporaryDirectory()
    let journal = Journal(root: dir.url)
    try Importer(journal: journal).importText(text, displayPath: "in.md")
    #expect(try Exporter(journal: journal).export() == text)
    return dir.snapshot().mapValues { String(decoding: $0, as: UTF8.self) }
  }

  @Test func isoAndHeadingDateLines() throws {
    let files = try roundTrip(
      "Intro\n---\n`2018-09-26`\nA\n---\n### 2018-09-25\nB\n---\n2018-09-24\nC\n")
    #expect(files["journal/2018/2018-09-26.md"] == "A\n")
    #expect(files["journal/2018/2018-09-25.md"] == "B\n")
    #expect(files["journal/2018/2018-09-24.md"] == "C\n")
    #expect(files["journal/README.md"] == "Intro\n")
  }

  @Test func sameDateEntriesMergeInOrderWithoutLoss() throws {
    let text =
      "H\n---\n`September 2, 2018`\nsecond\n---\n`September 2, 2018`\nfirst\n"
      + "---\n`September 1, 2018`\nolder\n"
    let files = try roundTrip(text)
    #expect(
      files["journal/2018/2018-09-02.md"]
        == "second\n---\n`September 2, 2018`\nfirst\n")
  }

  @Test func outOfOrderAndSplitDuplicatesStillRoundTrip() throws {
    let text =
      "---\n`2018-09-01`\na\n---\n`2018-09-03`\nb\n---\n`2018-09-01`\nc\n"
      + "---\n`2018-09-02`\nd"
    let files = try roundTrip(text)
    #expect(files["journal/export.yml"]?.contains("order: sequence") == true)
    #expect(files["journal/2018/2018-09-02.md"] == "d")
  }

  @Test func oldestFirstCRLFAndUnusualDateLinesRoundTrip() throws {
    _ = try roundTrip("Head\r\n---\r\n`Sep 1, 2018`\r\nx\r\n---  \r\n`September 2, 2018`\r\ny\r\n")
    _ = try roundTrip("---\n`September 01, 2018`\n\n\n\t \n---\n`2018-09-02`")
    _ = try roundTrip("no header\n\n---\n`September 9, 2018`\n\n---\nnot a date line\n---\n")
  }

  @Test func horizontalRulesInsideEntriesAreBody() throws {
    let files = try roundTrip("---\n`2018-09-02`\nabove\n---\nbelow\n\n---\n\n`code`\n")
    #expect(files["journal/2018/2018-09-02.md"] == "above\n---\nbelow\n\n---\n\n`code`\n")
  }

  // MARK: Bad input: an error naming file and line, and nothing written.

  func expectImportFails(
    _ data: Data, message: String, line: Int?, existing: [String: String] = [:],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let dir = TemporaryDirectory()
    for (path, text) in existing { try dir.write(path, text) }
    let before = dir.snapshot()
    let input = try dir.write("../in-\(UUID().uuidString).md", data)
    defer { try? FileManager.default.removeItem(at: input) }
    do {
      try Importer(journal: Journal(root: dir.url)).importFile(at: input, displayPath: "in.md")
      Issue.record("import succeeded", sourceLocation: sourceLocation)
    } catch let error as JournalError {
      #expect(error.description.contains(message), "\(error)", sourceLocation: sourceLocation)
      if let line { #expect(error.line == line, sourceLocation: sourceLocation) }
      #expect(error.description.hasPrefix(error.file ?? "?"), sourceLocation: sourceLocation)
    }
    #expect(dir.snapshot() == before, "the journal folder changed", sourceLocation: sourceLocation)
  }

  @Test func unparseableDateLineStopsTheImport() throws {
    try expectImportFails(
      Data("Head\n---\n`September 26, 2018`\nok\n---\n`Septembr 31, 2018`\nbad\n".utf8),
      message: "in.md:6: cannot parse date 'Septembr 31, 2018'", line: 6)
    try expectImportFails(
      Data("---\n`February 30, 2018`\nx\n".utf8),
      message: "cannot parse date 'February 30, 2018'", line: 2)
  }

  @Test func nonUTF8StopsTheImport() throws {
    var data = Data("Head\n---\n`2018-09-26`\nline three\ncaf".utf8)
    data.append(contentsOf: [0xE9, 0x0A])
    try expectImportFails(data, message: "in.md:5: not valid UTF-8", line: 5)
  }

  @Test func noEntriesStopsTheImport() throws {
    try expectImportFails(
      Data("just notes\n---\nno date here\n".utf8),
      message: "no entries found", line: 1)
  }

  @Test func existingDayFileWithOtherContentStopsTheImport() throws {
    try expectImportFails(
      Data("---\n`2018-09-26`\nnew\n---\n`2018-09-25`\nalso new\n".utf8),
      message: "journal/2018/2018-09-26.md:1: already exists with different content",
      line: 1, existing: ["journal/2018/2018-09-26.md": "mine\n"])
  }

  @Test func forceOverwritesAndReportsIt() throws {
    let dir = TemporaryDirectory()
    try dir.write("journal/2018/2018-09-26.md", "mine\n")
    let report = try Importer(journal: Journal(root: dir.url), force: true)
      .importText("---\n`2018-09-26`\nnew\n", displayPath: "in.md")
    #expect(report.overwritten == ["journal/2018/2018-09-26.md"])
    #expect(
      try String(
        contentsOf: dir.url.appendingPathComponent("journal/2018/2018-09-26.md"),
        encoding: .utf8) == "new\n")
  }

  /// A body that opens with front matter that reads is what `export` writes for a day file
  /// with front matter (`ImportReliabilityTests`); one that does not read is refused.
  @Test func bodyThatWouldReadAsFrontMatterIsRefused() throws {
    try expectImportFails(
      Data("---\n`2018-09-26`\n---\ntitle: [x\n---\n".utf8),
      message: "would read as front matter", line: 3)
  }
}
