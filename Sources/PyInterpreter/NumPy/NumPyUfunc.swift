import Foundation
import Tensors

extension NumPySignatures {
  /// Float ufuncs computed element by element with the C library's functions (NumPy's own
  /// loops call the same ones for float64; float32 uses the `f` variants, as NumPy does).
  static let floatUnaryUfuncs = [
    "arcsin", "arccos", "arctan", "sinh", "cosh", "arcsinh", "arccosh", "arctanh", "exp2",
    "cbrt", "degrees", "radians", "deg2rad", "rad2deg", "fabs",
  ]
  static let floatBinaryUfuncs = ["arctan2", "hypot", "copysign", "logaddexp", "logaddexp2"]

  /// `numpy.ufunc`'s methods, as its docstrings state them (inspect cannot read them).
  static let ufunc = SignatureTable(
    "numpy.ufunc", methods: true,
    """
    [ufunc] reduce(array, axis=0, ~dtype=None, ~out=None, keepdims=False, ~initial=<no value>,
      ~where=True)
    [ufunc] accumulate(array, axis=0, ~dtype=None, ~out=None)
    [ufunc] outer(A, B, /, **~kwargs)
    [ufunc] at(a, indices, b=None, /)
    [ufunc] reduceat(array, indices, axis=0, ~dtype=None, ~out=None)
    """)

  /// Ufuncs added beside the first table: the float functions and `trunc`.
  static let ufuncFunctions = SignatureTable(
    "numpy",
    (["trunc"] + floatUnaryUfuncs).map { "[ufunc] \($0)(x, /, \(ufuncKeywords))\n" }.joined()
      + floatBinaryUfuncs.map { "[ufunc] \($0)(x1, x2, /, \(ufuncKeywords))\n" }.joined())
}

/// A NumPy ufunc: calling it is the function; `reduce`, `accumulate`, `outer`, `at` and
/// `reduceat` apply it along an axis, across two arrays, or in place at indices.
final class UFunc: PyNativeObject {
  let name: String
  /// The function itself (its declared signature binds the call).
  let function: PyBuiltin
  /// The tensor op for the methods' fast paths and `at`, when the engine has one.
  let op: BinaryOp?
  let inputs: Int
  unowned let numpy: NumPyContext

  init(_ name: String, _ function: PyBuiltin, op: BinaryOp?, inputs: Int, numpy: NumPyContext) {
    self.name = name
    self.function = function
    self.op = op
    self.inputs = inputs
    self.numpy = numpy
  }

  var typeName: String { "ufunc" }

  func repr() throws -> String { "<ufunc '\(displayName)'>" }

  /// NumPy's own name (`np.mod` is `remainder`, `np.abs` is `absolute`).
  var displayName: String {
    switch name {
    case "mod": return "remainder"
    case "abs": return "absolute"
    default: return name
    }
  }

  func call(_ args: [PyValue], _ kwargs: KeywordArguments) throws -> PyValue {
    try numpy.rt.call(.builtin(function), args, kwargs)
  }

