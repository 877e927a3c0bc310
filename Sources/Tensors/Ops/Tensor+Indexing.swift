/// One component of a subscript: `a[1, 2:5:2, None, ..., idx, mask]`.
public enum TensorIndex {
  /// A single position (negative counts from the end); removes the dimension.
  case index(Int)
  /// `start:stop:step` with Python's defaults and clamping.
  case slice(Int?, Int?, Int?)
  /// `:`.
  case all
  /// `None` / `np.newaxis`: inserts a size-1 dimension.
  case newAxis
  /// `...`.
  case ellipsis
  /// An integer array (fancy indexing) or a boolean mask.
  case array(Tensor)

  /// A `start..<stop` slice.
  public static func range(_ r: Range<Int>) -> TensorIndex {
    .slice(r.lowerBound, r.upperBound, nil)
  }
}

/// A subscript resolved against one tensor layout: a basic view plus optional gathered offsets.
struct IndexPlan {
  var viewShape: [Int] = []
  var viewStrides: [Int] = []
  var viewOffset = 0
  /// True when integer arrays or masks are involved (the result is a copy, not a view).
  var isAdvanced = false
  /// Broadcast shape of the advanced indices.
  var broadcastShape: [Int] = []
  /// Storage offset of each advanced combination.
  var baseOffsets: [Int] = []
  var restShape: [Int] = []
  var restStrides: [Int] = []
  /// Where the broadcast dimensions land among the rest dimensions in the result.
  var insertAt = 0
  var resultShape: [Int] = []
}

extension Tensor {
  /// Normalises a Python slice against a dimension of `size`: (start, length, step).
  static func sliceBounds(_ start: Int?, _ stop: Int?, _ step: Int?, size: Int) throws
    -> (Int, Int, Int)
  {
    let step = step ?? 1
    guard step != 0 else { throw TensorError(.value, "slice step cannot be zero") }
    func clamp(_ v: Int?, _ dflt: Int, lo: Int, hi: Int) -> Int {
      guard var v else { return dflt }
      if v < 0 { v += size }
      return Swift.min(Swift.max(v, lo), hi)
    }
    if step > 0 {
      let s = clamp(start, 0, lo: 0, hi: size), e = clamp(stop, size, lo: 0, hi: size)
      return (s, e > s ? (e - s + step - 1) / step : 0, step)
    }
    let s = clamp(start, size - 1, lo: -1, hi: size - 1)
    let e = clamp(stop, -1, lo: -1, hi: size - 1)
    return (s, s > e ? (s - e - step - 1) / -step : 0, step)
  }

