import Foundation
import TestSupport
import Testing

@testable import PyInterpreter

/// The cell-language fuzzers (issue 19): mutations of the corpus programs, and calls of every
/// registered function and method with odd arguments. Any Python exception is fine; a crash,
/// a hang, an error that is not a `PythonError` or a run that outlives its time limit fails.
/// `make fuzz` runs each for an hour; `FUZZ_SEED` replays one run.
@Suite struct CellFuzzTests {
  static let imports = """
    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    import math, random, itertools, functools, collections, json

    """

  /// Arguments real programs rarely pass: sizes that are negative, huge or not numbers.
  static let oddValues = [
    "-1", "0", "1", "3", "-2**63", "2**62", "2**63 - 1", "10**12", "-10**12", "2**31",
    "float('nan')", "float('inf')", "-float('inf')", "1e308", "-0.0", "0.5", "None", "True",
    "'abc'", "''", "'%d'", "'{}'", "[]", "()", "[1, -1]", "(2, -3)", "(2**40, 2**40)",
    "[[1, 2], [3]]", "{}", "{'a': 1}", "{1, 2}", "np.ones((2, 3))", "np.zeros(0)",
    "np.array(5)", "np.arange(6).reshape(2, 3)", "np.array([np.nan, 1.0])", "torch.ones(2, 3)",
    "torch.zeros(0)", "torch.tensor(2.0)", "torch.arange(6.0).reshape(3, 2)", "lambda *a: a",
    "range(-5)", "range(10**12)", "slice(None)", "int", "np.float32", "torch.float64", "b",
  ]
  static let keywords = [
    "size", "dtype", "axis", "dim", "k", "num", "out", "keepdims", "shape", "ord", "p",
    "replace", "bias", "kernel_size", "stride", "padding", "groups", "num_layers", "key",
    "reverse", "start", "step", "endpoint", "decimals", "repeats", "weight", "reduction",
  ]
  /// Values whose methods are called; `b` is bound to a recursive list first.
  static let receivers = [
    "np.arange(6.0).reshape(2, 3)", "torch.arange(6.0).reshape(2, 3)", "'ab c'", "[3, 1, 2]",
    "{'a': 1, 'b': 2}", "{1, 2}", "(1, 2)", "2.5", "7",
  ]

  struct Names: Decodable {
    let builtins: [String]
    let methods: [String: [String]]
  }

  static let names: Names = {
    let url = TestFixtures.folder("fuzz").appendingPathComponent("names.json")
    let data = (try? Data(contentsOf: url)) ?? Data()
    return (try? JSONDecoder().decode(Names.self, from: data)) ?? Names(builtins: [], methods: [:])
  }()

  /// Every callable the engine registers in its modules, as `np.zeros`, `F.relu`, ...
  static let moduleFunctions: [String] = {
    let session = Interpreter()
    registerBridge(in: session)
    let program =
      imports + """
        found = []
        for prefix, m in [('np', np), ('np.random', np.random), ('np.linalg', np.linalg),
                          ('torch', torch), ('nn', nn), ('F', F), ('math', math),
                          ('random', random), ('itertools', itertools), ('functools', functools),
                          ('collections', collections), ('json', json)]:
            for n in dir(m):
                if not n.startswith('_') and callable(getattr(m, n)):
                    found.append(prefix + '.' + n)
        """
    try? session.run(source: program)
    guard case .list(let l)? = session.global("found") else { return [] }
    return l.items.compactMap { if case .str(let s) = $0 { return s } else { return nil } }
  }()

  static let corpus: [String] =
    (CorpusProgram.load("corpus") + CorpusProgram.load("bridge")).map(\.source)

  /// One odd call: a module function, a builtin or a method, with 0-4 odd arguments.
  static func call(_ r: inout FuzzRandom) -> String {
    var args: [String] = []
    for _ in 0..<r.int(0...4) { args.append(r.pick(oddValues)) }
    if r.chance(0.4) { args.append(r.pick(keywords) + "=" + r.pick(oddValues)) }
    let list = args.joined(separator: ", ")
    switch r.int(0...2) {
    case 0 where !moduleFunctions.isEmpty: return "\(r.pick(moduleFunctions))(\(list))"
    case 1 where !names.builtins.isEmpty: return "\(r.pick(names.builtins))(\(list))"
    default:
      let receiver = r.pick(receivers)
      guard let methods = names.methods[receiver], !methods.isEmpty else { return "b" }
      return "(\(receiver)).\(r.pick(methods))(\(list))"
    }
  }

