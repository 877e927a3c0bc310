import Foundation
import PyInterpreter
import TestSupport
import Testing

/// A program of the conformance corpus, as `Fixtures/conformance/corpus.json` lists it.
struct ConformanceProgram: Decodable, Sendable {
  let source: String
  let name: String
  let origin: String
  /// True when the program is committed beside its expectations; false when it lives in the
  /// corpus folder outside the repository (see the corpus README).
  let committed: Bool
  /// Why the program is not run (IPython magic, a data set that is not here), if so.
  let notRunnable: String?
  /// Relative tolerance for numbers in the output; nil for the default 1e-6.
  let tolerance: Double?
  /// Why the program is too slow for every `swift test` (run with CONFORMANCE_SLOW=1), if so.
  let slow: String?

  var id: String { "\(source)/\(name)" }
  var stem: String { String(name.dropLast(3)) }
}

/// What CPython produced for a program (`scripts/fixtures/conformance.py`).
struct ConformanceExpectation {
  var output: String
  /// The last line of CPython's traceback, when the program raised.
  var error: String?
  /// The structure of every figure shown or saved, in order, read from matplotlib's SVG.
  var figures: [FigureComparison.Summary]
}

/// What the engine produced for a program.
struct ConformanceRun {
  var output: String
  var error: PythonError?
  var figures: [String]
}

/// The conformance corpus: public programs, run unchanged, against real CPython + NumPy +
/// PyTorch + matplotlib output.
enum ConformanceCorpus {
  static let fixtures = TestFixtures.folder("conformance")

  /// Where programs that are not committed live: $JOURNAL_CONFORMANCE, else `../conformance`
  /// beside the package.
  static let folder: URL = {
    if let path = ProcessInfo.processInfo.environment["JOURNAL_CONFORMANCE"] {
      return URL(fileURLWithPath: path)
    }
    return TestPaths.packageRoot.deletingLastPathComponent().appendingPathComponent("conformance")
  }()

  /// Whether the corpus folder is here: where it is, every program it should hold must be.
  static let folderExists = FileManager.default.fileExists(atPath: folder.path)

  static let programs: [ConformanceProgram] = {
    guard let data = try? Data(contentsOf: fixtures.appendingPathComponent("corpus.json")),
      let list = try? JSONDecoder().decode([ConformanceProgram].self, from: data)
    else { return [] }
    return list
  }()

  /// `source/name.py` → the exact feature the engine lacks for it (`known-failures.txt`).
  static let knownFailures: [String: String] = {
    guard
      let text = try? String(
        contentsOf: fixtures.appendingPathComponent("known-failures.txt"), encoding: .utf8)
    else { return [:] }
    var list: [String: String] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      list[String(line[..<colon])] = line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    return list
  }()

  /// CONFORMANCE_ONLY=matplotlib,numpy-100/001.py runs only the sources or programs named
  /// (while working on one part of the corpus); unset, everything runs.
  static let only: Set<String> = Set(
    (ProcessInfo.processInfo.environment["CONFORMANCE_ONLY"] ?? "").split(separator: ",").map(
      String.init))

  static func selected(_ program: ConformanceProgram) -> Bool {
    only.isEmpty || only.contains(program.source) || only.contains(program.id)
  }

  /// CONFORMANCE_SLOW=1 also runs the programs marked slow.
  static let runSlow = ProcessInfo.processInfo.environment["CONFORMANCE_SLOW"] == "1"

  static func programURL(_ program: ConformanceProgram) -> URL {
    (program.committed ? fixtures : folder).appendingPathComponent(program.source)
      .appendingPathComponent(program.name)
  }

