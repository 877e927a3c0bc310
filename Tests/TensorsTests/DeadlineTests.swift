import Foundation
import Testing

@testable import Tensors

/// Native calls that cannot be interrupted still end the computation at its deadline.
@Suite struct DeadlineTests {
  /// A call past the deadline is abandoned on time; the worker finishes it in the background.
  @Test func aLongNativeCallIsAbandonedAtTheDeadline() throws {
    let start = ProcessInfo.processInfo.systemUptime
    TensorDeadline.install(start + 0.3)
    defer { TensorDeadline.install(nil) }
    #expect {
      try TensorDeadline.run(operations: 1e12, "a 1.2 s call") { () -> Int in
        usleep(1_200_000)
        return 1
      }
    } throws: { error in
      guard let e = error as? TensorError else { return false }
      return e.code == .timeLimit && e.message == "the time limit was reached during a 1.2 s call"
    }
    let late = ProcessInfo.processInfo.systemUptime - start - 0.3
    #expect(late < 0.5, "ended \(late) s after the deadline")
  }

  /// Before the deadline the worker's result comes back; small calls never leave the thread.
  @Test func callsThatEndInTimeReturnTheirResult() throws {
    TensorDeadline.install(ProcessInfo.processInfo.systemUptime + 30)
    defer { TensorDeadline.install(nil) }
    let worker = try TensorDeadline.run(operations: 1e12, "a short call") { 42 }
    #expect(worker == 42)
    let me = pthread_self()
    let big = try TensorDeadline.run(operations: 1e12, "a call") {
      pthread_equal(pthread_self(), me)
    }
    #expect(big == 0)
    let tiny = try TensorDeadline.run(operations: 10, "a tiny call") {
      pthread_equal(pthread_self(), me)
    }
    #expect(tiny != 0)
    let a = try Tensor(Array(repeating: 1.0, count: 1_000_000), shape: [1000, 1000])
    let p = try Tensor.matmul(a, a)
    #expect(p.doubles[0] == 1000)
    #expect(try Linalg.inv(Tensor.eye(600, dtype: .float64) * 2.0).doubles[0] == 0.5)
  }

  /// A loop in Swift past the deadline stops at its next check.
  @Test func pollThrowsOnlyPastTheDeadline() throws {
    TensorDeadline.install(ProcessInfo.processInfo.systemUptime + 30)
    try TensorDeadline.poll()
    TensorDeadline.install(ProcessInfo.processInfo.systemUptime - 1)
    defer { TensorDeadline.install(nil) }
    #expect(throws: TensorError.self) { try TensorDeadline.poll() }
  }
}
