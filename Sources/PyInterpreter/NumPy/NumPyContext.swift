import Foundation
import Tensors

/// The state `numpy` keeps for one interpreter session: its random stream and its classes.
final class NumPyContext {
  unowned let interpreter: Interpreter
  /// The global legacy stream behind `np.random.*`.
  lazy var globalRandom = RandomBox(NumPyRandomState(seed: 5489))
  var printOptions = ArrayFormat.Options()
  /// `np.seterr`'s modes (`NumPyFunctions`).
  var errorState = ["divide": "warn", "over": "warn", "under": "ignore", "invalid": "warn"]
  lazy var ndarrayClass = PyClass(name: "ndarray", base: nil, module: "numpy")
  private var typeObjects: [DType: NPDType] = [:]

  init(_ interpreter: Interpreter) {
    self.interpreter = interpreter
  }

  var rt: Runtime { interpreter.runtime }

  func typeObject(_ d: DType) -> NPDType {
    if let t = typeObjects[d] { return t }
    let t = NPDType(d, isType: true, numpy: self)
    typeObjects[d] = t
    return t
  }

  // MARK: Wrapping

  /// A result as NumPy returns it: a scalar for 0-d results, else an array.
  func wrap(_ t: Tensor) -> PyValue {
    .native(NDArray(t, scalar: t.rank == 0, numpy: self))
  }

  func array(_ t: Tensor) -> PyValue { .native(NDArray(t, numpy: self)) }

  /// A Python value from one element.
  static func python(_ s: Scalar, _ d: DType) -> PyValue {
    switch d {
    case .bool: return .bool(s.doubleValue != 0)
    case .float32, .float64: return .float(s.doubleValue)
    default: return .int(Int(s.int64Value))
    }
  }

  static func pythonScalar(_ v: PyValue) -> Scalar? {
    switch v {
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(Int64(i))
    case .float(let d): return .double(d)
    default: return nil
    }
  }

  // MARK: Conversion

  /// The dtype named by a Python value: `float`, `'float32'`, `np.int64`, a dtype.
  func dtype(_ v: PyValue) throws -> DType {
    switch v {
    case .native(let d as NPDType): return d.dtype
    case .native(let a as NDArray): return a.tensor.dtype
    case .str(let s):
      switch s {
      case "float64", "float", "f8", "double", "d": return .float64
      case "float32", "f4", "single", "f": return .float32
      case "int64", "int", "i8", "l": return .int64
      case "int32", "i4", "i": return .int32
      case "uint8", "u1", "B": return .uint8
      case "bool", "?", "bool_": return .bool
      default: break
      }
      if let name = NumPyContext.unsupportedDTypes[s] {
        throw PyException(
          .notImplementedError, "numpy dtype \(name) is not supported in journal cells")
      }
      throw PyException(.typeError, "data type '\(s)' not understood")
    case .native(let u as NPUnsupportedType):
      throw PyException(
        .notImplementedError, "numpy dtype \(u.name) is not supported in journal cells")
    case .type(let c):
      switch c.name {
      case "float": return .float64
      case "int": return .int64
      case "bool": return .bool
      case "complex", "str", "bytes", "object":
        throw PyException(
          .notImplementedError, "numpy dtype \(c.name) is not supported in journal cells")
      default: break
      }
    default: break
    }
    throw PyException(.typeError, "Cannot interpret '\(try rt.repr(v))' as a data type")
  }

  /// NumPy's dtypes the engine has no storage for, by every name NumPy accepts for them.
  static let unsupportedDTypes: [String: String] = {
    var names: [String: String] = [:]
    for (name, aliases) in [
      ("int8", ["i1", "b", "byte"]), ("int16", ["i2", "h", "short"]),
      ("uint16", ["u2", "H", "ushort"]), ("uint32", ["u4", "I", "uintc"]),
      ("uint64", ["u8", "Q", "uint", "ulonglong", "L", "ulong"]),
      ("float16", ["f2", "e", "half"]), ("longdouble", ["g", "float128", "f16"]),
      ("complex64", ["c8", "F", "csingle"]), ("complex128", ["c16", "D", "complex", "cdouble"]),
      ("str", ["U", "str_", "unicode"]), ("bytes", ["S", "bytes_"]), ("object", ["O"]),
      ("datetime64", ["M", "M8"]), ("timedelta64", ["m", "m8"]), ("void", ["V"]),
    ] {
      names[name] = name
      for a in aliases { names[a] = name }
    }
    return names
  }()

