/// Reductions over axes (sum, mean, var, max, argmax, …) and cumulative sums.
enum ReduceKind {
  case sum, prod, max, min, argmax, argmin, any, all
}

/// NumPy's pairwise summation (`pairwise_sum` in loops_utils.h), so float sums match NumPy.
@inline(__always)
func pairwiseSum<T: FloatElement>(_ a: UnsafePointer<T>, _ n: Int, _ stride: Int) -> T {
  if n < 8 {
    var res: T = 0
    for i in 0..<n { res += a[i * stride] }
    return res
  }
  if n <= 128 {
    var r0 = a[0], r1 = a[stride], r2 = a[2 * stride], r3 = a[3 * stride]
    var r4 = a[4 * stride], r5 = a[5 * stride], r6 = a[6 * stride], r7 = a[7 * stride]
    var i = 8
    while i < n - (n % 8) {
      r0 += a[i * stride]
      r1 += a[(i + 1) * stride]
      r2 += a[(i + 2) * stride]
      r3 += a[(i + 3) * stride]
      r4 += a[(i + 4) * stride]
      r5 += a[(i + 5) * stride]
      r6 += a[(i + 6) * stride]
      r7 += a[(i + 7) * stride]
      i += 8
    }
    var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while i < n {
      res += a[i * stride]
      i += 1
    }
    return res
  }
  var n2 = n / 2
  n2 -= n2 % 8
  return pairwiseSum(a, n2, stride) + pairwiseSum(a + n2 * stride, n - n2, stride)
}

/// The order in which a float sum adds: NumPy's pairwise summation or PyTorch's CPU kernel.
/// Float addition is not associative, so each library's order is needed for its last bits.
public enum SummationOrder: Sendable {
  case numpy, pytorch
}

/// ATen's `row_sum` (SumKernel.cpp): `count` elements of `width` lanes each (element i at
/// `a + i * width`), added into four interleaved accumulators that cascade over four levels,
/// the leftover elements into the first, then the four together. Returns the `width` lanes.
func atenRowSum<T: FloatElement>(
  _ a: UnsafePointer<T>, count: Int, width: Int, into lanes: UnsafeMutablePointer<T>
) {
  let rows = 4, levels = 4
  let sizeILP = count / rows
  let ceilLog2 = sizeILP <= 1 ? 0 : Int.bitWidth - (sizeILP - 1).leadingZeroBitCount
  let levelPower = Swift.max(4, ceilLog2 / levels)
  let levelStep = 1 << levelPower
  let levelMask = levelStep - 1
  withUnsafeTemporaryAllocation(of: T.self, capacity: levels * rows * width) { acc in
    acc.initialize(repeating: 0)
    // acc[(level * rows + k) * width + lane]
    var i = 0
    while i + levelStep <= sizeILP {
      for _ in 0..<levelStep {
        for k in 0..<rows {
          let e = a + (i * rows + k) * width
          for l in 0..<width { acc[k * width + l] += e[l] }
        }
        i += 1
      }
      for j in 1..<levels {
        for k in 0..<rows {
          for l in 0..<width {
            acc[(j * rows + k) * width + l] += acc[((j - 1) * rows + k) * width + l]
            acc[((j - 1) * rows + k) * width + l] = 0
          }
        }
        if i & (levelMask << (j * levelPower)) != 0 { break }
      }
    }
    while i < sizeILP {
      for k in 0..<rows {
        let e = a + (i * rows + k) * width
        for l in 0..<width { acc[k * width + l] += e[l] }
      }
      i += 1
    }
    for j in 1..<levels {
      for k in 0..<rows {
        for l in 0..<width { acc[k * width + l] += acc[(j * rows + k) * width + l] }
      }
    }
    for t in (sizeILP * rows)..<Swift.max(count, sizeILP * rows) {
      for l in 0..<width { acc[l] += a[t * width + l] }
    }
    for l in 0..<width {
      var v = acc[l]
      for k in 1..<rows { v += acc[k * width + l] }
      lanes[l] = v
    }
  }
}

