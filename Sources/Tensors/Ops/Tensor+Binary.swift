import Foundation

/// Binary elementwise operations with broadcasting.
public enum BinaryOp: String, Sendable, CaseIterable {
  case add, subtract, multiply, divide, floorDivide, remainder, power, maximum, minimum
  case equal, notEqual, less, lessEqual, greater, greaterEqual
  case logicalAnd, logicalOr, logicalXor, bitwiseAnd, bitwiseOr, bitwiseXor

  var isComparison: Bool {
    switch self {
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
    default: return false
    }
  }

  var isLogical: Bool { self == .logicalAnd || self == .logicalOr || self == .logicalXor }
  var isBitwise: Bool { self == .bitwiseAnd || self == .bitwiseOr || self == .bitwiseXor }
}

// MARK: - Kernels

@inline(__always)
func binaryKernel<T: TensorElement, R: TensorElement>(
  _ a: Tensor, _ b: Tensor, _ out: Tensor, _ f: (T, T) -> R
) {
  let ap = a.storage.pointer(T.self)
  let bp = b.storage.pointer(T.self)
  let op = out.storage.pointer(R.self)
  let n = out.count
  let outContiguous = out.isContiguous
  let aFull = outContiguous && a.shape == out.shape && a.isContiguous
  let bFull = outContiguous && b.shape == out.shape && b.isContiguous
  let z = op + out.offset
  if aFull && bFull {
    let x = ap + a.offset, y = bp + b.offset
    for i in 0..<n { z[i] = f(x[i], y[i]) }
    return
  }
  if aFull && b.count == 1 {
    let x = ap + a.offset, y = bp[b.offset]
    for i in 0..<n { z[i] = f(x[i], y) }
    return
  }
  if bFull && a.count == 1 {
    let x = ap[a.offset], y = bp + b.offset
    for i in 0..<n { z[i] = f(x, y[i]) }
    return
  }
  // Shapes were checked by the caller, so broadcasting cannot fail here.
  let sa = (try? a.broadcastStrides(to: out.shape, op: "")) ?? a.strides
  let sb = (try? b.broadcastStrides(to: out.shape, op: "")) ?? b.strides
  var rows = StridedRows(
    shape: out.shape, strides: [sa, sb, out.strides],
    offsets: [a.offset, b.offset, out.offset])
  let len = rows.length, si = rows.s0, sj = rows.s1, sk = rows.s2
  while rows.next() {
    let x = ap + rows.o0, y = bp + rows.o1, z = op + rows.o2
    // Unit-stride and broadcast rows get loops the compiler can vectorise.
    if sk == 1 && si == 1 && sj == 1 {
      for q in 0..<len { z[q] = f(x[q], y[q]) }
    } else if sk == 1 && si == 1 && sj == 0 {
      let c = y[0]
      for q in 0..<len { z[q] = f(x[q], c) }
    } else if sk == 1 && si == 0 && sj == 1 {
      let c = x[0]
      for q in 0..<len { z[q] = f(c, y[q]) }
    } else {
      for q in 0..<len { z[q * sk] = f(x[q * si], y[q * sj]) }
    }
  }
}

@inline(__always)
func compareKernel<T: NumericElement>(
  _ op: BinaryOp, _ a: Tensor, _ b: Tensor, _ out: Tensor,
  _ t: T.Type
) {
  switch op {
  case .equal: binaryKernel(a, b, out) { (x: T, y: T) in x == y }
  case .notEqual: binaryKernel(a, b, out) { (x: T, y: T) in x != y }
  case .less: binaryKernel(a, b, out) { (x: T, y: T) in x < y }
  case .lessEqual: binaryKernel(a, b, out) { (x: T, y: T) in x <= y }
  case .greater: binaryKernel(a, b, out) { (x: T, y: T) in x > y }
  case .greaterEqual: binaryKernel(a, b, out) { (x: T, y: T) in x >= y }
  default: break
  }
}

