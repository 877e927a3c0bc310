import Foundation
import Tensors

/// Runs a tensor operation, turning its failure into the Python exception NumPy raises.
func bridged<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let e as TensorError {
    switch e.code {
    case .shape: throw PyException(.valueError, numpyShapeMessage(e.message))
    case .index:
      // NumPy's AxisError; Tensors prefixes the op (`concatenate: axis 2 is out of ...`).
      if let r = e.message.range(of: "axis "),
        e.message.contains("out of bounds for array of dimension")
      {
        throw PyException(.axisError, String(e.message[r.lowerBound...]))
      }
      throw PyException(.indexError, e.message)
    case .dtype where e.message.hasPrefix("Cannot cast ufunc"):
      throw PyException(.ufuncTypeError, e.message)
    case .dtype, .autograd: throw PyException(.typeError, e.message)
    case .linalg: throw PyException(.valueError, e.message)
    case .memory: throw PyException(.memoryError, e.message)
    case .timeLimit:
      var limit = PyException(.timeoutError, e.message)
      limit.catchable = false
      throw limit
    default: throw PyException(.valueError, e.message)
    }
  } catch let e as RandomError {
    throw PyException(.valueError, "\(e)")
  } catch let e as TensorMemory.LimitExceeded {
    throw Runtime.memoryLimitError(requested: e.requested, live: e.live, limit: e.limit)
  }
}

/// The one check before a bridge makes a tensor from sizes a program gave: negative sizes,
/// sizes whose product overflows and requests over the memory cap raise what NumPy raises
/// (`negativeMessage` replaces NumPy's negative-dimension text, for PyTorch), before anything
/// is allocated.
@discardableResult
func checkedAllocation(_ shape: [Int], _ dtype: DType, negativeMessage: String? = nil) throws
  -> Int
{
  if let negativeMessage, shape.contains(where: { $0 < 0 }) {
    throw PyException(.runtimeError, negativeMessage)
  }
  return try bridged { try TensorMemory.checkAllocation(shape: shape, dtype: dtype) }
}

/// NumPy's wording for a shape error: Tensors prefixes the op and appends both shapes, which
/// NumPy's broadcasting and matmul messages do not.
func numpyShapeMessage(_ message: String) -> String {
  if let r = message.range(of: "operands could not be broadcast together with shapes") {
    // NumPy prints the shapes without spaces: `(2,3) (2,)`.
    return String(message[r.lowerBound...]).replacingOccurrences(of: ", ", with: ",") + " "
  }
  if message.hasPrefix("matmul:"), let r = message.range(of: " for shapes ") {
    return String(message[..<r.lowerBound])
  }
  return message
}

/// `numpy.ndarray` and NumPy's scalar types (`np.float64(1.5)`), both backed by a `Tensor`.
///
/// A scalar is a 0-d tensor flagged `isScalar`: NumPy returns scalars, not 0-d arrays, from
/// reductions and full indexing, and prints them differently.
final class NDArray: PyNativeObject {
  var tensor: Tensor
  let isScalar: Bool
  let numpy: NumPyContext
  /// False for a read-only array (`np.diag` of a matrix, `flags.writeable = False`): every
  /// write raises NumPy's `ValueError`, and views made of it are read-only too.
  var writeable = true
  /// The array whose memory this one views, when it was made from another (NumPy's `base`,
  /// collapsed to the first array of the chain): it decides whether the flag may be set back.
  var base: NDArray?

  init(_ tensor: Tensor, scalar: Bool = false, numpy: NumPyContext) {
    self.tensor = tensor
    self.isScalar = scalar
    self.numpy = numpy
  }

  var typeName: String {
    if !isScalar { return "ndarray" }
    return tensor.dtype.rawValue
  }

  var pyClass: PyClass? { isScalar ? nil : numpy.ndarrayClass }

  /// Raises NumPy's `ValueError` for a write into a read-only array: `what` names the write
  /// as NumPy does (`assignment destination`, `output array`).
  func checkWriteable(_ what: String = "assignment destination") throws {
    if !writeable { throw PyException(.valueError, "\(what) is read-only") }
  }

  // MARK: Printing

  func repr() throws -> String {
    if isScalar {
      switch tensor.dtype {
      case .bool: return try tensor.item().doubleValue != 0 ? "np.True_" : "np.False_"
      case .float32, .float64:
        let text = ArrayFormat.scalarFloatText(try tensor.item().doubleValue, tensor.dtype)
        return "np.\(tensor.dtype)(\(text))"
      default: return "np.\(tensor.dtype)(\(try tensor.item().int64Value))"
      }
    }
    return ArrayFormat.repr(tensor, numpy.printOptions)
  }

  func str() throws -> String {
    if isScalar || tensor.rank == 0 {
      switch tensor.dtype {
      case .bool: return try tensor.item().doubleValue != 0 ? "True" : "False"
      case .float32, .float64:
        return ArrayFormat.scalarFloatText(try tensor.item().doubleValue, tensor.dtype)
      default: return String(try tensor.item().int64Value)
      }
    }
    return ArrayFormat.str(tensor, numpy.printOptions)
  }

  // MARK: Protocol

  func length() throws -> Int? {
    guard tensor.rank > 0 else { throw PyException(.typeError, "len() of unsized object") }
    return tensor.shape[0]
  }

  func truthValue() throws -> Bool {
    guard tensor.count == 1 else {
      throw PyException(
        .valueError,
        "The truth value of an array with more than one element is ambiguous. "
          + "Use a.any() or a.all()")
    }
    return try tensor.item().doubleValue != 0
  }