  /// Resolves `indices` against this tensor's layout.
  func plan(_ indices: [TensorIndex]) throws -> IndexPlan {
    var consumed = 0
    var hasAdvanced = false
    var ellipses = 0
    for ix in indices {
      switch ix {
      case .index, .slice, .all: consumed += 1
      case .array(let t):
        hasAdvanced = true
        consumed += t.dtype == .bool ? Swift.max(t.rank, 0) : 1
      case .newAxis: break
      case .ellipsis: ellipses += 1
      }
    }
    guard ellipses <= 1 else {
      throw TensorError(.index, "an index can only have a single ellipsis ('...')")
    }
    guard consumed <= rank else {
      throw TensorError(
        .index,
        "too many indices for array: array is \(rank)-dimensional, but \(consumed) were indexed")
    }
    var expanded: [TensorIndex] = []
    for ix in indices {
      if case .ellipsis = ix {
        expanded += Array(repeating: .all, count: rank - consumed)
      } else {
        expanded.append(ix)
      }
    }
    if ellipses == 0 { expanded += Array(repeating: .all, count: rank - consumed) }

    var p = IndexPlan()
    p.viewOffset = offset
    var advanced: [(dim: Int, index: Tensor)] = []
    var d = 0
    for ix in expanded {
      switch ix {
      case .index(let i):
        let j = i < 0 ? i + shape[d] : i
        guard j >= 0, j < shape[d] else {
          throw TensorError(
            .index, "index \(i) is out of bounds for axis \(d) with size \(shape[d])")
        }
        if hasAdvanced {
          advanced.append((p.viewShape.count, Tensor(scalar: .int(Int64(j)))))
          p.viewShape.append(shape[d])
          p.viewStrides.append(strides[d])
        } else {
          p.viewOffset += j * strides[d]
        }
        d += 1
      case .slice(let a, let b, let c):
        let (s, n, st) = try Tensor.sliceBounds(a, b, c, size: shape[d])
        if n > 0 { p.viewOffset += s * strides[d] }
        p.viewShape.append(n)
        p.viewStrides.append(strides[d] * st)
        d += 1
      case .all:
        p.viewShape.append(shape[d])
        p.viewStrides.append(strides[d])
        d += 1
      case .newAxis:
        p.viewShape.append(1)
        p.viewStrides.append(0)
      case .ellipsis: break
      case .array(let t):
        if t.dtype == .bool {
          let k = t.rank
          for q in 0..<k where t.shape[q] != shape[d + q] {
            throw TensorError(
              .index,
              "boolean index did not match indexed array along axis \(d + q); size of axis is "
                + "\(shape[d + q]) but size of corresponding boolean axis is \(t.shape[q])")
          }
          if k == 0 {
            // A 0-d mask adds a dimension of length 1 or 0.
            let keep = t.bools[0]
            advanced.append((p.viewShape.count, try Tensor([Int64](keep ? [0] : []))))
            p.viewShape.append(1)
            p.viewStrides.append(0)
            continue
          }
          for nz in t.nonzero() {
            advanced.append((p.viewShape.count, nz))
            p.viewShape.append(shape[d])
            p.viewStrides.append(strides[d])
            d += 1
          }
        } else {
          guard t.dtype.isInteger else {
            throw TensorError(
              .index,
              "arrays used as indices must be of integer (or boolean) type, got \(t.dtype)")
          }
          advanced.append((p.viewShape.count, t))
          p.viewShape.append(shape[d])
          p.viewStrides.append(strides[d])
          d += 1
        }
      }
    }
    guard !advanced.isEmpty else {
      p.resultShape = p.viewShape
      return p
    }
    p.isAdvanced = true
    var b: [Int] = advanced[0].index.shape
    for a in advanced.dropFirst() {
      b = try Tensor.broadcastShapes(b, a.index.shape, op: "index")
    }
    p.broadcastShape = b
    let n = b.reduce(1, *)
    var offsets = [Int](repeating: p.viewOffset, count: n)
    for a in advanced {
      let size = p.viewShape[a.dim], st = p.viewStrides[a.dim]
      let idx = try a.index.expanded(to: b).scalars(as: Int64.self)
      for k in 0..<n {
        var j = Int(idx[k])
        if j < 0 { j += size }
        guard j >= 0, j < size else {
          throw TensorError(
            .index, "index \(idx[k]) is out of bounds for axis \(a.dim) with size \(size)")
        }
        offsets[k] += j * st
      }
    }
    p.baseOffsets = offsets
    let advDims = advanced.map(\.dim)
    let adjacent = zip(advDims, advDims.dropFirst()).allSatisfy { $1 == $0 + 1 }
    for v in 0..<p.viewShape.count where !advDims.contains(v) {
      p.restShape.append(p.viewShape[v])
      p.restStrides.append(p.viewStrides[v])
    }
    p.insertAt = adjacent ? advDims[0] : 0
    p.resultShape = Array(p.restShape[..<p.insertAt]) + b + Array(p.restShape[p.insertAt...])
    return p
  }

  /// Permutation from the gathered `[broadcast..., rest...]` layout to the result layout.
  static func resultPermutation(_ p: IndexPlan) -> [Int] {
    let nb = p.broadcastShape.count, nr = p.restShape.count
    let rest = Array(nb..<(nb + nr))
    return Array(rest[..<p.insertAt]) + Array(0..<nb) + Array(rest[p.insertAt...])
  }

