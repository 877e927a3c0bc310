import Foundation

/// A journal kept as one Markdown file: a header, then entries, each opened by a `---` line and a
/// date line (`` `September 26, 2018` ``, `` `2018-09-26` ``, `2018-09-26` or `### 2018-09-26`).
///
/// `split` and `assemble` are exact inverses: `assemble(split(text)) == text` byte for byte, which
/// `journal import` checks before it writes anything.
public struct SingleFileJournal: Sendable, Equatable {
  /// Everything before the first entry (becomes `journal/README.md`).
  public var header: String
  /// One item per day, in the order the file lists them, with the exact text of each day file.
  public var days: [Day]
  /// How `assemble` writes the separator and date lines, and in which order.
  public var layout: ExportLayout

  /// A day's file content and the runs of the single file it came from.
  public struct Day: Sendable, Equatable {
    public var date: JournalDate
    /// The day file's text: the first entry's body, then each later entry of the same date with
    /// its own separator and date line, verbatim.
    public var content: String
  }

  public init(header: String, days: [Day], layout: ExportLayout) {
    self.header = header
    self.days = days
    self.layout = layout
  }

  /// What the line after a `---` line is.
  enum DateLine: Equatable {
    case date(JournalDate)
    /// It looks like a date line (a whole-line code span) but does not parse.
    case invalid(String)
    case notDate
  }

  /// Classifies a line (without its terminator) following a separator.
  static func classify(_ line: Substring) -> DateLine {
    let text = line.trimmingTrailingWhitespace
    if text.count >= 2, text.first == "`", text.last == "`" {
      let inner = text.dropFirst().dropLast()
      if inner.contains("`") { return .notDate }
      let trimmed = inner.trimmingCharacters(in: .whitespaces)
      if let d = JournalDate(long: trimmed) ?? JournalDate(iso: trimmed) { return .date(d) }
      return .invalid(String(inner))
    }
    if text.hasPrefix("### ") {
      let rest = text.dropFirst(4).trimmingCharacters(in: .whitespaces)
      if let d = JournalDate(iso: rest) ?? JournalDate(long: rest) { return .date(d) }
      return .notDate
    }
    if let d = JournalDate(iso: text) ?? JournalDate(long: text) { return .date(d) }
    return .notDate
  }

  static func isSeparator(_ line: Substring) -> Bool { line.trimmingTrailingWhitespace == "---" }

  /// The 1-based line of the first `---` line of `text` followed by a date line (or a line that
  /// looks like one), other than one of `date`: in a single-file journal it would start a new
  /// entry, so `journal export` then `import` would move what follows to another day.
  public static func entryBreakLine(in text: String, date: JournalDate? = nil) -> Int? {
    let lines = text.linesKeepingTerminators()
    var i = 0
    while i + 1 < lines.count {
      if isSeparator(lines[i].content) {
        switch classify(lines[i + 1].content) {
        case .date(let d) where d == date: break
        case .date, .invalid: return i + 1
        case .notDate: break
        }
      }
      i += 1
    }
    return nil
  }

  /// One entry as it appears in the single file.
  struct RawEntry {
    var date: JournalDate
    var separatorLine: Substring  // with its line terminator
    var dateLine: Substring  // with its line terminator
    var body: Substring
    var lineNumber: Int  // of the separator, 1-based
  }

