import Foundation
import JournalCells
import JournalCore

/// Each runnable cell's frozen outputs (text, value, figures, error) as HTML, put after the cell by
/// the Markdown pipeline. The site only reads frozen outputs; it never runs code.
enum CellOutputHTML {
  /// The Markdown pipeline's cell hook for an entry with frozen outputs: after each cell, its
  /// output, flagged when it is stale (the cell, a cell before it, or a data file changed) or
  /// when a data file it read was not found, so it could not be checked (not stale: nothing
  /// says it changed).
  static func outputs(_ frozen: FrozenOutputs, dataFolders: DataFolders) -> CellOutputs {
    let hashes = DataHashCache()
    return { cells in
      guard let cell = cells.last, cell.options.output, let output = frozen[cell.index] else {
        return ""
      }
      let staleness = frozen.staleness(
        of: cell.index, cells: cells, dataFolders: dataFolders, hashes: hashes)
      return block(output, index: cell.index, staleness: staleness)
    }
  }

  static func block(_ output: CellOutput, index: Int, staleness: Staleness) -> String {
    var parts: [String] = []
    if staleness.isStale {
      parts.append("<p class=\"cell-stale\">These outputs were frozen from an earlier version "
        + "of the cell; run <code>journal run-entry</code> to refresh them.</p>")
    } else if case .dataMissing(let name) = staleness {
      parts.append("<p class=\"cell-note\">The data file <code>\(HTMLEscaping.escape(name))"
        + "</code> was not found when the site was built, so these outputs could not be "
        + "checked against it.</p>")
    }
    if !output.stdout.isEmpty {
      parts.append("<pre class=\"cell-stdout\">\(HTMLEscaping.escape(output.stdout))</pre>")
    }
    if !output.stderr.isEmpty {
      parts.append("<pre class=\"cell-stderr\">\(HTMLEscaping.escape(output.stderr))</pre>")
    }
    if let value = output.value {
      parts.append("<pre class=\"cell-value\">\(HTMLEscaping.escape(value))</pre>")
    }
    for svg in output.figures {
      parts.append("<figure class=\"cell-figure\">\(inlineSVG(svg))</figure>")
    }
    if let error = output.error {
      parts.append("<pre class=\"cell-error\">\(HTMLEscaping.escape(error.formatted))</pre>")
    }
    guard !parts.isEmpty else { return "" }
    return "<div class=\"cell-output\" data-cell=\"\(index)\">\n" + parts.joined(separator: "\n")
      + "\n</div>\n"
  }

  /// An SVG document without its XML declaration and doctype, to sit inside HTML.
  static func inlineSVG(_ svg: String) -> String {
    guard let start = svg.range(of: "<svg") else { return HTMLEscaping.escape(svg) }
    return String(svg[start.lowerBound...])
  }
}