  /// Reads `self[indices]`: a view for basic indices, a copy with integer arrays or masks.
  public func item(_ indices: [TensorIndex]) throws -> Tensor {
    if let mask = fullMask(indices) {
      var out = maskedGather(mask)
      if Tensor.needsGrad(self) {
        let inShape = shape, dt = dtype
        out.recordUnary(self, "IndexBackward0") { g in
          let z = Tensor(zeros: inShape, dtype: dt)
          try z.scatter(indices, g, accumulate: true)
          return [z]
        }
      }
      return out
    }
    let p = try plan(indices)
    var out: Tensor
    if !p.isAdvanced {
      out = Tensor(
        storage: storage, shape: p.viewShape, strides: p.viewStrides,
        offset: p.viewOffset)
    } else {
      let gathered = Tensor(uninitialized: p.broadcastShape + p.restShape, dtype: dtype)
      let restCount = p.restShape.reduce(1, *)
      if restCount == 1 {
        func run<T: TensorElement>(_ t: T.Type) {
          let s = storage.pointer(T.self), o = gathered.storage.pointer(T.self)
          for (k, off) in p.baseOffsets.enumerated() { o[k] = s[off] }
        }
        switch dtype {
        case .bool: run(Bool.self)
        case .uint8: run(UInt8.self)
        case .int32: run(Int32.self)
        case .int64: run(Int64.self)
        case .float32: run(Float.self)
        case .float64: run(Double.self)
        }
      } else if restCount > 0 {
        let dstStrides = Tensor.contiguousStrides(p.restShape)
        for (k, off) in p.baseOffsets.enumerated() {
          copyElements(
            from: Tensor(storage: storage, shape: p.restShape, strides: p.restStrides, offset: off),
            into: Tensor(
              storage: gathered.storage, shape: p.restShape, strides: dstStrides,
              offset: k * restCount))
        }
      }
      out = p.insertAt == 0 ? gathered : try gathered.permuted(Tensor.resultPermutation(p))
    }
    if Tensor.needsGrad(self) {
      let inShape = shape, dt = dtype
      out.recordUnary(self, p.isAdvanced ? "IndexBackward0" : "SliceBackward0") { g in
        let z = Tensor(zeros: inShape, dtype: dt)
        try z.scatter(indices, g, accumulate: true)
        return [z]
      }
    }
    return out
  }

  /// `self[indices]` as a subscript (throws on bad indices).
  public subscript(_ indices: TensorIndex...) -> Tensor {
    get throws { try item(indices) }
  }

  /// Writes (or adds, for repeated indices too) `value` at `indices` into this storage.
  func scatter(_ indices: [TensorIndex], _ value: Tensor, accumulate: Bool) throws {
    if !accumulate, value.count == 1, let mask = fullMask(indices) {
      maskedFill(mask, value)
      return
    }
    let p = try plan(indices)
    let v0 = value.detached()
    if !p.isAdvanced {
      let view = Tensor(
        storage: storage, shape: p.viewShape, strides: p.viewStrides,
        offset: p.viewOffset)
      var v = try v0.expanded(to: p.viewShape)
      if accumulate { v = try Tensor.binaryRaw(.add, view, v, computeType: dtype) }
      copyElements(from: v, into: view)
      return
    }
    var v = try v0.expanded(to: p.resultShape)
    if p.insertAt != 0 {
      let perm = Tensor.resultPermutation(p)
      var inverse = [Int](repeating: 0, count: perm.count)
      for (i, q) in perm.enumerated() { inverse[q] = i }
      v = try v.permuted(inverse)
    }
    let vals = v.rawCopy(dtype: dtype)
    let restCount = p.restShape.reduce(1, *)
    if restCount == 1 {
      func run<T: NumericElement>(_ t: T.Type) {
        let s = storage.pointer(T.self), x = vals.storage.pointer(T.self)
        if accumulate {
          for (k, off) in p.baseOffsets.enumerated() { s[off] = T.add(s[off], x[k]) }
        } else {
          for (k, off) in p.baseOffsets.enumerated() { s[off] = x[k] }
        }
      }
      switch dtype {
      case .float32: run(Float.self)
      case .float64: run(Double.self)
      case .int64: run(Int64.self)
      case .int32: run(Int32.self)
      case .uint8: run(UInt8.self)
      case .bool:
        let s = storage.pointer(Bool.self), x = vals.storage.pointer(Bool.self)
        for (k, off) in p.baseOffsets.enumerated() { s[off] = accumulate ? s[off] || x[k] : x[k] }
      }
      return
    }
    guard restCount > 0 else { return }
    let srcStrides = Tensor.contiguousStrides(p.restShape)
    for (k, off) in p.baseOffsets.enumerated() {
      let dst = Tensor(storage: storage, shape: p.restShape, strides: p.restStrides, offset: off)
      var src = Tensor(
        storage: vals.storage, shape: p.restShape, strides: srcStrides,
        offset: k * restCount)
      if accumulate { src = try Tensor.binaryRaw(.add, dst, src, computeType: dtype) }
      copyElements(from: src, into: dst)
    }
  }

