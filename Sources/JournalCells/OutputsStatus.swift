import Foundation
import JournalCore

/// What `journal status` reports: the entries whose frozen cell outputs are missing, stale or
/// failed, or whose data could not be found, one line each (`file:line: ...`), and a last line
/// counting the entries with cells.
public enum OutputsStatus {
  /// The report's lines, and whether a cell failed (`journal status` then exits 1).
  public static func report(for journal: Journal) throws -> (lines: [String], failed: Bool) {
    let pipeline = MarkdownPipeline(options: .textOnly)
    let folders = DataFolders(journal: journal)
    var lines: [String] = []
    var anyFailed = false
    var counts = (withCells: 0, current: 0)
    for entry in try journal.entries() {
      let document = pipeline.document(for: entry)
      guard !document.cells.isEmpty else { continue }
      counts.withCells += 1
      let frozen = try FrozenOutputs.load(for: document.date, in: journal)
      let hashes = DataHashCache()
      let states = document.cells.indices.map { index in
        (index, frozen.staleness(of: index, in: document, dataFolders: folders, hashes: hashes))
      }
      let stale = states.filter { $0.1.isStale }
      let unchecked = states.filter { $0.1 != .fresh && !$0.1.isStale }
      let failed = document.cells.filter {
        !$0.options.allowError && frozen[$0.index]?.error != nil
      }
      if let first = failed.first, let error = frozen[first.index]?.error {
        anyFailed = true
        let line = error.innermostFrame(in: document.path)?.line ?? first.line
        lines.append("\(document.path):\(line): cell \(first.index + 1) failed: \(error.type)")
      }
      if !stale.isEmpty, frozen.cells.isEmpty {
        lines.append(
          "\(document.path): outputs missing (\(document.cells.count) "
            + "cell\(document.cells.count == 1 ? "" : "s"))")
      } else if !stale.isEmpty {
        lines.append(
          "\(document.path): outputs stale: \(cellList(stale.map(\.0))) "
            + "(\(stale[0].1))")
      }
      if !unchecked.isEmpty {
        // Current as far as the sources go; only the data could not be checked.
        lines.append(
          "\(document.path): data not found: \(cellList(unchecked.map(\.0))) "
            + "(\(unchecked[0].1))")
      }
      if stale.isEmpty, unchecked.isEmpty, failed.isEmpty { counts.current += 1 }
    }
    lines.append(
      "\(counts.withCells) entr\(counts.withCells == 1 ? "y" : "ies") with cells, "
        + "\(counts.current) up to date")
    return (lines, anyFailed)
  }

  /// `cell 2` or `cells 1, 3` (1-based).
  static func cellList(_ indices: [Int]) -> String {
    "cell\(indices.count == 1 ? "" : "s") " + indices.map { "\($0 + 1)" }.joined(separator: ", ")
  }
}
