import Foundation

/// An entry's Markdown, parsed once and read by every consumer: the index, the site, the cell
/// runner. Data flows one way: file -> `Entry` -> `Document` -> (index | HTML | cell run).
///
/// This is the contract between the Markdown pipeline and its consumers: fields may be added,
/// but not renamed or removed without updating every consumer.
public struct Document: Sendable {
  /// The entry's day.
  public var date: JournalDate
  /// The entry's path relative to the journal root (`journal/2018/2018-09-26.md`).
  public var path: String
  /// Front-matter title, else the first heading's text, else the date in long form.
  public var title: String
  /// The sections in order. The first has `level == 0` and holds the text before the first
  /// heading (it may be empty); each heading opens a section that runs to the next heading.
  public var sections: [Section]
  /// Every math span, in source order.
  public var math: [MathSpan]
  /// Every code block (fenced or indented), in source order, runnable cells included.
  public var codeBlocks: [CodeBlock]
  /// The runnable cells (```` ```python run ````), in source order.
  public var cells: [Cell]
  /// Every link and autolink, in source order.
  public var links: [Link]
  /// Every image (`![alt](path)`), in source order.
  public var images: [Image]
  /// Front-matter tags, then inline `#tag` words (outside code, math and URLs), deduplicated,
  /// lower-cased.
  public var tags: [String]
  /// Plain text of the whole entry for indexing: prose with emoji shown as their names, code,
  /// and math TeX.
  public var plainText: String
  /// The HTML fragment of the entry body (no front matter).
  public var html: String

  public init(
    date: JournalDate, path: String, title: String, sections: [Section], math: [MathSpan],
    codeBlocks: [CodeBlock], cells: [Cell], links: [Link], images: [Image] = [], tags: [String],
    plainText: String, html: String
  ) {
    self.images = images
    self.date = date
    self.path = path
    self.title = title
    self.sections = sections
    self.math = math
    self.codeBlocks = codeBlocks
    self.cells = cells
    self.links = links
    self.tags = tags
    self.plainText = plainText
    self.html = html
  }
}

/// An image of the entry: `![alt](destination)`.
public struct Image: Sendable, Hashable {
  /// The destination as written (a path relative to the day file, or a URL).
  public var destination: String
  public var line: Int

  public init(destination: String, line: Int) {
    self.destination = destination
    self.line = line
  }
}

/// A heading and the Markdown up to the next heading.
public struct Section: Sendable, Hashable {
  /// 1 to 6 for `#` to `######`; 0 for the text before the first heading.
  public var level: Int
  /// The heading's plain text (emoji as characters), empty for level 0.
  public var heading: String
  /// GitHub-style anchor slug, unique within the document (`django-unchained`, `setup-1`).
  public var anchor: String
  /// 1-based source lines (of the entry file, front matter included) covered by the section,
  /// heading line included.
  public var lines: ClosedRange<Int>
  /// Prose of the section with its inline code spans (no code blocks, no math), emoji followed
  /// by their names (`🐍 snake`).
  public var text: String
  /// Source of the code blocks and code spans of the section.
  public var code: String
  /// TeX of the math spans of the section, separated by newlines.
  public var mathText: String

  public init(
    level: Int, heading: String, anchor: String, lines: ClosedRange<Int>, text: String,
    code: String, mathText: String
  ) {
    self.level = level
    self.heading = heading
    self.anchor = anchor
    self.lines = lines
    self.text = text
    self.code = code
    self.mathText = mathText
  }
}

/// A TeX formula, exactly as written between its delimiters.
public struct MathSpan: Sendable, Hashable {
  /// The TeX source, byte for byte.
  public var tex: String
  /// `$$...$$`, `\[...\]` or a ```` ```math ```` fence.
  public var display: Bool
  /// 1-based line of the opening delimiter in the entry file.
  public var line: Int

  public init(tex: String, display: Bool, line: Int) {
    self.tex = tex
    self.display = display
    self.line = line
  }
}

/// A fenced or indented code block.
public struct CodeBlock: Sendable, Hashable {
  /// The first word of the info string (nil for indented blocks or a bare fence).
  public var language: String?
  /// The remaining words of the info string (`run`, `seed=1`, ...).
  public var options: [String]
  /// The code, with its final newline.
  public var source: String
  /// 1-based line of the opening fence (or first line, when indented) in the entry file.
  public var line: Int
  public var isFenced: Bool

  public init(language: String?, options: [String], source: String, line: Int, isFenced: Bool) {
    self.language = language
    self.options = options
    self.source = source
    self.line = line
    self.isFenced = isFenced
  }
}

/// A runnable cell: a fenced block whose info string is `python run` plus options.
public struct Cell: Sendable, Hashable {
  /// 0-based position among the entry's cells.
  public var index: Int
  public var source: String
  /// 1-based line of the cell's first source line (the line after the fence) in the entry file.
  public var line: Int
  public var options: CellOptions

  public init(index: Int, source: String, line: Int, options: CellOptions) {
    self.index = index
    self.source = source
    self.line = line
    self.options = options
  }
}

/// The options of a runnable cell's info string.
public struct CellOptions: Sendable, Hashable {
  /// `seed=N`: seed NumPy, PyTorch and `random` before the cell.
  public var seed: Int?
  /// `timeout=SECONDS`.
  public var timeout: Double?
  /// `echo=false` hides the source in the site.
  public var echo: Bool = true
  /// `output=false` hides the outputs in the site.
  public var output: Bool = true
  /// `error=true`: a failing cell is recorded and the run goes on.
  public var allowError: Bool = false
  /// Options we do not know, kept so they can be reported.
  public var unknown: [String] = []

  public init() {}

  /// Parses words such as `seed=1 timeout=30 echo=false`. Unknown or malformed words are kept in
  /// `unknown`.
  public init(words: [String]) {
    for word in words {
      let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
      let key = parts[0]
      let value = parts.count > 1 ? parts[1] : "true"
      switch (key, value) {
      case ("seed", _) where Int(value) != nil: seed = Int(value)
      case ("timeout", _) where Double(value) != nil: timeout = Double(value)
      case ("echo", "true"), ("echo", "false"): echo = value == "true"
      case ("output", "true"), ("output", "false"): output = value == "true"
      case ("error", "true"), ("error", "false"): allowError = value == "true"
      default: unknown.append(word)
      }
    }
  }
}

/// A link: Markdown (`[text](url)`), an autolink (`<https://...>`, `www.x.org`) or a wiki link
/// (`[[2018-09-17#Setup|text]]`).
public struct Link: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, Codable {
    case markdown, autolink, wiki
  }

  /// The URL as written; for a wiki link, its reference as written (`2018-09-17#Setup`).
  public var destination: String
  /// The link text as plain text (emoji as characters).
  public var text: String
  public var line: Int
  public var kind: Kind
  /// The entry it points to, for wiki links and Markdown links to day files.
  public var reference: LinkReference?
  /// The position in `Document.sections` of the section the link is in.
  public var section: Int
  /// The sentence the link is in, as plain text (the whole heading or table cell, for a link
  /// in one).
  public var context: String

  public init(
    destination: String, text: String, line: Int, kind: Kind = .markdown,
    reference: LinkReference? = nil, section: Int = 0, context: String = ""
  ) {
    self.destination = destination
    self.text = text
    self.line = line
    self.kind = kind
    self.reference = reference
    self.section = section
    self.context = context
  }
}
