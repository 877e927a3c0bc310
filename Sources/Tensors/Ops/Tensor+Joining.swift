/// Joining, splitting, flipping, repeating and padding.
extension Tensor {
  /// Reverses the order of elements along `axes` (all when nil); a view with negative strides.
  public func flipped(axes: [Int]? = nil) throws -> Tensor {
    let ax = try normalizedAxes(axes, "flip")
    var st = strides, off = offset
    for a in ax where shape[a] > 0 {
      off += (shape[a] - 1) * strides[a]
      st[a] = -strides[a]
    }
    var out = Tensor(storage: storage, shape: shape, strides: st, offset: off)
    out.recordUnary(self, "FlipBackward0") { g in [try g.flipped(axes: ax)] }
    return out
  }

  /// `length` elements from `start` along `axis` (a view).
  public func narrowed(axis: Int, start: Int, length: Int) throws -> Tensor {
    let a = try self.axis(axis, "narrow")
    guard start >= 0, length >= 0, start + length <= shape[a] else {
      throw TensorError(
        .index,
        "narrow: start (\(start)) + length (\(length)) exceeds dimension size "
          + "(\(shape[a])) of shape \(shapeString(shape))")
    }
    var idx = [TensorIndex](repeating: .all, count: rank)
    idx[a] = .slice(start, start + length, 1)
    return try item(idx)
  }

  /// Joins tensors along an existing axis; dtypes are promoted.
  public static func concatenate(
    _ tensors: [Tensor], axis: Int = 0,
    style: PromotionStyle = .numpy
  ) throws -> Tensor {
    guard let first = tensors.first else {
      throw TensorError(.value, "need at least one array to concatenate")
    }
    guard first.rank > 0 else {
      throw TensorError(.value, "zero-dimensional arrays cannot be concatenated")
    }
    let a = try first.axis(axis, "concatenate")
    var dt = first.dtype
    var total = 0
    for t in tensors {
      dt = DType.promoted(dt, t.dtype, style: style)
      var ok = t.rank == first.rank
      if ok { for d in 0..<t.rank where d != a && t.shape[d] != first.shape[d] { ok = false } }
      guard ok else {
        throw TensorError(
          .shape,
          "concatenate: all the input array dimensions except for the concatenation axis must "
            + "match exactly, but shapes \(shapeString(first.shape)) and "
            + "\(shapeString(t.shape)) differ")
      }
      total += t.shape[a]
    }
    var shape = first.shape
    shape[a] = total
    var out = Tensor(uninitialized: shape, dtype: dt)
    var pos = 0
    var sizes: [Int] = []
    for t in tensors {
      let n = t.shape[a]
      sizes.append(n)
      var st = out.strides
      st[a] = out.strides[a]
      var sh = shape
      sh[a] = n
      copyElements(
        from: t,
        into: Tensor(
          storage: out.storage, shape: sh, strides: st,
          offset: pos * out.strides[a]))
      pos += n
    }
    if tensors.contains(where: { needsGrad($0) }) {
      out.record(tensors, "CatBackward0") { g in
        var start = 0
        return try sizes.map { n in
          defer { start += n }
          return try g.narrowed(axis: a, start: start, length: n)
        }
      }
    }
    return out
  }

  /// Joins tensors of equal shape along a new axis.
  public static func stack(
    _ tensors: [Tensor], axis: Int = 0,
    style: PromotionStyle = .numpy
  ) throws -> Tensor {
    guard let first = tensors.first else {
      throw TensorError(.value, "need at least one array to stack")
    }
    for t in tensors where t.shape != first.shape {
      throw TensorError(
        .shape,
        "stack: all input arrays must have the same shape, got \(shapeString(first.shape)) and "
          + "\(shapeString(t.shape))")
    }
    let a = try first.axis(axis, "stack", rank: first.rank + 1)
    return try concatenate(tensors.map { try $0.unsqueezed(a) }, axis: a, style: style)
  }