  func optionalDType(_ v: PyValue?) throws -> DType? {
    guard let v, !isNone(v) else { return nil }
    return try dtype(v)
  }

  static func isNoneLiteral(_ v: PyValue) -> Bool {
    if case .none = v { return true }
    return false
  }

  func isNone(_ v: PyValue) -> Bool {
    if case .none = v { return true }
    return false
  }

  /// Any array-like value as a tensor (lists nest; Python ints give int64, floats float64).
  func tensor(_ v: PyValue, dtype: DType? = nil) throws -> Tensor {
    if case .native(let a as NDArray) = v {
      if let dtype, dtype != a.tensor.dtype { return a.tensor.casted(to: dtype) }
      return a.tensor
    }
    if let s = NumPyContext.pythonScalar(v) {
      return Tensor(scalar: s, dtype: dtype)
    }
    if case .range(let start, let stop, let step) = v {
      // `probs[range(n), y]` in a training loop: no walk through boxed ints.
      let t = try bridged {
        try Tensor.arange(.int(Int64(start)), .int(Int64(stop)), step: .int(Int64(step)))
      }
      return dtype.map { $0 == .int64 ? t : t.casted(to: $0) } ?? t
    }
    var shape: [Int] = []
    var values: [Double] = []
    var kind = 0  // 0 bool, 1 int, 2 float
    var arrayKind: DType? = nil
    var pythonLeaves = false
    func walk(_ x: PyValue, _ depth: Int) throws {
      switch x {
      case .bool(let b):
        pythonLeaves = true
        values.append(b ? 1 : 0)
        try leaf(depth)
      case .int(let i):
        pythonLeaves = true
        values.append(Double(i))
        kind = Swift.max(kind, 1)
        try leaf(depth)
      case .float(let d):
        pythonLeaves = true
        values.append(d)
        kind = 2
        try leaf(depth)
      case .native(let a as NDArray):
        let t = a.tensor
        arrayKind = arrayKind.map { DType.promoted($0, t.dtype) } ?? t.dtype
        let sub = t.shape
        if depth + sub.count > shape.count || depth == shape.count {
          if shape.count == depth { shape += sub }
        }
        if Array(shape[depth...]) != sub {
          throw PyException(
            .valueError,
            "setting an array element with a sequence. The requested array has an "
              + "inhomogeneous shape after \(depth) dimensions.")
        }
        values += t.casted(to: .float64).contiguous().doubles
      default:
        let items: [PyValue]
        switch x {
        case .list, .tuple, .range: items = try rt.toArray(x)
        case .str:
          throw PyException(
            .notImplementedError, "numpy arrays of str are not supported in journal cells")
        case .none:
          throw PyException(
            .notImplementedError,
            "numpy arrays of objects (None) are not supported in journal cells")
        default:
          throw PyException(.typeError, "cannot convert '\(rt.typeName(x))' to an array")
        }
        if shape.count == depth {
          // NumPy's limit, which also ends the walk of a list that contains itself.
          if depth == 64 {
            throw PyException(
              .valueError,
              "setting an array element with a sequence. The requested array would exceed the "
                + "maximum number of dimension of 64.")
          }
          shape.append(items.count)
        } else if shape[depth] != items.count {
          throw PyException(
            .valueError,
            "setting an array element with a sequence. The requested array has an "
              + "inhomogeneous shape after \(depth) dimensions. The detected shape was "
              + "\(ArrayFormat.shapeText(Array(shape[..<depth]))) + inhomogeneous part.")
        }
        for item in items { try walk(item, depth + 1) }
      }
    }
    func leaf(_ depth: Int) throws {
      if shape.count > depth {
        throw PyException(
          .valueError,
          "setting an array element with a sequence. The requested array has an "
            + "inhomogeneous shape after \(depth) dimensions.")
      }
    }
    try walk(v, 0)
    var natural: DType = kind == 2 ? .float64 : kind == 1 ? .int64 : .bool
    if values.isEmpty { natural = .float64 }
    if let a = arrayKind { natural = pythonLeaves ? DType.promoted(a, natural) : a }
    let target = dtype ?? natural
    let t: Tensor
    if target == .int64 && kind < 2 && arrayKind == nil {
      t = try bridged { try Tensor(values.map { Int64($0) }, shape: shape) }
    } else {
      t = try bridged { try Tensor(values, shape: shape) }
    }
    return t.dtype == target ? t : t.casted(to: target)
  }

