import COpenBLAS
import Foundation

/// Dense linear algebra through LAPACKE (computed in float64; float32 inputs give float32).
public enum Linalg {
  static let rowMajor = Int32(LAPACK_ROW_MAJOR)

  @inline(__always)
  static func ch(_ c: Character) -> CChar { CChar(bitPattern: c.asciiValue ?? 0) }

  /// The matrix as row-major float64 values, checking it is square when asked.
  static func matrix(_ a: Tensor, _ op: String, square: Bool = true) throws -> (Int, Int, [Double])
  {
    guard a.rank == 2 else {
      throw TensorError(
        .shape,
        "\(op): \(a.rank)-dimensional array given. Array must be two-dimensional "
          + "(got shape \(shapeString(a.shape)))")
    }
    if square && a.shape[0] != a.shape[1] {
      throw TensorError(
        .shape,
        "\(op): Last 2 dimensions of the array must be square (got shape "
          + "\(shapeString(a.shape)))")
    }
    // Every LAPACK call starts here: its float64 copies count against the memory cap, and the
    // factorisation (textbook operation counts) must be able to end before the time limit.
    let (m, n) = (a.shape[0], a.shape[1])
    try TensorMemory.checkAllocation(shape: [m, n, 2], dtype: .float64)
    try TensorDeadline.check(operations: operations(op, m, n), "\(op) of a \(m)x\(n) matrix")
    return (a.shape[0], a.shape[1], a.scalars(as: Double.self))
  }

  /// Textbook floating-point operation counts of the factorisations.
  static func operations(_ op: String, _ m: Int, _ n: Int) -> Double {
    let factor: Double =
      switch op {
      case "inv": 2
      case "det", "solve": 2.0 / 3
      case "cholesky": 1.0 / 3
      case "eigh", "svd": 4
      case "eig": 10
      default: 1
      }
    return factor * Double(m) * Double(n) * Double(Swift.min(m, n))
  }

