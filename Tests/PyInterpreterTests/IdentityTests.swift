import Foundation
import Testing

@testable import PyInterpreter

/// Where CPython's answer depends on object identity the cell language does not track, a
/// program stops with an error instead of getting a guess.
@Suite struct IdentityTests {
  func error(_ source: String) -> PythonError? {
    let session = Interpreter()
    registerBridge(in: session)
    do {
      try session.run(source: source, filename: "cell.py")
      return nil
    } catch let e as PythonError {
      return e
    } catch {
      return nil
    }
  }

  /// `np.nan in set([np.nan])` is True in CPython (the same object), `float('nan') in
  /// [float('nan')]` False (two objects): both stop here.
  @Test(arguments: [
    "import numpy as np\nnp.nan in set([np.nan])",
    "import math\nmath.nan in [1.0, math.nan]",
    "float('nan') in (float('nan'),)",
    "d = {float('nan'): 1}\nd[float('nan')]",
    "s = {float('nan')}\ns.add(float('nan'))",
    "[float('nan')] == [float('nan')]",
    "[1.0, float('nan')].index(float('nan'))",
  ])
  func nanMeetingNanInAContainerIsRefused(_ source: String) throws {
    let e = try #require(error(source))
    #expect(e.typeName == "NotImplementedError")
    #expect(e.message.contains("object identity"))
  }

  /// Everything else keeps its answer: nan against numbers, numbers against a nan.
  @Test func nanAgainstOtherValuesStillAnswers() {
    let session = Interpreter()
    var output = ""
    session.output = { output += $0 }
    let source = """
      import math
      print(math.nan in [1.0, 2.0], 1.0 in [math.nan, 1.0], math.nan == math.nan)
      print(len({math.nan: 1}), {1: 2}.get(math.nan))
      """
    #expect(throws: Never.self) { try session.run(source: source, filename: "cell.py") }
    #expect(output == "False True False\n1 None\n")
  }
}
