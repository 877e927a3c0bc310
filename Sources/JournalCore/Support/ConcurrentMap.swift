import Foundation

extension RandomAccessCollection where Index == Int, Self: Sendable {
  /// `map` with the elements transformed on every processor at once; the results keep the
  /// elements' order. Each iteration writes only its own slot of the result, so no lock is
  /// needed.
  public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
    let n = count
    guard n > 1 else { return map(transform) }
    return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
      let slots = Slots(base: buffer.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: n) { i in
        slots.base.advanced(by: i).initialize(to: transform(self[startIndex + i]))
      }
      initialized = n
    }
  }
}

/// The result buffer of `concurrentMap`, whose iterations each write a different slot.
private struct Slots<T: Sendable>: @unchecked Sendable {
  let base: UnsafeMutablePointer<T>
}
