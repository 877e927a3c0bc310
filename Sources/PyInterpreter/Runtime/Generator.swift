import Foundation

/// A running generator function.
///
/// The closure-compiled body cannot suspend, so each generator runs on its own thread and hands
/// control back and forth with its caller through two semaphores: exactly one of the two
/// threads runs at any time, so the runtime is never touched concurrently.
final class GeneratorState: @unchecked Sendable {
  private let toGenerator = DispatchSemaphore(value: 0)
  private let toCaller = DispatchSemaphore(value: 0)
  private var yielded: PyValue = .none
  private var error: Error?
  private var finished = false
  private var started = false
  private var closing = false
  private var generatorDepth = 0
  private let function: PyFunction
  private let frame: Frame
  private unowned let runtime: Runtime

  /// Thrown into a suspended generator that is being discarded, to unwind its `finally`s.
  struct Close: Error {}

  private init(_ function: PyFunction, _ frame: Frame, _ runtime: Runtime) {
    self.function = function
    self.frame = frame
    self.runtime = runtime
  }

  static func makeIterator(_ f: PyFunction, _ frame: Frame, _ runtime: Runtime) -> PyIterator {
    let state = GeneratorState(f, frame, runtime)
    frame.generator = state
    let handle = Handle(state)
    return PyIterator("generator") { try handle.state.next() }
  }

  /// Closes the generator when the last reference to its iterator goes away.
  private final class Handle {
    let state: GeneratorState
    init(_ state: GeneratorState) { self.state = state }
    deinit { state.close() }
  }

  /// Runs the generator to its next `yield` (on the caller's thread).
  func next() throws -> PyValue? {
    if finished { return nil }
    let callerDepth = runtime.callDepth
    if started {
      toGenerator.signal()
    } else {
      started = true
      generatorDepth = callerDepth
      start()
    }
    toCaller.wait()
    runtime.callDepth = callerDepth
    runtime.makeCurrent()
    if let e = error {
      error = nil
      throw e
    }
    return finished ? nil : yielded
  }

  private func start() {
    let thread = Thread { [self] in
      runtime.makeCurrent()
      runtime.memoryBudget?.install()
      runtime.callDepth = generatorDepth
      do {
        _ = try runtime.execute(function, in: frame)
      } catch is Close {
      } catch {
        self.error = error
      }
      finished = true
      toCaller.signal()
    }
    thread.stackSize = 16 << 20
    thread.start()
  }

  /// Hands `value` to the caller and waits to be resumed (on the generator's thread).
  func yield(_ value: PyValue) throws -> PyValue {
    if closing { throw Close() }
    yielded = value
    generatorDepth = runtime.callDepth
    toCaller.signal()
    toGenerator.wait()
    runtime.callDepth = generatorDepth
    if closing { throw Close() }
    return .none
  }

  func close() {
    guard started, !finished else { return }
    closing = true
    let callerDepth = runtime.callDepth
    toGenerator.signal()
    toCaller.wait()
    runtime.callDepth = callerDepth
    runtime.makeCurrent()
  }
}
