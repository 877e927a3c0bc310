import Foundation
import Testing
import TestSupport

@Suite struct IndexCommandTests {
  /// A synthetic journal of `days` day files, each with two sections.
  func makeJournal(days: Int) throws -> TemporaryDirectory {
    let dir = TemporaryDirectory("index-cli")
    var date = 17_000
    for i in 0..<days {
      let iso = Self.iso(daysSinceEpoch: date)
      try dir.write("journal/\(iso.prefix(4))/\(iso).md", """
        #### Notes \(i)
        Word\(i) and the common word lantern. Some prose about models and torch.nn.Linear.

        #### Code \(i)
        ```python
        x_\(i) = torch.zeros(\(i))
        ```

        """)
      date += 1
    }
    return dir
  }

  static func iso(daysSinceEpoch: Int) -> String {
    let date = Date(timeIntervalSince1970: Double(daysSinceEpoch) * 86400)
    let formatter = DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: date)
  }

  func count(_ dir: TemporaryDirectory, _ word: String) throws -> Int {
    let result = try runJournal(["search", word, "--format", "jsonl", "--limit", "0"], in: dir.url)
    return result.stdout.split(separator: "\n").count
  }

  @Test func indexRebuildAndUpdatesThroughReadCommands() throws {
    let dir = try makeJournal(days: 30)
    let first = try runJournal(["index"], in: dir.url)
    #expect(first.status == 0)
    #expect(first.stdout.hasPrefix("indexed 30 day files in "))
    #expect(first.stdout.hasSuffix(": 30 added, 0 changed, 0 deleted, 0 renamed, 0 unchanged\n"))
    #expect(try count(dir, "lantern") == 30)
    // Edit: a search sees it without an explicit index run.
    let file = try #require(try FileManager.default.subpathsOfDirectory(
      atPath: dir.url.appendingPathComponent("journal").path).filter { $0.hasSuffix(".md") }.sorted().first)
    let url = dir.url.appendingPathComponent("journal/" + file)
    try (String(contentsOf: url, encoding: .utf8) + "A quokka appeared.\n").write(
      to: url, atomically: true, encoding: .utf8)
    #expect(try count(dir, "quokka") == 1)
    // Rename and delete.
    let renamed = url.deletingLastPathComponent().appendingPathComponent("1999-01-01.md")
    try FileManager.default.createDirectory(
      at: dir.url.appendingPathComponent("journal/1999"), withIntermediateDirectories: true)
    try FileManager.default.moveItem(at: url,
      to: dir.url.appendingPathComponent("journal/1999/1999-01-01.md"))
    _ = renamed
    let paths = try runJournal(["search", "quokka", "--format", "paths"], in: dir.url)
    #expect(paths.stdout == "journal/1999/1999-01-01.md\n")
    try FileManager.default.removeItem(at: dir.url.appendingPathComponent("journal/1999/1999-01-01.md"))
    #expect(try count(dir, "quokka") == 0)
    #expect(try count(dir, "lantern") == 29)
    let rebuild = try runJournal(["index", "--rebuild"], in: dir.url)
    #expect(rebuild.stdout.hasSuffix(": 29 added, 0 changed, 0 deleted, 0 renamed, 0 unchanged\n"))
    #expect(FileManager.default.fileExists(atPath: dir.url.path + "/.journal/.gitignore"))
  }

  @Test func corruptIndexIsRebuiltByTheNextCommand() throws {
    let dir = try makeJournal(days: 5)
    _ = try runJournal(["index"], in: dir.url)
    let db = dir.url.appendingPathComponent(".journal/index.sqlite")
    for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db.path + suffix) }
    try Data("this is not a database at all, just some bytes".utf8).write(to: db)
    let result = try runJournal(["search", "lantern", "--format", "paths"], in: dir.url)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\n").count == 5)
  }

  @Test func killedIndexerLeavesAUsableIndex() throws {
    let dir = try makeJournal(days: 1500)
    // Kill the cold index at several points, then check the next command works and is complete.
    for delay in [0.02, 0.15, 0.4] {
      try? FileManager.default.removeItem(at: dir.url.appendingPathComponent(".journal"))
      let process = Process()
      process.executableURL = TestPaths.journalBinary
      process.arguments = ["index"]
      process.currentDirectoryURL = dir.url
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      Thread.sleep(forTimeInterval: delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let next = try runJournal(["search", "word7", "--format", "paths"], in: dir.url)
      #expect(next.status == 0, "after \(delay) s: \(next.stderr)")
      #expect(next.stdout.split(separator: "\n").count == 1)
      #expect(try count(dir, "lantern") == 1500)
      let check = try runJournal(["index"], in: dir.url)
      #expect(check.stdout.hasSuffix(": 0 added, 0 changed, 0 deleted, 0 renamed, 1500 unchanged\n"),
        "\(check.stdout)")
    }
  }
}