  func makeIterator() throws -> PyIterator? {
    guard tensor.rank > 0 else { throw PyException(.typeError, "iteration over a 0-d array") }
    let t = tensor
    let n = t.shape[0]
    var i = 0
    return PyIterator("iterator") { [numpy, self] in
      guard i < n else { return nil }
      defer { i += 1 }
      return numpy.views(numpy.wrap(try bridged { try t.item([.index(i)]) }), of: [.native(self)])
    }
  }

  func getItem(_ key: PyValue) throws -> PyValue {
    let idx = try numpy.indices(key)
    return numpy.views(numpy.wrap(try bridged { try tensor.item(idx) }), of: [.native(self)])
  }

  func setItem(_ key: PyValue, _ value: PyValue) throws {
    try checkWriteable()
    let idx = try numpy.indices(key)
    let v = try numpy.tensor(value)
    try bridged { try tensor.writeItem(idx, v) }
  }

  func binary(_ op: BinaryOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    if case .str = other { return nil }
    return try numpy.binary(op, .native(self), other, reflected: reflected)
  }

  func inPlace(_ op: BinaryOperator, _ other: PyValue) throws -> PyValue? {
    if isScalar { return nil }
    guard let bop = NumPyContext.binaryOp(op) else { return nil }
    try checkWriteable("output array")
    if let s = NumPyContext.pythonScalar(other) {
      try bridged { try tensor.applyInPlace(bop, s) }
    } else {
      let o = try numpy.tensor(other)
      try bridged { try tensor.applyInPlace(bop, o) }
    }
    return .native(self)
  }

  func unary(_ op: UnaryOperator) throws -> PyValue? {
    switch op {
    case .neg: return numpy.wrap(try bridged { try -tensor })
    case .pos: return numpy.wrap(tensor.clone())
    case .invert:
      if tensor.dtype == .bool { return numpy.wrap(try bridged { try tensor.logicalNot() }) }
      return numpy.wrap(try bridged { try Tensor.binary(.subtract, -tensor, .int(1)) })
    case .not: return nil
    }
  }

  func compare(_ op: CompareOperator, _ other: PyValue) throws -> PyValue? {
    let bop: BinaryOp
    switch op {
    case .eq: bop = .equal
    case .ne: bop = .notEqual
    case .lt: bop = .less
    case .le: bop = .lessEqual
    case .gt: bop = .greater
    case .ge: bop = .greaterEqual
    case .contains:
      let eq = try numpy.binaryTensors(.equal, tensor, other, reflected: false)
      return .bool(try bridged { try eq.any().item().doubleValue != 0 })
    default: return nil
    }
    if case .str = other { return op == .ne ? .bool(true) : op == .eq ? .bool(false) : nil }
    if case .none = other { return op == .ne ? .bool(true) : op == .eq ? .bool(false) : nil }
    return numpy.wrap(try numpy.binaryTensors(bop, tensor, other, reflected: false))
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    try numpy.arrayAttribute(self, name)
  }
}

/// `np.dtype('float64')`, and the scalar types `np.float32`, `np.int64` that construct values.
final class NPDType: PyNativeObject {
  let dtype: DType
  /// True for the type objects (`np.float32`), false for `dtype` instances (`a.dtype`).
  let isType: Bool
  let numpy: NumPyContext

  init(_ dtype: DType, isType: Bool, numpy: NumPyContext) {
    self.dtype = dtype
    self.isType = isType
    self.numpy = numpy
  }

  /// `type(np.dtype('float32')).__name__` is `Float32DType`.
  var typeName: String {
    if isType { return "type" }
    switch dtype {
    case .bool: return "BoolDType"
    case .uint8: return "UInt8DType"
    case .int32: return "Int32DType"
    case .int64: return "Int64DType"
    case .float32: return "Float32DType"
    case .float64: return "Float64DType"
    }
  }

  var name: String { dtype == .bool ? "bool" : dtype.rawValue }

  func repr() throws -> String {
    isType ? "<class 'numpy.\(dtype == .bool ? "bool" : dtype.rawValue)'>" : "dtype('\(name)')"
  }

  func str() throws -> String { isType ? try repr() : name }

  func call(_ args: [PyValue], _ kwargs: KeywordArguments) throws -> PyValue {
    let v = args.first ?? .int(0)
    let t = try numpy.tensor(v).casted(to: dtype)
    return numpy.wrap(t)
  }

  func compare(_ op: CompareOperator, _ other: PyValue) throws -> PyValue? {
    guard op == .eq || op == .ne else { return nil }
    let same = (try? numpy.dtype(other)).map { $0 == dtype } ?? false
    return .bool(op == .eq ? same : !same)
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "name": return .str(self.name)
    case "itemsize": return .int(dtype.itemSize)
    case "kind":
      return .str(dtype.isFloatingPoint ? "f" : dtype == .bool ? "b" : dtype == .uint8 ? "u" : "i")
    case "type": return .native(numpy.typeObject(dtype))
    default: return nil
    }
  }
}

/// A NumPy scalar type the engine has no storage for (`np.int8`, `np.float16`): it exists, so
/// code naming it reaches the call that uses it, which is refused with the dtype's name.
final class NPUnsupportedType: PyNativeObject {
  let name: String
  init(_ name: String) { self.name = name }
  var typeName: String { "type" }
  func repr() throws -> String { "<class 'numpy.\(name)'>" }
  func call(_ args: [PyValue], _ kwargs: KeywordArguments) throws -> PyValue {
    throw PyException(.notImplementedError, "numpy dtype \(name) is not supported in journal cells")
  }
  func compare(_ op: CompareOperator, _ other: PyValue) throws -> PyValue? {
    guard op == .eq || op == .ne else { return nil }
    var same = false
    if case .native(let o as NPUnsupportedType) = other { same = o.name == name }
    return .bool(same == (op == .eq))
  }
}
