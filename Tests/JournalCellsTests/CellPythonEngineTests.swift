import Foundation
import TestSupport
import Testing

@testable import JournalCells
@testable import JournalCore

/// The CPython engine, through its driver, on plain CPython (only the standard library).
@Suite struct CellPythonEngineTests {
  static let entry = "journal/2018/2018-09-17.md"

  func session(dataFolders: [URL] = [], root: URL) throws -> any CellSession {
    let engine = try PythonEngine(python: "python3")
    return try engine.startSession(
      CellSessionContext(
        entryPath: Self.entry, root: root,
        dataFolders: DataFolders(folders: dataFolders)))
  }

  @Test func identityNamesCPythonAndItsVersion() throws {
    let engine = try PythonEngine(python: "python3")
    #expect(engine.identity.name == "cpython")
    #expect(engine.identity.version.hasPrefix("3."))
  }

  @Test func missingInterpreterIsAUsageError() {
    #expect(throws: JournalError.self) { try PythonEngine(python: "/nonexistent/python9") }
  }

  @Test func seededCellsShareANamespaceAndReturnTheLastValue() throws {
    let dir = TemporaryDirectory()
    let s = try session(root: dir.url)
    defer { s.close() }
    var streamed = ""
    let first = try s.run(
      CellRequest(
        index: 0,
        source: "import random\nx = random.random()\nprint('x =', x)\n", line: 10, seed: 1,
        timeout: 30)
    ) { _, text in streamed += text }
    #expect(first.stdout == "x = 0.13436424411240122\n")
    #expect(streamed == first.stdout)
    #expect(first.value == nil)
    #expect(first.error == nil)
    let second = try s.run(
      CellRequest(
        index: 1, source: "y = x * 2\n[y, 'a']\n", line: 20,
        seed: nil, timeout: 30)
    ) { _, _ in }
    #expect(second.value == "[0.26872848822480244, 'a']")
    let third = try s.run(
      CellRequest(
        index: 2,
        source: "import random\nrandom.randint(1, 100)\n", line: 30, seed: 1, timeout: 30)
    ) {
      _, _ in
    }
    #expect(third.value == "18")
    let quiet = try s.run(
      CellRequest(
        index: 4, source: "x + 1;\n", line: 50, seed: nil,
        timeout: 30)
    ) { _, _ in }
    #expect(quiet.value == nil)
    #expect(quiet.error == nil)
    let stderr = try s.run(
      CellRequest(
        index: 3,
        source: "import sys\nprint('warn', file=sys.stderr)\n", line: 40, seed: nil, timeout: 30)
    ) {
      _, _ in
    }
    #expect(stderr.stderr == "warn\n")
    #expect(stderr.stdout == "")
    let input = try s.run(
      CellRequest(
        index: 5, source: "answer = input()\n", line: 60,
        seed: nil, timeout: 30)
    ) { _, _ in }
    #expect(input.error?.type == "EOFError")
    let still = try s.run(
      CellRequest(
        index: 6, source: "x\n", line: 70, seed: nil,
        timeout: 30)
    ) { _, _ in }
    #expect(still.value == "0.13436424411240122")
  }

  @Test func tracebackFramesPointAtEntryLines() throws {
    let dir = TemporaryDirectory()
    let s = try session(root: dir.url)
    defer { s.close() }
    let out = try s.run(
      CellRequest(
        index: 0,
        source: "def f(n):\n    return n / 0\nprint('before')\nf(3)\n", line: 116, seed: nil,
        timeout: 30)
    ) { _, _ in }
    let error = try #require(out.error)
    #expect(out.stdout == "before\n")
    #expect(error.type == "ZeroDivisionError")
    #expect(error.message == "division by zero")
    #expect(
      error.frames == [
        TracebackFrame(file: Self.entry, line: 119, function: "<module>", text: "f(3)"),
        TracebackFrame(file: Self.entry, line: 117, function: "f", text: "return n / 0"),
      ])
    #expect(error.formatted.contains("File \"journal/2018/2018-09-17.md\", line 117, in f\n"))
    #expect(error.formatted.hasSuffix("ZeroDivisionError: division by zero\n"))
    let syntax = try s.run(
      CellRequest(
        index: 1, source: "a = 1\nb = (\n", line: 200,
        seed: nil, timeout: 30)
    ) { _, _ in }
    #expect(syntax.error?.type == "SyntaxError")
    #expect(syntax.error?.innermostFrame(in: Self.entry)?.line == 201)
  }

  @Test func slowCellTimesOutAndTheSessionGoesOn() throws {
    let dir = TemporaryDirectory()
    let s = try session(root: dir.url)
    defer { s.close() }
    let out = try s.run(
      CellRequest(
        index: 0, source: "n = 0\nwhile True:\n    n += 1\n",
        line: 5, seed: nil, timeout: 0.5)
    ) { _, _ in }
    #expect(out.error?.type == "TimeoutError")
    #expect(out.error?.message == "cell exceeded its time limit of 0.5 s")
    #expect(out.error?.innermostFrame(in: Self.entry).map { (6...7).contains($0.line) } == true)
    #expect(out.duration < 5)
    let after = try s.run(
      CellRequest(
        index: 1, source: "n > 0\n", line: 20, seed: nil,
        timeout: 30)
    ) { _, _ in }
    #expect(after.value == "True")
  }

  @Test func dataFilesResolveInTheDataFoldersAndAreReported() throws {
    let dir = TemporaryDirectory()
    try dir.write("journal/data/a.txt", "from journal/data\n")
    try dir.write("extra/b.txt", "from extra\n")
    let folders = [
      dir.url.appendingPathComponent("journal/data"),
      dir.url.appendingPathComponent("extra"),
    ]
    let s = try session(dataFolders: folders, root: dir.url)
    defer { s.close() }
    let out = try s.run(
      CellRequest(
        index: 0,
        source: "print(open('a.txt').read(), end='')\nwith open('b.txt') as f:\n"
          + "    print(f.read(), end='')\n",
        line: 3, seed: nil, timeout: 30)
    ) { _, _ in }
    #expect(out.error == nil)
    #expect(out.stdout == "from journal/data\nfrom extra\n")
    #expect(out.dataFiles.map(\.name) == ["a.txt", "b.txt"])
    #expect(out.dataFiles.last?.path == folders[1].appendingPathComponent("b.txt").path)
  }

  @Test func missingDataFileNamesTheFileTheFoldersAndJournalData() throws {
    let dir = TemporaryDirectory()
    let folder = dir.url.appendingPathComponent("journal/data")
    let s = try session(dataFolders: [folder], root: dir.url)
    defer { s.close() }
    let out = try s.run(
      CellRequest(
        index: 0, source: "rows = open('names/Nope.txt').read()\n",
        line: 42, seed: nil, timeout: 30)
    ) { _, _ in }
    let error = try #require(out.error)
    #expect(error.type == "FileNotFoundError")
    #expect(error.message == DataFolders(folders: [folder]).missingMessage(for: "names/Nope.txt"))
    #expect(error.message.contains("'names/Nope.txt' not found; looked in \(folder.path)"))
    #expect(error.message.contains("JOURNAL_DATA"))
    #expect(error.innermostFrame(in: Self.entry)?.line == 42)
  }
}
