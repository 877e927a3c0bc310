import Foundation
import JournalCells
import JournalCore
import TestSupport
import Testing

/// An engine that "runs" a cell by echoing its source, and counts what it did.
final class EchoEngine: CellEngine, @unchecked Sendable {
  let identity: EngineIdentity
  private let lock = NSLock()
  private var _sessions = 0
  private var _ran: [Int] = []
  /// Cells (0-based) that fail with a ValueError.
  var failing: Set<Int> = []
  /// A cell at which the session dies with a non-journal error, as if the run were interrupted.
  var interruptAt: Int?
  /// A cell at which the engine crashes (a `JournalError` from the session).
  var crashAt: Int?

  init(version: String = "1") { identity = EngineIdentity(name: "echo", version: version) }

  var sessions: Int { lock.withLock { _sessions } }
  var ran: [Int] { lock.withLock { _ran } }

  struct Interrupted: Error {}

  func startSession(_ context: CellSessionContext) throws -> any CellSession {
    lock.withLock { _sessions += 1 }
    return Session(engine: self, entry: context.entryPath)
  }

  final class Session: CellSession {
    let engine: EchoEngine
    let entry: String
    init(engine: EchoEngine, entry: String) {
      self.engine = engine
      self.entry = entry
    }
    func run(_ request: CellRequest, onOutput: (CellStreamName, String) -> Void) throws
      -> CellOutput
    {
      if engine.interruptAt == request.index { throw Interrupted() }
      if engine.crashAt == request.index {
        throw JournalError(.io, "the engine crashed", file: entry, line: request.line)
      }
      engine.lock.withLock { engine._ran.append(request.index) }
      onOutput(.stdout, request.source)
      // A different duration on every run, as with a real engine.
      var output = CellOutput(
        stdout: request.source, value: "\(request.index)",
        duration: Double(engine.ran.count))
      if engine.failing.contains(request.index) {
        output.error = CellError(
          type: "ValueError", message: "bad",
          frames: [
            TracebackFrame(
              file: entry, line: request.line, function: "<module>",
              text: "")
          ], formatted: "ValueError: bad\n")
      }
      return output
    }
    func close() {}
  }
}

@Suite struct CellRunnerTests {
  static func journal(_ dir: TemporaryDirectory, cells: [String]) throws -> (Journal, Document) {
    var text = "# Entry\n\n"
    for cell in cells {
      text += "```python run \(cell.hasPrefix("#ok") ? "error=true" : "")\n\(cell)\n```\n\n"
    }
    try dir.write("journal/2018/2018-09-17.md", text)
    let journal = Journal(root: dir.url)
    let entry = try #require(try journal.entry(on: JournalDate(iso: "2018-09-17")!))
    return (journal, MarkdownPipeline().document(for: entry))
  }

  func runner(_ journal: Journal, _ engine: EchoEngine, _ options: CellRunner.Options = .init())
    -> CellRunner
  {
    CellRunner(
      journal: journal, engine: engine, dataFolders: DataFolders(folders: []),
      options: options)
  }

  @Test func frozenOutputsAreReusedWithoutStartingTheEngine() throws {
    let dir = TemporaryDirectory()
    let (journal, document) = try Self.journal(dir, cells: ["a = 1", "b = 2", "c = 3"])
    let engine = EchoEngine()
    let first = try runner(journal, engine).run(document) { _ in }
    #expect(first.ran == [0, 1, 2])
    #expect(first.outputs[1]?.stdout == "b = 2\n")
    let before = dir.snapshot()
    var events: [String] = []
    let second = try runner(journal, engine).run(document) { event in
      if case .reused(let index, let total, _) = event { events.append("\(index)/\(total)") }
    }
    #expect(engine.sessions == 1)
    #expect(second.ran == [])
    #expect(second.reused == [0, 1, 2])
    #expect(events == ["0/3", "1/3", "2/3"])
    #expect(second.outputs[2]?.value == "2")
    #expect(dir.snapshot() == before)
  }

  @Test func anEditReRunsFromTheFirstCellAndAnotherEngineReRunsAll() throws {
    let dir = TemporaryDirectory()
    let (journal, document) = try Self.journal(dir, cells: ["a = 1", "b = 2", "c = 3"])
    let engine = EchoEngine()
    _ = try runner(journal, engine).run(document) { _ in }
    let (_, edited) = try Self.journal(dir, cells: ["a = 1", "b = 20", "c = 3"])
    let result = try runner(journal, engine).run(edited) { _ in }
    #expect(result.ran == [0, 1, 2])
    #expect(result.outputs[1]?.stdout == "b = 20\n")
    let newer = EchoEngine(version: "2")
    #expect(try runner(journal, newer).run(edited) { _ in }.ran == [0, 1, 2])
    #expect(try runner(journal, newer).run(edited) { _ in }.ran == [])
  }

