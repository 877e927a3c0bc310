import Foundation
import JournalCore

/// What `journal status` reports: the entries whose frozen cell outputs are missing, stale or
/// failed, or whose data could not be found, one line each (`file:line: ...`), and a last line
/// counting the entries with cells.
public enum OutputsStatus {
  /// One thing the report says of an entry.
  struct Finding {
    enum Kind { case failed, missing, stale, dataNotFound }
    var kind: Kind
    var path: String
    var line: Int?
    var message: String

    var text: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(message)" }
  }

  /// What the report says, entry by entry, and the counts of its last line.
  static func findings(for journal: Journal, documents: [Document]) throws
    -> (findings: [Finding], withCells: Int, current: Int)
  {
    let folders = DataFolders(journal: journal)
    var findings: [Finding] = []
    var counts = (withCells: 0, current: 0)
    for document in documents {
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
        let line = error.innermostFrame(in: document.path)?.line ?? first.line
        findings.append(
          Finding(
            kind: .failed, path: document.path, line: line,
            message: "cell \(first.index + 1) failed: \(error.type)"))
      }
      if !stale.isEmpty, frozen.cells.isEmpty {
        findings.append(
          Finding(
            kind: .missing, path: document.path, line: nil,
            message: "outputs missing (\(document.cells.count) "
              + "cell\(document.cells.count == 1 ? "" : "s"))"))
      } else if !stale.isEmpty {
        findings.append(
          Finding(
            kind: .stale, path: document.path,
            line: document.cells[stale[0].0].line,
            message: "outputs stale: \(cellList(stale.map(\.0))) (\(stale[0].1))"))
      }
      if !unchecked.isEmpty {
        // Current as far as the sources go; only the data could not be checked.
        findings.append(
          Finding(
            kind: .dataNotFound, path: document.path, line: nil,
            message: "data not found: \(cellList(unchecked.map(\.0))) (\(unchecked[0].1))"))
      }
      if stale.isEmpty, unchecked.isEmpty, failed.isEmpty { counts.current += 1 }
    }
    return (findings, counts.withCells, counts.current)
  }

  /// The report's lines, and whether a cell failed (`journal status` then exits 1).
  public static func report(for journal: Journal) throws -> (lines: [String], failed: Bool) {
    let pipeline = MarkdownPipeline(options: .textOnly)
    let documents = try journal.entries().map { pipeline.document(for: $0) }
    let (findings, withCells, current) = try findings(for: journal, documents: documents)
    var lines = findings.map { finding in
      // `status` has always named the file alone for stale outputs.
      finding.kind == .stale
        ? Finding(kind: .stale, path: finding.path, line: nil, message: finding.message).text
        : finding.text
    }
    lines.append(
      "\(withCells) entr\(withCells == 1 ? "y" : "ies") with cells, \(current) up to date")
    return (lines, findings.contains { $0.kind == .failed })
  }

  /// The cells `journal check` reports: failed, and outputs missing or stale (data that is not
  /// found is not a fault of the journal).
  public static func problems(for journal: Journal, documents: [Document]) throws
    -> [JournalError]
  {
    try findings(for: journal, documents: documents).findings.filter { $0.kind != .dataNotFound }
      .map {
        JournalError(.invalidInput, $0.message, file: $0.path, line: $0.line)
      }
  }

  /// `cell 2` or `cells 1, 3` (1-based).
  static func cellList(_ indices: [Int]) -> String {
    "cell\(indices.count == 1 ? "" : "s") " + indices.map { "\($0 + 1)" }.joined(separator: ", ")
  }
}
