/// An n-dimensional array of one dtype with NumPy/PyTorch semantics and optional autograd.
///
/// A tensor is a view (shape, strides in elements, offset) over shared storage. Reshapes,
/// transposes, slices, `expanded` and `squeezed` share the storage; `contiguous()` copies only
/// when the layout needs it. Mutating methods (`setItem`, `+=`) copy the storage first when it
/// is shared, so `var b = a; b += 1` leaves `a` alone; the non-mutating `…InPlace` and
/// `writeItem` methods write through the shared storage, as NumPy and PyTorch do, so every view
/// and copy sees the change (optimizers and the interpreter rely on that).
///
/// `Sendable` is unchecked: a tensor may cross tasks, but concurrent writes through shared storage
/// race exactly as they would on a NumPy array.
public struct Tensor: @unchecked Sendable {
  var storage: TensorStorage
  /// Sizes of the dimensions.
  public internal(set) var shape: [Int]
  /// Distance in elements between neighbours along each dimension (0 where broadcast).
  public internal(set) var strides: [Int]
  /// Position of the first element in the storage.
  public internal(set) var offset: Int
  var meta: AutogradMeta?

  init(storage: TensorStorage, shape: [Int], strides: [Int], offset: Int) {
    self.storage = storage
    self.shape = shape
    self.strides = strides
    self.offset = offset
    self.meta = nil
  }

  /// A fresh contiguous tensor whose elements are not initialised (callers fill it).
  init(uninitialized shape: [Int], dtype: DType) {
    var n = 1
    for d in shape { n *= d }
    self.init(
      storage: TensorStorage(dtype: dtype, count: n), shape: shape,
      strides: Tensor.contiguousStrides(shape), offset: 0)
  }

  /// A fresh contiguous tensor shaped like `template`, sharing its shape and (canonical) stride
  /// arrays when it can, so small elementwise ops allocate only their storage.
  init(uninitializedLike template: Tensor, shape: [Int], dtype: DType) {
    if template.shape == shape && template.hasCanonicalStrides {
      self.init(
        storage: TensorStorage(dtype: dtype, count: template.count), shape: template.shape,
        strides: template.strides, offset: 0)
    } else {
      self.init(uninitialized: shape, dtype: dtype)
    }
  }

  /// A tensor of zeros.
  public init(zeros shape: [Int], dtype: DType = .float64) {
    let n = shape.reduce(1, *)
    self.init(
      storage: TensorStorage.zeroed(dtype: dtype, count: n), shape: shape,
      strides: Tensor.contiguousStrides(shape), offset: 0)
  }

  /// A tensor holding `values` (row-major) with the given shape (default: 1-D).
  public init<T: TensorElement>(_ values: [T], shape: [Int]? = nil) throws {
    let shape = shape ?? [values.count]
    guard Tensor.elementCount(of: shape) == values.count else {
      throw TensorError(
        .shape, "cannot reshape array of size \(values.count) into shape \(shapeString(shape))")
    }
    self.init(uninitialized: shape, dtype: T.dtype)
    let p = storage.pointer(T.self)
    values.withUnsafeBufferPointer { src in
      if let base = src.baseAddress { p.update(from: base, count: values.count) }
    }
  }

  /// A 0-d tensor holding one scalar; its dtype follows the scalar (bool, int64, or the style's
  /// default float) unless given.
  public init(scalar: Scalar, dtype: DType? = nil, style: PromotionStyle = .numpy) {
    let dt = dtype ?? scalar.ownType(style: style)
    self.init(uninitialized: [], dtype: dt)
    storeScalar(scalar, at: 0)
  }

  /// A 0-d float64 tensor.
  public init(_ value: Double) { self.init(scalar: .double(value)) }

  // MARK: Geometry

  public var dtype: DType { storage.dtype }
  /// Number of dimensions.
  public var rank: Int { shape.count }
  /// Number of elements.
  public var count: Int {
    var n = 1
    for d in shape { n *= d }
    return n
  }

  public static func contiguousStrides(_ shape: [Int]) -> [Int] {
    let n = shape.count
    return [Int](unsafeUninitializedCapacity: n) { buf, initialized in
      var acc = 1
      var i = n - 1
      while i >= 0 {
        buf[i] = acc
        acc *= Swift.max(shape[i], 1)
        i -= 1
      }
      initialized = n
    }
  }