  /// `self[indices] = value` with value semantics: the storage is copied first if shared.
  /// Records autograd history when `self` or `value` requires grad.
  public mutating func setItem(_ indices: [TensorIndex], _ value: Tensor) throws {
    if Tensor.needsGrad(self, value) {
      try checkInPlaceAllowed()
      let before = self
      var out = before.detached().rawCopy()
      try out.scatter(indices, value, accumulate: false)
      let vShape = value.shape
      let gSelf = Tensor.gradMeta(before) != nil, gVal = Tensor.gradMeta(value) != nil
      out.record(before, value, "IndexPutBackward0") { g in
        var gs: Tensor? = nil
        if gSelf {
          let z = g.rawCopy()
          try z.scatter(indices, Tensor(scalar: .int(0), dtype: g.dtype), accumulate: false)
          gs = z
        }
        return [gs, gVal ? try g.item(indices).summed(toShape: vShape) : nil]
      }
      self = out
      return
    }
    makeUnique()
    try scatter(indices, value, accumulate: false)
  }

  /// `self[indices] = value`, writing through the shared storage (NumPy semantics: every view and
  /// copy of this data sees the change).
  public func writeItem(_ indices: [TensorIndex], _ value: Tensor) throws {
    try checkWriteThrough()
    try scatter(indices, value, accumulate: false)
  }

  /// `np.add.at(self, indices, value)` / `index_put_(accumulate=True)`: repeated indices add up.
  public func addAt(_ indices: [TensorIndex], _ value: Tensor) throws {
    try checkWriteThrough()
    try scatter(indices, value, accumulate: true)
  }

  func checkWriteThrough() throws {
    try checkInPlaceAllowed()
    if meta?.hasGradFn == true && GradMode.enabled {
      throw TensorError(
        .autograd,
        "in-place write into a tensor that is part of the autograd graph; use setItem instead")
    }
  }

  /// Indices of the nonzero elements, one int64 tensor per dimension (NumPy `nonzero`).
  public func nonzero() -> [Tensor] {
    let flags = scalars(as: Bool.self)
    let st = Tensor.contiguousStrides(shape)
    var cols = Array(repeating: [Int64](), count: Swift.max(rank, 1))
    for (i, f) in flags.enumerated() where f {
      var r = i
      for d in 0..<rank {
        cols[d].append(Int64(r / st[d]))
        r %= st[d]
      }
    }
    return cols.prefix(rank).map { (try? Tensor($0)) ?? Tensor(zeros: [0], dtype: .int64) }
  }

  /// Elements of `self` picked along `axis` by `indices` of the same rank (PyTorch `gather`,
  /// NumPy `take_along_axis`).
  public func takeAlong(_ indices: Tensor, axis: Int) throws -> Tensor {
    let a = try self.axis(axis, "gather")
    guard indices.rank == rank, indices.dtype.isInteger else {
      throw TensorError(
        .index,
        "gather: index \(shapeString(indices.shape)) must be an integer tensor with as many "
          + "dimensions as input \(shapeString(shape))")
    }
    let idx = indices.scalars(as: Int64.self)
    let out = Tensor(uninitialized: indices.shape, dtype: dtype)
    let offsets = try gatherOffsets(idx, indexShape: indices.shape, axis: a)
    func run<T: TensorElement>(_ t: T.Type) {
      let s = storage.pointer(T.self), o = out.storage.pointer(T.self)
      for (k, off) in offsets.enumerated() { o[k] = s[off] }
    }
    switch dtype {
    case .bool: run(Bool.self)
    case .uint8: run(UInt8.self)
    case .int32: run(Int32.self)
    case .int64: run(Int64.self)
    case .float32: run(Float.self)
    case .float64: run(Double.self)
    }
    var result = out
    if Tensor.needsGrad(self) {
      let inShape = shape, dt = dtype, ishape = indices.shape
      result.recordUnary(self, "GatherBackward0") { g in
        let z = Tensor(zeros: inShape, dtype: dt)
        let offs = try z.gatherOffsets(idx, indexShape: ishape, axis: a)
        let gv = g.scalars(as: Double.self)
        for (k, off) in offs.enumerated() {
          z.storeScalar(.double(z.loadScalar(at: off).doubleValue + gv[k]), at: off)
        }
        return [z]
      }
    }
    return result
  }

