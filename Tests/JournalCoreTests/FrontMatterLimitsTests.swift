import Foundation
import JournalCore
import TestSupport
import Testing

/// Front matter costs time and memory in proportion to its text, whatever its aliases and
/// nesting (issue 19, item 3).
@Suite struct FrontMatterLimitsTests {
  let date = JournalDate(iso: "2018-09-26")!

  /// `levels` anchors, each a list of nine aliases of the one before: 9^levels values.
  static func aliasBomb(levels: Int) -> String {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
    for level in 1...levels {
      let items = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
      yaml += "a\(level): &a\(level) [\(items)]\n"
    }
    return "---\n" + yaml + "---\n# Body\n"
  }

  func error(_ source: String) -> JournalError? {
    do {
      _ = try Entry(date: date, path: "journal/2018/2018-09-26.md", source: source)
      return nil
    } catch {
      return error as? JournalError
    }
  }

  @Test(arguments: [8, 9])
  func aliasBombIsRefusedAtTheAliasLine(levels: Int) throws {
    let source = Self.aliasBomb(levels: levels)
    let start = Date()
    let refused = try #require(error(source))
    #expect(Date().timeIntervalSince(start) < 5)
    // a0 to a4 (lines 2 to 6) stand for about 75,000 values; a5's first alias goes over.
    #expect(
      refused.description
        == "journal/2018/2018-09-26.md:7: front matter: aliases expand to more than 100000 "
        + "values; write the values out instead")
  }

  @Test func aliasesAsMappingKeysAreRefusedBeforeYamsHashesThem() throws {
    // Yams hashes every key of a mapping to find duplicates: a key standing for a huge tree
    // would take minutes.
    var yaml = Self.aliasBomb(levels: 7).dropFirst(4).dropLast("---\n# Body\n".count)
    yaml += "k:\n  ? *a7\n  : 1\n  ? *a6\n  : 2\n"
    #expect(error("---\n" + yaml + "---\n")?.message.contains("aliases expand") == true)
  }

  @Test func smallAliasesStillWork() throws {
    let source = "---\nbase: &b [torch, rnn]\ntags: *b\nmore: {x: *b}\n---\n"
    let entry = try Entry(date: date, path: "p", source: source)
    #expect(entry.frontMatter.tags == ["torch", "rnn"])
    #expect(
      entry.frontMatter.metadata.last?.value
        == .map([("x", .list([.string("torch"), .string("rnn")]))]))
  }

  @Test(arguments: [
    "x: " + String(repeating: "[", count: 100_000),
    "x: " + String(repeating: "{a: ", count: 100_000),
    "x:\n" + String(repeating: "- ", count: 100_000) + "y",
    "x:\n" + String(repeating: "- ", count: 65) + "y",
  ])
  func deepNestingIsRefusedWithoutOverflowingTheStack(yaml: String) throws {
    let refused = try #require(error("---\n" + yaml + "\n---\n"))
    #expect(refused.file == "journal/2018/2018-09-26.md")
    // Ours, or libyaml's own limit (1,000 levels of flow collections).
    #expect(
      refused.message == "front matter: nested more than 64 levels deep"
        || refused.message.hasPrefix("front matter: Maximum nesting level reached"))
  }

  @Test func manyValuesAreRefused() throws {
    let list = Array(repeating: "1", count: 150_000).joined(separator: ", ")
    let refused = try #require(error("---\nx: [\(list)]\n---\n"))
    #expect(refused.message == "front matter: more than 100000 values")
    #expect(refused.line == 2)
  }

  @Test func anUnknownAliasIsYamsError() throws {
    let refused = try #require(error("---\ntags: *nowhere\n---\n"))
    #expect(refused.message.hasPrefix("front matter:"))
    #expect(refused.line == 2)
  }
}
