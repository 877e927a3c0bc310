/// Views that change shape, order or broadcast, and the factories that build tensors.
extension Tensor {
  // MARK: Factories

  /// A tensor filled with one value.
  public static func full(
    _ shape: [Int], _ value: Scalar, dtype: DType? = nil,
    style: PromotionStyle = .numpy
  ) -> Tensor {
    let dt = dtype ?? value.ownType(style: style)
    let out = Tensor(uninitialized: shape, dtype: dt)
    let n = out.count
    switch dt {
    case .bool: out.storage.pointer(Bool.self).update(repeating: value.doubleValue != 0, count: n)
    case .uint8:
      out.storage.pointer(UInt8.self).update(
        repeating: UInt8(fromInt64: value.int64Value), count: n)
    case .int32:
      out.storage.pointer(Int32.self).update(
        repeating: Int32(fromInt64: value.int64Value), count: n)
    case .int64: out.storage.pointer(Int64.self).update(repeating: value.int64Value, count: n)
    case .float32:
      out.storage.pointer(Float.self).update(repeating: Float(value.doubleValue), count: n)
    case .float64: out.storage.pointer(Double.self).update(repeating: value.doubleValue, count: n)
    }
    return out
  }

  /// A tensor of zeros.
  public static func zeros(_ shape: [Int], dtype: DType = .float64) -> Tensor {
    Tensor(zeros: shape, dtype: dtype)
  }

  /// A tensor of ones.
  public static func ones(_ shape: [Int], dtype: DType = .float64) -> Tensor {
    full(shape, .int(1), dtype: dtype)
  }

  /// Evenly spaced values in `[start, stop)` (NumPy `arange`; the length is
  /// `ceil((stop - start) / step)`).
  public static func arange(
    _ start: Scalar, _ stop: Scalar, step: Scalar = .int(1),
    dtype: DType? = nil, style: PromotionStyle = .numpy
  ) throws -> Tensor {
    var isInt = true
    for s in [start, stop, step] { if case .double = s { isInt = false } }
    let dt = dtype ?? (isInt ? .int64 : style.defaultFloat)
    guard step.doubleValue != 0 else { throw TensorError(.value, "arange: step must be nonzero") }
    if isInt {
      let a = start.int64Value, b = stop.int64Value, s = step.int64Value
      // The distance as an unsigned magnitude: `b - a + s - 1` overflows Int64 near its ends.
      var n = 0
      if (s > 0 && b > a) || (s < 0 && a > b) {
        let distance = UInt64(bitPattern: s > 0 ? b &- a : a &- b)
        let q = (distance - 1) / s.magnitude + 1
        guard q < 1 << 62 else { throw TensorError(.value, "Maximum allowed size exceeded") }
        n = Int(q)
      }
      try TensorMemory.checkAllocation(shape: [n], dtype: dt)
      let out = Tensor(uninitialized: [n], dtype: .int64)
      let p = out.storage.pointer(Int64.self)
      for i in 0..<n { p[i] = a &+ Int64(i) &* s }
      return out.casted(to: dt)
    }
    let a = start.doubleValue, s = step.doubleValue
    let length = ((stop.doubleValue - a) / s).rounded(.up)
    guard !length.isNaN else { throw TensorError(.value, "arange: cannot compute length") }
    guard length.isFinite, length < 0x1p62 else {
      throw TensorError(.value, "Maximum allowed size exceeded")
    }
    let len = length > 0 ? Int(length) : 0
    // NumPy fills `start + i * delta` with delta = (start + step) - start, as rounded.
    let delta = style == .numpy ? (a + s) - a : s
    try TensorMemory.checkAllocation(shape: [len], dtype: dt)
    let out = Tensor(uninitialized: [len], dtype: .float64)
    let p = out.storage.pointer(Double.self)
    for i in 0..<len { p[i] = a + Double(i) * delta }
    return out.casted(to: dt)
  }

  /// `count` values from `start` to `stop` inclusive (NumPy's formula: `start + i * step`, last
  /// element exactly `stop`).
  public static func linspace(
    _ start: Double, _ stop: Double, count: Int,
    dtype: DType = .float64
  ) throws -> Tensor {
    guard count >= 0 else {
      throw TensorError(.value, "Number of samples, \(count), must be non-negative.")
    }
    try TensorMemory.checkAllocation(shape: [count], dtype: .float64)
    let div = Double(count - 1)
    let step = count > 1 ? (stop - start) / div : 0
    var vals = (0..<count).map { start + Double($0) * step }
    if count > 1 { vals[count - 1] = stop }
    return try Tensor(vals).casted(to: dtype)
  }