  /// Splits a single-file journal. Throws `file:line: message` for a date line that cannot be
  /// parsed, or when the file holds no entry at all.
  public static func split(_ text: String, file: String) throws -> SingleFileJournal {
    let lines = text.linesKeepingTerminators()
    var raw: [RawEntry] = []
    var headerEnd: String.Index? = nil
    var bodyStart: String.Index? = nil
    var i = 0
    while i < lines.count {
      let line = lines[i]
      if isSeparator(line.content), i + 1 < lines.count {
        switch classify(lines[i + 1].content) {
        case .date(let date):
          if let start = bodyStart, !raw.isEmpty {
            raw[raw.count - 1].body = text[start..<line.full.startIndex]
          } else if headerEnd == nil {
            headerEnd = line.full.startIndex
          }
          raw.append(
            RawEntry(
              date: date, separatorLine: line.full, dateLine: lines[i + 1].full,
              body: "", lineNumber: i + 1))
          bodyStart = lines[i + 1].full.endIndex
          i += 2
          continue
        case .invalid(let inner):
          throw JournalError(
            .invalidInput,
            "cannot parse date '\(inner)' (expected a date like "
              + "'September 26, 2018' or '2018-09-26')", file: file, line: i + 2)
        case .notDate:
          break
        }
      }
      i += 1
    }
    guard let headerEnd, let bodyStart else {
      throw JournalError(
        .invalidInput,
        "no entries found: expected a '---' line followed by a date line such as "
          + "`September 26, 2018`", file: file, line: 1)
    }
    raw[raw.count - 1].body = text[bodyStart...]

    // Group into days (all entries of a date share one file, in order of appearance) and runs
    // (consecutive entries of one date).
    var order: [JournalDate] = []
    var contents: [JournalDate: String] = [:]
    var runs: [(date: JournalDate, parts: Int)] = []
    var overrides: [JournalDate: ExportLayout.Override] = [:]
    var partsSeen: [JournalDate: Int] = [:]
    for entry in raw {
      if contents[entry.date] == nil {
        order.append(entry.date)
        contents[entry.date] = String(entry.body)
        let sep = String(entry.separatorLine)
        let dl = String(entry.dateLine)
        overrides[entry.date] = ExportLayout.Override(separatorLine: sep, dateLine: dl)
      } else {
        contents[entry.date]! += String(entry.separatorLine) + entry.dateLine + entry.body
      }
      partsSeen[entry.date, default: 0] += 1
      if let last = runs.last, last.date == entry.date {
        runs[runs.count - 1].parts += 1
      } else {
        runs.append((entry.date, 1))
      }
    }

    // Check that a later part can be found again by splitting the day file, and that a body that
    // begins with `---` would not be mistaken for front matter.
    // Front matter that parses is what `journal export` writes for a day file that has some.
    for entry in raw where contents[entry.date]?.hasPrefix("---") == true {
      let content = contents[entry.date] ?? ""
      if FrontMatter.split(content).yaml != nil,
        (try? Entry(date: entry.date, path: "", source: content)) == nil
      {
        throw JournalError(
          .invalidInput,
          "the entry of \(entry.date.iso) begins with a '---' line, which a day file would read "
            + "as front matter; add a blank line after the date line", file: file,
          line: entry.lineNumber + 2)
      }
    }

    let runDates = runs.map(\.date)
    let distinct = Set(runDates).count == runDates.count
    let descending = distinct && zip(runDates, runDates.dropFirst()).allSatisfy { $0 > $1 }
    let ascending = distinct && zip(runDates, runDates.dropFirst()).allSatisfy { $0 < $1 }
    var layout = ExportLayout()
    if descending {
      layout.order = .newestFirst
    } else if ascending && runDates.count > 1 {
      layout.order = .oldestFirst
    } else {
      layout.order = .sequence(runs.map { ExportLayout.Run(date: $0.date, parts: $0.parts) })
    }
    // Keep only the separator and date lines that differ from what the layout would write.
    let first = raw[0]
    layout.dateStyle =
      ExportLayout.DateStyle.detect(
        dateLine: first.dateLine.trimmingLineTerminator, date: first.date) ?? .long
    layout.lineTerminator = first.separatorLine.hasSuffix("\r\n") ? "\r\n" : "\n"
    for (date, o) in overrides {
      if o.separatorLine == layout.defaultSeparatorLine
        && o.dateLine == layout.defaultDateLine(for: date)
      {
        overrides[date] = nil
      }
    }
    layout.overrides = overrides
    let days = order.map { Day(date: $0, content: contents[$0]!) }
    return SingleFileJournal(header: String(text[..<headerEnd]), days: days, layout: layout)
  }

  /// Reassembles the single file: the header, then each day with its separator and date line.
  ///
  /// `days` may be in any order; the layout decides. Days the layout does not mention (added
  /// after the import) are placed by date.
  public static func assemble(header: String, days: [Day], layout: ExportLayout) -> String {
    var out = header
    let byDate = Dictionary(days.map { ($0.date, $0.content) }, uniquingKeysWith: { a, _ in a })
    // A `---` line must start a line of its own, or the day before would swallow its day. Text
    // from `split` always ends a line there (the separators started lines); a day file written
    // since, without a last line break, gets one.
    func startLine() {
      if let last = out.utf8.last, last != UInt8(ascii: "\n") { out += layout.lineTerminator }
    }
    func emitWhole(_ date: JournalDate) {
      guard let content = byDate[date] else { return }
      startLine()
      out += layout.separatorLine(for: date) + layout.dateLine(for: date) + content
    }
    switch layout.order {
    case .newestFirst:
      for date in byDate.keys.sorted(by: >) { emitWhole(date) }
    case .oldestFirst:
      for date in byDate.keys.sorted() { emitWhole(date) }
    case .sequence(let runs):
      var parts: [JournalDate: [String]] = [:]
      for (date, content) in byDate {
        parts[date] = splitParts(content, date: date)
      }
      var used: [JournalDate: Int] = [:]
      let listed = Set(runs.map(\.date))
      // Days added since the import go first, newest first, as a journal is usually read.
      for date in byDate.keys.filter({ !listed.contains($0) }).sorted(by: >) { emitWhole(date) }
      var lastRunOfDate: [JournalDate: Int] = [:]
      for (position, run) in runs.enumerated() { lastRunOfDate[run.date] = position }
      for (position, run) in runs.enumerated() {
        guard let p = parts[run.date] else { continue }
        let start = used[run.date, default: 0]
        guard start < p.count else { continue }
        // The last run of a date also takes any parts added to the day file since the import.
        let end = lastRunOfDate[run.date] == position ? p.count : min(p.count, start + run.parts)
        startLine()
        if start == 0 {
          out += layout.separatorLine(for: run.date) + layout.dateLine(for: run.date)
        }
        out += p[start..<end].joined()
        used[run.date] = end
      }
    }
    return out
  }

