import Foundation

/// Unary elementwise operations.
public enum UnaryOp: String, Sendable, CaseIterable {
  case negative, abs, sign, exp, log, log2, log10, sqrt, square, tanh, sigmoid, relu
  case sin, cos, tan, reciprocal, floor, ceil, round, log1p, expm1
  case logicalNot, isnan, isinf, isfinite

  /// Ops whose result is always floating point (integers are converted first).
  var needsFloat: Bool {
    switch self {
    case .exp, .log, .log2, .log10, .sqrt, .tanh, .sigmoid, .sin, .cos, .tan, .reciprocal,
      .log1p, .expm1:
      return true
    default: return false
    }
  }

  /// PyTorch's `grad_fn` name for this op.
  var backwardName: String {
    switch self {
    case .negative: return "NegBackward0"
    case .exp: return "ExpBackward0"
    case .log: return "LogBackward0"
    case .tanh: return "TanhBackward0"
    case .sigmoid: return "SigmoidBackward0"
    case .relu: return "ReluBackward0"
    case .sqrt: return "SqrtBackward0"
    case .abs: return "AbsBackward0"
    case .sin: return "SinBackward0"
    case .cos: return "CosBackward0"
    default: return rawValue.prefix(1).uppercased() + rawValue.dropFirst() + "Backward0"
    }
  }

  var returnsBool: Bool {
    self == .logicalNot || self == .isnan || self == .isinf || self == .isfinite
  }
}

@inline(__always)
func unaryKernel<T: TensorElement, R: TensorElement>(_ a: Tensor, _ out: Tensor, _ f: (T) -> R) {
  let ap = a.storage.pointer(T.self)
  let op = out.storage.pointer(R.self)
  if a.isContiguous {
    let x = ap + a.offset
    for i in 0..<out.count { op[i] = f(x[i]) }
    return
  }
  var rows = StridedRows(
    shape: out.shape, strides: [a.strides, out.strides],
    offsets: [a.offset, 0])
  let len = rows.length, si = rows.s0, sk = rows.s1
  while rows.next() {
    let x = ap + rows.o0, z = op + rows.o1
    for q in 0..<len { z[q * sk] = f(x[q * si]) }
  }
}

func floatUnary<T: FloatElement>(_ op: UnaryOp, _ a: Tensor, _ out: Tensor, _ t: T.Type) {
  switch op {
  case .negative: unaryKernel(a, out) { (x: T) in -x }
  case .abs: unaryKernel(a, out) { (x: T) in Swift.abs(x) }
  case .sign: unaryKernel(a, out) { (x: T) -> T in x > 0 ? 1 : (x < 0 ? -1 : x) }
  case .exp: unaryKernel(a, out) { (x: T) in T.exp(x) }
  case .log: unaryKernel(a, out) { (x: T) in T.log(x) }
  case .log2: unaryKernel(a, out) { (x: T) in T(fromDouble: Foundation.log2(x.asDouble)) }
  case .log10: unaryKernel(a, out) { (x: T) in T(fromDouble: Foundation.log10(x.asDouble)) }
  case .sqrt: unaryKernel(a, out) { (x: T) in x.squareRoot() }
  case .square: unaryKernel(a, out) { (x: T) in x * x }
  case .tanh: unaryKernel(a, out) { (x: T) in T.tanh(x) }
  case .sigmoid: unaryKernel(a, out) { (x: T) in 1 / (1 + T.exp(-x)) }
  case .relu: unaryKernel(a, out) { (x: T) in x > 0 || x.isNaN ? x : 0 }
  case .sin: unaryKernel(a, out) { (x: T) in T.sin(x) }
  case .cos: unaryKernel(a, out) { (x: T) in T.cos(x) }
  case .tan: unaryKernel(a, out) { (x: T) in T(fromDouble: Foundation.tan(x.asDouble)) }
  case .reciprocal: unaryKernel(a, out) { (x: T) in 1 / x }
  case .floor: unaryKernel(a, out) { (x: T) in x.rounded(.down) }
  case .ceil: unaryKernel(a, out) { (x: T) in x.rounded(.up) }
  case .round: unaryKernel(a, out) { (x: T) in x.rounded(.toNearestOrEven) }
  case .log1p: unaryKernel(a, out) { (x: T) in T(fromDouble: Foundation.log1p(x.asDouble)) }
  case .expm1: unaryKernel(a, out) { (x: T) in T(fromDouble: Foundation.expm1(x.asDouble)) }
  case .logicalNot: unaryKernel(a, out) { (x: T) in x == 0 }
  case .isnan: unaryKernel(a, out) { (x: T) in x.isNaN }
  case .isinf: unaryKernel(a, out) { (x: T) in x.isInfinite }
  case .isfinite: unaryKernel(a, out) { (x: T) in x.isFinite }
  }
}

