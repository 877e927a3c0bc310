import Foundation
import Testing

@testable import PyInterpreter

@Suite struct SessionTests {
  @Test func laterCellsSeeEarlierVariables() throws {
    let session = Interpreter()
    var output = ""
    session.output = { output += $0 }
    try session.run(source: "x = 20\ndef double(v):\n    return 2 * v\n", filename: "a.md")
    try session.run(source: "print(double(x) + 2)\n", filename: "a.md", lineOffset: 40)
    #expect(output == "42\n")
    #expect(session.global("x").map { if case .int(20) = $0 { true } else { false } } == true)
  }

  @Test func registeredNativeModulesImport() throws {
    let session = Interpreter()
    var output = ""
    session.output = { output += $0 }
    session.registerModule("fake") { _ in
      let m = PyModule(name: "fake")
      m.define("answer") { args, _ in
        if case .int(let i)? = args.first { return .int(i + 41) }
        return .int(42)
      }
      m["version"] = .str("1.0")
      return m
    }
    try session.run(
      source: "import fake\nfrom fake import answer as a\nimport fake as f2\n"
        + "print(fake.answer(), a(1), f2.version)\n",
      filename: "cell.py")
    #expect(output == "42 42 1.0\n")
  }

  @Test func unknownModuleIsModuleNotFoundError() {
    let session = Interpreter()
    do {
      try session.run(source: "import nosuchmodule\n", filename: "cell.py")
      Issue.record("expected an error")
    } catch let error as PythonError {
      #expect(error.summary == "ModuleNotFoundError: No module named 'nosuchmodule'")
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func timeLimitEndsTheRunAndCannotBeCaught() {
    let session = Interpreter(options: .init(timeLimit: 0.2))
    let start = Date()
    do {
      try session.run(
        source: "try:\n    while True:\n        pass\nexcept BaseException:\n    print('caught')\n",
        filename: "cell.py")
      Issue.record("expected the time limit")
    } catch let error as PythonError {
      #expect(error.isLimit)
      #expect(error.typeName == "TimeoutError")
      #expect(error.message.contains("time limit"))
      #expect(error.location?.line == 3)
    } catch {
      Issue.record("unexpected error \(error)")
    }
    #expect(Date().timeIntervalSince(start) < 5)
  }

  @Test func recursionLimitIsRecursionError() {
    let session = Interpreter(options: .init(recursionLimit: 200))
    do {
      try session.run(source: "def f(n):\n    return f(n + 1)\nf(0)\n", filename: "cell.py")
      Issue.record("expected RecursionError")
    } catch let error as PythonError {
      #expect(error.summary == "RecursionError: maximum recursion depth exceeded")
      #expect(error.traceback.count > 100)
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func deepRecursionWithinTheLimitWorks() throws {
    let session = Interpreter()
    var output = ""
    session.output = { output += $0 }
    try session.run(
      source: "def d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\nprint(d(990))\n",
      filename: "cell.py")
    #expect(output == "990\n")
  }
}
