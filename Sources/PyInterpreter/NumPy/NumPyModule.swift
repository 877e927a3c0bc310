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
    func def(_ name: String, _ body: @escaping (Arguments) throws -> PyValue) {
      m.define(name) { args, kwargs in try body(Arguments(name, args, kwargs)) }
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
    m["bool"] = .native(typeObject(.bool))
    m["float_"] = .native(typeObject(.float64))
    m["int_"] = .native(typeObject(.int64))
    def("dtype") { a in
      .native(NPDType(try self.dtype(try a.required(0, "dtype")), isType: false, numpy: self))
    }

    // Creation.
    def("array") { a in
      self.array(
        try self.tensor(
          try a.required(0, "object"), dtype: try self.optionalDType(a.value(1, "dtype"))
        ).clone())
    }
    def("asarray") { a in
      let v = try a.required(0, "a")
      if case .native(let x as NDArray) = v, !x.isScalar, a.value(1, "dtype") == nil { return v }
      return self.array(try self.tensor(v, dtype: try self.optionalDType(a.value(1, "dtype"))))
    }
    func filled(_ name: String, _ value: Scalar?) {
      def(name) { a in
        let shape = try self.shape([try a.required(0, "shape")])
        let dt = try self.optionalDType(a.value(value == nil ? 2 : 1, "dtype"))
        let v = try value ?? NumPyContext.pythonScalar(try a.required(1, "fill_value")) ?? .int(0)
        try checkedAllocation(shape, dt ?? .float64)
        return self.array(Tensor.full(shape, v, dtype: dt ?? (value == nil ? nil : .float64)))
      }
    }
    filled("zeros", .int(0))
    filled("empty", .int(0))
    filled("ones", .int(1))
    filled("full", nil)
    func like(_ name: String, _ value: Scalar?) {
      def(name) { a in
        let t = try self.tensor(try a.required(0, "a"))
        let dt = try self.optionalDType(a.value(value == nil ? 2 : 1, "dtype")) ?? t.dtype
        let v = try value ?? NumPyContext.pythonScalar(try a.required(1, "fill_value")) ?? .int(0)
        try checkedAllocation(t.shape, dt)
        return self.array(Tensor.full(t.shape, v, dtype: dt))
      }
    }
    like("zeros_like", .int(0))
    like("empty_like", .int(0))
    like("ones_like", .int(1))
    like("full_like", nil)
    def("arange") { a in
      let nums = try a.positional.map { v -> Scalar in
        guard let s = NumPyContext.pythonScalar(v) else {
          return try self.tensor(v).item()
        }
        return s
      }
      let dt = try self.optionalDType(a.keyword("dtype"))
      guard !nums.isEmpty else {
        throw PyException(.typeError, "arange() requires stop to be specified.")
      }
      let (start, stop, step): (Scalar, Scalar, Scalar)
      switch nums.count {
      case 1: (start, stop, step) = (.int(0), nums[0], .int(1))
      case 2: (start, stop, step) = (nums[0], nums[1], .int(1))
      default: (start, stop, step) = (nums[0], nums[1], nums[2])
      }
      return self.array(try bridged { try Tensor.arange(start, stop, step: step, dtype: dt) })
    }
    def("linspace") { a in
      let start = try self.rt.double(try a.required(0, "start"))
      let stop = try self.rt.double(try a.required(1, "stop"))
      let num = try a.value(2, "num").map { try self.rt.toInt($0) } ?? 50
      let endpoint = try a.keyword("endpoint").map { try self.rt.isTrue($0) } ?? true
      guard num >= 0 else {
        throw PyException(.valueError, "Number of samples, \(num), must be non-negative.")
      }
      try checkedAllocation([num], .float64)
      if endpoint {
        return self.array(try bridged { try Tensor.linspace(start, stop, count: num) })
      }
      let step = (stop - start) / Double(num)
      return self.array(try bridged { try Tensor((0..<num).map { start + Double($0) * step }) })
    }
    def("eye") { a in
      let n = try self.rt.toInt(try a.required(0, "N"))
      let cols = try a.value(1, "M").flatMap { self.isNone($0) ? nil : try self.rt.toInt($0) }
      let k = try a.keyword("k").map { try self.rt.toInt($0) } ?? 0
      let dt = try self.optionalDType(a.keyword("dtype")) ?? .float64
      try checkedAllocation([n, cols ?? n], dt)
      return self.array(Tensor.eye(n, cols, k: k, dtype: dt))
    }
    def("identity") { a in
      let n = try self.rt.toInt(try a.required(0, "n"))
      try checkedAllocation([n, n], .float64)
      return self.array(Tensor.eye(n))
    }

    // Products.
    def("dot") { a in
      self.wrap(
        try bridged {
          try Tensor.dot(try self.tensor(a.at(0)), try self.tensor(a.at(1)))
        })
    }
    def("matmul") { a in
      self.wrap(
        try bridged {
          try Tensor.matmul(try self.tensor(a.at(0)), try self.tensor(a.at(1)))
        })
    }
    def("outer") { a in
      self.wrap(
        try bridged {
          try Tensor.outer(try self.tensor(a.at(0)), try self.tensor(a.at(1)))
        })
    }

    // Elementwise.
    let unaries: [(String, UnaryOp)] = [
      ("exp", .exp), ("log", .log), ("log2", .log2), ("log10", .log10), ("sqrt", .sqrt),
      ("tanh", .tanh), ("sin", .sin), ("cos", .cos), ("tan", .tan), ("abs", .abs),
      ("absolute", .abs), ("sign", .sign), ("square", .square), ("floor", .floor),
      ("ceil", .ceil), ("log1p", .log1p), ("expm1", .expm1), ("negative", .negative),
      ("isnan", .isnan), ("isinf", .isinf), ("isfinite", .isfinite), ("logical_not", .logicalNot),
      ("rint", .round),
    ]
    for (name, op) in unaries {
      def(name) { a in
        let t = try self.tensor(try a.required(0, "x"))
        return self.wrap(try bridged { try t.unary(op) })
      }
    }
    let binaries: [(String, BinaryOp)] = [
      ("maximum", .maximum), ("minimum", .minimum), ("add", .add), ("subtract", .subtract),
      ("multiply", .multiply), ("divide", .divide), ("power", .power), ("mod", .remainder),
      ("floor_divide", .floorDivide), ("equal", .equal), ("not_equal", .notEqual),
      ("less", .less), ("greater", .greater), ("less_equal", .lessEqual),
      ("greater_equal", .greaterEqual), ("logical_and", .logicalAnd), ("logical_or", .logicalOr),
      ("logical_xor", .logicalXor),
    ]
    for (name, op) in binaries {
      def(name) { a in
        let x = try a.required(0, "x1")
        let y = try a.required(1, "x2")
        if case .native(let arr as NDArray) = x {
          return self.wrap(try self.binaryTensors(op, arr.tensor, y, reflected: false))
        }
        if case .native(let arr as NDArray) = y {
          return self.wrap(try self.binaryTensors(op, arr.tensor, x, reflected: true))
        }
        return self.wrap(try self.binaryTensors(op, try self.tensor(x), y, reflected: false))
      }
    }
    def("clip") { a in
      try self.clip(
        try self.tensor(try a.required(0, "a")), a.value(1, "a_min"), a.value(2, "a_max"))
    }
    def("round") { a in
      try self.round(try self.tensor(try a.required(0, "a")), a.value(1, "decimals"))
    }
    def("around") { a in
      try self.round(try self.tensor(try a.required(0, "a")), a.value(1, "decimals"))
    }
    def("where") { a in
      let c = try self.tensor(try a.required(0, "condition"))
      if a.count == 1 { return .tuple(c.nonzero().map { self.array($0) }) }
      let x = try self.tensor(a.at(1))
      let y = try self.tensor(a.at(2))
      return self.wrap(try bridged { try Tensor.where(c.casted(to: .bool), x, y) })
    }

    // Reductions.
    for name in [
      "sum", "mean", "max", "min", "amax", "amin", "prod", "any", "all", "std", "var",
      "argmax", "argmin", "cumsum",
    ] {
      def(name) { a in
        try self.reduce(name, try self.tensor(try a.required(0, "a")), a, axisIndex: 1) ?? .none
      }
    }

    def("median") { a in
      if let axis = a.value(1, "axis"), !self.isNone(axis) {
        throw PyException(.valueError, "median over an axis is not supported in journal cells")
      }
      let values = try self.tensor(try a.required(0, "a")).casted(to: .float64).contiguous()
        .doubles.sorted()
      guard !values.isEmpty else { return .float(.nan) }
      let middle = values.count / 2
      if values.count % 2 == 1 { return .float(values[middle]) }
      return .float((values[middle - 1] + values[middle]) / 2)
    }

    // Shapes and joining.
    def("reshape") { a in
      self.array(
        try self.reshape(
          try self.tensor(try a.required(0, "a")), try self.shape([try a.required(1, "newshape")])))
    }
    def("transpose") { a in
      let t = try self.tensor(try a.required(0, "a"))
      if let ax = a.value(1, "axes") {
        return self.array(try bridged { try t.permuted(try self.shape([ax])) })
      }
      return self.array(
        t.rank < 2 ? t : try bridged { try t.permuted(Array((0..<t.rank).reversed())) })
    }
    func sequence(_ v: PyValue) throws -> [Tensor] {
      try self.rt.toArray(v).map { try self.tensor($0) }
    }
    def("concatenate") { a in
      let ts = try sequence(try a.required(0, "arrays"))
      let axis = try a.value(1, "axis").map { try self.rt.toInt($0) } ?? 0
      return self.array(try bridged { try Tensor.concatenate(ts, axis: axis) })
    }
    def("stack") { a in
      let ts = try sequence(try a.required(0, "arrays"))
      let axis = try a.value(1, "axis").map { try self.rt.toInt($0) } ?? 0
      return self.array(try bridged { try Tensor.stack(ts, axis: axis) })
    }
    def("vstack") { a in
      let ts = try sequence(try a.required(0, "tup")).map {
        $0.rank == 1 ? try $0.reshaped([1, $0.count]) : $0
      }
      return self.array(try bridged { try Tensor.concatenate(ts, axis: 0) })
    }
    def("hstack") { a in
      let ts = try sequence(try a.required(0, "tup"))
      let axis = ts.first?.rank == 1 ? 0 : 1
      return self.array(try bridged { try Tensor.concatenate(ts, axis: axis) })
    }
    def("column_stack") { a in
      let ts = try sequence(try a.required(0, "tup")).map {
        $0.rank == 1 ? try $0.reshaped([$0.count, 1]) : $0
      }
      return self.array(try bridged { try Tensor.concatenate(ts, axis: 1) })
    }
    def("nonzero") { a in
      .tuple(try self.tensor(try a.required(0, "a")).nonzero().map { self.array($0) })
    }
    def("squeeze") { a in
      let t = try self.tensor(try a.required(0, "a"))
      return self.array(try bridged { try t.squeezed(axes: try self.axes(a.value(1, "axis"))) })
    }
    def("expand_dims") { a in
      let t = try self.tensor(try a.required(0, "a"))
      let axis = try self.rt.toInt(try a.required(1, "axis"))
      return self.array(try bridged { try t.unsqueezed(axis) })
    }
    def("tile") { a in
      let t = try self.tensor(try a.required(0, "A"))
      return self.array(try bridged { try t.tiled(try self.shape([try a.required(1, "reps")])) })
    }
    def("repeat") { a in
      let t = try self.tensor(try a.required(0, "a"))
      let n = try self.rt.toInt(try a.required(1, "repeats"))
      let axis = try self.axes(a.value(2, "axis"))?.first
      return self.array(try bridged { try t.repeatedElements(n, axis: axis) })
    }
    def("flip") { a in
      let t = try self.tensor(try a.required(0, "m"))
      return self.array(try bridged { try t.flipped(axes: try self.axes(a.value(1, "axis"))) })
    }
    def("diag") { a in
      self.array(try bridged { try self.tensor(try a.required(0, "v")).diagonal().clone() })
    }
    def("trace") { a in
      self.wrap(try bridged { try self.tensor(try a.required(0, "a")).diagonal().sum() })
    }
    def("cov") { a in
      let m = try self.tensor(try a.required(0, "m"))
      let rowvar = try a.keyword("rowvar").map { try self.rt.isTrue($0) } ?? true
      return self.wrap(try bridged { try Tensor.cov(m, rowVariables: rowvar) })
    }
    def("corrcoef") { a in
      let m = try self.tensor(try a.required(0, "x"))
      return self.wrap(try bridged { try Tensor.corrcoef(m) })
    }
    def("bincount") { a in
      let t = try self.tensor(try a.required(0, "x"))
      let minLength = try a.keyword("minlength").map { try self.rt.toInt($0) } ?? 0
      return self.array(try bridged { try t.bincount(minLength: minLength) })
    }
    def("meshgrid") { a in
      let xs = try a.positional.map { try self.tensor($0).reshaped([-1]) }
      guard xs.count == 2 else { throw PyException(.valueError, "meshgrid takes two arrays here") }
      let (x, y) = (xs[0], xs[1])
      let shape = [y.count, x.count]
      let gx = try bridged { try x.reshaped([1, x.count]).expanded(to: shape).contiguous() }
      let gy = try bridged { try y.reshaped([y.count, 1]).expanded(to: shape).contiguous() }
      return .list(PyList([self.array(gx), self.array(gy)]))
    }
    def("argsort") { a in
      let ax = try self.axes(a.value(1, "axis"))?.first ?? -1
      return self.array(try bridged { try self.tensor(try a.required(0, "a")).argsort(axis: ax) })
    }
    def("sort") { a in
      let ax = try self.axes(a.value(1, "axis"))?.first ?? -1
      return self.array(
        try bridged { try self.tensor(try a.required(0, "a")).sorted(axis: ax).values })
    }
    def("unique") { a in
      let r = try bridged { try self.tensor(try a.required(0, "ar")).unique() }
      if try self.flag(a.keyword("return_counts")) {
        return .tuple([self.array(r.values), self.array(r.counts)])
      }
      return self.array(r.values)
    }
    def("shape") { a in .tuple(try self.tensor(try a.required(0, "a")).shape.map { .int($0) }) }
    def("size") { a in .int(try self.tensor(try a.required(0, "a")).count) }
    def("ndim") { a in .int(try self.tensor(try a.required(0, "a")).rank) }
    def("copy") { a in self.array(try self.tensor(try a.required(0, "a")).clone()) }
    def("allclose") { a in
      let x = try self.tensor(try a.required(0, "a")).casted(to: .float64)
      let y = try self.tensor(try a.required(1, "b")).casted(to: .float64)
      let rtol = try a.keyword("rtol").map { try self.rt.double($0) } ?? 1e-5
      let atol = try a.keyword("atol").map { try self.rt.double($0) } ?? 1e-8
      let shape = try bridged { try Tensor.broadcastShapes(x.shape, y.shape) }
      let xs = try bridged { try x.expanded(to: shape).contiguous().doubles }
      let ys = try bridged { try y.expanded(to: shape).contiguous().doubles }
      return .bool(zip(xs, ys).allSatisfy { Swift.abs($0 - $1) <= atol + rtol * Swift.abs($1) })
    }
    def("array_equal") { a in
      let x = try self.tensor(try a.required(0, "a1"))
      let y = try self.tensor(try a.required(1, "a2"))
      guard x.shape == y.shape else { return .bool(false) }
      return .bool(
        x.casted(to: .float64).contiguous().doubles == y.casted(to: .float64).contiguous().doubles)
    }

    def("load") { a in
      let name = try self.rt.string(try a.required(0, "file"), "load() argument 'file'")
      let path = try self.rt.dataFilePath(name, for: "load")
      return self.array(try bridged { try NPY.load(URL(fileURLWithPath: path)) })
    }

    def("set_printoptions") { a in
      if let p = a.keyword("precision"), !self.isNone(p) {
        self.printOptions.precision = try self.rt.toInt(p)
      }
      if let p = a.keyword("suppress"), !self.isNone(p) {
        self.printOptions.suppress = try self.rt.isTrue(p)
      }
      if let p = a.keyword("linewidth"), !self.isNone(p) {
        self.printOptions.lineWidth = try self.rt.toInt(p)
      }
      if let p = a.keyword("threshold"), !self.isNone(p) {
        self.printOptions.threshold = try self.rt.toInt(p)
      }
      if let p = a.keyword("edgeitems"), !self.isNone(p) {
        self.printOptions.edgeItems = try self.rt.toInt(p)
      }
      return .none
    }
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
    func def(_ name: String, _ body: @escaping (Arguments) throws -> PyValue) {
      m.define(name) { args, kwargs in try body(Arguments(name, args, kwargs)) }
    }
    /// `size=`: nil means one Python float.
    func size(_ v: PyValue?) throws -> [Int]? {
      guard let v, !isNone(v) else { return nil }
      let s = try shape([v])
      try checkedAllocation(s, .float64)
      return s
    }
    func floats(_ shape: [Int]?, _ draw: (Int) throws -> [Double]) throws -> PyValue {
      guard let shape else { return .float(try draw(1)[0]) }
      // The draws and the array: twice the array's bytes at once.
      let n = try checkedAllocation(shape + [2], .float64) / 2
      return array(try bridged { try Tensor(try draw(n), shape: shape) })
    }
    def("seed") { a in
      let s = try a.value(0, "seed").map { try self.rt.toInt($0) } ?? 0
      guard s >= 0 && s < (1 << 32) else {
        throw PyException(.valueError, "Seed must be between 0 and 2**32 - 1")
      }
      box.state.seed(UInt32(s))
      return .none
    }
    def("rand") { a in
      try floats(a.count == 0 ? nil : try self.shape(a.positional)) {
        box.state.randomSample(count: $0)
      }
    }
    def("randn") { a in
      try floats(a.count == 0 ? nil : try self.shape(a.positional)) {
        box.state.standardNormal(count: $0)
      }
    }
    for name in ["random", "random_sample", "sample", "ranf"] {
      def(name) { a in
        try floats(try size(a.value(0, "size"))) { box.state.randomSample(count: $0) }
      }
    }
    def("standard_normal") { a in
      try floats(try size(a.value(0, "size"))) { box.state.standardNormal(count: $0) }
    }
    def("normal") { a in
      let loc = try a.value(0, "loc").map { try self.rt.double($0) } ?? 0
      let scale = try a.value(1, "scale").map { try self.rt.double($0) } ?? 1
      return try floats(try size(a.value(2, "size"))) { n in
        try bridged { try box.state.normal(loc: loc, scale: scale, count: n) }
      }
    }
    def("uniform") { a in
      let low = try a.value(0, "low").map { try self.rt.double($0) } ?? 0
      let high = try a.value(1, "high").map { try self.rt.double($0) } ?? 1
      return try floats(try size(a.value(2, "size"))) {
        box.state.uniform(low: low, high: high, count: $0)
      }
    }
    def("randint") { a in
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
      return self.wrap(it)
    }
    def("exponential") { a in
      let scale = try a.value(0, "scale").map { try self.rt.double($0) } ?? 1
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
      if case .int(let k) = x {
        return self.array(try bridged { try Tensor(box.state.permutation(k)) })
      }
      let t = try self.tensor(x)
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
      var order = Array(0..<(arr.tensor.shape.first ?? 0)).map { Int64($0) }
      box.state.shuffle(&order)
      let shuffled = try bridged { try arr.tensor.item([.array(try Tensor(order))]) }
      try bridged { try arr.tensor.copyInPlace(from: shuffled) }
      return .none
    }
    def("RandomState") { a in
      let seed = try a.value(0, "seed").map { try self.rt.toInt($0) } ?? 0
      let state = RandomBox(NumPyRandomState(seed: UInt32(truncatingIfNeeded: seed)))
      return .native(RandomStateObject(self.makeRandomModule(state)))
    }
    return m
  }

  // MARK: numpy.linalg

  func makeLinalgModule() -> PyModule {
    let m = PyModule(name: "numpy.linalg")
    func def(_ name: String, _ body: @escaping (Arguments) throws -> PyValue) {
      m.define(name) { args, kwargs in try body(Arguments(name, args, kwargs)) }
    }
    def("inv") { a in
      self.array(try bridged { try Linalg.inv(try self.tensor(try a.required(0, "a"))) })
    }
    def("det") { a in
      self.wrap(try bridged { try Linalg.det(try self.tensor(try a.required(0, "a"))) })
    }
    def("solve") { a in
      self.array(
        try bridged {
          try Linalg.solve(
            try self.tensor(try a.required(0, "a")), try self.tensor(try a.required(1, "b")))
        })
    }
    def("eig") { a in
      let r = try bridged { try Linalg.eig(try self.tensor(try a.required(0, "a"))) }
      if r.imaginary.doubles.contains(where: { $0 != 0 }) {
        throw PyException(.valueError, "complex eigenvalues are not supported in journal cells")
      }
      return .tuple([self.array(r.real), self.array(r.vectors)])
    }
    def("eigh") { a in
      let r = try bridged { try Linalg.eigh(try self.tensor(try a.required(0, "a"))) }
      return .tuple([self.array(r.values), self.array(r.vectors)])
    }
    def("eigvalsh") { a in
      self.array(try bridged { try Linalg.eigh(try self.tensor(try a.required(0, "a"))).values })
    }
    def("cholesky") { a in
      self.array(try bridged { try Linalg.cholesky(try self.tensor(try a.required(0, "a"))) })
    }
    def("svd") { a in
      let full = try a.value(1, "full_matrices").map { try self.rt.isTrue($0) } ?? true
      let t = try self.tensor(try a.required(0, "a"))
      if let uv = a.value(2, "compute_uv"), !(try self.rt.isTrue(uv)) {
        return self.array(try bridged { try Linalg.svd(t, fullMatrices: false).s })
      }
      let r = try bridged { try Linalg.svd(t, fullMatrices: full) }
      return .tuple([self.array(r.u), self.array(r.s), self.array(r.vh)])
    }
    def("norm") { a in
      let t = try self.tensor(try a.required(0, "x"))
      let ax = try self.axes(a.value(2, "axis"))
      let keep = try self.flag(a.keyword("keepdims"))
      if let ord = a.value(1, "ord"), !self.isNone(ord) {
        if case .str(let s) = ord {
          return self.wrap(try bridged { try Linalg.matrixNorm(t, ord: s) })
        }
        let p = try self.rt.double(ord)
        if t.rank == 2 && ax == nil {
          let name = p == .infinity ? "inf" : p == -.infinity ? "-inf" : String(Int(p))
          return self.wrap(try bridged { try Linalg.matrixNorm(t, ord: name) })
        }
        return self.wrap(try bridged { try Linalg.norm(t, p: p, axes: ax, keepDims: keep) })
      }
      return self.wrap(try bridged { try Linalg.norm(t, axes: ax, keepDims: keep) })
    }
    return m
  }
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
