#if canImport(Glibc)
  import Glibc
#endif

/// The memory behind one or more tensors: a 16-byte aligned buffer of `count` elements.
///
/// `init` is the single place tensor memory is allocated. The alignment stays at 16 (malloc's
/// own): a larger one sends every allocation through `posix_memalign`, which costs more than a
/// small op's arithmetic, and neither BLAS nor the vectorised loops need more.
///
/// Views share a storage; mutating methods of `Tensor` copy it first unless it is uniquely
/// referenced, while the explicit `…InPlace` and `write…` methods write through it on purpose.
final class TensorStorage: @unchecked Sendable {
  let dtype: DType
  let count: Int
  let raw: UnsafeMutableRawPointer
  /// The memory budget this buffer is charged to (`TensorMemory`), if its thread has one.
  let budget: TensorMemory.Budget?

  init(dtype: DType, count: Int) {
    _ = TensorStorage.tuneAllocator
    self.dtype = dtype
    self.count = count
    let (bytes, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
    if count < 0 || overflow { TensorMemory.allocationFailed(count: count, dtype: dtype) }
    budget = TensorMemory.current
    budget?.charge(bytes)
    // malloc, not `allocate`: a failed request is a MemoryError, not a trap. glibc's blocks are
    // 16-byte aligned.
    guard let p = malloc(Swift.max(1, bytes)) else {
      TensorMemory.allocationFailed(count: count, dtype: dtype)
    }
    raw = p
  }

  static func zeroed(dtype: DType, count: Int) -> TensorStorage {
    let s = TensorStorage(dtype: dtype, count: count)
    s.raw.initializeMemory(
      as: UInt8.self, repeating: 0, count: Swift.max(1, count * dtype.itemSize))
    return s
  }

  deinit {
    free(raw)
    budget?.release(count * dtype.itemSize)
  }

  /// Keeps glibc from serving tensor-sized blocks with fresh mmap/munmap pairs: a training loop
  /// frees and reallocates the same sizes every step, and page faults then cost more than the
  /// arithmetic. Blocks up to 64 MiB come from the heap and are reused.
  static let tuneAllocator: Void = {
    #if canImport(Glibc)
      // mallopt lives in <malloc.h>, which the Glibc module does not export.
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      let mallopt = unsafeBitCast(sym, to: Mallopt.self)
      _ = mallopt(-3, 64 << 20)  // M_MMAP_THRESHOLD
      _ = mallopt(-1, 128 << 20)  // M_TRIM_THRESHOLD
    #endif
  }()

  @inline(__always)
  func pointer<T>(_ type: T.Type) -> UnsafeMutablePointer<T> {
    raw.assumingMemoryBound(to: T.self)
  }

  func copy() -> TensorStorage {
    let s = TensorStorage(dtype: dtype, count: count)
    s.raw.copyMemory(from: raw, byteCount: count * dtype.itemSize)
    return s
  }
}