  /// Whether the elements lie in row-major order without gaps starting at `offset`.
  public var isContiguous: Bool {
    var expected = 1
    var i = shape.count - 1
    while i >= 0 {
      let n = shape[i]
      if n != 1 {
        if strides[i] != expected { return false }
        expected *= n
      }
      i -= 1
    }
    return true
  }

  /// Whether `strides` are exactly `contiguousStrides(shape)`, so a fresh tensor of this shape
  /// can share the array instead of computing its own.
  var hasCanonicalStrides: Bool {
    var acc = 1
    var i = shape.count - 1
    while i >= 0 {
      if strides[i] != acc { return false }
      acc *= Swift.max(shape[i], 1)
      i -= 1
    }
    return true
  }

  /// Normalises a possibly negative axis, naming the op on error.
  func axis(_ a: Int, _ op: String, rank r: Int? = nil) throws -> Int {
    let n = r ?? rank
    let v = a < 0 ? a + n : a
    guard v >= 0, v < Swift.max(n, 1) || (n == 0 && v == 0) else {
      throw TensorError(
        .index, "\(op): axis \(a) is out of bounds for array of dimension \(n)")
    }
    return v
  }

  // MARK: Element access

  @inline(__always)
  func storeScalar(_ s: Scalar, at i: Int) {
    switch dtype {
    case .bool: storage.pointer(Bool.self)[i] = s.doubleValue != 0
    case .uint8: storage.pointer(UInt8.self)[i] = UInt8(fromInt64: s.int64Value)
    case .int32: storage.pointer(Int32.self)[i] = Int32(fromInt64: s.int64Value)
    case .int64: storage.pointer(Int64.self)[i] = s.int64Value
    case .float32: storage.pointer(Float.self)[i] = Float(s.doubleValue)
    case .float64: storage.pointer(Double.self)[i] = s.doubleValue
    }
  }

  @inline(__always)
  func loadScalar(at i: Int) -> Scalar {
    switch dtype {
    case .bool: return .bool(storage.pointer(Bool.self)[i])
    case .uint8: return .int(Int64(storage.pointer(UInt8.self)[i]))
    case .int32: return .int(Int64(storage.pointer(Int32.self)[i]))
    case .int64: return .int(storage.pointer(Int64.self)[i])
    case .float32: return .double(Double(storage.pointer(Float.self)[i]))
    case .float64: return .double(storage.pointer(Double.self)[i])
    }
  }

  /// The only element of a one-element tensor.
  public func item() throws -> Scalar {
    guard count == 1 else {
      throw TensorError(
        .value, "a Tensor with \(count) elements cannot be converted to Scalar")
    }
    return loadScalar(at: offset)
  }

  /// The element at a full index (negative positions count from the end).
  public func element(at index: [Int]) throws -> Scalar {
    guard index.count == rank else {
      throw TensorError(
        .index, "expected \(rank) indices for shape \(shapeString(shape)), got \(index.count)")
    }
    var pos = offset
    for (d, i) in index.enumerated() {
      let j = i < 0 ? i + shape[d] : i
      guard j >= 0, j < shape[d] else {
        throw TensorError(
          .index, "index \(i) is out of bounds for axis \(d) with size \(shape[d])")
      }
      pos += j * strides[d]
    }
    return loadScalar(at: pos)
  }

  /// The elements in row-major order, converted to `T`.
  public func scalars<T: TensorElement>(as type: T.Type = T.self) -> [T] {
    let c = (dtype == T.dtype ? self : casted(to: T.dtype)).contiguous()
    return Array(UnsafeBufferPointer(start: c.storage.pointer(T.self) + c.offset, count: c.count))
  }

  /// The elements in row-major order as Double.
  public var doubles: [Double] { scalars(as: Double.self) }
  /// The elements in row-major order as Int64.
  public var int64s: [Int64] { scalars(as: Int64.self) }
  /// The elements in row-major order as Bool.
  public var bools: [Bool] { scalars(as: Bool.self) }

  /// Pointer to the first element of a contiguous tensor's data (internal fast paths).
  @inline(__always)
  func base<T>(_ t: T.Type) -> UnsafeMutablePointer<T> { storage.pointer(T.self) + offset }
}

// MARK: - Strided iteration

