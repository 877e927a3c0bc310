import Foundation
import Tensors

extension NumPySignatures {
  /// More of NumPy's array routines, as held-out programs use them (issue 15): rearranging,
  /// searching, NaN-skipping statistics, polynomials and `apply_along_axis`.
  static let routines = SignatureTable(
    "numpy",
    """
    # Rearranging
    roll(a, shift, axis=None)
    swapaxes(a, axis1, axis2)
    moveaxis(a, source, destination)
    flipud(m)
    fliplr(m)
    triu(m, k=0)
    tril(m, k=0)
    triu_indices(n, k=0, m=None)
    tril_indices(n, k=0, m=None)
    append(arr, values, axis=None)
    hsplit(ary, indices_or_sections)
    vsplit(ary, indices_or_sections)
    logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, ~axis=0)

    # Searching and testing
    argwhere(a)
    flatnonzero(a)
    searchsorted(a, v, side='left', ~sorter=None)
    digitize(x, bins, right=False)
    isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)
    isscalar(element)

    # Statistics skipping NaN
    ptp(a, axis=None, ~out=None, keepdims=<no value>)
    nansum(a, axis=None, ~dtype=None, ~out=None, keepdims=<no value>, ~initial=<no value>,
      ~where=<no value>)
    nanmean(a, axis=None, ~dtype=None, ~out=None, keepdims=<no value>, *, ~where=<no value>)
    nanmax(a, axis=None, ~out=None, keepdims=<no value>, ~initial=<no value>, ~where=<no value>)
    nanmin(a, axis=None, ~out=None, keepdims=<no value>, ~initial=<no value>, ~where=<no value>)

    # Polynomials and functions over axes
    polyval(p, x)
    polyfit(x, y, deg, rcond=None, ~full=False, ~w=None, ~cov=False)
    apply_along_axis(func1d, axis, arr, *args, **kwargs)
    """)
}

