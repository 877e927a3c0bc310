import Foundation
import JournalCore

/// Runs an entry's cells in two engines and lists where their outputs differ: the cross-check
/// behind `journal run-entry --compare` (the embedded engine against a real CPython).
public struct CellComparison: Sendable {
  /// One field of one cell that differs.
  public struct Difference: Sendable, Hashable, CustomStringConvertible {
    /// 0-based cell index.
    public var index: Int
    /// The cell's first source line in the entry.
    public var line: Int
    /// `stdout`, `stderr`, `value`, `error` or `figures`.
    public var field: String
    public var first: String
    public var second: String

    public var description: String {
      "cell \(index + 1) (line \(line)): \(field) differs:\n--- first\n\(first)\n--- second\n"
        + "\(second)"
    }
  }

  public var first: any CellEngine
  public var second: any CellEngine
  public var dataFolders: DataFolders
  /// Seconds a cell may run unless its `timeout=` says otherwise.
  public var timeout: Double

  public init(
    first: any CellEngine, second: any CellEngine, dataFolders: DataFolders, timeout: Double = 600
  ) {
    self.first = first
    self.second = second
    self.dataFolders = dataFolders
    self.timeout = timeout
  }

  /// Runs every cell in both engines (nothing is frozen) and returns the differences, cell by
  /// cell. A run stops at a cell that fails without `error=true`, in either engine.
  public func differences(in document: Document, root: URL) throws -> [Difference] {
    let context = CellSessionContext(
      entryPath: document.path, root: root,
      dataFolders: dataFolders)
    let a = try outputs(of: first, document, context)
    let b = try outputs(of: second, document, context)
    var found: [Difference] = []
    for index in 0..<max(a.count, b.count) {
      let line = document.cells[index].line
      guard index < a.count, index < b.count else {
        found.append(
          Difference(
            index: index, line: line, field: "run",
            first: index < a.count ? "ran" : "not run", second: index < b.count ? "ran" : "not run")
        )
        break
      }
      let (x, y) = (a[index], b[index])
      let fields: [(String, String, String)] = [
        ("stdout", x.stdout, y.stdout),
        ("stderr", x.stderr, y.stderr),
        ("value", x.value ?? "None", y.value ?? "None"),
        ("error", Self.summary(x.error, document.path), Self.summary(y.error, document.path)),
        ("figures", "\(x.figures.count)", "\(y.figures.count)"),
      ]
      for (field, p, q) in fields where p != q {
        found.append(Difference(index: index, line: line, field: field, first: p, second: q))
      }
    }
    return found
  }

  /// `ZeroDivisionError: division by zero at line 12`, or `none`.
  static func summary(_ error: CellError?, _ path: String) -> String {
    guard let error else { return "none" }
    let line = error.innermostFrame(in: path).map { " at line \($0.line)" } ?? ""
    return "\(error.type): \(error.message)\(line)"
  }

  private func outputs(
    of engine: any CellEngine, _ document: Document,
    _ context: CellSessionContext
  ) throws -> [CellOutput] {
    let session = try engine.startSession(context)
    defer { session.close() }
    var outputs: [CellOutput] = []
    for cell in document.cells {
      let output = try session.run(CellRequest(cell: cell, timeout: timeout)) { _, _ in }
      outputs.append(output)
      if output.error != nil && !cell.options.allowError { break }
    }
    return outputs
  }
}
