import Foundation
import Tensors

/// Installs the Tensor-backed modules (`numpy`) in a session.
public enum NumPyBridge {
  /// Makes `import numpy` (and `numpy.random`, `numpy.linalg`) available in `interpreter`; each
  /// session gets its own legacy `RandomState` stream.
  public static func register(in interpreter: Interpreter) {
    var context: NumPyContext?
    func shared(_ i: Interpreter) -> NumPyContext {
      if let c = context { return c }
      let c = NumPyContext(i)
      context = c
      return c
    }
    interpreter.registerModule("numpy") { i in shared(i).makeModule() }
    interpreter.registerModule("numpy.random") { i in
      guard case .module(let m)? = try shared(i).rt.importModule("numpy")["random"] else {
        throw PyException(.importError, "numpy.random")
      }
      return m
    }
    interpreter.registerModule("numpy.linalg") { i in
      guard case .module(let m)? = try shared(i).rt.importModule("numpy")["linalg"] else {
        throw PyException(.importError, "numpy.linalg")
      }
      return m
    }
  }
}

/// Installs every bridge module (`numpy`, `torch`) in `interpreter`.
public func registerBridge(in interpreter: Interpreter) {
  NumPyBridge.register(in: interpreter)
  TorchBridge.register(in: interpreter)
}

