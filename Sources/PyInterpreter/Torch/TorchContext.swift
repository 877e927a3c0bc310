import Foundation
import Tensors

/// The state `torch` keeps for one session: its CPU generator and the `no_grad` depth.
final class TorchContext {
  unowned let interpreter: Interpreter
  var generator = TorchGenerator()
  /// `with torch.no_grad():` blocks entered and not yet left; the runtime runs the block between
  /// `__enter__` and `__exit__`, so every bridged op checks this instead of a Swift scope.
  var noGradDepth = 0

  /// Converts lists and parses subscripts; shared so that conversions do not rebuild it.
  lazy var numpy = NumPyContext(interpreter)

  /// `torch.Tensor`, for `isinstance` and `type()`.
  lazy var tensorClass = PyClass(name: "Tensor", base: rt.objectClass, module: "torch")

  /// `torch.nn.Parameter`, a subclass of `torch.Tensor`.
  lazy var parameterClass = PyClass(
    name: "Parameter", base: tensorClass, module: "torch.nn.parameter")

  /// `torch.nn.Module`, the base of built-in layers and user models.
  lazy var moduleClass = makeModuleClass()

  /// `torch.utils.data.Dataset`.
  lazy var datasetClass = makeDatasetClass()

  /// `torch.default_generator`.
  lazy var defaultGenerator = TorchGeneratorObject(
    torch: self, own: nil, initialSeed: TorchGenerator.defaultSeed)

  /// The `grad_fn` objects alive, so that the same node is the same object (`is`).
  private var gradFunctions: [ObjectIdentifier: WeakGradFunction] = [:]
  private var gradFunctionsPruneAt = 1024

  /// The `grad_fn` object of `node`, the same object while it lives.
  func gradFunction(_ node: GradientFunction) -> TorchGradFunction {
    if let o = gradFunctions[node.identifier]?.object { return o }
    if gradFunctions.count >= gradFunctionsPruneAt {
      gradFunctions = gradFunctions.filter { $0.value.object != nil }
      gradFunctionsPruneAt = 2 * gradFunctions.count + 1024
    }
    let o = TorchGradFunction(node)
    gradFunctions[node.identifier] = WeakGradFunction(object: o)
    return o
  }

  init(_ interpreter: Interpreter) { self.interpreter = interpreter }

  var rt: Runtime { interpreter.runtime }

  /// Runs a tensor operation with autograd off inside `no_grad`, mapping errors to Python's.
  func run<T>(_ body: () throws -> T) throws -> T {
    do {
      if noGradDepth > 0 { return try GradMode.withNoGrad(body) }
      return try body()
    } catch let e as TensorError {
      throw TorchContext.pytorchError(e)
    } catch {
      return try bridged { throw error }
    }
  }

  /// A Tensors failure as PyTorch raises it: shape and dtype problems are RuntimeErrors, a
  /// dimension out of range an IndexError in PyTorch's words.
  static func pytorchError(_ e: TensorError) -> PyException {
    var message = e.message
    // Tensors prefixes the op ("concatenate: ..."), which PyTorch does not.
    if let colon = message.range(of: ": "), !message[..<colon.lowerBound].contains(" ") {
      message = String(message[colon.upperBound...])
    }
    if e.code == .index, message.hasPrefix("axis "),
      let r = message.range(of: " is out of bounds for array of dimension ")
    {
      let axis = message.dropFirst(5)[..<r.lowerBound]
      let n = Swift.max(Int(message[r.upperBound...]) ?? 1, 1)
      return PyException(
        .indexError,
        "Dimension out of range (expected to be in range of [\(-n), \(n - 1)], but got \(axis))")
    }
    switch e.code {
    case .index: return PyException(.indexError, message)
    case .memory: return PyException(.memoryError, message)
    case .timeLimit:
      // The time limit ends the run: `except` cannot catch it, as for NumPy's calls.
      var limit = PyException(.timeoutError, e.message)
      limit.catchable = false
      return limit
    default: return PyException(.runtimeError, message)
    }
  }

  /// `torch.linspace`'s values as PyTorch's CPU kernel computes them: the step in the dtype's
  /// arithmetic (float64 for integers, from the truncated ends), then each value as one fused
  /// multiply-add, from `start` for the first half and back from `end` for the second.
  static func linspace(_ start: Double, _ end: Double, steps: Int, dtype: DType) throws -> Tensor {
    let half = steps / 2
    if steps == 1 { return try Tensor([start], shape: [1]).casted(to: dtype) }
    if dtype == .float32 {
      let (s, e) = (Float(start), Float(end))
      let step = steps > 1 ? (e - s) / Float(steps - 1) : 0
      let values = (0..<steps).map { i in
        i < half ? s.addingProduct(step, Float(i)) : e.addingProduct(-step, Float(steps - i - 1))
      }
      return try Tensor(values, shape: [steps])
    }
    let (s, e) =
      dtype.isFloatingPoint
      ? (start, end) : (start.rounded(.towardZero), end.rounded(.towardZero))
    let step = steps > 1 ? (e - s) / Double(steps - 1) : 0
    let values = (0..<steps).map { i in
      i < half ? s.addingProduct(step, Double(i)) : e.addingProduct(-step, Double(steps - i - 1))
    }
    return try Tensor(values, shape: [steps]).casted(to: dtype)
  }