/// Calls `body` once per innermost row of a (possibly broadcast) n-d iteration.
///
/// Size-1 dimensions are dropped and dimensions that are contiguous for every operand are merged,
/// so a contiguous tensor is a single row. `body` gets each operand's offset, the row length and
/// each operand's stride along the row.
@inline(__always)
func forEachRow(
  shape: [Int], strides: [[Int]], offsets: [Int],
  _ body: (_ offsets: UnsafePointer<Int>, _ length: Int, _ rowStrides: UnsafePointer<Int>) -> Void
) {
  let nops = strides.count
  let rank = shape.count
  for d in 0..<rank where shape[d] == 0 { return }
  // Scratch layout: dims[rank] | strides[rank * nops] (dimension-major) | offsets[nops] |
  // counter[rank].
  withUnsafeTemporaryAllocation(of: Int.self, capacity: rank * (nops + 2) + nops + 1) { buf in
    let base = buf.baseAddress!
    let dims = base
    let st = base + rank
    let offs = st + rank * nops
    let counter = offs + nops
    var nd = 0
    for d in 0..<rank where shape[d] != 1 {
      if nd > 0 {
        var mergeable = true
        for k in 0..<nops where st[(nd - 1) * nops + k] != strides[k][d] * shape[d] {
          mergeable = false
          break
        }
        if mergeable {
          dims[nd - 1] *= shape[d]
          for k in 0..<nops { st[(nd - 1) * nops + k] = strides[k][d] }
          continue
        }
      }
      dims[nd] = shape[d]
      for k in 0..<nops { st[nd * nops + k] = strides[k][d] }
      nd += 1
    }
    for k in 0..<nops { offs[k] = offsets[k] }
    if nd == 0 {
      for k in 0..<nops { st[k] = 0 }
      body(offs, 1, st)
      return
    }
    let inner = dims[nd - 1]
    let innerStrides = UnsafePointer(st + (nd - 1) * nops)
    if nd == 1 {
      body(offs, inner, innerStrides)
      return
    }
    var outerCount = 1
    for d in 0..<(nd - 1) {
      outerCount *= dims[d]
      counter[d] = 0
    }
    for _ in 0..<outerCount {
      body(offs, inner, innerStrides)
      var d = nd - 2
      while d >= 0 {
        counter[d] += 1
        let sd = st + d * nops
        if counter[d] < dims[d] {
          for k in 0..<nops { offs[k] += sd[k] }
          break
        }
        for k in 0..<nops { offs[k] -= sd[k] * (dims[d] - 1) }
        counter[d] = 0
        d -= 1
      }
    }
  }
}

/// Row-by-row iteration over up to three strided operands, as a plain loop (`while rows.next()`).
///
/// Kernels that take an elementwise closure use this instead of `forEachRow` so the closure is
/// inlined into the row loop rather than called per element.
struct StridedRows {
  private var dims: [Int] = []
  private var outer: [Int] = []
  private var counter: [Int] = []
  private(set) var o0 = 0, o1 = 0, o2 = 0
  private(set) var length = 1
  private(set) var s0 = 0, s1 = 0, s2 = 0
  private var remaining = 1
  private var started = false

  init(shape: [Int], strides: [[Int]], offsets: [Int]) {
    let nops = strides.count
    func stride(_ k: Int, _ d: Int) -> Int { k < nops ? strides[k][d] : 0 }
    var st: [(Int, Int, Int)] = []
    for d in 0..<shape.count where shape[d] != 1 {
      if shape[d] == 0 {
        remaining = 0
        return
      }
      let cur = (stride(0, d), stride(1, d), stride(2, d))
      if let last = st.last, last.0 == cur.0 * shape[d], last.1 == cur.1 * shape[d],
        last.2 == cur.2 * shape[d]
      {
        dims[dims.count - 1] *= shape[d]
        st[st.count - 1] = cur
        continue
      }
      dims.append(shape[d])
      st.append(cur)
    }
    o0 = offsets[0]
    o1 = nops > 1 ? offsets[1] : 0
    o2 = nops > 2 ? offsets[2] : 0
    guard let inner = st.last else { return }
    length = dims.removeLast()
    (s0, s1, s2) = inner
    st.removeLast()
    outer = st.flatMap { [$0.0, $0.1, $0.2] }
    counter = Array(repeating: 0, count: dims.count)
    remaining = dims.reduce(1, *)
  }

