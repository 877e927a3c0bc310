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
    var images: [Image]
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
  private var sanitizer = HTMLSanitizer()

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
  private var images: [Image] = []
  private var openLinks:
    [(destination: String, line: Int, text: String, isAutolink: Bool, offset: Int)] = []
  /// The plain text of the block being read, for the context of its links.
  private var blockText = ""
  /// Links of the block being read whose context is not set yet, with their text's offset
  /// (UTF-8) in `blockText`.
  private var linksWaitingForContext: [(link: Int, offset: Int, length: Int)] = []
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
    case .paragraph, .tableRow, .tableCell, .thematicBreak:
      if !node.entering { separate() }
    case .htmlBlock, .htmlInline:
      return rawHTML(node)
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
      return link(node)
    case .image:
      guard node.entering else { break }
      images.append(Image(destination: node.url, line: fileLine(node.line)))
      if options.renderHTML, let fileURL = options.fileURL, let url = fileURL(node.url) {
        return .setURL(url)
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
      images: images,
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
    closeBlockText()
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

  /// Raw HTML reduced to the allow-list, unless the options trust it.
  private mutating func rawHTML(_ node: MarkdownNode) -> MarkdownEdit? {
    guard options.renderHTML, options.sanitizesHTML else { return nil }
    let safe = sanitizer.sanitize(node.literal)
    return safe == node.literal ? nil : .replaceLiteral(safe)
  }

  private mutating func anchorEdit(_ slug: String, level: Int) -> MarkdownEdit? {
    guard options.renderHTML else { return nil }
    var html: String?
    if options.headingAnchors {
      let anchor = HTMLEscaping.escape(slug, for: .attribute)
      // Hidden from assistive technology, so out of the keyboard's way too.
      html =
        "<a id=\"\(anchor)\" class=\"anchor\" href=\"#\(anchor)\" aria-hidden=\"true\" "
        + "tabindex=\"-1\"></a>"
    }
    guard options.headingsFollowTitle else { return html.map(MarkdownEdit.prependHTML) }
    // The outline so far: source levels with the levels they became, shallowest first.
    while let last = outline.last, last.source >= level { outline.removeLast() }
    let rendered = (outline.last?.rendered ?? 1) + 1
    outline.append((level, rendered))
    return .heading(level: rendered, prependHTML: html)
  }

  private mutating func link(_ node: MarkdownNode) -> MarkdownEdit? {
    if node.entering {
      openLinks.append(
        (node.url, fileLine(node.line), "", node.isAutolink, blockText.utf8.count))
      if node.isAutolink { autolinkDepth += 1 }
      guard !node.isAutolink, options.renderHTML else { return nil }
      if let reference = LinkReference.dayFile(node.url) {
        guard let href = options.linkHref, let url = href(reference) else { return nil }
        return .setURL(url)
      }
      guard let fileURL = options.fileURL, let url = fileURL(node.url) else { return nil }
      return .setURL(url)
    }
    guard let open = openLinks.popLast() else { return nil }
    if open.isAutolink { autolinkDepth -= 1 }
    let reference = open.isAutolink ? nil : LinkReference.dayFile(open.destination)
    addLink(
      Link(
        destination: open.destination, text: open.text, line: open.line,
        kind: open.isAutolink ? .autolink : .markdown, reference: reference,
        section: sections.count),
      offset: open.offset)
    return nil
  }

  private mutating func addLink(_ link: Link, offset: Int) {
    linksWaitingForContext.append(
      (links.count, offset, max(0, blockText.utf8.count - offset)))
    links.append(link)
  }

  /// A text holding `[[...]]`: the wiki links become links (or spans, when they point nowhere),
  /// the text around them stays text.
  private mutating func wikiText(_ node: MarkdownNode, _ matches: [WikiLinkMatch])
    -> MarkdownEdit?
  {
    let bytes = Array(node.literal.utf8)
    var html = ""
    var last = 0
    func piece(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    for match in matches {
      html += textHTML(piece(last..<match.range.lowerBound))
      last = match.range.upperBound
      let shown = options.emoji ? EmojiTable.replace(in: match.text) : nil
      let display = shown?.display ?? match.text
      let offset = blockText.utf8.count
      appendProse(display, indexed: shown?.indexed ?? match.text)
      addLink(
        Link(
          destination: match.reference.written, text: display, line: fileLine(node.line),
          kind: .wiki, reference: match.reference, section: sections.count),
        offset: offset)
      guard options.renderHTML else { continue }
      let text = HTMLEscaping.escape(display)
      if let resolve = options.linkHref {
        if let href = resolve(match.reference) {
          html +=
            "<a class=\"wikilink\" href=\"\(HTMLEscaping.escape(href, for: .attribute))\">"
            + text + "</a>"
        } else {
          html +=
            "<span class=\"wikilink missing\" title=\"no such entry or heading: "
            + HTMLEscaping.escape(match.reference.written, for: .attribute) + "\">" + text
            + "</span>"
        }
      } else {
        html += "<span class=\"wikilink\">" + text + "</span>"
      }
    }
    html += textHTML(piece(last..<bytes.count))
    return options.renderHTML ? .replaceWithHTML(html) : nil
  }

  /// Plain text around wiki links: its tags and emoji, as `text` does for a whole text node.
  private mutating func textHTML(_ text: String) -> String {
    guard !text.isEmpty else { return "" }
    collectTags(text)
    if options.emoji, let replaced = EmojiTable.replace(in: text) {
      appendProse(replaced.display, indexed: replaced.indexed)
      return HTMLEscaping.escape(replaced.display)
    }
    appendProse(text, indexed: text)
    return HTMLEscaping.escape(text)
  }

  /// Sets the context of the block's links: the sentence each is in.
  private mutating func closeBlockText() {
    if !linksWaitingForContext.isEmpty {
      let bytes = Array(blockText.utf8)
      for waiting in linksWaitingForContext {
        links[waiting.link].context = Self.sentence(
          in: bytes, at: min(waiting.offset, bytes.count), length: waiting.length)
      }
      linksWaitingForContext = []
    }
    blockText = ""
  }

  /// The sentence around `offset..<offset+length` of `bytes`: from after the previous `. `,
  /// `! `, `? ` or line break to the next, at most about 300 bytes.
  static func sentence(in bytes: [UInt8], at offset: Int, length: Int) -> String {
    func isEnd(_ i: Int) -> Bool {
      let b = bytes[i]
      if b == 0x0A { return true }
      guard b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") else {
        return false
      }
      return i + 1 >= bytes.count || bytes[i + 1] == 0x20 || bytes[i + 1] == 0x0A
    }
    var start = offset
    while start > 0, offset - start < 200, !isEnd(start - 1) { start -= 1 }
    var end = min(bytes.count, offset + length)
    while end < bytes.count, end - offset < 300, !isEnd(end) { end += 1 }
    if end < bytes.count, bytes[end] != 0x0A { end += 1 }
    // Never cut a character in two.
    while start > 0, start < bytes.count, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    var text = trimmed(String(decoding: bytes[start..<end], as: UTF8.self))
    if start > 0, !isEnd(start - 1) { text = "…" + text }
    return text
  }

  private mutating func text(_ node: MarkdownNode) -> MarkdownEdit? {
    let inAutolink = autolinkDepth > 0
    if openLinks.isEmpty, ByteSearch.contains(node.literal, UInt8(ascii: "[")) {
      let matches = WikiLinkScanner.matches(in: node.literal)
      if !matches.isEmpty { return wikiText(node, matches) }
    }
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
      CodeBlock(
        language: language, options: blockOptions, source: node.literal, line: line,
        isFenced: node.isFenced))
    current.code.append(node.literal)
    var attributes = ""
    let isCell = language == "python" && blockOptions.first == "run"
    if isCell {
      attributes = " class=\"cell\" data-cell=\"\(cells.count)\""
      cells.append(
        Cell(
          index: cells.count, source: node.literal, line: line + 1,
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
    return
      "<span class=\"math \(display ? "display" : "inline")\">\(HTMLEscaping.escape(tex))</span>"
  }

  // MARK: Text

  private mutating func appendProse(_ display: String, indexed: String, toSection: Bool = true) {
    if inHeading {
      current.heading += display
      current.headingIndexed += indexed
      blockText += display
      return
    }
    if !openLinks.isEmpty { openLinks[openLinks.count - 1].text += display }
    if nestedHeading != nil { nestedHeading? += display }
    blockText += display
    if toSection { current.text += indexed }
  }

  /// Ends a block's text with a newline, so words of adjacent blocks do not run together.
  private mutating func separate() {
    closeBlockText()
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

  /// Inline `#tag` words, read as `TagNames.inline(in:)` reads them.
  private mutating func collectTags(_ text: String) {
    TagNames.scan(text) { if seenTags.insert($0).inserted { tags.append($0) } }
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