/// PyTorch's CPU sum of `n` contiguous floats (`cascade_sum`, as its AVX2 kernels run it: 8
/// float or 4 double lanes): whole vectors through `atenRowSum`, then the leftover values in
/// order from zero, then the lanes; fewer values than a vector through `atenRowSum` one by one.
func pytorchSum<T: FloatElement>(_ a: UnsafePointer<T>, _ n: Int) -> T {
  let width = MemoryLayout<T>.size == 4 ? 8 : 4
  return withUnsafeTemporaryAllocation(of: T.self, capacity: width) { lanes in
    guard let lanes = lanes.baseAddress else { return 0 }
    if n < width {
      atenRowSum(a, count: n, width: 1, into: lanes)
      return lanes[0]
    }
    let vectors = n / width
    atenRowSum(a, count: vectors, width: width, into: lanes)
    var total: T = 0
    for k in (vectors * width)..<n { total += a[k] }
    for l in 0..<width { total += lanes[l] }
    return total
  }
}

/// Reduces each row of a contiguous `outer x inner` block.
func reduceRows<T: NumericElement>(
  _ kind: ReduceKind, _ x: UnsafePointer<T>, outer: Int,
  inner: Int, into out: Tensor, order: SummationOrder = .numpy
) {
  switch kind {
  case .sum:
    let o = out.storage.pointer(T.self)
    if let f = T.self as? any FloatElement.Type {
      func run<F: FloatElement>(_ f: F.Type) {
        let xp = UnsafeRawPointer(x).assumingMemoryBound(to: F.self)
        let op = out.storage.pointer(F.self)
        if order == .pytorch {
          for r in 0..<outer { op[r] = pytorchSum(xp + r * inner, inner) }
        } else {
          for r in 0..<outer { op[r] = 0 + pairwiseSum(xp + r * inner, inner, 1) }
        }
      }
      run(f)
    } else {
      for r in 0..<outer {
        var acc = T.zero
        let row = x + r * inner
        for i in 0..<inner { acc = T.add(acc, row[i]) }
        o[r] = acc
      }
    }
  case .prod:
    let o = out.storage.pointer(T.self)
    for r in 0..<outer {
      var acc = T.one
      let row = x + r * inner
      for i in 0..<inner { acc = T.mul(acc, row[i]) }
      o[r] = acc
    }
  case .max, .min:
    let o = out.storage.pointer(T.self)
    let isMax = kind == .max
    for r in 0..<outer {
      let row = x + r * inner
      var best = row[0]
      if best == best {
        for i in 1..<Swift.max(inner, 1) {
          let v = row[i]
          if v != v {
            best = v
            break
          }
          if isMax ? v > best : v < best { best = v }
        }
      }
      o[r] = best
    }
  case .argmax, .argmin:
    let o = out.storage.pointer(Int64.self)
    let isMax = kind == .argmax
    for r in 0..<outer {
      let row = x + r * inner
      var best = row[0]
      var at = 0
      if best == best {
        for i in 1..<Swift.max(inner, 1) {
          let v = row[i]
          if v != v {
            at = i
            break
          }
          if isMax ? v > best : v < best {
            best = v
            at = i
          }
        }
      }
      o[r] = Int64(at)
    }
  case .any, .all: break
  }
}

/// Reduces the leading `count` rows of a contiguous `count x inner` block column by column.
func reduceColumns<T: NumericElement>(
  _ kind: ReduceKind, _ x: UnsafePointer<T>, count: Int,
  inner: Int, into out: Tensor
) {
  let o = out.storage.pointer(T.self)
  switch kind {
  case .sum:
    for j in 0..<inner { o[j] = T.zero }
    for i in 0..<count {
      let row = x + i * inner
      for j in 0..<inner { o[j] = T.add(o[j], row[j]) }
    }
  case .prod:
    for j in 0..<inner { o[j] = T.one }
    for i in 0..<count {
      let row = x + i * inner
      for j in 0..<inner { o[j] = T.mul(o[j], row[j]) }
    }
  case .max, .min:
    let isMax = kind == .max
    for j in 0..<inner { o[j] = x[j] }
    for i in 1..<Swift.max(count, 1) {
      let row = x + i * inner
      for j in 0..<inner {
        let v = row[j], b = o[j]
        if b != b { continue }
        if v != v || (isMax ? v > b : v < b) { o[j] = v }
      }
    }
  default: break
  }
}

