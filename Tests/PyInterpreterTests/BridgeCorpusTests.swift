import Foundation
import Testing

@testable import PyInterpreter

/// Programs using `numpy`, run with the bridge installed, against what real NumPy printed.
@Suite struct BridgeCorpusTests {
  static let programs = CorpusProgram.load("bridge")

  /// Programs that differ for reasons outside the bridge, each with its cause.
  static let knownFailures: [String: String] = [:]

  /// The tally must not fall below this.
  static let floor = 98

  /// Runs one program in a fresh session with the bridge registered.
  static func run(_ program: CorpusProgram) -> (output: String, error: PythonError?) {
    let session = Interpreter()
    registerBridge(in: session)
    var output = ""
    session.output = { output += $0 }
    do {
      try session.run(source: program.source, filename: program.name)
      return (output, nil)
    } catch let error as PythonError {
      return (output, error)
    } catch {
      return (output + "\(error)", nil)
    }
  }

  @Test func corpusIsPresent() {
    #expect(BridgeCorpusTests.programs.count >= 20)
  }

  @Test(arguments: BridgeCorpusTests.programs)
  func programPrintsWhatNumPyPrinted(_ program: CorpusProgram) {
    let (output, error) = BridgeCorpusTests.run(program)
    if let reason = BridgeCorpusTests.knownFailures[program.name] {
      withKnownIssue(Comment(rawValue: reason)) {
        #expect(error == nil && output == program.expectedOutput)
      }
      return
    }
    #expect(error == nil, "\(program.name) raised:\n\(error?.formatted ?? "")")
    #expect(output == program.expectedOutput, "\(program.name)")
  }

  /// The whole corpus at once, with the tally the report quotes.
  @Test func corpusTally() {
    var passed = 0
    var failed: [String] = []
    // BRIDGE_DUMP=folder writes each actual output there, to diff against the expectations.
    let dump = ProcessInfo.processInfo.environment["BRIDGE_DUMP"]
    for program in BridgeCorpusTests.programs {
      let (output, error) = BridgeCorpusTests.run(program)
      if let dump {
        let text = output + (error.map { "\n" + $0.formatted } ?? "")
        try? text.write(
          toFile: dump + "/" + program.name.replacingOccurrences(of: ".py", with: ".out"),
          atomically: true, encoding: .utf8)
      }
      if error == nil && output == program.expectedOutput {
        passed += 1
      } else {
        failed.append(program.name)
      }
    }
    print(
      "bridge corpus: \(passed) passed, \(failed.count) failed \(failed.joined(separator: " "))")
    #expect(passed >= BridgeCorpusTests.floor)
    #expect(Set(failed).isSubset(of: BridgeCorpusTests.knownFailures.keys))
  }
}
