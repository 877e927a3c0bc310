import Foundation
import JournalCore

/// Runs an entry's cells with an engine, reusing frozen outputs that are still current, and
/// freezes the new ones.
public struct CellRunner: Sendable {
  /// What to run.
  public struct Options: Sendable {
    /// 1-based cell to run (the cells before it run too, to build its namespace).
    public var cell: Int?
    /// Run every cell even when its frozen output is current.
    public var force: Bool
    /// Seconds a cell may run unless its `timeout=` says otherwise.
    public var timeout: Double

    public init(cell: Int? = nil, force: Bool = false, timeout: Double = 600) {
      self.cell = cell
      self.force = force
      self.timeout = timeout
    }
  }

  /// What happened during a run, in order, for progress display.
  public enum Event: Sendable {
    /// A cell's frozen output is current and was not run again.
    case reused(index: Int, total: Int, cell: FrozenCell)
    /// A cell starts.
    case started(index: Int, total: Int, line: Int)
    /// A cell wrote to standard output or error.
    case output(index: Int, stream: CellStreamName, text: String)
    /// A cell ended (successfully or not); `elapsed` counts from the start of the entry's run;
    /// `errorAllowed` says the cell has `error=true`.
    case finished(index: Int, total: Int, output: CellOutput, elapsed: Double, errorAllowed: Bool)
  }

  /// The outcome of one entry's run.
  public struct Result: Sendable {
    public var date: JournalDate
    /// 0-based indices of the cells that ran.
    public var ran: [Int]
    /// 0-based indices of the cells whose frozen outputs were reused.
    public var reused: [Int]
    /// The cell that failed without `error=true` (the run stopped there), and its error.
    public var failure: (index: Int, error: CellError)?
    /// Every cell's output after the run, by 0-based index.
    public var outputs: [Int: CellOutput]
  }

  public var journal: Journal
  public var engine: any CellEngine
  public var dataFolders: DataFolders
  public var options: Options

  public init(
    journal: Journal, engine: any CellEngine, dataFolders: DataFolders, options: Options = .init()
  ) {
    self.journal = journal
    self.engine = engine
    self.dataFolders = dataFolders
    self.options = options
  }

  /// Runs the cells of `document` that need it and freezes their outputs.
  public func run(_ document: Document, report: (Event) -> Void) throws -> Result {
    let cells = document.cells
    let total = cells.count
    var frozen = try FrozenOutputs.load(for: document.date, in: journal)
    var result = Result(date: document.date, ran: [], reused: [], failure: nil, outputs: [:])
    guard total > 0 else { return result }
    if let n = options.cell, !(1...total).contains(n) {
      throw JournalError(
        .usage,
        "no cell \(n): the entry has \(total) cell\(total == 1 ? "" : "s")", file: document.path)
    }
    let hashes = DataHashCache()
    let reusable = cells.indices.map { index -> Bool in
      guard let cell = frozen.cells[index], cell.engine == engine.identity,
        cell.output.error == nil || cells[index].options.allowError
      else { return false }
      return !frozen.isStale(index, in: document, dataFolders: dataFolders, hashes: hashes)
    }
    let last: Int?
    if let n = options.cell {
      last = n - 1
    } else if options.force {
      last = total - 1
    } else {
      last = reusable.lastIndex(of: false)
    }
    // A cell needs the namespace the cells before it built, so a run always starts at cell 1.
    if let last {
      let session = try engine.startSession(
        CellSessionContext(
          entryPath: document.path, root: journal.root, dataFolders: dataFolders))
      defer { session.close() }
      let start = Date()
      for index in 0...last {
        let cell = cells[index]
        report(.started(index: index, total: total, line: cell.line))
        var output: CellOutput
        do {
          output = try session.run(CellRequest(cell: cell, timeout: options.timeout)) {
            report(.output(index: index, stream: $0, text: $1))
          }
        } catch let error as JournalError {
          output = CellOutput(
            error: CellError(
              type: "EngineError", message: error.message,
              frames: [
                TracebackFrame(
                  file: document.path, line: cell.line, function: "<module>",
                  text: "")
              ], formatted: "EngineError: \(error.message)\n"))
        }
        report(
          .finished(
            index: index, total: total, output: output,
            elapsed: Date().timeIntervalSince(start), errorAllowed: cell.options.allowError))
        let fresh = freeze(output, of: cells, at: index)
        // Same result as the frozen one: keep it whole, so committed outputs do not change
        // just because a cell took a different time.
        if let old = frozen.cells[index], old.key == fresh.key,
          old.output.withoutDuration == fresh.output.withoutDuration
        {
          frozen.cells[index] = old
        } else {
          frozen.cells[index] = fresh
        }
        result.ran.append(index)
        // Saved as soon as the cell finishes: a run killed later (a crash, kill -9, a timeout
        // of the whole command) keeps the outputs of every cell that had finished.
        frozen.entryPath = document.path
        try frozen.save(in: journal)
        if let error = output.error, !cell.options.allowError || error.type == "EngineError" {
          result.failure = (index, error)
          break
        }
      }
    }
    for index in cells.indices where !result.ran.contains(index) && result.failure == nil {
      if let cell = frozen.cells[index], reusable[index] {
        report(.reused(index: index, total: total, cell: cell))
        result.reused.append(index)
      }
    }
    // Outputs of cells the entry no longer has go once the run is over.
    if frozen.cells.keys.contains(where: { $0 >= total }) {
      frozen.cells = frozen.cells.filter { $0.key < total }
      frozen.entryPath = document.path
      if !result.ran.isEmpty { try frozen.save(in: journal) }
    }
    result.outputs = frozen.outputs
    return result
  }

  private func freeze(_ output: CellOutput, of cells: [Cell], at index: Int) -> FrozenCell {
    var stored = output
    var dataHashes: [String: String] = [:]
    for file in output.dataFiles {
      dataHashes[file.name] = SHA256.hex(fileAt: URL(fileURLWithPath: file.path)) ?? "missing"
    }
    // Where a file was found differs between machines; the name is what the cell wrote.
    stored.dataFiles = output.dataFiles.map { DataFileUse(name: $0.name, path: $0.name) }
    let sourceHash = FrozenOutputs.sourceHash(cells, through: index)
    return FrozenCell(
      index: index, line: cells[index].line, sourceHash: sourceHash,
      engine: engine.identity,
      key: FrozenOutputs.key(
        sourceHash: sourceHash, engine: engine.identity,
        dataHashes: dataHashes),
      dataHashes: dataHashes, output: stored)
  }
}

extension CellOutput {
  /// The output with its duration zeroed, to compare results.
  var withoutDuration: CellOutput {
    var copy = self
    copy.duration = 0
    return copy
  }
}
