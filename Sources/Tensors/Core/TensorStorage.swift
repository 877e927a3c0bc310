/// The memory behind one or more tensors: a 16-byte aligned buffer of `count` elements.
///
/// Views share a storage; mutating methods of `Tensor` copy it first unless it is uniquely
/// referenced, while the explicit `…InPlace` and `write…` methods write through it on purpose.
final class TensorStorage: @unchecked Sendable {
  let dtype: DType
  let count: Int
  let raw: UnsafeMutableRawPointer

  init(dtype: DType, count: Int) {
    self.dtype = dtype
    self.count = count
    raw = UnsafeMutableRawPointer.allocate(
      byteCount: Swift.max(1, count * dtype.itemSize), alignment: 64)
  }

  static func zeroed(dtype: DType, count: Int) -> TensorStorage {
    let s = TensorStorage(dtype: dtype, count: count)
    s.raw.initializeMemory(as: UInt8.self, repeating: 0, count: Swift.max(1, count * dtype.itemSize))
    return s
  }

  deinit { raw.deallocate() }

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