  /// The identity matrix (`k` shifts the diagonal).
  /// Callers with sizes from outside check them first (`TensorMemory.checkAllocation`).
  public static func eye(_ n: Int, _ m: Int? = nil, k: Int = 0, dtype: DType = .float64) -> Tensor {
    let cols = m ?? n
    let out = Tensor(zeros: [n, cols], dtype: dtype)
    // `k` may be any Int: compare with it, never add to it.
    for i in 0..<n where k >= -i && k < cols - i {
      out.storeScalar(.int(1), at: i * cols + i + k)
    }
    return out
  }

  /// The number of elements of `shape`, or nil when a dimension is negative or the product
  /// of the nonzero ones overflows (as NumPy, since strides are that product): the
  /// overflow-safe product every size from outside goes through.
  public static func elementCount(of shape: [Int]) -> Int? {
    var n = 1
    var zero = false
    for d in shape {
      if d < 0 { return nil }
      if d == 0 {
        zero = true
        continue
      }
      let (p, o) = n.multipliedReportingOverflow(by: d)
      if o { return nil }
      n = p
    }
    return zero ? 0 : n
  }

  // MARK: Broadcasting

  /// The NumPy broadcast of two shapes, or an error naming both shapes and the op.
  public static func broadcastShapes(_ a: [Int], _ b: [Int], op: String = "broadcast") throws
    -> [Int]
  {
    if a == b { return a }
    let n = Swift.max(a.count, b.count)
    var out = [Int](repeating: 1, count: n)
    for i in 0..<n {
      let x = i < n - a.count ? 1 : a[i - (n - a.count)]
      let y = i < n - b.count ? 1 : b[i - (n - b.count)]
      if x == y || y == 1 {
        out[i] = x
      } else if x == 1 {
        out[i] = y
      } else {
        throw TensorError(
          .shape,
          "\(op): operands could not be broadcast together with shapes \(shapeString(a)) "
            + "\(shapeString(b))")
      }
    }
    return out
  }

  /// Strides that present this tensor with `shape` (stride 0 on broadcast dimensions).
  func broadcastStrides(to target: [Int], op: String) throws -> [Int] {
    let extra = target.count - rank
    guard extra >= 0 else {
      throw TensorError(
        .shape, "\(op): cannot broadcast shape \(shapeString(shape)) to \(shapeString(target))")
    }
    var out = [Int](repeating: 0, count: target.count)
    for i in 0..<rank {
      if shape[i] == target[i + extra] {
        out[i + extra] = strides[i]
      } else if shape[i] == 1 {
        out[i + extra] = 0
      } else {
        throw TensorError(
          .shape, "\(op): cannot broadcast shape \(shapeString(shape)) to \(shapeString(target))")
      }
    }
    return out
  }

  /// A view broadcast to `shape` (`expand` / `broadcast_to`); `-1` keeps a size.
  public func expanded(to target: [Int]) throws -> Tensor {
    var target = target
    let extra = target.count - rank
    for i in 0..<target.count where target[i] == -1 && i >= extra { target[i] = shape[i - extra] }
    if target == shape { return self }
    let st = try broadcastStrides(to: target, op: "expand")
    var out = Tensor(storage: storage, shape: target, strides: st, offset: offset)
    let from = shape
    out.recordUnary(self, "ExpandBackward0") { g in [try g.summed(toShape: from)] }
    return out
  }

  /// Sums a broadcast gradient back to `target` (the inverse of broadcasting).
  public func summed(toShape target: [Int]) throws -> Tensor {
    if shape == target { return self }
    let extra = rank - target.count
    var axes: [Int] = Array(0..<Swift.max(extra, 0))
    for i in 0..<target.count where target[i] == 1 && shape[i + extra] != 1 {
      axes.append(i + extra)
    }
    var r = axes.isEmpty ? self : try sum(axes: axes, keepDims: true)
    if r.shape != target { r = try r.reshaped(target) }
    return r
  }