extension Tensor {
  func normalizedAxes(_ axes: [Int]?, _ op: String) throws -> [Int] {
    guard let axes else { return Array(0..<rank) }
    if rank == 0 {
      for a in axes where a != 0 && a != -1 {
        throw TensorError(.index, "\(op): axis \(a) is out of bounds for array of dimension 0")
      }
      return []
    }
    let ax = try axes.map { try axis($0, op) }
    guard Set(ax).count == ax.count else {
      throw TensorError(.value, "\(op): duplicate value in 'axis'")
    }
    return ax.sorted()
  }

  func reducedShape(_ ax: [Int], keepDims: Bool) -> [Int] {
    var out: [Int] = []
    for d in 0..<rank {
      if ax.contains(d) { if keepDims { out.append(1) } } else { out.append(shape[d]) }
    }
    return out
  }

  /// How NumPy walks a reduction over `ax` of this view without copying: `.rows` when the
  /// reduced axes are innermost in memory (each output is a pairwise sum of one contiguous
  /// block), `.columns` when they are outermost (outputs accumulate one block at a time, in
  /// order); nil when the view is not a dense block or mixes them. Size-1 axes are ignored and
  /// a transposed view counts in memory order, as NumPy's iterator does, so `a.T.sum(axis=1)`
  /// and `column.sum(axis=0)` add in NumPy's order.
  func memoryOrderReduction(_ ax: [Int]) -> ReductionWalk? {
    let dims = (0..<rank).filter { shape[$0] > 1 }
    let order = dims.sorted { strides[$0] != strides[$1] ? strides[$0] > strides[$1] : $0 < $1 }
    var expected = 1
    for d in order.reversed() {
      guard strides[d] == expected else { return nil }
      expected *= shape[d]
    }
    let keptOrder = order.filter { !ax.contains($0) }
    guard keptOrder == keptOrder.sorted() else { return nil }
    let reducedFlags = order.map { ax.contains($0) }
    if !reducedFlags.drop(while: { !$0 }).contains(false) { return .rows }
    if !reducedFlags.drop(while: { $0 }).contains(true) { return .columns }
    return nil
  }

  enum ReductionWalk { case rows, columns }

