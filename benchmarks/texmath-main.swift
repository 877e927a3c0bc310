// The TeXMath benchmark: converts the development corpus repeatedly and prints formulas per
// second against the goal. Compiled by texmath.sh together with the module's sources.
import Foundation

@main
struct TeXMathBenchmark {
  static func main() {
    let arguments = CommandLine.arguments
    if arguments.count > 2, arguments[1] == "--convert" {
      let result = MathMLConverter().convert(arguments[2], display: arguments.count > 3)
      print(result.mathML)
      for warning in result.warnings { print("warning: \(warning)") }
      return
    }
    let data = arguments.count > 1 ? arguments[1] : "../shared/data"
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
}
