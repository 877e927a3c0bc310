import Foundation
import JournalCore
import TestSupport
import Testing

/// Import and export keep every journal whole (issue 19, items 9 and 10): export then import is
/// the identity, front matter included; import leaves no temporary files and keeps file modes.
@Suite struct ImportReliabilityTests {
  func day(_ iso: String) -> JournalDate { JournalDate(iso: iso)! }

  /// Exports the journal in `dir`, imports the result into a fresh folder, and returns that
  /// folder with the export.
  func roundTrip(_ dir: TemporaryDirectory) throws -> (TemporaryDirectory, String) {
    let exported = try Exporter(journal: Journal(root: dir.url)).export()
    let copy = TemporaryDirectory("round-trip")
    try copy.write("journal/.keep", "")
    try Importer(journal: Journal(root: copy.url)).importText(exported, displayPath: "x.md")
    return (copy, exported)
  }

  func read(_ dir: TemporaryDirectory, _ path: String) -> String? {
    try? String(contentsOf: dir.url.appendingPathComponent(path), encoding: .utf8)
  }

  @Test func frontMatterSurvivesExportAndImport() throws {
    let dir = TemporaryDirectory("front-matter")
    let first = "---\ntitle: Walks\ntags: [rest]\n---\nBy the river.\n"
    let second = "---\r\ndate: 2018-09-27\r\n---\r\n#### Torch\r\n"
    try dir.write("journal/2018/2018-09-26.md", first)
    try dir.write("journal/2018/2018-09-27.md", second)
    let (copy, exported) = try roundTrip(dir)
    #expect(
      exported == "---\n`September 27, 2018`\n" + second + "---\n`September 26, 2018`\n" + first)
    #expect(read(copy, "journal/2018/2018-09-26.md") == first)
    #expect(read(copy, "journal/2018/2018-09-27.md") == second)
  }

  @Test func aBodyThatWouldBecomeFrontMatterIsStillRefused() throws {
    let text = "---\n`2018-09-26`\n---\nnot: [closed\n---\n"
    let refused = try #require(
      #expect(throws: JournalError.self) {
        try SingleFileJournal.split(text, file: "in.md")
      })
    #expect(refused.line == 3)
    #expect(refused.message.hasPrefix("the entry of 2018-09-26 begins with a '---' line"))
  }

  @Test func exportRefusesADayThatWouldSplitIntoAnother() throws {
    let dir = TemporaryDirectory("split")
    try dir.write("journal/2018/2018-09-26.md", "a\n---\n`September 26, 2018`\nsame day\n")
    try dir.write("journal/2018/2018-09-25.md", "b\n\n---\n### 2018-01-01\nmoved\n")
    let refused = try #require(
      #expect(throws: JournalError.self) { try Exporter(journal: Journal(root: dir.url)).export() })
    #expect(refused.file == "journal/2018/2018-09-25.md")
    #expect(refused.line == 3)
    #expect(
      refused.message == "a '---' line followed by a date line would start a new entry in the "
        + "export; put a blank line between them")
    // A later entry of the same day is how an import keeps two entries of one date.
    try dir.write("journal/2018/2018-09-25.md", "b\n\n---\n\n### 2018-01-01\nstays\n")
    let (copy, _) = try roundTrip(dir)
    #expect(read(copy, "journal/2018/2018-09-26.md") == "a\n---\n`September 26, 2018`\nsame day\n")
    #expect(read(copy, "journal/2018/2018-09-25.md") == "b\n\n---\n\n### 2018-01-01\nstays\n")
  }

  @Test func aDayWithoutALastLineBreakKeepsTheNextDayApart() throws {
    let dir = TemporaryDirectory("no-newline")
    try dir.write("journal/2018/2018-09-26.md", "newest, no line break")
    try dir.write("journal/2018/2018-09-25.md", "older\n")
    let (copy, exported) = try roundTrip(dir)
    #expect(
      exported == "---\n`September 26, 2018`\nnewest, no line break\n"
        + "---\n`September 25, 2018`\nolder\n")
    #expect(read(copy, "journal/2018/2018-09-26.md") == "newest, no line break\n")
    #expect(read(copy, "journal/2018/2018-09-25.md") == "older\n")
  }

  static let lines = [
    "text", "#### Heading", "", "---", "...", "`September 26, 2018`", "### 2018-09-26",
    "2018-09-26", "`not a date`", "- item", "$x$", "```python", "```", "title: x", "\t", "é 😀",
    "    code", "***",
  ]

  /// Day files the tool could have written (each reads as an entry), in journals of a few days.
  static func journal(_ r: inout FuzzRandom) -> String {
    var days: [String] = []
    for n in 0..<r.int(1...5) {
      let iso = "2018-09-\(10 + n * 3)"
      var text = ""
      if r.chance(0.3) {
        text += r.pick([
          "---\ntitle: T\n---\n", "---\ntags: [a, b]\ndate: \(iso)\n---\n",
          "---\r\ntitle: CRLF\r\n---\r\n", "---\n---\n",
        ])
      }
      let end = r.chance(0.2) ? "\r\n" : "\n"
      for _ in 0..<r.int(0...8) { text += r.pick(lines) + end }
      if r.chance(0.1) { text += "no last line break" }
      days.append(iso + "\u{1}" + text)
    }
    return days.joined(separator: "\u{2}")
  }

  /// Issue 19 asks for a property test: every such journal either exports and imports back to
  /// the same day files, or export refuses it naming the day file and line.
  @Test func exportThenImportIsTheIdentity() {
    let report = Fuzz.run("export-import", generate: Self.journal) { encoded in
      let dir = TemporaryDirectory("property")
      var expected: [String: String] = [:]
      for day in encoded.split(separator: "\u{2}", omittingEmptySubsequences: false) {
        let parts = day.split(separator: "\u{1}", maxSplits: 1, omittingEmptySubsequences: false)
        let path = "journal/2018/\(parts[0]).md"
        let text = String(parts[1])
        guard (try? Entry(date: JournalDate(iso: parts[0])!, path: path, source: text)) != nil
        else { continue }
        try dir.write(path, text)
        expected[path] = text.isEmpty || text.utf8.last == UInt8(ascii: "\n") ? text : text + "\n"
      }
      guard let oldest = expected.keys.min() else { return }
      // Newest first: only the oldest day comes last and may end without a line break.
      expected[oldest] = try String(
        contentsOf: dir.url.appendingPathComponent(oldest), encoding: .utf8)
      let journal = Journal(root: dir.url)
      let exported: String
      do {
        exported = try Exporter(journal: journal).export()
      } catch let error as JournalError {
        // A refusal names the day file and the line `entryBreakLine` finds in it.
        let path = error.file ?? ""
        let date = Entry.date(fromFileName: path.split(separator: "/").last ?? "")
        guard let text = expected[path], let line = error.line,
          SingleFileJournal.entryBreakLine(in: text, date: date) == line
        else { throw error }
        return
      }
      let copy = TemporaryDirectory("property-copy")
      try copy.write("journal/.keep", "")
      try Importer(journal: Journal(root: copy.url)).importText(exported, displayPath: "x.md")
      for (path, text) in expected {
        let got = try? String(contentsOf: copy.url.appendingPathComponent(path), encoding: .utf8)
        if got != text {
          throw JournalError(
            .invalidInput,
            "\(path) came back as \(got.debugDescription), not \(text.debugDescription)")
        }
      }
    }
    #expect(report.failures.isEmpty, "\(report)")
    #expect(report.inputs > 0)
  }

  @Test func staleTemporaryFilesOfAKilledImportAreRemoved() throws {
    let dir = TemporaryDirectory("stale")
    try dir.write("journal/2018/.2018-09-26.md.import.tmp", "half")
    try dir.write("journal/2017/.2017-01-01.md.import.tmp", "")
    try dir.write("journal/.README.md.import.tmp", "half")
    try dir.write("journal/2018/.notes", "mine")
    try Importer(journal: Journal(root: dir.url)).importText(
      "---\n`2018-09-27`\nnew\n", displayPath: "in.md")
    let left = try FileManager.default.subpathsOfDirectory(atPath: dir.url.path)
      .filter { !$0.hasPrefix(".journal") }.sorted()
    #expect(
      left == [
        "journal", "journal/2017", "journal/2018", "journal/2018/.notes",
        "journal/2018/2018-09-27.md", "journal/export.yml",
      ])
  }

  @Test func forceKeepsTheModeOfAReplacedFile() throws {
    let dir = TemporaryDirectory("mode")
    let url = try dir.write("journal/2018/2018-09-26.md", "mine\n")
    chmod(url.path, 0o440)
    try Importer(journal: Journal(root: dir.url), force: true).importText(
      "---\n`2018-09-26`\ntheirs\n---\n`2018-09-27`\nnew\n", displayPath: "in.md")
    #expect(read(dir, "journal/2018/2018-09-26.md") == "theirs\n")
    func mode(_ path: String) throws -> Int {
      let attributes = try FileManager.default.attributesOfItem(
        atPath: dir.url.appendingPathComponent(path).path)
      return (attributes[.posixPermissions] as? Int) ?? -1
    }
    #expect(try mode("journal/2018/2018-09-26.md") == 0o440)
    #expect(try mode("journal/2018/2018-09-27.md") == 0o644)
  }
}
