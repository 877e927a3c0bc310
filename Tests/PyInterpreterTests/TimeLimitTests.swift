import Foundation
import Testing

@testable import PyInterpreter

/// The time limit holds where the interpreter does not tick: sleeps and long native calls.
@Suite struct TimeLimitTests {
  static func run(_ source: String, limit: Double) -> (PythonError?, Double) {
    let session = Interpreter(options: .init(timeLimit: limit))
    registerBridge(in: session)
    let start = Date()
    do {
      try session.run(source: source, filename: "cell.py")
      return (nil, Date().timeIntervalSince(start))
    } catch let e as PythonError {
      return (e, Date().timeIntervalSince(start))
    } catch {
      return (nil, Date().timeIntervalSince(start))
    }
  }

  @Test func aSleepPastTheLimitEndsTheRunAtTheLimit() throws {
    let (error, seconds) = TimeLimitTests.run(
      "import time\nwhile True:\n    time.sleep(1)\n", limit: 1.5)
    let e = try #require(error)
    #expect(e.typeName == "TimeoutError")
    #expect(e.isLimit)
    #expect(e.message == "the cell exceeded its time limit of 1.5 seconds")
    #expect(e.location?.line == 3)
    // The sleep stops at the limit, not at its own end (slack for a busy machine).
    #expect(seconds < 3.5)
  }

  /// A factorisation that cannot end in time is refused before it starts: LAPACK cannot be
  /// interrupted once it runs.
  @Test func aFactorisationThatCannotEndInTimeIsRefused() throws {
    let (error, _) = TimeLimitTests.run(
      "import numpy as np\na = np.eye(3000)\nb = np.linalg.inv(a)\n", limit: 0.05)
    let e = try #require(error)
    #expect(e.typeName == "TimeoutError")
    #expect(e.isLimit)
    #expect(e.location?.line == 3)
    #expect(
      e.message.hasPrefix("inv of a 3000x3000 matrix needs about 5.4e+10 operations")
        || e.message.hasPrefix("the cell exceeded its time limit"), "\(e.message)")
  }

  /// LAPACK calls that the estimate lets start but that run past the limit are abandoned at
  /// the limit: a loop of them ends within a second of it (before, a 6000x6000 inv ended
  /// seconds late).
  @Test func factorisationsRunningPastTheLimitAreAbandonedOnTime() throws {
    let (error, seconds) = TimeLimitTests.run(
      "import numpy as np\na = np.eye(1200) * 2.0\nwhile True:\n    b = np.linalg.inv(a)\n",
      limit: 1.5)
    let e = try #require(error)
    #expect(e.typeName == "TimeoutError")
    #expect(e.isLimit)
    #expect(seconds < 2.5, "ended \(seconds - 1.5) s after the limit")
  }

  @Test func sleepArgumentsAreCheckedAsCPythonDoes() throws {
    let (negative, _) = TimeLimitTests.run("import time\ntime.sleep(-1)\n", limit: 5)
    #expect(negative?.summary == "ValueError: sleep length must be non-negative")
    let (text, _) = TimeLimitTests.run("import time\ntime.sleep('1')\n", limit: 5)
    #expect(text?.summary == "TypeError: 'str' object cannot be interpreted as an integer")
  }
}