  /// `self(x, y)` on two arrays, as the function computes it.
  func apply(_ x: PyValue, _ y: PyValue) throws -> PyValue {
    try numpy.rt.call(.builtin(function), [x, y], [])
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "__name__": return .str(displayName)
    case "nin": return .int(inputs)
    case "nout": return .int(1)
    case "nargs": return .int(inputs + 1)
    case "identity":
      switch op {
      case .add?, .logicalOr?, .logicalXor?: return .int(0)
      case .multiply?, .logicalAnd?: return .int(1)
      default: return PyValue.none
      }
    case "reduce", "accumulate", "outer", "at", "reduceat":
      let body: BoundFunction
      switch name {
      case "reduce": body = { [unowned self] a in try reduce(a) }
      case "accumulate": body = { [unowned self] a in try accumulate(a) }
      case "outer": body = { [unowned self] a in try outer(a) }
      case "at": body = { [unowned self] a in try at(a) }
      default: body = { [unowned self] a in try reduceAt(a) }
      }
      let signature = NumPySignatures.ufunc.signature(name)
      return .builtin(PyBuiltin(signature, body))
    default: return nil
    }
  }

  private func binaryOnly(_ method: String) throws {
    if inputs != 2 {
      throw PyException(.valueError, "\(method) only supported for binary functions")
    }
  }

  /// What `reduce` folds with when the engine has no reduction of its own for this ufunc:
  /// refused where NumPy's answer has rules the fold does not follow (comparisons).
  private func checkFoldable(_ method: String) throws {
    if let op, op.isComparisonOp {
      throw PyException(
        .notImplementedError,
        "numpy.\(displayName).\(method) is not supported in journal cells")
    }
  }

  private func noIdentity(_ method: String) -> PyException {
    PyException(
      .valueError,
      "zero-size array to reduction operation \(displayName) which has no identity")
  }

  /// The slices of `t` along `axis`, each as an array value.
  private func slices(_ t: Tensor, axis: Int) throws -> [PyValue] {
    try (0..<t.shape[axis]).map { i in
      numpy.wrap(
        try bridged { try t.narrowed(axis: axis, start: i, length: 1).squeezed(axes: [axis]) })
    }
  }

  private func reduce(_ a: Arguments) throws -> PyValue {
    try binaryOnly("reduce")
    let t = try numpy.tensor(try a.required("array"))
    let keepDims = try numpy.flag(a.value("keepdims"))
    // axis=None: every axis; a tuple: those axes (only where the reduction is associative).
    let axisValue = a.value("axis")
    let axes: [Int]
    if let axisValue, numpy.isNone(axisValue) {
      axes = Array(0..<t.rank)
    } else if let axisValue {
      axes = try numpy.axes(axisValue, rank: t.rank) ?? []
    } else {
      guard t.rank > 0 else {
        throw PyException(.axisError, "axis 0 is out of bounds for array of dimension 0")
      }
      axes = [0]
    }
    let fast: ((Tensor, [Int]) throws -> Tensor)?
    switch op {
    case .add?:
      try numpy.refuseUnsigned64("add.reduce", t.dtype)
      fast = { try $0.sum(axes: $1, keepDims: keepDims) }
    case .multiply?:
      try numpy.refuseUnsigned64("multiply.reduce", t.dtype)
      fast = { try $0.prod(axes: $1, keepDims: keepDims) }
    case .maximum?: fast = { try $0.max(axes: $1, keepDims: keepDims) }
    case .minimum?: fast = { try $0.min(axes: $1, keepDims: keepDims) }
    case .logicalAnd?: fast = { try $0.casted(to: .bool).all(axes: $1, keepDims: keepDims) }
    case .logicalOr?: fast = { try $0.casted(to: .bool).any(axes: $1, keepDims: keepDims) }
    default: fast = nil
    }
    if let fast {
      if (op == .maximum || op == .minimum), axes.contains(where: { t.shape[$0] == 0 }) {
        throw noIdentity("reduce")
      }
      return numpy.wrap(try bridged { try fast(t, axes) })
    }
    try checkFoldable("reduce")
    if t.rank == 0 { return numpy.wrap(t) }
    guard axes.count == 1 else {
      throw PyException(
        .valueError,
        "reduction operation '\(displayName)' is not reorderable, so at most one axis may be "
          + "specified")
    }
    let axis = axes[0]
    let parts = try slices(t, axis: axis)
    guard var result = parts.first else { throw noIdentity("reduce") }
    for part in parts.dropFirst() { result = try apply(result, part) }
    if keepDims, case .native(let r as NDArray) = result {
      return numpy.wrap(try bridged { try r.tensor.unsqueezed(axis) })
    }
    return result
  }

  private func accumulate(_ a: Arguments) throws -> PyValue {
    try binaryOnly("accumulate")
    try checkFoldable("accumulate")
    var t = try numpy.tensor(try a.required("array"))
    if t.rank == 0 {
      throw PyException(.valueError, "cannot accumulate on a scalar")
    }
    let axisValue = a.value("axis")
    if let axisValue, numpy.isNone(axisValue) {
      guard t.rank == 1 else {
        throw PyException(.valueError, "accumulate does not allow multiple axes")
      }
    }
    let axis =
      try axisValue.flatMap { numpy.isNone($0) ? 0 : try numpy.singleAxis($0, rank: t.rank) } ?? 0
    if t.shape[axis] == 0 { return numpy.array(t.clone()) }
    if op == .add {
      try numpy.refuseUnsigned64("add.accumulate", t.dtype)
      if t.dtype == .bool { t = t.casted(to: .int64) }
      return numpy.array(try bridged { try t.cumsum(axis: axis) })
    }
    var running = try slices(t, axis: axis)
    for i in 1..<running.count { running[i] = try apply(running[i - 1], running[i]) }
    let parts = try running.map { v -> Tensor in
      try bridged { try numpy.tensor(v).unsqueezed(axis) }
    }
    return numpy.array(try bridged { try Tensor.concatenate(parts, axis: axis) })
  }

  private func outer(_ a: Arguments) throws -> PyValue {
    try binaryOnly("outer")
    let x = try numpy.tensor(try a.required("A"))
    let y = try numpy.tensor(try a.required("B"))
    let xs = try bridged { try x.reshaped(x.shape + Array(repeating: 1, count: y.rank)) }
    return try apply(numpy.array(xs), numpy.array(y))
  }

  /// `ufunc.at(a, indices, b)`: unbuffered, so an index given twice is applied twice, in order.
  private func at(_ a: Arguments) throws -> PyValue {
    try binaryOnly("at")
    guard case .native(let target as NDArray) = try a.required("a"), !target.isScalar else {
      throw PyException(.typeError, "first operand must be array")
    }
    guard let op, [.add, .subtract, .multiply, .maximum, .minimum].contains(op) else {
      throw PyException(
        .notImplementedError, "numpy.\(displayName).at is not supported in journal cells")
    }
    guard let b = a.value("b"), !numpy.isNone(b) else {
      throw PyException(.valueError, "second operand needed for ufunc")
    }
    let t = target.tensor
    let positions = try bridged {
      try Tensor.arange(.int(0), .int(Int64(t.count)), step: .int(1), dtype: .int64)
        .reshaped(t.shape).item(try numpy.indices(try a.required("indices")))
    }
    let values = try numpy.tensor(b)
    // NumPy 2.4's `at` writes into a read-only array regardless; the engine will not.
    guard target.writeable else {
      throw PyException(
        .notImplementedError,
        "numpy.\(displayName).at of a read-only array is not supported in journal cells")
    }
    let type = try numpy.binaryResultType(op, .native(target), b)
    try numpy.checkOutCast(displayName, type, out: .native(target))
    let spread = try bridged { try values.expanded(to: positions.shape).contiguous() }
    let flat = try bridged { try t.contiguous().reshaped([-1]).clone() }
    let where_ = positions.contiguous().int64s
    if t.dtype.isFloatingPoint {
      var data = flat.casted(to: .float64).contiguous().doubles
      let bs = spread.casted(to: .float64).doubles
      let round: (Double) -> Double = t.dtype == .float32 ? { Double(Float($0)) } : { $0 }
      for (k, p) in where_.enumerated() {
        let i = Int(p)
        let x = data[i]
        let y = round(bs[k])
        switch op {
        case .add: data[i] = round(x + y)
        case .subtract: data[i] = round(x - y)
        case .multiply: data[i] = round(x * y)
        case .maximum: data[i] = x.isNaN || y.isNaN ? .nan : Swift.max(x, y)
        default: data[i] = x.isNaN || y.isNaN ? .nan : Swift.min(x, y)
        }
      }
      let r = try bridged { try Tensor(data, shape: t.shape).casted(to: t.dtype) }
      try bridged { try target.tensor.copyInPlace(from: r) }
    } else {
      guard !spread.dtype.isFloatingPoint else {
        throw PyException(
          .ufuncTypeError,
          "Cannot cast ufunc '\(displayName)' output from dtype('float64') to "
            + "dtype('\(t.dtype)') with casting rule 'same_kind'")
      }
      var data = flat.casted(to: .int64).contiguous().int64s
      let bs = spread.casted(to: .int64).int64s
      for (k, p) in where_.enumerated() {
        let i = Int(p)
        switch op {
        case .add: data[i] = data[i] &+ bs[k]
        case .subtract: data[i] = data[i] &- bs[k]
        case .multiply: data[i] = data[i] &* bs[k]
        case .maximum: data[i] = Swift.max(data[i], bs[k])
        default: data[i] = Swift.min(data[i], bs[k])
        }
      }
      // Wrapping, as NumPy's fixed-width integers wrap.
      let r = try bridged { try Tensor(data, shape: t.shape).casted(to: t.dtype) }
      try bridged { try target.tensor.copyInPlace(from: r) }
    }
    return .none
  }

  private func reduceAt(_ a: Arguments) throws -> PyValue {
    try binaryOnly("reduceat")
    try checkFoldable("reduceat")
    let t = try numpy.tensor(try a.required("array"))
    let idx = try numpy.tensor(try a.required("indices"))
    guard !idx.dtype.isFloatingPoint, idx.rank <= 1 else {
      throw PyException(
        .typeError, "Cannot cast array data from dtype('float64') to dtype('int64')")
    }
    let indices = idx.casted(to: .int64).contiguous().int64s.map(Int.init)
    let axis = try numpy.singleAxis(a.value("axis") ?? .int(0), rank: t.rank) ?? 0
    let n = t.shape[axis]
    var parts: [Tensor] = []
    for (k, start) in indices.enumerated() {
      guard start >= 0 && start < n else {
        throw PyException(
          .indexError, "index \(start) out-of-bounds in \(displayName).reduceat [0, \(n))")
      }
      let end = k + 1 < indices.count ? indices[k + 1] : n
      var piece: Tensor
      if start < end {
        let slice = try bridged { try t.narrowed(axis: axis, start: start, length: end - start) }
        var result = try slices(slice, axis: axis)[0]
        if op == .add {
          result = numpy.wrap(try bridged { try slice.sum(axes: [axis], keepDims: false) })
        } else {
          for part in try slices(slice, axis: axis).dropFirst() { result = try apply(result, part) }
        }
        piece = try numpy.tensor(result)
      } else {
        piece = try bridged {
          try t.narrowed(axis: axis, start: start, length: 1).squeezed(axes: [axis])
        }
      }
      parts.append(try bridged { try piece.unsqueezed(axis) })
    }
    let r = try bridged { try Tensor.concatenate(parts, axis: axis) }
    return numpy.array(op == .add && r.dtype == .bool ? r.casted(to: .int64) : r)
  }
}