extension NumPyContext {
  func makeModule() -> PyModule {
    let m = PyModule(name: "numpy")
    func def(_ name: String, _ body: @escaping BoundFunction) {
      define(name, in: NumPySignatures.module, of: m, body)
    }
    m["pi"] = .float(Double.pi)
    m["e"] = .float(M_E)
    m["inf"] = .float(.infinity)
    m["nan"] = .float(.nan)
    m["newaxis"] = PyValue.none
    m["ndarray"] = .type(ndarrayClass)
    for d in DType.allCases {
      m[d == .bool ? "bool_" : d.rawValue] = .native(typeObject(d))
    }
    for name in [
      "int8", "int16", "uint16", "uint32", "uint64", "float16", "longdouble", "complex64",
      "complex128", "str_", "bytes_", "object_", "datetime64", "timedelta64", "byte", "short",
      "ushort", "uintc", "half", "csingle", "cdouble", "complex_", "ubyte", "intc", "single",
      "double",
    ] where m[name] == nil {
      switch name {
      case "ubyte": m[name] = .native(typeObject(.uint8))
      case "intc": m[name] = .native(typeObject(.int32))
      case "single": m[name] = .native(typeObject(.float32))
      case "double": m[name] = .native(typeObject(.float64))
      default: m[name] = .native(NPUnsupportedType(NumPyContext.unsupportedDTypes[name] ?? name))
      }
    }
    m["bool"] = .native(typeObject(.bool))
    m["float_"] = .native(typeObject(.float64))
    m["int_"] = .native(typeObject(.int64))
    def("dtype") { a in
      .native(NPDType(try self.dtype(try a.required("dtype")), isType: false, numpy: self))
    }

    // Creation.
    def("array") { a in
      let dt = try self.optionalDType(a.value("dtype"))
      return self.array(try self.tensor(try a.required("object"), dtype: dt).clone())
    }
    def("asarray") { a in
      let v = try a.required("a")
      let dt = try self.optionalDType(a.value("dtype"))
      if case .native(let x as NDArray) = v, !x.isScalar, dt == nil || dt == x.tensor.dtype {
        return v
      }
      return self.array(try self.tensor(v, dtype: dt))
    }
    func filled(_ name: String, _ value: Scalar?) {
      def(name) { a in
        let shape = try self.newShape(try a.required("shape"))
        let dt = try self.optionalDType(a.value("dtype"))
        try checkedAllocation(shape, dt ?? .float64)
        if let value { return self.array(Tensor.full(shape, value, dtype: dt ?? .float64)) }
        let fill = try self.fillValue(try a.required("fill_value"))
        return self.array(try bridged { try fill.expanded(to: shape).casted(to: dt ?? fill.dtype) })
      }
    }
    filled("zeros", .int(0))
    filled("empty", .int(0))
    filled("ones", .int(1))
    filled("full", nil)
    func like(_ name: String, _ value: Scalar?) {
      def(name) { a in
        let t = try self.tensor(try a.required(name == "empty_like" ? "prototype" : "a"))
        let dt = try self.optionalDType(a.value("dtype")) ?? t.dtype
        try checkedAllocation(t.shape, dt)
        if let value { return self.array(Tensor.full(t.shape, value, dtype: dt)) }
        let fill = try self.fillValue(try a.required("fill_value"))
        return self.array(try bridged { try fill.expanded(to: t.shape).casted(to: dt) })
      }
    }
    like("zeros_like", .int(0))
    like("empty_like", .int(0))
    like("ones_like", .int(1))
    like("full_like", nil)
    def("arange") { a in
      func number(_ v: PyValue) throws -> Scalar {
        guard let s = NumPyContext.pythonScalar(v) else { return try self.tensor(v).item() }
        return s
      }
      guard let given = a.optional("start_or_stop") ?? a.optional("stop") else {
        throw PyException(.typeError, "arange() requires stop to be specified.")
      }
      let first = try number(given)
      let stop = a.has("start_or_stop") ? try a.optional("stop").map(number) : nil
      let step = try a.value("step").map(number) ?? .int(1)
      let dt = try self.optionalDType(a.value("dtype"))
      let (start, end) = stop.map { (first, $0) } ?? (.int(0), first)
      if step.doubleValue == 0 { throw PyException(.zeroDivisionError, "division by zero") }
      if let dt, dt.isInteger {
        for case .int(let i) in [start, end, step] where !NumPyContext.fits(i, dt) {
          throw PyException(.overflowError, "Python integer \(i) out of bounds for \(dt)")
        }
      }
      let r = try bridged { try Tensor.arange(start, end, step: step, dtype: dt) }
      if dt == .bool && r.count > 2 {
        throw PyException(
          .typeError,
          "arange() is only supported for booleans when the result has at most length 2.")
      }
      return self.array(r)
    }
    def("linspace") { a in
      let first = try a.required("start")
      let last = try a.required("stop")
      // The result type of the ends: float32 ends give float32, as NumPy's does.
      var natural = DType.float64
      for v in [first, last] {
        if case .list = v {
          throw PyException(
            .notImplementedError, "numpy.linspace between arrays is not supported in journal cells")
        }
        guard case .native(let x as NDArray) = v else { continue }
        guard x.tensor.rank == 0 else {
          throw PyException(
            .notImplementedError, "numpy.linspace between arrays is not supported in journal cells")
        }
        if x.tensor.dtype == .float32 { natural = .float32 }
      }
      if natural == .float32,
        [first, last].contains(where: {
          if case .native(let x as NDArray) = $0 { return x.tensor.dtype == .float64 }
          return false
        })
      {
        natural = .float64
      }
      if natural == .float32 {
        throw PyException(
          .notImplementedError,
          "numpy.linspace between float32 values is not supported in journal cells")
      }
      let start = try self.rt.double(first)
      let stop = try self.rt.double(last)
      let num = try a.value("num").map { try self.integer($0) } ?? 50
      let endpoint = try a.value("endpoint").map { try self.rt.isTrue($0) } ?? true
      let dt = try self.optionalDType(a.value("dtype"))
      guard num >= 0 else {
        throw PyException(.valueError, "Number of samples, \(num), must be non-negative.")
      }
      try checkedAllocation([num], .float64)
      var t: Tensor
      if endpoint {
        t = try bridged { try Tensor.linspace(start, stop, count: num) }
      } else {
        let step = (stop - start) / Double(num)
        t = try bridged { try Tensor((0..<num).map { start + Double($0) * step }) }
      }
      if let dt { t = t.casted(to: dt) }
      return self.array(t)
    }
    def("eye") { a in
      let n = try self.integer(try a.required("N"))
      let cols = try a.optional("M").map { try self.integer($0) }
      if n < 0 || (cols ?? 0) < 0 {
        throw PyException(.valueError, "negative dimensions are not allowed")
      }
      let k = try a.value("k").map { try self.integer($0) } ?? 0
      let dt = try self.optionalDType(a.value("dtype")) ?? .float64
      try checkedAllocation([n, cols ?? n], dt)
      return self.array(Tensor.eye(n, cols, k: k, dtype: dt))
    }
    def("identity") { a in
      let dt = try self.optionalDType(a.value("dtype")) ?? .float64
      let n = try self.integer(try a.required("n"))
      if n < 0 { throw PyException(.valueError, "negative dimensions are not allowed") }
      try checkedAllocation([n, n], dt)
      return self.array(Tensor.eye(n, dtype: dt))
    }
    def("copy") { a in self.array(try self.tensor(try a.required("a")).clone()) }

    // Products.
    def("dot") { a in
      self.wrap(
        try self.dot(try self.tensor(try a.required("a")), try self.tensor(try a.required("b"))))
    }
    def("matmul") { a in
      let x = try self.tensor(try a.required("x1"))
      let y = try self.tensor(try a.required("x2"))
      return self.wrap(try bridged { try Tensor.matmul(x, y) })
    }
    def("outer") { a in
      let x = try self.tensor(try a.required("a"))
      let y = try self.tensor(try a.required("b"))
      return self.wrap(try bridged { try Tensor.outer(x, y) })
    }

    // Elementwise.
    let unaries: [String: UnaryOp] = [
      "exp": .exp, "log": .log, "log2": .log2, "log10": .log10, "sqrt": .sqrt, "tanh": .tanh,
      "sin": .sin, "cos": .cos, "tan": .tan, "abs": .abs, "absolute": .abs, "sign": .sign,
      "square": .square, "floor": .floor, "ceil": .ceil, "log1p": .log1p, "expm1": .expm1,
      "negative": .negative, "isnan": .isnan, "isinf": .isinf, "isfinite": .isfinite,
      "logical_not": .logicalNot, "rint": .round,
    ]
    for name in NumPySignatures.unaryUfuncs {
      guard let op = unaries[name] else { continue }
      def(name) { a in
        let t = try self.tensor(try a.required("x"))
        let type = try self.unaryResultType(name, t.dtype)
        let r = try bridged { try t.unary(op) }
        return try self.ufuncResult(
          name, r.dtype == type ? r : r.casted(to: type), out: a.value("out"))
      }
    }
    let binaries: [String: BinaryOp] = [
      "maximum": .maximum, "minimum": .minimum, "add": .add, "subtract": .subtract,
      "multiply": .multiply, "divide": .divide, "power": .power, "mod": .remainder,
      "floor_divide": .floorDivide, "equal": .equal, "not_equal": .notEqual, "less": .less,
      "greater": .greater, "less_equal": .lessEqual, "greater_equal": .greaterEqual,
      "logical_and": .logicalAnd, "logical_or": .logicalOr, "logical_xor": .logicalXor,
    ]
    for name in NumPySignatures.binaryUfuncs {
      guard let op = binaries[name] else { continue }
      def(name) { a in
        let x = try a.required("x1")
        let y = try a.required("x2")
        let out = a.value("out")
        if let out, !self.isNone(out) {
          try self.checkOutCast(name, try self.binaryResultType(op, x, y), out: out)
        }
        if case .native(let arr as NDArray) = x {
          return try self.ufuncResult(
            name, try self.binaryTensors(op, arr.tensor, y, reflected: false), out: out)
        }
        if case .native(let arr as NDArray) = y {
          return try self.ufuncResult(
            name, try self.binaryTensors(op, arr.tensor, x, reflected: true), out: out)
        }
        return try self.ufuncResult(
          name, try self.binaryTensors(op, try self.tensor(x), y, reflected: false), out: out)
      }
    }
    def("clip") { a in
      let t = try self.tensor(try a.required("a"))
      let lo = try self.clipBound(a, "a_min", "min")
      let hi = try self.clipBound(a, "a_max", "max")
      return try self.clip(t, lo, hi)
    }
    for name in ["round", "around"] {
      def(name) { a in try self.round(try self.tensor(try a.required("a")), a.value("decimals")) }
    }
    def("where") { a in
      let c = try self.tensor(try a.required("condition"))
      let x = a.value("x")
      let y = a.value("y")
      guard let x, let y else {
        if x != nil || y != nil {
          throw PyException(.valueError, "either both or neither of x and y should be given")
        }
        return try self.nonzero(c)
      }
      let (tx, ty) = try self.weakPair(x, y)
      return self.wrap(try bridged { try Tensor.where(c.casted(to: .bool), tx, ty) })
    }

    // Reductions.
    for name in [
      "sum", "mean", "max", "min", "amax", "amin", "prod", "any", "all", "std", "var",
      "argmax", "argmin", "cumsum",
    ] {
      def(name) { a in try self.reduce(name, try self.tensor(try a.required("a")), a) ?? .none }
    }

    def("median") { a in
      try self.median(
        try self.tensor(try a.required("a")), axis: a.value("axis"),
        keepDims: try self.flag(a.value("keepdims")))
    }
    def("trace") { a in
      let t = try self.tensor(try a.required("a"))
      guard t.rank >= 2 else {
        throw PyException(.valueError, "diag requires an array of at least two dimensions")
      }
      try self.refuseUnsigned64("trace", t.dtype)
      let d = try self.diagonalView(t, offset: 0, axis1: 0, axis2: 1)
      return self.wrap(try bridged { try d.sum(axes: [d.rank - 1]) })
    }

    // Shapes and joining.
    def("reshape") { a in
      self.array(
        try self.reshape(
          try self.tensor(try a.required("a")), try self.shape([try a.required("shape")])))
    }
    def("transpose") { a in
      let t = try self.tensor(try a.required("a"))
      if let ax = a.optional("axes") {
        return self.array(try bridged { try t.permuted(try self.shape([ax])) })
      }
      return self.array(
        t.rank < 2 ? t : try bridged { try t.permuted(Array((0..<t.rank).reversed())) })
    }
    func sequence(_ v: PyValue) throws -> [Tensor] {
      try self.rt.toArray(v).map { try self.tensor($0) }
    }
    def("concatenate") { a in
      var ts = try sequence(try a.required("arrays"))
      var axis = 0
      if let v = a.value("axis") {
        if self.isNone(v) {
          ts = try ts.map { t in try bridged { try t.reshaped([-1]) } }
        } else {
          axis = try self.integer(v)
        }
      }
      return self.array(try self.concatenate(ts, axis: axis))
    }
    def("stack") { a in
      let ts = try sequence(try a.required("arrays"))
      guard let first = ts.first else {
        throw PyException(.valueError, "need at least one array to stack")
      }
      if ts.contains(where: { $0.shape != first.shape }) {
        throw PyException(.valueError, "all input arrays must have the same shape")
      }
      let axis = try self.axis(
        try a.value("axis").map { try self.integer($0) } ?? 0, rank: first.rank + 1)
      let parts = try ts.map { t in try bridged { try t.unsqueezed(axis) } }
      return self.array(try self.concatenate(parts, axis: axis))
    }
    def("vstack") { a in
      let ts = try sequence(try a.required("tup")).map { try self.atLeast($0, 2) }
      return self.array(try self.concatenate(ts, axis: 0))
    }
    def("hstack") { a in
      let ts = try sequence(try a.required("tup")).map { try self.atLeast($0, 1) }
      return self.array(try self.concatenate(ts, axis: ts.first?.rank == 1 ? 0 : 1))
    }
    def("column_stack") { a in
      let ts = try sequence(try a.required("tup")).map { t -> Tensor in
        t.rank < 2 ? try bridged { try t.reshaped([-1, 1]) } : t
      }
      return self.array(try self.concatenate(ts, axis: 1))
    }
    def("squeeze") { a in
      let t = try self.tensor(try a.required("a"))
      // A 0-d array squeezes as if it had the one axis 0 (or -1).
      if t.rank == 0, let ax = try self.axes(a.value("axis"), rank: 1) {
        _ = ax
        return self.array(t)
      }
      let axes = try self.axes(a.value("axis"), rank: t.rank)
      return self.array(try bridged { try t.squeezed(axes: axes) })
    }
    def("expand_dims") { a in
      var t = try self.tensor(try a.required("a"))
      let given = try a.required("axis")
      let list: [Int]
      if case .tuple(let parts) = given {
        list = try parts.map { try self.integer($0) }
      } else {
        list = [try self.integer(given)]
      }
      let rank = t.rank + list.count
      let axes = try list.map { try self.axis($0, rank: rank) }
      if Set(axes).count != axes.count {
        throw PyException(.valueError, "repeated axis")
      }
      for ax in axes.sorted() { t = try bridged { try t.unsqueezed(ax) } }
      return self.array(t)
    }
    def("tile") { a in
      let t = try self.tensor(try a.required("A"))
      let reps = try self.shape([try a.required("reps")])
      return self.array(try bridged { try t.tiled(reps) })
    }
    def("repeat") { a in
      try self.repeated(
        try self.tensor(try a.required("a")), try a.required("repeats"), axis: a.value("axis"))
    }
    def("flip") { a in
      let t = try self.tensor(try a.required("m"))
      let axes = try self.axes(a.value("axis"), rank: t.rank)
      // NumPy indexes with `m[()]` here, which makes a 0-d array a scalar.
      if t.rank == 0 { return self.wrap(t.clone()) }
      return self.array(try bridged { try t.flipped(axes: axes) })
    }
    def("diag") { a in
      let t = try self.tensor(try a.required("v"))
      let k = try a.value("k").map { try self.integer($0) } ?? 0
      switch t.rank {
      case 1:
        let n = t.count + Swift.abs(k)
        let out = Tensor.zeros([n, n], dtype: t.dtype)
        let i = (0..<Int64(t.count)).map { $0 }
        let rows = try bridged { try Tensor(i.map { $0 + Int64(Swift.max(-k, 0)) }) }
        let cols = try bridged { try Tensor(i.map { $0 + Int64(Swift.max(k, 0)) }) }
        try bridged { try out.writeItem([.array(rows), .array(cols)], t) }
        return self.array(out)
      case 2: return self.readOnly(try self.diagonalView(t, offset: k, axis1: 0, axis2: 1))
      default: throw PyException(.valueError, "Input must be 1- or 2-d.")
      }
    }
    def("meshgrid") { a in
      let xs = try a.rest().map { try self.tensor($0).reshaped([-1]) }
      let indexing = try a.value("indexing").map { try self.rt.string($0, "indexing") } ?? "xy"
      guard indexing == "xy" || indexing == "ij" else {
        throw PyException(.valueError, "Valid values for `indexing` are 'xy' and 'ij'.")
      }
      var shape = xs.map(\.count)
      let cartesian = indexing == "xy" && xs.count >= 2
      if cartesian { shape.swapAt(0, 1) }
      var grids: [PyValue] = []
      for (i, x) in xs.enumerated() {
        var place = Array(repeating: 1, count: xs.count)
        place[cartesian && i < 2 ? 1 - i : i] = x.count
        let g = try bridged { try x.reshaped(place).expanded(to: shape).contiguous() }
        grids.append(self.array(g))
      }
      return .tuple(grids)
    }
    def("shape") { a in .tuple(try self.tensor(try a.required("a")).shape.map { .int($0) }) }
    def("size") { a in .int(try self.tensor(try a.required("a")).count) }
    def("ndim") { a in .int(try self.tensor(try a.required("a")).rank) }

    // Searching, sorting, counting.
    def("nonzero") { a in try self.nonzero(try self.tensor(try a.required("a"))) }
    def("argsort") { a in
      var t = try self.tensor(try a.required("a"))
      // NumPy sorts a 0-d array's indices as those of a 1-element one.
      if t.rank == 0 { t = try bridged { try t.reshaped([1]) } }
      let axis = a.value("axis")
      if let axis, self.isNone(axis) { t = try bridged { try t.reshaped([-1]) } }
      let ax = try self.singleAxis(axis, rank: t.rank) ?? t.rank - 1
      return self.array(try bridged { try t.argsort(axis: ax) })
    }
    def("sort") { a in
      var t = try self.tensor(try a.required("a"))
      let axis = a.value("axis")
      if let axis, self.isNone(axis) { t = try bridged { try t.reshaped([-1]) } }
      let ax = try self.singleAxis(axis ?? .int(-1), rank: t.rank) ?? t.rank - 1
      return self.array(try bridged { try t.sorted(axis: ax).values })
    }
    def("unique") { a in
      let r = try bridged { try self.tensor(try a.required("ar")).unique() }
      if try self.flag(a.value("return_counts")) {
        return .tuple([self.array(r.values), self.array(r.counts)])
      }
      return self.array(r.values)
    }
    def("bincount") { a in
      let x = try a.required("x")
      var t = try self.tensor(x)
      if case .native = x, t.dtype.isFloatingPoint {
        throw PyException(
          .typeError,
          "Cannot cast array data from dtype('\(t.dtype)') to dtype('int64') according to the "
            + "rule 'safe'")
      }
      // A list is converted as NumPy converts it, floats truncated.
      if !t.dtype.isInteger && t.dtype != .bool { t = t.casted(to: .int64) }
      guard t.rank == 1 else { throw PyException(.valueError, "object too deep for desired array") }
      let minLength = try a.value("minlength").map { try self.integer($0) } ?? 0
      if minLength < 0 { throw PyException(.valueError, "'minlength' must not be negative") }
      if t.int64s.contains(where: { $0 < 0 }) {
        throw PyException(.valueError, "'list' argument must have no negative elements")
      }
      let weights = try a.optional("weights").map { try self.tensor($0).casted(to: .float64) }
      if let weights, weights.shape != t.shape {
        throw PyException(.valueError, "The weights and list don't have the same length.")
      }
      return self.array(try bridged { try t.bincount(weights: weights, minLength: minLength) })
    }

    // Statistics and comparison.
    // Both compute in float64 whatever the input, as NumPy's do.
    def("cov") { a in
      let m = try self.tensor(try a.required("m")).casted(to: .float64)
      let rowvar = try a.value("rowvar").map { try self.rt.isTrue($0) } ?? true
      let bias = try self.flag(a.value("bias"))
      let ddof = try a.optional("ddof").map { try self.integer($0) }
      return self.array(
        try bridged { try Tensor.cov(m, rowVariables: rowvar, bias: bias, ddof: ddof) })
    }
    def("corrcoef") { a in
      let m = try self.tensor(try a.required("x")).casted(to: .float64)
      let rowvar = try a.value("rowvar").map { try self.rt.isTrue($0) } ?? true
      return self.wrap(try bridged { try Tensor.corrcoef(m, rowVariables: rowvar) })
    }
    def("allclose") { a in
      let x = try self.tensor(try a.required("a")).casted(to: .float64)
      let y = try self.tensor(try a.required("b")).casted(to: .float64)
      let rtol = try a.value("rtol").map { try self.rt.double($0) } ?? 1e-5
      let atol = try a.value("atol").map { try self.rt.double($0) } ?? 1e-8
      let shape = try bridged { try Tensor.broadcastShapes(x.shape, y.shape) }
      let xs = try bridged { try x.expanded(to: shape).contiguous().doubles }
      let ys = try bridged { try y.expanded(to: shape).contiguous().doubles }
      return .bool(
        zip(xs, ys).allSatisfy { $0 == $1 || Swift.abs($0 - $1) <= atol + rtol * Swift.abs($1) })
    }
    def("array_equal") { a in
      let x = try self.tensor(try a.required("a1"))
      let y = try self.tensor(try a.required("a2"))
      guard x.shape == y.shape else { return .bool(false) }
      return .bool(
        x.casted(to: .float64).contiguous().doubles == y.casted(to: .float64).contiguous().doubles)
    }

    // Input and printing.
    def("load") { a in
      let name = try self.rt.string(try a.required("file"), "load() argument 'file'")
      let path = try self.rt.dataFilePath(name, for: "load")
      return self.array(try bridged { try NPY.load(URL(fileURLWithPath: path)) })
    }
    def("set_printoptions") { a in
      if let p = a.optional("precision") {
        // NumPy takes any int here and fails (or not) when printing; the engine's formatter
        // needs a digit count it can print.
        let n = try self.integer(p)
        guard (0...1000).contains(n) else {
          throw PyException(
            .notImplementedError,
            "numpy.set_printoptions(precision=\(n)) is not supported in journal cells "
              + "(0 to 1000 are)")
        }
        self.printOptions.precision = n
      }
      if let p = a.optional("suppress") { self.printOptions.suppress = try self.rt.isTrue(p) }
      if let p = a.optional("linewidth") { self.printOptions.lineWidth = try self.integer(p) }
      if let p = a.optional("threshold") {
        // A float threshold (`float('inf')` for no summary) compares with the integer size as
        // its floor does.
        if case .float(let f) = p {
          guard !f.isNaN else {
            throw PyException(
              .valueError,
              "threshold must be non-NAN, try sys.maxsize for untruncated representation")
          }
          self.printOptions.threshold =
            f >= Double(Int.max) ? Int.max : f <= Double(Int.min) ? Int.min : Int(f.rounded(.down))
        } else {
          self.printOptions.threshold = try self.integer(p)
        }
      }
      if let p = a.optional("edgeitems") { self.printOptions.edgeItems = try self.integer(p) }
      return .none
    }
    let exceptions = PyModule(name: "numpy.exceptions")
    if let axisError = rt.exceptionClasses[.axisError] {
      exceptions["AxisError"] = .type(axisError)
    }
    m["exceptions"] = .module(exceptions)
    defineUfuncs(in: m)
    defineFunctions(in: m)
    defineIndexingFunctions(in: m)
    defineRoutines(in: m)
    m["c_"] = .native(IndexConcatenator(self, columns: true))
    m["r_"] = .native(IndexConcatenator(self, columns: false))
    m["random"] = .module(makeRandomModule(globalRandom))
    m["linalg"] = .module(makeLinalgModule())
    return m
  }

