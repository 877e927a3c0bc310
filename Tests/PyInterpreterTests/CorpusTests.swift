import Foundation
import Testing

@testable import PyInterpreter

/// A program of the corpus with the output CPython printed for it.
struct CorpusProgram: CustomTestStringConvertible, Sendable {
  let name: String
  let source: String
  let expectedOutput: String
  /// CPython's standard error without caret lines, for programs that fail.
  let expectedTraceback: String?

  var testDescription: String { name }

  static func load(_ folder: String) -> [CorpusProgram] {
    let dir = TestFixtures.folder(folder)
    let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return files.filter { $0.hasSuffix(".py") }.sorted().compactMap { file in
      let base = dir.appendingPathComponent(String(file.dropLast(3)))
      guard let source = try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8),
        let expected = try? String(
          contentsOf: base.appendingPathExtension("expected"), encoding: .utf8)
      else { return nil }
      let traceback = try? String(
        contentsOf: base.appendingPathExtension("traceback"), encoding: .utf8)
      return CorpusProgram(
        name: file, source: source, expectedOutput: expected, expectedTraceback: traceback)
    }
  }

  /// Runs the program in a fresh session: its output and its error, if any.
  func run() -> (output: String, error: PythonError?) {
    let session = Interpreter()
    var output = ""
    session.output = { output += $0 }
    do {
      try session.run(source: source, filename: name)
      return (output, nil)
    } catch let error as PythonError {
      return (output, error)
    } catch {
      return (output + "\(error)", nil)
    }
  }
}

enum TestFixtures {
  static func folder(_ name: String) -> URL {
    if let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")
    {
      return url
    }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/\(name)")
  }
}

@Suite struct CorpusTests {
  static let programs = CorpusProgram.load("corpus")

  @Test func corpusIsPresent() {
    #expect(CorpusTests.programs.count >= 100)
  }

  /// The issue's corpus of at least 150 programs counts both suites: the language programs
  /// here and the NumPy/PyTorch programs of `BridgeCorpusTests` (error cases come on top).
  @Test func corpusHasAtLeast150Programs() {
    #expect(CorpusTests.programs.count + BridgeCorpusTests.programs.count >= 150)
  }

  @Test(arguments: CorpusTests.programs)
  func programPrintsWhatCPythonPrinted(_ program: CorpusProgram) {
    let (output, error) = program.run()
    #expect(error == nil, "\(program.name) raised:\n\(error?.formatted ?? "")")
    #expect(output == program.expectedOutput, "\(program.name)")
  }

  /// The whole corpus at once, with the tally the report quotes.
  @Test func corpusTally() {
    var passed = 0
    var failed: [String] = []
    for program in CorpusTests.programs {
      let (output, error) = program.run()
      if error == nil && output == program.expectedOutput {
        passed += 1
      } else {
        failed.append(program.name)
      }
    }
    print("corpus: \(passed) passed, \(failed.count) failed \(failed.joined(separator: " "))")
    #expect(failed.isEmpty)
  }
}
