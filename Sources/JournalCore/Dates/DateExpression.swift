import Foundation

/// A span of days named the way people type them on the command line.
///
/// One parser for every command that takes a date (`add --date`, `new`, `edit`, `show`,
/// `links`, `run-entry`, `--on`/`--from`/`--to`). The forms, relative to `today`:
///
/// - one day: `2018-09-26`, `Sep 26 2018`, `26 Sep 2018`, `September 26, 2018` (month names in
///   English, full or abbreviated, any case; without the year, `Sep 26` is in today's year);
///   `today`, `yesterday`, `tomorrow`; `3 days ago`, `2 weeks ago`, `1 month ago`, `1 year ago`;
/// - a weekday, as GNU `date -d` reads it: `friday` (or `this friday`) is today if today is a
///   Friday, else the coming one; `next friday` is the first Friday after today; `last friday`
///   the last one before today;
/// - a span: `2018-09` and `September 2018` (the month), `2018` (the year), `this week` (Monday
///   to today), `last week` (the Monday-to-Sunday week before this one), `this month`,
///   `last month`.
///
/// Every expression names a closed range of days, so `--on 2018-09` means the whole month and
/// `--from 2018` starts on January 1. `N months ago` and `N years ago` keep the day of the month
/// where it exists and otherwise take the month's last day (GNU `date` would run on into the
/// next month: `2018-03-31` minus one month is `2018-02-28` here, `2018-03-03` there).
public struct DateExpression: Sendable, Hashable {
  /// The first day named.
  public var first: JournalDate
  /// The last day named (equal to `first` for a single day).
  public var last: JournalDate

  public init(first: JournalDate, last: JournalDate) {
    self.first = first
    self.last = last
  }

  public init(day: JournalDate) {
    self.init(first: day, last: day)
  }

  /// Whether the expression names exactly one day.
  public var isSingleDay: Bool { first == last }

  /// The accepted forms, for help texts and errors.
  public static let acceptedForms =
    "2018-09-26, Sep 26 2018, 26 Sep 2018, September 26, 2018, today, yesterday, tomorrow, "
    + "friday, next friday, last friday, 3 days ago, 2 weeks ago, 2018-09, September 2018, "
    + "2018, this week, last week, this month, last month"

  /// Parses `text` relative to `today`.
  ///
  /// Throws a usage error naming the text and listing the accepted forms when it is not a date,
  /// names a day that does not exist (`2018-13-40`) or lies outside years 1 to 9999.
  public static func parse(_ text: String, today: JournalDate = .today()) throws
    -> DateExpression
  {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let range = parseWords(trimmed, today: today) { return range }
    throw JournalError(
      .usage, "\(JournalError.quote(text)) is not a date (accepted: \(acceptedForms))")
  }

  /// The range `text` names, or nil.
  private static func parseWords(_ trimmed: String, today: JournalDate) -> DateExpression? {
    let words = trimmed.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
      .map(String.init)
    switch words.joined(separator: " ") {
    case "today": return DateExpression(day: today)
    case "yesterday": return today.offset(days: -1).map(DateExpression.init(day:))
    case "tomorrow": return today.offset(days: 1).map(DateExpression.init(day:))
    case "this week":
      return today.offset(days: -today.weekdayFromMonday).map {
        DateExpression(first: $0, last: today)
      }
    case "last week":
      guard let monday = today.offset(days: -today.weekdayFromMonday - 7),
        let sunday = monday.offset(days: 6)
      else { return nil }
      return DateExpression(first: monday, last: sunday)
    case "this month":
      return month(year: today.year, month: today.month)
    case "last month":
      let (y, m) = today.month == 1 ? (today.year - 1, 12) : (today.year, today.month - 1)
      return month(year: y, month: m)
    default: break
    }
    if let day = JournalDate(iso: trimmed) { return DateExpression(day: day) }
    if let range = numeric(trimmed) { return range }
    if let range = weekday(words, today: today) ?? ago(words, today: today) { return range }
    return named(words, today: today)
  }

