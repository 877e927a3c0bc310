import Foundation
import Testing

@testable import PyInterpreter

/// `warnings`: filters decide whether a warning is shown (stderr, with its file, line and
/// source line), ignored or raised, and a warning shown once is not shown again from the same
/// line. Each program of Fixtures/warnings prints what CPython 3.11 printed for it, on stdout
/// and stderr (scripts/fixtures/warnings_corpus.py).
@Suite struct WarningsModuleTests {
  static let programs: [String] = {
    let folder = TestFixtures.folder("warnings")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.filter { $0.hasSuffix(".py") }.sorted()
  }()

  @Test func theCorpusIsThere() {
    #expect(Self.programs.count == 4)
  }

  @Test(arguments: programs)
  func printsWhatCPythonPrints(_ name: String) throws {
    let folder = TestFixtures.folder("warnings")
    let base = folder.appendingPathComponent(String(name.dropLast(3)))
    let source = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    let session = Interpreter()
    var output = ""
    var errors = ""
    session.output = { output += $0 }
    session.errorOutput = { errors += $0 }
    try session.run(source: source, filename: name)
    #expect(
      output == (try String(contentsOf: base.appendingPathExtension("stdout"), encoding: .utf8)))
    #expect(
      errors == (try String(contentsOf: base.appendingPathExtension("stderr"), encoding: .utf8)))
  }

  @Test(arguments: [
    ("warnings.warn('x', stacklevel=2)", "warnings.warn(stacklevel=2) is not supported"),
    (
      "warnings.catch_warnings(record=True)",
      "warnings.catch_warnings(record=True) is not supported"
    ),
    ("warnings.filterwarnings('ignore', '(?P<a>x)')", "this pattern is not supported"),
    ("warnings.simplefilter('ignore', 3)", "a category that is not a Warning subclass"),
  ])
  func refusesWhatItCannotDoAtTheCall(_ call: String, _ message: String) {
    let session = Interpreter()
    #expect {
      try session.run(source: "import warnings\n" + call)
    } throws: { error in
      guard let error = error as? PythonError else { return false }
      return error.typeName == "NotImplementedError" && error.message.contains(message)
        && error.location?.line == 2
    }
  }
}