func intUnary<T: IntElement>(_ op: UnaryOp, _ a: Tensor, _ out: Tensor, _ t: T.Type) {
  switch op {
  case .negative: unaryKernel(a, out) { (x: T) in 0 &- x }
  case .abs: unaryKernel(a, out) { (x: T) in x < 0 ? 0 &- x : x }
  case .sign: unaryKernel(a, out) { (x: T) -> T in x > 0 ? 1 : (x < 0 ? 0 &- 1 : 0) }
  case .square: unaryKernel(a, out) { (x: T) in x &* x }
  case .relu: unaryKernel(a, out) { (x: T) in x > 0 ? x : 0 }
  case .logicalNot: unaryKernel(a, out) { (x: T) in x == 0 }
  case .isnan, .isinf: unaryKernel(a, out) { (_: T) in false }
  case .isfinite: unaryKernel(a, out) { (_: T) in true }
  default: unaryKernel(a, out) { (x: T) in x }
  }
}

extension Tensor {
  /// `op(self)` elementwise, with autograd.
  public func unary(_ op: UnaryOp, style: PromotionStyle = .numpy) throws -> Tensor {
    var input = self
    if op.needsFloat && !dtype.isFloatingPoint { input = rawCopy(dtype: style.defaultFloat) }
    if dtype == .bool && !op.returnsBool {
      if op == .negative {
        throw TensorError(
          .dtype,
          "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator "
            + "or the logical_not function instead.")
      }
      if !op.needsFloat { input = rawCopy(dtype: .int64) }
    }
    let out = Tensor(uninitialized: shape, dtype: op.returnsBool ? .bool : input.dtype)
    switch input.dtype {
    case .float32: floatUnary(op, input, out, Float.self)
    case .float64: floatUnary(op, input, out, Double.self)
    case .int64: intUnary(op, input, out, Int64.self)
    case .int32: intUnary(op, input, out, Int32.self)
    case .uint8: intUnary(op, input, out, UInt8.self)
    case .bool:
      switch op {
      case .isnan, .isinf: unaryKernel(input, out) { (_: Bool) in false }
      case .isfinite: unaryKernel(input, out) { (_: Bool) in true }
      default: unaryKernel(input, out) { (x: Bool) in !x }
      }
    }
    var result = out
    if Tensor.needsGrad(self) && out.dtype.isFloatingPoint { result.recordUnary(op, self) }
    return result
  }

  mutating func recordUnary(_ op: UnaryOp, _ input: Tensor) {
    let x = input.detached(), y = self.detached()
    let zero = { (g: Tensor) in Tensor.zeros(g.shape, dtype: g.dtype) }
    let fn: (Tensor) throws -> [Tensor?]
    switch op {
    case .negative: fn = { g in [try -g] }
    case .abs: fn = { g in [try g * x.unary(.sign)] }
    case .exp: fn = { g in [try g * y] }
    case .log: fn = { g in [try g / x] }
    case .log2: fn = { g in [try g / (x * Foundation.log(2.0))] }
    case .log10: fn = { g in [try g / (x * Foundation.log(10.0))] }
    case .sqrt: fn = { g in [try g / (y * 2.0)] }
    case .square: fn = { g in [try g * x * 2.0] }
    case .tanh: fn = { g in [try g * (1.0 - y * y)] }
    case .sigmoid: fn = { g in [try g * y * (1.0 - y)] }
    case .relu:
      fn = { g in [try Tensor.where(y .> 0.0, g, Tensor(scalar: .double(0), dtype: g.dtype))] }
    case .sin: fn = { g in [try g * x.unary(.cos)] }
    case .cos: fn = { g in [try -(g * x.unary(.sin))] }
    case .tan: fn = { g in [try g * (1.0 + y * y)] }
    case .reciprocal: fn = { g in [try -(g * y * y)] }
    case .log1p: fn = { g in [try g / (x + 1.0)] }
    case .expm1: fn = { g in [try g * (y + 1.0)] }
    default: fn = { g in [zero(g)] }
    }
    recordUnary(input, op.backwardName, fn)
  }

  public static prefix func - (a: Tensor) throws -> Tensor { try a.unary(.negative) }

  public func exp() throws -> Tensor { try unary(.exp) }
  public func log() throws -> Tensor { try unary(.log) }
  public func sqrt() throws -> Tensor { try unary(.sqrt) }
  public func tanh() throws -> Tensor { try unary(.tanh) }
  public func sigmoid() throws -> Tensor { try unary(.sigmoid) }
  public func relu() throws -> Tensor { try unary(.relu) }
  public func abs() throws -> Tensor { try unary(.abs) }
  public func sign() throws -> Tensor { try unary(.sign) }
  public func sin() throws -> Tensor { try unary(.sin) }
  public func cos() throws -> Tensor { try unary(.cos) }
  public func square() throws -> Tensor { try unary(.square) }
  public func logicalNot() throws -> Tensor { try unary(.logicalNot) }
}
