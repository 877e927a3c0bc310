import Foundation
import TestSupport
import Testing

/// A write that fails half-way through an import (a full disk) leaves nothing behind (issue 19,
/// item 10). `ulimit -f` stands in for the full disk: writes past it fail with EFBIG, and
/// SIGXFSZ, ignored by the shell, stays ignored in `journal`.
@Suite struct ImportFullDiskTests {
  @Test func aFailedWriteLeavesNoTemporaryFile() throws {
    let dir = TemporaryDirectory()
    try dir.write("journal/2018/2018-09-26.md", "mine\n")
    let big = String(repeating: "A long line of the imported journal.\n", count: 3_000)
    try dir.write("in.md", "---\n`2018-09-26`\n" + big + "---\n`2018-09-25`\nsmall\n")
    // The add lock the import takes in .journal/ is state, not journal.
    func journalFiles() -> [String: Data] {
      dir.snapshot().filter { !$0.key.hasPrefix(".journal/") }
    }
    let before = journalFiles()
    let result = try runProcess(
      URL(fileURLWithPath: "/bin/sh"),
      [
        "-c", "trap '' XFSZ; ulimit -f 16; exec \"$0\" import --force in.md",
        TestPaths.journalBinary.path,
      ],
      in: dir.url)
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot write: File too large"), "\(result.stderr)")
    #expect(journalFiles() == before)
  }
}
