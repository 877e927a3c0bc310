import Foundation

/// A cap on the tensor memory one computation may hold: the single choke point is
/// `TensorStorage`, which charges every buffer it allocates to the calling thread's budget.
///
/// ```swift
/// let budget = TensorMemory.Budget(limit: 4 << 30) { requested, live, limit in ... }
/// budget.install()   // on the thread that computes; storages made there are charged to it
/// ```
/// A thread without a budget allocates without limit.
public enum TensorMemory {
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