extension NumPyContext {
  func defineRoutines(in m: PyModule) {
    func def(_ name: String, _ body: @escaping BoundFunction) {
      define(name, in: NumPySignatures.routines, of: m, body)
    }
    def("roll") { a in try self.roll(a) }
    def("swapaxes") { a in
      let t = try self.tensor(try a.required("a"))
      let i = try self.axis(try self.integer(try a.required("axis1")), rank: t.rank)
      let j = try self.axis(try self.integer(try a.required("axis2")), rank: t.rank)
      var order = Array(0..<t.rank)
      order.swapAt(i, j)
      return self.array(try bridged { try t.permuted(order) })
    }
    def("moveaxis") { a in
      let t = try self.tensor(try a.required("a"))
      func normalized(_ v: PyValue, _ name: String) throws -> [Int] {
        let given = v.isSequence ? try self.rt.toArray(v) : [v]
        let axes = try given.map { try self.axis(try self.integer($0), rank: t.rank) }
        if Set(axes).count != axes.count {
          throw PyException(.valueError, "repeated axis in `\(name)` argument")
        }
        return axes
      }
      let source = try normalized(try a.required("source"), "source")
      let destination = try normalized(try a.required("destination"), "destination")
      guard source.count == destination.count else {
        throw PyException(
          .valueError,
          "`source` and `destination` arguments must have the same number of elements")
      }
      var order = (0..<t.rank).filter { !source.contains($0) }
      for (dest, src) in zip(destination, source).sorted(by: { $0.0 < $1.0 }) {
        order.insert(src, at: dest)
      }
      return self.array(try bridged { try t.permuted(order) })
    }
    for (name, axis) in [("flipud", 0), ("fliplr", 1)] {
      def(name) { a in
        let t = try self.tensor(try a.required("m"))
        guard t.rank > axis else {
          throw PyException(.valueError, "Input must be >= \(axis + 1)-d.")
        }
        return self.array(try bridged { try t.flipped(axes: [axis]) })
      }
    }
    for (name, upper) in [("triu", true), ("tril", false)] {
      def(name) { a in
        var t = try self.tensor(try a.required("m"))
        let k = try self.integer(a.value("k") ?? .int(0))
        // A 1-d array is the rows of a square matrix, as NumPy broadcasts it.
        if t.rank == 1 {
          t = try bridged { try t.reshaped([1, t.count]).expanded(to: [t.count, t.count]) }
        }
        guard t.rank >= 2 else {
          throw PyException(
            .notImplementedError, "numpy.\(name) of a 0-d array is not supported in journal cells")
        }
        return self.array(try bridged { try t.triangle(upper: upper, k: k) })
      }
    }
    for (name, upper) in [("triu_indices", true), ("tril_indices", false)] {
      def(name) { a in
        let n = try self.integer(try a.required("n"))
        let k = try self.integer(a.value("k") ?? .int(0))
        let cols = try a.value("m").flatMap { self.isNone($0) ? nil : try self.integer($0) } ?? n
        try checkedAllocation([Swift.max(n, 0), Swift.max(cols, 0)], .int64)
        var rows: [Int64] = []
        var columns: [Int64] = []
        for i in 0..<Swift.max(n, 0) {
          for j in 0..<Swift.max(cols, 0) where upper ? j - i >= k : j - i <= k {
            rows.append(Int64(i))
            columns.append(Int64(j))
          }
        }
        return .tuple([
          self.array(try bridged { try Tensor(rows, shape: [rows.count]) }),
          self.array(try bridged { try Tensor(columns, shape: [columns.count]) }),
        ])
      }
    }
    def("append") { a in
      var x = try self.tensor(try a.required("arr"))
      var v = try self.tensor(try a.required("values"))
      if let axisValue = a.value("axis"), !self.isNone(axisValue) {
        let axis = try self.integer(axisValue)
        return self.array(try self.concatenate([x, v], axis: axis))
      }
      x = try bridged { try x.reshaped([-1]) }
      v = try bridged { try v.reshaped([-1]) }
      return self.array(try self.concatenate([x, v], axis: 0))
    }
    for (name, axis) in [("hsplit", 1), ("vsplit", 0)] {
      def(name) { a in
        let given = try a.required("ary")
        let t = try self.tensor(given)
        if name == "hsplit" && t.rank == 0 {
          throw PyException(
            .valueError, "hsplit only works on arrays of 1 or more dimensions")
        }
        if name == "vsplit" && t.rank < 2 {
          throw PyException(
            .valueError, "vsplit only works on arrays of 2 or more dimensions")
        }
        let along = name == "hsplit" && t.rank == 1 ? 0 : axis
        guard let split = m["split"] else { return .none }
        return try self.rt.call(
          split, [self.array(t), try a.required("indices_or_sections"), .int(along)])
      }
    }
    def("logspace") { a in
      guard let linspace = m["linspace"] else { return .none }
      var args: KeywordArguments = [("num", a.value("num") ?? .int(50))]
      if let e = a.value("endpoint") { args.append(("endpoint", e)) }
      let y = try self.tensor(
        try self.rt.call(linspace, [try a.required("start"), try a.required("stop")], args))
      let base = try a.value("base").map { try self.tensor($0) } ?? Tensor(scalar: .double(10))
      guard base.rank == 0 else {
        throw PyException(
          .notImplementedError,
          "numpy.logspace with an array base is not supported in journal cells")
      }
      var r = try bridged { try Tensor.binary(.power, base, y) }
      if let d = try self.optionalDType(a.value("dtype")) { r = r.casted(to: d) }
      return self.array(r)
    }
    def("argwhere") { a in
      let t = try self.tensor(try a.required("a"))
      if t.rank == 0 {
        let any = try bridged { try Tensor.binary(.notEqual, t, .int(0)).item().doubleValue }
        return self.array(Tensor(zeros: [any != 0 ? 1 : 0, 0], dtype: .int64))
      }
      let parts = t.nonzero()
      return self.array(try bridged { try Tensor.stack(parts, axis: 1) })
    }
    def("flatnonzero") { a in
      let t = try self.tensor(try a.required("a"))
      return self.array(try bridged { try t.reshaped([-1]) }.nonzero()[0])
    }
    def("searchsorted") { a in
      let side = try self.rt.string(a.value("side") ?? .str("left"), "side")
      guard side == "left" || side == "right" else {
        throw PyException(
          .valueError, "side must be 'left' or 'right' (got '\(side)')")
      }
      return try self.searchSorted(
        try self.tensor(try a.required("a")), try a.required("v"), right: side == "right")
    }
    def("digitize") { a in
      let bins = try self.tensor(try a.required("bins"))
      guard bins.rank == 1 else {
        throw PyException(.valueError, "object too deep for desired array")
      }
      let values = bins.casted(to: .float64).contiguous().doubles
      let increasing = zip(values, values.dropFirst()).allSatisfy { !($1 < $0) }
      let decreasing = zip(values, values.dropFirst()).allSatisfy { !($1 > $0) }
      if values.contains(where: \.isNaN) {
        throw PyException(
          .notImplementedError, "numpy.digitize with NaN bins is not supported in journal cells")
      }
      guard increasing || decreasing else {
        throw PyException(.valueError, "bins must be monotonically increasing or decreasing")
      }
      let right = try self.flag(a.value("right"))
      let x = try a.required("x")
      // NumPy: searchsorted on the side opposite `right`, on the reversed bins when they
      // decrease.
      if increasing {
        return try self.searchSorted(bins, x, right: !right)
      }
      let reversed = try bridged { try bins.flipped(axes: [0]) }
      let found = try self.tensor(try self.searchSorted(reversed, x, right: !right))
      return self.wrap(
        try bridged {
          try Tensor.binary(.subtract, found, .int(Int64(bins.count)), scalarFirst: true)
        })
    }
    def("isclose") { a in
      let x = try self.tensor(try a.required("a"))
      let y = try self.tensor(try a.required("b"))
      let rtol = try self.rt.double(a.value("rtol") ?? .float(1e-5))
      let atol = try self.rt.double(a.value("atol") ?? .float(1e-8))
      let r = try bridged {
        try Tensor.isClose(
          x, y, rtol: rtol, atol: atol, equalNaN: try self.flag(a.value("equal_nan")))
      }
      return self.wrap(r)
    }
    def("isscalar") { a in
      switch try a.required("element") {
      case .int, .float, .bool, .str: return .bool(true)
      case .native(let x as NDArray): return .bool(x.isScalar)
      default: return .bool(false)
      }
    }
    def("ptp") { a in
      let t = try self.tensor(try a.required("a"))
      let axes = try self.reductionAxes("max", a.value("axis"), rank: t.rank)
      let keep = try self.flag(a.value("keepdims"))
      let r = try bridged {
        try Tensor.binary(
          .subtract, try t.max(axes: axes, keepDims: keep), try t.min(axes: axes, keepDims: keep))
      }
      return self.wrap(r)
    }
    def("nansum") { a in
      let t = try self.tensor(try a.required("a"))
      let filled = try self.replacingNaN(t, with: 0)
      return try self.reduction("sum", filled, a) { try $0.sum(axes: $1, keepDims: $2) }
    }
    def("nanmean") { a in
      let t = try self.tensor(try a.required("a"))
      guard t.dtype.isFloatingPoint else {
        return try self.reduction("mean", t, a) { try $0.mean(axes: $1, keepDims: $2) }
      }
      let axes = try self.reductionAxes("sum", a.value("axis"), rank: t.rank)
      let keep = try self.flag(a.value("keepdims"))
      let filled = try self.replacingNaN(t, with: 0)
      // NumPy: the sum of the non-NaN values over their count, divided in float64 and
      // stored in the array's dtype.
      let r = try bridged {
        let total = try filled.sum(axes: axes, keepDims: keep)
        let count = try Tensor.binary(.equal, try t.unary(.isnan), .int(0))
          .casted(to: .int64).sum(axes: axes, keepDims: keep)
        return try Tensor.binary(.divide, total.casted(to: .float64), count).casted(to: t.dtype)
      }
      return self.wrap(r)
    }
    for (name, largest) in [("nanmax", true), ("nanmin", false)] {
      def(name) { a in
        let t = try self.tensor(try a.required("a"))
        guard t.dtype.isFloatingPoint else {
          return try self.reduction(largest ? "max" : "min", t, a) {
            largest ? try $0.max(axes: $1, keepDims: $2) : try $0.min(axes: $1, keepDims: $2)
          }
        }
        let axes = try self.reductionAxes("max", a.value("axis"), rank: t.rank)
        let keep = try self.flag(a.value("keepdims"))
        let r = try bridged {
          // fmax.reduce: NaN only where every value is NaN.
          let filled = try self.replacingNaN(t, with: largest ? -.infinity : .infinity)
          let best =
            largest
            ? try filled.max(axes: axes, keepDims: keep)
            : try filled.min(axes: axes, keepDims: keep)
          let allNaN = try t.unary(.isnan).all(axes: axes, keepDims: keep)
          return try Tensor.where(allNaN, Tensor(scalar: .double(.nan), dtype: t.dtype), best)
        }
        return self.wrap(r)
      }
    }
    def("polyval") { a in
      let p = try self.tensor(try a.required("p"))
      let x = try self.tensor(try a.required("x"))
      guard p.rank == 1 else {
        throw PyException(
          .notImplementedError,
          "numpy.polyval with \(p.rank)-d coefficients is not supported in journal cells")
      }
      // Horner's rule from zeros shaped (and typed) like x, as NumPy runs it.
      var y = Tensor(zeros: x.shape, dtype: x.dtype)
      for i in 0..<p.count {
        let c = try bridged { try p.item([.index(i)]) }
        y = try bridged { try Tensor.binary(.add, try Tensor.binary(.multiply, y, x), c) }
      }
      return self.wrap(y)
    }
    def("polyfit") { a in try self.polyfit(a) }
    def("apply_along_axis") { a in try self.applyAlongAxis(a) }
  }

