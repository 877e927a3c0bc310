import CCmarkGFM
import Foundation

// Every C pointer of cmark-gfm stays in this file: the rest of the pipeline sees `MarkdownNode`
// values and answers with `MarkdownEdit`s.

/// One node of a parsed tree as the pipeline sees it, during a walk in document order.
struct MarkdownNode {
  enum Kind {
    case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading,
      thematicBreak, footnoteDefinition, table, tableRow, tableCell, otherBlock
    case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, strikethrough, link,
      image, footnoteReference, math, otherInline
  }

  var kind: Kind
  /// True when entering a container, and for every leaf.
  var entering: Bool
  /// 1-based line in the Markdown given to the parser.
  var line: Int
  /// Heading level, 1 to 6.
  var headingLevel = 0
  /// Text, code span, raw HTML, code block contents, or TeX.
  var literal = ""
  /// The info string of a fenced code block.
  var info = ""
  var isFenced = false
  /// A link's or image's destination.
  var url = ""
  /// A link whose only text is its own destination (`<http://...>`, `www.x.org`, e-mail).
  var isAutolink = false
  /// Display math (`$$...$$`).
  var display = false
  /// Display math that is the only content of its paragraph.
  var isAloneInParagraph = false

  var isBlock: Bool {
    switch kind {
    case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading,
      .thematicBreak, .footnoteDefinition, .table, .tableRow, .tableCell, .otherBlock:
      return true
    default:
      return false
    }
  }
}

/// A change the pipeline asks for while walking a tree; applied after the walk.
enum MarkdownEdit {
  /// Replace a text node's literal (emoji shortcodes), or a raw HTML node's (sanitised).
  case replaceLiteral(String)
  /// Replace the node by raw HTML (a block for blocks, inline otherwise).
  case replaceWithHTML(String)
  /// Replace the node's paragraph by a raw HTML block (display math standing alone).
  case replaceParagraphWithHTML(String)
  /// Insert raw inline HTML as the node's first child (heading anchors).
  case prependHTML(String)
  /// Give a heading another level (1 to 6), and insert raw inline HTML (its anchor) as its first
  /// child when there is some.
  case heading(level: Int, prependHTML: String?)
  /// Remove the node and its children (a heading the page shows as its title).
  case remove
  /// Set a link's destination (a link to a day file, to its page).
  case setURL(String)
}

/// HTML character references (`&gt;`, `&#x3C;`, `&alpha;`) decoded as cmark-gfm decodes them in
/// Markdown text; anything else, `&` alone and unknown names included, as it is.
func decodingCharacterReferences(_ text: String) -> String {
  guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
  var buffer = cmark_strbuf()
  cmark_strbuf_init(cmark_get_default_mem_allocator(), &buffer, 0)
  defer { cmark_strbuf_free(&buffer) }
  var text = text
  let decoded = text.withUTF8 { bytes in
    houdini_unescape_html(&buffer, bytes.baseAddress, Int32(clamping: bytes.count)) != 0
  }
  guard decoded, let start = buffer.ptr else { return text }
  return String(decoding: UnsafeBufferPointer(start: start, count: Int(buffer.size)), as: UTF8.self)
}

/// A Markdown text parsed by cmark-gfm with the math extension attached. Owns the parser and
/// the tree; both are freed with the value.
final class CmarkTree {
  /// Serialises cmark-gfm's inline passes (see `init`).
  static let inlinePassLock = NSLock()

  private let parser: OpaquePointer
  private let root: OpaquePointer
  private var edits: [(node: OpaquePointer, edit: MarkdownEdit)] = []
  /// The source holds `BackslashMath` markers to turn back into backslashes.
  private let hasMarkers: Bool

  private static let options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES

