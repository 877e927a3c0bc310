import Foundation

/// A seeded, time-boxed fuzz loop shared by every test target.
///
/// ```swift
/// let report = Fuzz.run("cells") { random in
///   random.pick(programs) + "\n" + random.pick(oddCalls)
/// } check: { program in
///   try runAndClassify(program)   // throw to report a failure naming this input
/// }
/// #expect(report.failures.isEmpty, "\(report)")
/// ```
///
/// - The seed comes from `FUZZ_SEED` (a number replays a run; `clock` picks one), else a fixed
///   one, and is printed first.
/// - The loop runs for `FUZZ_SECONDS` seconds (default 3; `make fuzz` sets 3600).
/// - Each input must finish within `FUZZ_INPUT_SECONDS` (default 10): a hang becomes a failure
///   naming the input, and the loop stops (the hung worker thread is abandoned).
/// - Before it runs, each input is written to `.build/fuzz/NAME.input` (or under `FUZZ_DIR`):
///   a crash kills the test process, and that file is then the input that crashed it.
///   `FUZZ_REPLAY=FILE` runs only the input in FILE.
public enum Fuzz {
  /// What one fuzz loop did.
  public struct Report: CustomStringConvertible, Sendable {
    public var name: String
    public var seed: UInt64
    /// Inputs run to completion (or failure).
    public var inputs = 0
    /// One line per failing input: why, then the input.
    public var failures: [String] = []
    /// True when an input did not finish within the per-input limit.
    public var hung = false
    public var seconds = 0.0

    public var description: String {
      var text =
        "fuzz \(name): seed \(seed), \(inputs) inputs in "
        + String(format: "%.1f", seconds) + " s, \(failures.count) failures"
        + (hung ? " (hang)" : "")
      for f in failures.prefix(20) { text += "\n  " + f }
      return text
    }
  }

  /// Runs `check` on inputs from `generate` until the time budget is spent or an input hangs.
  ///
  /// - Parameters:
  ///   - name: names the reproduction file and the report.
  ///   - seconds: the budget when `FUZZ_SECONDS` is not set.
  ///   - generate: makes one input from the seeded generator (deterministic for a seed).
  ///   - check: runs the input; a thrown error is a failure naming the input.
  public static func run(
    _ name: String, seconds: Double = 3,
    generate: (inout FuzzRandom) -> String,
    check: @escaping @Sendable (String) throws -> Void
  ) -> Report {
    let env = ProcessInfo.processInfo.environment
    // `make test` replays the same inputs every run (a red CI names a bug, never chance);
    // `make fuzz` explores with a seed from the clock.
    let seed =
      env["FUZZ_SEED"].flatMap { UInt64($0) }
      ?? (env["FUZZ_SEED"] == "clock" ? UInt64(Date().timeIntervalSince1970 * 1000) : 20_181_207)
    let budget = env["FUZZ_SECONDS"].flatMap(Double.init) ?? seconds
    let perInput = env["FUZZ_INPUT_SECONDS"].flatMap(Double.init) ?? 10
    let folder = URL(
      fileURLWithPath: env["FUZZ_DIR"]
        ?? TestPaths.packageRoot.appendingPathComponent(".build/fuzz").path)
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let current = folder.appendingPathComponent("\(name).input")
    print("fuzz \(name): seed \(seed) (FUZZ_SEED=\(seed) replays), input file \(current.path)")

    var report = Report(name: name, seed: seed)
    var random = FuzzRandom(seed: seed)
    let worker = FuzzWorker(check)
    let start = Date()
    let replay = env["FUZZ_REPLAY"].flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
    while Date().timeIntervalSince(start) < budget || replay != nil {
      let input = replay ?? generate(&random)
      try? Data(input.utf8).write(to: current)
      switch worker.run(input, within: perInput) {
      case .passed: break
      case .failed(let why): report.failures.append("\(why)\n  input: \(quoted(input))")
      case .hung:
        report.failures.append(
          "no result within \(perInput) s\n  input: \(quoted(input))")
        report.hung = true
      }
      report.inputs += 1
      if report.hung || replay != nil { break }
    }
    report.seconds = Date().timeIntervalSince(start)
    if !report.hung {
      worker.finish()
      try? FileManager.default.removeItem(at: current)
    }
    print(report)
    return report
  }

  static func quoted(_ input: String) -> String {
    let clipped = input.count > 2000 ? String(input.prefix(2000)) + "…" : input
    return clipped.debugDescription
  }
}

/// A small, fast, seeded generator (SplitMix64) with the helpers fuzzers need.
public struct FuzzRandom: RandomNumberGenerator {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// One element of a non-empty array.
  public mutating func pick<T>(_ items: [T]) -> T {
    items[Int.random(in: 0..<items.count, using: &self)]
  }

  /// True with probability `p`.
  public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

  /// An integer in `range`.
  public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}

/// Runs checks on one thread of its own (512 MiB of stack, like the interpreter's) so the caller
/// can stop waiting for one that hangs; `finish` ends the thread unless a check hung in it.
private final class FuzzWorker: @unchecked Sendable {
  enum Outcome { case passed, failed(String), hung }

  private let check: @Sendable (String) throws -> Void
  private let start = DispatchSemaphore(value: 0)
  private let done = DispatchSemaphore(value: 0)
  private var input = ""
  private var outcome = Outcome.passed
  private var finished = false

  init(_ check: @escaping @Sendable (String) throws -> Void) {
    self.check = check
    let thread = Thread { [self] in
      while true {
        self.start.wait()
        if self.finished { return }
        do {
          try self.check(self.input)
          self.outcome = .passed
        } catch {
          self.outcome = .failed("\(error)")
        }
        self.done.signal()
      }
    }
    thread.stackSize = 512 << 20
    thread.start()
  }

  func run(_ input: String, within seconds: Double) -> Outcome {
    self.input = input
    start.signal()
    guard done.wait(timeout: .now() + seconds) == .success else { return .hung }
    return outcome
  }

  func finish() {
    finished = true
    start.signal()
  }
}
