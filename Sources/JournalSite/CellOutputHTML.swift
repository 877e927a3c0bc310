import Foundation
import JournalCells
import JournalCore

/// Puts each runnable cell's frozen outputs (text, value, figures, error) after the cell in an
/// entry's HTML. The site only reads frozen outputs; it never runs code.
enum CellOutputHTML {
  /// Returns `html` with outputs after each `<pre class="cell" data-cell="N">` block; a cell
  /// with `echo=false` loses its source, one with `output=false` shows no outputs.
  static func insert(
    into html: String, cells: [Cell], frozen: FrozenOutputs, stale: (Int) -> Bool
  ) -> String {
    guard !cells.isEmpty else { return html }
    var out = ""
    var rest = Substring(html)
    for cell in cells {
      let opener = "<pre class=\"cell\" data-cell=\"\(cell.index)\""
      guard let start = rest.range(of: opener),
        let end = rest[start.upperBound...].range(of: "</pre>")
      else { continue }
      out += rest[..<start.lowerBound]
      if cell.options.echo { out += rest[start.lowerBound..<end.upperBound] }
      if cell.options.output, let output = frozen[cell.index] {
        out += block(output, index: cell.index, stale: stale(cell.index))
      }
      rest = rest[end.upperBound...]
    }
    return out + rest
  }

  static func block(_ output: CellOutput, index: Int, stale: Bool) -> String {
    var parts: [String] = []
    if stale {
      parts.append("<p class=\"cell-stale\">These outputs were frozen from an earlier version "
        + "of the cell; run <code>journal run-entry</code> to refresh them.</p>")
    }
    if !output.stdout.isEmpty {
      parts.append("<pre class=\"cell-stdout\">\(escape(output.stdout))</pre>")
    }
    if !output.stderr.isEmpty {
      parts.append("<pre class=\"cell-stderr\">\(escape(output.stderr))</pre>")
    }
    if let value = output.value {
      parts.append("<pre class=\"cell-value\">\(escape(value))</pre>")
    }
    for svg in output.figures {
      parts.append("<figure class=\"cell-figure\">\(inlineSVG(svg))</figure>")
    }
    if let error = output.error {
      parts.append("<pre class=\"cell-error\">\(escape(error.formatted))</pre>")
    }
    guard !parts.isEmpty else { return "" }
    return "<div class=\"cell-output\" data-cell=\"\(index)\">\n" + parts.joined(separator: "\n")
      + "\n</div>\n"
  }

  /// An SVG document without its XML declaration and doctype, to sit inside HTML.
  static func inlineSVG(_ svg: String) -> String {
    guard let start = svg.range(of: "<svg") else { return escape(svg) }
    return String(svg[start.lowerBound...])
  }

  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for ch in text.unicodeScalars {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default: out.unicodeScalars.append(ch)
      }
    }
    return out
  }
}