  func gatherOffsets(_ idx: [Int64], indexShape: [Int], axis a: Int) throws -> [Int] {
    let ist = Tensor.contiguousStrides(indexShape)
    var offsets = [Int](repeating: offset, count: idx.count)
    for k in 0..<idx.count {
      var r = k
      for d in 0..<rank {
        let c = r / ist[d]
        r %= ist[d]
        if d == a {
          var j = Int(idx[k])
          if j < 0 { j += shape[d] }
          guard j >= 0, j < shape[d] else {
            throw TensorError(
              .index, "index \(idx[k]) is out of bounds for dimension \(d) with size \(shape[d])")
          }
          offsets[k] += j * strides[d]
        } else {
          guard c < shape[d] else {
            throw TensorError(
              .shape,
              "gather: index shape \(shapeString(indexShape)) exceeds input shape "
                + "\(shapeString(shape)) at dimension \(d)")
          }
          offsets[k] += c * strides[d]
        }
      }
    }
    return offsets
  }

  // MARK: Boolean masks of the full shape (the common `a[a < 0] = 0`)

  func fullMask(_ indices: [TensorIndex]) -> Tensor? {
    guard indices.count == 1, case .array(let m) = indices[0], m.dtype == .bool, m.shape == shape,
      rank > 0
    else { return nil }
    return m
  }

  /// The elements where `mask` holds, in row-major order.
  func maskedGather(_ mask: Tensor) -> Tensor {
    let m = mask.isContiguous ? mask : mask.rawCopy()
    let x = isContiguous ? self : rawCopy()
    let mp = m.storage.pointer(Bool.self) + m.offset
    var n = 0
    for i in 0..<count where mp[i] { n += 1 }
    let out = Tensor(uninitialized: [n], dtype: dtype)
    func run<T: TensorElement>(_ t: T.Type) {
      let src = x.storage.pointer(T.self) + x.offset, dst = out.storage.pointer(T.self)
      var k = 0
      for i in 0..<count where mp[i] {
        dst[k] = src[i]
        k += 1
      }
    }
    switch dtype {
    case .bool: run(Bool.self)
    case .uint8: run(UInt8.self)
    case .int32: run(Int32.self)
    case .int64: run(Int64.self)
    case .float32: run(Float.self)
    case .float64: run(Double.self)
    }
    return out
  }

  /// Writes one value wherever `mask` holds.
  func maskedFill(_ mask: Tensor, _ value: Tensor) {
    let v = value.rawCopy(dtype: dtype)
    func run<T: TensorElement>(_ t: T.Type) {
      let dst = storage.pointer(T.self), mp = mask.storage.pointer(Bool.self)
      let x = v.storage.pointer(T.self)[0]
      var rows = StridedRows(
        shape: shape, strides: [mask.strides, strides],
        offsets: [mask.offset, offset])
      let n = rows.length, si = rows.s0, sj = rows.s1
      while rows.next() {
        let m = mp + rows.o0, d = dst + rows.o1
        if si == 1 && sj == 1 {
          for q in 0..<n { d[q] = m[q] ? x : d[q] }
        } else {
          for q in 0..<n where m[q * si] { d[q * sj] = x }
        }
      }
    }
    switch dtype {
    case .bool: run(Bool.self)
    case .uint8: run(UInt8.self)
    case .int32: run(Int32.self)
    case .int64: run(Int64.self)
    case .float32: run(Float.self)
    case .float64: run(Double.self)
    }
  }
}