  // MARK: Reshaping views

  /// The same elements with another shape; a view when the layout allows it, else a copy.
  /// One size may be -1.
  public func reshaped(_ newShape: [Int]) throws -> Tensor {
    var target = newShape
    let known = Tensor.elementCount(of: target.filter { $0 != -1 })
    if let i = target.firstIndex(of: -1) {
      guard target.filter({ $0 == -1 }).count == 1, let known, known != 0, count % known == 0
      else {
        throw TensorError(
          .shape, "cannot reshape array of size \(count) into shape \(shapeString(newShape))")
      }
      target[i] = count / known
    }
    guard Tensor.elementCount(of: target) == count else {
      throw TensorError(
        .shape, "cannot reshape array of size \(count) into shape \(shapeString(newShape))")
    }
    if target == shape { return self }
    let from = shape
    var out: Tensor
    if let st = viewStrides(for: target) {
      out = Tensor(storage: storage, shape: target, strides: st, offset: offset)
    } else {
      let c = rawCopy()
      out = Tensor(
        storage: c.storage, shape: target,
        strides: Tensor.contiguousStrides(target), offset: 0)
    }
    out.recordUnary(self, "ViewBackward0") { g in [try g.reshaped(from)] }
    return out
  }

  /// Strides for viewing this layout as `target` without a copy, or nil (PyTorch's rule).
  func viewStrides(for target: [Int]) -> [Int]? {
    if isContiguous { return Tensor.contiguousStrides(target) }
    if count == 0 { return Tensor.contiguousStrides(target) }
    var newStrides = [Int](repeating: 0, count: target.count)
    var viewD = target.count - 1
    var chunkBase = strides.last ?? 1
    var tensorNumel = 1
    var viewNumel = 1
    for tensorD in stride(from: rank - 1, through: 0, by: -1) {
      tensorNumel *= shape[tensorD]
      if tensorD == 0
        || (shape[tensorD - 1] != 1 && strides[tensorD - 1] != tensorNumel * chunkBase)
      {
        while viewD >= 0 && (viewNumel < tensorNumel || target[viewD] == 1) {
          newStrides[viewD] = viewNumel * chunkBase
          viewNumel *= target[viewD]
          viewD -= 1
        }
        if viewNumel != tensorNumel { return nil }
        if tensorD > 0 {
          chunkBase = strides[tensorD - 1]
          tensorNumel = 1
          viewNumel = 1
        }
      }
    }
    if viewD != -1 { return nil }
    return newStrides
  }

  /// Whether this tensor and `other` view one storage, so a write through one may show in the
  /// other.
  public func sharesStorage(with other: Tensor) -> Bool { storage === other.storage }

  /// A view of this tensor's storage with any shape, strides and offset, in elements (NumPy's
  /// `as_strided`, PyTorch's `as_strided`); an index error when an element would lie outside
  /// the storage. No gradient flows through it.
  public func strided(shape newShape: [Int], strides newStrides: [Int], offset start: Int) throws
    -> Tensor
  {
    guard newShape.count == newStrides.count, newShape.allSatisfy({ $0 >= 0 }),
      Tensor.elementCount(of: newShape) != nil
    else {
      throw TensorError(
        .shape, "strided: shape \(shapeString(newShape)) does not fit strides \(newStrides)")
    }
    if !newShape.contains(0) {
      var low = start
      var high = start
      for (n, st) in zip(newShape, newStrides) {
        let (span, overflow) = (n - 1).multipliedReportingOverflow(by: st)
        let (moved, past) =
          span < 0 ? low.addingReportingOverflow(span) : high.addingReportingOverflow(span)
        guard !overflow, !past else {
          throw TensorError(.index, "strided: the view reaches outside the array's memory")
        }
        if span < 0 { low = moved } else { high = moved }
      }
      guard low >= 0, high < storage.count else {
        throw TensorError(.index, "strided: the view reaches outside the array's memory")
      }
    }
    return Tensor(storage: storage, shape: newShape, strides: newStrides, offset: start)
  }