  /// The raw reduction (no autograd).
  func reduceRaw(
    _ kind: ReduceKind, _ ax: [Int], keepDims: Bool, op: String, order: SummationOrder = .numpy
  ) throws -> Tensor {
    // A 0-d tensor accepts axis 0 (PyTorch's dim=0) and has no dimension to reduce.
    let ax = rank == 0 ? [] : ax
    let outShape = reducedShape(ax, keepDims: keepDims)
    let kept = (0..<rank).filter { !ax.contains($0) }
    let inner = ax.map { shape[$0] }.reduce(1, *)
    let outer = kept.map { shape[$0] }.reduce(1, *)
    var src = self
    switch kind {
    case .sum, .prod:
      if dtype == .bool || dtype == .uint8 || dtype == .int32 { src = rawCopy(dtype: .int64) }
    case .any, .all:
      if dtype != .bool { src = rawCopy(dtype: .bool) }
    case .max, .min, .argmax, .argmin:
      if inner == 0 {
        let name = kind == .max ? "maximum" : kind == .min ? "minimum" : "\(kind)"
        throw TensorError(
          .value, "\(op): zero-size array to reduction operation \(name) which has no identity")
      }
    }
    let outType: DType = kind == .argmax || kind == .argmin ? .int64 : src.dtype
    let out = Tensor(uninitialized: outShape, dtype: outType)
    if inner == 0 || outer == 0 {
      let fill: Scalar = kind == .prod || kind == .all ? .int(1) : .int(0)
      for i in 0..<out.count { out.storeScalar(fill, at: i) }
      return out
    }
    var columns = false
    switch src.memoryOrderReduction(ax) {
    case .rows?: break
    case .columns? where kind != .argmax && kind != .argmin: columns = true
    default: src = try src.permuted(kept + ax).rawCopy()
    }
    func run<T: NumericElement>(_ t: T.Type) {
      let p = UnsafePointer(src.storage.pointer(T.self) + src.offset)
      if columns {
        reduceColumns(kind, p, count: inner, inner: outer, into: out)
      } else {
        reduceRows(kind, p, outer: outer, inner: inner, into: out, order: order)
      }
    }
    switch src.dtype {
    case .float32: run(Float.self)
    case .float64: run(Double.self)
    case .int64: run(Int64.self)
    case .int32: run(Int32.self)
    case .uint8: run(UInt8.self)
    case .bool:
      let p = src.storage.pointer(Bool.self) + src.offset
      let o = out.storage.pointer(Bool.self)
      // max, any and argmax look for the first True; min, all and argmin for the first False.
      let isAny = kind == .any || kind == .max || kind == .argmax
      let isArg = kind == .argmax || kind == .argmin
      let oi = out.storage.pointer(Int64.self)
      for r in 0..<outer {
        var acc = !isAny
        var at = 0
        for i in 0..<inner {
          let v = columns ? p[i * outer + r] : p[r * inner + i]
          if isAny ? v : !v {
            acc = !acc
            at = i
            break
          }
        }
        if isArg { oi[r] = Int64(at) } else { o[r] = acc }
      }
    }
    return out
  }

  // MARK: Public reductions

  /// Sum over `axes` (all when nil); integers and bools sum to int64. Floats add in NumPy's
  /// order, or PyTorch's where each output sums a contiguous run (`order: .pytorch`).
  public func sum(
    axes: [Int]? = nil, keepDims: Bool = false, order: SummationOrder = .numpy
  ) throws -> Tensor {
    let ax = try normalizedAxes(axes, "sum")
    var out = try reduceRaw(.sum, ax, keepDims: keepDims, op: "sum", order: order)
    if Tensor.needsGrad(self) {
      let inShape = shape, kd = reducedShape(ax, keepDims: true)
      out.recordUnary(self, "SumBackward1") { g in [try g.reshaped(kd).expanded(to: inShape)] }
    }
    return out
  }

  /// Sum over one axis.
  public func sum(axis: Int, keepDims: Bool = false) throws -> Tensor {
    try sum(axes: [axis], keepDims: keepDims)
  }

  /// Arithmetic mean; integers give float64 (NumPy).
  public func mean(
    axes: [Int]? = nil, keepDims: Bool = false, order: SummationOrder = .numpy
  ) throws -> Tensor {
    let ax = try normalizedAxes(axes, "mean")
    let n = ax.map { shape[$0] }.reduce(1, *)
    let src = dtype.isFloatingPoint ? self : casted(to: .float64)
    let s = try GradMode.withNoGrad {
      try src.reduceRaw(.sum, ax, keepDims: keepDims, op: "mean", order: order)
    }
    var out = try Tensor.binaryRaw(
      .divide, s, Tensor(scalar: .int(Int64(n)), dtype: s.dtype), computeType: s.dtype)
    if Tensor.needsGrad(self) {
      let inShape = shape, kd = reducedShape(ax, keepDims: true)
      out.recordUnary(self, "MeanBackward1") { g in
        [try (g / Double(n)).reshaped(kd).expanded(to: inShape)]
      }
    }
    return out
  }

