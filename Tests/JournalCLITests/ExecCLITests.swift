import Foundation
import TestSupport
import Testing

/// `journal exec`: the cell language run from a script file by the real binary.
@Suite struct ExecCLITests {
  @Test func printsWhatPythonPrintsAndPassesArguments() throws {
    let dir = TemporaryDirectory()
    let script = try dir.write(
      "s.py",
      """
      import sys
      def fib(n):
          return n if n < 2 else fib(n - 1) + fib(n - 2)
      print(sys.argv[1:], [fib(i) for i in range(10)], f"{2/3:.3f}", sep=" | ")
      print(0.1 + 0.2, 1e16, 10 // -3, -7 % 3)

      """)
    let result = try runJournal(["exec", script.path, "a", "--b"], in: dir.url)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == """
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
    #expect(
      result.stderr == """
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

  @Test func memoryLimitStopsTheScriptWithMemoryError() throws {
    let dir = TemporaryDirectory()
    // Arrays kept one by one: the run stops at the statement that went over, with a traceback.
    try dir.write(
      "keep.py",
      "import numpy as np\nkept = []\nfor i in range(50):\n    kept.append(np.zeros(1 << 20))\n")
    let kept = try runJournal(["exec", "--memory-limit", "20M", "keep.py"], in: dir.url)
    #expect(kept.status == 1)
    #expect(kept.stderr.contains("File \"keep.py\", line 4, in <module>"))
    #expect(
      kept.stderr.hasSuffix(
        "MemoryError: tensor memory limit exceeded: allocating 8 MiB with 16 MiB in use would go "
          + "over the limit of 20 MiB\n"))
    // One allocation far over the limit is refused before it is made: a traceback at its line,
    // after what the script printed.
    try dir.write("huge.py", "import numpy as np\nprint('before')\nx = np.zeros((40000, 40000))\n")
    let huge = try runJournal(["exec", "--memory-limit", "1G", "huge.py"], in: dir.url)
    #expect(huge.status == 1)
    #expect(huge.stdout == "before\n")
    #expect(huge.stderr.contains("File \"huge.py\", line 3, in <module>"))
    #expect(
      huge.stderr.hasSuffix(
        "\nMemoryError: tensor memory limit exceeded: allocating 11.9 GiB with 0 bytes in use "
          + "would go over the limit of 1 GiB\n"))
    let bad = try runJournal(["exec", "--memory-limit", "lots", "huge.py"], in: dir.url)
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("invalid size 'lots'"))
  }
}
