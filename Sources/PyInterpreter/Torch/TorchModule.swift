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

  init(_ interpreter: Interpreter) { self.interpreter = interpreter }

  var rt: Runtime { interpreter.runtime }

  /// Runs a tensor operation with autograd off inside `no_grad`, mapping errors to Python's.
  func run<T>(_ body: () throws -> T) throws -> T {
    if noGradDepth > 0 { return try bridged { try GradMode.withNoGrad(body) } }
    return try bridged(body)
  }

  func wrap(_ t: Tensor) -> PyValue { .native(TorchTensor(t, torch: self)) }

  func dtype(_ v: PyValue) throws -> DType {
    if case .native(let d as TorchDType) = v { return d.dtype }
    if case .type(let c) = v {
      switch c.name {
      case "float": return .float32
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
      return Tensor(scalar: s, dtype: dtype ?? natural)
    }
    let t = try numpy.tensor(v)
    let natural: DType = t.dtype == .float64 ? .float32 : t.dtype
    return t.casted(to: dtype ?? natural)
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

  func binary(_ op: BinaryOp, _ t: Tensor, _ other: PyValue, reflected: Bool) throws -> Tensor {
    if let s = NumPyContext.pythonScalar(other) {
      return try run { try Tensor.binary(op, t, s, scalarFirst: reflected, style: .torch) }
    }
    let o = try tensor(other)
    try reflected ? checkBroadcast(o.shape, t.shape) : checkBroadcast(t.shape, o.shape)
    return try run {
      reflected
        ? try Tensor.binary(op, o, t, style: .torch) : try Tensor.binary(op, t, o, style: .torch)
    }
  }

  func makeModule() -> PyModule {
    let m = PyModule(name: "torch")
    func def(_ name: String, _ body: @escaping (Arguments) throws -> PyValue) {
      m.define(name) { args, kwargs in try body(Arguments(name, args, kwargs)) }
    }
    for d in DType.allCases {
      m[d == .bool ? "bool" : d.rawValue] = .native(TorchDType(d))
    }
    m["float"] = .native(TorchDType(.float32))
    m["double"] = .native(TorchDType(.float64))
    m["long"] = .native(TorchDType(.int64))
    m["int"] = .native(TorchDType(.int32))
    func finish(_ t: Tensor, _ a: Arguments) throws -> PyValue {
      var t = t
      if let d = a.keyword("dtype"), !NumPyContext.isNoneLiteral(d) {
        t = t.casted(to: try dtype(d))
      }
      if let r = a.keyword("requires_grad"), try rt.isTrue(r) {
        try bridged { try t.setRequiresGrad(true) }
      }
      return wrap(t)
    }
    def("tensor") { a in
      let dt = try a.keyword("dtype").flatMap {
        NumPyContext.isNoneLiteral($0) ? nil : try self.dtype($0)
      }
      var t = try self.tensor(try a.required(0, "data"), dtype: dt).clone()
      if let r = a.keyword("requires_grad"), try self.rt.isTrue(r) {
        try bridged { try t.setRequiresGrad(true) }
      }
      return self.wrap(t)
    }
    def("manual_seed") { a in
      // PyTorch takes any seed in [-2**63, 2**64) and keeps its 64 bits.
      self.generator.manualSeed(
        UInt64(bitPattern: Int64(try self.rt.toInt(try a.required(0, "seed")))))
      return .none
    }
    // float64 draws differ from float32 draws in PyTorch, so the dtype picks the stream.
    func isDouble(_ a: Arguments) throws -> Bool {
      guard let d = a.keyword("dtype"), !NumPyContext.isNoneLiteral(d) else { return false }
      return try self.dtype(d) == .float64
    }
    def("randn") { a in
      let shape = try self.newShape(a.positional, dtype: .float64, copies: 2)
      let n = shape.reduce(1, *)
      if try isDouble(a) {
        let vals = try bridged { try self.generator.normalDouble(count: n) }
        return try finish(try bridged { try Tensor(vals, shape: shape) }, a)
      }
      return try finish(try bridged { try Tensor(self.generator.randn(count: n), shape: shape) }, a)
    }
    def("rand") { a in
      let shape = try self.newShape(a.positional, dtype: .float64, copies: 2)
      let n = shape.reduce(1, *)
      if try isDouble(a) {
        let vals = try bridged { try self.generator.uniformDouble(count: n) }
        return try finish(try bridged { try Tensor(vals, shape: shape) }, a)
      }
      let vals = try bridged { try self.generator.uniform(count: n) }
      return try finish(try bridged { try Tensor(vals, shape: shape) }, a)
    }
    def("randint") { a in
      var low: Int64 = 0
      var high: Int64
      let sizeIndex: Int
      if a.count >= 3 {
        low = Int64(try self.rt.toInt(a.at(0)))
        high = Int64(try self.rt.toInt(a.at(1)))
        sizeIndex = 2
      } else {
        high = Int64(try self.rt.toInt(try a.required(0, "high")))
        sizeIndex = 1
      }
      let shape = try self.newShape([try a.required(sizeIndex, "size")], dtype: .int64, copies: 2)
      let vals = try bridged {
        try self.generator.randint(low: low, high: high, count: shape.reduce(1, *))
      }
      return try finish(try bridged { try Tensor(vals, shape: shape) }, a)
    }
    def("randperm") { a in
      let n = try self.rt.toInt(try a.required(0, "n"))
      try self.checkedNew([n], dtype: .int64, copies: 3)
      return try finish(try bridged { try Tensor(try self.generator.randperm(n)) }, a)
    }
    def("from_numpy") { a in
      guard case .native(let arr as NDArray) = try a.required(0, "ndarray") else {
        throw PyException(.typeError, "expected np.ndarray")
      }
      return self.wrap(arr.tensor)
    }
    def("full") { a in
      let shape = try self.newShape([try a.required(0, "size")], dtype: .int64)
      guard let v = NumPyContext.pythonScalar(try a.required(1, "fill_value")) else {
        throw PyException(.typeError, "full(): fill_value must be a number")
      }
      let dt: DType
      switch v {
      case .double: dt = .float32
      case .int: dt = .int64
      case .bool: dt = .bool
      }
      return try finish(Tensor.full(shape, v, dtype: dt), a)
    }
    def("eye") { a in
      let n = try self.rt.toInt(try a.required(0, "n"))
      guard n >= 0 else {
        throw PyException(.runtimeError, "n must be greater or equal to 0, got \(n)")
      }
      try checkedAllocation([n, n], .float32)
      return try finish(Tensor.eye(n, dtype: .float32), a)
    }
    for (name, value) in [("zeros_like", 0), ("ones_like", 1)] {
      def(name) { a in
        let t = try self.tensor(try a.required(0, "input"))
        return try finish(Tensor.full(t.shape, .int(Int64(value)), dtype: t.dtype), a)
      }
    }
    def("softmax") { a in
      let x = try self.tensor(try a.required(0, "input"))
      let d = try self.rt.toInt(try a.required(1, "dim"))
      return self.wrap(try self.run { try Functional.softmax(x, axis: d) })
    }
    def("log_softmax") { a in
      let x = try self.tensor(try a.required(0, "input"))
      let d = try self.rt.toInt(try a.required(1, "dim"))
      return self.wrap(try self.run { try Functional.logSoftmax(x, axis: d) })
    }
    def("zeros") { a in
      // PyTorch's zeros words a negative size its own way.
      if try self.shape(a.positional).contains(where: { $0 < 0 }) {
        throw PyException(.runtimeError, "zeros: Dimension size must be non-negative.")
      }
      return try finish(Tensor.zeros(try self.newShape(a.positional), dtype: .float32), a)
    }
    def("ones") { a in
      try finish(Tensor.ones(try self.newShape(a.positional), dtype: .float32), a)
    }
    def("arange") { a in
      try a.expect(min: 1, max: 3, keywords: ["dtype", "requires_grad", "device"])
      let names = a.count == 1 ? ["end"] : ["start", "end", "step"]
      let nums = try a.positional.enumerated().map { i, v in
        guard let n = NumPyContext.pythonScalar(v) else {
          throw PyException(
            .typeError,
            "arange(): argument '\(names[i])' (position \(i + 1)) must be Number, not "
              + self.rt.typeName(v))
        }
        return n
      }
      let (s, e, st): (Scalar, Scalar, Scalar) =
        nums.count == 1
        ? (.int(0), nums[0], .int(1))
        : nums.count == 2 ? (nums[0], nums[1], .int(1)) : (nums[0], nums[1], nums[2])
      return try finish(try bridged { try Tensor.arange(s, e, step: st, style: .torch) }, a)
    }
    def("matmul") { a in
      let x = try self.tensor(a.at(0)), y = try self.tensor(a.at(1))
      try self.checkMatmul(x.shape, y.shape)
      return self.wrap(try self.run { try Tensor.matmul(x, y, style: .torch) })
    }
    def("no_grad") { _ in .native(NoGrad(torch: self)) }
    def("device") { a in
      let name = try self.rt.string(try a.required(0, "type"), "type")
      guard name.hasPrefix("cpu") else {
        throw PyException(.runtimeError, "the embedded engine has no device '\(name)', only 'cpu'")
      }
      return .native(TorchDevice("cpu"))
    }
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
    cuda.define("is_available") { _, _ in .bool(false) }
    cuda.define("device_count") { _, _ in .int(0) }
    m["cuda"] = .module(cuda)
    def("equal") { a in
      let x = try self.tensor(try a.required(0, "input")), y = try self.tensor(try a.required(1, "other"))
      guard x.shape == y.shape else { return .bool(false) }
      return .bool(x.casted(to: .float64).doubles == y.casted(to: .float64).doubles)
    }
    def("allclose") { a in
      let x = try self.tensor(try a.required(0, "input")), y = try self.tensor(try a.required(1, "other"))
      let rtol = try a.value(2, "rtol").map { try self.rt.double($0) } ?? 1e-5
      let atol = try a.value(3, "atol").map { try self.rt.double($0) } ?? 1e-8
      let b = try self.run { try Tensor.broadcastShapes(x.shape, y.shape) }
      let xs = try self.run { try x.expanded(to: b).casted(to: .float64).contiguous().doubles }
      let ys = try self.run { try y.expanded(to: b).casted(to: .float64).contiguous().doubles }
      return .bool(zip(xs, ys).allSatisfy { Swift.abs($0 - $1) <= atol + rtol * Swift.abs($1) })
    }
    m["nn"] = .module(makeNN())
    m["optim"] = .module(makeOptim())
    let utils = PyModule(name: "torch.utils")
    utils["data"] = .module(makeUtilsData())
    m["utils"] = .module(utils)
    def("cat") { a in
      let ts = try self.rt.toArray(try a.required(0, "tensors")).map { try self.tensor($0) }
      let dim = try a.value(1, "dim").map { try self.rt.toInt($0) } ?? 0
      return self.wrap(try self.run { try Tensor.concatenate(ts, axis: dim, style: .torch) })
    }
    def("stack") { a in
      let ts = try self.rt.toArray(try a.required(0, "tensors")).map { try self.tensor($0) }
      let dim = try a.value(1, "dim").map { try self.rt.toInt($0) } ?? 0
      return self.wrap(try self.run { try Tensor.stack(ts, axis: dim, style: .torch) })
    }
    for name in [
      "exp", "log", "tanh", "sigmoid", "relu", "abs", "sqrt", "sin", "cos", "sum",
      "mean", "argmax", "max", "min",
    ] {
      def(name) { a in
        guard case .native(let t as TorchTensor) = try a.required(0, "input") else {
          throw PyException(.typeError, "\(name)(): argument 'input' must be Tensor")
        }
        guard case .builtin(let b)? = try t.getAttribute(name) else { return .none }
        return try b.body(Array(a.positional.dropFirst()), a.keywords)
      }
    }
    return m
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
      ("torch.backends.cudnn", ["backends", "cudnn"]),
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