  /// Variance with `ddof` delta degrees of freedom (NumPy default 0; PyTorch's unbiased is 1).
  public func variance(axes: [Int]? = nil, ddof: Int = 0, keepDims: Bool = false) throws -> Tensor {
    let ax = try normalizedAxes(axes, "var")
    let n = ax.map { shape[$0] }.reduce(1, *)
    let x = dtype.isFloatingPoint ? self : casted(to: .float64)
    let m = try x.mean(axes: ax, keepDims: true)
    let d = try x - m
    let ss = try (d * d).sum(axes: ax, keepDims: keepDims)
    return try ss / Double(Swift.max(n - ddof, 0))
  }

  /// Standard deviation: the square root of `variance`.
  public func standardDeviation(axes: [Int]? = nil, ddof: Int = 0, keepDims: Bool = false) throws
    -> Tensor
  {
    try variance(axes: axes, ddof: ddof, keepDims: keepDims).sqrt()
  }

  /// Product of the elements.
  public func prod(axes: [Int]? = nil, keepDims: Bool = false) throws -> Tensor {
    let ax = try normalizedAxes(axes, "prod")
    var out = try reduceRaw(.prod, ax, keepDims: keepDims, op: "prod")
    if Tensor.needsGrad(self) {
      let x = detached(), inShape = shape, kd = reducedShape(ax, keepDims: true)
      let y = out.detached()
      out.recordUnary(self, "ProdBackward1") { g in
        let gk = try g.reshaped(kd)
        // Dividing the product by each element fails at zeros; PyTorch then multiplies the
        // other elements of the group instead, which is what this does whenever a zero is there.
        if try (x .== 0.0).any().bools[0] {
          return [try gk * x.productOfOthers(axes: ax)]
        }
        return [try (gk * y.reshaped(kd)).expanded(to: inShape) / x]
      }
    }
    return out
  }

  /// For each element, the product of the other elements of its group along `axes` (prefix
  /// times suffix products, no division).
  func productOfOthers(axes ax: [Int]) throws -> Tensor {
    let kept = (0..<rank).filter { !ax.contains($0) }
    let perm = kept + ax
    let grouped = try permuted(perm).detached().rawCopy(dtype: .float64)
    let n = ax.map { shape[$0] }.reduce(1, *)
    let src = grouped.storage.pointer(Double.self)
    let out = Tensor(uninitialized: grouped.shape, dtype: .float64)
    let dst = out.storage.pointer(Double.self)
    if n > 0 {
      for r in 0..<(grouped.count / n) {
        let row = src + r * n, res = dst + r * n
        var acc = 1.0
        for i in 0..<n {
          res[i] = acc
          acc *= row[i]
        }
        acc = 1
        for i in stride(from: n - 1, through: 0, by: -1) {
          res[i] *= acc
          acc *= row[i]
        }
      }
    }
    var inverse = [Int](repeating: 0, count: rank)
    for (i, p) in perm.enumerated() { inverse[p] = i }
    return try out.permuted(inverse).casted(to: dtype)
  }

  /// Largest element (NaN if any is NaN); gradient shared evenly among ties.
  public func max(axes: [Int]? = nil, keepDims: Bool = false) throws -> Tensor {
    try extremum(.max, axes, keepDims, "max")
  }

  /// Smallest element (NaN if any is NaN).
  public func min(axes: [Int]? = nil, keepDims: Bool = false) throws -> Tensor {
    try extremum(.min, axes, keepDims, "min")
  }

  func extremum(_ kind: ReduceKind, _ axes: [Int]?, _ keepDims: Bool, _ op: String) throws
    -> Tensor
  {
    let ax = try normalizedAxes(axes, op)
    var out = try reduceRaw(kind, ax, keepDims: keepDims, op: op)
    if Tensor.needsGrad(self) {
      let x = detached(), kd = reducedShape(ax, keepDims: true), y = out.detached()
      out.recordUnary(self, kind == .max ? "AmaxBackward0" : "AminBackward0") { g in
        let yk = try y.reshaped(kd)
        let mask = try (x .== yk).casted(to: g.dtype)
        let n = try mask.sum(axes: ax, keepDims: true)
        return [try mask * (g.reshaped(kd) / n)]
      }
    }
    return out
  }

