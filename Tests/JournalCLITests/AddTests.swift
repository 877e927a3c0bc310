import Foundation
import Testing
import TestSupport

@Suite struct AddTests {
  func makeJournal() throws -> TemporaryDirectory {
    let dir = TemporaryDirectory("add-cli")
    try dir.write("journal/2018/2018-09-26.md", "#### torch.nn\n- Shared weights.\n")
    return dir
  }

  func read(_ dir: TemporaryDirectory, _ path: String) throws -> String {
    try String(contentsOf: dir.url.appendingPathComponent(path), encoding: .utf8)
  }

  @Test func appendsWithABlankLineAndIndexesBeforeReturning() throws {
    let dir = try makeJournal()
    let result = try runJournal(["add", "--date", "2018-09-26", "--title", "Later", "--tag", "ml",
      "Tried", "gradient clipping."], in: dir.url)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "added to journal/2018/2018-09-26.md:4\n")
    #expect(try read(dir, "journal/2018/2018-09-26.md")
      == "#### torch.nn\n- Shared weights.\n\n#### Later\n\nTried gradient clipping.\n\n#ml\n")
    // The index already holds the addition: the next check has nothing to do.
    let index = try runJournal(["index"], in: dir.url)
    #expect(index.stdout.contains("0 added, 0 changed"))
    let search = try runJournal(["search", "clipping", "--format", "paths"], in: dir.url)
    #expect(search.stdout == "journal/2018/2018-09-26.md\n")
  }

  @Test func standardInputAndNewDayFile() throws {
    let dir = try makeJournal()
    let result = try runJournal(["add", "--date", "2019-03-04"], in: dir.url,
      stdin: "Line one\nline two\n\n\n")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try read(dir, "journal/2019/2019-03-04.md") == "Line one\nline two\n")
    let today = try runJournal(["add", "a thought"], in: dir.url)
    #expect(today.status == 0)
    #expect(today.stdout.hasPrefix("added to journal/"))
  }

  @Test func editorTextAndEmptySave() throws {
    let dir = try makeJournal()
    let script = try dir.write("editor.sh", "#!/bin/sh\nprintf 'From the editor\\n' > \"$1\"\n")
    chmod(script.path, 0o755)
    let edited = try runJournal(["add", "--edit", "--date", "2018-09-26"], in: dir.url,
      environment: ["VISUAL": "", "EDITOR": script.path])
    #expect(edited.status == 0, "\(edited.stderr)")
    #expect(try read(dir, "journal/2018/2018-09-26.md").hasSuffix("weights.\n\nFrom the editor\n"))
    let before = dir.snapshot()
    let empty = try runJournal(["add", "--edit", "--date", "2018-09-26"], in: dir.url,
      environment: ["VISUAL": "", "EDITOR": "true"])
    #expect(empty.status == 0)
    #expect(empty.stdout == "nothing added\n")
    #expect(dir.snapshot() == before)
  }

  @Test(arguments: [
    (["add", "--date", "2018-13-40", "x"], 2, "'2018-13-40' is not a date"),
    (["add", "--date", "2018-09", "x"], 2, "--date must name one day"),
    (["add", "--date", "2999-01-01", "x"], 2, "more than a year in the future"),
    (["add", "--date", "2018-09-26", "   "], 2, "nothing to add"),
    (["add", "--date", "2018-09-26", "--title", "", "x"], 2, "--title must be one non-empty line"),
  ])
  func badInputWritesNothing(arguments: [String], status: Int32, message: String) throws {
    let dir = try makeJournal()
    let before = dir.snapshot()
    let result = try runJournal(arguments, in: dir.url)
    #expect(result.status == status)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(dir.snapshot().filter { !$0.key.hasPrefix(".journal/") }
      == before.filter { !$0.key.hasPrefix(".journal/") })
  }

  @Test func nonUTF8IsRefused() throws {
    let dir = try makeJournal()
    let before = dir.snapshot()
    // Standard input with a stray byte, passed through a shell so the bytes stay raw.
    let shell = try runProcess(URL(fileURLWithPath: "/bin/sh"),
      ["-c", "printf 'caf\\351\\n' | \"$0\" add --date 2018-09-26", TestPaths.journalBinary.path],
      in: dir.url)
    #expect(shell.status == 1)
    #expect(shell.stderr == "journal: <stdin>:1: not valid UTF-8 (byte 3)\n")
    let argument = try runProcess(URL(fileURLWithPath: "/bin/sh"),
      ["-c", "\"$0\" add --date 2018-09-26 \"$(printf 'caf\\351')\"", TestPaths.journalBinary.path],
      in: dir.url)
    #expect(argument.status == 1)
    #expect(argument.stderr.contains("not valid UTF-8"))
    #expect(dir.snapshot() == before)
  }

  @Test func twentyConcurrentAddsAllLand() throws {
    let dir = try makeJournal()
    let results = ResultsBox(count: 20)
    DispatchQueue.concurrentPerform(iterations: 20) { i in
      results.set(i, try? runJournal(["add", "--date", "2018-09-26",
        "Concurrent addition number \(i) with some words"], in: dir.url))
    }
    #expect(results.values.allSatisfy { $0?.status == 0 })
    let text = try read(dir, "journal/2018/2018-09-26.md")
    #expect(text.hasPrefix("#### torch.nn\n- Shared weights.\n\n"))
    for i in 0..<20 {
      let line = "Concurrent addition number \(i) with some words\n"
      #expect(text.components(separatedBy: line).count == 2, "addition \(i)")
    }
    // Every addition is its own paragraph: 20 blocks after the original one.
    #expect(text.components(separatedBy: "\n\n").count == 21)
    let search = try runJournal(["search", "concurrent", "addition", "--format", "json"],
      in: dir.url)
    #expect(search.status == 0)
  }
}

/// Collects results from concurrent iterations.
final class ResultsBox: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var values: [ProcessResult?]
  init(count: Int) { values = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ value: ProcessResult?) { lock.withLock { values[i] = value } }
}