  /// PyTorch multiplies matrices of one dtype, and not of bools.
  func checkMatmulTypes(_ x: Tensor, _ y: Tensor) throws {
    if x.rank == 0 || y.rank == 0 {
      throw PyException(
        .runtimeError,
        "both arguments to matmul need to be at least 1D, but they are \(x.rank)D and \(y.rank)D")
    }
    if x.dtype != y.dtype {
      let (a, b) = (TorchContext.scalarTypeName(x.dtype), TorchContext.scalarTypeName(y.dtype))
      if x.rank == 1 && y.rank == 1 {
        throw PyException(
          .runtimeError,
          "dot : expected both vectors to have same dtype, but found \(a) and \(b)")
      }
      throw PyException(
        .runtimeError,
        "expected m1 and m2 to have the same dtype, but got: \(a.lowercased()) != "
          + "\(b.lowercased())")
    }
    if x.dtype == .bool {
      let kernel =
        x.rank == 1 && y.rank == 1 ? "dot" : y.rank == 1 ? "addmv_impl_cpu" : "addmm_impl_cpu_"
      throw PyException(.notImplementedError, "\"\(kernel)\" not implemented for 'Bool'")
    }
  }

  /// PyTorch's refusals of `cat` and `stack`, before Tensors words them its own way.
  func checkJoin(_ name: String, _ ts: [Tensor], dim: Int) throws {
    guard let first = ts.first else {
      throw PyException(.runtimeError, "\(name) expects a non-empty TensorList")
    }
    if name == "stack" {
      let n = first.rank + 1
      guard dim >= -n && dim < n else {
        throw PyException(
          .indexError,
          "Dimension out of range (expected to be in range of [\(-n), \(n - 1)], but got \(dim))")
      }
      for (i, t) in ts.enumerated() where t.shape != first.shape {
        func list(_ s: [Int]) -> String { "[" + s.map(String.init).joined(separator: ", ") + "]" }
        throw PyException(
          .runtimeError,
          "stack expects each tensor to be equal size, but got \(list(first.shape)) at entry 0 "
            + "and \(list(t.shape)) at entry \(i)")
      }
      return
    }
    // Only 1-D empty tensors: PyTorch returns an empty one whatever `dim` is.
    if ts.allSatisfy({ $0.rank == 1 && $0.count == 0 }) { return }
    if let i = ts.firstIndex(where: { $0.rank == 0 }) {
      throw PyException(
        .runtimeError, "zero-dimensional tensor (at position \(i)) cannot be concatenated")
    }
    let n = first.rank
    guard dim >= -n && dim < n else {
      throw PyException(
        .indexError,
        "Dimension out of range (expected to be in range of [\(-n), \(n - 1)], but got \(dim))")
    }
    let d = dim < 0 ? dim + n : dim
    for (i, t) in ts.enumerated().dropFirst() {
      // PyTorch skips 1-D empty tensors, a legacy allowance.
      if t.rank == 1 && t.count == 0 { continue }
      guard t.rank == n else {
        throw PyException(
          .runtimeError,
          "Tensors must have same number of dimensions: got \(n) and \(t.rank)")
      }
      for k in 0..<n where k != d && t.shape[k] != first.shape[k] {
        throw PyException(
          .runtimeError,
          "Sizes of tensors must match except in dimension \(d). Expected size "
            + "\(first.shape[k]) but got size \(t.shape[k]) for tensor number \(i) in the list.")
      }
    }
  }

  /// PyTorch's name of a dtype in its error messages (`Long`, `Float`).
  static func scalarTypeName(_ d: DType) -> String {
    switch d {
    case .bool: return "Bool"
    case .uint8: return "Byte"
    case .int32: return "Int"
    case .int64: return "Long"
    case .float32: return "Float"
    case .float64: return "Double"
    }
  }

  func wrap(_ t: Tensor) -> PyValue { .native(TorchTensor(t, torch: self)) }

  func dtype(_ v: PyValue) throws -> DType {
    if case .native(let d as TorchDType) = v { return d.dtype }
    if case .native(let u as TorchUnsupportedDType) = v {
      throw PyException(
        .notImplementedError, "torch dtype \(u.name) is not supported in journal cells")
    }
    if case .type(let c) = v {
      switch c.name {
      case "float": return .float64
      case "int": return .int64
      case "bool": return .bool
      default: break
      }
    }
    throw PyException(.typeError, "dtype must be a torch.dtype, not \(rt.typeName(v))")
  }

  /// Any tensor-like value: nested lists take PyTorch's defaults (float32, int64, bool).
  func tensor(_ v: PyValue, dtype: DType? = nil) throws -> Tensor {
    if case .native(let t as TorchTensor) = v {
      return dtype.map { t.tensor.casted(to: $0) } ?? t.tensor
    }
    if case .native(let a as NDArray) = v {
      return dtype.map { a.tensor.casted(to: $0) } ?? a.tensor
    }
    if let s = NumPyContext.pythonScalar(v) {
      let natural: DType
      switch s {
      case .double: natural = .float32
      case .int: natural = .int64
      case .bool: natural = .bool
      }
      if let dtype { try checkConvertible([s], to: dtype) }
      return Tensor(scalar: s, dtype: dtype ?? natural)
    }
    let t = try numpy.tensor(v)
    var leaves: [Scalar] = []
    var pythonFloats = false
    func scan(_ x: PyValue) throws {
      switch x {
      case .list(let l): for item in l.items { try scan(item) }
      case .tuple(let items): for item in items { try scan(item) }
      default:
        if let s = NumPyContext.pythonScalar(x) {
          leaves.append(s)
          if case .double = s { pythonFloats = true }
        }
      }
    }
    try scan(v)
    if let dtype { try checkConvertible(leaves, to: dtype) }
    // Python floats take the default float32; NumPy's float64 scalars keep their dtype.
    let natural: DType =
      t.dtype == .float64 && (pythonFloats || leaves.isEmpty && t.count == 0) ? .float32 : t.dtype
    return t.casted(to: dtype ?? natural)
  }