  /// `t` with its NaNs replaced (integers and bools have none).
  func replacingNaN(_ t: Tensor, with value: Double) throws -> Tensor {
    guard t.dtype.isFloatingPoint else { return t }
    return try bridged {
      try Tensor.where(try t.unary(.isnan), Tensor(scalar: .double(value), dtype: t.dtype), t)
    }
  }

  /// `np.roll`: every element moved `shift` places along each axis, wrapping around; the
  /// flattened array when no axis is given.
  func roll(_ a: Arguments) throws -> PyValue {
    let t = try tensor(try a.required("a"))
    let shiftValue = try a.required("shift")
    let shifts =
      shiftValue.isSequence
      ? try rt.toArray(shiftValue).map { try integer($0) } : [try integer(shiftValue)]
    guard let axisValue = a.value("axis"), !isNone(axisValue) else {
      guard shifts.count == 1 else {
        throw PyException(
          .valueError, "shape mismatch: objects cannot be broadcast to a single shape.")
      }
      let flat = try bridged { try t.reshaped([-1]) }
      return array(try bridged { try rolled(flat, shifts[0], axis: 0).reshaped(t.shape) })
    }
    let axes =
      axisValue.isSequence
      ? try rt.toArray(axisValue).map { try axis(try integer($0), rank: t.rank) }
      : [try axis(try integer(axisValue), rank: t.rank)]
    guard shifts.count == axes.count || shifts.count == 1 || axes.count == 1 else {
      throw PyException(
        .valueError, "shape mismatch: objects cannot be broadcast to a single shape.")
    }
    var total = Array(repeating: 0, count: t.rank)
    for i in 0..<Swift.max(shifts.count, axes.count) {
      let ax = axes[axes.count == 1 ? 0 : i]
      let (sum, overflow) = total[ax].addingReportingOverflow(shifts[shifts.count == 1 ? 0 : i])
      guard !overflow else {
        throw PyException(.overflowError, "Python int too large to convert to C long")
      }
      total[ax] = sum
    }
    var r = t.clone()
    for (ax, s) in total.enumerated() where s != 0 { r = try rolled(r, s, axis: ax) }
    return array(r)
  }

