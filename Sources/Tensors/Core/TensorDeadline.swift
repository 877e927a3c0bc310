import Foundation

/// The time limit of the computation on the current thread, for native calls that run long
/// without coming back to their caller: BLAS products and LAPACK factorisations of large
/// matrices. Such a call cannot be stopped once it started (OpenBLAS has no cancellation, and
/// abandoning it on another thread would leave it burning a core and holding its memory), so
/// it is refused before it starts when, at this machine's measured speed, it would end after
/// the deadline. The estimate can be off either way by a small factor: a refused call names
/// the time it would have needed, and one that ran over ends the run at its end.
///
/// ```swift
/// TensorDeadline.install(ProcessInfo.processInfo.systemUptime + 10)  // on the computing thread
/// try Linalg.inv(big)   // throws TensorError(.timeLimit) at once if it cannot finish in time
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