extension NumPyContext {
  /// Turns the binary ufunc builtins into ufunc objects and adds the float ufuncs.
  func defineUfuncs(in m: PyModule) {
    let binaries: [String: BinaryOp] = [
      "maximum": .maximum, "minimum": .minimum, "add": .add, "subtract": .subtract,
      "multiply": .multiply, "divide": .divide, "power": .power, "mod": .remainder,
      "floor_divide": .floorDivide, "equal": .equal, "not_equal": .notEqual, "less": .less,
      "greater": .greater, "less_equal": .lessEqual, "greater_equal": .greaterEqual,
      "logical_and": .logicalAnd, "logical_or": .logicalOr, "logical_xor": .logicalXor,
    ]
    func def(_ name: String, _ body: @escaping BoundFunction) {
      define(name, in: NumPySignatures.ufuncFunctions, of: m, body)
    }
    def("trunc") { a in
      let t = try self.tensor(try a.required("x"))
      let r = t.dtype.isFloatingPoint ? try self.floatMap(t) { Foundation.trunc($0) } : t.clone()
      return try self.ufuncResult("trunc", r, out: a.value("out"))
    }
    let unary: [String: (Double) -> Double] = [
      "arcsin": asin, "arccos": acos, "arctan": atan, "sinh": sinh, "cosh": cosh,
      "arcsinh": asinh, "arccosh": acosh, "arctanh": atanh, "exp2": exp2, "cbrt": cbrt,
      "fabs": fabs,
      "degrees": { $0 * (180.0 / Double.pi) }, "rad2deg": { $0 * (180.0 / Double.pi) },
      "radians": { $0 * (Double.pi / 180.0) }, "deg2rad": { $0 * (Double.pi / 180.0) },
    ]
    let unary32: [String: (Float) -> Float] = [
      "arcsin": asinf, "arccos": acosf, "arctan": atanf, "sinh": sinhf, "cosh": coshf,
      "arcsinh": asinhf, "arccosh": acoshf, "arctanh": atanhf, "exp2": exp2f, "cbrt": cbrtf,
      "fabs": fabsf,
      "degrees": { $0 * (180.0 / Float.pi) }, "rad2deg": { $0 * (180.0 / Float.pi) },
      "radians": { $0 * (Float.pi / 180.0) }, "deg2rad": { $0 * (Float.pi / 180.0) },
    ]
    for name in NumPySignatures.floatUnaryUfuncs {
      guard let f = unary[name], let f32 = unary32[name] else { continue }
      def(name) { a in
        let t = try self.tensor(try a.required("x"))
        try self.refuseHalf(name, t.dtype)
        return try self.ufuncResult(name, try self.floatMap(t, f32: f32, f), out: a.value("out"))
      }
    }
    let binary: [String: (Double, Double) -> Double] = [
      "arctan2": atan2, "hypot": hypot, "copysign": copysign,
      "logaddexp": { NumPyContext.logAddExp($0, $1) },
      "logaddexp2": { NumPyContext.logAddExp2($0, $1) },
    ]
    let binary32: [String: (Float, Float) -> Float] = [
      "arctan2": atan2f, "hypot": hypotf, "copysign": copysignf,
      "logaddexp": { NumPyContext.logAddExp($0, $1) },
      "logaddexp2": { NumPyContext.logAddExp2($0, $1) },
    ]
    for name in NumPySignatures.floatBinaryUfuncs {
      guard let f = binary[name], let f32 = binary32[name] else { continue }
      def(name) { a in
        let (x, y) = try self.weakPair(try a.required("x1"), try a.required("x2"))
        let type = DType.promoted(x.dtype, y.dtype)
        try self.refuseHalf(name, type)
        let shape = try bridged { try Tensor.broadcastShapes(x.shape, y.shape) }
        let xs = try bridged { try x.casted(to: .float64).expanded(to: shape).contiguous().doubles }
        let ys = try bridged { try y.casted(to: .float64).expanded(to: shape).contiguous().doubles }
        let r: Tensor
        if type == .float32 {
          let v = zip(xs, ys).map { Double(f32(Float($0), Float($1))) }
          r = try bridged { try Tensor(v, shape: shape).casted(to: .float32) }
        } else {
          r = try bridged { try Tensor(zip(xs, ys).map(f), shape: shape) }
        }
        return try self.ufuncResult(name, r, out: a.value("out"))
      }
    }
    for name in NumPySignatures.binaryUfuncs + NumPySignatures.floatBinaryUfuncs {
      guard case .builtin(let f)? = m[name] else { continue }
      m[name] = .native(UFunc(name, f, op: binaries[name], inputs: 2, numpy: self))
    }
    for name in NumPySignatures.unaryUfuncs + ["trunc"] + NumPySignatures.floatUnaryUfuncs {
      guard case .builtin(let f)? = m[name] else { continue }
      m[name] = .native(UFunc(name, f, op: nil, inputs: 1, numpy: self))
    }
    // NumPy's aliases are the same ufunc objects.
    m["true_divide"] = m["divide"]
    m["remainder"] = m["mod"]
  }

