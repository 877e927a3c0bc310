import COpenBLAS
import Foundation

/// Dense linear algebra through LAPACKE (computed in float64; float32 inputs give float32).
public enum Linalg {
  static let rowMajor = Int32(LAPACK_ROW_MAJOR)

  @inline(__always)
  static func ch(_ c: Character) -> CChar { CChar(bitPattern: c.asciiValue ?? 0) }

  /// The matrix as row-major float64 values, checking it is square when asked.
  static func matrix(_ a: Tensor, _ op: String, square: Bool = true) throws -> (Int, Int, [Double]) {
    guard a.rank == 2 else {
      throw TensorError(
        .shape,
        "\(op): \(a.rank)-dimensional array given. Array must be two-dimensional "
          + "(got shape \(shapeString(a.shape)))")
    }
    if square && a.shape[0] != a.shape[1] {
      throw TensorError(
        .shape, "\(op): Last 2 dimensions of the array must be square (got shape "
          + "\(shapeString(a.shape)))")
    }
    return (a.shape[0], a.shape[1], a.scalars(as: Double.self))
  }

  static func result(_ values: [Double], _ shape: [Int], like a: Tensor) throws -> Tensor {
    try Tensor(values, shape: shape).casted(to: a.dtype == .float32 ? .float32 : .float64)
  }

  /// LU factorisation in place; returns the pivots and LAPACK's info.
  static func lu(_ n: Int, _ m: inout [Double]) -> ([Int32], Int32) {
    var ipiv = [Int32](repeating: 0, count: Swift.max(n, 1))
    let info = LAPACKE_dgetrf(rowMajor, Int32(n), Int32(n), &m, Int32(Swift.max(n, 1)), &ipiv)
    return (ipiv, info)
  }

  /// The inverse of a square matrix; a singular matrix is an error ("Singular matrix").
  public static func inv(_ a: Tensor) throws -> Tensor {
    var (n, _, m) = try matrix(a, "inv")
    let (ipiv, info) = lu(n, &m)
    guard info == 0 else { throw TensorError(.linalg, "Singular matrix") }
    if n > 0 {
      let info2 = LAPACKE_dgetri(rowMajor, Int32(n), &m, Int32(n), ipiv)
      guard info2 == 0 else { throw TensorError(.linalg, "Singular matrix") }
    }
    var out = try result(m, [n, n], like: a)
    let y = out.detached()
    out.recordUnary(a, "LinalgInvExBackward0") { g in
      let yt = y.T
      return [try -(Tensor.matmul(Tensor.matmul(yt, g), yt))]
    }
    return out
  }

  /// The determinant (0 for a singular matrix).
  public static func det(_ a: Tensor) throws -> Tensor {
    var (n, _, m) = try matrix(a, "det")
    let (ipiv, info) = lu(n, &m)
    var d = 1.0
    if info > 0 {
      d = 0
    } else {
      for i in 0..<n {
        d *= m[i * n + i]
        if ipiv[i] != Int32(i + 1) { d = -d }
      }
    }
    var out = try result([d], [], like: a)
    let x = a.detached()
    out.recordUnary(a, "LinalgDetBackward0") { g in [try g * Tensor(d) * inv(x).T] }
    return out
  }

  /// Solves `a @ x = b` for x (b is a vector or a matrix of right-hand sides).
  public static func solve(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    var (n, _, m) = try matrix(a, "solve")
    guard (b.rank == 1 || b.rank == 2), b.shape[0] == n else {
      throw TensorError(
        .shape, "solve: a \(shapeString(a.shape)) and b \(shapeString(b.shape)) do not match")
    }
    let nrhs = b.rank == 1 ? 1 : b.shape[1]
    var rhs = b.scalars(as: Double.self)
    var ipiv = [Int32](repeating: 0, count: Swift.max(n, 1))
    let info = LAPACKE_dgesv(rowMajor, Int32(n), Int32(nrhs), &m, Int32(Swift.max(n, 1)), &ipiv,
                             &rhs, Int32(Swift.max(nrhs, 1)))
    guard info == 0 else { throw TensorError(.linalg, "Singular matrix") }
    let dt: DType = a.dtype == .float32 && b.dtype == .float32 ? .float32 : .float64
    var out = try Tensor(rhs, shape: b.shape).casted(to: dt)
    let ad = a.detached(), xd = out.detached()
    let ga = Tensor.gradMeta(a) != nil
    out.record([a, b], "LinalgSolveExBackward0") { g in
      let gb = try solve(ad.T, g)
      let gaT: Tensor? = ga
        ? try -(Tensor.matmul(gb.rank == 1 ? gb.reshaped([-1, 1]) : gb,
                              xd.rank == 1 ? xd.reshaped([1, -1]) : xd.T))
        : nil
      return [gaT, gb]
    }
    return out
  }

