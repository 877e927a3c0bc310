import Foundation

/// A calendar day, the identity of a journal entry. No time zone: a day is what the author
/// wrote in the file name.
public struct JournalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Creates a date, or returns nil if the day does not exist in the proleptic Gregorian calendar.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...JournalDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func < (a: JournalDate, b: JournalDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// `2018-09-26`.
  public var iso: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public var description: String { iso }

  public static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// `September 26, 2018`, the seed journal's own style.
  public var longForm: String { "\(JournalDate.monthNames[month - 1]) \(day), \(year)" }

  /// Parses `2018-09-26` exactly (four-digit year, two-digit month and day).
  public init?(iso text: some StringProtocol) {
    // Over the UTF-8 bytes: `journal build` parses the name of every day file.
    var digits = (0, 0, 0)
    var count = 0
    for (i, byte) in text.utf8.enumerated() {
      count += 1
      guard i < 10 else { return nil }
      if i == 4 || i == 7 {
        guard byte == UInt8(ascii: "-") else { return nil }
        continue
      }
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      let digit = Int(byte - UInt8(ascii: "0"))
      switch i {
      case 0..<4: digits.0 = digits.0 * 10 + digit
      case 5..<7: digits.1 = digits.1 * 10 + digit
      default: digits.2 = digits.2 * 10 + digit
      }
    }
    guard count == 10 else { return nil }
    self.init(year: digits.0, month: digits.1, day: digits.2)
  }

  /// Parses `September 26, 2018`, `Sep 26, 2018`, `September 26 2018` (month names in English,
  /// full or three-letter, any case).
  public init?(long text: some StringProtocol) {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
    guard words.count == 3, let m = JournalDate.month(named: words[0]),
      words[1].count <= 2, let d = Int(words[1]), words[2].count == 4, let y = Int(words[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// The month number for an English month name, full or abbreviated to three letters or more.
  public static func month(named name: some StringProtocol) -> Int? {
    let lower = name.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    guard lower.count >= 3 else { return nil }
    for (index, full) in monthNames.enumerated() where full.lowercased().hasPrefix(lower) {
      return index + 1
    }
    return nil
  }

  /// The date one day later.
  public var next: JournalDate {
    if let d = JournalDate(year: year, month: month, day: day + 1) { return d }
    if let d = JournalDate(year: year, month: month + 1, day: 1) { return d }
    return JournalDate(year: year + 1, month: 1, day: 1)!
  }

  /// Days since 1970-01-01 (negative before).
  public var daysSinceEpoch: Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// The date `daysSinceEpoch` days after 1970-01-01.
  public init(daysSinceEpoch z0: Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    self.init(year: y, month: m, day: d)!
  }

  /// Today in the given time zone (default: the local one).
  public static func today(in timeZone: TimeZone = .current, now: Date = Date()) -> JournalDate {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let c = calendar.dateComponents([.year, .month, .day], from: now)
    return JournalDate(year: c.year!, month: c.month!, day: c.day!)!
  }

  public func adding(days: Int) -> JournalDate {
    JournalDate(daysSinceEpoch: daysSinceEpoch + days)
  }

  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = JournalDate(iso: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
    }
    self = date
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso)
  }
}
