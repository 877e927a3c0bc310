import Foundation
import JournalCore

/// What `journal status` reports: the entries whose frozen cell outputs are missing, stale or
/// failed, one line each (`file:line: ...`), and a last line counting the entries with cells.
public enum OutputsStatus {
  public static func report(for journal: Journal) throws -> [String] {
    let pipeline = MarkdownPipeline(options: .textOnly)
    let folders = DataFolders(journal: journal)
    var lines: [String] = []
    var counts = (withCells: 0, current: 0)
    for entry in try journal.entries() {
      let document = pipeline.document(for: entry)
      guard !document.cells.isEmpty else { continue }
      counts.withCells += 1
      let frozen = try FrozenOutputs.load(for: document.date, in: journal)
      let hashes = DataHashCache()
      let stale = document.cells.indices.compactMap { index -> (Int, Staleness)? in
        let state = frozen.staleness(of: index, in: document, dataFolders: folders,
          hashes: hashes)
        return state == .fresh ? nil : (index, state)
      }
      let failed = document.cells.filter {
        !$0.options.allowError && frozen[$0.index]?.error != nil
      }
      if let first = failed.first, let error = frozen[first.index]?.error {
        let line = error.innermostFrame(in: document.path)?.line ?? first.line
        lines.append("\(document.path):\(line): cell \(first.index + 1) failed: \(error.type)")
      }
      if stale.isEmpty {
        if failed.isEmpty { counts.current += 1 }
      } else if frozen.cells.isEmpty {
        lines.append("\(document.path): outputs missing (\(document.cells.count) "
          + "cell\(document.cells.count == 1 ? "" : "s"))")
      } else {
        let cells = stale.map { "\($0.0 + 1)" }.joined(separator: ", ")
        lines.append("\(document.path): outputs stale: cell\(stale.count == 1 ? "" : "s") "
          + "\(cells) (\(stale[0].1))")
      }
    }
    lines.append("\(counts.withCells) entr\(counts.withCells == 1 ? "y" : "ies") with cells, "
      + "\(counts.current) up to date")
    return lines
  }
}
