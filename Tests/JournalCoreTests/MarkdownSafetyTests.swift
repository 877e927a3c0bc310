import Foundation
import TestSupport
import Testing

@testable import JournalCore

/// Issue 19: links that run code and control characters never reach the published HTML, and a
/// day file that is a symbolic link is not read.
@Suite struct MarkdownSafetyTests {
  let pipeline = MarkdownPipeline()

  @Test func scriptURLsAreDropped() {
    #expect(pipeline.html(for: "[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>\n")
    #expect(pipeline.html(for: "[x](<JaVa\tScript:alert(1)>)") == "<p><a href=\"\">x</a></p>\n")
    #expect(
      pipeline.html(for: "[x](vbscript:x) [y](file:///etc/passwd)")
        == "<p><a href=\"\">x</a> <a href=\"\">y</a></p>\n")
    #expect(
      pipeline.html(for: "[d](data:text/html,x) ![i](data:text/html,x)")
        == "<p><a href=\"\">d</a> <img src=\"\" alt=\"i\" /></p>\n")
    #expect(
      pipeline.html(for: "<javascript:alert(1)>") == "<p><a href=\"\">javascript:alert(1)</a></p>\n"
    )
    // Images as data URLs, ordinary links and relative paths stay.
    #expect(
      pipeline.html(for: "![i](data:image/png;base64,AAAA)")
        == "<p><img src=\"data:image/png;base64,AAAA\" alt=\"i\" /></p>\n")
    #expect(
      pipeline.html(for: "[a](https://x.org/javascript:) [b](notes/file:1)")
        == "<p><a href=\"https://x.org/javascript:\">a</a> <a href=\"notes/file:1\">b</a></p>\n")
  }

  @Test func controlCharactersBecomeReplacementCharacters() {
    #expect(
      pipeline.html(for: "a\u{1B}[31mb \u{7}\u{7F}") == "<p>a\u{FFFD}[31mb \u{FFFD}\u{FFFD}</p>\n")
    #expect(HTMLEscaping.escape("t\u{1}<\u{C}") == "t\u{FFFD}&lt;\u{FFFD}")
    var bytes: [UInt8] = []
    HTMLEscaping.escape(Array("a\u{1F}b".utf8), into: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == "a\u{FFFD}b")
  }

  @Test func symbolicLinksAreNotReadAsDayFiles() throws {
    let dir = TemporaryDirectory("symlinks")
    let secret = try dir.write("outside/secret.md", "secret\n")
    let elsewhere = try dir.write("outside/2019/2019-01-01.md", "elsewhere\n")
    try dir.write("journal/2018/2018-09-25.md", "real\n")
    try FileManager.default.createDirectory(
      at: dir.url.appendingPathComponent("journal/2018"), withIntermediateDirectories: true)
    symlink(secret.path, dir.url.appendingPathComponent("journal/2018/2018-09-26.md").path)
    symlink(
      elsewhere.deletingLastPathComponent().path,
      dir.url.appendingPathComponent("journal/2019").path)
    let listing = try DayFiles.scan(Journal(root: dir.url))
    #expect(listing.files.map(\.path) == ["journal/2018/2018-09-25.md"])
    #expect(
      listing.problems.map(\.description)
        == ["journal/2018/2018-09-26.md: a symbolic link, not read: a day file must be a file"])
  }
}