  /// Moves to the next row; false when done.
  @inline(__always)
  mutating func next() -> Bool {
    if remaining == 0 { return false }
    remaining -= 1
    if !started {
      started = true
      return true
    }
    var d = dims.count - 1
    while d >= 0 {
      counter[d] += 1
      if counter[d] < dims[d] {
        o0 += outer[3 * d]
        o1 += outer[3 * d + 1]
        o2 += outer[3 * d + 2]
        return true
      }
      let back = dims[d] - 1
      o0 -= outer[3 * d] * back
      o1 -= outer[3 * d + 1] * back
      o2 -= outer[3 * d + 2] * back
      counter[d] = 0
      d -= 1
    }
    return true
  }
}

// MARK: - Copies and casts

@inline(__always)
func convertElement<S: TensorElement, D: TensorElement>(_ s: S, to: D.Type) -> D {
  if S.self == D.self { return unsafeBitCast(s, to: D.self) }
  if D.self == Bool.self { return unsafeBitCast(s.asDouble != 0, to: D.self) }
  if S.dtype.isFloatingPoint || D.dtype.isFloatingPoint { return D(fromDouble: s.asDouble) }
  return D(fromInt64: s.asInt64)
}

func copyKernel<S: TensorElement, D: TensorElement>(
  _ src: Tensor, _ s: S.Type, into dst: Tensor, _ d: D.Type
) {
  let sp = src.storage.pointer(S.self)
  let dp = dst.storage.pointer(D.self)
  if src.isContiguous && dst.isContiguous && src.shape == dst.shape {
    let a = sp + src.offset
    let b = dp + dst.offset
    if S.self == D.self {
      b.withMemoryRebound(to: S.self, capacity: src.count) { $0.update(from: a, count: src.count) }
    } else {
      for i in 0..<src.count { b[i] = convertElement(a[i], to: D.self) }
    }
    return
  }
  forEachRow(
    shape: dst.shape, strides: [src.strides, dst.strides],
    offsets: [src.offset, dst.offset]
  ) { o, n, st in
    var i = o[0]
    var j = o[1]
    let si = st[0]
    let sj = st[1]
    for _ in 0..<n {
      dp[j] = convertElement(sp[i], to: D.self)
      i += si
      j += sj
    }
  }
}

/// Copies `src` (already broadcast to `dst.shape`) into `dst`'s storage, converting dtypes.
func copyElements(from src: Tensor, into dst: Tensor) {
  func inner<S: TensorElement>(_ s: S.Type) {
    switch dst.dtype {
    case .bool: copyKernel(src, S.self, into: dst, Bool.self)
    case .uint8: copyKernel(src, S.self, into: dst, UInt8.self)
    case .int32: copyKernel(src, S.self, into: dst, Int32.self)
    case .int64: copyKernel(src, S.self, into: dst, Int64.self)
    case .float32: copyKernel(src, S.self, into: dst, Float.self)
    case .float64: copyKernel(src, S.self, into: dst, Double.self)
    }
  }
  switch src.dtype {
  case .bool: inner(Bool.self)
  case .uint8: inner(UInt8.self)
  case .int32: inner(Int32.self)
  case .int64: inner(Int64.self)
  case .float32: inner(Float.self)
  case .float64: inner(Double.self)
  }
}

extension Tensor {
  /// A contiguous copy of the data (no autograd history).
  func rawCopy(dtype: DType? = nil) -> Tensor {
    let out = Tensor(uninitialized: shape, dtype: dtype ?? self.dtype)
    copyElements(from: self, into: out)
    return out
  }

  /// `self` when already contiguous, else a contiguous copy (keeps autograd history).
  public func contiguous() -> Tensor {
    if isContiguous { return self }
    var out = rawCopy()
    out.recordUnary(self, "CloneBackward0") { g in [g] }
    return out
  }

  /// A copy with its own storage (PyTorch `clone`, NumPy `copy`).
  public func clone() -> Tensor {
    var out = rawCopy()
    out.recordUnary(self, "CloneBackward0") { g in [g] }
    return out
  }

  /// The data converted to another dtype (a copy unless the dtype is already `dtype`).
  public func casted(to dtype: DType) -> Tensor {
    if dtype == self.dtype { return self }
    var out = rawCopy(dtype: dtype)
    if dtype.isFloatingPoint && self.dtype.isFloatingPoint {
      let from = self.dtype
      out.recordUnary(self, "ToCopyBackward0") { g in [g.casted(to: from)] }
    }
    return out
  }

  /// Makes the storage unique before a mutation (copy-on-write).
  mutating func makeUnique() {
    if !isKnownUniquelyReferenced(&storage) {
      let c = rawCopy()
      storage = c.storage
      shape = c.shape
      strides = c.strides
      offset = 0
    }
  }
}