@inline(__always)
func pyFloorDivide<T: FloatElement>(_ a: T, _ b: T) -> T {
  // NumPy's npy_divmod, so results match bit for bit.
  if b == 0 { return a / b }
  let mod = a.truncatingRemainder(dividingBy: b)
  var div = (a - mod) / b
  if mod != 0 && ((b < 0) != (mod < 0)) { div -= 1 }
  if div != 0 {
    var floordiv = div.rounded(.down)
    if div - floordiv > 0.5 { floordiv += 1 }
    return floordiv
  }
  return T(signOf: a / b, magnitudeOf: 0)
}

@inline(__always)
func pyRemainder<T: FloatElement>(_ a: T, _ b: T) -> T {
  if b == 0 { return a.truncatingRemainder(dividingBy: b) }
  var mod = a.truncatingRemainder(dividingBy: b)
  if mod != 0 {
    if (b < 0) != (mod < 0) { mod += b }
  } else {
    mod = b < 0 ? -0.0 : 0.0
  }
  return mod
}

func floatBinary<T: FloatElement>(
  _ op: BinaryOp, _ a: Tensor, _ b: Tensor, _ out: Tensor,
  _ t: T.Type
) {
  switch op {
  case .add: binaryKernel(a, b, out) { (x: T, y: T) in x + y }
  case .subtract: binaryKernel(a, b, out) { (x: T, y: T) in x - y }
  case .multiply: binaryKernel(a, b, out) { (x: T, y: T) in x * y }
  case .divide: binaryKernel(a, b, out) { (x: T, y: T) in x / y }
  case .floorDivide: binaryKernel(a, b, out) { (x: T, y: T) in pyFloorDivide(x, y) }
  case .remainder: binaryKernel(a, b, out) { (x: T, y: T) in pyRemainder(x, y) }
  case .power: binaryKernel(a, b, out) { (x: T, y: T) in T.pow(x, y) }
  case .maximum: binaryKernel(a, b, out) { (x: T, y: T) in (x >= y || x.isNaN) ? x : y }
  case .minimum: binaryKernel(a, b, out) { (x: T, y: T) in (x <= y || x.isNaN) ? x : y }
  default: compareKernel(op, a, b, out, T.self)
  }
}

@inline(__always)
func intPower<T: IntElement>(_ base: T, _ exp: T) -> T {
  if exp < 0 {
    return base == 1 ? 1 : (T.isSigned && base == 0 &- 1 ? (exp & 1 == 0 ? 1 : base) : 0)
  }
  var result: T = 1, b = base, e = exp
  while e > 0 {
    if e & 1 == 1 { result = result &* b }
    b = b &* b
    e >>= 1
  }
  return result
}

func intBinary<T: IntElement>(
  _ op: BinaryOp, _ a: Tensor, _ b: Tensor, _ out: Tensor,
  _ t: T.Type
) {
  switch op {
  case .add: binaryKernel(a, b, out) { (x: T, y: T) in x &+ y }
  case .subtract: binaryKernel(a, b, out) { (x: T, y: T) in x &- y }
  case .multiply: binaryKernel(a, b, out) { (x: T, y: T) in x &* y }
  case .floorDivide:
    binaryKernel(a, b, out) { (x: T, y: T) -> T in
      if y == 0 { return 0 }
      if T.isSigned && y == 0 &- 1 { return 0 &- x }
      let q = x / y
      return (x % y != 0) && ((x < 0) != (y < 0)) ? q &- 1 : q
    }
  case .remainder:
    binaryKernel(a, b, out) { (x: T, y: T) -> T in
      if y == 0 || (T.isSigned && y == 0 &- 1) { return 0 }
      let r = x % y
      return r != 0 && ((r < 0) != (y < 0)) ? r &+ y : r
    }
  case .power: binaryKernel(a, b, out) { (x: T, y: T) in intPower(x, y) }
  case .maximum: binaryKernel(a, b, out) { (x: T, y: T) in Swift.max(x, y) }
  case .minimum: binaryKernel(a, b, out) { (x: T, y: T) in Swift.min(x, y) }
  case .bitwiseAnd: binaryKernel(a, b, out) { (x: T, y: T) in x & y }
  case .bitwiseOr: binaryKernel(a, b, out) { (x: T, y: T) in x | y }
  case .bitwiseXor: binaryKernel(a, b, out) { (x: T, y: T) in x ^ y }
  default: compareKernel(op, a, b, out, T.self)
  }
}

