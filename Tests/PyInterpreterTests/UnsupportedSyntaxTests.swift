import Testing

@testable import PyInterpreter

@Suite struct UnsupportedSyntaxTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let source: String
    let feature: String
    let line: Int
    let column: Int
    var testDescription: String { feature }
  }

  static let cases: [Case] = [
    Case(source: "def g():\n    yield 1\n", feature: "generator functions (yield)", line: 2, column: 5),
    Case(source: "x = 1\nasync def f():\n    pass\n", feature: "async", line: 2, column: 1),
    Case(source: "z = 3j\n", feature: "complex numbers", line: 1, column: 5),
    Case(source: "b = b'abc'\n", feature: "bytes literals", line: 1, column: 6),
    Case(source: "if (n := 10) > 5:\n    pass\n", feature: "the walrus operator ':='", line: 1, column: 7),
    Case(source: "class A(B, C):\n    pass\n", feature: "multiple inheritance", line: 1, column: 1),
    Case(source: "n = 123456789012345678901234567890\n", feature: "integers beyond 64 bits", line: 1, column: 5),
    Case(source: "from . import x\n", feature: "relative imports", line: 1, column: 1),
    Case(source: "try:\n    pass\nexcept* ValueError:\n    pass\n", feature: "except*", line: 3, column: 1),
    Case(source: "x = await y\n", feature: "await", line: 1, column: 5),
  ]

  @Test(arguments: UnsupportedSyntaxTests.cases)
  func reportsFeatureAtItsPlace(_ c: Case) {
    let session = Interpreter()
    do {
      try session.run(source: c.source, filename: "cell.py")
      Issue.record("expected a SyntaxError for \(c.feature)")
    } catch let error as PythonError {
      #expect(error.isSyntaxError)
      #expect(error.message == "\(c.feature) is not supported in journal cells")
      #expect(error.location?.line == c.line)
      #expect(error.column == c.column)
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func nothingRunsWhenTheCellDoesNotParse() {
    let session = Interpreter()
    var output = ""
    session.output = { output += $0 }
    #expect(throws: PythonError.self) {
      try session.run(source: "print('before')\nx = 1j\n", filename: "cell.py")
    }
    #expect(output == "")
  }

  @Test func syntaxErrorFormatMatchesCPython() {
    let session = Interpreter()
    do {
      try session.run(source: "x = 1\nprint x\n", filename: "cell.py")
      Issue.record("expected SyntaxError")
    } catch let error as PythonError {
      #expect(
        error.formatted == """
            File "cell.py", line 2
              print x
              ^
          SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?

          """)
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }
}