  private func rolled(_ t: Tensor, _ shift: Int, axis: Int) throws -> Tensor {
    let n = t.shape[axis]
    guard n > 0 else { return t }
    let s = ((shift % n) + n) % n
    guard s != 0 else { return t.clone() }
    return try bridged {
      try Tensor.concatenate(
        [
          try t.narrowed(axis: axis, start: n - s, length: s),
          try t.narrowed(axis: axis, start: 0, length: n - s),
        ], axis: axis)
    }
  }

  /// `np.searchsorted(a, v)`: for each value, the first index of sorted `a` where it could be
  /// inserted keeping the order (after equal values when `right`); NaNs sort last.
  func searchSorted(_ sorted: Tensor, _ v: PyValue, right: Bool) throws -> PyValue {
    guard sorted.rank == 1 else {
      throw PyException(.valueError, "object too deep for desired array")
    }
    let values = try tensor(v)
    let exact = !sorted.dtype.isFloatingPoint && !values.dtype.isFloatingPoint
    var out: [Int64] = []
    out.reserveCapacity(values.count)
    if exact {
      let keys = sorted.casted(to: .int64).contiguous().int64s
      for x in values.casted(to: .int64).contiguous().int64s {
        let i = Self.insertionIndex(keys.count, right: right) {
          keys[$0] < x
        } equal: {
          keys[$0] == x
        }
        out.append(Int64(i))
      }
    } else {
      let keys = sorted.casted(to: .float64).contiguous().doubles
      // NaN is larger than every number.
      func less(_ p: Double, _ q: Double) -> Bool { p < q || (q.isNaN && !p.isNaN) }
      for x in values.casted(to: .float64).contiguous().doubles {
        out.append(
          Int64(
            Self.insertionIndex(keys.count, right: right) {
              less(keys[$0], x)
            } equal: {
              !less(keys[$0], x) && !less(x, keys[$0])
            }))
      }
    }
    return wrap(try bridged { try Tensor(out, shape: values.shape) })
  }

