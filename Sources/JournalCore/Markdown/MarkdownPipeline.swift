import Foundation

/// Parses entries into `Document`s and renders them: GFM through cmark-gfm, `$` math through a
/// cmark-gfm inline extension (so Markdown never touches TeX), emoji shortcodes, code blocks with
/// server-side highlighting, and runnable cells.
public struct MarkdownPipeline: Sendable {
  public struct Options: Sendable {
    /// Converts TeX to HTML for math spans, rendered where the span stands; nil renders the
    /// escaped TeX in `<span class="math inline">` / `<div class="math display">` (a display
    /// formula alone in its paragraph replaces the paragraph; amid text it is a
    /// `<span class="math display">`).
    public var mathRenderer: (@Sendable (_ tex: String, _ display: Bool) -> String)?
    /// The GFM extensions to enable (all by default).
    public var extensions: [MarkdownExtension]
    /// Recognise `$...$`, `$$...$$` and ```` ```math ```` fences.
    public var math: Bool
    /// Replace `:shortcode:` by emoji.
    public var emoji: Bool
    /// Highlight code blocks of known languages (off, blocks render exactly as cmark-gfm's).
    public var highlight: Bool
    /// Give headings an anchor (`<a id="slug" ...>`) matching `Section.anchor`.
    public var headingAnchors: Bool
    /// Leave out of the HTML the heading the title came from, when the entry opens with it (a
    /// page that shows the title as its own `<h1>` would show it twice). Its section keeps its
    /// text but loses its anchor.
    public var dropsTitleHeading = false
    /// Renumber the HTML's headings to follow a page's own `<h1>` without skipping a level: the
    /// entry's first heading becomes `<h2>`, a deeper one one level more, a heading as shallow
    /// as an earlier one its level (so `####` then `#####` become `<h2>` then `<h3>`). Sections
    /// keep the levels of the source.
    public var headingsFollowTitle = false
    /// Render `Document.html`. Off, the document keeps its text, sections, math, code, cells,
    /// links and tags, its `html` is empty, and no tree edit (highlighting, anchors, math or
    /// emoji markup) is made: what the index and the terminal need, at about half the cost.
    public var renderHTML: Bool
    /// The `href` of a link into the journal (a wiki link, or a Markdown link to a day file),
    /// or nil when it points nowhere; a wiki link with no `href` renders as
    /// `<span class="wikilink missing">`. Unset, Markdown links keep their URL and wiki links
    /// render as `<span class="wikilink">`.
    public var linkHref: (@Sendable (LinkReference) -> String?)?
    /// Reduce the entries' raw HTML to GitHub's allow-list of elements and attributes (see
    /// `HTMLSanitizer`): no script, event handler or script URL reaches the page, and a tag
    /// that is not allowed shows as text. Off (`trust_html: true` in `journal.yml`), raw HTML
    /// is copied as it is, as CommonMark says.
    public var sanitizesHTML = true
    /// The URL of an image's `src` or of a Markdown link that is not to a day file, given its
    /// destination as written (files of the journal, on the site); nil keeps the destination.
    public var fileURL: (@Sendable (String) -> String?)?

    public init(
      mathRenderer: (@Sendable (String, Bool) -> String)? = nil,
      extensions: [MarkdownExtension] = MarkdownExtension.allCases, math: Bool = true,
      emoji: Bool = true, highlight: Bool = true, headingAnchors: Bool = true,
      renderHTML: Bool = true, linkHref: (@Sendable (LinkReference) -> String?)? = nil
    ) {
      self.linkHref = linkHref
      self.mathRenderer = mathRenderer
      self.extensions = extensions
      self.math = math
      self.emoji = emoji
      self.highlight = highlight
      self.headingAnchors = headingAnchors
      self.renderHTML = renderHTML
    }

    /// Everything but the HTML: the search index's parse.
    public static let textOnly = Options(
      highlight: false, headingAnchors: false,
      renderHTML: false)
  }

  public var options: Options