  /// PyTorch refuses Python numbers an integer dtype cannot hold (ints wrap within the
  /// signed range of the width, as PyTorch's checked conversion allows).
  func checkConvertible(_ values: [Scalar], to d: DType) throws {
    guard d.isInteger else { return }
    let (lo, hi): (Double, Double) =
      d == .uint8 ? (-128, 255) : d == .int32 ? (-2147483648, 4294967295) : (-0x1p63, 0x1p64)
    let (flo, fhi): (Double, Double) =
      d == .uint8 ? (0, 255) : d == .int32 ? (-2147483648, 2147483647) : (-0x1p63, 0x1p63)
    for s in values {
      let ok: Bool
      switch s {
      case .double(let x): ok = x.isNaN ? false : x.rounded(.towardZero) >= flo && x < fhi + 1
      case .int(let i): ok = Double(i) >= lo && Double(i) <= hi
      case .bool: ok = true
      }
      guard ok else {
        throw PyException(
          .runtimeError, "value cannot be converted to type \(d) without overflow")
      }
    }
  }

  func shape(_ args: [PyValue]) throws -> [Int] {
    if args.count == 1 {
      switch try args.at(0) {
      case .tuple, .list: return try rt.toArray(args.at(0)).map { try rt.toInt($0) }
      case .native(let s as TorchSize): return s.shape
      default: break
      }
    }
    return try args.map { try rt.toInt($0) }
  }

  /// A shape for a new tensor of `dtype`: `shape(args)` checked by `checkedNew`.
  func newShape(_ args: [PyValue], dtype: DType = .float32, copies: Int = 1) throws -> [Int] {
    let s = try shape(args)
    try checkedNew(s, dtype: dtype, copies: copies)
    return s
  }

  /// Checks sizes before a tensor (or a layer's parameter, or `copies` buffers of it) is made:
  /// a negative size raises PyTorch's RuntimeError, an overflowing one or one over the memory
  /// cap NumPy's errors.
  func checkedNew(_ shape: [Int], dtype: DType = .float32, copies: Int = 1) throws {
    if let d = shape.first(where: { $0 < 0 }) {
      let list = shape.map(String.init).joined(separator: ", ")
      throw PyException(
        .runtimeError, "Trying to create tensor with negative dimension \(d): [\(list)]")
    }
    guard let n = Tensor.elementCount(of: shape) else {
      let list = shape.map(String.init).joined(separator: ", ")
      throw PyException(
        .runtimeError, "Storage size calculation overflowed with sizes=[\(list)]")
    }
    do {
      try TensorMemory.checkAllocation(shape: [n, copies], dtype: dtype)
    } catch let e as TensorMemory.LimitExceeded {
      throw Runtime.memoryLimitError(requested: e.requested, live: e.live, limit: e.limit)
    } catch {
      throw PyException(
        .runtimeError,
        "DefaultCPUAllocator: can't allocate memory: you tried to allocate "
          + "\(n &* dtype.itemSize) bytes. Error code 12 (Cannot allocate memory)")
    }
  }

  /// PyTorch's broadcasting error, checked before the op so the message is PyTorch's.
  func checkBroadcast(_ a: [Int], _ b: [Int]) throws {
    let n = Swift.max(a.count, b.count)
    for k in 0..<n {
      let x = k < a.count ? a[a.count - 1 - k] : 1
      let y = k < b.count ? b[b.count - 1 - k] : 1
      if x != y && x != 1 && y != 1 {
        throw PyException(
          .runtimeError,
          "The size of tensor a (\(x)) must match the size of tensor b (\(y)) at non-singleton "
            + "dimension \(n - 1 - k)")
      }
    }
  }

  /// PyTorch's message for a 2-D product whose inner sizes differ.
  func checkMatmul(_ a: [Int], _ b: [Int]) throws {
    guard a.count == 2, b.count == 2, a[1] != b[0] else { return }
    throw PyException(
      .runtimeError,
      "mat1 and mat2 shapes cannot be multiplied (\(a[0])x\(a[1]) and \(b[0])x\(b[1]))")
  }

  /// `t op other`, or `other op t` when `reflected`, as PyTorch's `Tensor` operators compute
  /// and record them: `2 * t` is `t * 2` (the tensor is the node's first input), `2 - t` is
  /// `rsub`, `2 / t` is `t.reciprocal() * 2` (rounded twice, as PyTorch rounds it), `t ** 2` is
  /// `PowBackward0` and `2 ** t` `PowBackward2`.
  func binary(_ op: BinaryOp, _ t: Tensor, _ other: PyValue, reflected: Bool) throws -> Tensor {
    let scalar = NumPyContext.pythonScalar(other)
    let o = try scalar == nil ? tensor(other) : nil
    if let o {
      try reflected ? checkBroadcast(o.shape, t.shape) : checkBroadcast(t.shape, o.shape)
    }
    func apply(_ op: BinaryOp, _ t: Tensor, first: Bool) throws -> Tensor {
      try run {
        if let scalar { return try Tensor.binary(op, t, scalar, scalarFirst: first, style: .torch) }
        guard let o else { return t }
        return first
          ? try Tensor.binary(op, o, t, style: .torch) : try Tensor.binary(op, t, o, style: .torch)
      }
    }
    guard reflected else {
      let out = try apply(op, t, first: false)
      return op == .power && scalar != nil ? renamed(out, "PowBackward0") : out
    }
    switch op {
    case .add, .multiply: return try apply(op, t, first: false)
    case .subtract: return renamed(try apply(op, t, first: true), "RsubBackward\(o == nil ? 1 : 0)")
    case .divide:
      let reciprocal = try run {
        try Tensor.binary(.divide, t, .int(1), scalarFirst: true, style: .torch)
      }
      return try apply(.multiply, renamed(reciprocal, "ReciprocalBackward0"), first: false)
    case .power: return renamed(try apply(op, t, first: true), "PowBackward2")
    default: return try apply(op, t, first: true)
    }
  }

