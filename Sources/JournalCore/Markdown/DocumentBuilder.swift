import Foundation

/// Collects a `Document`'s parts during one walk of the parsed tree, and decides the tree edits:
/// math to HTML, emoji in text, highlighted code blocks, heading anchors.
struct DocumentBuilder {
  struct Parts {
    var sections: [Section]
    var math: [MathSpan]
    var codeBlocks: [CodeBlock]
    var cells: [Cell]
    var links: [Link]
    var tags: [String]
    var plainText: String
  }

  private struct OpenSection {
    var level: Int
    var heading = ""
    var headingIndexed = ""
    var anchor = ""
    var start: Int
    var text = ""
    var code: [String] = []
    var math: [String] = []
  }

  private let options: MarkdownPipeline.Options
  /// The file line of the Markdown's first line.
  private let firstLine: Int
  /// The front matter's title, for `dropsTitleHeading`.
  private let title: String?
  private let cellOutputs: CellOutputs?
  /// A block came before the first heading (so no heading can be dropped as the title's).
  private var blockBeforeHeading = false
  private let highlighter = SyntaxHighlighter()

  private var sections: [Section] = []
  /// The headings with emoji names, for the plain text, by section.
  private var indexedHeadings: [String] = []
  private var current: OpenSection
  private var slugs = SlugSet()
  private var inHeading = false
  /// The text of a heading inside a container, while it is being read.
  private var nestedHeading: String?
  private var containerDepth = 0
  private var math: [MathSpan] = []
  /// The headings rendered so far that a later one may nest under (`headingsFollowTitle`).
  private var outline: [(source: Int, rendered: Int)] = []
  private var codeBlocks: [CodeBlock] = []
  private var cells: [Cell] = []
  private var links: [Link] = []
  private var openLinks: [(destination: String, line: Int, text: String, isAutolink: Bool)] = []
  private var autolinkDepth = 0
  private var tags: [String] = []
  private var seenTags = Set<String>()
  private var plain: [String] = []

  init(
    options: MarkdownPipeline.Options, firstLine: Int, title: String? = nil,
    cellOutputs: CellOutputs? = nil
  ) {
    self.options = options
    self.firstLine = firstLine
    self.title = title
    self.cellOutputs = cellOutputs
    current = OpenSection(level: 0, start: firstLine)
  }

  private func fileLine(_ line: Int) -> Int { firstLine + max(1, line) - 1 }

  mutating func visit(_ node: MarkdownNode) -> MarkdownEdit? {
    if node.isBlock, node.kind != .document, node.kind != .heading { blockBeforeHeading = true }
    switch node.kind {
    case .blockQuote, .list, .item, .footnoteDefinition, .table:
      containerDepth += node.entering ? 1 : -1
      if !node.entering { separate() }
    case .paragraph, .tableRow, .tableCell, .thematicBreak, .htmlBlock:
      if !node.entering { separate() }
    case .heading:
      return heading(node)
    case .text:
      return text(node)
    case .softBreak, .lineBreak:
      appendProse("\n", indexed: "\n")
    case .code:
      // A code span is part of its sentence: it stays in the prose (so snippets read whole) and
      // is also code (for `code:` searches).
      current.code.append(node.literal)
      appendProse(node.literal, indexed: node.literal)
    case .codeBlock:
      separate()
      return codeBlock(node)
    case .math:
      return mathSpan(node)
    case .link:
      if node.entering {
        openLinks.append((node.url, fileLine(node.line), "", node.isAutolink))
        if node.isAutolink { autolinkDepth += 1 }
      } else if let open = openLinks.popLast() {
        if open.isAutolink { autolinkDepth -= 1 }
        links.append(Link(destination: open.destination, text: open.text, line: open.line))
      }
    default:
      break
    }
    return nil
  }

  mutating func finish(lastLine: Int) -> Parts {
    closeSection(end: lastLine)
    var plainText = ""
    for (section, heading) in zip(sections, indexedHeadings) {
      for part in [heading, section.text, section.code, section.mathText]
      where !part.isEmpty {
        if !plainText.isEmpty { plainText += "\n" }
        plainText += part
      }
    }
    return Parts(
      sections: sections, math: math, codeBlocks: codeBlocks, cells: cells, links: links,
      tags: tags, plainText: plainText)
  }

