// The TeXMath benchmark: converts the development corpus repeatedly and prints formulas per
// second against the issue's goal. Compiled by texmath.sh together with the module's sources.
import Foundation

@main
struct TeXMathBenchmark {
  static func main() {
    let arguments = CommandLine.arguments
    // `--convert TEX [--display]` prints one formula's MathML and warnings, for trying things;
    // `--convert-file PATH` reads the formula from a file (formulas longer than an argument).
    var formula: String?
    if let flag = arguments.firstIndex(of: "--convert"), flag + 1 < arguments.count {
      formula = arguments[flag + 1]
    } else if let flag = arguments.firstIndex(of: "--convert-file"), flag + 1 < arguments.count {
      formula = try? String(contentsOfFile: arguments[flag + 1], encoding: .utf8)
    }
    if let formula {
      let result = MathMLConverter().convert(formula, display: arguments.contains("--display"))
      print(result.mathML)
      for warning in result.warnings { print("warning: \(warning)") }
      return
    }
    // `--deepest [--stack KB] [--only N]` nests every construct of NestingCorpus as deeply as
    // the converter allows and converts those formulas on a thread with that stack: a crash
    // means the depth limits do not bound the stack to KB.
    if arguments.contains("--deepest") {
      deepest(arguments)
      return
    }
    // `--chains` times long chains of each shape at n and 4n: a ratio near 4 is linear time,
    // near 16 quadratic (issue 19: \not x 8,000 took 5.5 s, 1,900 \iff before 10^6 letters 10 s).
    if arguments.contains("--chains") {
      chains()
      return
    }
    // `--mhchem` prints the TeX of each `\ce` argument read from standard input, one a line,
    // as Tests/TeXMathTests/Fixtures/mhchem/katex-mhchem.mjs prints KaTeX's: to compare them.
    if arguments.contains("--mhchem") {
      // With `--render`, `\ce{line}` is converted instead: "OK" or the merror's message.
      let render = arguments.contains("--render")
      while let line = readLine(strippingNewline: true) {
        if render {
          let result = MathMLConverter().convert("\\ce{" + line + "}", display: false)
          print(result.warnings.first.map { "ERROR \($0.message)" } ?? "OK")
          continue
        }
        do {
          print(try Mhchem.tex(line, depth: 100))
        } catch {
          print("ERROR \(error.message)")
        }
      }
      return
    }
    let data = arguments.count > 1 ? arguments[1] : "../shared/data"
    // `--fuzz SECONDS [--seed N]`: the TeXFuzzTests loop compiled with -O, for long runs by
    // hand. Each input is written to benchmarks/out/fuzz-input.tex before it runs (a crash
    // leaves it there); one running longer than 10 s is reported as a hang and ends the run.
    if let flag = arguments.firstIndex(of: "--fuzz"), flag + 1 < arguments.count {
      let seed = arguments.firstIndex(of: "--seed").flatMap {
        $0 + 1 < arguments.count ? UInt64(arguments[$0 + 1]) : nil
      }
      fuzz(
        seconds: Double(arguments[flag + 1]) ?? 60, seed: seed, data: data,
        showSlowest: arguments.contains("--slowest"))
      return
    }
    // `--support-table` counts the rows of KaTeX's support table that give <merror>: rows with
    // a rendered example convert it; rows KaTeX marks "Not supported" convert the bare command
    // (an environment as \begin{name}x\end{name}) and count only unknown names.
    if arguments.contains("--support-table") {
      supportTable(data + "/spec/katex-support-table.md", list: arguments.contains("--list"))
      return
    }
    let showFailures = arguments.contains("--failures")
    let goal = 50_000.0

    func load(_ relative: String) -> String {
      let path = data + "/" + relative
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("texmath: cannot read \(path)\n".utf8))
        exit(1)
      }
      return text
    }

    let corpus =
      DevelopmentCorpus.screenshotterCases(load("spec/katex-screenshotter-cases.yaml"))
      + DevelopmentCorpus.supportTable(load("spec/katex-support-table.md"))
    let plain = MathMLConverter()
    var converters: [[String: String]: MathMLConverter] = [:]
    let jobs = corpus.map { formula -> (MathMLConverter, String, Bool) in
      if formula.macros.isEmpty { return (plain, formula.tex, formula.display) }
      if converters[formula.macros] == nil {
        converters[formula.macros] = MathMLConverter(macros: formula.macros)
      }
      return (converters[formula.macros]!, formula.tex, formula.display)
    }

    var valid = 0
    for (i, job) in jobs.enumerated() {
      let result = job.0.convert(job.1, display: job.2)
      if result.isValid {
        valid += 1
      } else if showFailures {
        let message = result.warnings.first?.message ?? ""
        print(
          "FAIL \(corpus[i].name): \(message) :: \(job.1.prefix(100).replacingOccurrences(of: "\n", with: " "))"
        )
      }
    }

    var bytes = 0
    let rounds = 20
    let start = Date()
    let startCPU = clock()
    for _ in 0..<rounds {
      for job in jobs { bytes &+= job.0.convert(job.1, display: job.2).mathML.utf8.count }
    }
    let seconds = Date().timeIntervalSince(start)
    // CPU time as well: on a shared machine the wall clock mostly measures the other processes.
    let cpuSeconds = Double(clock() - startCPU) / Double(CLOCKS_PER_SEC)
    let count = Double(rounds * jobs.count)
    print("texmath: \(valid)/\(jobs.count) formulas convert without merror")
    print(
      String(
        format: "texmath: %.0f formulas per CPU second (goal %.0f, ratio %.2f); %.0f per wall"
          + " second; %d bytes of MathML per pass",
        count / cpuSeconds, goal, count / cpuSeconds / goal, count / seconds, bytes / rounds))
  }

  static func deepest(_ arguments: [String]) {
    func value(_ flag: String) -> Int? {
      guard let i = arguments.firstIndex(of: flag), i + 1 < arguments.count else { return nil }
      return Int(arguments[i + 1])
    }
    let converter = MathMLConverter()
    var templates = NestingCorpus.templates
    if let only = value("--only") { templates = [templates[only]] }
    var formulas: [String] = []
    for template in templates {
      let levels = NestingCorpus.deepest(template) { converter.convert($0, display: true).isValid }
      print("\(levels)\t\(template)")
      formulas.append(NestingCorpus.nest(template, levels: levels))
    }
    let stack = value("--stack") ?? 8192
    let done = DispatchSemaphore(value: 0)
    let nested = formulas
    let thread = Thread {
      for tex in nested {
        _ = converter.convert(tex, display: true)
        _ = converter.convert(tex, display: false)
      }
      done.signal()
    }
    thread.stackSize = stack * 1024
    thread.start()
    done.wait()
    print(
      "texmath: the deepest formulas of \(formulas.count) constructs convert on a \(stack) KB stack"
    )
  }

  static func chains() {
    func repeated(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }
    let shapes: [(String, (Int) -> String)] = [
      ("\\not x n, =", { repeated("\\not", $0) + "=" }),
      ("\\iff x 1900, x x 50n", { repeated("\\iff ", 1900) + repeated("x", 50 * $0) }),
      ("\\sqrt x n, x", { repeated("\\sqrt", $0) + "x" }),
      ("\\frac x n, xy", { repeated("\\frac", $0) + "xy" }),
      ("x+ x n", { repeated("x+", $0) }),
      ("{x} x n", { repeated("{x}", $0) }),
      ("x^2 x n", { repeated("x^2", $0) }),
      ("\\alpha x n", { repeated("\\alpha ", $0) }),
      ("\\text{a x n}", { "\\text{" + repeated("a", $0) + "}" }),
      ("matrix rows x n", { "\\begin{matrix}" + repeated("a&b\\\\", $0) + "\\end{matrix}" }),
      (
        "matrix, n & then n \\\\",
        {
          "\\begin{matrix}" + repeated("&", $0) + repeated("\\\\", $0) + "\\end{matrix}"
        }
      ),
      ("x' x n", { "x" + repeated("'", $0) }),
      ("x\\\\ x n", { repeated("x\\\\", $0) }),
      ("\\left( x n", { repeated("\\left(", $0) }),
      ("\\left{ x n", { "\\left" + repeated("{", $0) }),
      ("\\color{red}x x n", { repeated("\\color{red}x", $0) }),
      ("\\def\\b{x} x n", { repeated("\\def\\b{x}", $0) }),
      ("\\lt x n (2000 expansions)", { repeated("\\lt ", min($0, 2000)) + repeated("x", $0) }),
      ("{CD} rows x n", { "\\begin{CD}" + repeated("A @>>> B \\\\", $0) + "\\end{CD}" }),
    ]
    let converter = MathMLConverter()
    func seconds(_ tex: String) -> Double {
      var best = Double.infinity
      for _ in 0..<3 {
        let start = clock()
        _ = converter.convert(tex, display: true)
        best = min(best, Double(clock() - start) / Double(CLOCKS_PER_SEC))
      }
      return best
    }
    let n = 20_000
    var worst = 0.0
    for (name, make) in shapes {
      let small = seconds(make(n))
      let large = seconds(make(4 * n))
      let ratio = large / max(small, 1e-6)
      worst = max(worst, ratio)
      print(
        String(
          format: "texmath chain %-28@ n=%d %.4fs, 4n %.4fs, ratio %.1f (linear 4, quadratic 16)",
          name as NSString, n, small, large, ratio))
    }
    print(String(format: "texmath: worst chain ratio %.1f (linear 4, quadratic 16)", worst))
  }

  static func supportTable(_ path: String, list: Bool) {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      FileHandle.standardError.write(Data("texmath: cannot read \(path)\n".utf8))
      exit(1)
    }
    let converter = MathMLConverter(macros: ["VERT": "|"])
    let examples = DevelopmentCorpus.supportTable(text)
    var exampleErrors: [String] = []
    for formula in examples {
      let result = converter.convert(formula.tex, display: formula.display)
      if let warning = result.warnings.first {
        exampleErrors.append("\(formula.name): \(warning.message)")
      }
    }
    let unsupported = DevelopmentCorpus.notSupportedRows(text)
    var unknown: [String] = []
    for formula in unsupported {
      let message = converter.convert(formula.tex, display: false).warnings.first?.message ?? ""
      if message.hasPrefix("Unknown") { unknown.append("\(formula.name): \(message)") }
    }
    if list {
      for error in exampleErrors { print("example merror  \(error)") }
      for name in unknown { print("unsupported     \(name)") }
    }
    print(
      "texmath: KaTeX support table: \(exampleErrors.count) of \(examples.count) rendered"
        + " examples give <merror>")
    print(
      "texmath: KaTeX support table: \(unknown.count) of \(unsupported.count) rows KaTeX"
        + " does not support are unknown commands")
  }

  static func fuzz(seconds: Double, seed: UInt64?, data: String, showSlowest: Bool) {
    let seed = seed ?? UInt64(Date().timeIntervalSince1970 * 1000)
    var corpus: [String] = []
    if let yaml = try? String(
      contentsOfFile: data + "/spec/katex-screenshotter-cases.yaml", encoding: .utf8),
      let table = try? String(
        contentsOfFile: data + "/spec/katex-support-table.md", encoding: .utf8)
    {
      corpus = (DevelopmentCorpus.screenshotterCases(yaml) + DevelopmentCorpus.supportTable(table))
        .map(\.tex)
    }
    let generator = TeXFuzzGenerator(corpus: corpus)
    let converter = MathMLConverter(macros: ["R": "\\mathbb{R}", "half": "\\frac{#1}{2}"])
    let inputPath = "benchmarks/out/fuzz-input.tex"
    print("texmath fuzz: seed \(seed), \(Int(seconds)) s, each input in \(inputPath) while it runs")
    var random = FuzzRandom(seed: seed)
    let started = Date()
    let watch = FuzzWatch()
    watch.start(deadline: 10, inputPath: inputPath)
    var inputs = 0
    var failures = 0
    var errors = 0
    var slowest = (seconds: 0.0, tex: "")
    while Date().timeIntervalSince(started) < seconds {
      let tex = generator.formula(&random)
      try? tex.write(toFile: inputPath, atomically: false, encoding: .utf8)
      let begin = Date()
      watch.begin()
      do {
        try TeXFuzzCheck.check(tex, display: false, converter: converter)
        try TeXFuzzCheck.check(tex, display: true, converter: converter)
      } catch {
        failures += 1
        print("FAIL \(error)\n  input: \(tex.prefix(500).debugDescription)")
      }
      watch.end()
      let elapsed = Date().timeIntervalSince(begin)
      if elapsed > slowest.seconds { slowest = (elapsed, tex) }
      if showSlowest, elapsed > 0.25 {
        print(String(format: "slow %.3f s: ", elapsed) + tex.prefix(150).debugDescription)
      }
      if !converter.convert(tex, display: false).isValid { errors += 1 }
      inputs += 1
    }
    print(
      "texmath fuzz: seed \(seed), \(inputs) inputs in \(Int(Date().timeIntervalSince(started))) s,"
        + " \(failures) failures, 0 hangs, 0 crashes; \(errors) gave <merror>;"
        + String(
          format: " slowest input %.3f s (%d characters)", slowest.seconds, slowest.tex.count))
    if showSlowest { print(slowest.tex) }
  }
}

/// Ends the process, naming the input, when one input runs past the deadline.
final class FuzzWatch: @unchecked Sendable {
  private let lock = NSLock()
  private var since: Date?

  func begin() { lock.withLock { since = Date() } }
  func end() { lock.withLock { since = nil } }

  func start(deadline: Double, inputPath: String) {
    let thread = Thread { [self] in
      while true {
        Thread.sleep(forTimeInterval: 0.5)
        let running = lock.withLock { since.map { Date().timeIntervalSince($0) } ?? 0 }
        if running > deadline {
          print("HANG: an input ran \(Int(running)) s; it is in \(inputPath)")
          exit(3)
        }
      }
    }
    thread.start()
  }
}