  /// `out=`: the result written into the given tensor, which is returned. The engine does not
  /// resize or cast into `out` (PyTorch does, with warnings): a different shape or dtype is
  /// refused.
  func write(_ result: PyValue, into out: PyValue, _ name: String) throws -> PyValue {
    guard case .native(let r as TorchTensor) = result else { return result }
    guard case .native(let o as TorchTensor) = out else {
      throw PyException(
        .typeError, "\(name)(): argument 'out' must be Tensor, not \(rt.typeName(out))")
    }
    if r.tensor.requiresGrad || (o.tensor.requiresGrad && noGradDepth == 0 && GradMode.isEnabled) {
      throw PyException(
        .runtimeError,
        "\(name)(): functions with out=... arguments don't support automatic differentiation, "
          + "but one of the arguments requires grad.")
    }
    guard o.tensor.shape == r.tensor.shape, o.tensor.dtype == r.tensor.dtype else {
      throw PyException(
        .notImplementedError,
        "torch.\(name)(out=...) of another shape or dtype than the result is not supported in "
          + "journal cells")
    }
    try run { try GradMode.withNoGrad { try o.tensor.copyInPlace(from: r.tensor) } }
    return out
  }

  /// `t` with its node named `name` when `Tensors` named it otherwise.
  func renamed(_ t: Tensor, _ name: String) -> Tensor {
    guard let current = t.gradFunctionName, current != name else { return t }
    return t.namingGradFunction(name)
  }

  /// `device=`: the engine computes on the CPU only.
  func checkDevice(_ v: PyValue) throws {
    var name = ""
    switch v {
    case .native(let d as TorchDevice): name = d.name
    case .str(let s): name = s
    default: name = (try? rt.repr(v)) ?? "?"
    }
    guard name == "cpu" || name.hasPrefix("cpu:") else {
      throw PyException(
        .notImplementedError, "torch device '\(name)' is not supported in journal cells (cpu only)")
    }
  }

  /// `requires_grad=True` of a new tensor: only floating-point tensors can have it.
  func applyRequiresGrad(_ t: inout Tensor, _ a: Arguments) throws {
    guard let r = a.value("requires_grad"), try rt.isTrue(r) else { return }
    guard t.dtype.isFloatingPoint else {
      throw PyException(
        .runtimeError, "Only Tensors of floating point and complex dtype can require gradients")
    }
    try bridged { try t.setRequiresGrad(true) }
  }

  /// A factory's result with its `dtype=`, `device=` and `requires_grad=` applied.
  func finish(_ t: Tensor, _ a: Arguments) throws -> PyValue {
    var t = t
    if let d = a.optional("dtype") { t = t.casted(to: try dtype(d)) }
    if let d = a.optional("device") { try checkDevice(d) }
    try applyRequiresGrad(&t, a)
    return wrap(t)
  }

  /// The sizes of a factory: `*sizes` (`torch.zeros(2, 3)`, `torch.zeros((2, 3))`) or `size=`.
  func factoryShape(_ a: Arguments, _ name: String, dtype: DType = .float32, copies: Int = 1)
    throws -> [Int]
  {
    let sizes = Array(a.rest())
    let size = a.optional("size")
    if !sizes.isEmpty && size != nil {
      throw PyException(.typeError, "\(name)() got multiple values for argument 'size'")
    }
    guard let given = size.map({ [$0] }) ?? (sizes.isEmpty ? nil : sizes) else {
      throw PyException(.typeError, "\(name)() missing 1 required positional arguments: \"size\"")
    }
    for v in given {
      if case .float = v {
        throw PyException(
          .typeError,
          "\(name)(): argument 'size' must be tuple of ints, but found element of type float")
      }
    }
    return try newShape(given, dtype: dtype, copies: copies)
  }

