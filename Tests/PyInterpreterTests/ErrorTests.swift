import Foundation
import Testing

@testable import PyInterpreter

@Suite struct ErrorTests {
  static let programs = CorpusProgram.load("errors")

  @Test func errorCasesArePresent() {
    #expect(ErrorTests.programs.count >= 10)
  }

  /// Each failing program prints what CPython printed before failing, then the same traceback
  /// (CPython's caret lines aside).
  @Test(arguments: ErrorTests.programs)
  func tracebackMatchesCPython(_ program: CorpusProgram) {
    let (output, error) = program.run()
    #expect(output == program.expectedOutput, "\(program.name)")
    #expect(error?.formatted == program.expectedTraceback, "\(program.name)")
  }

  @Test func tracebackPointsAtJournalLines() throws {
    let session = Interpreter()
    let source = "def f(x):\n    return x / 0\n\nf(1)\n"
    do {
      try session.run(source: source, filename: "journal/2018/2018-09-17.md", lineOffset: 117)
      Issue.record("expected ZeroDivisionError")
    } catch let error as PythonError {
      #expect(error.typeName == "ZeroDivisionError")
      #expect(error.traceback.map(\.line) == [121, 119])
      #expect(error.location?.filename == "journal/2018/2018-09-17.md")
      #expect(error.location?.line == 119)
      #expect(
        error.formatted == """
          Traceback (most recent call last):
            File "journal/2018/2018-09-17.md", line 121, in <module>
              f(1)
            File "journal/2018/2018-09-17.md", line 119, in f
              return x / 0
          ZeroDivisionError: division by zero

          """)
    }
  }

  @Test func syntaxErrorsNameLineAndColumn() throws {
    let session = Interpreter()
    do {
      try session.run(source: "x = 1\ny = (2 +\n", filename: "cell.py", lineOffset: 10)
      Issue.record("expected SyntaxError")
    } catch let error as PythonError {
      #expect(error.isSyntaxError)
      #expect(error.typeName == "SyntaxError")
      #expect(error.location?.line ?? 0 >= 12)
    }
  }
}