  /// Values and int64 indices of the maximum along one axis (PyTorch `max(dim)`).
  public func max(axis: Int, keepDims: Bool = false) throws -> (values: Tensor, indices: Tensor) {
    let idx = try argmax(axis: axis, keepDims: true)
    let vals = try takeAlong(idx, axis: axis)
    return keepDims
      ? (vals, idx) : (try vals.squeezed(axes: [axis]), try idx.squeezed(axes: [axis]))
  }

  /// Values and int64 indices of the minimum along one axis.
  public func min(axis: Int, keepDims: Bool = false) throws -> (values: Tensor, indices: Tensor) {
    let idx = try argmin(axis: axis, keepDims: true)
    let vals = try takeAlong(idx, axis: axis)
    return keepDims
      ? (vals, idx) : (try vals.squeezed(axes: [axis]), try idx.squeezed(axes: [axis]))
  }

  /// Index of the first maximum (of the flattened tensor when `axis` is nil).
  public func argmax(axis: Int? = nil, keepDims: Bool = false) throws -> Tensor {
    if let axis {
      return try reduceRaw(
        .argmax, [try self.axis(axis, "argmax")], keepDims: keepDims,
        op: "argmax")
    }
    return try reshaped([-1]).reduceRaw(.argmax, [0], keepDims: false, op: "argmax")
  }

  /// Index of the first minimum (of the flattened tensor when `axis` is nil).
  public func argmin(axis: Int? = nil, keepDims: Bool = false) throws -> Tensor {
    if let axis {
      return try reduceRaw(
        .argmin, [try self.axis(axis, "argmin")], keepDims: keepDims,
        op: "argmin")
    }
    return try reshaped([-1]).reduceRaw(.argmin, [0], keepDims: false, op: "argmin")
  }

  /// Whether any element is nonzero.
  public func any(axes: [Int]? = nil, keepDims: Bool = false) throws -> Tensor {
    try reduceRaw(.any, try normalizedAxes(axes, "any"), keepDims: keepDims, op: "any")
  }

  /// Whether every element is nonzero.
  public func all(axes: [Int]? = nil, keepDims: Bool = false) throws -> Tensor {
    try reduceRaw(.all, try normalizedAxes(axes, "all"), keepDims: keepDims, op: "all")
  }

  /// Running sum along `axis` (the flattened tensor when nil); integers give int64.
  public func cumsum(axis: Int? = nil) throws -> Tensor {
    guard let axis else { return try reshaped([-1]).cumsum(axis: 0) }
    let a = try self.axis(axis, "cumsum")
    // A 0-d array's axis 0: NumPy sums it as the 1-element array it becomes.
    if rank == 0 { return try reshaped([1]).cumsum(axis: 0) }
    var perm = Array(0..<rank)
    perm.remove(at: a)
    perm.append(a)
    let outType: DType = dtype.isFloatingPoint ? dtype : .int64
    let src = try detached().permuted(perm).rawCopy(dtype: outType)
    let n = rank == 0 ? 1 : shape[a]
    let rows = n == 0 ? 0 : src.count / n
    func run<T: NumericElement>(_ t: T.Type) {
      let p = src.storage.pointer(T.self)
      for r in 0..<rows {
        var acc = T.zero
        for i in 0..<n {
          acc = T.add(acc, p[r * n + i])
          p[r * n + i] = acc
        }
      }
    }
    switch outType {
    case .float32: run(Float.self)
    case .float64: run(Double.self)
    default: run(Int64.self)
    }
    var inverse = [Int](repeating: 0, count: rank)
    for (i, p) in perm.enumerated() { inverse[p] = i }
    var out = try src.permuted(inverse).rawCopy()
    if Tensor.needsGrad(self) {
      out.recordUnary(self, "CumsumBackward0") { g in
        [try g.flipped(axes: [a]).cumsum(axis: a).flipped(axes: [a])]
      }
    }
    return out
  }
}