  func makeModule() -> PyModule {
    let m = PyModule(name: "torch")
    func def(_ name: String, _ body: @escaping BoundFunction) {
      m.define(name, in: TorchSignatures.module, body)
    }
    for d in DType.allCases {
      m[d == .bool ? "bool" : d.rawValue] = .native(TorchDType(d))
    }
    m["float"] = .native(TorchDType(.float32))
    m["double"] = .native(TorchDType(.float64))
    m["long"] = .native(TorchDType(.int64))
    m["int"] = .native(TorchDType(.int32))
    for name in [
      "int8", "int16", "short", "float16", "half", "bfloat16", "complex64", "complex128",
      "cfloat", "cdouble", "uint16", "uint32", "uint64",
    ] {
      m[name] = .native(TorchUnsupportedDType(name))
    }
    m["strided"] = .native(TorchLayout())
    m["Size"] = .type(
      PyClass(name: "Size", base: nil, module: "torch") { [unowned self] args, _ in
        .native(TorchSize(try args.isEmpty ? [] : self.shape([args[0]])))
      })
    def("tensor") { a in
      let dt = try a.optional("dtype").map { try self.dtype($0) }
      let data = try a.required("data")
      if case .str = data {
        throw PyException(.typeError, "new(): invalid data type 'str'")
      }
      var t = try self.tensor(data, dtype: dt).clone()
      if let d = a.optional("device") { try self.checkDevice(d) }
      try self.applyRequiresGrad(&t, a)
      return self.wrap(t)
    }
    def("manual_seed") { a in
      // PyTorch takes any seed in [-2**63, 2**64) and keeps its 64 bits.
      self.generator.manualSeed(
        UInt64(bitPattern: Int64(try self.rt.toInt(try a.required("seed")))))
      return .native(self.defaultGenerator)
    }
    // float64 draws differ from float32 draws in PyTorch, so the dtype picks the stream.
    func isDouble(_ a: Arguments) throws -> Bool {
      guard let d = a.optional("dtype") else { return false }
      return try self.dtype(d) == .float64
    }
    /// Random floats have no integer or bool kernels in PyTorch.
    func floatKernel(_ a: Arguments, _ kernel: String) throws {
      guard let d = a.optional("dtype") else { return }
      let type = try self.dtype(d)
      if !type.isFloatingPoint {
        throw PyException(
          .notImplementedError,
          "\"\(kernel)\" not implemented for '\(TorchContext.scalarTypeName(type))'")
      }
    }
    def("randn") { a in
      try floatKernel(a, "normal_kernel_cpu")
      let shape = try self.factoryShape(a, "randn", dtype: .float64, copies: 2)
      let n = shape.reduce(1, *)
      if try isDouble(a) {
        let vals = try bridged { try self.generator.normalDouble(count: n) }
        return try self.finish(try bridged { try Tensor(vals, shape: shape) }, a)
      }
      return try self.finish(
        try bridged { try Tensor(self.generator.randn(count: n), shape: shape) }, a)
    }
    def("rand") { a in
      try floatKernel(a, "check_uniform_bounds")
      let shape = try self.factoryShape(a, "rand", dtype: .float64, copies: 2)
      let n = shape.reduce(1, *)
      if try isDouble(a) {
        let vals = try bridged { try self.generator.uniformDouble(count: n) }
        return try self.finish(try bridged { try Tensor(vals, shape: shape) }, a)
      }
      let vals = try bridged { try self.generator.uniform(count: n) }
      return try self.finish(try bridged { try Tensor(vals, shape: shape) }, a)
    }
    def("randint") { a in
      // randint(high, size), randint(low, high, size), or any of them by keyword.
      var bounds = Array(a.rest())
      var size = a.optional("size")
      if size == nil, bounds.count >= 2 { size = bounds.removeLast() }
      if let l = a.optional("low") { bounds.insert(l, at: 0) }
      if let h = a.optional("high") { bounds.append(h) }
      guard let size, bounds.count == 1 || bounds.count == 2 else {
        throw PyException(
          .typeError,
          "randint() received an invalid combination of arguments - got (\(a.count) arguments), "
            + "but expected one of:\n * (int high, tuple of ints size)\n * (int low, int high, "
            + "tuple of ints size)\n")
      }
      let low = bounds.count == 2 ? Int64(try self.rt.int(bounds[0], "low")) : 0
      let high = Int64(try self.rt.int(bounds[bounds.count - 1], "high"))
      if let d = a.optional("dtype"), try self.dtype(d) == .bool, high > 2 {
        throw PyException(.runtimeError, "to - 1 is out of bounds for bool")
      }
      guard low < high else {
        throw PyException(
          .runtimeError,
          "random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)")
      }
      let shape = try self.newShape([size], dtype: .int64, copies: 2)
      let vals = try bridged {
        try self.generator.randint(low: low, high: high, count: shape.reduce(1, *))
      }
      return try self.finish(try bridged { try Tensor(vals, shape: shape) }, a)
    }
    def("randperm") { a in
      let n = try self.rt.int(try a.required("n"), "n")
      if let d = a.optional("dtype"), try self.dtype(d) == .bool {
        throw PyException(.notImplementedError, "\"randperm\" not implemented for 'Bool'")
      }
      try self.checkedNew([n], dtype: .int64, copies: 3)
      return try self.finish(try bridged { try Tensor(try self.generator.randperm(n)) }, a)
    }
    def("from_numpy") { a in
      guard case .native(let arr as NDArray) = try a.required("ndarray") else {
        throw PyException(
          .typeError, "expected np.ndarray (got \(self.rt.typeName(try a.required("ndarray"))))")
      }
      return self.wrap(arr.tensor)
    }
    def("full") { a in
      let size = try a.required("size")
      switch size {
      case .tuple, .list, .native(is TorchSize): break
      default:
        throw PyException(
          .typeError,
          "full(): argument 'size' (position 1) must be tuple of ints, not \(self.rt.typeName(size))"
        )
      }
      let shape = try self.newShape([size], dtype: .int64)
      let fill = try a.required("fill_value")
      let v: Scalar
      let natural: DType
      if let s = NumPyContext.pythonScalar(fill) {
        v = s
        switch s {
        case .double: natural = .float32
        case .int: natural = .int64
        case .bool: natural = .bool
        }
      } else {
        let t = try self.tensor(fill)
        guard t.count == 1 else {
          throw PyException(.typeError, "full(): argument 'fill_value' must be Number")
        }
        v = try bridged { try t.reshaped([]).item() }
        natural = t.dtype.isFloatingPoint ? .float32 : t.dtype == .bool ? .bool : .int64
      }
      return try self.finish(Tensor.full(shape, v, dtype: natural), a)
    }
    def("eye") { a in
      let n = try self.rt.int(try a.required("n"), "n")
      let cols = try a.optional("m").map { try self.rt.int($0, "m") } ?? n
      guard n >= 0 else {
        throw PyException(.runtimeError, "n must be greater or equal to 0, got \(n)")
      }
      guard cols >= 0 else {
        throw PyException(.runtimeError, "m must be greater or equal to 0, got \(cols)")
      }
      try checkedAllocation([n, cols], .float32)
      return try self.finish(Tensor.eye(n, cols, dtype: .float32), a)
    }
    for (name, value) in [("zeros_like", 0), ("ones_like", 1)] {
      def(name) { a in
        let t = try self.tensor(try a.required("input"))
        return try self.finish(Tensor.full(t.shape, .int(Int64(value)), dtype: t.dtype), a)
      }
    }
    for (name, value) in [("zeros", Scalar.int(0)), ("ones", .int(1))] {
      def(name) { a in
        // PyTorch's zeros words a negative size its own way.
        let sizes = a.optional("size").map { [$0] } ?? Array(a.rest())
        if name == "zeros", try self.shape(sizes).contains(where: { $0 < 0 }) {
          throw PyException(.runtimeError, "zeros: Dimension size must be non-negative.")
        }
        return try self.finish(
          Tensor.full(try self.factoryShape(a, name), value, dtype: .float32), a)
      }
    }
    def("arange") { a in
      var given: [(String, PyValue)] = []
      for name in ["start", "end", "step"] {
        if let v = a.value(name) { given.append((name, v)) }
      }
      // One number alone is the end: arange(5) and arange(end=5).
      let names = given.count == 1 ? ["end"] : ["start", "end", "step"]
      let nums = try given.enumerated().map { i, pair in
        guard let n = NumPyContext.pythonScalar(pair.1) else {
          if case .native(let x as TorchTensor) = pair.1, x.tensor.count == 1 {
            return try bridged { try x.tensor.reshaped([]).item() }
          }
          throw PyException(
            .typeError,
            "arange(): argument '\(names[Swift.min(i, names.count - 1)])' (position \(i + 1)) "
              + "must be Number, not \(self.rt.typeName(pair.1))")
        }
        return n
      }
      guard !nums.isEmpty else {
        throw PyException(
          .typeError,
          "arange() received an invalid combination of arguments - got (), but expected one of:"
            + "\n * (Number end)\n * (Number start, Number end)\n * (Number start, Number end, "
            + "Number step)\n")
      }
      let (s, e, st): (Scalar, Scalar, Scalar) =
        nums.count == 1
        ? (.int(0), nums[0], .int(1))
        : nums.count == 2 ? (nums[0], nums[1], .int(1)) : (nums[0], nums[1], nums[2])
      if st.doubleValue == 0 { throw PyException(.runtimeError, "step must be nonzero") }
      if (e.doubleValue - s.doubleValue) * st.doubleValue < 0 {
        throw PyException(.runtimeError, "upper bound and lower bound inconsistent with step sign")
      }
      if let d = a.optional("dtype"), try self.dtype(d) == .bool {
        throw PyException(.notImplementedError, "\"arange_cpu\" not implemented for 'Bool'")
      }
      return try self.finish(try bridged { try Tensor.arange(s, e, step: st, style: .torch) }, a)
    }
    def("linspace") { a in
      func number(_ key: String) throws -> Double {
        let v = try a.required(key)
        if case .native(let x as TorchTensor) = v, x.tensor.rank == 0 {
          return try bridged { try x.tensor.item().doubleValue }
        }
        guard let n = NumPyContext.pythonScalar(v) else {
          throw PyException(
            .typeError,
            "linspace(): argument '\(key)' must be Number, not \(self.rt.typeName(v))")
        }
        return n.doubleValue
      }
      let (start, end) = (try number("start"), try number("end"))
      let stepsValue = try a.required("steps")
      guard case .int(let steps) = stepsValue else {
        let overload =
          ", int steps, *, Tensor out = None, torch.dtype dtype = None, torch.layout layout = "
          + "None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)"
        let given = [a.value("start"), a.value("end"), stepsValue].map {
          $0.map { self.rt.typeName($0) } ?? "?"
        }
        throw PyException(
          .typeError,
          "linspace() received an invalid combination of arguments - got "
            + "(\(given.joined(separator: ", "))), but expected one of:\n"
            + [
              "(Tensor start, Tensor end", "(Number start, Tensor end",
              "(Tensor start, Number end", "(Number start, Number end",
            ]
            .map { " * " + $0 + overload + "\n" }.joined())
      }
      guard steps >= 0 else {
        throw PyException(.runtimeError, "number of steps must be non-negative")
      }
      let type = try a.optional("dtype").map { try self.dtype($0) } ?? .float32
      if type == .bool {
        throw PyException(.notImplementedError, "\"linspace_cpu\" not implemented for 'Bool'")
      }
      try checkedAllocation([steps], .float64)
      return try self.finish(
        try bridged { try TorchContext.linspace(start, end, steps: steps, dtype: type) }, a)
    }
    for (name, normal) in [("rand_like", false), ("randn_like", true)] {
      def(name) { a in
        let input = try self.tensor(try a.required("input"))
        let type = try a.optional("dtype").map { try self.dtype($0) } ?? input.dtype
        if !type.isFloatingPoint {
          let kernel = normal ? "normal_kernel_cpu" : "check_uniform_bounds"
          throw PyException(
            .notImplementedError,
            "\"\(kernel)\" not implemented for '\(TorchContext.scalarTypeName(type))'")
        }
        // The same draws as torch.rand / torch.randn of the input's shape and this dtype.
        let n = input.count
        var t: Tensor
        switch (normal, type == .float64) {
        case (true, true): t = try bridged { try Tensor(self.generator.normalDouble(count: n)) }
        case (true, false): t = try bridged { try Tensor(self.generator.randn(count: n)) }
        case (false, true): t = try bridged { try Tensor(self.generator.uniformDouble(count: n)) }
        case (false, false): t = try bridged { try Tensor(self.generator.uniform(count: n)) }
        }
        t = try bridged { try t.reshaped(input.shape).casted(to: type) }
        return try self.finish(t, a)
      }
    }
    def("no_grad") { _ in .native(NoGrad(torch: self)) }
    // The engine computes on the CPU: the default device can only be the CPU.
    def("set_default_device") { a in
      let d = try a.required("device")
      if !NumPyContext.isNoneLiteral(d) { try self.checkDevice(d) }
      return .none
    }
    def("get_default_device") { _ in .native(TorchDevice("cpu")) }
    m["default_generator"] = .native(defaultGenerator)
    def("Generator") { a in
      if let d = a.value("device") { try self.checkDevice(d) }
      return .native(
        TorchGeneratorObject(
          torch: self, own: TorchGenerator(), initialSeed: TorchGenerator.defaultSeed))
    }
    def("device") { a in
      let given = try self.rt.string(try a.required("type"), "type")
      var name = given
      var index = try a.optional("index").map { try self.rt.int($0, "index") }
      if let colon = given.firstIndex(of: ":") {
        name = String(given[..<colon])
        guard index == nil else {
          throw PyException(
            .runtimeError,
            "type (string) must not include an index because index was passed explicitly: \(given)")
        }
        guard let i = Int(given[given.index(after: colon)...]), i >= 0 else {
          throw PyException(.runtimeError, "Invalid device string: '\(given)'")
        }
        index = i
      }
      if let i = index, i < 0 {
        throw PyException(.runtimeError, "Device index must not be negative")
      }
      let types = [
        "cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga",
        "maia", "xla", "lazy", "vulkan", "mps", "meta", "hpu", "mtia", "privateuseone",
      ]
      guard types.contains(name) else {
        throw PyException(
          .runtimeError,
          "Expected one of \(types.joined(separator: ", ")) device type at start of device "
            + "string: \(given)")
      }
      if name == "cpu", let i = index, i != 0 {
        throw PyException(
          .notImplementedError, "torch device 'cpu:\(i)' is not supported in journal cells")
      }
      return .native(TorchDevice(name, index: index))
    }
    let accelerator = PyModule(name: "torch.accelerator")
    // The engine has no accelerator: PyTorch's answers on a machine without one.
    accelerator.define("is_available", in: TorchSignatures.accelerator) { _ in .bool(false) }
    accelerator.define("device_count", in: TorchSignatures.accelerator) { _ in .int(0) }
    accelerator.define("current_accelerator", in: TorchSignatures.accelerator) { a in
      // None whether or not the caller asks for an available one.
      _ = a.value("check_available")
      return .none
    }
    m["accelerator"] = .module(accelerator)
    m["Tensor"] = .type(tensorClass)
    // Determinism switches of the CUDA backend: accepted and ignored on the CPU engine.
    let backends = PyModule(name: "torch.backends")
    let cudnn = PyModule(name: "torch.backends.cudnn")
    cudnn["deterministic"] = .bool(false)
    cudnn["benchmark"] = .bool(false)
    cudnn["enabled"] = .bool(true)
    backends["cudnn"] = .module(cudnn)
    m["backends"] = .module(backends)
    let cuda = PyModule(name: "torch.cuda")
    cuda.define("is_available", in: TorchSignatures.cuda) { _ in .bool(false) }
    cuda.define("device_count", in: TorchSignatures.cuda) { _ in .int(0) }
    m["cuda"] = .module(cuda)
    def("equal") { a in
      let x = try self.tensor(try a.required("input"))
      let y = try self.tensor(try a.required("other"))
      guard x.shape == y.shape else { return .bool(false) }
      return .bool(x.casted(to: .float64).doubles == y.casted(to: .float64).doubles)
    }
    def("allclose") { a in
      let x = try self.tensor(try a.required("input"))
      let y = try self.tensor(try a.required("other"))
      if x.dtype != y.dtype {
        throw PyException(
          .runtimeError,
          "\(TorchContext.scalarTypeName(y.dtype)) did not match "
            + "\(TorchContext.scalarTypeName(x.dtype))")
      }
      let rtol = try a.value("rtol").map { try self.rt.double($0) } ?? 1e-5
      let atol = try a.value("atol").map { try self.rt.double($0) } ?? 1e-8
      let b = try self.run { try Tensor.broadcastShapes(x.shape, y.shape) }
      let xs = try self.run { try x.expanded(to: b).casted(to: .float64).contiguous().doubles }
      let ys = try self.run { try y.expanded(to: b).casted(to: .float64).contiguous().doubles }
      return .bool(
        zip(xs, ys).allSatisfy { $0 == $1 || Swift.abs($0 - $1) <= atol + rtol * Swift.abs($1) })
    }
    m["autograd"] = .module(makeAutograd())
    defineLegacyConstructors(m)
    m["nn"] = .module(makeNN())
    m["optim"] = .module(makeOptim())
    let utils = PyModule(name: "torch.utils")
    utils["data"] = .module(makeUtilsData())
    m["utils"] = .module(utils)
    for name in ["cat", "stack"] {
      def(name) { a in
        let ts = try self.rt.toArray(try a.required("tensors")).map { try self.tensor($0) }
        let dim = try a.value("dim").map { try self.rt.int($0, "dim") } ?? 0
        try self.checkJoin(name, ts, dim: dim)
        if ts.allSatisfy({ $0.rank == 1 && $0.count == 0 }), name == "cat" {
          let type = ts.dropFirst().reduce(ts[0].dtype) {
            DType.promoted($0, $1.dtype, style: .torch)
          }
          return self.wrap(Tensor.zeros([0], dtype: type))
        }
        return self.wrap(
          try self.run {
            name == "cat"
              ? try Tensor.concatenate(ts, axis: dim, style: .torch)
              : try Tensor.stack(ts, axis: dim, style: .torch)
          })
      }
    }
    // `torch.sum(x, ...)` and friends: the method's body on `input`.
    for name in TorchSignatures.unary + TorchSignatures.sharedWithMethods {
      def(name) { a in
        let input = try a.required("input")
        let t: TorchTensor
        if case .native(let x as TorchTensor) = input {
          t = x
        } else {
          throw PyException(
            .typeError,
            "\(name)(): argument 'input' (position 1) must be Tensor, not \(self.rt.typeName(input))"
          )
        }
        guard let body = t.methodBody(name) else { return .none }
        let result = try body(a)
        guard a.has("out"), let out = a.optional("out") else { return result }
        return try self.write(result, into: out, name)
      }
    }
    return m
  }
}