  static func expectation(_ program: ConformanceProgram) -> ConformanceExpectation? {
    let base = fixtures.appendingPathComponent(program.source)
      .appendingPathComponent(program.stem)
    guard
      let output = try? String(
        contentsOf: base.appendingPathExtension("expected"), encoding: .utf8)
    else { return nil }
    let error = try? String(contentsOf: base.appendingPathExtension("error"), encoding: .utf8)
    var figures: [FigureComparison.Summary] = []
    if let data = try? Data(contentsOf: base.appendingPathExtension("figures.json")) {
      guard let list = try? JSONDecoder().decode([FigureComparison.Summary].self, from: data)
      else { return nil }
      figures = list
    }
    return ConformanceExpectation(
      output: output, error: error?.trimmingCharacters(in: .newlines), figures: figures)
  }

  /// Runs a program as `journal exec` does: a fresh interpreter with numpy, torch and pyplot,
  /// reading its own folder and `../shared/data`, figures collected in order.
  static func run(_ source: String, at url: URL) -> ConformanceRun {
    let interpreter = Interpreter(options: .init(timeLimit: 120))
    var output = ""
    interpreter.output = { output += $0 }
    interpreter.errorOutput = { _ in }
    registerBridge(in: interpreter)
    let figures = FigureCollector()
    PlotBridge.register(in: interpreter, sink: figures)
    interpreter.readableFolders =
      [url.deletingLastPathComponent().path] + (TestPaths.sharedData.map { [$0.path] } ?? [])
    var error: PythonError?
    do {
      try interpreter.setArguments([url.path])
      try interpreter.run(source: source, filename: url.path)
    } catch let e as PythonError {
      error = e
    } catch {
      output += "\(error)"
    }
    return ConformanceRun(output: output, error: error, figures: figures.outputs.map(\.svg))
  }

  /// Nil when the run matches what CPython produced; else the first difference.
  static func difference(
    _ run: ConformanceRun, _ expected: ConformanceExpectation, tolerance: Double
  ) -> String? {
    if let text = OutputComparison.difference(
      expected: expected.output, actual: run.output, tolerance: tolerance)
    {
      let raised = run.error.map { " (raised \($0.summary))" } ?? ""
      return "stdout: \(text)\(raised)"
    }
    switch (expected.error, run.error) {
    case (nil, let error?): return "raised \(error.summary)"
    case (let line?, nil): return "did not raise \(line)"
    case (let line?, let error?) where line != error.summary:
      return "raised \(error.summary), CPython raised \(line)"
    default: break
    }
    if expected.figures.count != run.figures.count {
      return "\(run.figures.count) figures, CPython made \(expected.figures.count)"
    }
    for (n, (want, got)) in zip(expected.figures, run.figures).enumerated() {
      if let text = FigureComparison.difference(matplotlib: want, engine: got) {
        return "figure \(n + 1): \(text)"
      }
    }
    return nil
  }
}

/// Outputs compared token by token: numbers within a relative tolerance, all else exactly.
enum OutputComparison {
  enum Token: Equatable {
    case text(String)
    case number(String)
  }

