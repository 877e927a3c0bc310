import Foundation

/// A span of days named the way people type them on the command line: `2018-09-26`, `2018-09`,
/// `2018`, `September 2018`, `September 26, 2018`, `today`, `yesterday`, `last week`.
///
/// Every expression names a closed range of days, so `--on 2018-09` means the whole month and
/// `--from 2018` starts on January 1.
public struct DateExpression: Sendable, Hashable {
  /// The first day named.
  public var first: JournalDate
  /// The last day named (equal to `first` for a single day).
  public var last: JournalDate

  public init(first: JournalDate, last: JournalDate) {
    self.first = first
    self.last = last
  }

  /// Whether the expression names exactly one day.
  public var isSingleDay: Bool { first == last }

  /// Parses `text` relative to `today`.
  ///
  /// `last week` is the Monday-to-Sunday week before the one holding `today`; `this week` runs
  /// from this week's Monday to `today`; `last month` and `this month` likewise.
  /// Throws a usage error naming the text when it is not a date or names a day that does not
  /// exist (`2018-13-40`).
  public static func parse(_ text: String, today: JournalDate = .today()) throws
    -> DateExpression
  {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let words = trimmed.lowercased().split(whereSeparator: { $0 == " " || $0 == "," })
    func fail() -> JournalError {
      JournalError(
        .usage,
        "'\(text)' is not a date (use 2018-09-26, 2018-09, 2018, September 2018, today, "
          + "yesterday or last week)")
    }
    switch words.joined(separator: " ") {
    case "today": return DateExpression(first: today, last: today)
    case "yesterday":
      let day = today.adding(days: -1)
      return DateExpression(first: day, last: day)
    case "this week":
      return DateExpression(first: today.adding(days: -today.weekdayFromMonday), last: today)
    case "last week":
      let monday = today.adding(days: -today.weekdayFromMonday - 7)
      return DateExpression(first: monday, last: monday.adding(days: 6))
    case "this month":
      return month(year: today.year, month: today.month)
        ?? DateExpression(first: today, last: today)
    case "last month":
      let (y, m) = today.month == 1 ? (today.year - 1, 12) : (today.year, today.month - 1)
      guard let range = month(year: y, month: m) else { throw fail() }
      return range
    default: break
    }
    if let day = JournalDate(iso: trimmed) ?? JournalDate(long: trimmed) {
      return DateExpression(first: day, last: day)
    }
    let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
    let allDigits = parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    if allDigits, parts.count == 1, parts[0].count == 4, let y = Int(parts[0]),
      let range = year(y)
    {
      return range
    }
    if allDigits, parts.count == 2, parts[0].count == 4, parts[1].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let range = month(year: y, month: m)
    {
      return range
    }
    if words.count == 2, let m = JournalDate.month(named: words[0]), words[1].count == 4,
      let y = Int(words[1]), let range = month(year: y, month: m)
    {
      return range
    }
    throw fail()
  }

  /// The whole of a month, or nil if it does not exist.
  static func month(year: Int, month: Int) -> DateExpression? {
    guard let first = JournalDate(year: year, month: month, day: 1),
      let last = JournalDate(
        year: year, month: month,
        day: JournalDate.daysIn(month: month, year: year))
    else { return nil }
    return DateExpression(first: first, last: last)
  }

  /// The whole of a year, or nil if it is out of range.
  static func year(_ year: Int) -> DateExpression? {
    guard let first = JournalDate(year: year, month: 1, day: 1),
      let last = JournalDate(year: year, month: 12, day: 31)
    else { return nil }
    return DateExpression(first: first, last: last)
  }
}

/// An inclusive range of days used to filter entries; either end may be open.
public struct DateFilter: Sendable, Hashable {
  public var from: JournalDate?
  public var to: JournalDate?

  public init(from: JournalDate? = nil, to: JournalDate? = nil) {
    self.from = from
    self.to = to
  }

  /// Combines the `--on`, `--from` and `--to` options of a command. `--on` names both ends;
  /// `--from` takes the first day of its expression and `--to` the last. Throws a usage error
  /// for text that is not a date or a range that ends before it starts.
  public init(on: String?, from: String?, to: String?, today: JournalDate = .today()) throws {
    if let on {
      let range = try DateExpression.parse(on, today: today)
      self.from = range.first
      self.to = range.last
    }
    if let from {
      let first = try DateExpression.parse(from, today: today).first
      self.from = self.from.map { Swift.max($0, first) } ?? first
    }
    if let to {
      let last = try DateExpression.parse(to, today: today).last
      self.to = self.to.map { Swift.min($0, last) } ?? last
    }
    if let a = self.from, let b = self.to, b < a {
      throw JournalError(.usage, "the date range ends (\(b.iso)) before it starts (\(a.iso))")
    }
  }

  public var isEmpty: Bool { from == nil && to == nil }

  public func contains(_ date: JournalDate) -> Bool {
    (from.map { $0 <= date } ?? true) && (to.map { date <= $0 } ?? true)
  }
}

extension JournalDate {
  /// 0 for Monday through 6 for Sunday.
  public var weekdayFromMonday: Int {
    // 1970-01-01 was a Thursday (3 days after Monday).
    ((daysSinceEpoch + 3) % 7 + 7) % 7
  }
}
