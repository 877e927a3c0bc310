import Foundation

/// The element types a tensor can hold.
public enum DType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  case bool, uint8, int32, int64, float32, float64

  /// Bytes per element.
  public var itemSize: Int {
    switch self {
    case .bool, .uint8: return 1
    case .int32, .float32: return 4
    case .int64, .float64: return 8
    }
  }

  public var isFloatingPoint: Bool { self == .float32 || self == .float64 }
  public var isInteger: Bool { self == .uint8 || self == .int32 || self == .int64 }

  public var description: String { rawValue }

  /// Position in the promotion lattice `bool < uint8 < int32 < int64 < float32 < float64`.
  var rank: Int {
    switch self {
    case .bool: return 0
    case .uint8: return 1
    case .int32: return 2
    case .int64: return 3
    case .float32: return 4
    case .float64: return 5
    }
  }

  /// The result type of a binary operation between two tensors.
  ///
  /// NumPy and PyTorch agree except when an integer meets float32: NumPy widens to float64 when
  /// the integer has more than 16 bits, PyTorch keeps float32.
  public static func promoted(_ a: DType, _ b: DType, style: PromotionStyle = .numpy) -> DType {
    if a == b { return a }
    let (lo, hi) = a.rank < b.rank ? (a, b) : (b, a)
    if style == .numpy, hi == .float32, lo == .int32 || lo == .int64 { return .float64 }
    return hi
  }
}

/// Which library's rules decide default dtypes and mixed int/float promotion.
public enum PromotionStyle: Sendable, Hashable {
  /// NumPy 2: floats default to float64; int32/int64 with float32 give float64.
  case numpy
  /// PyTorch: floats default to float32; any integer with a float keeps the float.
  case torch

  /// The dtype of a float created from nothing (a Python float, `arange(0.5)`, true division).
  public var defaultFloat: DType { self == .numpy ? .float64 : .float32 }
}

/// A Python-like scalar operand: weakly typed, it adopts the tensor's dtype where it fits (NEP 50).
public enum Scalar: Sendable, Hashable, CustomStringConvertible {
  case bool(Bool)
  case int(Int64)
  case double(Double)

  public var doubleValue: Double {
    switch self {
    case .bool(let b): return b ? 1 : 0
    case .int(let i): return Double(i)
    case .double(let d): return d
    }
  }

  public var int64Value: Int64 {
    switch self {
    case .bool(let b): return b ? 1 : 0
    case .int(let i): return i
    case .double(let d): return d.isFinite ? Int64(d) : 0
    }
  }

  public var description: String {
    switch self {
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .double(let d): return String(d)
    }
  }

  /// The dtype a tensor gets when combined with this scalar.
  public func resultType(with t: DType, style: PromotionStyle = .numpy) -> DType {
    switch self {
    case .bool: return t
    case .int: return t == .bool ? .int64 : t
    case .double: return t.isFloatingPoint ? t : style.defaultFloat
    }
  }

  /// The dtype of a tensor made from this scalar alone.
  func ownType(style: PromotionStyle) -> DType {
    switch self {
    case .bool: return .bool
    case .int: return .int64
    case .double: return style.defaultFloat
    }
  }
}

/// A Swift type that can be stored in a tensor.
public protocol TensorElement: Sendable {
  static var dtype: DType { get }
  static var zero: Self { get }
  static var one: Self { get }
  var asDouble: Double { get }
  var asInt64: Int64 { get }
  init(fromDouble value: Double)
  init(fromInt64 value: Int64)
}

/// Elements with wrap-around integer and IEEE float arithmetic.
public protocol NumericElement: TensorElement, Comparable {
  static func add(_ a: Self, _ b: Self) -> Self
  static func sub(_ a: Self, _ b: Self) -> Self
  static func mul(_ a: Self, _ b: Self) -> Self
  static var lowest: Self { get }
  static var highest: Self { get }
}

/// float32 and float64.
public protocol FloatElement: NumericElement, BinaryFloatingPoint {
  static func exp(_ x: Self) -> Self
  static func log(_ x: Self) -> Self
  static func tanh(_ x: Self) -> Self
  static func sin(_ x: Self) -> Self
  static func cos(_ x: Self) -> Self
  static func pow(_ x: Self, _ y: Self) -> Self
}

/// uint8, int32 and int64.
public protocol IntElement: NumericElement, FixedWidthInteger {}

extension Bool: TensorElement {
  public static var dtype: DType { .bool }
  public static var zero: Bool { false }
  public static var one: Bool { true }
  public var asDouble: Double { self ? 1 : 0 }
  public var asInt64: Int64 { self ? 1 : 0 }
  public init(fromDouble value: Double) { self = value != 0 }
  public init(fromInt64 value: Int64) { self = value != 0 }
}