  /// The binary search behind `searchsorted`: the first index whose key is not below the value
  /// (`left`), or not below-or-equal (`right`).
  static func insertionIndex(
    _ count: Int, right: Bool, below: (Int) -> Bool, equal: (Int) -> Bool
  ) -> Int {
    var lo = 0
    var hi = count
    while lo < hi {
      let mid = (lo + hi) / 2
      if below(mid) || (right && equal(mid)) { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// `np.polyfit(x, y, deg)` for float64 data: NumPy's column-scaled Vandermonde matrix solved
  /// by least squares through its SVD (LAPACK's gelsd), singular values under
  /// `rcond * max(s)` dropped.
  func polyfit(_ a: Arguments) throws -> PyValue {
    let x = try tensor(try a.required("x"))
    let y = try tensor(try a.required("y"))
    for t in [x, y] where t.dtype == .float32 {
      throw PyException(
        .notImplementedError, "numpy.polyfit of float32 data is not supported in journal cells")
    }
    let deg = try integer(try a.required("deg"))
    guard deg >= 0 else { throw PyException(.valueError, "expected deg >= 0") }
    guard x.rank == 1 else { throw PyException(.typeError, "expected 1D vector for x") }
    guard x.count > 0 else { throw PyException(.typeError, "expected non-empty vector for x") }
    guard y.rank == 1 || y.rank == 2 else {
      throw PyException(.typeError, "expected 1D or 2D array for y")
    }
    guard x.shape[0] == y.shape[0] else {
      throw PyException(.typeError, "expected x and y to have same length")
    }
    let order = deg + 1
    let n = x.count
    let xs = x.casted(to: .float64).contiguous().doubles
    let rcond =
      try a.value("rcond").flatMap { isNone($0) ? nil : try rt.double($0) }
      ?? Double(n) * Double.ulpOfOne
    // vander(x, order): columns x**(order-1) ... x**0, each scaled to unit norm.
    var lhs = [Double](repeating: 0, count: n * order)
    for i in 0..<n {
      for j in 0..<order { lhs[i * order + j] = Foundation.pow(xs[i], Double(order - 1 - j)) }
    }
    var scale = [Double](repeating: 0, count: order)
    for j in 0..<order {
      var column = [Double](repeating: 0, count: n)
      for i in 0..<n { column[i] = lhs[i * order + j] * lhs[i * order + j] }
      let squares = try bridged { try Tensor(column, shape: [n]).sum().item().doubleValue }
      scale[j] = squares.squareRoot()
      for i in 0..<n { lhs[i * order + j] /= scale[j] }
    }
    let matrix = try bridged { try Tensor(lhs, shape: [n, order]) }
    let svd = try linalg { try Linalg.svd(matrix, fullMatrices: false) }
    let s = svd.s.contiguous().doubles
    let k = s.count
    let u = svd.u.contiguous().doubles  // n x k
    let vh = svd.vh.contiguous().doubles  // k x order
    let columns = y.rank == 2 ? y.shape[1] : 1
    let ys = y.casted(to: .float64).contiguous().doubles
    let cutoff = rcond * (s.max() ?? 0)
    var c = [Double](repeating: 0, count: order * columns)
    for col in 0..<columns {
      // (U^T b) / s for the kept singular values, then V times that.
      var w = [Double](repeating: 0, count: k)
      for r in 0..<k where s[r] > cutoff {
        var dot = 0.0
        for i in 0..<n { dot += u[i * k + r] * ys[i * columns + col] }
        w[r] = dot / s[r]
      }
      for j in 0..<order {
        var sum = 0.0
        for r in 0..<k { sum += vh[r * order + j] * w[r] }
        c[j * columns + col] = sum / scale[j]
      }
    }
    return array(try bridged { try Tensor(c, shape: y.rank == 2 ? [order, columns] : [order]) })
  }

  /// `np.apply_along_axis`: `func1d` over every 1-d slice along `axis`, its results stacked
  /// where the axis was, in the first result's dtype.
  func applyAlongAxis(_ a: Arguments) throws -> PyValue {
    let function = try a.required("func1d")
    let t = try tensor(try a.required("arr"))
    let ax = try axis(try integer(try a.required("axis")), rank: t.rank)
    let extra = Array(a.rest())
    let keywords = a.extraKeywords()
    var order = Array(0..<t.rank)
    order.remove(at: ax)
    order.append(ax)
    let view = try bridged { try t.permuted(order) }
    let outer = Array(view.shape.dropLast())
    guard !outer.contains(0) else {
      throw PyException(
        .valueError, "Cannot apply_along_axis when any iteration dimensions are 0")
    }
    let total = outer.reduce(1, *)
    var results: [Tensor] = []
    for flat in 0..<total {
      let index = NumPyContext.unflatten(flat, outer).map { TensorIndex.index($0) }
      let slice = try bridged { try view.item(index) }
      let r = try tensor(try rt.call(function, [array(slice)] + extra, keywords))
      if let first = results.first, r.shape != first.shape {
        throw PyException(
          .valueError,
          "could not broadcast input array from shape \(shapeText(r.shape)) into shape "
            + shapeText(first.shape))
      }
      results.append(results.first.map { r.casted(to: $0.dtype) } ?? r)
    }
    let stacked = try bridged {
      try Tensor.stack(results, axis: 0).reshaped(outer + (results.first?.shape ?? []))
    }
    // Back in place: the result's own dimensions where `axis` was.
    let resultRank = results.first?.rank ?? 0
    let dims = Array(0..<stacked.rank)
    let permutation =
      Array(dims[0..<ax]) + Array(dims[(stacked.rank - resultRank)...])
      + Array(dims[ax..<(stacked.rank - resultRank)])
    return array(try bridged { try stacked.permuted(permutation).contiguous() })
  }

  private func shapeText(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ",") + ")"
  }
}