  // MARK: numpy.random

  /// `numpy.random`'s functions drawing from `box`: the module's global state, or a
  /// `RandomState` object's own.
  func makeRandomModule(_ box: RandomBox) -> PyModule {
    let m = PyModule(name: "numpy.random")
    func def(_ name: String, _ body: @escaping BoundFunction) {
      m.define(name, in: NumPySignatures.random, body)
    }
    /// `size=`: nil means one Python float.
    func size(_ v: PyValue?) throws -> [Int]? {
      guard let v, !isNone(v) else { return nil }
      let s = try newShape(v)
      try checkedAllocation(s, .float64)
      return s
    }
    func floats(_ shape: [Int]?, _ draw: (Int) throws -> [Double]) throws -> PyValue {
      guard let shape else { return .float(try draw(1)[0]) }
      // The draws and the array: twice the array's bytes at once.
      let n = try checkedAllocation(shape + [2], .float64) / 2
      return array(try bridged { try Tensor(try draw(n), shape: shape) })
    }
    /// A distribution's parameter: one number (NumPy's broadcasting of arrays of parameters
    /// is refused).
    func parameter(_ name: String, _ v: PyValue) throws -> Double {
      switch v {
      case .list, .tuple:
        throw PyException(
          .notImplementedError,
          "numpy.random with an array of \(name) values is not supported in journal cells")
      case .native(let x as NDArray) where x.tensor.rank > 0:
        throw PyException(
          .notImplementedError,
          "numpy.random with an array of \(name) values is not supported in journal cells")
      default: return try self.rt.double(v)
      }
    }
    def("seed") { a in
      let s = try a.value(0, "seed").map { try self.integer($0) } ?? 0
      guard s >= 0 && s < (1 << 32) else {
        throw PyException(.valueError, "Seed must be between 0 and 2**32 - 1")
      }
      box.state.seed(UInt32(s))
      return .none
    }
    def("rand") { a in
      let dims = Array(a.rest())
      return try floats(dims.isEmpty ? nil : try self.shape(dims)) {
        box.state.randomSample(count: $0)
      }
    }
    def("randn") { a in
      let dims = Array(a.rest())
      return try floats(dims.isEmpty ? nil : try self.shape(dims)) {
        box.state.standardNormal(count: $0)
      }
    }
    for name in ["random", "random_sample"] {
      def(name) { a in
        try floats(try size(a.value("size"))) { box.state.randomSample(count: $0) }
      }
    }
    // Aliases of `random_sample` that forward whatever they are given to it.
    for name in ["sample", "ranf"] {
      def(name) { a in
        let given = Array(a.rest()) + a.extraKeywords().map(\.1)
        guard given.count <= 1, a.extraKeywords().allSatisfy({ $0.0 == "size" }) else {
          throw PyException(
            .typeError, "random_sample() takes at most 1 positional argument (\(given.count) given)"
          )
        }
        return try floats(try size(given.first)) { box.state.randomSample(count: $0) }
      }
    }
    def("standard_normal") { a in
      try floats(try size(a.value(0, "size"))) { box.state.standardNormal(count: $0) }
    }
    def("normal") { a in
      let loc = try a.value(0, "loc").map { try parameter("loc", $0) } ?? 0
      let scale = try a.value(1, "scale").map { try parameter("scale", $0) } ?? 1
      return try floats(try size(a.value(2, "size"))) { n in
        try bridged { try box.state.normal(loc: loc, scale: scale, count: n) }
      }
    }
    def("lognormal") { a in
      let mean = try a.value(0, "mean").map { try parameter("mean", $0) } ?? 0
      let sigma = try a.value(1, "sigma").map { try parameter("sigma", $0) } ?? 1
      guard sigma >= 0 else { throw PyException(.valueError, "sigma < 0") }
      // NumPy's legacy lognormal is exp of its legacy normal draw.
      return try floats(try size(a.value(2, "size"))) { n in
        let draws = try bridged { try box.state.normal(loc: mean, scale: sigma, count: n) }
        return draws.map { Foundation.exp($0) }
      }
    }
    def("uniform") { a in
      let low = try a.value(0, "low").map { try parameter("low", $0) } ?? 0
      let high = try a.value(1, "high").map { try parameter("high", $0) } ?? 1
      return try floats(try size(a.value(2, "size"))) {
        box.state.uniform(low: low, high: high, count: $0)
      }
    }
    def("randint") { a in
      // Cython converts the bounds with int(), so floats truncate.
      var low = Int64(try self.rt.toInt(try a.required(0, "low")))
      var high: Int64
      if let h = a.value(1, "high"), !self.isNone(h) {
        high = Int64(try self.rt.toInt(h))
      } else {
        high = low
        low = 0
      }
      let shape = try size(a.value(2, "size"))
      let n = try shape.map { try checkedAllocation($0 + [2], .int64) / 2 } ?? 1
      let draws = try bridged { try box.state.randint(low: low, high: high, count: n) }
      guard let shape else { return .int(Int(draws[0])) }
      return self.array(try bridged { try Tensor(draws, shape: shape) })
    }
    def("choice") { a in
      let pop = try a.required(0, "a")
      var values: Tensor? = nil
      let n: Int
      if case .int(let k) = pop {
        n = k
      } else {
        values = try self.tensor(pop)
        n = values!.shape.first ?? 0
      }
      let shape = try size(a.value(1, "size"))
      let replace = try a.value(2, "replace").map { try self.rt.isTrue($0) } ?? true
      let p = try a.value(3, "p").flatMap {
        self.isNone($0) ? nil : try self.tensor($0).casted(to: .float64).contiguous().doubles
      }
      let idx = try bridged {
        try box.state.choice(
          populationSize: n, count: shape?.reduce(1, *) ?? 1, replace: replace, p: p)
      }
      let it = try bridged { try Tensor(idx, shape: shape ?? []) }
      if let values { return self.wrap(try bridged { try values.item([.array(it)]) }) }
      // One draw from range(a) is a Python int.
      if shape == nil { return .int(Int(idx.first ?? 0)) }
      return self.wrap(it)
    }
    def("exponential") { a in
      let scale = try a.value(0, "scale").map { try parameter("scale", $0) } ?? 1
      return try floats(try size(a.value(1, "size"))) { n in
        try bridged { try box.state.exponential(scale: scale, count: n) }
      }
    }
    def("standard_exponential") { a in
      try floats(try size(a.value(0, "size"))) { n in
        try bridged { try box.state.exponential(count: n) }
      }
    }
    def("multivariate_normal") { a in
      let mean = try self.tensor(try a.required(0, "mean")).casted(to: .float64).contiguous()
      let cov = try self.tensor(try a.required(1, "cov")).casted(to: .float64)
      guard mean.rank == 1, cov.shape == [mean.count, mean.count] else {
        throw PyException(
          .valueError, "mean must be 1 dimensional and cov must be 2 dimensional and square")
      }
      let shape = try size(a.value(2, "size")) ?? []
      let count = shape.reduce(1, *)
      // NumPy draws through the SVD of cov (LAPACK's dgesdd, as here), not its Cholesky factor.
      let (_, s, vh) = try bridged { try Linalg.svd(cov) }
      let samples = try bridged {
        try box.state.multivariateNormal(
          mean: mean.doubles, singularValues: s.contiguous().doubles,
          rightSingularVectors: vh.contiguous().doubles, count: count)
      }
      return self.array(try bridged { try Tensor(samples, shape: shape + [mean.count]) })
    }
    def("permutation") { a in
      let x = try a.required(0, "x")
      if case .int(var k) = x {
        k = Swift.max(k, 0)  // NumPy permutes nothing for a negative count
        try checkedAllocation([k, 2], .int64)
        return self.array(try bridged { try Tensor(box.state.permutation(k)) })
      }
      let t = try self.tensor(x)
      guard t.rank > 0 else {
        throw PyException(.indexError, "x must be an integer or at least 1-dimensional")
      }
      let perm = try bridged { try Tensor(box.state.permutation(t.shape[0])) }
      return self.array(try bridged { try t.item([.array(perm)]) })
    }
    def("shuffle") { a in
      let x = try a.required(0, "x")
      if case .list(let l) = x {
        box.state.shuffle(&l.items)
        return .none
      }
      guard case .native(let arr as NDArray) = x else {
        throw PyException(.typeError, "shuffle expects a list or an array")
      }
      try arr.checkWriteable("array")
      var order = Array(0..<(arr.tensor.shape.first ?? 0)).map { Int64($0) }
      box.state.shuffle(&order)
      let shuffled = try bridged { try arr.tensor.item([.array(try Tensor(order))]) }
      try bridged { try arr.tensor.copyInPlace(from: shuffled) }
      return .none
    }
    def("RandomState") { a in
      let seed = try a.value(0, "seed").map { try self.integer($0) } ?? 0
      let state = RandomBox(NumPyRandomState(seed: UInt32(truncatingIfNeeded: seed)))
      return .native(RandomStateObject(self.makeRandomModule(state)))
    }
    return m
  }

