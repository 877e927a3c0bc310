import Foundation
import Testing

@testable import JournalCore

@Suite struct DraftFrontMatterTests {
  let day = JournalDate(year: 2018, month: 9, day: 26)!
  let path = "journal/2018/2018-09-26.md"

  @Test func trueAndFalse() throws {
    #expect(try Entry(date: day, path: path, source: "---\ndraft: true\n---\nText.\n").isDraft)
    #expect(try !Entry(date: day, path: path, source: "---\ndraft: false\n---\nText.\n").isDraft)
    #expect(try !Entry(date: day, path: path, source: "---\ntitle: T\n---\nText.\n").isDraft)
    #expect(try !Entry(date: day, path: path, source: "Text.\n").isDraft)
    // Not kept twice: `draft` is not metadata.
    let entry = try Entry(date: day, path: path, source: "---\ndraft: true\nx: 1\n---\nText.\n")
    #expect(entry.frontMatter.metadata.map(\.key) == ["x"])
  }

  @Test(arguments: [
    ("---\ntitle: T\ndraft: maybe\n---\n", 3, "not 'maybe'"),
    ("---\ndraft: \"true\"\n---\n", 2, "not 'true'"),
    ("---\ndraft:\n---\n", 2, "not empty"),
    ("---\ntags: [a]\n\ndraft: [1]\n---\n", 4, "not a list"),
    ("---\ndraft: {a: 1}\n---\n", 2, "not a mapping"),
    ("---\ndraft: 1\n---\n", 2, "not '1'"),
  ])
  func otherValuesAreErrorsAtTheKeysLine(source: String, line: Int, message: String) {
    do {
      _ = try Entry(date: day, path: path, source: source + "Text.\n")
      Issue.record("no error for \(source)")
    } catch let error as JournalError {
      #expect(error.file == path)
      #expect(error.line == line)
      #expect(error.message.hasPrefix("front matter 'draft' must be true or false, "))
      #expect(error.message.hasSuffix(message), "\(error.message)")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
