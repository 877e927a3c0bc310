import Foundation

/// Parses entries into `Document`s and renders them.
///
/// PLACEHOLDER implementation (line-based, no cmark): it exists so the index and site can be
/// built against the `Document` contract while the real pipeline (cmark-gfm with math, emoji,
/// highlighting and cells) is written. Keep the public API.
public struct MarkdownPipeline: Sendable {
  public struct Options: Sendable {
    /// Converts TeX to HTML for math spans; nil renders the escaped TeX in
    /// `<span class="math inline">` / `<div class="math display">`.
    public var mathRenderer: (@Sendable (_ tex: String, _ display: Bool) -> String)?
    public init(mathRenderer: (@Sendable (String, Bool) -> String)? = nil) {
      self.mathRenderer = mathRenderer
    }
  }

  public var options: Options

  public init(options: Options = Options()) { self.options = options }

  /// Parses an entry.
  public func document(for entry: Entry) -> Document {
    var sections: [Section] = []
    var current = (level: 0, heading: "", start: entry.bodyLine, text: [String](), code: [String]())
    var codeBlocks: [CodeBlock] = []
    var cells: [Cell] = []
    var inFence: (info: String, line: Int, lines: [String])? = nil
    var lineNumber = entry.bodyLine
    var slugs = SlugSet()
    func close(at end: Int) {
      sections.append(Section(level: current.level, heading: current.heading,
        anchor: current.level == 0 ? "" : slugs.unique(for: current.heading),
        lines: current.start...max(current.start, end), text: current.text.joined(separator: "\n"),
        code: current.code.joined(separator: "\n"), mathText: ""))
    }
    for line in entry.body.split(separator: "\n", omittingEmptySubsequences: false) {
      defer { lineNumber += 1 }
      if var fence = inFence {
        if line.hasPrefix("```") {
          let words = fence.info.split(separator: " ").map(String.init)
          let source = fence.lines.map { $0 + "\n" }.joined()
          codeBlocks.append(CodeBlock(language: words.first, options: Array(words.dropFirst()),
            source: source, line: fence.line, isFenced: true))
          if words.first == "python", words.dropFirst().first == "run" {
            cells.append(Cell(index: cells.count, source: source, line: fence.line + 1,
              options: CellOptions(words: Array(words.dropFirst(2)))))
          }
          current.code.append(source)
          inFence = nil
        } else {
          fence.lines.append(String(line))
          inFence = fence
        }
        continue
      }
      if line.hasPrefix("```") {
        inFence = (String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), lineNumber, [])
        continue
      }
      let hashes = line.prefix(while: { $0 == "#" }).count
      if (1...6).contains(hashes), line.dropFirst(hashes).first == " " {
        close(at: lineNumber - 1)
        current = (hashes, line.dropFirst(hashes + 1).trimmingCharacters(in: .whitespaces),
          lineNumber, [], [])
        continue
      }
      current.text.append(String(line))
    }
    close(at: lineNumber - 1)
    let title = entry.frontMatter.title ?? sections.first(where: { $0.level > 0 })?.heading
      ?? entry.date.longForm
    let escaped = entry.body.replacingOccurrences(of: "&", with: "&amp;")
      .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    return Document(date: entry.date, path: entry.path, title: title, sections: sections,
      math: [], codeBlocks: codeBlocks, cells: cells, links: [],
      tags: entry.frontMatter.tags.map { $0.lowercased() },
      plainText: String(entry.body), html: "<pre>\(escaped)</pre>\n")
  }
}

/// Makes GitHub-style heading anchors unique within a document (`setup`, `setup-1`, ...).
public struct SlugSet: Sendable {
  private var used: [String: Int] = [:]
  public init() {}

  /// GitHub's slug: lower-case, punctuation removed (except `-` and `_`), spaces to `-`.
  public static func slug(_ heading: String) -> String {
    var out = ""
    for ch in heading.lowercased() {
      if ch == " " { out.append("-") }
      else if ch == "-" || ch == "_" || ch.isLetter || ch.isNumber { out.append(ch) }
    }
    return out
  }

  public mutating func unique(for heading: String) -> String {
    let base = SlugSet.slug(heading)
    if let n = used[base] {
      used[base] = n + 1
      let candidate = "\(base)-\(n)"
      used[candidate] = 1
      return candidate
    }
    used[base] = 1
    return base
  }
}