  /// Eigenvalues (ascending) and eigenvectors (columns) of a symmetric matrix, from its lower
  /// triangle as NumPy does.
  public static func eigh(_ a: Tensor) throws -> (values: Tensor, vectors: Tensor) {
    var (n, _, m) = try matrix(a, "eigh")
    var w = [Double](repeating: 0, count: n)
    let info = LAPACKE_dsyevd(rowMajor, ch("V"), ch("L"), Int32(n), &m, Int32(Swift.max(n, 1)), &w)
    guard info == 0 else { throw TensorError(.linalg, "Eigenvalues did not converge") }
    return (try result(w, [n], like: a), try result(m, [n, n], like: a))
  }

  /// Eigenvalues and right eigenvectors of a general matrix.
  ///
  /// There is no complex dtype: the real and imaginary parts of the eigenvalues come separately;
  /// `vectors` holds LAPACK's packed real form (for a complex pair in columns j, j+1 the vectors
  /// are `v[:, j] ± i v[:, j+1]`), equal to NumPy's when every eigenvalue is real.
  public static func eig(_ a: Tensor) throws -> (real: Tensor, imaginary: Tensor, vectors: Tensor) {
    var (n, _, m) = try matrix(a, "eig")
    var wr = [Double](repeating: 0, count: n), wi = [Double](repeating: 0, count: n)
    var vl = [Double](repeating: 0, count: 1)
    var vr = [Double](repeating: 0, count: Swift.max(n * n, 1))
    let ld = Int32(Swift.max(n, 1))
    let info = LAPACKE_dgeev(rowMajor, ch("N"), ch("V"), Int32(n), &m, ld, &wr, &wi, &vl, 1, &vr, ld)
    guard info == 0 else { throw TensorError(.linalg, "Eigenvalues did not converge") }
    return (try result(wr, [n], like: a), try result(wi, [n], like: a),
            try result(Array(vr.prefix(n * n)), [n, n], like: a))
  }

  /// Singular value decomposition `a = u @ diag(s) @ vh` (full or reduced matrices).
  public static func svd(_ a: Tensor, fullMatrices: Bool = true) throws
    -> (u: Tensor, s: Tensor, vh: Tensor)
  {
    var (rows, cols, m) = try matrix(a, "svd", square: false)
    let k = Swift.min(rows, cols)
    let ucols = fullMatrices ? rows : k, vrows = fullMatrices ? cols : k
    var s = [Double](repeating: 0, count: Swift.max(k, 1))
    var u = [Double](repeating: 0, count: Swift.max(rows * ucols, 1))
    var vt = [Double](repeating: 0, count: Swift.max(vrows * cols, 1))
    let info = LAPACKE_dgesdd(
      rowMajor, ch(fullMatrices ? "A" : "S"), Int32(rows), Int32(cols), &m,
      Int32(Swift.max(cols, 1)), &s, &u, Int32(Swift.max(ucols, 1)), &vt, Int32(Swift.max(cols, 1)))
    guard info == 0 else { throw TensorError(.linalg, "SVD did not converge") }
    return (try result(Array(u.prefix(rows * ucols)), [rows, ucols], like: a),
            try result(Array(s.prefix(k)), [k], like: a),
            try result(Array(vt.prefix(vrows * cols)), [vrows, cols], like: a))
  }

  /// The lower-triangular Cholesky factor `l` with `a = l @ l.T`.
  public static func cholesky(_ a: Tensor) throws -> Tensor {
    var (n, _, m) = try matrix(a, "cholesky")
    let info = LAPACKE_dpotrf(rowMajor, ch("L"), Int32(n), &m, Int32(Swift.max(n, 1)))
    guard info == 0 else { throw TensorError(.linalg, "Matrix is not positive definite") }
    for i in 0..<n { for j in (i + 1)..<Swift.max(n, i + 1) { m[i * n + j] = 0 } }
    return try result(m, [n, n], like: a)
  }

