import Foundation
import TestSupport
import Testing

/// End to end: `journal run-entry --python python3` and `journal status` on temporary journals
/// (plain CPython only: the cells use the standard library).
@Suite struct RunEntryCLITests {
  static let path = "journal/2018/2018-09-17.md"

  /// An entry whose cells are `cells` (info-string options, source), each opened on a known line.
  static func entry(_ cells: [(String, String)]) -> String {
    var text = "# Experiments\n\nProse.\n\n"
    for (options, source) in cells {
      let info = options.isEmpty ? "" : " " + options
      text += "```python run\(info)\n\(source)```\n\nMore prose.\n\n"
    }
    return text
  }

  static let seeded = entry([
    ("seed=1", "import random\nx = random.random()\nprint('x =', x)\n"),
    ("", "print('twice', x * 2)\nround(x, 3)\n"),
  ])

  func run(_ dir: TemporaryDirectory, _ args: [String], env: [String: String] = [:]) throws
    -> ProcessResult
  {
    try runJournal(
      ["run-entry"] + args + ["--python", "python3"], in: dir.url,
      environment: env)
  }

  @Test func seededEntryRunsFreezesAndIsReusedWithoutRunning() throws {
    let dir = TemporaryDirectory()
    try dir.write(Self.path, Self.seeded)
    let first = try run(dir, ["2018-09-17"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("\(Self.path): cell 1 of 2 (line 6)\nx = 0.13436424411240122\n"))
    #expect(first.stdout.contains("twice 0.26872848822480244\nOut: 0.134\n"))
    #expect(first.stdout.contains("\(Self.path): cell 2 of 2 done in "))
    #expect(first.stdout.contains("\(Self.path): 2 cells, 2 run, 0 frozen, in "))
    let manifest = dir.url.appendingPathComponent("journal/.outputs/2018-09-17/outputs.json")
    let frozen = try String(contentsOf: manifest, encoding: .utf8)
    #expect(frozen.contains("\"stdout\" : \"x = 0.13436424411240122\\n\""))
    // A cell that leaves a mark outside the journal proves whether it ran.
    let mark = dir.url.appendingPathComponent("ran.txt").path
    try dir.write(
      Self.path,
      Self.entry([
        ("seed=1", "import random\nx = random.random()\nopen('\(mark)', 'a').write('ran\\n')\n")
      ]))
    #expect(try run(dir, ["2018-09-17"]).status == 0)
    let second = try run(dir, ["2018-09-17"])
    #expect(second.status == 0)
    #expect(second.stdout.contains("cell 1 of 1 (line 6): frozen output is up to date"))
    #expect(try String(contentsOfFile: mark, encoding: .utf8) == "ran\n")
    let forced = try run(dir, ["2018-09-17", "--force"])
    #expect(forced.status == 0)
    #expect(try String(contentsOfFile: mark, encoding: .utf8) == "ran\nran\n")
  }

  @Test func statusListsMissingAndStaleOutputs() throws {
    let dir = TemporaryDirectory()
    try dir.write(Self.path, Self.seeded)
    try dir.write("journal/2018/2018-09-18.md", "No cells here.\n")
    let before = try runJournal(["status"], in: dir.url)
    #expect(before.status == 0)
    #expect(
      before.stdout == "\(Self.path): outputs missing (2 cells)\n"
        + "1 entry with cells, 0 up to date\n")
    #expect(try run(dir, ["2018-09-17"]).status == 0)
    #expect(try runJournal(["status"], in: dir.url).stdout == "1 entry with cells, 1 up to date\n")
    try dir.write(Self.path, Self.seeded.replacingOccurrences(of: "x * 2", with: "x * 3"))
    let stale = try runJournal(["status"], in: dir.url)
    #expect(
      stale.stdout == "\(Self.path): outputs stale: cell 2 (source changed)\n"
        + "1 entry with cells, 0 up to date\n")
    let rerun = try run(dir, ["2018-09-17"])
    #expect(rerun.stdout.contains("twice 0.40309273233720366\n"))
    #expect(try runJournal(["status"], in: dir.url).stdout == "1 entry with cells, 1 up to date\n")
  }

  @Test func failingCellExitsOneWithTheEntryLine() throws {
    let dir = TemporaryDirectory()
    try dir.write(
      Self.path,
      Self.entry([
        ("", "def half(n):\n    return n / 0\n"),
        ("", "print('before')\nhalf(4)\n"),
        ("", "print('never')\n"),
      ]))
    let result = try run(dir, ["2018-09-17"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("before\n"))
    #expect(!result.stdout.contains("never"))
    // Cell 1's source is lines 6-7; cell 2's is lines 13-14.
    #expect(
      result.stderr.contains(
        """
        Traceback (most recent call last):
          File "journal/2018/2018-09-17.md", line 14, in <module>
            half(4)
          File "journal/2018/2018-09-17.md", line 7, in half
            return n / 0
        ZeroDivisionError: division by zero
        """))
    #expect(
      result.stderr.hasSuffix(
        "journal: journal/2018/2018-09-17.md:7: cell 2 failed: "
          + "ZeroDivisionError: division by zero\n"))
    let status = try runJournal(["status"], in: dir.url)
    #expect(status.status == 1, "a failed cell makes status exit 1")
    #expect(
      status.stdout
        == "journal/2018/2018-09-17.md:7: cell 2 failed: ZeroDivisionError\n"
        + "journal/2018/2018-09-17.md: outputs stale: cell 3 (not run)\n"
        + "1 entry with cells, 0 up to date\n")
  }

  @Test func errorTrueCellIsRecordedAndTheRunGoesOn() throws {
    let dir = TemporaryDirectory()
    try dir.write(
      Self.path,
      Self.entry([
        ("error=true", "raise ValueError('expected')\n"),
        ("", "print('after')\n"),
      ]))
    let result = try run(dir, ["2018-09-17"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("ValueError: expected\n"))
    #expect(result.stdout.contains("cell 1 of 2 raised ValueError (recorded: error=true)"))
    #expect(result.stdout.contains("after\n"))
    let again = try run(dir, ["2018-09-17"])
    #expect(again.status == 0)
    #expect(again.stdout.contains("cell 1 of 2 (line 6): frozen output is up to date"))
  }

  @Test func timeoutEndsTheCellWithAnError() throws {
    let dir = TemporaryDirectory()
    try dir.write(Self.path, Self.entry([("timeout=0.5 colour=red", "while True:\n    pass\n")]))
    let result = try run(dir, ["2018-09-17"])
    #expect(
      result.stderr.hasPrefix(
        "journal: journal/2018/2018-09-17.md:5: unknown cell option "
          + "'colour=red' ignored"))
    #expect(result.status == 1)
    #expect(result.stderr.contains("TimeoutError: cell exceeded its time limit of 0.5 s"))
    #expect(result.stderr.contains("journal: journal/2018/2018-09-17.md:"))
    let global = try run(dir, ["2018-09-17", "--timeout", "0.5"])
    #expect(global.status == 1)
  }

  @Test func missingDataFileSaysWhereItLookedAndJournalDataFindsIt() throws {
    let dir = TemporaryDirectory()
    try dir.write(
      Self.path,
      Self.entry([("", "print(open('names/Greek.txt').read().split()[0])\n")]))
    let missing = try run(dir, ["2018-09-17"])
    #expect(missing.status == 1)
    let dataFolder = dir.url.appendingPathComponent("journal/data").standardizedFileURL.path
    #expect(
      missing.stderr.contains(
        "FileNotFoundError: data file 'names/Greek.txt' not found; looked in \(dataFolder); "))
    #expect(missing.stderr.contains("JOURNAL_DATA"))
    try dir.write("elsewhere/names/Greek.txt", "Adamidis\nAnetakis\n")
    let found = try run(dir, ["2018-09-17"], env: ["JOURNAL_DATA": "elsewhere"])
    #expect(found.status == 0, "\(found.stderr)")
    #expect(found.stdout.contains("Adamidis\n"))
    // The data file is part of the key: changing it makes the outputs stale.
    #expect(
      try runJournal(["status"], in: dir.url, environment: ["JOURNAL_DATA": "elsewhere"])
        .stdout.hasPrefix("1 entry"))
    try dir.write("elsewhere/names/Greek.txt", "Bakirtzis\n")
    #expect(
      try runJournal(["status"], in: dir.url, environment: ["JOURNAL_DATA": "elsewhere"])
        .stdout.contains("(data file 'names/Greek.txt' changed)"))
  }

  @Test func theEmbeddedEngineIsTheDefaultAndAgreesWithCPython() throws {
    let dir = TemporaryDirectory()
    try dir.write(
      Self.path,
      Self.entry([
        ("", "squares = {n: n * n for n in range(6)}\nprint(squares, sum(squares.values()))\n"),
        (
          "", "words = 'the quick brown fox'.split()\nprint(sorted(words, key=len), f'{2/3:.4f}')\n"
        ),
      ]))
    let result = try runJournal(["run-entry", "2018-09-17"], in: dir.url)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("{0: 0, 1: 1, 2: 4, 3: 9, 4: 16, 5: 25} 55\n"))
    #expect(result.stdout.contains("['the', 'fox', 'quick', 'brown'] 0.6667\n"))
    #expect(
      FileManager.default.fileExists(
        atPath: dir.url.appendingPathComponent("journal/.outputs/2018-09-17/outputs.json").path))
    let compare = try run(dir, ["2018-09-17", "--compare"])
    #expect(compare.status == 0, "\(compare.stdout)\(compare.stderr)")
    #expect(compare.stdout.contains("same outputs"))
    let noPython = try runJournal(["run-entry", "2018-09-17", "--compare"], in: dir.url)
    #expect(noPython.status == 64)
    #expect(noPython.stderr.contains("--compare needs --python PATH"))
  }

  @Test func allRunsEveryEntryWithCellsInParallel() throws {
    let dir = TemporaryDirectory()
    try dir.write(Self.path, Self.seeded)
    try dir.write("journal/2018/2018-09-18.md", Self.entry([("", "print('second entry')\n")]))
    try dir.write("journal/2018/2018-09-19.md", "No cells.\n")
    let result = try run(dir, ["--all", "--jobs", "2"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("second entry\n"))
    #expect(result.stdout.contains("x = 0.13436424411240122\n"))
    #expect(
      try runJournal(["status"], in: dir.url).stdout == "2 entries with cells, 2 up to date\n")
    let empty = TemporaryDirectory()
    try empty.write("journal/2018/2018-09-19.md", "No cells.\n")
    let none = try run(empty, ["--all"])
    #expect(none.status == 0)
    #expect(none.stdout == "no entry has runnable cells (```python run)\n")
    let bad = try runJournal(["run-entry", "--all", "--cell", "1"], in: dir.url)
    #expect(bad.status != 0)
  }
}