  // MARK: numpy.linalg

  func makeLinalgModule() -> PyModule {
    let m = PyModule(name: "numpy.linalg")
    func def(_ name: String, _ body: @escaping BoundFunction) {
      m.define(name, in: NumPySignatures.linalg, body)
    }
    if let error = rt.exceptionClasses[.linAlgError] { m["LinAlgError"] = .type(error) }
    /// A matrix argument: NumPy's LinAlgError for too few dimensions or a non-square one; a
    /// stack of matrices is refused.
    func matrix(_ a: Arguments, _ fn: String, square: Bool = true) throws -> Tensor {
      let t = try self.tensor(try a.required("a"))
      guard t.rank >= 2 else {
        throw PyException(
          .linAlgError,
          "\(t.rank)-dimensional array given. Array must be at least two-dimensional")
      }
      guard t.rank == 2 else {
        throw PyException(
          .notImplementedError,
          "numpy.linalg.\(fn) of a stack of matrices is not supported in journal cells")
      }
      if square && t.shape[0] != t.shape[1] {
        throw PyException(.linAlgError, "Last 2 dimensions of the array must be square")
      }
      return t.dtype.isFloatingPoint ? t : t.casted(to: .float64)
    }
    def("inv") { a in self.array(try linalg { try Linalg.inv(try matrix(a, "inv")) }) }
    def("det") { a in self.wrap(try linalg { try Linalg.det(try matrix(a, "det")) }) }
    def("solve") { a in
      let x = try matrix(a, "solve")
      let b = try self.tensor(try a.required("b"))
      guard b.rank <= 2 else {
        throw PyException(
          .notImplementedError,
          "numpy.linalg.solve of stacked systems is not supported in journal cells")
      }
      return self.array(try linalg { try Linalg.solve(x, b) })
    }
    def("eig") { a in
      let r = try linalg { try Linalg.eig(try matrix(a, "eig")) }
      if r.imaginary.doubles.contains(where: { $0 != 0 }) {
        throw PyException(
          .notImplementedError,
          "numpy.linalg.eig with complex eigenvalues is not supported in journal cells")
      }
      return self.named("EigResult", [("eigenvalues", r.real), ("eigenvectors", r.vectors)])
    }
    def("eigh") { a in
      let r = try linalg { try Linalg.eigh(try matrix(a, "eigh")) }
      return self.named("EighResult", [("eigenvalues", r.values), ("eigenvectors", r.vectors)])
    }
    def("eigvalsh") { a in
      self.array(try linalg { try Linalg.eigh(try matrix(a, "eigvalsh")).values })
    }
    def("cholesky") { a in self.array(try linalg { try Linalg.cholesky(try matrix(a, "cholesky")) })
    }
    def("svd") { a in
      let t = try matrix(a, "svd", square: false)
      let full = try a.value("full_matrices").map { try self.rt.isTrue($0) } ?? true
      if let uv = a.value("compute_uv"), !(try self.rt.isTrue(uv)) {
        return self.array(try linalg { try Linalg.svd(t, fullMatrices: false).s })
      }
      let r = try linalg { try Linalg.svd(t, fullMatrices: full) }
      return self.named("SVDResult", [("U", r.u), ("S", r.s), ("Vh", r.vh)])
    }
    def("matrix_rank") { a in try self.matrixRank(a) }
    def("norm") { a in
      try self.norm(
        try self.tensor(try a.required("x")), ord: a.optional("ord"), axis: a.value("axis"),
        keepDims: try self.flag(a.value("keepdims")))
    }
    return m
  }

