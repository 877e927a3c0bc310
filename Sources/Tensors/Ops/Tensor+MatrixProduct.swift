import COpenBLAS

/// Matrix products through OpenBLAS (`cblas_sgemm` / `cblas_dgemm`).
extension Tensor {
  /// How a 2-D view can be handed to BLAS without a copy: transposed or not, leading dimension.
  static func blasLayout(rows: Int, cols: Int, s0: Int, s1: Int) -> (trans: Bool, ld: Int)? {
    if s1 == 1 && (rows == 1 || s0 >= Swift.max(1, cols)) {
      return (false, rows == 1 ? Swift.max(cols, 1) : s0)
    }
    if s0 == 1 && (cols == 1 || s1 >= Swift.max(1, rows)) {
      return (true, cols == 1 ? Swift.max(rows, 1) : s1)
    }
    return nil
  }

  /// C[m,n] = A[m,k] @ B[k,n] for float tensors, writing into `out` at `outOffset`.
  static func gemm(
    _ a: Tensor, _ aOff: Int, _ aS: (Int, Int), _ b: Tensor, _ bOff: Int,
    _ bS: (Int, Int), m: Int, n: Int, k: Int, out: Tensor, outOffset: Int
  ) {
    guard m > 0 && n > 0 else { return }
    if k == 0 {
      for i in 0..<(m * n) { out.storeScalar(.int(0), at: outOffset + i) }
      return
    }
    // Layouts were made BLAS-compatible by the caller.
    let la = blasLayout(rows: m, cols: k, s0: aS.0, s1: aS.1) ?? (false, k)
    let lb = blasLayout(rows: k, cols: n, s0: bS.0, s1: bS.1) ?? (false, n)
    let ta = la.trans ? CblasTrans : CblasNoTrans
    let tb = lb.trans ? CblasTrans : CblasNoTrans
    if a.dtype == .float64 {
      cblas_dgemm(
        CblasRowMajor, ta, tb, Int32(m), Int32(n), Int32(k), 1,
        a.storage.pointer(Double.self) + aOff, Int32(la.ld),
        b.storage.pointer(Double.self) + bOff, Int32(lb.ld), 0,
        out.storage.pointer(Double.self) + outOffset, Int32(n))
    } else {
      cblas_sgemm(
        CblasRowMajor, ta, tb, Int32(m), Int32(n), Int32(k), 1,
        a.storage.pointer(Float.self) + aOff, Int32(la.ld),
        b.storage.pointer(Float.self) + bOff, Int32(lb.ld), 0,
        out.storage.pointer(Float.self) + outOffset, Int32(n))
    }
  }

  /// A product with a row or column operand, as NumPy computes it: `ddot` for row by column,
  /// `gemv` for a matrix by a column or a row by a matrix. These sum in another order than
  /// `gemm`, so the last bits differ; a long training loop turns those into visible digits.
  static func vectorProduct(
    _ a: Tensor, _ aS: (Int, Int), _ b: Tensor, _ bS: (Int, Int),
    m: Int, n: Int, k: Int, out: Tensor
  ) {
    let double = a.dtype == .float64
    if m == 1 && n == 1 {
      if double {
        out.storage.pointer(Double.self)[0] = cblas_ddot(
          Int32(k), a.storage.pointer(Double.self) + a.offset, Int32(aS.1),
          b.storage.pointer(Double.self) + b.offset, Int32(bS.0))
      } else {
        out.storage.pointer(Float.self)[0] = cblas_sdot(
          Int32(k), a.storage.pointer(Float.self) + a.offset, Int32(aS.1),
          b.storage.pointer(Float.self) + b.offset, Int32(bS.0))
      }
      return
    }
    // The matrix operand, its layout, and the vector's stride along k.
    let (matrix, rows, cols, layout, vector, increment):
      (Tensor, Int, Int, (trans: Bool, ld: Int), Tensor, Int)
    let transposeProduct: Bool
    if n == 1 {
      let l = blasLayout(rows: m, cols: k, s0: aS.0, s1: aS.1) ?? (false, k)
      (matrix, rows, cols, layout, vector, increment) = (a, m, k, l, b, bS.0)
      transposeProduct = l.trans
    } else {
      let l = blasLayout(rows: k, cols: n, s0: bS.0, s1: bS.1) ?? (false, n)
      (matrix, rows, cols, layout, vector, increment) = (b, k, n, l, a, aS.1)
      transposeProduct = !l.trans
    }
    // A transposed layout stores the matrix as its transpose, rows and columns swapped.
    let (r, c) = layout.trans ? (cols, rows) : (rows, cols)
    let trans = transposeProduct ? CblasTrans : CblasNoTrans
    if double {
      cblas_dgemv(
        CblasRowMajor, trans, Int32(r), Int32(c), 1,
        matrix.storage.pointer(Double.self) + matrix.offset, Int32(layout.ld),
        vector.storage.pointer(Double.self) + vector.offset, Int32(increment), 0,
        out.storage.pointer(Double.self), 1)
    } else {
      cblas_sgemv(
        CblasRowMajor, trans, Int32(r), Int32(c), 1,
        matrix.storage.pointer(Float.self) + matrix.offset, Int32(layout.ld),
        vector.storage.pointer(Float.self) + vector.offset, Int32(increment), 0,
        out.storage.pointer(Float.self), 1)
    }
  }