  /// Parses `markdown` with the given GFM extensions, and math when `math` is true.
  init(markdown: String, extensions: [MarkdownExtension], math: Bool) {
    let mathExtension = MathSyntax.shared
    // cmark-gfm returns NULL only when memory runs out, where it aborts itself elsewhere.
    guard let parser = cmark_parser_new(Self.options) else {
      fatalError("cmark-gfm could not allocate a parser")
    }
    for name in extensions {
      if let ext = cmark_find_syntax_extension(name.rawValue) {
        cmark_parser_attach_syntax_extension(parser, ext)
      }
    }
    if math { cmark_parser_attach_syntax_extension(parser, mathExtension) }
    // Control characters would reach the HTML (and the feeds) as they are; cmark-gfm only
    // replaces NUL.
    let markdown = HTMLEscaping.replacingForbiddenControls(in: markdown) ?? markdown
    let marked = math ? BackslashMath.markOpeners(in: markdown) : nil
    hasMarkers = marked != nil
    var text = marked ?? markdown
    text.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
      }
    }
    // cmark-gfm keeps the extensions' special inline characters (`$`, `~`, the math marker) in
    // one process-wide table that every parser switches on before its inline pass and off after
    // it; two inline passes at once would turn each other's characters off. Block parsing (feed)
    // stays concurrent.
    let finished = CmarkTree.inlinePassLock.withLock { cmark_parser_finish(parser) }
    guard let root = finished else {
      fatalError("cmark-gfm could not allocate a document")
    }
    cmark_consolidate_text_nodes(root)
    self.parser = parser
    self.root = root
  }

  deinit {
    cmark_node_free(root)
    cmark_parser_free(parser)
  }

  /// Walks the tree in document order; edits returned by `visit` are applied after the walk.
  func walk(_ visit: (MarkdownNode) -> MarkdownEdit?) {
    guard let iterator = cmark_iter_new(root) else { return }
    defer { cmark_iter_free(iterator) }
    // Inline nodes made by extensions carry no position: count lines from the block's start.
    var line = 1
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let node = cmark_iter_get_node(iterator) else { continue }
      let entering = event == CMARK_EVENT_ENTER
      let type = cmark_node_get_type(node)
      var value = MarkdownNode(kind: .otherInline, entering: entering, line: line)
      let isBlock = (type.rawValue & 0xc000) == 0x8000
      if isBlock {
        line = Int(cmark_node_get_start_line(node))
        value.line = line
      }
      switch type {
      case CMARK_NODE_DOCUMENT: value.kind = .document
      case CMARK_NODE_BLOCK_QUOTE: value.kind = .blockQuote
      case CMARK_NODE_LIST: value.kind = .list
      case CMARK_NODE_ITEM: value.kind = .item
      case CMARK_NODE_CODE_BLOCK:
        value.kind = .codeBlock
        value.literal = literal(of: node)
        value.info = string(cmark_node_get_fence_info(node))
        if hasMarkers, ByteSearch.contains(value.info, BackslashMath.marker) {
          value.info = BackslashMath.unmark(value.info)
          cmark_node_set_fence_info(node, value.info)
        }
        var length: Int32 = 0
        var offset: Int32 = 0
        var character: CChar = 0
        value.isFenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
      case CMARK_NODE_HTML_BLOCK:
        value.kind = .htmlBlock
        value.literal = literal(of: node)
      case CMARK_NODE_PARAGRAPH: value.kind = .paragraph
      case CMARK_NODE_HEADING:
        value.kind = .heading
        value.headingLevel = Int(cmark_node_get_heading_level(node))
      case CMARK_NODE_THEMATIC_BREAK: value.kind = .thematicBreak
      case CMARK_NODE_FOOTNOTE_DEFINITION: value.kind = .footnoteDefinition
      case CMARK_NODE_HTML_INLINE where cmark_node_get_user_data(node) != nil:
        value.kind = .math
        value.display = cmark_node_get_user_data(node) == MathSyntax.displayTag
        value.literal = literal(of: node)
        if value.display, let parent = cmark_node_parent(node),
          cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH,
          cmark_node_first_child(parent) == node, cmark_node_last_child(parent) == node
        {
          value.isAloneInParagraph = true
        }
        line += newlines(in: value.literal)
      case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
        value.kind = type == CMARK_NODE_TEXT ? .text : type == CMARK_NODE_CODE ? .code : .htmlInline
        line = max(line, Int(cmark_node_get_start_line(node)))
        value.line = line
        value.literal = literal(of: node)
        if value.kind == .htmlInline { line += newlines(in: value.literal) }
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        value.kind = type == CMARK_NODE_SOFTBREAK ? .softBreak : .lineBreak
        line += 1
      case CMARK_NODE_EMPH: value.kind = .emphasis
      case CMARK_NODE_STRONG: value.kind = .strong
      case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
        value.kind = type == CMARK_NODE_LINK ? .link : .image
        value.url = string(cmark_node_get_url(node))
        if hasMarkers, ByteSearch.contains(value.url, BackslashMath.marker) {
          value.url = BackslashMath.unmark(value.url)
          cmark_node_set_url(node, value.url)
        }
        if HTMLEscaping.isDangerousURL(value.url, image: type == CMARK_NODE_IMAGE) {
          value.url = ""
          cmark_node_set_url(node, "")
        }
        if let child = cmark_node_first_child(node), child == cmark_node_last_child(node),
          cmark_node_get_type(child) == CMARK_NODE_TEXT
        {
          let text = BackslashMath.unmark(string(cmark_node_get_literal(child)))
          // `<http://x.org>`, `www.x.org` (GFM gives it `http://`), `a@b.org` (`mailto:`).
          value.isAutolink =
            !text.isEmpty
            && (value.url == text || value.url == "http://" + text
              || value.url == "mailto:" + text)
        }
      case CMARK_NODE_FOOTNOTE_REFERENCE: value.kind = .footnoteReference
      default:
        value.kind = isBlock ? .otherBlock : .otherInline
        if let name = cmark_node_get_type_string(node) {
          switch String(cString: name) {
          case "table": value.kind = .table
          case "table_row": value.kind = .tableRow
          case "table_cell": value.kind = .tableCell
          case "strikethrough": value.kind = .strikethrough
          default: break
          }
        }
      }
      if let edit = visit(value) { edits.append((node, edit)) }
    }
  }

  /// Renders the tree to an HTML fragment, after applying the edits of the walks.
  func html() -> String {
    applyEdits()
    let extensions = cmark_parser_get_syntax_extensions(parser)
    guard let rendered = cmark_render_html(root, Self.options, extensions) else { return "" }
    defer { free(rendered) }
    return String(cString: rendered)
  }

  private func applyEdits() {
    for (node, edit) in edits {
      switch edit {
      case .replaceLiteral(let text):
        cmark_node_set_literal(node, text)
      case .replaceWithHTML(let html):
        let isBlock = (cmark_node_get_type(node).rawValue & 0xc000) == 0x8000
        replace(node, with: html, block: isBlock)
      case .replaceParagraphWithHTML(let html):
        if let parent = cmark_node_parent(node) { replace(parent, with: html, block: true) }
      case .prependHTML(let html):
        prepend(html, to: node)
      case .heading(let level, let html):
        cmark_node_set_heading_level(node, Int32(min(6, max(1, level))))
        if let html { prepend(html, to: node) }
      case .remove:
        cmark_node_unlink(node)
        cmark_node_free(node)
      case .setURL(let url):
        cmark_node_set_url(node, url)
      }
    }
    edits = []
  }

  private func prepend(_ html: String, to node: OpaquePointer) {
    if let raw = cmark_node_new(CMARK_NODE_HTML_INLINE) {
      cmark_node_set_literal(raw, html)
      if cmark_node_prepend_child(node, raw) == 0 { cmark_node_free(raw) }
    }
  }

  private func replace(_ node: OpaquePointer, with html: String, block: Bool) {
    guard let raw = cmark_node_new(block ? CMARK_NODE_HTML_BLOCK : CMARK_NODE_HTML_INLINE) else {
      return
    }
    cmark_node_set_literal(raw, html)
    if cmark_node_replace(node, raw) != 0 {
      cmark_node_free(node)
    } else {
      cmark_node_free(raw)
    }
  }

  /// A node's literal, with `BackslashMath` markers turned back into backslashes (in the tree too).
  private func literal(of node: OpaquePointer) -> String {
    let text = string(cmark_node_get_literal(node))
    guard hasMarkers, ByteSearch.contains(text, BackslashMath.marker) else { return text }
    let restored = BackslashMath.unmark(text)
    cmark_node_set_literal(node, restored)
    return restored
  }

  private func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
  }

  private func newlines(in text: String) -> Int {
    ByteSearch.count(text, UInt8(ascii: "\n"))
  }
}

