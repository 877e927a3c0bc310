import Foundation
import JournalCells
import JournalCore
import TestSupport
import Testing

/// The embedded cell engine through the `CellEngine` protocol: one namespace per entry,
/// tracebacks at entry lines, time limits.
@Suite struct EmbeddedEngineTests {
  func session() throws -> any CellSession {
    let dir = TemporaryDirectory()
    return try EmbeddedEngine().startSession(
      CellSessionContext(
        entryPath: "journal/2018/2018-09-17.md", root: dir.url,
        dataFolders: DataFolders(folders: [])))
  }

  @Test func laterCellsSeeEarlierVariablesAndOutputStreams() throws {
    let s = try session()
    var streamed = ""
    let first = try s.run(
      CellRequest(
        index: 0, source: "x = 6\nprint('x is', x)\n", line: 10,
        seed: nil, timeout: 10)
    ) { _, text in streamed += text }
    #expect(first.stdout == "x is 6\n")
    #expect(streamed == "x is 6\n")
    #expect(first.error == nil)
    let second = try s.run(
      CellRequest(
        index: 1, source: "print(x * 7)\n", line: 20, seed: nil,
        timeout: 10)
    ) { _, _ in }
    #expect(second.stdout == "42\n")
  }

  @Test func failingCellReportsTheEntryLine() throws {
    let s = try session()
    let out = try s.run(
      CellRequest(
        index: 0, source: "a = 1\n\nb = a / 0\n", line: 118, seed: nil,
        timeout: 10)
    ) { _, _ in }
    let error = try #require(out.error)
    #expect(error.type == "ZeroDivisionError")
    #expect(error.innermostFrame(in: "journal/2018/2018-09-17.md")?.line == 120)
    #expect(error.formatted.contains("File \"journal/2018/2018-09-17.md\", line 120, in <module>"))
  }

  @Test func timeLimitEndsTheCell() throws {
    let s = try session()
    let out = try s.run(
      CellRequest(
        index: 0, source: "while True:\n    pass\n", line: 1, seed: nil,
        timeout: 0.3)
    ) { _, _ in }
    #expect(out.error != nil)
    #expect(out.duration < 5)
  }
}