  /// Splits into `sections` equal parts along `axis` (NumPy `split` with an integer).
  public func split(sections: Int, axis: Int = 0) throws -> [Tensor] {
    let a = try self.axis(axis, "split")
    guard sections > 0, shape[a] % sections == 0 else {
      throw TensorError(.value, "array split does not result in an equal division")
    }
    let n = shape[a] / sections
    return try (0..<sections).map { try narrowed(axis: a, start: $0 * n, length: n) }
  }

  /// Splits before each of `indices` along `axis` (NumPy `split` with a list).
  public func split(at indices: [Int], axis: Int = 0) throws -> [Tensor] {
    let a = try self.axis(axis, "split")
    var bounds = [0] + indices.map { Swift.min(Swift.max($0, 0), shape[a]) } + [shape[a]]
    for i in 1..<bounds.count where bounds[i] < bounds[i - 1] { bounds[i] = bounds[i - 1] }
    return try (0..<(bounds.count - 1)).map {
      try narrowed(axis: a, start: bounds[$0], length: bounds[$0 + 1] - bounds[$0])
    }
  }

  /// Repeats the whole tensor `reps` times per dimension (NumPy `tile`, PyTorch `repeat`).
  public func tiled(_ reps: [Int]) throws -> Tensor {
    let n = Swift.max(reps.count, rank)
    let reps = Array(repeating: 1, count: n - reps.count) + reps
    let base = try reshaped(Array(repeating: 1, count: n - rank) + shape)
    var viewShape: [Int] = [], bigShape: [Int] = [], outShape: [Int] = []
    for d in 0..<n {
      viewShape += [1, base.shape[d]]
      bigShape += [reps[d], base.shape[d]]
      outShape.append(reps[d] &* base.shape[d])
    }
    if reps.contains(where: { $0 < 0 }) {
      throw TensorError(.value, "negative dimensions are not allowed")
    }
    try TensorMemory.checkAllocation(shape: bigShape, dtype: dtype)
    return try base.reshaped(viewShape).expanded(to: bigShape).reshaped(outShape)
  }

  /// Repeats each element `count` times along `axis` (flattened when nil; NumPy `repeat`).
  public func repeatedElements(_ count: Int, axis: Int? = nil) throws -> Tensor {
    guard count >= 0 else {
      throw TensorError(.value, "repeat: negative dimensions are not allowed")
    }
    guard let axis else { return try reshaped([-1]).repeatedElements(count, axis: 0) }
    let a = try self.axis(axis, "repeat")
    var big = shape
    big.insert(count, at: a + 1)
    // NumPy's size wraps negative when it overflows.
    if Tensor.elementCount(of: big) == nil {
      throw TensorError(.value, "negative dimensions are not allowed")
    }
    try TensorMemory.checkAllocation(shape: big, dtype: dtype)
    var out = shape
    out[a] *= count
    return try unsqueezed(a + 1).expanded(to: big).reshaped(out)
  }

  /// Pads with a constant: `widths[d]` is (before, after) for dimension `d`.
  public func padded(_ widths: [(Int, Int)], value: Double = 0) throws -> Tensor {
    guard widths.count == rank, widths.allSatisfy({ $0.0 >= 0 && $0.1 >= 0 }) else {
      throw TensorError(
        .value,
        "pad: need one non-negative (before, after) pair per dimension of "
          + shapeString(shape))
    }
    let outShape = (0..<rank).map { shape[$0] + widths[$0].0 + widths[$0].1 }
    var out = Tensor.full(outShape, .double(value), dtype: dtype)
    let idx = (0..<rank).map { TensorIndex.slice(widths[$0].0, widths[$0].0 + shape[$0], 1) }
    try out.scatter(idx, self, accumulate: false)
    out.recordUnary(self, "ConstantPadNdBackward0") { g in [try g.item(idx)] }
    return out
  }
}