/// A PyTorch dtype the engine has no storage for (`torch.int8`, `torch.float16`): naming it
/// works, using it is refused with its name.
final class TorchUnsupportedDType: PyNativeObject {
  let name: String
  init(_ name: String) { self.name = name }
  var typeName: String { "dtype" }
  func repr() throws -> String { "torch.\(name)" }
}

/// `torch.strided`, the only layout.
final class TorchLayout: PyNativeObject {
  var typeName: String { "layout" }
  func repr() throws -> String { "torch.strided" }
}

/// A `torch.Generator`: the session's default generator (what `torch.manual_seed` returns) or
/// one of its own (`torch.Generator().manual_seed(42)`, for `random_split`).
final class TorchGeneratorObject: PyNativeObject {
  unowned let torch: TorchContext
  /// nil: the session's default generator.
  var own: TorchGenerator?
  var initialSeed: UInt64

  init(torch: TorchContext, own: TorchGenerator?, initialSeed: UInt64) {
    self.torch = torch
    self.own = own
    self.initialSeed = initialSeed
  }

  var typeName: String { "Generator" }
  func repr() throws -> String { "<torch._C.Generator object>" }

  /// A permutation of `0..<n` drawn from this generator, as `torch.randperm(n, generator=g)`.
  func randperm(_ n: Int) throws -> [Int64] {
    guard var g = own else { return try bridged { try torch.generator.randperm(n) } }
    defer { own = g }
    return try bridged { try g.randperm(n) }
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "manual_seed":
      return .builtin(
        PyBuiltin("manual_seed") { [self] args, kwargs in
          let seed = UInt64(
            bitPattern: Int64(
              try torch.rt.toInt(try Arguments(name, args, kwargs).required(0, "seed"))))
          if own != nil {
            own = TorchGenerator(seed: seed)
          } else {
            torch.generator.manualSeed(seed)
          }
          initialSeed = seed
          return .native(self)
        })
    case "initial_seed":
      return .builtin(
        PyBuiltin("initial_seed") { [self] _, _ in .int(Int(truncatingIfNeeded: initialSeed)) })
    case "device": return .native(TorchDevice("cpu"))
    default: return nil
    }
  }
}