extension UInt8: IntElement {
  public static var dtype: DType { .uint8 }
  public static var zero: UInt8 { 0 }
  public static var one: UInt8 { 1 }
  public var asDouble: Double { Double(self) }
  public var asInt64: Int64 { Int64(self) }
  public init(fromDouble value: Double) {
    self =
      value.isFinite && Swift.abs(value) < 9.2e18
      ? UInt8(truncatingIfNeeded: Int64(value.rounded(.towardZero))) : 0
  }
  public init(fromInt64 value: Int64) { self = UInt8(truncatingIfNeeded: value) }
  @inline(__always) public static func add(_ a: UInt8, _ b: UInt8) -> UInt8 { a &+ b }
  @inline(__always) public static func sub(_ a: UInt8, _ b: UInt8) -> UInt8 { a &- b }
  @inline(__always) public static func mul(_ a: UInt8, _ b: UInt8) -> UInt8 { a &* b }
  public static var lowest: UInt8 { .min }
  public static var highest: UInt8 { .max }
}

extension Int32: IntElement {
  public static var dtype: DType { .int32 }
  public static var zero: Int32 { 0 }
  public static var one: Int32 { 1 }
  public var asDouble: Double { Double(self) }
  public var asInt64: Int64 { Int64(self) }
  public init(fromDouble value: Double) {
    self =
      value.isFinite && abs(value) < 9.2e18
      ? Int32(truncatingIfNeeded: Int64(value)) : Int32.min
  }
  public init(fromInt64 value: Int64) { self = Int32(truncatingIfNeeded: value) }
  @inline(__always) public static func add(_ a: Int32, _ b: Int32) -> Int32 { a &+ b }
  @inline(__always) public static func sub(_ a: Int32, _ b: Int32) -> Int32 { a &- b }
  @inline(__always) public static func mul(_ a: Int32, _ b: Int32) -> Int32 { a &* b }
  public static var lowest: Int32 { .min }
  public static var highest: Int32 { .max }
}

extension Int64: IntElement {
  public static var dtype: DType { .int64 }
  public static var zero: Int64 { 0 }
  public static var one: Int64 { 1 }
  public var asDouble: Double { Double(self) }
  public var asInt64: Int64 { self }
  public init(fromDouble value: Double) {
    // NumPy gives INT64_MIN for NaN and out-of-range values on x86.
    self = value.isFinite && abs(value) < 9.2e18 ? Int64(value) : Int64.min
  }
  public init(fromInt64 value: Int64) { self = value }
  @inline(__always) public static func add(_ a: Int64, _ b: Int64) -> Int64 { a &+ b }
  @inline(__always) public static func sub(_ a: Int64, _ b: Int64) -> Int64 { a &- b }
  @inline(__always) public static func mul(_ a: Int64, _ b: Int64) -> Int64 { a &* b }
  public static var lowest: Int64 { .min }
  public static var highest: Int64 { .max }
}

extension Float: FloatElement {
  public static var dtype: DType { .float32 }
  public static var zero: Float { 0 }
  public static var one: Float { 1 }
  public var asDouble: Double { Double(self) }
  public var asInt64: Int64 { Int64(fromDouble: Double(self)) }
  public init(fromDouble value: Double) { self = Float(value) }
  public init(fromInt64 value: Int64) { self = Float(value) }
  @inline(__always) public static func add(_ a: Float, _ b: Float) -> Float { a + b }
  @inline(__always) public static func sub(_ a: Float, _ b: Float) -> Float { a - b }
  @inline(__always) public static func mul(_ a: Float, _ b: Float) -> Float { a * b }
  public static var lowest: Float { -.infinity }
  public static var highest: Float { .infinity }
  @inline(__always) public static func exp(_ x: Float) -> Float { Foundation.expf(x) }
  @inline(__always) public static func log(_ x: Float) -> Float { Foundation.logf(x) }
  @inline(__always) public static func tanh(_ x: Float) -> Float { Foundation.tanhf(x) }
  @inline(__always) public static func sin(_ x: Float) -> Float { Foundation.sinf(x) }
  @inline(__always) public static func cos(_ x: Float) -> Float { Foundation.cosf(x) }
  @inline(__always) public static func pow(_ x: Float, _ y: Float) -> Float {
    Foundation.powf(x, y)
  }
}

extension Double: FloatElement {
  public static var dtype: DType { .float64 }
  public static var zero: Double { 0 }
  public static var one: Double { 1 }
  public var asDouble: Double { self }
  public var asInt64: Int64 { Int64(fromDouble: self) }
  public init(fromDouble value: Double) { self = value }
  public init(fromInt64 value: Int64) { self = Double(value) }
  @inline(__always) public static func add(_ a: Double, _ b: Double) -> Double { a + b }
  @inline(__always) public static func sub(_ a: Double, _ b: Double) -> Double { a - b }
  @inline(__always) public static func mul(_ a: Double, _ b: Double) -> Double { a * b }
  public static var lowest: Double { -.infinity }
  public static var highest: Double { .infinity }
  @inline(__always) public static func exp(_ x: Double) -> Double { Foundation.exp(x) }
  @inline(__always) public static func log(_ x: Double) -> Double { Foundation.log(x) }
  @inline(__always) public static func tanh(_ x: Double) -> Double { Foundation.tanh(x) }
  @inline(__always) public static func sin(_ x: Double) -> Double { Foundation.sin(x) }
  @inline(__always) public static func cos(_ x: Double) -> Double { Foundation.cos(x) }
  @inline(__always) public static func pow(_ x: Double, _ y: Double) -> Double {
    Foundation.pow(x, y)
  }
}