func boolBinary(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, _ out: Tensor) {
  switch op {
  case .add, .maximum, .logicalOr, .bitwiseOr:
    binaryKernel(a, b, out) { (x: Bool, y: Bool) in x || y }
  case .multiply, .minimum, .logicalAnd, .bitwiseAnd:
    binaryKernel(a, b, out) { (x: Bool, y: Bool) in x && y }
  case .logicalXor, .bitwiseXor, .notEqual: binaryKernel(a, b, out) { (x: Bool, y: Bool) in x != y }
  case .equal: binaryKernel(a, b, out) { (x: Bool, y: Bool) in x == y }
  case .less: binaryKernel(a, b, out) { (x: Bool, y: Bool) in !x && y }
  case .lessEqual: binaryKernel(a, b, out) { (x: Bool, y: Bool) in !x || y }
  case .greater: binaryKernel(a, b, out) { (x: Bool, y: Bool) in x && !y }
  case .greaterEqual: binaryKernel(a, b, out) { (x: Bool, y: Bool) in x || !y }
  default: break
  }
}

// MARK: - Dispatch

extension Tensor {
  /// The dtype the inputs are converted to before the op runs.
  static func computeType(_ op: BinaryOp, _ a: DType, _ b: DType, style: PromotionStyle) throws
    -> DType
  {
    if op.isLogical { return .bool }
    let t = DType.promoted(a, b, style: style)
    if op.isBitwise && t.isFloatingPoint {
      throw TensorError(
        .dtype, "ufunc '\(op.rawValue)' not supported for the input types (\(a), \(b))")
    }
    if op == .divide && !t.isFloatingPoint { return style.defaultFloat }
    if t == .bool {
      if op == .subtract {
        throw TensorError(
          .dtype,
          "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, "
            + "the `^` operator, or the logical_xor function instead.")
      }
      if [.floorDivide, .remainder, .power].contains(op) { return .int64 }
    }
    return t
  }

  /// Runs `op` on already-promoted operands of the same dtype, without autograd.
  static func binaryRaw(
    _ op: BinaryOp, _ a: Tensor, _ b: Tensor, computeType ct: DType,
    into destination: Tensor? = nil
  ) throws -> Tensor {
    let shape = try broadcastShapes(a.shape, b.shape, op: op.rawValue)
    let a = a.dtype == ct ? a : a.rawCopy(dtype: ct)
    let b = b.dtype == ct ? b : b.rawCopy(dtype: ct)
    let outType: DType = op.isComparison || op.isLogical ? .bool : ct
    let out: Tensor
    if let destination, destination.dtype == outType, destination.shape == shape {
      out = destination
    } else {
      out = Tensor(uninitializedLike: a, shape: shape, dtype: outType)
    }
    switch ct {
    case .float32: floatBinary(op, a, b, out, Float.self)
    case .float64: floatBinary(op, a, b, out, Double.self)
    case .int64: intBinary(op, a, b, out, Int64.self)
    case .int32: intBinary(op, a, b, out, Int32.self)
    case .uint8: intBinary(op, a, b, out, UInt8.self)
    case .bool: boolBinary(op, a, b, out)
    }
    return out
  }

  /// `op(a, b)` with broadcasting, NumPy/PyTorch type promotion and autograd.
  public static func binary(
    _ op: BinaryOp, _ a: Tensor, _ b: Tensor,
    style: PromotionStyle = .numpy
  ) throws -> Tensor {
    let ct = try computeType(op, a.dtype, b.dtype, style: style)
    var out = try binaryRaw(op, a, b, computeType: ct)
    if needsGrad(a, b) && out.dtype.isFloatingPoint { out.recordBinary(op, a, b) }
    return out
  }