  /// A named result tuple of `numpy.linalg` (`SVDResult(U=..., S=..., Vh=...)`).
  func named(_ name: String, _ fields: [(String, Tensor)]) -> PyValue {
    .native(NamedResult(name, fields.map { ($0.0, array($0.1)) }))
  }

  /// `np.linalg.norm`, following NumPy's own cases: the 2-norm of everything, a vector norm
  /// over one axis, a matrix norm over two.
  func norm(_ t: Tensor, ord: PyValue?, axis: PyValue?, keepDims: Bool) throws -> PyValue {
    let x = t.dtype.isFloatingPoint ? t : t.casted(to: .float64)
    var name: String?
    var p: Double?
    if let ord {
      if case .str(let s) = ord { name = s } else { p = try rt.double(ord) }
    }
    let noAxis = axis == nil || axis.map(isNone) == true
    let whole = p == nil && name == nil
    if noAxis
      && (whole || (["f", "fro"].contains(name ?? "") && x.rank == 2) || (p == 2 && x.rank == 1))
    {
      var r = try bridged { try Tensor.binary(.multiply, x, x).sum().sqrt() }
      if keepDims { r = try bridged { try r.reshaped(Array(repeating: 1, count: x.rank)) } }
      return wrap(r)
    }
    let axes = noAxis ? Array(0..<x.rank) : try self.axes(axis, rank: x.rank) ?? []
    func maxOrZero(_ v: Tensor, _ axis: Int) throws -> Tensor {
      if v.shape[axis] == 0 {
        var shape = v.shape
        shape.remove(at: axis)
        return Tensor.zeros(shape, dtype: v.dtype)
      }
      return try bridged { try v.max(axes: [axis]) }
    }
    switch axes.count {
    case 1:
      let ax = axes[0]
      let absx = try bridged { try x.abs() }
      let r: Tensor
      if let name { throw PyException(.valueError, "Invalid norm order '\(name)' for vectors") }
      switch p {
      case .infinity?:
        r = try maxOrZero(absx, ax)
      case (-Double.infinity)?: r = try bridged { try absx.min(axes: [ax]) }
      case 0?:
        r = try bridged {
          try Tensor.binary(.notEqual, x, .double(0)).casted(to: x.dtype).sum(axes: [ax])
        }
      case 1?: r = try bridged { try absx.sum(axes: [ax]) }
      case nil, 2?: r = try bridged { try Tensor.binary(.multiply, x, x).sum(axes: [ax]).sqrt() }
      case let q?:
        r = try bridged {
          try Tensor.binary(
            .power, try Tensor.binary(.power, absx, .double(q)).sum(axes: [ax]), .double(1 / q))
        }
      }
      return wrap(keepDims ? try bridged { try r.unsqueezed(ax) } : r)
    case 2:
      let (row, col) = (axes[0], axes[1])
      let absx = try bridged { try x.abs() }
      var r: Tensor
      // The order as NumPy spells the cases: 1, inf, -1, -inf, 2, -2, fro, nuc.
      let key = name ?? p.map { $0 == .infinity ? "inf" : $0 == -.infinity ? "-inf" : "\($0)" }
      switch key {
      case "1.0":
        r = try maxOrZero(try bridged { try absx.sum(axes: [row]) }, col > row ? col - 1 : col)
      case "inf":
        r = try maxOrZero(try bridged { try absx.sum(axes: [col]) }, row > col ? row - 1 : row)
      case "-1.0":
        r = try bridged { try absx.sum(axes: [row]).min(axes: [col > row ? col - 1 : col]) }
      case "-inf":
        r = try bridged { try absx.sum(axes: [col]).min(axes: [row > col ? row - 1 : row]) }
      case nil, "fro", "f":
        r = try bridged { try Tensor.binary(.multiply, x, x).sum(axes: [row, col]).sqrt() }
      case "2.0", "-2.0", "nuc":
        guard x.rank == 2 else {
          throw PyException(
            .notImplementedError,
            "numpy.linalg.norm of a stack of matrices is not supported in journal cells")
        }
        let m = row < col ? x : x.T
        let s = try linalg { try Linalg.svd(m, fullMatrices: false).s }
        if key == "nuc" {
          r = try bridged { try s.sum() }
        } else if key == "2.0" {
          r = try maxOrZero(s, 0)
        } else {
          r = try bridged { try s.min() }
        }
      default: throw PyException(.valueError, "Invalid norm order for matrices.")
      }
      if keepDims {
        var shape = x.shape
        shape[row] = 1
        shape[col] = 1
        r = try bridged { try r.reshaped(shape) }
      }
      return wrap(r)
    default:
      throw PyException(.valueError, "Improper number of dimensions to norm.")
    }
  }
}