  /// Runs the LAPACK routine of `op` on an `m`x`n` matrix where the time limit can abandon it
  /// (`TensorDeadline.run`): `routine` works on buffers of its own.
  static func lapack<T>(_ op: String, _ m: Int, _ n: Int, _ routine: @escaping () -> T) throws
    -> T
  {
    try TensorDeadline.run(
      operations: operations(op, m, n), "\(op) of a \(m)x\(n) matrix", routine)
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

  /// Applies a matrix function to each matrix of a stack `[..., M, N]` and stacks the results.
  static func batched(_ a: Tensor, _ f: (Tensor) throws -> Tensor) throws -> Tensor {
    let lead = Array(a.shape.dropLast(2))
    let flat = try a.reshaped([-1] + Array(a.shape.suffix(2)))
    let parts = try (0..<flat.shape[0]).map {
      try TensorDeadline.poll()
      return try f(flat.item([.index($0)]))
    }
    let out = try Tensor.stack(parts)
    return try out.reshaped(lead + Array(out.shape.dropFirst()))
  }

  /// The inverse of a square matrix (or of each in a stack); a singular matrix is an error
  /// ("Singular matrix").
  public static func inv(_ a: Tensor) throws -> Tensor {
    if a.rank > 2 { return try batched(a, inv) }
    var (n, _, m) = try matrix(a, "inv")
    let info = try lapack("inv", n, n) { () -> Int32 in
      let (ipiv, info) = lu(n, &m)
      guard info == 0, n > 0 else { return info }
      return LAPACKE_dgetri(rowMajor, Int32(n), &m, Int32(n), ipiv)
    }
    guard info == 0 else { throw TensorError(.linalg, "Singular matrix") }
    var out = try result(m, [n, n], like: a)
    let y = out.detached()
    out.recordUnary(a, "LinalgInvExBackward0") { g in
      let yt = y.T
      return [try -(Tensor.matmul(Tensor.matmul(yt, g), yt))]
    }
    return out
  }

  /// The determinant (0 for a singular matrix), per matrix of a stack.
  public static func det(_ a: Tensor) throws -> Tensor {
    if a.rank > 2 { return try batched(a, det) }
    var (n, _, m) = try matrix(a, "det")
    let (ipiv, info) = try lapack("det", n, n) { lu(n, &m) }
    // NumPy multiplies through logarithms (its det is sign * exp(logdet) from slogdet's loop),
    // so [[4, 7], [2, 6]] gives 10.000000000000002, not the LU product's 10.0.
    var d = 0.0
    if info == 0 {
      var sign = 1.0, logdet = 0.0
      for i in 0..<n {
        if ipiv[i] != Int32(i + 1) { sign = -sign }
        var u = m[i * n + i]
        if u < 0 {
          sign = -sign
          u = -u
        }
        logdet += Foundation.log(u)
      }
      d = sign * Foundation.exp(logdet)
    }
    var out = try result([d], [], like: a)
    let x = a.detached()
    out.recordUnary(a, "LinalgDetBackward0") { g in
      if d != 0, let xi = try? inv(x) { return [try g * Tensor(d) * xi.T] }
      return [try g * singularDetGradient(x)]
    }
    return out
  }

  /// d det(a) / da for a singular `a`, which has no inverse: with `a = u diag(s) vh` it is
  /// `det(u) det(vh) u diag(prod of the other singular values) vh`, the transposed adjugate.
  static func singularDetGradient(_ a: Tensor) throws -> Tensor {
    let x = a.casted(to: .float64)
    let (u, s, vh) = try svd(x)
    let sv = s.doubles
    let others = sv.indices.map { i in
      sv.indices.reduce(1.0) { $1 == i ? $0 : $0 * sv[$1] }
    }
    let sign = try det(u).doubles[0] * det(vh).doubles[0]
    let g = try Tensor.matmul(u * Tensor(others.map { $0 * sign }).reshaped([1, -1]), vh)
    return g.casted(to: a.dtype)
  }

  /// Solves `a @ x = b` for x (b is a vector or a matrix of right-hand sides).
  public static func solve(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    if a.rank > 2 {
      // NumPy 2: b is a stack of matrices when it has a.rank dimensions, else of vectors.
      let lead = Array(a.shape.dropLast(2))
      let av = try a.reshaped([-1] + Array(a.shape.suffix(2)))
      let bv = try b.expanded(to: lead + Array(b.shape.suffix(b.rank == a.rank ? 2 : 1)))
        .reshaped([av.shape[0]] + Array(b.shape.suffix(b.rank == a.rank ? 2 : 1)))
      let parts = try (0..<av.shape[0]).map {
        try solve(av.item([.index($0)]), bv.item([.index($0)]))
      }
      let out = try Tensor.stack(parts)
      return try out.reshaped(lead + Array(out.shape.dropFirst()))
    }
    var (n, _, m) = try matrix(a, "solve")
    guard (b.rank == 1 || b.rank == 2), b.shape[0] == n else {
      throw TensorError(
        .shape, "solve: a \(shapeString(a.shape)) and b \(shapeString(b.shape)) do not match")
    }
    let nrhs = b.rank == 1 ? 1 : b.shape[1]
    var rhs = b.scalars(as: Double.self)
    var ipiv = [Int32](repeating: 0, count: Swift.max(n, 1))
    let info = try lapack("solve", n, n) {
      LAPACKE_dgesv(
        rowMajor, Int32(n), Int32(nrhs), &m, Int32(Swift.max(n, 1)), &ipiv,
        &rhs, Int32(Swift.max(nrhs, 1)))
    }
    guard info == 0 else { throw TensorError(.linalg, "Singular matrix") }
    let dt: DType = a.dtype == .float32 && b.dtype == .float32 ? .float32 : .float64
    var out = try Tensor(rhs, shape: b.shape).casted(to: dt)
    let ad = a.detached(), xd = out.detached()
    let ga = Tensor.gradMeta(a) != nil
    out.record(a, b, "LinalgSolveExBackward0") { g in
      let gb = try solve(ad.T, g)
      let gaT: Tensor? =
        ga
        ? try
          -(Tensor.matmul(
            gb.rank == 1 ? gb.reshaped([-1, 1]) : gb,
            xd.rank == 1 ? xd.reshaped([1, -1]) : xd.T))
        : nil
      return [gaT, gb]
    }
    return out
  }

  /// Eigenvalues (ascending) and eigenvectors (columns) of a symmetric matrix, from its lower
  /// triangle as NumPy does.
  ///
  /// Backward is PyTorch's: `ga = v (diag(gw) + skew(v^T gv) / e) v^T` with
  /// `skew(x) = (x - x^T) / 2` and `e[i][j] = w[j] - w[i]`, a symmetric gradient (so a caller
  /// who only fills the lower triangle should symmetrise the input first). Repeated eigenvalues
  /// make it infinite, as in PyTorch.
  public static func eigh(_ a: Tensor) throws -> (values: Tensor, vectors: Tensor) {
    var (n, _, m) = try matrix(a, "eigh")
    var w = [Double](repeating: 0, count: n)
    let info = try lapack("eigh", n, n) {
      LAPACKE_dsyevd(rowMajor, ch("V"), ch("L"), Int32(n), &m, Int32(Swift.max(n, 1)), &w)
    }
    guard info == 0 else { throw TensorError(.linalg, "Eigenvalues did not converge") }
    var values = try result(w, [n], like: a)
    var vectors = try result(m, [n, n], like: a)
    if Tensor.needsGrad(a) {
      let v = vectors.detached(), l = values.detached()
      values.recordUnary(a, "LinalgEighBackward0") { g in
        [try Tensor.matmul(v * g.reshaped([1, -1]), v.T)]
      }
      vectors.recordUnary(a, "LinalgEighBackward0") { g in
        let vtg = try Tensor.matmul(v.T, g)
        let skew = try (vtg - vtg.T) * 0.5
        let e = try l.reshaped([1, -1]) - l.reshaped([-1, 1]) + Tensor.eye(n, dtype: l.dtype)
        return [try Tensor.matmul(Tensor.matmul(v, skew / e), v.T)]
      }
    }
    return (values, vectors)
  }

  /// The eigen-decomposition of a general real matrix, complex parts kept apart.
  ///
  /// There is no complex dtype, so NumPy's complex results come as real and imaginary parts:
  /// eigenvalue `j` is `real[j] + i imaginary[j]` and eigenvector `j` (column `j`) is
  /// `vectors[:, j] + i vectorsImaginary[:, j]`, value for value what `numpy.linalg.eig`
  /// returns (LAPACK `geev`; conjugate pairs are adjacent, positive imaginary part first, each
  /// vector of unit norm with its largest component real). When every eigenvalue is real,
  /// `imaginary` and `vectorsImaginary` are zero and NumPy returns real arrays too.
  public struct Eigen: Sendable {
    public var real: Tensor
    public var imaginary: Tensor
    public var vectors: Tensor
    public var vectorsImaginary: Tensor
    /// Whether any eigenvalue has a non-zero imaginary part (NumPy would return complex arrays).
    public var isComplex: Bool { imaginary.doubles.contains { $0 != 0 } }
  }

  /// Eigenvalues and right eigenvectors of a general matrix (no autograd; see `Eigen`).
  public static func eig(_ a: Tensor) throws -> Eigen {
    var (n, _, m) = try matrix(a, "eig")
    var wr = [Double](repeating: 0, count: n), wi = [Double](repeating: 0, count: n)
    var vl = [Double](repeating: 0, count: 1)
    var vr = [Double](repeating: 0, count: Swift.max(n * n, 1))
    let ld = Int32(Swift.max(n, 1))
    let info = try lapack("eig", n, n) {
      LAPACKE_dgeev(rowMajor, ch("N"), ch("V"), Int32(n), &m, ld, &wr, &wi, &vl, 1, &vr, ld)
    }
    guard info == 0 else { throw TensorError(.linalg, "Eigenvalues did not converge") }
    // LAPACK packs a conjugate pair (j, j+1) as re = v[:, j], im = v[:, j+1].
    var re = Array(vr.prefix(n * n)), im = [Double](repeating: 0, count: n * n)
    var j = 0
    while j < n {
      if wi[j] != 0 && j + 1 < n {
        for r in 0..<n {
          let x = vr[r * n + j], y = vr[r * n + j + 1]
          re[r * n + j] = x
          re[r * n + j + 1] = x
          im[r * n + j] = y
          im[r * n + j + 1] = -y
        }
        j += 2
      } else {
        j += 1
      }
    }
    return Eigen(
      real: try result(wr, [n], like: a), imaginary: try result(wi, [n], like: a),
      vectors: try result(re, [n, n], like: a), vectorsImaginary: try result(im, [n, n], like: a))
  }

  /// Singular value decomposition `a = u @ diag(s) @ vh` (full or reduced matrices).
  ///
  /// Backward is PyTorch's `svd_backward`; with full matrices only the first `min(m, n)`
  /// columns of `u` and rows of `vh` carry gradient, as in PyTorch. Like PyTorch's, the
  /// gradient through `u` or `vh` is only meaningful for a loss that does not depend on the
  /// singular vectors' signs, and is infinite for repeated singular values.
  public static func svd(_ a: Tensor, fullMatrices: Bool = true) throws
    -> (u: Tensor, s: Tensor, vh: Tensor)
  {
    var (rows, cols, m) = try matrix(a, "svd", square: false)
    let k = Swift.min(rows, cols)
    let ucols = fullMatrices ? rows : k, vrows = fullMatrices ? cols : k
    var s = [Double](repeating: 0, count: Swift.max(k, 1))
    var u = [Double](repeating: 0, count: Swift.max(rows * ucols, 1))
    var vt = [Double](repeating: 0, count: Swift.max(vrows * cols, 1))
    let info = try lapack("svd", rows, cols) {
      LAPACKE_dgesdd(
        rowMajor, ch(fullMatrices ? "A" : "S"), Int32(rows), Int32(cols), &m,
        Int32(Swift.max(cols, 1)), &s, &u, Int32(Swift.max(ucols, 1)), &vt,
        Int32(Swift.max(cols, 1)))
    }
    guard info == 0 else { throw TensorError(.linalg, "SVD did not converge") }
    var ut = try result(Array(u.prefix(rows * ucols)), [rows, ucols], like: a)
    var st = try result(Array(s.prefix(k)), [k], like: a)
    var vht = try result(Array(vt.prefix(vrows * cols)), [vrows, cols], like: a)
    if Tensor.needsGrad(a) {
      let uk = try ut.detached().item([.all, .slice(0, k, 1)])
      let vk = try vht.detached().item([.slice(0, k, 1), .all])
      let sd = st.detached()
      ut.recordUnary(a, "LinalgSvdBackward0") { g in
        [try svdBackward(u: uk, s: sd, vh: vk, gU: g.item([.all, .slice(0, k, 1)]))]
      }
      st.recordUnary(a, "LinalgSvdBackward0") { g in
        [try svdBackward(u: uk, s: sd, vh: vk, gS: g)]
      }
      vht.recordUnary(a, "LinalgSvdBackward0") { g in
        [try svdBackward(u: uk, s: sd, vh: vk, gVh: g.item([.slice(0, k, 1), .all]))]
      }
    }
    return (ut, st, vht)
  }

  /// PyTorch's `svd_backward` for reduced factors `u [m, k]`, `s [k]`, `vh [k, n]`:
  /// `ga = u ((skew(u^T gu) s + s skew(vh gvh^T)) / e + diag(gs)) vh` plus the parts of `gu`
  /// and `gvh` outside the spans of `u` and `vh`, with `skew(x) = x - x^T` and
  /// `e[j][k] = s[k]^2 - s[j]^2` (1 on the diagonal). Linear in the three gradients, so each
  /// output's node computes its own share.
  static func svdBackward(
    u: Tensor, s: Tensor, vh: Tensor, gU: Tensor? = nil,
    gS: Tensor? = nil, gVh: Tensor? = nil
  ) throws -> Tensor {
    let m = u.shape[0], n = vh.shape[1], k = s.shape[0]
    let sRow = try s.reshaped([1, k]), sCol = try s.reshaped([k, 1])
    if gU == nil && gVh == nil, let gS {
      return try Tensor.matmul(u * gS.reshaped([1, k]), vh)
    }
    let s2 = try s * s
    let e = try s2.reshaped([1, k]) - s2.reshaped([k, 1]) + Tensor.eye(k, dtype: s.dtype)
    var core: Tensor
    if let gU {
      let x = try Tensor.matmul(u.T, gU)
      core = try (x - x.T) * (sRow / e)
    } else if let gVh {
      let x = try Tensor.matmul(vh, gVh.T)
      core = try sCol * ((x - x.T) / e)
    } else {
      core = Tensor.zeros([k, k], dtype: s.dtype)
    }
    if let gU, m > k {
      let gUSinv = try gU / sRow
      let inner = try Tensor.matmul(u, core) + gUSinv - Tensor.matmul(u, Tensor.matmul(u.T, gUSinv))
      return try Tensor.matmul(inner, vh)
    }
    if let gVh, n > k {
      let sinvGVh = try gVh / sCol
      let inner =
        try Tensor.matmul(core, vh) + sinvGVh
        - Tensor.matmul(Tensor.matmul(sinvGVh, vh.T), vh)
      return try Tensor.matmul(u, inner)
    }
    return try Tensor.matmul(Tensor.matmul(u, core), vh)
  }

  /// The lower-triangular Cholesky factor `l` with `a = l @ l.T`.
  public static func cholesky(_ a: Tensor) throws -> Tensor {
    if a.rank > 2 { return try batched(a, cholesky) }
    var (n, _, m) = try matrix(a, "cholesky")
    let info = try lapack("cholesky", n, n) {
      LAPACKE_dpotrf(rowMajor, ch("L"), Int32(n), &m, Int32(Swift.max(n, 1)))
    }
    guard info == 0 else { throw TensorError(.linalg, "Matrix is not positive definite") }
    for i in 0..<n { for j in (i + 1)..<Swift.max(n, i + 1) { m[i * n + j] = 0 } }
    var out = try result(m, [n, n], like: a)
    if Tensor.needsGrad(a) {
      let l = out.detached()
      // Lower triangle of l^T gl with its diagonal halved.
      var mask = [Double](repeating: 0, count: n * n)
      for i in 0..<n { for j in 0...i { mask[i * n + j] = i == j ? 0.5 : 1 } }
      let phiMask = try Tensor(mask, shape: [n, n]).casted(to: l.dtype)
      out.recordUnary(a, "LinalgCholeskyExBackward0") { g in
        // PyTorch's cholesky_backward: ga = sym(l^-T phi(l^T gl) l^-1).
        let phi = try Tensor.matmul(l.T, g) * phiMask
        let li = try inv(l)
        let ga = try Tensor.matmul(Tensor.matmul(li.T, phi), li)
        return [try (ga + ga.T) * 0.5]
      }
    }
    return out
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
    var out = Tensor(
      storage: storage, shape: [n], strides: [strides[0] + strides[1]],
      offset: offset)
    let inShape = shape, dt = dtype
    out.recordUnary(self, "DiagonalBackward0") { g in
      let z = Tensor(zeros: inShape, dtype: dt)
      copyElements(
        from: g,
        into: Tensor(
          storage: z.storage, shape: [n],
          strides: [inShape[1] + 1], offset: 0))
      return [z]
    }
    return out
  }

  /// Covariance matrix (NumPy `cov`): rows are variables when `rowVariables`; `ddof` defaults
  /// to 1 (0 when `bias`).
  public static func cov(
    _ m: Tensor, rowVariables: Bool = true, bias: Bool = false,
    ddof: Int? = nil
  ) throws -> Tensor {
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