  public init(options: Options = Options()) { self.options = options }

  /// Parses an entry.
  ///
  /// - Parameter cellOutputs: what to show after each runnable cell (the site shows its frozen
  ///   outputs), given the entry's cells up to and including it. When set, a cell with
  ///   `echo=false` loses its source.
  public func document(for entry: Entry, cellOutputs: CellOutputs? = nil) -> Document {
    let tree = CmarkTree(
      markdown: String(entry.body), extensions: options.extensions,
      math: options.math)
    var builder = DocumentBuilder(
      options: options, firstLine: entry.bodyLine, title: entry.frontMatter.title,
      cellOutputs: cellOutputs)
    let html: String
    if options.renderHTML {
      tree.walk { builder.visit($0) }
      html = tree.html()
    } else {
      tree.walk {
        _ = builder.visit($0); return nil
      }
      html = ""
    }
    let lastLine = entry.bodyLine + max(0, lineCount(entry.body) - 1)
    let parts = builder.finish(lastLine: lastLine)
    let title =
      entry.frontMatter.title
      ?? parts.sections.first(where: { $0.level > 0 })?.heading ?? entry.date.longForm
    var tags: [String] = []
    var seen = Set<String>()
    for tag in entry.frontMatter.tags.map({ TagNames.normalized($0) }) + parts.tags
    where seen.insert(tag).inserted {
      tags.append(tag)
    }
    return Document(
      date: entry.date, path: entry.path, title: title, sections: parts.sections,
      math: parts.math, codeBlocks: parts.codeBlocks, cells: parts.cells, links: parts.links,
      images: parts.images,
      tags: tags, plainText: parts.plainText, html: html)
  }

  /// The HTML fragment of a Markdown text (no front matter handling): for `journal render` and
  /// spec runners.
  public func html(for markdown: String) -> String {
    let tree = CmarkTree(markdown: markdown, extensions: options.extensions, math: options.math)
    var builder = DocumentBuilder(options: options, firstLine: 1)
    tree.walk { builder.visit($0) }
    return tree.html()
  }

  private func lineCount(_ text: Substring) -> Int {
    var count = 1 + ByteSearch.count(text, UInt8(ascii: "\n"))
    if text.utf8.last == UInt8(ascii: "\n") { count -= 1 }
    return count
  }
}

/// The HTML shown after a runnable cell, given the entry's cells up to and including it (so its
/// output can be checked against the sources it was computed from).
public typealias CellOutputs = @Sendable (_ cells: [Cell]) -> String

/// Makes GitHub-style heading anchors unique within a document (`setup`, `setup-1`, ...).
public struct SlugSet: Sendable {
  private var used: [String: Int] = [:]
  public init() {}

  /// GitHub's slug: lower-case, punctuation removed (except `-` and `_`), spaces to `-`.
  public static func slug(_ heading: String) -> String {
    var ascii: [UInt8] = []
    ascii.reserveCapacity(heading.utf8.count)
    for byte in heading.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): ascii.append(byte + 32)
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"), UInt8(ascii: "_"):
        ascii.append(byte)
      case UInt8(ascii: " "): ascii.append(UInt8(ascii: "-"))
      case 0x80...: return unicodeSlug(heading)
      default: break
      }
    }
    return String(decoding: ascii, as: UTF8.self)
  }

  private static func unicodeSlug(_ heading: String) -> String {
    var out = ""
    for ch in heading.lowercased() {
      if ch == " " {
        out.append("-")
      } else if ch == "-" || ch == "_" || ch.isLetter || ch.isNumber {
        out.append(ch)
      }
    }
    return out
  }

  public mutating func unique(for heading: String) -> String {
    let base = SlugSet.slug(heading)
    guard var n = used[base] else {
      used[base] = 1
      return base
    }
    var candidate = "\(base)-\(n)"
    while used[candidate] != nil {
      n += 1
      candidate = "\(base)-\(n)"
    }
    used[base] = n + 1
    used[candidate] = 1
    return candidate
  }
}