  /// A view with the same data (PyTorch `view`): fails when the layout needs a copy.
  public func view(_ newShape: [Int]) throws -> Tensor {
    var target = newShape
    if let i = target.firstIndex(of: -1) {
      let known = Tensor.elementCount(of: target.filter { $0 != -1 }) ?? 0
      target[i] = known == 0 ? 0 : count / known
    }
    guard Tensor.elementCount(of: target) == count, viewStrides(for: target) != nil else {
      throw TensorError(
        .shape,
        "view size is not compatible with input tensor's size and stride (shape "
          + "\(shapeString(shape)) to \(shapeString(newShape))); use reshape instead")
    }
    return try reshaped(target)
  }

  /// All elements as one dimension.
  public func flattened(from start: Int = 0, to end: Int = -1) throws -> Tensor {
    if rank == 0 { return try reshaped([1]) }
    let s = try axis(start, "flatten"), e = try axis(end, "flatten")
    if s >= e { return self }
    let merged = shape[s...e].reduce(1, *)
    return try reshaped(Array(shape[..<s]) + [merged] + Array(shape[(e + 1)...]))
  }

  /// Reorders dimensions (`permute` / `np.transpose(a, axes)`).
  public func permuted(_ axes: [Int]) throws -> Tensor {
    guard axes.count == rank else {
      throw TensorError(.shape, "permute: axes don't match array of shape \(shapeString(shape))")
    }
    let ax = try axes.map { try axis($0, "permute") }
    guard Set(ax).count == rank else {
      throw TensorError(.shape, "permute: repeated axis in \(axes)")
    }
    var out = Tensor(
      storage: storage, shape: ax.map { shape[$0] }, strides: ax.map { strides[$0] },
      offset: offset)
    var inverse = [Int](repeating: 0, count: rank)
    for (i, a) in ax.enumerated() { inverse[a] = i }
    out.recordUnary(self, "PermuteBackward0") { g in [try g.permuted(inverse)] }
    return out
  }

  /// Swaps two dimensions.
  public func transposed(_ a: Int, _ b: Int) throws -> Tensor {
    var p = Array(0..<rank)
    let x = try axis(a, "transpose"), y = try axis(b, "transpose")
    p.swapAt(x, y)
    return try permuted(p)
  }

  /// All dimensions reversed (NumPy `.T`).
  /// The transpose of a matrix (PyTorch's `t()`, recorded as `TBackward0`); a vector or a
  /// scalar keeps its values (a view, recorded all the same).
  public func matrixTransposed() throws -> Tensor {
    guard rank <= 2 else {
      throw TensorError(
        .shape, "t() expects a tensor with <= 2 dimensions, but self is \(rank)D")
    }
    let axes = Array((0..<rank).reversed())
    var out = try detached().permuted(axes)
    out.recordUnary(self, "TBackward0") { g in [try g.permuted(axes)] }
    return out
  }

  public var T: Tensor {
    // Reversing a valid permutation never fails.
    (try? permuted(Array((0..<rank).reversed()))) ?? self
  }

  /// Removes size-1 dimensions (all of them, or the given ones).
  public func squeezed(axes: [Int]? = nil) throws -> Tensor {
    let drop: Set<Int>
    if rank == 0 { return self }  // NumPy and PyTorch accept axis 0 of a 0-d array
    if let axes {
      drop = Set(try axes.map { try axis($0, "squeeze") })
      for a in drop where shape[a] != 1 {
        throw TensorError(
          .shape, "cannot select an axis to squeeze out which has size not equal to one")
      }
    } else {
      drop = Set((0..<rank).filter { shape[$0] == 1 })
    }
    let keep = (0..<rank).filter { !drop.contains($0) }
    var out = Tensor(
      storage: storage, shape: keep.map { shape[$0] },
      strides: keep.map { strides[$0] }, offset: offset)
    let from = shape
    out.recordUnary(self, "SqueezeBackward0") { g in [try g.reshaped(from)] }
    return out
  }

  /// Inserts a size-1 dimension at `axis` (may be negative, counted on the result).
  public func unsqueezed(_ at: Int) throws -> Tensor {
    let a = try axis(at, "unsqueeze", rank: rank + 1)
    var sh = shape, st = strides
    sh.insert(1, at: a)
    st.insert(a < rank ? strides[a] * shape[a] : 1, at: a)
    var out = Tensor(storage: storage, shape: sh, strides: st, offset: offset)
    let from = shape
    out.recordUnary(self, "UnsqueezeBackward0") { g in [try g.reshaped(from)] }
    return out
  }
}
