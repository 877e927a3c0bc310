import Foundation
import Testing

@testable import JournalCore

@Suite struct DateExpressionTests {
  /// A Wednesday.
  let today = JournalDate(year: 2018, month: 9, day: 26)!

  @Test(arguments: [
    ("2018-09-26", "2018-09-26", "2018-09-26"),
    ("2018-09", "2018-09-01", "2018-09-30"),
    ("2016-02", "2016-02-01", "2016-02-29"),
    ("2018", "2018-01-01", "2018-12-31"),
    ("September 2018", "2018-09-01", "2018-09-30"),
    ("sep 2018", "2018-09-01", "2018-09-30"),
    ("September 26, 2018", "2018-09-26", "2018-09-26"),
    ("today", "2018-09-26", "2018-09-26"),
    ("Yesterday", "2018-09-25", "2018-09-25"),
    ("last week", "2018-09-17", "2018-09-23"),
    ("this week", "2018-09-24", "2018-09-26"),
    ("last month", "2018-08-01", "2018-08-31"),
    ("this month", "2018-09-01", "2018-09-30"),
    ("tomorrow", "2018-09-27", "2018-09-27"),
    ("Sep 26 2018", "2018-09-26", "2018-09-26"),
    ("26 Sep 2018", "2018-09-26", "2018-09-26"),
    ("26 september 2018", "2018-09-26", "2018-09-26"),
    ("Sept. 3, 2017", "2017-09-03", "2017-09-03"),
    ("Feb 29 2016", "2016-02-29", "2016-02-29"),
    ("Sep 1", "2018-09-01", "2018-09-01"),
    ("1 Jan", "2018-01-01", "2018-01-01"),
    ("  today  ", "2018-09-26", "2018-09-26"),
    ("2 days ago", "2018-09-24", "2018-09-24"),
    ("1 day ago", "2018-09-25", "2018-09-25"),
    ("0 days ago", "2018-09-26", "2018-09-26"),
    ("3 weeks ago", "2018-09-05", "2018-09-05"),
    ("1 month ago", "2018-08-26", "2018-08-26"),
    ("9 months ago", "2017-12-26", "2017-12-26"),
    ("2 years ago", "2016-09-26", "2016-09-26"),
  ])
  func parses(text: String, first: String, last: String) throws {
    let range = try DateExpression.parse(text, today: today)
    #expect(range.first.iso == first)
    #expect(range.last.iso == last)
  }

  @Test(arguments: [
    "2018-13-40", "2018-02-30", "2018-9-1", "tomorrowish", "", "18", "2018-13",
    "Smarch 2018", "last", "20180926", "friyay", "next", "first friday", "last friday week",
    "2 fortnights ago", "-2 days ago", "2 days", "days ago", "12345678 days ago",
    "99999999999999999999999 days ago", "Sep 31 2018", "31 Feb", "Sep 26 18", "2018 Sep",
    "9999999 days ago", "last tomorrow",
  ])
  func rejects(text: String) {
    #expect(throws: JournalError.self) { try DateExpression.parse(text, today: today) }
    do {
      _ = try DateExpression.parse(text, today: today)
    } catch let error as JournalError {
      #expect(error.code == .usage)
      #expect(error.description.contains("'\(text)' is not a date (accepted: 2018-09-26,"))
      #expect(!error.description.contains("\n"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  /// GNU `date -d` (coreutils 9.1) with today a Tuesday, 2026-12-08: `friday` and `this friday`
  /// are 2026-12-11, `next friday` too, `last friday` 2026-12-04; `tuesday` is today,
  /// `next tuesday` 2026-12-15, `last tuesday` 2026-12-01; `monday` 2026-12-14, `last monday`
  /// 2026-12-07.
  @Test(arguments: [
    ("friday", "2026-12-11"), ("this friday", "2026-12-11"), ("next friday", "2026-12-11"),
    ("last friday", "2026-12-04"), ("Fri", "2026-12-11"), ("fri.", "2026-12-11"),
    ("tuesday", "2026-12-08"), ("next tuesday", "2026-12-15"), ("last tuesday", "2026-12-01"),
    ("tues", "2026-12-08"), ("monday", "2026-12-14"), ("last monday", "2026-12-07"),
    ("next monday", "2026-12-14"), ("thurs", "2026-12-10"), ("Last Sunday", "2026-12-06"),
    ("sun", "2026-12-13"), ("wednes", "2026-12-09"),
  ])
  func weekdaysAsGNUDate(text: String, day: String) throws {
    let tuesday = JournalDate(year: 2026, month: 12, day: 8)!
    let range = try DateExpression.parse(text, today: tuesday)
    #expect(range.isSingleDay)
    #expect(range.first.iso == day)
  }

  /// A month or year back keeps the day where it exists, else takes the month's last day.
  @Test func monthsAndYearsAgoClampToTheMonthsEnd() throws {
    let march31 = JournalDate(year: 2018, month: 3, day: 31)!
    #expect(try DateExpression.parse("1 month ago", today: march31).first.iso == "2018-02-28")
    #expect(try DateExpression.parse("4 months ago", today: march31).first.iso == "2017-11-30")
    #expect(try DateExpression.parse("3 months ago", today: march31).first.iso == "2017-12-31")
    let leapDay = JournalDate(year: 2016, month: 2, day: 29)!
    #expect(try DateExpression.parse("1 year ago", today: leapDay).first.iso == "2015-02-28")
    #expect(try DateExpression.parse("4 years ago", today: leapDay).first.iso == "2012-02-29")
  }

  /// Relative forms that would leave the calendar are errors, not traps.
  @Test func edgesOfTheCalendar() throws {
    let first = JournalDate(year: 1, month: 1, day: 1)!
    let last = JournalDate(year: 9999, month: 12, day: 31)!
    for (text, day) in [
      ("yesterday", first), ("1 day ago", first), ("1 month ago", first), ("last week", first),
      ("last month", first), ("last friday", first), ("tomorrow", last), ("next friday", last),
      ("1 year ago", first),
    ] {
      #expect(throws: JournalError.self) { try DateExpression.parse(text, today: day) }
    }
    #expect(try DateExpression.parse("3652058 days ago", today: last).first.iso == "0001-01-01")
  }

  @Test func lastWeekFromSundayAndMonday() throws {
    let sunday = JournalDate(year: 2018, month: 9, day: 30)!
    let monday = JournalDate(year: 2018, month: 10, day: 1)!
    #expect(try DateExpression.parse("last week", today: sunday).first.iso == "2018-09-17")
    #expect(try DateExpression.parse("last week", today: monday).first.iso == "2018-09-24")
    #expect(try DateExpression.parse("last week", today: monday).last.iso == "2018-09-30")
  }

  @Test func filterCombinesOnFromTo() throws {
    let f = try DateFilter(on: nil, from: "2018-08", to: "2018-09", today: today)
    #expect(f.from?.iso == "2018-08-01")
    #expect(f.to?.iso == "2018-09-30")
    let g = try DateFilter(on: "2018", from: "2018-06-15", to: nil, today: today)
    #expect(g.from?.iso == "2018-06-15")
    #expect(g.to?.iso == "2018-12-31")
    #expect(throws: JournalError.self) {
      try DateFilter(on: nil, from: "2018-09", to: "2018-08", today: today)
    }
  }
}