  @Test func cellOptionRunsUpToThatCellAndKeepsTheRest() throws {
    let dir = TemporaryDirectory()
    let (journal, document) = try Self.journal(dir, cells: ["a = 1", "b = 2", "c = 3"])
    let engine = EchoEngine()
    _ = try runner(journal, engine).run(document) { _ in }
    let result = try runner(journal, engine, .init(cell: 2)).run(document) { _ in }
    #expect(result.ran == [0, 1])
    #expect(result.reused == [2])
    #expect(throws: JournalError.self) {
      try runner(journal, engine, .init(cell: 4)).run(document) { _ in }
    }
    let manifest = FrozenOutputs.folder(for: document.date, in: journal)
      .appendingPathComponent("outputs.json")
    let before = try Data(contentsOf: manifest)
    #expect(
      try runner(journal, engine, .init(force: true)).run(document) { _ in }.ran == [0, 1, 2])
    // Same outputs: the frozen file is kept byte for byte (durations included).
    #expect(try Data(contentsOf: manifest) == before)
  }

  @Test func aFailingCellStopsTheRunUnlessItAllowsErrors() throws {
    let dir = TemporaryDirectory()
    let (journal, document) = try Self.journal(dir, cells: ["a = 1", "#ok", "b = 2", "c = 3"])
    let engine = EchoEngine()
    engine.failing = [1, 2]
    let result = try runner(journal, engine).run(document) { _ in }
    #expect(result.ran == [0, 1, 2])
    #expect(result.failure?.index == 2)
    #expect(result.failure?.error.type == "ValueError")
    let frozen = try FrozenOutputs.load(for: document.date, in: journal)
    #expect(frozen[1]?.error?.type == "ValueError")
    #expect(frozen[2]?.error?.type == "ValueError")
    #expect(frozen[3] == nil)
    // A failed cell is run again next time; a recorded error=true failure counts as current.
    engine.failing = []
    let again = try runner(journal, engine).run(document) { _ in }
    #expect(again.ran == [0, 1, 2, 3])
    #expect(again.failure == nil)
  }

  @Test func anEngineCrashFailsTheCellEvenWithErrorTrue() throws {
    let dir = TemporaryDirectory()
    let (journal, document) = try Self.journal(dir, cells: ["a = 1", "#ok", "b = 2"])
    let engine = EchoEngine()
    engine.crashAt = 1
    var finished: [String] = []
    let result = try runner(journal, engine).run(document) { event in
      if case .finished(let index, _, let output, _, let allowed) = event {
        finished.append("\(index) \(output.error?.type ?? "ok") \(allowed)")
      }
    }
    #expect(finished == ["0 ok false", "1 EngineError true"])
    #expect(result.failure?.index == 1)
    #expect(result.failure?.error.message == "the engine crashed")
    #expect(result.failure?.error.frames.first?.line == document.cells[1].line)
  }

  /// Issue 19: a run that dies part-way keeps what its finished cells printed, and the previous
  /// outputs of the cells it did not finish.
  @Test func anInterruptedRunKeepsThePreviousOutputs() throws {
    let dir = TemporaryDirectory()
    let (journal, document) = try Self.journal(dir, cells: ["a = 1", "b = 2"])
    let engine = EchoEngine()
    _ = try runner(journal, engine).run(document) { _ in }
    let before = dir.snapshot()
    let (_, edited) = try Self.journal(dir, cells: ["a = 10", "b = 2"])
    engine.interruptAt = 1
    #expect(throws: EchoEngine.Interrupted.self) {
      try runner(journal, engine).run(edited) { _ in }
    }
    let outputs = try FrozenOutputs.load(for: edited.date, in: journal)
    let previous = try #require(before.keys.first { $0.hasSuffix("outputs.json") })
    #expect(outputs.cells.keys.sorted() == [0, 1])
    #expect(outputs.cells[0]?.sourceHash == FrozenOutputs.sourceHash(edited.cells, through: 0))
    #expect(outputs.cells[1]?.sourceHash == FrozenOutputs.sourceHash(document.cells, through: 1))
    #expect(dir.snapshot()[previous] != before[previous])
  }
}