/// `torch.no_grad()`: a context manager counting its depth in the session.
final class NoGrad: PyNativeObject {
  let torch: TorchContext
  init(torch: TorchContext) { self.torch = torch }
  var typeName: String { "no_grad" }
  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "__enter__":
      return .builtin(
        PyBuiltin(name) { [torch] _, _ in
          torch.noGradDepth += 1
          return .none
        })
    case "__exit__":
      return .builtin(
        PyBuiltin(name) { [torch] _, _ in
          torch.noGradDepth -= 1
          return .bool(false)
        })
    default: return nil
    }
  }
}

/// `torch.float32` and friends.
final class TorchDType: PyNativeObject {
  let dtype: DType
  init(_ dtype: DType) { self.dtype = dtype }
  var typeName: String { "dtype" }
  func repr() throws -> String { TorchFormat.dtypeName(dtype) }
  func compare(_ op: CompareOperator, _ other: PyValue) throws -> PyValue? {
    guard op == .eq || op == .ne, case .native(let o as TorchDType) = other else { return nil }
    return .bool((o.dtype == dtype) == (op == .eq))
  }
}

/// `torch.Size([2, 3])`: a tuple of ints that prints its own way.
final class TorchSize: PyNativeObject {
  let shape: [Int]
  init(_ shape: [Int]) { self.shape = shape }
  var typeName: String { "Size" }
  func repr() throws -> String {
    "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
  }
  func length() throws -> Int? { shape.count }
  func getItem(_ key: PyValue) throws -> PyValue {
    if case .slice(let a, let b, let c) = key, let rt = Runtime.current {
      let (start, step, count) = try rt.sliceIndices(a, b, c, shape.count)
      return .native(TorchSize((0..<count).map { shape[start + $0 * step] }))
    }
    guard case .int(var i) = key else {
      throw PyException(.typeError, "tuple indices must be integers or slices")
    }
    if i < 0 { i += shape.count }
    guard i >= 0 && i < shape.count else {
      throw PyException(.indexError, "tuple index out of range")
    }
    return .int(shape[i])
  }
  func makeIterator() throws -> PyIterator? { .over(shape.map { .int($0) }) }
  func compare(_ op: CompareOperator, _ other: PyValue) throws -> PyValue? {
    guard op == .eq || op == .ne else { return nil }
    var same = false
    if case .native(let o as TorchSize) = other { same = o.shape == shape }
    if case .tuple(let items) = other {
      same =
        items.count == shape.count
        && zip(items, shape).allSatisfy {
          if case .int(let x) = $0 { return x == $1 }; return false
        }
    }
    return .bool(same == (op == .eq))
  }
}