  static func callProgram(_ r: inout FuzzRandom) -> String {
    var program = imports + "b = [1]\nb.append(b)\n"
    for _ in 0..<r.int(1...3) {
      let c = call(&r)
      program += r.chance(0.5) ? "print(\(c))\n" : "x = \(c)\n"
    }
    return program
  }

  /// A corpus program with 1-4 mutations: odd literals, inserted calls, lost or repeated
  /// lines, stray characters, tabs, a byte-order mark, truncation.
  static func mutant(_ r: inout FuzzRandom) -> String {
    var lines = r.pick(corpus).components(separatedBy: "\n")
    for _ in 0..<r.int(1...4) {
      let i = r.int(0...Swift.max(0, lines.count - 1))
      let line = lines[i]
      let indent = String(line.prefix(while: { $0 == " " }))
      switch r.int(0...8) {
      case 0, 1:
        // An integer literal becomes an odd value.
        let digits = line.indices.filter { line[$0].isNumber }
        guard let at = digits.isEmpty ? nil : r.pick(digits) else { break }
        var end = at
        while end < line.endIndex && line[end].isNumber { end = line.index(after: end) }
        lines[i] = String(line[..<at]) + "(" + r.pick(oddValues) + ")" + String(line[end...])
      case 2: lines.insert(indent + call(&r), at: i)
      case 3: lines.remove(at: i)
      case 4: lines.insert(line, at: i)
      case 5:
        guard !line.isEmpty else { break }
        var chars = Array(line)
        chars[r.int(0...chars.count - 1)] = r.pick(Array("()[]{}:,.=+-*/%'\"\t #\\@!0"))
        lines[i] = String(chars)
      case 6: lines[i] = line.replacingOccurrences(of: "    ", with: "\t")
      case 7: lines[0] = "\u{FEFF}" + lines[0]
      default: lines = Array(lines.prefix(i + 1))
      }
      if lines.isEmpty { lines = [""] }
    }
    return lines.joined(separator: "\n")
  }

  /// Runs a program as a journal cell would: a 2 s limit, a 256 MiB cap.
  static func check(_ program: String) throws {
    struct Failure: Error, CustomStringConvertible { var description: String }
    let limit = 2.0
    let session = Interpreter(options: .init(timeLimit: limit, memoryLimit: 256 << 20))
    registerBridge(in: session)
    var printed = 0
    session.output = { printed += $0.utf8.count }
    session.errorOutput = { _ in }
    let start = Date()
    do {
      try session.run(source: program, filename: "fuzz.py")
    } catch is PythonError {
    } catch {
      throw Failure(description: "not a PythonError: \(error)")
    }
    let seconds = Date().timeIntervalSince(start)
    // The limit holds within a second; the slack is for two busy cores running other tests.
    if seconds > limit + 3 {
      throw Failure(description: "ran \(Int(seconds)) s with a \(Int(limit)) s limit")
    }
  }

  @Test func registeredFunctionsAreFound() {
    #expect(CellFuzzTests.moduleFunctions.count > 200)
    #expect(CellFuzzTests.names.builtins.count > 50)
    #expect(CellFuzzTests.corpus.count > 150)
  }

  @Test func oddCallsOfEveryRegisteredFunction() {
    let report = Fuzz.run("cell-calls", generate: CellFuzzTests.callProgram) {
      try CellFuzzTests.check($0)
    }
    #expect(report.failures.isEmpty, "\(report)")
    #expect(report.inputs > 0)
  }

  @Test func mutationsOfCorpusPrograms() {
    let report = Fuzz.run("cell-mutations", generate: CellFuzzTests.mutant) {
      try CellFuzzTests.check($0)
    }
    #expect(report.failures.isEmpty, "\(report)")
    #expect(report.inputs > 0)
  }
}
