import Foundation

/// The time limit of the computation on the current thread, for native calls that run long
/// without coming back to their caller: BLAS products and LAPACK factorisations of large
/// matrices. OpenBLAS has no cancellation, so such a call is
///
/// - refused before it starts when, at this machine's measured speed, it would end well after
///   the deadline (`check`), naming the time it would need;
/// - otherwise run on a worker thread that the caller stops waiting for at the deadline (`run`):
///   the caller fails with `TensorError(.timeLimit)` on time while the abandoned call finishes
///   in the background and frees its memory. At most one abandoned call runs at a time (a new
///   one first waits for it, within its own deadline), so memory stays bounded.
///
/// Long loops in Swift call `poll`.
///
/// ```swift
/// TensorDeadline.install(ProcessInfo.processInfo.systemUptime + 10)  // on the computing thread
/// try Linalg.inv(big)   // throws TensorError(.timeLimit) by the deadline if it cannot finish
/// ```
public enum TensorDeadline {
  /// Makes `uptime` (in `ProcessInfo.systemUptime` seconds) the deadline of the current
  /// thread's tensor calls; nil removes it.
  public static func install(_ uptime: Double?) {
    let old = pthread_getspecific(deadlineKey)
    pthread_setspecific(
      deadlineKey, uptime.map { Unmanaged.passRetained(Box($0)).toOpaque() })
    if let old { Unmanaged<Box>.fromOpaque(old).release() }
  }

  /// The current thread's deadline.
  public static var current: Double? {
    guard let p = pthread_getspecific(deadlineKey) else { return nil }
    return Unmanaged<Box>.fromOpaque(p).takeUnretainedValue().uptime
  }

  /// Calls below this many floating-point operations take well under a second anywhere: they
  /// are never checked, so small products in training loops pay nothing.
  static let checkedOperations = 1e9

  /// Checks that a native call of about `operations` floating-point operations can end before
  /// the deadline; `describe` names it for the error ("inv of a 20000x20000 matrix").
  static func check(operations: Double, _ describe: @autoclosure () -> String) throws {
    guard operations >= checkedOperations, let deadline = current else { return }
    let remaining = deadline - ProcessInfo.processInfo.systemUptime
    let seconds = operations / flopsPerSecond
    guard seconds > remaining else { return }
    throw TensorError(
      .timeLimit,
      "\(describe()) needs about \(String(format: "%.1e", operations)) operations, about "
        + "\(Int(seconds.rounded(.up))) s on this machine, more than the "
        + "\(String(format: "%.1f", Swift.max(0, remaining))) s left of the time limit")
  }

  /// Throws when the current thread's deadline has passed: for loops in Swift that can run
  /// long (integer matrix products, stacks of factorisations).
  static func poll() throws {
    guard let deadline = current, ProcessInfo.processInfo.systemUptime > deadline else { return }
    throw TensorError(.timeLimit, "the time limit was reached")
  }

  /// Runs `work`, a native call of about `operations` floating-point operations, where the
  /// deadline can abandon it: small calls (or calls without a deadline) run here; larger ones
  /// on a worker thread, which the caller stops waiting for at the deadline, throwing
  /// `TensorError(.timeLimit)` naming `describe`. Callers give `work` only buffers of its own,
  /// so an abandoned call writes to nothing the caller still uses.
  static func run<T>(
    operations: Double, _ describe: @autoclosure () -> String, _ work: @escaping () -> T
  ) throws -> T {
    guard operations >= checkedOperations, let deadline = current else { return work() }
    func timeout() -> DispatchTime {
      .now() + Swift.max(0, deadline - ProcessInfo.processInfo.systemUptime)
    }
    func abandoned() -> TensorError {
      TensorError(.timeLimit, "the time limit was reached during \(describe())")
    }
    // One call at a time: a call abandoned earlier holds its buffers until it ends.
    guard worker.wait(timeout: timeout()) == .success else { throw abandoned() }
    exitGuard
    let job = Job(work)
    let thread = Thread {
      job.finish()
      worker.signal()
    }
    // LAPACK's recursive factorisations use more stack than a secondary thread's default.
    thread.stackSize = 16 << 20
    thread.start()
    guard job.done.wait(timeout: timeout()) == .success, let result = job.result else {
      throw abandoned()
    }
    return result
  }

  /// Held by the running worker call, if any.
  private static let worker = DispatchSemaphore(value: 1)

  /// Installed with the first worker call: a process that exits while an abandoned call still
  /// runs ends at once, its standard streams flushed, because OpenBLAS's exit handler would
  /// wait forever for its thread pool, which the abandoned call is using.
  private static let exitGuard: Void = {
    on_exit(
      { status, _ in
        guard TensorDeadline.worker.wait(timeout: .now()) == .timedOut else { return }
        fflush(nil)
        _exit(status)
      }, nil)
  }()

  /// A call handed to the worker thread and its result; `done` is signalled after `result` is
  /// set, which orders the two for the waiting caller.
  private final class Job<T>: @unchecked Sendable {
    let work: () -> T
    var result: T?
    let done = DispatchSemaphore(value: 0)
    init(_ work: @escaping () -> T) { self.work = work }
    func finish() {
      result = work()
      done.signal()
    }
  }

  /// Floating-point operations per second of a float64 matrix product here, measured once
  /// (a few milliseconds) the first time a large call is checked.
  static let flopsPerSecond: Double = {
    let n = 256
    let a = Tensor.full([n, n], .double(0.5), dtype: .float64)
    var best = Double.infinity
    for _ in 0..<5 {
      let start = ProcessInfo.processInfo.systemUptime
      _ = try? Tensor.matmul(a, a)
      best = Swift.min(best, ProcessInfo.processInfo.systemUptime - start)
    }
    return 2 * Double(n * n * n) / Swift.max(best, 1e-9)
  }()

  private final class Box {
    let uptime: Double
    init(_ uptime: Double) { self.uptime = uptime }
  }
}

private let deadlineKey: pthread_key_t = {
  var key = pthread_key_t()
  pthread_key_create(&key) { p in
    let raw: UnsafeMutableRawPointer? = p
    if let raw { Unmanaged<AnyObject>.fromOpaque(raw).release() }
  }
  return key
}()
