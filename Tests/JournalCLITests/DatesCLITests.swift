import Foundation
import JournalCore
import TestSupport
import Testing

/// Every command that takes a date reads it with the one parser (`DateExpression`): absolute
/// forms give fixed days; relative ones are checked against the day the test runs on.
@Suite struct DatesCLITests {
  let today = JournalDate.today()

  func journal() throws -> TemporaryDirectory {
    let dir = TemporaryDirectory("dates-cli")
    try dir.write("journal/2018/2018-09-25.md", "# Tuesday\nText.\n")
    try dir.write("journal/2018/2018-09-26.md", "# Wednesday\nText.\n")
    let yesterday = today.adding(days: -1)
    try dir.write(Entry.relativePath(for: yesterday), "# Yesterday\nText.\n")
    return dir
  }

  @Test func absoluteFormsInAddShowListAndRunEntry() throws {
    let dir = try journal()
    let add = try runJournal(["add", "--date", "26 Sep 2018", "Added."], in: dir.url)
    #expect(add.stdout == "added to journal/2018/2018-09-26.md:4\n", "\(add.stderr)")
    let show = try runJournal(["show", "--raw", "September", "26,", "2018"], in: dir.url)
    #expect(show.stdout == "# Wednesday\nText.\n\nAdded.\n", "\(show.stderr)")
    let list = try runJournal(
      ["list", "--from", "Sep 25 2018", "--to", "Sep 26 2018", "--format", "json"], in: dir.url)
    let entries = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
    #expect(entries?.compactMap { $0["date"] as? String } == ["2018-09-26", "2018-09-25"])
    let run = try runJournal(["run-entry", "Sep", "25", "2018"], in: dir.url)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "journal/2018/2018-09-25.md: no runnable cells (```python run)\n")
  }

  @Test func relativeForms() throws {
    let dir = try journal()
    let yesterday = try runJournal(["show", "--raw", "yesterday"], in: dir.url)
    #expect(yesterday.stdout == "# Yesterday\nText.\n", "\(yesterday.stderr)")
    let ago = try runJournal(["show", "--raw", "1 day ago"], in: dir.url)
    #expect(ago.stdout == "# Yesterday\nText.\n", "\(ago.stderr)")
    let search = try runJournal(
      ["search", "text", "--from", "2 days ago", "--format", "paths"], in: dir.url)
    #expect(search.stdout == Entry.relativePath(for: today.adding(days: -1)) + "\n")
    let tomorrow = try runJournal(["add", "--date", "tomorrow", "Planned."], in: dir.url)
    #expect(
      tomorrow.stdout == "added to \(Entry.relativePath(for: today.adding(days: 1))):1\n",
      "\(tomorrow.stderr)")
    // `last <weekday>` is within the week before today, never today.
    let lastFriday = try DateExpression.parse("last friday", today: today).first
    #expect(lastFriday < today && lastFriday >= today.adding(days: -7))
    #expect(lastFriday.weekdayFromMonday == 4)
  }

  @Test(arguments: [
    ["show", "fortnight"], ["add", "--date", "next fortnight", "x"], ["run-entry", "someday"],
    ["list", "--from", "2018-02-30"], ["search", "x", "--to", "Sep 31 2018"],
  ])
  func unknownFormsListTheAcceptedOnes(arguments: [String]) throws {
    let dir = try journal()
    let result = try runJournal(arguments, in: dir.url)
    #expect(result.status == 2)
    #expect(result.stderr.contains("is not a date (accepted: 2018-09-26, Sep 26 2018,"))
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
  }

  @Test func runEntryNeedsOneDay() throws {
    let dir = try journal()
    let result = try runJournal(["run-entry", "2018-09"], in: dir.url)
    #expect(result.status == 2)
    #expect(result.stderr == "journal: run-entry needs one day, not '2018-09'\n")
  }
}