/// Runs a LAPACK-backed operation, raising `numpy.linalg.LinAlgError` for its failures.
func linalg<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let e as TensorError where e.code == .linalg {
    throw PyException(.linAlgError, e.message)
  } catch {
    return try bridged { throw error }
  }
}

/// The named tuples NumPy's linear algebra returns (`EighResult`, `SVDResult`): they unpack,
/// index and name their fields. Torch's `return_types` are the same tuple with their own repr.
class NamedResult: PyNativeObject {
  let name: String
  let fields: [(String, PyValue)]

  init(_ name: String, _ fields: [(String, PyValue)]) {
    self.name = name
    self.fields = fields
  }

  var typeName: String { name }

  func repr() throws -> String {
    guard let rt = Runtime.current else { return name }
    return name + "(" + (try fields.map { "\($0.0)=\(try rt.repr($0.1))" }.joined(separator: ", "))
      + ")"
  }

  func length() throws -> Int? { fields.count }
  func makeIterator() throws -> PyIterator? { .over(fields.map { $0.1 }) }
  func getItem(_ key: PyValue) throws -> PyValue {
    guard case .int(var i) = key else {
      let type = Runtime.current?.typeName(key) ?? "\(key)"
      throw PyException(.typeError, "tuple indices must be integers or slices, not \(type)")
    }
    if i < 0 { i += fields.count }
    guard i >= 0 && i < fields.count else {
      throw PyException(.indexError, "tuple index out of range")
    }
    return fields[i].1
  }
  func getAttribute(_ name: String) throws -> PyValue? { fields.first { $0.0 == name }?.1 }
}