  // MARK: Nodes

  private mutating func heading(_ node: MarkdownNode) -> MarkdownEdit? {
    // A heading inside a quote or list gets an anchor but opens no section: its text stays in
    // the section's prose.
    guard containerDepth == 0 else {
      if node.entering {
        nestedHeading = ""
        return nil
      }
      separate()
      let anchor = slugs.unique(for: trimmed(nestedHeading ?? ""))
      nestedHeading = nil
      return anchorEdit(anchor, level: node.headingLevel)
    }
    if node.entering {
      closeSection(end: fileLine(node.line) - 1)
      current = OpenSection(level: node.headingLevel, start: fileLine(node.line))
      inHeading = true
      return nil
    }
    inHeading = false
    current.heading = trimmed(current.heading)
    current.anchor = slugs.unique(for: current.heading)
    let isTitle = !blockBeforeHeading && (title ?? current.heading) == current.heading
    blockBeforeHeading = true
    if options.dropsTitleHeading, options.renderHTML, isTitle {
      current.anchor = ""
      return .remove
    }
    return anchorEdit(current.anchor, level: node.headingLevel)
  }

  private mutating func anchorEdit(_ slug: String, level: Int) -> MarkdownEdit? {
    guard options.renderHTML else { return nil }
    var html: String?
    if options.headingAnchors {
      let anchor = HTMLEscaping.escape(slug, for: .attribute)
      // Hidden from assistive technology, so out of the keyboard's way too.
      html = "<a id=\"\(anchor)\" class=\"anchor\" href=\"#\(anchor)\" aria-hidden=\"true\" "
        + "tabindex=\"-1\"></a>"
    }
    guard options.headingsFollowTitle else { return html.map(MarkdownEdit.prependHTML) }
    // The outline so far: source levels with the levels they became, shallowest first.
    while let last = outline.last, last.source >= level { outline.removeLast() }
    let rendered = (outline.last?.rendered ?? 1) + 1
    outline.append((level, rendered))
    return .heading(level: rendered, prependHTML: html)
  }

  private mutating func text(_ node: MarkdownNode) -> MarkdownEdit? {
    let inAutolink = autolinkDepth > 0
    if !inAutolink { collectTags(node.literal) }
    if options.emoji, !inAutolink, let replaced = EmojiTable.replace(in: node.literal) {
      appendProse(replaced.display, indexed: replaced.indexed)
      return .replaceLiteral(replaced.display)
    }
    appendProse(node.literal, indexed: node.literal)
    return nil
  }

  private mutating func codeBlock(_ node: MarkdownNode) -> MarkdownEdit? {
    let words = node.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    let language = node.isFenced ? words.first : nil
    let line = fileLine(node.line)
    if options.math, language == "math" {
      recordMath(node.literal, display: true, line: line)
      return .replaceWithHTML(mathHTML(node.literal, display: true, block: true))
    }
    let blockOptions = node.isFenced ? Array(words.dropFirst()) : []
    codeBlocks.append(
      CodeBlock(language: language, options: blockOptions, source: node.literal, line: line,
        isFenced: node.isFenced))
    current.code.append(node.literal)
    var attributes = ""
    let isCell = language == "python" && blockOptions.first == "run"
    if isCell {
      attributes = " class=\"cell\" data-cell=\"\(cells.count)\""
      cells.append(
        Cell(index: cells.count, source: node.literal, line: line + 1,
          options: CellOptions(words: Array(blockOptions.dropFirst()))))
    }
    guard options.highlight, let language,
      let html = highlighter.html(code: node.literal, language: language, attributes: attributes)
    else { return nil }
    if isCell, let cellOutputs, let cell = cells.last {
      // The outputs go right after the source's `</pre>`, before its block's line end.
      let source = cell.options.echo ? String(html.dropLast()) : ""
      return .replaceWithHTML(source + cellOutputs(cells) + "\n")
    }
    return .replaceWithHTML(html)
  }