  /// A Python subscript as tensor indices.
  func indices(_ key: PyValue) throws -> [TensorIndex] {
    if case .tuple(let parts) = key { return try parts.map { try index($0) } }
    return [try index(key)]
  }

  private func index(_ v: PyValue) throws -> TensorIndex {
    switch v {
    case .int(let i): return .index(i)
    case .bool(let b): return .array(Tensor(scalar: .bool(b)))
    case .none: return .newAxis
    case .ellipsis: return .ellipsis
    case .slice(let a, let b, let c):
      func part(_ p: PyValue?) throws -> Int? {
        guard let p, !isNone(p) else { return nil }
        return try integer(p)
      }
      let (x, y, z) = (try part(a), try part(b), try part(c))
      if x == nil && y == nil && z == nil { return .all }
      return .slice(x, y, z)
    case .native(let a as NDArray):
      if a.tensor.rank == 0 && a.tensor.dtype.isInteger {
        return .index(Int(try a.tensor.item().int64Value))
      }
      return .array(a.tensor)
    case .list, .range, .tuple:
      let t = try tensor(v)
      return .array(t.count == 0 ? t.casted(to: .int64) : t)
    default:
      throw PyException(
        .indexError,
        "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or "
          + "boolean arrays are valid indices")
    }
  }

  // MARK: Arithmetic

  static func binaryOp(_ op: BinaryOperator) -> BinaryOp? {
    switch op {
    case .add: return .add
    case .sub: return .subtract
    case .mul: return .multiply
    case .div: return .divide
    case .floorDiv: return .floorDivide
    case .mod: return .remainder
    case .pow: return .power
    case .bitAnd: return .bitwiseAnd
    case .bitOr: return .bitwiseOr
    case .bitXor: return .bitwiseXor
    default: return nil
    }
  }

  func binary(_ op: BinaryOperator, _ a: PyValue, _ b: PyValue, reflected: Bool) throws -> PyValue?
  {
    guard case .native(let x as NDArray) = a else { return nil }
    if op == .matMul {
      let o = try tensor(b)
      let r = try bridged {
        reflected ? try Tensor.matmul(o, x.tensor) : try Tensor.matmul(x.tensor, o)
      }
      return wrap(r)
    }
    guard let bop = NumPyContext.binaryOp(op) else { return nil }
    return wrap(try binaryTensors(bop, x.tensor, b, reflected: reflected))
  }