/// `np.c_[...]` and `np.r_[...]`: concatenation written as indexing.
final class IndexConcatenator: PyNativeObject {
  let numpy: NumPyContext
  let columns: Bool

  init(_ numpy: NumPyContext, columns: Bool) {
    self.numpy = numpy
    self.columns = columns
  }

  var typeName: String { columns ? "CClass" : "RClass" }

  func getItem(_ key: PyValue) throws -> PyValue {
    var parts: [PyValue] = []
    if case .tuple(let items) = key { parts = items } else { parts = [key] }
    var tensors: [Tensor] = []
    for p in parts {
      if case .slice(let a, let b, let c) = p {
        let nums = [a, b, c].map { $0.flatMap { NumPyContext.pythonScalar($0) } }
        let start = nums[0] ?? .int(0)
        let step = nums[2] ?? .int(1)
        guard let stop = nums[1] else { throw PyException(.valueError, "slice needs a stop") }
        tensors.append(try bridged { try Tensor.arange(start, stop, step: step) })
        continue
      }
      var t = try numpy.tensor(p)
      if t.rank == 0 { t = try bridged { try t.reshaped([1]) } }
      if columns && t.rank == 1 { t = try bridged { try t.reshaped([t.count, 1]) } }
      tensors.append(t)
    }
    let axis = columns ? -1 : 0
    let r = try bridged { try Tensor.concatenate(tensors, axis: axis) }
    return numpy.array(r)
  }
}

/// A legacy `RandomState` stream shared by the functions drawing from it.
final class RandomBox {
  var state: NumPyRandomState
  init(_ state: NumPyRandomState) { self.state = state }
}

/// `np.random.RandomState(seed)`: the `numpy.random` functions over its own stream.
final class RandomStateObject: PyNativeObject {
  let functions: PyModule
  init(_ functions: PyModule) { self.functions = functions }
  var typeName: String { "RandomState" }
  func repr() throws -> String { "RandomState(MT19937)" }
  func getAttribute(_ name: String) throws -> PyValue? { functions[name] }
}
