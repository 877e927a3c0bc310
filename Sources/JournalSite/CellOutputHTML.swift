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
      parts.append(
        "<p class=\"cell-stale\">These outputs were frozen from an earlier version "
          + "of the cell; run <code>journal run-entry</code> to refresh them.</p>")
    } else if case .dataMissing(let name) = staleness {
      parts.append(
        "<p class=\"cell-note\">The data file <code>\(HTMLEscaping.escape(name))"
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
    for svg in output.figures { parts.append(figure(svg)) }
    if let error = output.error {
      parts.append("<pre class=\"cell-error\">\(HTMLEscaping.escape(error.formatted))</pre>")
    }
    guard !parts.isEmpty else { return "" }
    return "<div class=\"cell-output\" data-cell=\"\(index)\">\n" + parts.joined(separator: "\n")
      + "\n</div>\n"
  }

  /// A plot as a figure: the SVG with a text alternative (`role="img"`, a `<title>` naming its
  /// titles and a `<desc>` naming its axes and series), a caption from its titles, inside a
  /// button that shows it full size (the header's script).
  static func figure(_ svg: String) -> String {
    let text = PlotText(svg: svg)
    let name = text.name
    var inner = inlineSVG(svg)
    if let open = inner.range(of: "<svg"), let end = inner[open.upperBound...].range(of: ">") {
      var alternative = "<title>\(HTMLEscaping.escape(name))</title>"
      if !text.description.isEmpty {
        alternative += "<desc>\(HTMLEscaping.escape(text.description))</desc>"
      }
      inner.replaceSubrange(end.upperBound..<end.upperBound, with: alternative)
      inner.replaceSubrange(open, with: "<svg role=\"img\"")
    }
    let caption =
      text.titles.isEmpty
      ? "" : "<figcaption>\(HTMLEscaping.escape(text.titles.joined(separator: "; ")))</figcaption>"
    return "<figure class=\"cell-figure\"><button type=\"button\" class=\"figure-open\" "
      + "aria-expanded=\"false\" title=\"Show full size\">\(inner)</button>\(caption)</figure>"
  }

  /// An SVG document without its XML declaration and doctype, to sit inside HTML.
  static func inlineSVG(_ svg: String) -> String {
    guard let start = svg.range(of: "<svg") else { return HTMLEscaping.escape(svg) }
    return String(svg[start.lowerBound...])
  }

  /// What a plot says in words, read from the classes the engine's SVG gives its texts
  /// (`suptitle`, `title`, `xlabel`, `ylabel`, `legend-label`); tick labels are left out.
  struct PlotText {
    var titles: [String] = []
    var axes: [String] = []
    var series: [String] = []

    init(svg: String) {
      var rest = svg[...]
      while let open = rest.range(of: "<text class=\"") {
        let afterClass = rest[open.upperBound...]
        guard let quote = afterClass.firstIndex(of: "\""),
          let tagEnd = afterClass[quote...].firstIndex(of: ">"),
          let close = afterClass[tagEnd...].range(of: "</text>")
        else { break }
        let kind = afterClass[..<quote]
        let content = Self.unescape(
          String(afterClass[afterClass.index(after: tagEnd)..<close.lowerBound])
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
        rest = afterClass[close.upperBound...]
        guard !content.isEmpty else { continue }
        switch kind {
        case "suptitle": titles.insert(content, at: 0)
        case "title": titles.append(content)
        case "xlabel", "ylabel": if !axes.contains(content) { axes.append(content) }
        case "legend-label": if !series.contains(content) { series.append(content) }
        default: break
        }
      }
    }

    /// The accessible name: the titles, or "Plot" for a plot without one.
    var name: String { titles.isEmpty ? "Plot" : "Plot: " + titles.joined(separator: "; ") }

    var description: String {
      var parts: [String] = []
      if !axes.isEmpty { parts.append("Axes: " + axes.joined(separator: ", ") + ".") }
      if !series.isEmpty { parts.append("Series: " + series.joined(separator: ", ") + ".") }
      return parts.joined(separator: " ")
    }

    /// XML text as plain text: the five predefined entities and numeric references.
    static func unescape(_ text: String) -> String {
      guard text.contains("&") else { return text }
      var out = ""
      var rest = text[...]
      while let amp = rest.firstIndex(of: "&") {
        out += rest[..<amp]
        guard let semi = rest[amp...].firstIndex(of: ";"),
          rest.distance(from: amp, to: semi) <= 10
        else {
          out += "&"
          rest = rest[rest.index(after: amp)...]
          continue
        }
        let name = rest[rest.index(after: amp)..<semi]
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
        if let value = named[String(name)] {
          out += value
        } else if name.hasPrefix("#"),
          let code = name.hasPrefix("#x") || name.hasPrefix("#X")
            ? UInt32(name.dropFirst(2), radix: 16) : UInt32(name.dropFirst()),
          let scalar = Unicode.Scalar(code)
        {
          out.unicodeScalars.append(scalar)
        } else {
          out += rest[amp...semi]
        }
        rest = rest[rest.index(after: semi)...]
      }
      return out + rest
    }
  }
}
