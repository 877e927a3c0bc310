import Foundation

/// ANSI styling, or none: `TextStyle(color: false)` returns every text unchanged.
public struct TextStyle: Sendable {
  public var color: Bool

  public init(color: Bool) { self.color = color }

  /// Colour when standard output is a terminal and `NO_COLOR` is unset; `JOURNAL_COLOR=always`
  /// or `never` overrides both.
  public static func forStandardOutput(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> TextStyle {
    switch environment["JOURNAL_COLOR"] {
    case "always": return TextStyle(color: true)
    case "never": return TextStyle(color: false)
    default: break
    }
    if environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return TextStyle(color: false) }
    return TextStyle(color: isatty(1) == 1 && environment["TERM"] != "dumb")
  }

  public func wrap(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
  public func bold(_ text: String) -> String { wrap(text, "1") }
  public func dim(_ text: String) -> String { wrap(text, "2") }
  public func italic(_ text: String) -> String { wrap(text, "3") }
  public func red(_ text: String) -> String { wrap(text, "1;31") }
  public func cyan(_ text: String) -> String { wrap(text, "36") }
  public func yellow(_ text: String) -> String { wrap(text, "33") }
  public func magenta(_ text: String) -> String { wrap(text, "35") }
}

/// An entry for a terminal (`journal show`): its date, path and title, then its Markdown line
/// by line as written, with what the `Document` knows of each line styled: headings bold and
/// coloured, code blocks and their fences, and within prose `**strong**`, `_emphasis_`,
/// `` `code` `` and math (left as TeX). Emoji shortcodes become emoji outside code. Without
/// colour the text is printed as written, which is already readable Markdown, with only the
/// shortcodes replaced.
public struct TerminalRenderer: Sendable {
  public var style: TextStyle

  public init(style: TextStyle) { self.style = style }

  /// The entry's header and body.
  public func render(_ entry: Entry, _ document: Document) -> String {
    var out = style.bold(entry.date.longForm) + "  " + style.dim(entry.path) + "\n"
    if document.title != entry.date.longForm,
      !document.sections.contains(where: { $0.level > 0 && $0.heading == document.title })
    {
      out += style.bold(style.cyan(document.title)) + "\n"
    }
    return out + "\n" + body(entry, document)
  }

  /// What a line of the entry file is, as the document's parse saw it.
  private enum LineKind { case prose, heading, fence, code }

  /// The body from its first non-empty line, each line styled by its kind.
  func body(_ entry: Entry, _ document: Document) -> String {
    var kinds: [Int: LineKind] = [:]
    for section in document.sections where section.level > 0 {
      kinds[section.lines.lowerBound] = .heading
    }
    // Fenced blocks: the opening fence, the code, and the closing fence when there is one.
    let fenced =
      document.codeBlocks.filter(\.isFenced).map { ($0.line, $0.source) }
      + document.math.filter { isFence(entry, line: $0.line) }.map { ($0.line, $0.tex) }
    for (line, source) in fenced {
      kinds[line] = .fence
      let count =
        source.isEmpty
        ? 0
        : source.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
          + (source.hasSuffix("\n") ? 0 : 1)
      for n in 0..<count { kinds[line + 1 + n] = .code }
      if isFence(entry, line: line + count + 1) { kinds[line + count + 1] = .fence }
    }
    var out = ""
    var lineNumber = entry.bodyLine
    var started = false
    for line in entry.body.split(separator: "\n", omittingEmptySubsequences: false) {
      defer { lineNumber += 1 }
      if !started {
        guard !line.isEmpty else { continue }
        started = true
      }
      switch kinds[lineNumber] ?? .prose {
      case .fence: out += style.dim(String(line)) + "\n"
      case .code: out += (style.color ? style.yellow("  " + line) : String(line)) + "\n"
      case .heading where style.color:
        let unmarked = line.drop(while: { $0 == "#" })
        let text = unmarked.first == " " ? unmarked.dropFirst() : unmarked
        out += style.bold(style.cyan(Emoji.replacingShortcodes(in: String(text)))) + "\n"
      case .heading, .prose:
        out += (style.color ? inline(String(line)) : Self.emojiOutsideCodeSpans(line)) + "\n"
      }
    }
    return out
  }

  /// Whether line `n` (1-based, of the entry file) opens or closes a fence.
  private func isFence(_ entry: Entry, line n: Int) -> Bool {
    let index = n - entry.bodyLine
    guard index >= 0 else { return false }
    var current = 0
    for line in entry.body.split(separator: "\n", omittingEmptySubsequences: false) {
      if current == index {
        let trimmed = line.drop(while: { $0 == " " })
        return trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~")
      }
      current += 1
    }
    return false
  }

  /// The line with shortcodes replaced everywhere but inside `` `code spans` ``.
  static func emojiOutsideCodeSpans(_ line: Substring) -> String {
    guard line.contains(":") else { return String(line) }
    var out = ""
    var inCode = false
    for (n, piece) in line.split(separator: "`", omittingEmptySubsequences: false).enumerated() {
      if n > 0 { out += "`" }
      out += inCode ? String(piece) : Emoji.replacingShortcodes(in: String(piece))
      inCode.toggle()
    }
    return out
  }

  /// Styles code spans, math, strong and emphasis within one line.
  func inline(_ line: String) -> String {
    var out = ""
    // Plain text waits here so its shortcodes are replaced in one piece.
    var plain = ""
    func flushPlain() {
      out += Emoji.replacingShortcodes(in: plain)
      plain = ""
    }
    let chars = Array(line)
    var i = 0
    func closing(_ delimiter: [Character], from start: Int) -> Int? {
      var j = start
      while j + delimiter.count <= chars.count {
        if Array(chars[j..<(j + delimiter.count)]) == delimiter { return j }
        j += 1
      }
      return nil
    }
    while i < chars.count {
      let c = chars[i]
      if c == "`", let end = closing(["`"], from: i + 1) {
        flushPlain()
        out += style.yellow(String(chars[(i + 1)..<end]))
        i = end + 1
      } else if c == "$" {
        let delimiter: [Character] =
          i + 1 < chars.count && chars[i + 1] == "$" ? ["$", "$"] : ["$"]
        if let end = closing(delimiter, from: i + delimiter.count), end > i + delimiter.count {
          flushPlain()
          out += style.magenta(String(chars[i..<(end + delimiter.count)]))
          i = end + delimiter.count
        } else {
          plain.append(c)
          i += 1
        }
      } else if c == "*" || c == "_", i + 1 < chars.count, chars[i + 1] == c,
        let end = closing([c, c], from: i + 2), end > i + 2
      {
        flushPlain()
        out += style.bold(Emoji.replacingShortcodes(in: String(chars[(i + 2)..<end])))
        i = end + 2
      } else if c == "*" || c == "_", i + 1 < chars.count, chars[i + 1] != " ",
        i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber),
        let end = closing([c], from: i + 1), end > i + 1,
        end + 1 >= chars.count || !(chars[end + 1].isLetter || chars[end + 1].isNumber)
      {
        flushPlain()
        out += style.italic(Emoji.replacingShortcodes(in: String(chars[(i + 1)..<end])))
        i = end + 1
      } else {
        plain.append(c)
        i += 1
      }
    }
    flushPlain()
    return out
  }
}
