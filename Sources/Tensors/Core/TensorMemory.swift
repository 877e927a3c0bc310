import CMalloc
import Foundation

/// A cap on the tensor memory one computation may hold: the single choke point is
/// `TensorStorage`, which charges every buffer it allocates to the calling thread's budget.
///
/// ```swift
/// let budget = TensorMemory.Budget(limit: 4 << 30) { requested, live, limit in ... }
/// budget.install()   // on the thread that computes; storages made there are charged to it
/// ```
/// A thread without a budget allocates up to the machine's physical memory.
///
/// Code that makes a tensor from sizes it was given (a shape from a user, a count, a repeat)
/// calls `checkAllocation` first: it is the one place that turns a negative or overflowing size,
/// or a request over the budget, into an error instead of a trap or an allocation.
public enum TensorMemory {
  /// A request that would take a budget above its limit.
  public struct LimitExceeded: Error, Sendable, CustomStringConvertible {
    public var requested: Int
    public var live: Int
    public var limit: Int
    public var description: String {
      "allocating \(requested) bytes with \(live) in use would go over the limit of \(limit)"
    }
  }

  /// Checks that a new tensor of `shape` and `dtype` can be made, before anything is allocated.
  ///
  /// - Throws: `TensorError(.value)` for a negative dimension ("negative dimensions are not
  ///   allowed") or a byte size past `Int.max` (NumPy's "array is too big" message);
  ///   `TensorError(.memory)` with NumPy's "Unable to allocate" message when it is larger than
  ///   the machine's memory; `LimitExceeded` when the current thread's budget cannot hold it.
  /// - Returns: the number of elements.
  @discardableResult
  public static func checkAllocation(shape: [Int], dtype: DType) throws -> Int {
    if shape.contains(where: { $0 < 0 }) {
      throw TensorError(.value, "negative dimensions are not allowed")
    }
    // Zero sizes aside, as NumPy: the strides of the other dimensions must still fit.
    let nonzero = Tensor.elementCount(of: shape.filter { $0 != 0 })
    let (bytes, o) = (nonzero ?? 0).multipliedReportingOverflow(by: dtype.itemSize)
    if nonzero == nil || o {
      throw TensorError(
        .value,
        "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible "
          + "size.")
    }
    if shape.contains(0) { return 0 }
    let count = bytes / dtype.itemSize
    // More than the machine has fails as NumPy's allocation would, whatever the cap.
    if UInt64(bytes) > ProcessInfo.processInfo.physicalMemory {
      throw TensorError(.memory, unableToAllocate(bytes, shape: shape, dtype: dtype))
    }
    if let budget = current {
      let live = budget.liveBytes
      if bytes > budget.limit - live {
        throw LimitExceeded(requested: bytes, live: live, limit: budget.limit)
      }
    }
    return count
  }

  /// NumPy's `_ArrayMemoryError` text: `Unable to allocate 7.28 TiB for an array with shape
  /// (1000000000000,) and data type int64`.
  static func unableToAllocate(_ bytes: Int, shape: [Int], dtype: DType) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var v = Double(bytes)
    var u = 0
    while v >= 1024 && u < units.count - 1 {
      v /= 1024
      u += 1
    }
    let size = u == 0 ? "\(bytes) bytes" : String(format: "%.3g", v) + " " + units[u]
    return "Unable to allocate \(size) for an array with shape \(shapeString(shape)) and data "
      + "type \(dtype)"
  }

  /// Bytes alive and the limit of one computation (an interpreter session).
  public final class Budget: @unchecked Sendable {
    /// The cap in bytes.
    public let limit: Int
    /// Called on the allocating thread, before a buffer of `requested` bytes that would take the
    /// live total above `limit`; the allocation proceeds (and is charged) when it returns.
    let onExceeded: (_ requested: Int, _ live: Int, _ limit: Int) -> Void
    private var live = 0
    private let lock = NSLock()

    public init(
      limit: Int, onExceeded: @escaping (_ requested: Int, _ live: Int, _ limit: Int) -> Void
    ) {
      self.limit = limit
      self.onExceeded = onExceeded
    }

    /// Bytes of tensor storage charged to this budget and still alive.
    public var liveBytes: Int {
      lock.lock()
      defer { lock.unlock() }
      return live
    }

    /// Makes this the budget of the current thread (nil: none).
    public func install() { TensorMemory.setCurrent(self) }

    func charge(_ bytes: Int) {
      lock.lock()
      let total = live + bytes
      let over = total > limit
      let before = live
      if !over { live = total }
      lock.unlock()
      guard over else { return }
      onExceeded(bytes, before, limit)
      lock.lock()
      live += bytes
      lock.unlock()
    }

    func release(_ bytes: Int) {
      lock.lock()
      live -= bytes
      lock.unlock()
    }
  }

  /// Ends the process for an allocation that cannot be made where no error can be thrown (deep
  /// inside an op whose caller did not call `checkAllocation`): a one-line MemoryError on
  /// standard error and exit status 1, never a trap.
  static func allocationFailed(count: Int, dtype: DType) -> Never {
    let (bytes, o) = count.multipliedReportingOverflow(by: dtype.itemSize)
    let text =
      count < 0 || o
      ? "negative or overflowing tensor size (\(count) elements of \(dtype))"
      : unableToAllocate(bytes, shape: [count], dtype: dtype)
    FileHandle.standardError.write(Data("MemoryError: \(text)\n".utf8))
    exit(1)
  }

  /// Bytes the process's malloc heap has handed out and not taken back (glibc's mallinfo2:
  /// every thread's lists, strings and tensors alike), or nil where that is unknown. It walks
  /// the heap's free lists: call it a few times a second, not per allocation.
  public static func processHeapInUse() -> Int? {
    let n = journal_heap_in_use()
    return n < 0 ? nil : n
  }

  /// Removes the current thread's budget.
  public static func uninstall() { setCurrent(nil) }

  /// The budget of the current thread.
  public static var current: Budget? {
    guard let p = pthread_getspecific(budgetKey) else { return nil }
    return Unmanaged<Budget>.fromOpaque(p).takeUnretainedValue()
  }

  static func setCurrent(_ budget: Budget?) {
    let old = pthread_getspecific(budgetKey)
    let new = budget.map { Unmanaged.passUnretained($0).toOpaque() }
    if let old, let new, UnsafeRawPointer(new) == UnsafeRawPointer(old) { return }
    if let budget { _ = Unmanaged.passRetained(budget) }
    pthread_setspecific(budgetKey, new)
    if let old { Unmanaged<Budget>.fromOpaque(old).release() }
  }
}

/// The thread-specific slot of `TensorMemory.current`; its destructor drops the retain when a
/// thread ends.
private let budgetKey: pthread_key_t = {
  var key = pthread_key_t()
  pthread_key_create(&key) { p in
    // Optional on some platforms, not on others.
    let raw: UnsafeMutableRawPointer? = p
    if let raw { Unmanaged<TensorMemory.Budget>.fromOpaque(raw).release() }
  }
  return key
}()