/// Installs `torch` in a session.
public enum TorchBridge {
  public static func register(in interpreter: Interpreter) {
    var context: TorchContext?
    interpreter.registerModule("torch") { i in
      let c = context ?? TorchContext(i)
      context = c
      return c.makeModule()
    }
    // Submodules are attributes of `torch`; importing them by dotted name finds the same objects.
    for (name, path) in [
      ("torch.nn", ["nn"]), ("torch.optim", ["optim"]),
      ("torch.nn.functional", ["nn", "functional"]), ("torch.nn.init", ["nn", "init"]),
      ("torch.nn.utils", ["nn", "utils"]), ("torch.nn.utils.rnn", ["nn", "utils", "rnn"]),
      ("torch.optim.lr_scheduler", ["optim", "lr_scheduler"]), ("torch.utils", ["utils"]),
      ("torch.utils.data", ["utils", "data"]), ("torch.backends", ["backends"]),
      ("torch.backends.cudnn", ["backends", "cudnn"]), ("torch.autograd", ["autograd"]),
    ] {
      interpreter.registerModule(name) { i in
        var value = PyValue.module(try i.runtime.importModule("torch"))
        for part in path {
          guard case .module(let m) = value, let next = m[part] else {
            throw PyException(.moduleNotFoundError, "No module named '\(name)'")
          }
          value = next
        }
        guard case .module(let m) = value else {
          throw PyException(.moduleNotFoundError, "No module named '\(name)'")
        }
        return m
      }
    }
  }
}
