import Foundation
import Testing

@testable import PyInterpreter

/// The cap on tensor memory (`Interpreter.Options.memoryLimit`, `journal exec --memory-limit`).
@Suite struct MemoryLimitTests {
  static func session(limit: Int?) -> (Interpreter, () -> String) {
    let session = Interpreter(options: .init(memoryLimit: limit))
    // Tests run side by side: the process heap holds the others' memory too.
    session.options.countsProcessHeap = false
    registerBridge(in: session)
    final class Sink: @unchecked Sendable { var text = "" }
    let sink = Sink()
    session.output = { sink.text += $0 }
    return (session, { sink.text })
  }

  @Test func keepingArraysPastTheLimitEndsTheRunWithMemoryError() throws {
    let (session, output) = MemoryLimitTests.session(limit: 60 << 20)
    let program = """
      import numpy as np
      kept = []
      for i in range(100):
          kept.append(np.zeros(1 << 20))
          print(i)
      print("never")
      """
    var caught: PythonError?
    do {
      try session.run(source: program, filename: "cell.py")
    } catch let e as PythonError {
      caught = e
    }
    let error = try #require(caught)
    #expect(error.typeName == "MemoryError")
    #expect(error.isLimit)
    #expect(
      error.message
        == "tensor memory limit exceeded: allocating 8 MiB with 56 MiB in use would go over "
        + "the limit of 60 MiB")
    #expect(error.location?.filename == "cell.py")
    #expect(error.location?.line == 4)
    // 7 arrays of 8 MiB fit in 60 MiB; the 8th goes over and the loop stops right there.
    #expect(output() == (0..<7).map { "\($0)\n" }.joined())
  }

  @Test func memoryFreedInTheLoopDoesNotCount() throws {
    let (session, output) = MemoryLimitTests.session(limit: 64 << 20)
    try session.run(
      source: """
        import numpy as np
        total = 0.0
        for i in range(40):
            a = np.ones(1 << 20)
            total += a.sum()
        print(total)
        """, filename: "cell.py")
    #expect(output() == "41943040.0\n")
  }

  @Test func exceptionHandlersCannotSwallowTheLimit() throws {
    let (session, output) = MemoryLimitTests.session(limit: 16 << 20)
    var caught: PythonError?
    do {
      try session.run(
        source: """
          import torch
          kept = []
          try:
              for i in range(10):
                  kept.append(torch.zeros(1 << 20))
          except MemoryError:
              print("caught")
          print("after")
          """, filename: "cell.py")
    } catch let e as PythonError {
      caught = e
    }
    #expect(caught?.typeName == "MemoryError")
    #expect(output() == "")
  }

  @Test func noLimitAllowsWhatTheDefaultWould() throws {
    let (session, output) = MemoryLimitTests.session(limit: nil)
    try session.run(
      source: "import numpy as np\nx = [np.zeros(1 << 20) for _ in range(10)]\nprint(len(x))\n",
      filename: "cell.py")
    #expect(output() == "10\n")
    #expect(Interpreter.Options().memoryLimit == 4 << 30)
  }

  /// Lists, strings and dicts count too: a list grown one item at a time ends the run at the
  /// cap (the process heap is checked a few times a second), not at the machine's memory.
  @Test func growingAListPastTheCapEndsTheRun() throws {
    let session = Interpreter(options: .init(memoryLimit: 64 << 20))
    var caught: PythonError?
    do {
      try session.run(
        source: """
          a = []
          for i in range(10**8):
              a.append([i, str(i)])
          print("never")
          """, filename: "cell.py")
    } catch let e as PythonError {
      caught = e
    }
    let error = try #require(caught)
    #expect(error.typeName == "MemoryError")
    #expect(error.isLimit)
    #expect(
      error.message.hasPrefix("memory limit exceeded: the session holds "), "\(error.message)")
  }
}