  /// `<AddBackward0 object at 0x7f...>`: an object's address differs from run to run.
  static func withoutAddresses(_ text: String) -> String {
    text.replacing(#/ at 0x[0-9a-f]+>/#, with: " at 0x…>")
  }

  static func tokens(_ text: String) -> [Token] {
    var tokens: [Token] = []
    var rest = Substring(withoutAddresses(text))
    let number = /\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?/
    while let match = rest.firstMatch(of: number) {
      if match.range.lowerBound > rest.startIndex {
        tokens.append(.text(String(rest[rest.startIndex..<match.range.lowerBound])))
      }
      tokens.append(.number(String(match.output)))
      rest = rest[match.range.upperBound...]
    }
    if !rest.isEmpty { tokens.append(.text(String(rest))) }
    return tokens
  }

  static func close(_ a: String, _ b: String, tolerance: Double) -> Bool {
    if a == b { return true }
    guard let x = Double(a), let y = Double(b) else { return false }
    return abs(x - y) <= tolerance * max(abs(x), abs(y))
  }

  /// Nil when equal; else where they part, with a little context.
  static func difference(expected: String, actual: String, tolerance: Double) -> String? {
    let want = tokens(expected)
    let got = tokens(actual)
    for index in 0..<max(want.count, got.count) {
      let w = index < want.count ? want[index] : nil
      let g = index < got.count ? got[index] : nil
      switch (w, g) {
      case (.number(let a)?, .number(let b)?) where close(a, b, tolerance: tolerance): continue
      case (let a?, let b?) where a == b: continue
      default:
        func show(_ token: Token?) -> String {
          switch token {
          case .text(let s)?: return s.debugDescription
          case .number(let s)?: return s
          case nil: return "end of output"
          }
        }
        let lineNumber = want.prefix(index).reduce(1) { count, token in
          if case .text(let s) = token { return count + s.filter { $0 == "\n" }.count }
          return count
        }
        return "line \(lineNumber): expected \(show(w).prefix(60)), got \(show(g).prefix(60))"
      }
    }
    return nil
  }
}

/// Figures compared by SVG structure: size, axes, texts, and the points of every data line.
///
/// The matplotlib side is summarised by `scripts/fixtures/conformance.py` (its SVGs name groups
/// by id: `axes_1`, `line2d_3`, `xtick_2`, `legend_1`); the engine's SVG names them by class
/// (`axes`, `line2d`, `legend`) and is summarised here the same way.
enum FigureComparison {
  /// A data line: its points (coordinates rounded to 0.01 pt), or for a long line its point
  /// count, bounding box and end points.
  struct Line: Codable, Equatable {
    var points: [Double]?
    var count: Int?
    var box: [Double]?
    var ends: [Double]?

    /// Longer lines, and every line of a figure with more than `maxFigurePoints` points, are
    /// kept short (the generator's MAX_POINTS and MAX_FIGURE_POINTS).
    static let maxPoints = 400
    static let maxFigurePoints = 20000

    init(_ numbers: [Double], short: Bool) {
      if numbers.count <= 2 * Line.maxPoints && !short {
        points = numbers
        return
      }
      let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
      let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
      count = xs.count
      box = [xs.min() ?? 0, xs.max() ?? 0, ys.min() ?? 0, ys.max() ?? 0]
      ends = [xs.first ?? 0, ys.first ?? 0, xs.last ?? 0, ys.last ?? 0]
    }

    /// The numbers to compare, in order, and a description of the line's size.
    var numbers: [Double] { points ?? (box ?? []) + (ends ?? []) }
    var size: String { points.map { "\($0.count / 2) points" } ?? "\(count ?? 0) points" }
  }

  struct Summary: Codable {
    var size: [Double] = [0, 0]
    var axes = 0
    var texts: [String] = []
    /// Per axes, each data line in drawing order.
    var lines: [[Line]] = []
  }

  /// Coordinates may differ by this many points (1/72 in).
  static let tolerance = 0.1

  static func points(_ value: String?) -> Double {
    Double((value ?? "").replacingOccurrences(of: "pt", with: "")) ?? -1
  }

  /// Every line of text, whitespace runs made one space, sorted. matplotlib writes each line
  /// of a text as its own `<text>`; the engine writes a multi-line text as one `<text>` with a
  /// `<tspan>` per line.
  static func texts(_ document: SVGDocument) -> [String] {
    document.elements(named: "text").flatMap { element -> [String] in
      // A line's tspan restarts at an x; a superscript's does not.
      let tspans = element.children.filter { $0.name == "tspan" && $0.attributes["x"] != nil }
      let lines = tspans.isEmpty ? [element.allText] : tspans.map(\.allText)
      return lines.flatMap { $0.split(separator: "\n") }.map {
        $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      }
    }.filter { !$0.isEmpty }.sorted()
  }

