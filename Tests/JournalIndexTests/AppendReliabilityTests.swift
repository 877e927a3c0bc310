import Foundation
import JournalCore
import JournalIndex
import TestSupport
import Testing

/// `journal add` writes nothing that `export` then `import` would read differently, and keeps
/// the day file's mode (issue 19, items 9 and 10).
@Suite struct AppendReliabilityTests {
  let day = JournalDate(iso: "2018-09-26")!
  let today = JournalDate(iso: "2018-10-01")!

  func refusal(_ text: String) -> String? {
    do {
      try EntryAppender.validate(text: text, date: day, title: nil, tags: [], today: today)
      return nil
    } catch {
      return "\(error)"
    }
  }

  @Test func textThatExportWouldSplitIsRefused() {
    let message =
      "a '---' line followed by a date line, which `journal export` would turn into "
      + "a new entry; put a blank line between them"
    #expect(
      refusal("Notes\n---\n`September 27, 2018`\nmoved\n") == "line 2 of the text is " + message)
    #expect(refusal("---\n### 2018-01-01\n") == "line 1 of the text is " + message)
    #expect(refusal("a\n---  \r\n2018-09-25\r\n") == "line 2 of the text is " + message)
    // A date line that does not parse would stop the import: refused too.
    #expect(refusal("---\n`Sept 31st`\n") == "line 1 of the text is " + message)
    #expect(refusal("Notes\n---\n\n`September 27, 2018`\n") == nil)
    #expect(refusal("a rule\n\n---\n\nand text about 2018-09-27\n") == nil)
  }

  @Test func appendingKeepsTheFileMode() throws {
    let dir = TemporaryDirectory("append-mode")
    let url = try dir.write("journal/2018/2018-09-26.md", "first\n")
    chmod(url.path, 0o640)
    try EntryAppender(journal: Journal(root: dir.url)).append("second\n", on: day)
    #expect((try? String(contentsOf: url, encoding: .utf8)) == "first\n\nsecond\n")
    let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]
    #expect(mode as? Int == 0o640)
  }
}
