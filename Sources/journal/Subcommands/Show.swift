import ArgumentParser
import Foundation
import JournalKit

extension Journal {
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show an entry rendered for the terminal.",
      discussion: """
        DATE is a day (2018-09-26, today, yesterday) or a span (2018-09, "last week"): every
        entry in it is shown, oldest first. Headings, emphasis and code are styled on a
        terminal; math stays TeX. Exit status 1 when there is no entry.
        """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print the file as it is, without styling.")
    var raw = false

    @Argument(help: "The day or span to show.")
    var date: [String]

    func run() throws {
      let journal = try global.journal()
      let text = date.joined(separator: " ")
      let entries = try JournalKit_run { () -> [Entry] in
        let range = try DateExpression.parse(text)
        _ = try SearchIndex.openUpdated(journal)
        // One day is one known path: no need to list the whole journal.
        let entries =
          range.isSingleDay
          ? try journal.entry(on: range.first).map { [$0] } ?? []
          : try journal.entryFiles().files.filter {
            range.first <= $0.date && $0.date <= range.last
          }.map(journal.readEntry)
        guard !entries.isEmpty else {
          throw JournalError(
            .notFound,
            range.isSingleDay
              ? "no entry on \(range.first.iso)"
              : "no entries from \(range.first.iso) to \(range.last.iso)")
        }
        return entries
      }
      let style = TextStyle.forStandardOutput()
      let out = Terminal.standardOutput
      for (n, entry) in entries.enumerated() {
        if n > 0 { out.write("\n") }
        if raw {
          out.write(entry.source)
          continue
        }
        let document = MarkdownPipeline().document(for: entry)
        out.write(style.bold(entry.date.longForm) + "  " + style.dim(entry.path) + "\n")
        if document.title != entry.date.longForm,
          !document.sections.contains(where: { $0.level > 0 && $0.heading == document.title })
        {
          out.write(style.bold(style.cyan(document.title)) + "\n")
        }
        let body = entry.body.drop(while: \.isNewline)
        out.write("\n" + TerminalRenderer(style: style).render(body))
      }
    }
  }
}

/// Renders Markdown for a terminal, line by line: headings bold and coloured, `**strong**`,
/// `_emphasis_`, `` `code` `` and fenced code styled, math left as TeX (highlighted), emoji
/// shortcodes (`:snake:`) as emoji outside code. Without colour the text is printed as written,
/// which is already readable Markdown, with only the shortcodes replaced.
struct TerminalRenderer {
  var style: TextStyle

  func render(_ markdown: Substring) -> String {
    var out = ""
    var inFence = false
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.drop(while: { $0 == " " })
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        inFence.toggle()
        out += style.dim(String(line)) + "\n"
        continue
      }
      if inFence {
        out += style.color ? style.yellow("  " + line) + "\n" : line + "\n"
        continue
      }
      guard style.color else {
        out += TerminalRenderer.emojiOutsideCodeSpans(line) + "\n"
        continue
      }
      let hashes = line.prefix(while: { $0 == "#" }).count
      if (1...6).contains(hashes), line.dropFirst(hashes).first == " " {
        let text = Emoji.replacingShortcodes(in: String(line.dropFirst(hashes + 1)))
        out += style.bold(style.cyan(text)) + "\n"
        continue
      }
      out += inline(String(line)) + "\n"
    }
    return out
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
