import Foundation

/// Smaller NumPy conveniences: closeness tests, order statistics, differences, triangles, grids.
extension Tensor {
  /// Elementwise `|a - b| <= atol + rtol * |b|` (NumPy `isclose`; NaNs equal when asked).
  public static func isClose(
    _ a: Tensor, _ b: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8,
    equalNaN: Bool = false
  ) throws -> Tensor {
    let x = a.detached().casted(to: .float64), y = b.detached().casted(to: .float64)
    let close = try ((x - y).abs() .<= (y.abs() * rtol + atol)) | (x .== y)
    guard equalNaN else { return close }
    return try close | (x.unary(.isnan) & y.unary(.isnan))
  }

  /// Whether every element is close (NumPy `allclose`).
  public static func allClose(
    _ a: Tensor, _ b: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8,
    equalNaN: Bool = false
  ) throws -> Bool {
    try isClose(a, b, rtol: rtol, atol: atol, equalNaN: equalNaN).all().bools[0]
  }

  /// The q-th percentile (0...100) along `axis` (flattened when nil) with NumPy's default
  /// linear interpolation.
  public func percentile(_ q: Double, axis: Int? = nil, keepDims: Bool = false) throws -> Tensor {
    guard (0...100).contains(q) else {
      throw TensorError(.value, "Percentiles must be in the range [0, 100]")
    }
    let src = axis == nil ? try detached().reshaped([-1]) : detached()
    let a = try src.axis(axis ?? 0, "percentile")
    let sorted = try src.casted(to: dtype.isFloatingPoint ? dtype : .float64).sorted(axis: a).values
    let n = sorted.shape[a]
    guard n > 0 else { throw TensorError(.value, "percentile of an empty array") }
    let pos = q / 100 * Double(n - 1)
    let lo = Int(pos.rounded(.down)), hi = Swift.min(lo + 1, n - 1)
    let frac = pos - Double(lo)
    let low = try sorted.narrowed(axis: a, start: lo, length: 1)
    let high = try sorted.narrowed(axis: a, start: hi, length: 1)
    // NumPy's _lerp: a + (b - a) * t, switching to b - (b - a) * (1 - t) for t >= 0.5.
    let d = try high - low
    var r = frac >= 0.5 ? try high - d * (1 - frac) : try low + d * frac
    if !keepDims || axis == nil { r = try r.squeezed(axes: [a]) }
    if keepDims && axis == nil { r = try r.reshaped(Array(repeating: 1, count: rank)) }
    return r
  }

  /// The median along `axis` (flattened when nil).
  public func median(axis: Int? = nil, keepDims: Bool = false) throws -> Tensor {
    try percentile(50, axis: axis, keepDims: keepDims)
  }

  /// `n`-th discrete difference along `axis` (NumPy `diff`).
  public func diff(_ n: Int = 1, axis: Int = -1) throws -> Tensor {
    var r = self
    let a = try self.axis(axis, "diff")
    for _ in 0..<n {
      let len = r.shape[a]
      guard len > 0 else { break }
      r = try Tensor.binary(
        .subtract, r.narrowed(axis: a, start: 1, length: len - 1),
        r.narrowed(axis: a, start: 0, length: len - 1))
    }
    return r
  }

  /// Lower (`upper == false`) or upper triangle of the last two dimensions, from diagonal `k`.
  public func triangle(upper: Bool, k: Int = 0) throws -> Tensor {
    guard rank >= 2 else {
      throw TensorError(.shape, "tril/triu: input must be at least 2-D, got \(shapeString(shape))")
    }
    let r = shape[rank - 2], c = shape[rank - 1]
    var mask = [Bool](repeating: false, count: r * c)
    for i in 0..<r {
      for j in 0..<c { mask[i * c + j] = upper ? j - i >= k : j - i <= k }
    }
    let m = try Tensor(mask, shape: [r, c])
    return try Tensor.where(m, self, Tensor(scalar: .int(0), dtype: dtype))
  }

  /// Sum of the main diagonal.
  public func trace() throws -> Tensor { try diagonal().sum() }

  /// Rounds to `decimals` places with NumPy's method (scale, round half to even, unscale).
  public func rounded(decimals: Int = 0) throws -> Tensor {
    if decimals == 0 || !dtype.isFloatingPoint { return try unary(.round) }
    let f = Foundation.pow(10.0, Double(Swift.abs(decimals)))
    return decimals > 0
      ? try (self * f).unary(.round) / f
      : try (self / f).unary(.round) * f
  }

  /// Coordinate grids from 1-D vectors (NumPy `meshgrid`, "xy" indexing by default).
  public static func meshgrid(_ vectors: [Tensor], cartesian: Bool = true) throws -> [Tensor] {
    let n = vectors.count
    var shape = vectors.map(\.count)
    if cartesian && n >= 2 { shape.swapAt(0, 1) }
    return try vectors.enumerated().map { i, v in
      var view = [Int](repeating: 1, count: n)
      let dim = cartesian && n >= 2 && i < 2 ? 1 - i : i
      view[dim] = v.count
      return try v.reshaped(view).expanded(to: shape).contiguous()
    }
  }
}