  /// Splits a day file into the parts that were separate entries of the single file: the first
  /// part is the body; each later part starts with its own separator and date line.
  static func splitParts(_ content: String, date: JournalDate) -> [String] {
    let lines = content.linesKeepingTerminators()
    var cuts: [String.Index] = []
    var i = 0
    while i + 1 < lines.count {
      if isSeparator(lines[i].content), classify(lines[i + 1].content) == .date(date) {
        cuts.append(lines[i].full.startIndex)
        i += 2
      } else {
        i += 1
      }
    }
    var parts: [String] = []
    var start = content.startIndex
    for cut in cuts {
      parts.append(String(content[start..<cut]))
      start = cut
    }
    parts.append(String(content[start...]))
    return parts
  }

  /// The single file this journal came from.
  public func assembled() -> String {
    SingleFileJournal.assemble(header: header, days: days, layout: layout)
  }
}

/// How `journal export` writes the single file: the order of the days, the date line style, and
/// the exact separator and date lines that differ from that style. Stored in
/// `journal/export.yml` when it differs from the default (newest first, `` `September 26, 2018` ``).
public struct ExportLayout: Sendable, Equatable {
  public enum Order: Sendable, Equatable {
    case newestFirst
    case oldestFirst
    /// The days in this exact order (a day may appear in several runs).
    case sequence([Run])
  }

  public struct Run: Sendable, Equatable, Codable {
    public var date: JournalDate
    /// How many consecutive entries of this date the run holds.
    public var parts: Int
  }

  public enum DateStyle: String, Sendable, Equatable, CaseIterable {
    /// `` `September 26, 2018` ``
    case long
    /// `` `2018-09-26` ``
    case isoCode = "iso-code"
    /// `2018-09-26`
    case iso
    /// `### 2018-09-26`
    case isoHeading = "iso-heading"

    public func line(for date: JournalDate) -> String {
      switch self {
      case .long: return "`\(date.longForm)`"
      case .isoCode: return "`\(date.iso)`"
      case .iso: return date.iso
      case .isoHeading: return "### \(date.iso)"
      }
    }

    static func detect(dateLine: Substring, date: JournalDate) -> DateStyle? {
      allCases.first { $0.line(for: date) == dateLine }
    }
  }

  /// The separator and date line of a day, with their line terminators, when they differ from
  /// the layout's style.
  public struct Override: Sendable, Equatable {
    public var separatorLine: String
    public var dateLine: String
  }

  public var order: Order = .newestFirst
  public var dateStyle: DateStyle = .long
  public var lineTerminator: String = "\n"
  public var overrides: [JournalDate: Override] = [:]

  public init() {}

  public var isDefault: Bool { self == ExportLayout() }

  var defaultSeparatorLine: String { "---" + lineTerminator }
  func defaultDateLine(for date: JournalDate) -> String {
    dateStyle.line(for: date) + lineTerminator
  }
  func separatorLine(for date: JournalDate) -> String {
    overrides[date]?.separatorLine ?? defaultSeparatorLine
  }
  func dateLine(for date: JournalDate) -> String {
    overrides[date]?.dateLine ?? defaultDateLine(for: date)
  }
}

extension StringProtocol {
  var trimmingTrailingWhitespace: SubSequence {
    var end = endIndex
    while end > startIndex {
      let before = index(before: end)
      let c = self[before]
      guard c == " " || c == "\t" || c == "\r" || c == "\n" || c == "\r\n" else { break }
      end = before
    }
    return self[startIndex..<end]
  }

  var trimmingLineTerminator: SubSequence {
    if let c = last, c == "\n" || c == "\r\n" || c == "\r" { return dropLast() }
    return self[...]
  }
}

extension String {
  /// A line and the same line with its terminator.
  struct Line {
    var content: Substring
    var full: Substring
  }

  /// Splits into lines; `full` keeps the `\n` or `\r\n` so that joining gives the text back.
  func linesKeepingTerminators() -> [Line] {
    var lines: [Line] = []
    var start = startIndex
    let u = utf8
    var i = u.startIndex
    while i < u.endIndex {
      if u[i] == UInt8(ascii: "\n") {
        let next = u.index(after: i)
        var contentEnd = i
        if contentEnd > start, u[u.index(before: contentEnd)] == UInt8(ascii: "\r") {
          contentEnd = u.index(before: contentEnd)
        }
        lines.append(Line(content: self[start..<contentEnd], full: self[start..<next]))
        start = next
      }
      i = u.index(after: i)
    }
    if start < endIndex {
      lines.append(Line(content: self[start...], full: self[start...]))
    }
    return lines
  }
}
