import Foundation
import TestSupport
import Testing

/// End to end: the real `journal` binary on temporary folders.
@Suite struct ImportExportCLITests {
  @Test func importThenExportRoundTripsTheSeedJournal() throws {
    guard let seed = TestPaths.shared("journal-2018.md") else { return }
    let dir = TemporaryDirectory()
    let imported = try runJournal(["import", seed.path], in: dir.url)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(
      imported.stdout.contains("imported 16 entries into 16 day files (2018-07-23 to 2018-09-26)"))
    let exported = try runJournal(["export"], in: dir.url)
    #expect(exported.status == 0)
    #expect(Data(exported.stdout.utf8) == (try Data(contentsOf: seed)))
    // --output writes the same bytes to a file; --journal works from anywhere.
    let out = dir.url.appendingPathComponent("out.md")
    let toFile = try runJournal(
      ["export", "--journal", dir.url.path, "-o", out.path],
      in: URL(fileURLWithPath: "/"))
    #expect(toFile.status == 0, "\(toFile.stderr)")
    #expect((try Data(contentsOf: out)) == (try Data(contentsOf: seed)))
  }

  @Test func badDateLineGivesFileLineAndExitOneAndWritesNothing() throws {
    let dir = TemporaryDirectory()
    try dir.write("journal/README.md", "mine\n")
    let input = try dir.write("in.md", "Head\n---\n`2018-09-26`\nok\n---\n`Sept 31st, 2018`\n")
    let before = dir.snapshot()
    let result = try runJournal(["import", input.path], in: dir.url)
    #expect(result.status == 1)
    #expect(
      result.stderr == "journal: \(input.path):6: cannot parse date 'Sept 31st, 2018' "
        + "(expected a date like 'September 26, 2018' or '2018-09-26')\n")
    #expect(dir.snapshot() == before)
  }

  @Test func existingFileConflictNeedsForce() throws {
    let dir = TemporaryDirectory()
    try dir.write("journal/2018/2018-09-26.md", "mine\n")
    let input = try dir.write("in.md", "---\n`2018-09-26`\ntheirs\n")
    let before = dir.snapshot()
    let refused = try runJournal(["import", "in.md"], in: dir.url)
    #expect(refused.status == 1)
    #expect(refused.stderr.hasPrefix("journal: journal/2018/2018-09-26.md:1: already exists"))
    #expect(dir.snapshot() == before)
    let forced = try runJournal(["import", "--force", input.path], in: dir.url)
    #expect(forced.status == 0)
    #expect(forced.stdout.contains("overwrote journal/2018/2018-09-26.md"))
  }

  @Test func notUTF8() throws {
    let dir = TemporaryDirectory()
    try dir.write("journal/.keep", "")
    var bytes = Data("---\n`2018-09-26`\n".utf8)
    bytes.append(contentsOf: [0xFF, 0xFE, 0x0A])
    try dir.write("in.md", bytes)
    let before = dir.snapshot()
    let result = try runJournal(["import", "in.md"], in: dir.url)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("journal: in.md:3: not valid UTF-8"))
    #expect(dir.snapshot() == before)
  }

  @Test func missingFileAndMissingJournal() throws {
    let dir = TemporaryDirectory()
    let missing = try runJournal(["import", "nope.md"], in: dir.url)
    #expect(missing.status == 1)
    #expect(missing.stderr.hasPrefix("journal: nope.md: cannot read"))
    let noJournal = try runJournal(["export"], in: dir.url)
    #expect(noJournal.status == 2)
    #expect(noJournal.stderr.contains("no journal found"))
  }

  @Test func versionAndHelp() throws {
    let version = try runJournal(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.split(separator: ".").count == 3)
    let help = try runJournal(["--help"])
    #expect(help.stdout.contains("import"))
    #expect(help.stdout.contains("export"))
    #expect(help.stdout.contains("--journal") || help.stdout.contains("JOURNAL_DIR"))
  }
}