  static func engine(_ svg: String) throws -> Summary {
    let document = try SVGDocument(svg)
    var summary = Summary()
    summary.size = [
      points(document.root.attributes["width"]), points(document.root.attributes["height"]),
    ]
    summary.texts = texts(document)
    // A colorbar is an axes of its own in matplotlib.
    let axes = document.all.filter { ["axes", "colorbar"].contains($0.attributes["class"]) }
    summary.axes = axes.count
    var perAxes: [[[Double]]] = []
    for group in axes {
      var lines: [[Double]] = []
      func visit(_ element: SVGDocument.Element) {
        let kind = element.attributes["class"]
        if kind == "legend" || (kind == "colorbar" && element !== group) { return }
        if kind == "line2d" {
          let numbers = pathNumbers(element.attributes["d"] ?? "")
          lines.append(numbers.map { ($0 * 100).rounded() / 100 })
          return
        }
        element.children.forEach(visit)
      }
      visit(group)
      perAxes.append(lines)
    }
    let short = perAxes.joined().map(\.count).reduce(0, +) > 2 * Line.maxFigurePoints
    summary.lines = perAxes.map { $0.map { Line($0, short: short) } }
    return summary
  }

  static func difference(matplotlib expected: Summary, engine got: String) -> String? {
    let actual: Summary
    do {
      actual = try engine(got)
    } catch {
      return "unreadable SVG: \(error)"
    }
    if zip(expected.size, actual.size).contains(where: { abs($0 - $1) > tolerance }) {
      return "size \(actual.size) pt, expected \(expected.size)"
    }
    if expected.axes != actual.axes { return "\(actual.axes) axes, expected \(expected.axes)" }
    if expected.texts != actual.texts {
      let missing = expected.texts.filter { !actual.texts.contains($0) }
      let extra = actual.texts.filter { !expected.texts.contains($0) }
      return "texts differ: missing \(missing.prefix(5)), extra \(extra.prefix(5))"
    }
    for (n, (want, got)) in zip(expected.lines, actual.lines).enumerated() {
      if want.count != got.count {
        return "axes \(n + 1): \(got.count) data lines, expected \(want.count)"
      }
      for (k, (a, b)) in zip(want, got).enumerated() {
        let (x, y) = (a.numbers, b.numbers)
        if a.size != b.size || x.count != y.count {
          return "axes \(n + 1) line \(k + 1): \(b.size), expected \(a.size)"
        }
        if let i = x.indices.first(where: { abs(x[$0] - y[$0]) > tolerance }) {
          return "axes \(n + 1) line \(k + 1): coordinate \(i) is \(y[i]), expected \(x[i])"
        }
      }
    }
    return nil
  }
}

@Suite struct ConformanceTests {
  /// Every runnable program passes or is listed with the feature it lacks, and every listed
  /// program still fails: the list stays true both ways. Prints the pass count per source.
  @Test func corpusMatchesCPythonOrIsListed() throws {
    let programs = ConformanceCorpus.programs
    try #require(programs.count >= 250, "corpus.json lists \(programs.count) programs")
    let dump = ProcessInfo.processInfo.environment["CONFORMANCE_DUMP"].map {
      URL(fileURLWithPath: $0)
    }

    struct Outcome: Sendable {
      var program: ConformanceProgram
      /// nil: not run (not runnable, or absent from the corpus folder).
      var difference: String??
    }
    let lock = NSLock()
    nonisolated(unsafe) var outcomes: [Int: Outcome] = [:]
    DispatchQueue.concurrentPerform(iterations: programs.count) { index in
      let program = programs[index]
      var outcome = Outcome(program: program, difference: nil)
      defer {
        lock.lock()
        outcomes[index] = outcome
        lock.unlock()
      }
      guard ConformanceCorpus.selected(program), program.notRunnable == nil,
        program.slow == nil || ConformanceCorpus.runSlow,
        let source = try? String(
          contentsOf: ConformanceCorpus.programURL(program), encoding: .utf8)
      else { return }
      guard let expected = ConformanceCorpus.expectation(program) else {
        outcome.difference = .some("no expectation (run scripts/fixtures/conformance.py)")
        return
      }
      let run = ConformanceCorpus.run(source, at: ConformanceCorpus.programURL(program))
      if let dump {
        let folder = dump.appendingPathComponent(program.source)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = run.output + (run.error.map { "\n" + $0.formatted } ?? "")
        try? text.write(
          to: folder.appendingPathComponent(program.stem + ".out"), atomically: true,
          encoding: .utf8)
        for (n, svg) in run.figures.enumerated() {
          try? svg.write(
            to: folder.appendingPathComponent(program.stem + ".figure-\(n + 1).svg"),
            atomically: true, encoding: .utf8)
        }
      }
      outcome.difference = .some(
        ConformanceCorpus.difference(run, expected, tolerance: program.tolerance ?? 1e-6))
    }

    var tally: [String: (passed: Int, run: Int, notRunnable: Int, absent: Int, slow: Int)] = [:]
    var missing: [String] = []
    var unlisted: [String] = []
    var stale: [String] = []
    var failures: [String] = []
    for index in programs.indices where ConformanceCorpus.selected(programs[index]) {
      guard let outcome = outcomes[index] else { continue }
      let program = outcome.program
      var count = tally[program.source] ?? (0, 0, 0, 0, 0)
      defer { tally[program.source] = count }
      guard let difference = outcome.difference else {
        if program.notRunnable != nil {
          count.notRunnable += 1
        } else if program.slow != nil && !ConformanceCorpus.runSlow {
          count.slow += 1
        } else {
          count.absent += 1
          // A program outside the repository is absent only with the whole corpus folder.
          if program.committed || ConformanceCorpus.folderExists { missing.append(program.id) }
        }
        continue
      }
      count.run += 1
      let listed = ConformanceCorpus.knownFailures[program.id]
      if let difference {
        failures.append("\(program.id): \(difference)")
        if listed == nil { unlisted.append("\(program.id): \(difference)") }
      } else {
        count.passed += 1
        if listed != nil { stale.append(program.id) }
      }
    }
    for (source, count) in tally.sorted(by: { $0.key < $1.key }) {
      print(
        "conformance \(source): \(count.passed)/\(count.run) identical"
          + " (\(count.notRunnable) not runnable, \(count.slow) slow not run,"
          + " \(count.absent) absent)")
      if count.absent > 0 && count.run == 0 {
        print(
          "conformance \(source): NOT CHECKED: its \(count.absent) programs live in"
            + " \(ConformanceCorpus.folder.path), which this checkout lacks (see the corpus README)"
        )
      }
    }
    if let dump {
      try? (unlisted.sorted().joined(separator: "\n") + "\n").write(
        to: dump.appendingPathComponent("unlisted.txt"), atomically: true, encoding: .utf8)
      try? (failures.sorted().joined(separator: "\n") + "\n").write(
        to: dump.appendingPathComponent("failures.txt"), atomically: true, encoding: .utf8)
    }
    let known = Set(programs.map(\.id))
    let unknown = ConformanceCorpus.knownFailures.keys.filter { !known.contains($0) }.sorted()
    #expect(missing.isEmpty, "listed in corpus.json but missing: \(missing)")
    #expect(
      unlisted.isEmpty,
      "failing, not in known-failures.txt:\n\(unlisted.sorted().joined(separator: "\n"))")
    #expect(stale.isEmpty, "passing now, remove from known-failures.txt: \(stale)")
    #expect(unknown.isEmpty, "known-failures.txt names programs not in the corpus: \(unknown)")
  }

  @Test func numbersCompareWithinTheTolerance() {
    #expect(
      OutputComparison.difference(
        expected: "loss 0.1234567 [1. 2.]\n", actual: "loss 0.12345671 [1. 2.]\n",
        tolerance: 1e-6) == nil)
    #expect(
      OutputComparison.difference(
        expected: "loss 0.1234567\n", actual: "loss 0.1234667\n", tolerance: 1e-6) != nil)
    #expect(
      OutputComparison.difference(expected: "a -1\n", actual: "a 1\n", tolerance: 1e-6) != nil)
    #expect(
      OutputComparison.difference(expected: "[1 2]\n", actual: "[1 2 3]\n", tolerance: 1) != nil)
  }
}