  /// `op(a, scalar)` (or `op(scalar, a)` when `scalarFirst`): the scalar is weakly typed.
  public static func binary(
    _ op: BinaryOp, _ a: Tensor, _ s: Scalar, scalarFirst: Bool = false,
    style: PromotionStyle = .numpy
  ) throws -> Tensor {
    var ct = s.resultType(with: a.dtype, style: style)
    if op.isLogical { ct = .bool }
    if op == .divide && !ct.isFloatingPoint { ct = style.defaultFloat }
    if ct == .bool && op == .subtract {
      ct = try computeType(op, .bool, .bool, style: style)
    }
    if ct == .bool, [.floorDivide, .remainder, .power].contains(op) { ct = .int64 }
    let st = Tensor(scalar: s, dtype: ct)
    let (x, y) = scalarFirst ? (st, a) : (a, st)
    var out = try binaryRaw(op, x, y, computeType: ct)
    if needsGrad(a) && out.dtype.isFloatingPoint { out.recordBinary(op, x, y) }
    return out
  }

  mutating func recordBinary(_ op: BinaryOp, _ a: Tensor, _ b: Tensor) {
    if op.isComparison || op.isLogical || op.isBitwise { return }
    let ga = Tensor.gradMeta(a) != nil, gb = Tensor.gradMeta(b) != nil
    let sa = a.shape, sb = b.shape
    // Add and subtract save no inputs; the other cases save them detached.
    let name: String
    let fn: (Tensor) throws -> [Tensor?]
    switch op {
    case .add:
      name = "AddBackward0"
      fn = { g in [ga ? try g.summed(toShape: sa) : nil, gb ? try g.summed(toShape: sb) : nil] }
    case .subtract:
      name = "SubBackward0"
      fn = { g in
        [ga ? try g.summed(toShape: sa) : nil, gb ? try (-g).summed(toShape: sb) : nil]
      }
    case .multiply:
      let x = a.detached(), y = b.detached()
      name = "MulBackward0"
      fn = { g in
        [ga ? try (g * y).summed(toShape: sa) : nil, gb ? try (g * x).summed(toShape: sb) : nil]
      }
    case .divide:
      let x = a.detached(), y = b.detached()
      name = "DivBackward0"
      fn = { g in
        [
          ga ? try (g / y).summed(toShape: sa) : nil,
          gb ? try (-g * x / (y * y)).summed(toShape: sb) : nil,
        ]
      }
    case .power:
      let x = a.detached(), y = b.detached()
      name = "PowBackward1"
      let out = self.detached()
      fn = { g in
        var gx: Tensor? = nil, gy: Tensor? = nil
        if ga {
          let d = try y * Tensor.binary(.power, x, y - 1)
          gx = try (g * Tensor.where(y .== 0.0, Tensor(scalar: .double(0), dtype: g.dtype), d))
            .summed(toShape: sa)
        }
        if gb {
          let mask = try (x .== 0.0) & (y .>= 0.0)
          let d = try out * x.log()
          gy = try (g * Tensor.where(mask, Tensor(scalar: .double(0), dtype: g.dtype), d))
            .summed(toShape: sb)
        }
        return [gx, gy]
      }
    case .maximum, .minimum:
      let x = a.detached(), y = b.detached()
      name = op == .maximum ? "MaximumBackward0" : "MinimumBackward0"
      fn = { g in
        let aWins = op == .maximum ? try x .> y : try x .< y
        let tie = try x .== y
        let half = try g * 0.5
        let zero = Tensor(scalar: .double(0), dtype: g.dtype)
        var gx: Tensor? = nil, gy: Tensor? = nil
        if ga {
          gx = try Tensor.where(tie, half, Tensor.where(aWins, g, zero)).summed(toShape: sa)
        }
        if gb {
          let bWins = try tie.logicalNot() & aWins.logicalNot()
          gy = try Tensor.where(tie, half, Tensor.where(bWins, g, zero)).summed(toShape: sb)
        }
        return [gx, gy]
      }
    default:
      let x = a.detached(), y = b.detached()
      // floor division and remainder are piecewise constant / identity almost everywhere.
      name = op == .remainder ? "RemainderBackward0" : "FloorDivideBackward0"
      fn = { g in
        if op == .remainder {
          return [
            ga ? try g.summed(toShape: sa) : nil,
            gb ? try (-g * Tensor.binary(.floorDivide, x, y)).summed(toShape: sb) : nil,
          ]
        }
        return [
          ga ? Tensor.zeros(sa, dtype: g.dtype) : nil, gb ? Tensor.zeros(sb, dtype: g.dtype) : nil,
        ]
      }
    }
    record(a, b, name, fn)
  }