  /// Makes the last two dimensions BLAS-compatible, copying only when needed.
  func blasReady() -> Tensor {
    let r = rank
    if Tensor.blasLayout(
      rows: shape[r - 2], cols: shape[r - 1], s0: strides[r - 2],
      s1: strides[r - 1]) != nil
    {
      return self
    }
    return rawCopy()
  }

  /// Matrix product with NumPy `matmul` semantics (1-D operands, broadcast batch dimensions).
  ///
  /// `vectorKernels` computes products with a row or column operand the way NumPy's `dot` does
  /// (see `vectorProduct`); PyTorch and the layers keep `gemm`.
  public static func matmul(
    _ a: Tensor, _ b: Tensor, style: PromotionStyle = .numpy,
    vectorKernels: Bool = false
  ) throws -> Tensor {
    guard a.rank > 0 && b.rank > 0 else {
      throw TensorError(.shape, "matmul: Input operand does not have enough dimensions")
    }
    // 2*m*n*k per product: a's elements times b's columns (or b's times a's rows).
    let columns = Double(b.rank >= 2 ? b.shape[b.rank - 1] : 1)
    let rows = Double(a.rank >= 2 ? a.shape[a.rank - 2] : 1)
    let operations = 2 * Swift.max(Double(a.count) * columns, Double(b.count) * rows)
    let described = "matmul of \(shapeString(a.shape)) and \(shapeString(b.shape))"
    try TensorDeadline.check(operations: operations, described)
    if vectorKernels && a.rank == 1 && b.rank == 1 && a.shape == b.shape && a.count > 1
      && a.dtype == b.dtype && a.dtype.isFloatingPoint && a.strides[0] > 0 && b.strides[0] > 0
      && !needsGrad(a, b)
    {
      // Strided vectors go to ddot as they are: a copy would sum in the contiguous kernel's order.
      let out = Tensor(uninitialized: [], dtype: a.dtype)
      vectorProduct(a, (0, a.strides[0]), b, (b.strides[0], 0), m: 1, n: 1, k: a.count, out: out)
      return out
    }
    if a.rank == 1 && b.rank == 1 {
      guard a.shape[0] == b.shape[0] else {
        throw TensorError(
          .shape,
          "matmul: shapes \(shapeString(a.shape)) and \(shapeString(b.shape)) not aligned: "
            + "\(a.shape[0]) (dim 0) != \(b.shape[0]) (dim 0)")
      }
      return try matmul(
        a.reshaped([1, -1]), b.reshaped([-1, 1]), style: style, vectorKernels: vectorKernels
      ).reshaped([])
    }
    if a.rank == 1 {
      let r = try matmul(a.unsqueezed(0), b, style: style, vectorKernels: vectorKernels)
      return try r.squeezed(axes: [-2])
    }
    if b.rank == 1 {
      let r = try matmul(a, b.unsqueezed(1), style: style, vectorKernels: vectorKernels)
      return try r.squeezed(axes: [-1])
    }
    let m = a.shape[a.rank - 2], k = a.shape[a.rank - 1]
    let k2 = b.shape[b.rank - 2], n = b.shape[b.rank - 1]
    guard k == k2 else {
      throw TensorError(
        .shape,
        "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
          + "(n?,k),(k,m?)->(n?,m?) (size \(k2) is different from \(k)) for shapes "
          + "\(shapeString(a.shape)) and \(shapeString(b.shape))")
    }
    let batch = try broadcastShapes(
      Array(a.shape.dropLast(2)), Array(b.shape.dropLast(2)),
      op: "matmul")
    let ct = DType.promoted(a.dtype, b.dtype, style: style)
    let x = a.dtype == ct ? a.detached() : a.rawCopy(dtype: ct)
    let y = b.dtype == ct ? b.detached() : b.rawCopy(dtype: ct)
    var out: Tensor
    if ct.isFloatingPoint {
      let (x, y) = (x.blasReady(), y.blasReady())
      let product = Tensor(uninitialized: batch + [m, n], dtype: ct)
      out = product
      let xs = (x.strides[x.rank - 2], x.strides[x.rank - 1])
      let ys = (y.strides[y.rank - 2], y.strides[y.rank - 1])
      var xb: [Int] = [], yb: [Int] = []
      if !batch.isEmpty {
        xb = try Tensor(
          storage: x.storage, shape: Array(x.shape.dropLast(2)),
          strides: Array(x.strides.dropLast(2)), offset: x.offset
        )
        .broadcastStrides(to: batch, op: "matmul")
        yb = try Tensor(
          storage: y.storage, shape: Array(y.shape.dropLast(2)),
          strides: Array(y.strides.dropLast(2)), offset: y.offset
        )
        .broadcastStrides(to: batch, op: "matmul")
      }
      let (bx, by) = (xb, yb)
      // BLAS writes only `product`, which is dropped if the time limit abandons the call.
      try TensorDeadline.run(operations: operations, described) {
        let out = product
        if batch.isEmpty && vectorKernels && k > 1 && (m == 1 || n == 1) {
          vectorProduct(x, xs, y, ys, m: m, n: n, k: k, out: out)
        } else if batch.isEmpty {
          gemm(x, x.offset, xs, y, y.offset, ys, m: m, n: n, k: k, out: out, outOffset: 0)
        } else if y.rank == 2 && x.isContiguous {
          gemm(
            x, x.offset, (k, 1), y, y.offset, ys, m: x.count / Swift.max(k, 1), n: n, k: k,
            out: out, outOffset: 0)
        } else {
          let bst = contiguousStrides(batch)
          for i in 0..<batch.reduce(1, *) {
            var ox = x.offset, oy = y.offset, r = i
            for d in 0..<batch.count {
              let c = r / bst[d]
              r %= bst[d]
              ox += c * bx[d]
              oy += c * by[d]
            }
            gemm(x, ox, xs, y, oy, ys, m: m, n: n, k: k, out: out, outOffset: i * m * n)
          }
        }
      }
    } else {
      out = try integerMatmul(x, y, batch: batch, m: m, n: n, k: k)
    }
    if needsGrad(a, b) {
      let sa = a.shape, sb = b.shape
      let ga = gradMeta(a) != nil, gb = gradMeta(b) != nil
      let xd = a.detached(), yd = b.detached()
      out.record(a, b, "MmBackward0") { g in
        [
          ga ? try matmul(g, yd.transposed(-1, -2)).summed(toShape: sa) : nil,
          gb ? try matmul(xd.transposed(-1, -2), g).summed(toShape: sb) : nil,
        ]
      }
    }
    return out
  }