  /// NumPy gives float16 for these functions of bool and uint8, which the engine cannot hold.
  func refuseHalf(_ name: String, _ d: DType) throws {
    if d == .bool || d == .uint8 {
      throw PyException(
        .notImplementedError,
        "numpy.\(name) of a \(d) array (a float16 result) is not supported in journal cells")
    }
  }

  /// `f` of every element: float32 stays float32 (through `f32`), anything else is float64.
  func floatMap(
    _ t: Tensor, f32: ((Float) -> Float)? = nil, _ f: (Double) -> Double
  ) throws -> Tensor {
    let xs = t.casted(to: .float64).contiguous().doubles
    if t.dtype == .float32 {
      let values = xs.map { x in Double(f32.map { $0(Float(x)) } ?? Float(f(x))) }
      return try bridged { try Tensor(values, shape: t.shape) }.casted(to: .float32)
    }
    return try bridged { try Tensor(xs.map(f), shape: t.shape) }
  }

  /// `npy_logaddexp`.
  static func logAddExp(_ x: Double, _ y: Double) -> Double {
    if x == y { return x + M_LN2 }
    let d = x - y
    if d > 0 { return x + log1p(exp(-d)) }
    if d <= 0 { return y + log1p(exp(d)) }
    return d
  }

  /// `npy_logaddexpf`.
  static func logAddExp(_ x: Float, _ y: Float) -> Float {
    if x == y { return x + Float(M_LN2) }
    let d = x - y
    if d > 0 { return x + log1pf(expf(-d)) }
    if d <= 0 { return y + log1pf(expf(d)) }
    return d
  }

  /// `npy_logaddexp2`: `npy_log2_1p` is `LOG2E * log1p`.
  static func logAddExp2(_ x: Double, _ y: Double) -> Double {
    if x == y { return x + 1 }
    let d = x - y
    if d > 0 { return x + M_LOG2E * log1p(exp2(-d)) }
    if d <= 0 { return y + M_LOG2E * log1p(exp2(d)) }
    return d
  }

  /// `npy_logaddexp2f`.
  static func logAddExp2(_ x: Float, _ y: Float) -> Float {
    if x == y { return x + 1 }
    let d = x - y
    if d > 0 { return x + Float(M_LOG2E) * log1pf(exp2f(-d)) }
    if d <= 0 { return y + Float(M_LOG2E) * log1pf(exp2f(d)) }
    return d
  }
}
