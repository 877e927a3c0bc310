import Foundation
import TestSupport
import Testing

/// `journal exec`: the cell language run from a script file by the real binary.
@Suite struct ExecCLITests {
  @Test func printsWhatPythonPrintsAndPassesArguments() throws {
    let dir = TemporaryDirectory()
    let script = try dir.write("s.py", """
      import sys
      def fib(n):
          return n if n < 2 else fib(n - 1) + fib(n - 2)
      print(sys.argv[1:], [fib(i) for i in range(10)], f"{2/3:.3f}", sep=" | ")
      print(0.1 + 0.2, 1e16, 10 // -3, -7 % 3)

      """)
    let result = try runJournal(["exec", script.path, "a", "--b"], in: dir.url)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == """
      ['a', '--b'] | [0, 1, 1, 2, 3, 5, 8, 13, 21, 34] | 0.667
      0.30000000000000004 1e+16 -4 2

      """)
  }

  @Test func uncaughtExceptionPrintsTracebackAndExitsOne() throws {
    let dir = TemporaryDirectory()
    try dir.write("bad.py", "x = 1\nprint('before')\n\ndef f():\n    return undefined_name\nf()\n")
    let result = try runJournal(["exec", "bad.py"], in: dir.url)
    #expect(result.status == 1)
    #expect(result.stdout == "before\n")
    #expect(result.stderr == """
      Traceback (most recent call last):
        File "bad.py", line 6, in <module>
          f()
        File "bad.py", line 5, in f
          return undefined_name
      NameError: name 'undefined_name' is not defined

      """)
  }

  @Test func missingScriptIsAOneLineError() throws {
    let dir = TemporaryDirectory()
    let result = try runJournal(["exec", "nope.py"], in: dir.url)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("journal: nope.py: cannot read"))
  }
}