  /// Vector p-norm over `axes` (all elements when nil; default p = 2, the Frobenius norm of a
  /// matrix); `p` may be ±infinity or 0 (count of nonzeros).
  public static func norm(_ a: Tensor, p: Double = 2, axes: [Int]? = nil, keepDims: Bool = false)
    throws -> Tensor
  {
    let x = a.dtype.isFloatingPoint ? a : a.casted(to: .float64)
    if p == 2 { return try (x * x).sum(axes: axes, keepDims: keepDims).sqrt() }
    if p == 1 { return try x.abs().sum(axes: axes, keepDims: keepDims) }
    if p == .infinity { return try x.abs().max(axes: axes, keepDims: keepDims) }
    if p == -.infinity { return try x.abs().min(axes: axes, keepDims: keepDims) }
    if p == 0 { return try (x .!= 0.0).casted(to: x.dtype).sum(axes: axes, keepDims: keepDims) }
    return try x.abs().pow(p).sum(axes: axes, keepDims: keepDims).pow(1 / p)
  }

  /// Matrix norms: "fro", "nuc", 1, -1, 2, -2, inf, -inf (NumPy's `ord` for 2-D input).
  public static func matrixNorm(_ a: Tensor, ord: String) throws -> Tensor {
    let x = a.dtype.isFloatingPoint ? a : a.casted(to: .float64)
    switch ord {
    case "fro": return try norm(x)
    case "nuc": return try svd(x, fullMatrices: false).s.sum()
    case "2": return try svd(x, fullMatrices: false).s.max()
    case "-2": return try svd(x, fullMatrices: false).s.min()
    case "1": return try x.abs().sum(axes: [0]).max()
    case "-1": return try x.abs().sum(axes: [0]).min()
    case "inf": return try x.abs().sum(axes: [1]).max()
    case "-inf": return try x.abs().sum(axes: [1]).min()
    default: throw TensorError(.value, "Invalid norm order '\(ord)' for matrices")
    }
  }
}

extension Tensor {
  /// The main diagonal of a matrix (a view), or a diagonal matrix built from a vector.
  public func diagonal() throws -> Tensor {
    if rank == 1 {
      let n = shape[0]
      var out = Tensor(zeros: [n, n], dtype: dtype)
      let d = Tensor(storage: out.storage, shape: [n], strides: [n + 1], offset: 0)
      copyElements(from: self, into: d)
      out.recordUnary(self, "DiagEmbedBackward0") { g in [try g.diagonal()] }
      return out
    }
    guard rank == 2 else {
      throw TensorError(.shape, "diagonal: expected 1-D or 2-D input, got \(shapeString(shape))")
    }
    let n = Swift.min(shape[0], shape[1])
    var out = Tensor(storage: storage, shape: [n], strides: [strides[0] + strides[1]],
                     offset: offset)
    let inShape = shape, dt = dtype
    out.recordUnary(self, "DiagonalBackward0") { g in
      let z = Tensor(zeros: inShape, dtype: dt)
      copyElements(from: g, into: Tensor(storage: z.storage, shape: [n],
                                         strides: [inShape[1] + 1], offset: 0))
      return [z]
    }
    return out
  }

  /// Covariance matrix (NumPy `cov`): rows are variables when `rowVariables`; `ddof` defaults
  /// to 1 (0 when `bias`).
  public static func cov(_ m: Tensor, rowVariables: Bool = true, bias: Bool = false,
                         ddof: Int? = nil) throws -> Tensor {
    guard m.rank <= 2 else { throw TensorError(.shape, "cov: m has more than 2 dimensions") }
    var x = m.dtype.isFloatingPoint ? m : m.casted(to: .float64)
    if x.rank < 2 { x = try x.reshaped([1, -1]) }
    if !rowVariables && x.shape[0] != 1 { x = x.T }
    let n = x.shape[1]
    let fact = Double(n - (ddof ?? (bias ? 0 : 1)))
    let xc = try x - x.mean(axes: [1], keepDims: true)
    let c = try matmul(xc, xc.T) * (1 / fact)
    return try c.squeezed()
  }

  /// Pearson correlation coefficients (NumPy `corrcoef`), clipped to [-1, 1].
  public static func corrcoef(_ m: Tensor, rowVariables: Bool = true) throws -> Tensor {
    let c = try cov(m, rowVariables: rowVariables)
    if c.rank == 0 { return try c / c }
    let d = try c.diagonal().sqrt()
    let r = try c / d.reshaped([-1, 1]) / d.reshaped([1, -1])
    return try r.clipped(min: -1, max: 1)
  }
}