  /// Elements from `a` where `condition` holds, else from `b` (all three broadcast).
  public static func `where`(
    _ condition: Tensor, _ a: Tensor, _ b: Tensor,
    style: PromotionStyle = .numpy
  ) throws -> Tensor {
    let shape = try broadcastShapes(
      broadcastShapes(condition.shape, a.shape, op: "where"), b.shape, op: "where")
    let ct = DType.promoted(a.dtype, b.dtype, style: style)
    let c = condition.dtype == .bool ? condition : condition.rawCopy(dtype: .bool)
    let x = a.dtype == ct ? a : a.rawCopy(dtype: ct)
    let y = b.dtype == ct ? b : b.rawCopy(dtype: ct)
    let out = Tensor(uninitialized: shape, dtype: ct)
    let sc = try c.broadcastStrides(to: shape, op: "where")
    let sx = try x.broadcastStrides(to: shape, op: "where")
    let sy = try y.broadcastStrides(to: shape, op: "where")
    func run<T: TensorElement>(_ t: T.Type) {
      let cp = c.storage.pointer(Bool.self), xp = x.storage.pointer(T.self)
      let yp = y.storage.pointer(T.self), op = out.storage.pointer(T.self)
      forEachRow(
        shape: shape, strides: [sc, sx, sy, out.strides],
        offsets: [c.offset, x.offset, y.offset, 0]
      ) { o, n, st in
        var i = o[0], j = o[1], k = o[2], l = o[3]
        for _ in 0..<n {
          op[l] = cp[i] ? xp[j] : yp[k]
          i += st[0]; j += st[1]; k += st[2]; l += st[3]
        }
      }
    }
    switch ct {
    case .bool: run(Bool.self)
    case .uint8: run(UInt8.self)
    case .int32: run(Int32.self)
    case .int64: run(Int64.self)
    case .float32: run(Float.self)
    case .float64: run(Double.self)
    }
    var result = out
    if needsGrad(a, b) {
      let ga = gradMeta(a) != nil, gb = gradMeta(b) != nil
      let sa = a.shape, sb = b.shape, cond = c.detached()
      result.record(a, b, "WhereBackward0") { g in
        let zero = Tensor(scalar: .double(0), dtype: g.dtype)
        return [
          ga ? try Tensor.where(cond, g, zero).summed(toShape: sa) : nil,
          gb ? try Tensor.where(cond, zero, g).summed(toShape: sb) : nil,
        ]
      }
    }
    return result
  }
}

// MARK: - Operators

extension Tensor {
  public static func + (a: Tensor, b: Tensor) throws -> Tensor { try binary(.add, a, b) }
  public static func - (a: Tensor, b: Tensor) throws -> Tensor { try binary(.subtract, a, b) }
  public static func * (a: Tensor, b: Tensor) throws -> Tensor { try binary(.multiply, a, b) }
  public static func / (a: Tensor, b: Tensor) throws -> Tensor { try binary(.divide, a, b) }
  public static func % (a: Tensor, b: Tensor) throws -> Tensor { try binary(.remainder, a, b) }

  public static func + (a: Tensor, b: Double) throws -> Tensor { try binary(.add, a, .double(b)) }
  public static func - (a: Tensor, b: Double) throws -> Tensor {
    try binary(.subtract, a, .double(b))
  }
  public static func * (a: Tensor, b: Double) throws -> Tensor {
    try binary(.multiply, a, .double(b))
  }
  public static func / (a: Tensor, b: Double) throws -> Tensor {
    try binary(.divide, a, .double(b))
  }
  public static func + (a: Double, b: Tensor) throws -> Tensor {
    try binary(.add, b, .double(a), scalarFirst: true)
  }
  public static func - (a: Double, b: Tensor) throws -> Tensor {
    try binary(.subtract, b, .double(a), scalarFirst: true)
  }
  public static func * (a: Double, b: Tensor) throws -> Tensor {
    try binary(.multiply, b, .double(a), scalarFirst: true)
  }
  public static func / (a: Double, b: Tensor) throws -> Tensor {
    try binary(.divide, b, .double(a), scalarFirst: true)
  }
  public static func + (a: Tensor, b: Int) throws -> Tensor { try binary(.add, a, .int(Int64(b))) }
  public static func - (a: Tensor, b: Int) throws -> Tensor {
    try binary(.subtract, a, .int(Int64(b)))
  }
  public static func * (a: Tensor, b: Int) throws -> Tensor {
    try binary(.multiply, a, .int(Int64(b)))
  }
  public static func / (a: Tensor, b: Int) throws -> Tensor {
    try binary(.divide, a, .int(Int64(b)))
  }
  public static func - (a: Int, b: Tensor) throws -> Tensor {
    try binary(.subtract, b, .int(Int64(a)), scalarFirst: true)
  }

