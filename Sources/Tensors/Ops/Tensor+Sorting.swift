/// Sorting, unique values, counting and histograms.
extension Tensor {
  /// Stable sort along `axis` (NaN last, as NumPy); returns values and int64 indices.
  public func sorted(axis: Int = -1, descending: Bool = false) throws
    -> (values: Tensor, indices: Tensor)
  {
    if rank == 0 { return (self, Tensor(scalar: .int(0))) }
    let a = try self.axis(axis, "sort")
    var perm = Array(0..<rank)
    perm.remove(at: a)
    perm.append(a)
    let moved = try detached().permuted(perm).rawCopy(dtype: .float64)
    let n = shape[a]
    let rows = n == 0 ? 0 : moved.count / n
    let vals = moved.storage.pointer(Double.self)
    let idxOut = Tensor(uninitialized: moved.shape, dtype: .int64)
    let ip = idxOut.storage.pointer(Int64.self)
    for r in 0..<rows {
      let row = vals + r * n
      // Ints above 2^53 keep exact order through the original values below.
      let order = (0..<n).sorted { i, j in
        let x = row[i], y = row[j]
        if x.isNaN || y.isNaN { return !x.isNaN && y.isNaN }
        if x == y { return false }
        return descending ? x > y : x < y
      }
      for (k, i) in order.enumerated() { ip[r * n + k] = Int64(i) }
    }
    var inverse = [Int](repeating: 0, count: rank)
    for (i, q) in perm.enumerated() { inverse[q] = i }
    let indices = try idxOut.permuted(inverse).rawCopy()
    let values = try takeAlong(indices, axis: a)
    return (values, indices)
  }

  /// Indices that sort along `axis` (stable).
  public func argsort(axis: Int = -1, descending: Bool = false) throws -> Tensor {
    try sorted(axis: axis, descending: descending).indices
  }

  /// Sorted unique elements of the flattened tensor, with the inverse indices and counts.
  public func unique() throws -> (values: Tensor, inverse: Tensor, counts: Tensor) {
    let flat = try detached().reshaped([-1])
    let (vals, order) = try flat.sorted()
    let v = vals.scalars(as: Double.self), o = order.int64s
    var keep: [Int64] = []
    var counts: [Int64] = []
    var inverse = [Int64](repeating: 0, count: v.count)
    for i in 0..<v.count {
      // NumPy 2 collapses all NaNs into one.
      if i == 0 || !(v[i] == v[i - 1] || (v[i].isNaN && v[i - 1].isNaN)) {
        keep.append(Int64(i))
        counts.append(0)
      }
      counts[counts.count - 1] += 1
      inverse[Int(o[i])] = Int64(keep.count - 1)
    }
    let values = try vals.item([.array(try Tensor(keep))])
    return (values, try Tensor(inverse).reshaped(shape), try Tensor(counts))
  }

  /// Counts of each non-negative integer (optionally weighted), at least `minLength` long.
  public func bincount(weights: Tensor? = nil, minLength: Int = 0) throws -> Tensor {
    guard rank == 1, dtype.isInteger || dtype == .bool else {
      throw TensorError(.dtype, "bincount: input must be a 1-D array of non-negative integers")
    }
    let x = int64s
    if let bad = x.first(where: { $0 < 0 }) {
      throw TensorError(.value, "bincount: 'list' argument must have no negative elements (\(bad))")
    }
    guard minLength >= 0 else { throw TensorError(.value, "'minlength' must not be negative") }
    let top = Int(x.max() ?? -1)
    try TensorMemory.checkAllocation(shape: [Swift.max(top, minLength), 2], dtype: .float64)
    let n = Swift.max(top + 1, minLength)
    if let weights {
      guard weights.shape == shape else {
        throw TensorError(
          .shape,
          "bincount: weights \(shapeString(weights.shape)) and list "
            + "\(shapeString(shape)) differ")
      }
      let w = weights.doubles
      var out = [Double](repeating: 0, count: n)
      for (i, v) in x.enumerated() { out[Int(v)] += w[i] }
      return try Tensor(out)
    }
    var out = [Int64](repeating: 0, count: n)
    for v in x { out[Int(v)] += 1 }
    return try Tensor(out)
  }

  /// NumPy `histogram` with `bins` equal bins over `range` (data min/max when nil).
  public func histogram(bins: Int = 10, range: (Double, Double)? = nil) throws
    -> (counts: Tensor, edges: Tensor)
  {
    let x = doubles
    var (lo, hi) = range ?? (x.min() ?? 0, x.max() ?? 1)
    guard lo <= hi, lo.isFinite, hi.isFinite else {
      throw TensorError(.value, "max must be larger than min in range parameter.")
    }
    if lo == hi {
      lo -= 0.5
      hi += 0.5
    }
    let edges = try Tensor.linspace(lo, hi, count: bins + 1).doubles
    var counts = [Int64](repeating: 0, count: bins)
    let norm = Double(bins) / (hi - lo)
    for v in x where v >= lo && v <= hi {
      // NumPy's index computation and its two corrections for rounding at the edges.
      var i = Int((v - lo) * norm)
      if i == bins { i -= 1 }
      if v < edges[i] { i -= 1 }
      if i + 1 < edges.count, v >= edges[i + 1], i != bins - 1 { i += 1 }
      counts[i] += 1
    }
    return (try Tensor(counts), try Tensor(edges))
  }

  /// One-hot int64 encoding of class indices (PyTorch `one_hot`); classes inferred when nil.
  public func oneHot(classes: Int? = nil) throws -> Tensor {
    guard dtype.isInteger else {
      throw TensorError(.dtype, "one_hot is only applicable to index tensor.")
    }
    let x = int64s
    let n = classes ?? (Int(x.max() ?? -1) + 1)
    var out = [Int64](repeating: 0, count: x.count * n)
    for (i, v) in x.enumerated() {
      guard v >= 0, v < n else {
        throw TensorError(.index, "Class values must be smaller than num_classes.")
      }
      out[i * n + Int(v)] = 1
    }
    return try Tensor(out, shape: shape + [n])
  }
}