  private mutating func mathSpan(_ node: MarkdownNode) -> MarkdownEdit? {
    // Math in text is TeX in HTML, as MathJax and KaTeX read it from a page: `x &lt; y` is
    // `x < y`. (A ```math block is code: taken as written.)
    let tex = decodingCharacterReferences(node.literal)
    recordMath(tex, display: node.display, line: fileLine(node.line))
    // A `<div>` cannot sit in a `<p>`; a renderer's own markup (MathML) can, so it stays put.
    if node.isAloneInParagraph, options.mathRenderer == nil {
      return .replaceParagraphWithHTML(mathHTML(tex, display: true, block: true))
    }
    return .replaceWithHTML(mathHTML(tex, display: node.display, block: false))
  }

  private mutating func recordMath(_ tex: String, display: Bool, line: Int) {
    math.append(MathSpan(tex: tex, display: display, line: line))
    current.math.append(tex)
  }

  private func mathHTML(_ tex: String, display: Bool, block: Bool) -> String {
    guard options.renderHTML else { return "" }
    if let render = options.mathRenderer {
      return block ? render(tex, display) + "\n" : render(tex, display)
    }
    if block { return "<div class=\"math display\">\(HTMLEscaping.escape(tex))</div>\n" }
    return "<span class=\"math \(display ? "display" : "inline")\">\(HTMLEscaping.escape(tex))</span>"
  }

  // MARK: Text

  private mutating func appendProse(_ display: String, indexed: String, toSection: Bool = true) {
    if inHeading {
      current.heading += display
      current.headingIndexed += indexed
      return
    }
    if !openLinks.isEmpty { openLinks[openLinks.count - 1].text += display }
    if nestedHeading != nil { nestedHeading? += display }
    if toSection { current.text += indexed }
  }

  /// Ends a block's text with a newline, so words of adjacent blocks do not run together.
  private mutating func separate() {
    if !current.text.isEmpty, current.text.utf8.last != UInt8(ascii: "\n") {
      current.text += "\n"
    }
  }

  private mutating func closeSection(end: Int) {
    let text = trimmed(current.text)
    indexedHeadings.append(
      trimmed(current.headingIndexed))
    sections.append(
      Section(
        level: current.level, heading: current.heading, anchor: current.anchor,
        lines: current.start...max(current.start, end), text: text,
        code: current.code.joined(separator: "\n"),
        mathText: current.math.joined(separator: "\n")))
  }

  /// Inline `#tag` words: `#` at the start or after a space or opening punctuation, then a
  /// letter, then letters, digits, `_`, `-` or `/`.
  private mutating func collectTags(_ text: String) {
    guard ByteSearch.contains(text, UInt8(ascii: "#")) else { return }
    let scalars = Array(text.unicodeScalars)
    var i = 0
    while i < scalars.count {
      defer { i += 1 }
      guard scalars[i] == "#", i + 1 < scalars.count,
        scalars[i + 1].properties.isAlphabetic
      else { continue }
      if i > 0 {
        let before = scalars[i - 1]
        guard before.properties.isWhitespace || "([{\"'".unicodeScalars.contains(before) else {
          continue
        }
      }
      var end = i + 1
      while end < scalars.count,
        scalars[end].properties.isAlphabetic || scalars[end].properties.numericType != nil
          || "_-/".unicodeScalars.contains(scalars[end])
      {
        end += 1
      }
      while end > i + 1, "-/".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
      var tag = ""
      tag.unicodeScalars.append(contentsOf: scalars[(i + 1)..<end])
      tag = tag.lowercased()
      if seenTags.insert(tag).inserted { tags.append(tag) }
      i = end - 1
    }
  }
}

/// `text` without leading and trailing ASCII whitespace (Foundation's trimming is far slower).
func trimmed(_ text: String) -> String {
  let utf8 = text.utf8
  func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
  guard let first = utf8.firstIndex(where: { !isSpace($0) }),
    let last = utf8.lastIndex(where: { !isSpace($0) })
  else { return "" }
  if first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex { return text }
  return String(Substring(utf8[first...last]))
}