  public static func .== (a: Tensor, b: Tensor) throws -> Tensor { try binary(.equal, a, b) }
  public static func .!= (a: Tensor, b: Tensor) throws -> Tensor { try binary(.notEqual, a, b) }
  public static func .< (a: Tensor, b: Tensor) throws -> Tensor { try binary(.less, a, b) }
  public static func .<= (a: Tensor, b: Tensor) throws -> Tensor { try binary(.lessEqual, a, b) }
  public static func .> (a: Tensor, b: Tensor) throws -> Tensor { try binary(.greater, a, b) }
  public static func .>= (a: Tensor, b: Tensor) throws -> Tensor {
    try binary(.greaterEqual, a, b)
  }
  public static func .== (a: Tensor, b: Double) throws -> Tensor {
    try binary(.equal, a, .double(b))
  }
  public static func .!= (a: Tensor, b: Double) throws -> Tensor {
    try binary(.notEqual, a, .double(b))
  }
  public static func .< (a: Tensor, b: Double) throws -> Tensor { try binary(.less, a, .double(b)) }
  public static func .<= (a: Tensor, b: Double) throws -> Tensor {
    try binary(.lessEqual, a, .double(b))
  }
  public static func .> (a: Tensor, b: Double) throws -> Tensor {
    try binary(.greater, a, .double(b))
  }
  public static func .>= (a: Tensor, b: Double) throws -> Tensor {
    try binary(.greaterEqual, a, .double(b))
  }
  public static func & (a: Tensor, b: Tensor) throws -> Tensor {
    try binary(a.dtype == .bool && b.dtype == .bool ? .logicalAnd : .bitwiseAnd, a, b)
  }
  public static func | (a: Tensor, b: Tensor) throws -> Tensor {
    try binary(a.dtype == .bool && b.dtype == .bool ? .logicalOr : .bitwiseOr, a, b)
  }

  /// Elementwise maximum, propagating NaN.
  public func maximum(_ other: Tensor) throws -> Tensor { try Tensor.binary(.maximum, self, other) }
  /// Elementwise minimum, propagating NaN.
  public func minimum(_ other: Tensor) throws -> Tensor { try Tensor.binary(.minimum, self, other) }
  /// Elementwise power.
  public func pow(_ exponent: Tensor) throws -> Tensor { try Tensor.binary(.power, self, exponent) }
  /// Elementwise power with a scalar exponent.
  public func pow(_ exponent: Double) throws -> Tensor {
    try Tensor.binary(.power, self, .double(exponent))
  }

  /// Limits values to `[min, max]` (either bound optional); NaN stays NaN.
  public func clipped(min lo: Double? = nil, max hi: Double? = nil) throws -> Tensor {
    var r = self
    if let lo { r = try Tensor.binary(.maximum, r.detached(), .double(lo)) }
    if let hi { r = try Tensor.binary(.minimum, r.detached(), .double(hi)) }
    if Tensor.needsGrad(self) {
      let x = self.detached()
      // PyTorch's names for the three overloads' gradients.
      let name =
        lo == nil ? "ClampMaxBackward0" : hi == nil ? "ClampMinBackward0" : "ClampBackward1"
      r.recordUnary(self, name) { g in
        var mask = Tensor.full(x.shape, .bool(true), dtype: .bool)
        if let lo { mask = try mask & (x .>= lo) }
        if let hi { mask = try mask & (x .<= hi) }
        return [try Tensor.where(mask, g, Tensor(scalar: .double(0), dtype: g.dtype))]
      }
    }
    return r
  }
}