  static func integerMatmul(_ x: Tensor, _ y: Tensor, batch: [Int], m: Int, n: Int, k: Int) throws
    -> Tensor
  {
    let xe = try x.rawCopy(dtype: .int64).expanded(to: batch + [m, k]).rawCopy()
    let ye = try y.rawCopy(dtype: .int64).expanded(to: batch + [k, n]).rawCopy()
    let out = Tensor(zeros: batch + [m, n], dtype: .int64)
    let xp = xe.storage.pointer(Int64.self), yp = ye.storage.pointer(Int64.self)
    let op = out.storage.pointer(Int64.self)
    for bi in 0..<batch.reduce(1, *) {
      for i in 0..<m {
        // No BLAS for integers: this loop runs in Swift, and checks the time limit per row.
        try TensorDeadline.poll()
        for p in 0..<k {
          let v = xp[bi * m * k + i * k + p]
          for j in 0..<n { op[bi * m * n + i * n + j] &+= v &* yp[bi * k * n + p * n + j] }
        }
      }
    }
    return out.casted(to: x.dtype)
  }

  /// `self @ other`.
  public func matmul(_ other: Tensor) throws -> Tensor { try Tensor.matmul(self, other) }

  /// NumPy `dot` for operands of rank at most 2 on the right (scalars multiply).
  public static func dot(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    if a.rank == 0 || b.rank == 0 { return try a * b }
    guard b.rank <= 2 else {
      throw TensorError(.shape, "dot: only operands with rank <= 2 on the right are supported")
    }
    return try matmul(a, b, vectorKernels: true)
  }

  /// The outer product of two vectors (flattened first).
  public static func outer(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    try a.reshaped([-1, 1]) * b.reshaped([1, -1])
  }
}