  /// `2018` and `2018-09`.
  private static func numeric(_ text: String) -> DateExpression? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      parts[0].count == 4, let y = Int(parts[0])
    else { return nil }
    if parts.count == 1 { return year(y) }
    if parts.count == 2, parts[1].count == 2, let m = Int(parts[1]) {
      return month(year: y, month: m)
    }
    return nil
  }

  /// `friday`, `this friday`, `next friday`, `last friday`, as GNU `date -d` computes them.
  private static func weekday(_ words: [String], today: JournalDate) -> DateExpression? {
    guard (1...2).contains(words.count), let target = weekday(named: words[words.count - 1])
    else { return nil }
    let ahead = (target - today.weekdayFromMonday + 7) % 7
    let offset: Int
    switch words.count == 1 ? "this" : words[0] {
    case "this": offset = ahead
    case "next": offset = ahead == 0 ? 7 : ahead
    case "last": offset = ahead == 0 ? -7 : ahead - 7
    default: return nil
    }
    return today.offset(days: offset).map(DateExpression.init(day:))
  }

  /// 0 for Monday through 6 for Sunday, from an English weekday name: in full, its first three
  /// letters, or `tues`, `wednes`, `thur`, `thurs` (GNU's list), with an optional final period.
  static func weekday(named name: String) -> Int? {
    let word = name.hasSuffix(".") ? String(name.dropLast()) : name
    let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    let extra = ["tues": 1, "wednes": 2, "thur": 3, "thurs": 3]
    if let n = extra[word] { return n }
    return names.firstIndex { $0 == word || (word.count == 3 && $0.hasPrefix(word)) }
  }

  /// `3 days ago`, `1 week ago`, `2 months ago`, `1 year ago`.
  private static func ago(_ words: [String], today: JournalDate) -> DateExpression? {
    // Seven digits cover the whole calendar (3.65 million days) and cannot overflow below.
    guard words.count == 3, words[2] == "ago", (1...7).contains(words[0].count),
      words[0].allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(words[0])
    else { return nil }
    let unit = words[1].hasSuffix("s") ? String(words[1].dropLast()) : words[1]
    let day: JournalDate?
    switch unit {
    case "day": day = today.offset(days: -n)
    case "week": day = today.offset(days: -7 * n)
    case "month":
      let months = today.year * 12 + (today.month - 1) - n
      day = clamped(year: months / 12, month: months % 12 + 1, day: today.day)
    case "year": day = clamped(year: today.year - n, month: today.month, day: today.day)
    default: return nil
    }
    return day.map(DateExpression.init(day:))
  }

  /// The day, or the month's last day when the month is shorter; nil outside the calendar.
  private static func clamped(year: Int, month: Int, day: Int) -> JournalDate? {
    guard (1...12).contains(month) else { return nil }
    return JournalDate(
      year: year, month: month, day: min(day, JournalDate.daysIn(month: month, year: year)))
  }

  /// `Sep 26 2018`, `26 Sep 2018`, `September 2018`, `Sep 26` and `26 Sep` (in today's year).
  private static func named(_ words: [String], today: JournalDate) -> DateExpression? {
    func dayOfMonth(_ word: String) -> Int? {
      (1...2).contains(word.count) && word.allSatisfy { $0.isASCII && $0.isNumber }
        ? Int(word) : nil
    }
    func year(_ word: String) -> Int? {
      word.count == 4 && word.allSatisfy { $0.isASCII && $0.isNumber } ? Int(word) : nil
    }
    guard (2...3).contains(words.count) else { return nil }
    if words.count == 2, let m = JournalDate.month(named: words[0]), let y = year(words[1]) {
      return month(year: y, month: m)
    }
    let (m, d): (Int?, Int?)
    if let month = JournalDate.month(named: words[0]) {
      (m, d) = (month, dayOfMonth(words[1]))
    } else {
      (m, d) = (JournalDate.month(named: words[1]), dayOfMonth(words[0]))
    }
    guard let m, let d else { return nil }
    let y = words.count == 3 ? year(words[2]) : today.year
    guard let y, let day = JournalDate(year: y, month: m, day: d) else { return nil }
    return DateExpression(day: day)
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
  /// The date `days` later (earlier when negative), or nil outside years 1 to 9999.
  public func offset(days: Int) -> JournalDate? {
    let (target, overflow) = daysSinceEpoch.addingReportingOverflow(days)
    guard !overflow, (JournalDate.firstDay...JournalDate.lastDay).contains(target) else {
      return nil
    }
    return JournalDate(daysSinceEpoch: target)
  }

  /// The first and last days of the calendar, as days since the epoch.
  private static let firstDay = JournalDate(year: 1, month: 1, day: 1)?.daysSinceEpoch ?? 0
  private static let lastDay = JournalDate(year: 9999, month: 12, day: 31)?.daysSinceEpoch ?? 0

  /// 0 for Monday through 6 for Sunday.
  public var weekdayFromMonday: Int {
    // 1970-01-01 was a Thursday (3 days after Monday).
    ((daysSinceEpoch + 3) % 7 + 7) % 7
  }
}
