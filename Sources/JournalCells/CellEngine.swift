import Foundation
import JournalCore

/// Something that runs an entry's cells: the embedded interpreter, or a real CPython.
///
/// An engine makes sessions; a session runs one entry's cells in order in one namespace, so later
/// cells see earlier cells' variables.
public protocol CellEngine: Sendable {
  /// The engine's name and version: part of the key of frozen outputs.
  var identity: EngineIdentity { get }
  /// Starts a session for one entry.
  func startSession(_ context: CellSessionContext) throws -> any CellSession
}

/// One entry's run: cells in order, one shared namespace.
public protocol CellSession: AnyObject {
  /// Runs a cell and returns what it produced. A failing cell is not a thrown error: it is a
  /// `CellOutput` with `error` set. Throws only when the session itself broke (the engine
  /// crashed), after which the session cannot run more cells.
  ///
  /// - Parameters:
  ///   - request: the cell, its seed and time limit.
  ///   - onOutput: called with the cell's standard output and error as they are written.
  func run(_ request: CellRequest, onOutput: (CellStreamName, String) -> Void) throws -> CellOutput
  /// Ends the session and frees its resources; safe to call twice.
  func close()
}

/// The engine's name and version, e.g. `cpython` `3.11.7 (numpy 2.4.6)`.
public struct EngineIdentity: Sendable, Hashable, Codable, CustomStringConvertible {
  public var name: String
  public var version: String
  public init(name: String, version: String) {
    self.name = name
    self.version = version
  }
  public var description: String { "\(name) \(version)" }
}

/// What a session needs to know about the entry it runs.
public struct CellSessionContext: Sendable {
  /// The entry's path relative to the journal root (`journal/2018/2018-09-17.md`): tracebacks
  /// name it.
  public var entryPath: String
  /// The journal root.
  public var root: URL
  /// Folders where cells' relative data paths are looked up, in order.
  public var dataFolders: DataFolders

  public init(entryPath: String, root: URL, dataFolders: DataFolders) {
    self.entryPath = entryPath
    self.root = root
    self.dataFolders = dataFolders
  }
}

/// A cell to run.
public struct CellRequest: Sendable, Hashable {
  /// 0-based position among the entry's cells.
  public var index: Int
  public var source: String
  /// 1-based line of the cell's first source line in the entry file: line `k` of `source` is
  /// line `line + k - 1` of the entry, and tracebacks say so.
  public var line: Int
  /// Seeds `random`, NumPy and PyTorch before the cell when set.
  public var seed: Int?
  /// Seconds the cell may run before it fails with `TimeoutError`.
  public var timeout: Double

  public init(index: Int, source: String, line: Int, seed: Int?, timeout: Double) {
    self.index = index
    self.source = source
    self.line = line
    self.seed = seed
    self.timeout = timeout
  }

  public init(cell: Cell, timeout: Double) {
    self.init(
      index: cell.index, source: cell.source, line: cell.line, seed: cell.options.seed,
      timeout: cell.options.timeout ?? timeout)
  }
}

/// Which stream a cell wrote to.
public enum CellStreamName: String, Sendable, Codable {
  case stdout
  case stderr
}