/// The math inline syntax extension (`$` and the `BackslashMath` marker), created once per process.
///
/// A math span is parsed into a raw-HTML inline node holding the TeX and tagged through its user
/// data, not into a node type of our own: cmark-gfm's table cells silently drop children of types
/// they do not know, and raw HTML is what the span becomes anyway. The walk turns every tagged
/// node into rendered math before the tree is rendered.
private enum MathSyntax {
  static var inlineTag: UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: 1) }
  static var displayTag: UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: 2) }

  nonisolated(unsafe) static let shared: OpaquePointer = {
    cmark_gfm_core_extensions_ensure_registered()
    guard let ext = cmark_syntax_extension_new("math") else {
      fatalError("cmark-gfm could not allocate the math extension")
    }
    let memory = cmark_get_default_mem_allocator()
    var chars = cmark_llist_append(memory, nil, UnsafeMutableRawPointer(bitPattern: 0x24))
    chars = cmark_llist_append(
      memory, chars, UnsafeMutableRawPointer(bitPattern: UInt(BackslashMath.marker)))
    cmark_syntax_extension_set_special_inline_chars(ext, chars)
    cmark_syntax_extension_set_match_inline_func(ext, matchMath)
    return ext
  }()
}

/// Matches `$...$`, `$$...$$` (per `DollarMath`) or a marked `\(...\)`, `\[...\]` (per
/// `BackslashMath`) at the inline parser's position.
private let matchMath: cmark_match_inline_func = { _, _, _, character, inline in
  guard let inline else { return nil }
  let start = Int(cmark_inline_parser_get_offset(inline))
  let byte = { (offset: Int) -> UInt8 in
    cmark_inline_parser_set_offset(inline, Int32(offset))
    return cmark_inline_parser_peek_char(inline)
  }
  let memory = cmark_get_default_mem_allocator()
  var span: (texStart: Int, texEnd: Int, end: Int, display: Bool)?
  if character == UInt8(ascii: "$") {
    if let match = DollarMath.match(at: start, byte: byte) {
      span = (match.texStart, match.texEnd, match.end, match.display)
    }
  } else if character == BackslashMath.marker {
    let opener = byte(start + 1)
    if let close = BackslashMath.closer(opener: start, stopAtBlankLine: false, byte: byte) {
      span = (start + 2, close, close + 2, opener == UInt8(ascii: "["))
    } else if opener == UInt8(ascii: "(") || opener == UInt8(ascii: "[") {
      // Not math after all: the escaped bracket it was.
      cmark_inline_parser_set_offset(inline, Int32(start + 2))
      guard let text = cmark_node_new_with_mem(CMARK_NODE_TEXT, memory) else { return nil }
      cmark_node_set_literal(text, opener == UInt8(ascii: "(") ? "(" : "[")
      return text
    }
  }
  guard let span else {
    cmark_inline_parser_set_offset(inline, Int32(start))
    return nil
  }
  var tex: [CChar] = []
  tex.reserveCapacity(span.texEnd - span.texStart + 1)
  for offset in span.texStart..<span.texEnd { tex.append(CChar(bitPattern: byte(offset))) }
  tex.append(0)
  cmark_inline_parser_set_offset(inline, Int32(span.end))
  guard let node = cmark_node_new_with_mem(CMARK_NODE_HTML_INLINE, memory) else { return nil }
  cmark_node_set_literal(node, tex)
  cmark_node_set_user_data(node, span.display ? MathSyntax.displayTag : MathSyntax.inlineTag)
  return node
}
