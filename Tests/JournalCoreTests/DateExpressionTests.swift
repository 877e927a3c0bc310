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
  ])
  func parses(text: String, first: String, last: String) throws {
    let range = try DateExpression.parse(text, today: today)
    #expect(range.first.iso == first)
    #expect(range.last.iso == last)
  }

  @Test(arguments: [
    "2018-13-40", "2018-02-30", "2018-9-1", "tomorrowish", "", "18", "2018-13",
    "Smarch 2018", "last", "20180926",
  ])
  func rejects(text: String) {
    #expect(throws: JournalError.self) { try DateExpression.parse(text, today: today) }
    do {
      _ = try DateExpression.parse(text, today: today)
    } catch let error as JournalError {
      #expect(error.code == .usage)
      #expect(error.description.contains("'\(text)' is not a date"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
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