  /// `t op other` (or `other op t` when reflected) with NumPy 2's weak Python scalars.
  func binaryTensors(_ op: BinaryOp, _ t: Tensor, _ other: PyValue, reflected: Bool) throws
    -> Tensor
  {
    if let s = NumPyContext.pythonScalar(other) {
      // A Python int the array's integer dtype cannot hold: NumPy 2 compares by value and
      // refuses arithmetic.
      if case .int(let i) = s, !NumPyContext.fits(i, t.dtype) {
        // Only loops that run in the array's own integer dtype cannot take it.
        let wide: Tensor
        if op.isComparisonOp {
          wide = t.casted(to: .int64)
        } else if op == .divide {
          wide = t.casted(to: .float64)
        } else if [.logicalAnd, .logicalOr, .logicalXor].contains(op) {
          wide = t
        } else {
          throw PyException(.overflowError, "Python integer \(i) out of bounds for \(t.dtype)")
        }
        let b: Scalar = [.logicalAnd, .logicalOr, .logicalXor].contains(op) ? .bool(i != 0) : s
        return try bridged { try Tensor.binary(op, wide, b, scalarFirst: reflected) }
      }
      let type = s.resultType(with: t.dtype)
      try checkIntegerPower(op, type, exponent: reflected ? t : nil, base: t)
      if case .bool = s, t.dtype == .bool, [.power, .remainder, .floorDivide].contains(op) {
        throw PyException(
          .notImplementedError,
          "numpy \(op.rawValue) of bools (an int8 result) is not supported in journal cells")
      }
      if op == .power, !type.isFloatingPoint, !reflected, s.doubleValue < 0, t.count > 0 {
        throw PyException(.valueError, "Integers to negative integer powers are not allowed.")
      }
      return try bridged { try Tensor.binary(op, t, s, scalarFirst: reflected) }
    }
    let o = try tensor(other)
    let (x, y) = reflected ? (o, t) : (t, o)
    if x.dtype == .bool && y.dtype == .bool && [.power, .remainder, .floorDivide].contains(op) {
      throw PyException(
        .notImplementedError,
        "numpy \(op.rawValue) of two bool arrays (an int8 result) is not supported in journal cells"
      )
    }
    try checkIntegerPower(op, DType.promoted(x.dtype, y.dtype), exponent: y, base: x)
    return try bridged { try Tensor.binary(op, x, y) }
  }

  /// NumPy refuses integer powers with a negative integer exponent.
  func checkIntegerPower(_ op: BinaryOp, _ type: DType, exponent: Tensor?, base: Tensor) throws {
    guard op == .power, !type.isFloatingPoint, let exponent, exponent.count > 0, base.count > 0
    else { return }
    if exponent.casted(to: .int64).contiguous().int64s.contains(where: { $0 < 0 }) {
      throw PyException(.valueError, "Integers to negative integer powers are not allowed.")
    }
  }

  /// A scalar argument (`fill_value`, a bound): a Python number, or a NumPy scalar or 0-d array
  /// with its dtype, which NumPy keeps where a Python number's would be weak.
  func scalarArgument(_ v: PyValue) throws -> (value: Scalar, dtype: DType?) {
    if let s = NumPyContext.pythonScalar(v) { return (s, nil) }
    let t = try tensor(v)
    guard t.count == 1 else {
      throw PyException(.valueError, "could not broadcast input array into a scalar")
    }
    return (try bridged { try t.reshaped([]).item() }, t.dtype)
  }

  /// True when the integer dtype `d` holds `i` (floats and bool take any Python int).
  static func fits(_ i: Int64, _ d: DType) -> Bool {
    switch d {
    case .uint8: return i >= 0 && i <= 255
    case .int32: return i >= Int64(Int32.min) && i <= Int64(Int32.max)
    default: return true
    }
  }

  /// The dtype NumPy's unary ufunc `name` returns for `d`, which the engine's result is cast
  /// to; refused when it is one the engine cannot hold (float16, int8).
  func unaryResultType(_ name: String, _ d: DType) throws -> DType {
    switch name {
    case "exp", "log", "log2", "log10", "sqrt", "tanh", "sin", "cos", "tan", "log1p", "expm1",
      "rint":
      if d == .bool || d == .uint8 {
        throw PyException(
          .notImplementedError,
          "numpy.\(name) of a \(d) array (a float16 result) is not supported in journal cells")
      }
      return d.isFloatingPoint ? d : .float64
    case "isnan", "isinf", "isfinite", "logical_not": return .bool
    case "square" where d == .bool, "sign" where d == .bool:
      throw PyException(
        .notImplementedError, "numpy.\(name) of a bool array is not supported in journal cells")
    default: return d
    }
  }
}

extension BinaryOp {
  /// Comparisons answer by value whatever the operands' dtypes.
  var isComparisonOp: Bool {
    switch self {
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
    default: return false
    }
  }
}
