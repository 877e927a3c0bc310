import Foundation
import Tensors

extension NumPyContext {
  /// The array method `name`, bound through its declared signature.
  func method(_ name: String, _ body: @escaping BoundFunction) -> PyValue {
    .builtin(PyBuiltin(NumPySignatures.ndarray.signature(name), body))
  }

  /// `np.clip`'s bound under its old name (`a_min`) or its new one (`min`), not both.
  func clipBound(_ a: Arguments, _ old: String, _ new: String) throws -> PyValue? {
    let x = a.value(old)
    let y = a.value(new)
    if x != nil && y != nil {
      throw PyException(
        .valueError,
        "Passing `min` or `max` keyword argument when `a_min` and `a_max` are provided is "
          + "forbidden.")
    }
    return x ?? y
  }

  /// `axis=` as a list of axes of an array of `rank` dimensions, normalised; nil for None or
  /// absent. Out-of-range and repeated axes raise as NumPy raises.
  func axes(_ v: PyValue?, rank: Int) throws -> [Int]? {
    guard let v, !isNone(v) else { return nil }
    let given: [Int]
    if case .tuple(let parts) = v {
      given = try parts.map { try integer($0) }
    } else {
      given = [try integer(v)]
    }
    var seen: [Int] = []
    for g in given {
      let n = try axis(g, rank: rank)
      if seen.contains(n) { throw PyException(.valueError, "duplicate value in 'axis'") }
      seen.append(n)
    }
    return seen
  }

  /// A single `axis=` (an int or None) of an array of `rank` dimensions, normalised.
  func singleAxis(_ v: PyValue?, rank: Int) throws -> Int? {
    guard let v, !isNone(v) else { return nil }
    return try axis(try integer(v), rank: rank)
  }

  /// `a` in `[-rank, rank)`, made non-negative; else NumPy's `AxisError`.
  func axis(_ a: Int, rank: Int) throws -> Int {
    guard a >= -rank && a < rank else {
      throw axisError("axis \(a) is out of bounds for array of dimension \(rank)")
    }
    return a < 0 ? a + rank : a
  }

  func axisError(_ message: String) -> PyException { PyException(.axisError, message) }

  func flag(_ v: PyValue?) throws -> Bool {
    guard let v else { return false }
    return try rt.isTrue(v)
  }

  /// An integer argument as NumPy reads one (`operator.index`): floats are refused, not
  /// truncated.
  func integer(_ v: PyValue) throws -> Int {
    try rt.int(v, "")
  }

  /// The shape of a new array: as `shape`, with NumPy's refusal of negative sizes.
  func newShape(_ v: PyValue) throws -> [Int] {
    let s = try shape([v])
    if s.contains(where: { $0 < 0 }) {
      throw PyException(.valueError, "negative dimensions are not allowed")
    }
    return s
  }

  /// A shape given as `(2, 3)`, `[2, 3]`, `2` or as several positional ints.
  func shape(_ args: [PyValue]) throws -> [Int] {
    if args.count == 1 {
      switch try args.at(0) {
      case .tuple, .list: return try rt.toArray(args.at(0)).map { try integer($0) }
      default: break
      }
    }
    return try args.map { try integer($0) }
  }

  /// Resolves one `-1` in a requested shape, as `reshape` does.
  func resolve(_ shape: [Int], count: Int) throws -> [Int] {
    guard let hole = shape.firstIndex(of: -1) else { return shape }
    var others = shape
    others.remove(at: hole)
    let known = Tensor.elementCount(of: others) ?? 0
    guard known > 0, count % known == 0 else {
      throw PyException(
        .valueError,
        "cannot reshape array of size \(count) into shape \(compactShape(shape))")
    }
    var s = shape
    s[hole] = count / known
    return s
  }

  /// A shape as NumPy's reshape error prints it: `(4,2)`.
  func compactShape(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ",") + ")"
  }

  func reshape(_ t: Tensor, _ shape: [Int]) throws -> Tensor {
    let s = try resolve(shape, count: t.count)
    guard Tensor.elementCount(of: s) == t.count else {
      throw PyException(
        .valueError,
        "cannot reshape array of size \(t.count) into shape \(compactShape(shape))")
    }
    return try bridged { try t.reshaped(s) }
  }

  /// Nested Python lists of Python scalars.
  func toList(_ t: Tensor) throws -> PyValue {
    let c = t.contiguous()
    let d = t.dtype
    let flat: [PyValue]
    switch d {
    case .bool: flat = c.bools.map { .bool($0) }
    case .float32, .float64: flat = c.doubles.map { .float($0) }
    default: flat = c.int64s.map { .int(Int($0)) }
    }
    if t.rank == 0 { return flat[0] }
    var pos = 0
    func build(_ axis: Int) -> PyValue {
      if axis == t.rank {
        defer { pos += 1 }
        return flat[pos]
      }
      return .list(PyList((0..<t.shape[axis]).map { _ in build(axis + 1) }))
    }
    return build(0)
  }

  /// `np.dot`, which accumulates from +0 as BLAS does: a product of -0 comes out +0.
  func dot(_ x: Tensor, _ y: Tensor) throws -> Tensor {
    var r = try bridged { try Tensor.dot(x, y) }
    if (x.rank == 0 || y.rank == 0) && r.dtype.isFloatingPoint {
      r = try bridged { try Tensor.binary(.add, r, .double(0)) }
    }
    return r
  }

  /// The result of a method on `x`: a NumPy scalar stays a scalar, an array (even 0-d) stays
  /// an array.
  func same(_ x: NDArray, _ t: Tensor) -> PyValue { x.isScalar ? wrap(t) : array(t) }

  /// `result`, with each new array in it that views the memory of an array among `arguments`
  /// marked as its view: NumPy makes every view of a read-only array read-only.
  func views(_ result: PyValue, of arguments: [PyValue]) -> PyValue {
    var given: [NDArray] = []
    for case .native(let x as NDArray) in arguments { given.append(x) }
    guard !given.isEmpty else { return result }
    func mark(_ v: PyValue) {
      switch v {
      case .native(let r as NDArray):
        // An argument handed back (`np.asarray(a)`, `out=`) is no new view.
        guard !r.isScalar, r.base == nil, !given.contains(where: { $0 === r }),
          let owner = given.first(where: { !$0.isScalar && $0.tensor.sharesStorage(with: r.tensor) }
          )
        else { return }
        r.base = owner.base ?? owner
        if !owner.writeable { r.writeable = false }
      case .tuple(let items): items.forEach(mark)
      case .list(let list): list.items.forEach(mark)
      default: break
      }
    }
    mark(result)
    return result
  }

  /// Defines a NumPy function whose results are marked as views of its arguments (`views`).
  func define(
    _ name: String, in table: SignatureTable, of m: PyModule, _ body: @escaping BoundFunction
  ) {
    m.define(name, in: table) { a in
      self.views(try body(a), of: a.positional + a.keywords.map(\.1))
    }
  }

  /// `axis=` of a reduction that NumPy runs as a ufunc reduce, which takes axis 0 (or -1) of a
  /// 0-d array as all of it.
  func reductionAxes(_ name: String, _ v: PyValue?, rank: Int) throws -> [Int]? {
    let ufuncReduce = [
      "sum", "prod", "max", "min", "amax", "amin", "any", "all", "argmax",
      "argmin",
    ].contains(name)
    if rank == 0 && ufuncReduce {
      _ = try axes(v, rank: 1)  // Only 0 and -1 pass.
      return nil
    }
    return try axes(v, rank: rank)
  }

  func reduction(
    _ name: String, _ t: Tensor, _ a: Arguments,
    _ f: (Tensor, [Int]?, Bool) throws -> Tensor
  ) throws -> PyValue {
    let ax = try reductionAxes(name, a.value("axis"), rank: t.rank)
    let keep = try flag(a.value("keepdims"))
    var t = t
    var resultType: DType?
    if let d = a.optional("dtype") {
      let type = try dtype(d)
      resultType = type
      // NumPy's mean, std and var then return that dtype even when it is an integer one.
      if ["mean", "std", "var"].contains(name) && !type.isFloatingPoint {
        throw PyException(
          .notImplementedError,
          "numpy.\(name)(dtype=\(type)) is not supported in journal cells")
      }
      t = t.casted(to: type)
    }
    if ["sum", "prod"].contains(name) { try refuseUnsigned64(name, t.dtype) }
    var r = try bridged { try f(t, ax, keep) }
    // Sums accumulate in the dtype asked for; Tensors widens integers to int64 (the same
    // value modulo the narrower width, which the cast restores).
    if let resultType, r.dtype != resultType { r = r.casted(to: resultType) }
    return wrap(r)
  }

  func argReduction(_ t: Tensor, _ a: Arguments, max: Bool) throws -> PyValue {
    var ax: Int?
    if t.rank == 0 {
      _ = try singleAxis(a.value("axis"), rank: 1)  // Only 0 and -1 pass: all of it.
    } else {
      ax = try singleAxis(a.value("axis"), rank: t.rank)
    }
    let keep = try flag(a.value("keepdims"))
    var r = try bridged {
      max ? try t.argmax(axis: ax, keepDims: keep) : try t.argmin(axis: ax, keepDims: keep)
    }
    // Over all elements, keepdims keeps every dimension as 1.
    if ax == nil && keep { r = try bridged { try r.reshaped(Array(repeating: 1, count: t.rank)) } }
    return wrap(r)
  }

  /// Reductions shared by the array methods and the module functions (`a.sum()`, `np.sum(a)`).
  func reduce(_ name: String, _ t: Tensor, _ a: Arguments) throws -> PyValue? {
    switch name {
    case "sum": return try reduction(name, t, a) { try $0.sum(axes: $1, keepDims: $2) }
    case "mean": return try reduction(name, t, a) { try $0.mean(axes: $1, keepDims: $2) }
    case "max", "amax": return try reduction(name, t, a) { try $0.max(axes: $1, keepDims: $2) }
    case "min", "amin": return try reduction(name, t, a) { try $0.min(axes: $1, keepDims: $2) }
    case "prod": return try reduction(name, t, a) { try $0.prod(axes: $1, keepDims: $2) }
    case "any": return try reduction(name, t, a) { try $0.any(axes: $1, keepDims: $2) }
    case "all": return try reduction(name, t, a) { try $0.all(axes: $1, keepDims: $2) }
    case "std", "var":
      let ddof = try a.value("ddof").map { try integer($0) } ?? 0
      return try reduction(name, t, a) { x, ax, keep in
        name == "std"
          ? try x.standardDeviation(axes: ax, ddof: ddof, keepDims: keep)
          : try x.variance(axes: ax, ddof: ddof, keepDims: keep)
      }
    case "argmax": return try argReduction(t, a, max: true)
    case "argmin": return try argReduction(t, a, max: false)
    case "cumsum":
      // A 0-d array is summed as the 1-element array it flattens to.
      let flat = t.rank == 0 ? try bridged { try t.reshaped([1]) } : t
      let ax = try singleAxis(a.value("axis"), rank: flat.rank)
      let t = try a.optional("dtype").map { flat.casted(to: try dtype($0)) } ?? flat
      try refuseUnsigned64(name, t.dtype)
      let r = try bridged { try t.cumsum(axis: ax) }
      return wrap(a.has("dtype") && r.dtype != t.dtype ? r.casted(to: t.dtype) : r)
    default: return nil
    }
  }

  func arrayAttribute(_ x: NDArray, _ name: String) throws -> PyValue? {
    let t = x.tensor
    switch name {
    case "shape": return .tuple(t.shape.map { .int($0) })
    case "ndim": return .int(t.rank)
    case "size": return .int(t.count)
    case "dtype": return .native(NPDType(t.dtype, isType: false, numpy: self))
    case "itemsize": return .int(t.dtype.itemSize)
    case "nbytes": return .int(t.dtype.itemSize * t.count)
    case "T":
      return views(
        same(x, t.rank < 2 ? t : try bridged { try t.permuted(Array((0..<t.rank).reversed())) }),
        of: [.native(x)])
    case "real": return .native(x)
    case "flags" where !x.isScalar: return .native(ArrayFlags(x))
    case "flat": return .native(FlatIterator(x, numpy: self))
    default: break
    }
    // Python's number protocol, for the runtime's int()/float()/index paths: NumPy 2 converts
    // 0-d arrays and scalars only.
    switch name {
    case "__float__", "__int__":
      return method(name) { _ in
        guard t.rank == 0 else {
          throw PyException(
            .typeError, "only 0-dimensional arrays can be converted to Python scalars")
        }
        let v = try t.item()
        return name == "__int__" ? .int(Int(v.int64Value)) : .float(v.doubleValue)
      }
    case "__index__" where !t.dtype.isFloatingPoint && t.dtype != .bool && t.rank == 0:
      return method(name) { _ in .int(Int(try t.item().int64Value)) }
    case "__round__" where !x.isScalar || t.dtype == .bool:
      return nil
    default: break
    }
    // A method's results that view the array's memory are its views (`views`).
    let m = { (body: @escaping BoundFunction) in
      self.method(name) { a in self.views(try body(a), of: [.native(x)]) }
    }
    if [
      "sum", "mean", "max", "min", "prod", "any", "all", "std", "var", "argmax", "argmin",
      "cumsum",
    ].contains(name) {
      return m { a in try self.reduce(name, x.tensor, a) ?? .none }
    }
    switch name {
    case "reshape":
      return m { a in
        let shape = Array(a.rest())
        if shape.isEmpty {
          throw PyException(.typeError, "reshape() takes exactly 1 argument (0 given)")
        }
        return self.array(try self.reshape(x.tensor, try self.shape(shape)))
      }
    case "astype":
      return m { a in self.same(x, x.tensor.casted(to: try self.dtype(try a.required("dtype")))) }
    case "copy": return m { _ in self.same(x, x.tensor.clone()) }
    case "flatten": return m { _ in self.array(try self.reshape(x.tensor.clone(), [-1])) }
    case "ravel":
      // A view of a C-contiguous array, else a copy, as NumPy's ravel.
      return m { _ in
        let t = x.tensor.isContiguous ? x.tensor : x.tensor.clone()
        return self.array(try self.reshape(t, [-1]))
      }
    case "tolist": return m { _ in try self.toList(x.tensor) }
    case "item":
      return m { a in
        let index = a.rest()
        if index.count == 1, let i = index.first {
          let flat = try self.reshape(x.tensor, [-1])
          let k = try self.integer(i)
          guard k >= -flat.count && k < flat.count else {
            throw PyException(.indexError, "index \(k) is out of bounds for size \(flat.count)")
          }
          return NumPyContext.python(
            try bridged { try flat.item([.index(k)]).item() }, x.tensor.dtype)
        }
        if index.count > 1 {
          guard index.count == x.tensor.rank else {
            throw PyException(.valueError, "incorrect number of indices for array")
          }
          let key = try index.map { TensorIndex.index(try self.integer($0)) }
          return NumPyContext.python(
            try bridged { try x.tensor.item(key).item() }, x.tensor.dtype)
        }
        guard x.tensor.count == 1 else {
          throw PyException(.valueError, "can only convert an array of size 1 to a Python scalar")
        }
        return NumPyContext.python(try x.tensor.reshaped([]).item(), x.tensor.dtype)
      }
    case "transpose":
      return m { a in
        let t = x.tensor
        let axes = Array(a.rest())
        if axes.isEmpty || axes.count == 1 && self.isNone(axes[0]) {
          return self.same(
            x, t.rank < 2 ? t : try bridged { try t.permuted(Array((0..<t.rank).reversed())) })
        }
        return self.same(x, try bridged { try t.permuted(try self.shape(axes)) })
      }
    case "dot":
      return m { a in
        self.wrap(try self.dot(x.tensor, try self.tensor(try a.required("other"))))
      }
    case "clip":
      return m { a in try self.clip(x.tensor, a.value("min"), a.value("max")) }
    case "squeeze":
      return m { a in
        let t = x.tensor
        // A 0-d array squeezes as if it had the one axis 0 (or -1).
        let axes = try self.axes(a.value("axis"), rank: Swift.max(t.rank, 1))
        if t.rank == 0 { return self.same(x, t) }
        return self.same(x, try bridged { try t.squeezed(axes: axes) })
      }
    case "setflags":
      return m { a in
        if let write = a.value("write"), !self.isNone(write) {
          try ArrayFlags(x).setWriteable(write)
        }
        return .none
      }
    case "swapaxes":
      return m { a in
        let t = x.tensor
        var order = Array(0..<t.rank)
        order.swapAt(
          try self.axis(try self.integer(try a.required("axis1")), rank: t.rank),
          try self.axis(try self.integer(try a.required("axis2")), rank: t.rank))
        return self.same(x, try bridged { try t.permuted(order) })
      }
    case "fill":
      return m { a in
        let v = try a.required("value")
        let s = try NumPyContext.pythonScalar(v) ?? self.tensor(v).reshaped([]).item()
        try x.checkWriteable()
        try bridged { try x.tensor.fillInPlace(s) }
        return .none
      }
    case "round":
      return m { a in try self.round(x.tensor, a.value("decimals")) }
    case "argsort":
      return m { a in
        var t = x.tensor
        if t.rank == 0 { t = try bridged { try t.reshaped([1]) } }
        let axis = a.value("axis")
        if let axis, self.isNone(axis) { t = try bridged { try t.reshaped([-1]) } }
        let ax = try self.singleAxis(axis, rank: t.rank) ?? t.rank - 1
        return self.array(try bridged { try t.argsort(axis: ax) })
      }
    case "sort":
      return m { a in
        let ax = try self.singleAxis(a.value("axis") ?? .int(-1), rank: x.tensor.rank) ?? -1
        try x.checkWriteable("sort array")
        let sorted = try bridged { try x.tensor.sorted(axis: ax).values }
        try bridged { try x.tensor.copyInPlace(from: sorted) }
        return .none
      }
    case "nonzero": return m { _ in try self.nonzero(x.tensor) }
    case "repeat":
      return m { a in try self.repeated(x.tensor, try a.required("repeats"), axis: a.value("axis"))
      }
    case "diagonal":
      return m { a in
        try self.diagonal(
          x.tensor, a.value("offset"), a.value("axis1"), a.value("axis2"),
          function: "ndarray.diagonal")
      }
    case "__abs__":
      return m { _ in
        let r = try bridged { try x.tensor.abs() }
        let type = try self.unaryResultType("abs", x.tensor.dtype)
        return self.wrap(r.dtype == type ? r : r.casted(to: type))
      }
    case "__format__":
      return m { a in
        let spec = try self.rt.string(try a.required("spec"), "format spec")
        guard x.isScalar || x.tensor.rank == 0 else {
          if spec.isEmpty { return .str(try x.str()) }
          throw PyException(
            .typeError, "unsupported format string passed to numpy.ndarray.__format__")
        }
        let v = NumPyContext.python(try x.tensor.item(), x.tensor.dtype)
        if spec.isEmpty { return .str(try x.str()) }
        return .str(try self.rt.format(v, spec))
      }
    case "__round__":
      return m { a in
        let v = NumPyContext.python(try x.tensor.item(), x.tensor.dtype)
        let round = self.rt.builtins["round"]!
        if let nd = a.optional("ndigits") {
          return self.wrap(
            try self.tensor(try self.rt.call(round, [v, nd])).casted(to: x.tensor.dtype))
        }
        return try self.rt.call(round, [v])
      }
    default: return nil
    }
  }

  /// Two operands as NumPy 2 promotes them: a Python number takes the other's dtype where it
  /// can (a weak scalar), an array keeps its own.
  func weakPair(_ x: PyValue, _ y: PyValue) throws -> (Tensor, Tensor) {
    let sx = NumPyContext.pythonScalar(x)
    let sy = NumPyContext.pythonScalar(y)
    switch (sx, sy) {
    case (let s?, nil):
      let ty = try tensor(y)
      return (Tensor(scalar: s, dtype: s.resultType(with: ty.dtype)), ty)
    case (nil, let s?):
      let tx = try tensor(x)
      return (tx, Tensor(scalar: s, dtype: s.resultType(with: tx.dtype)))
    default: return (try tensor(x), try tensor(y))
    }
  }

  /// A ufunc's result, written into `out=` when given (an array, or a 1-tuple of one), under
  /// NumPy's `same_kind` casting: `out` is returned, as NumPy returns it.
  func ufuncResult(_ name: String, _ r: Tensor, out: PyValue?) throws -> PyValue {
    guard var out, !isNone(out) else { return wrap(r) }
    if case .tuple(let items) = out, items.count == 1 { out = items[0] }
    let target = try checkOutCast(name, r.dtype, out: out)
    let to = target.tensor.dtype
    let shape = try bridged { try Tensor.broadcastShapes(r.shape, target.tensor.shape) }
    guard shape == target.tensor.shape else {
      throw PyException(
        .valueError,
        "non-broadcastable output operand with shape \(ArrayFormat.shapeText(target.tensor.shape)) "
          + "doesn't match the broadcast shape \(ArrayFormat.shapeText(shape))")
    }
    let value = try bridged { try r.casted(to: to).expanded(to: shape) }
    try bridged { try target.tensor.copyInPlace(from: value) }
    return out
  }

  /// The array `out=` names, refused (as NumPy refuses it before computing) when a result of
  /// `type` cannot go into it under the `same_kind` rule.
  @discardableResult
  func checkOutCast(_ name: String, _ type: DType, out: PyValue) throws -> NDArray {
    var out = out
    if case .tuple(let items) = out, items.count == 1 { out = items[0] }
    guard case .native(let target as NDArray) = out, !target.isScalar else {
      throw PyException(.typeError, "return arrays must be of ArrayType")
    }
    try target.checkWriteable("output array")
    let to = target.tensor.dtype
    let sameKind =
      type == to || type == .bool || (type.isInteger && to != .bool)
      || (type.isFloatingPoint && to.isFloatingPoint)
    guard sameKind else {
      throw PyException(
        .ufuncTypeError,
        "Cannot cast ufunc '\(name)' output from dtype('\(type)') to dtype('\(to)') with "
          + "casting rule 'same_kind'")
    }
    return target
  }

  /// The dtype NumPy's binary ufunc `op` gives for these operands (weak Python scalars).
  func binaryResultType(_ op: BinaryOp, _ x: PyValue, _ y: PyValue) throws -> DType {
    let (tx, ty) = try weakPair(x, y)
    if op.isComparisonOp || [.logicalAnd, .logicalOr, .logicalXor].contains(op) { return .bool }
    var t = DType.promoted(tx.dtype, ty.dtype)
    if op == .divide && !t.isFloatingPoint { t = .float64 }
    if t == .bool && [.power, .remainder, .floorDivide].contains(op) { t = .int64 }
    return t
  }

  /// NumPy sums and products of uint8 arrays are uint64, which the engine has no storage for.
  func refuseUnsigned64(_ name: String, _ d: DType) throws {
    if d == .uint8 {
      throw PyException(
        .notImplementedError,
        "numpy.\(name) of a uint8 array (a uint64 result) is not supported in journal cells")
    }
  }

  /// The diagonal of axes `a1` and `a2` (normalised, distinct) shifted by `k`, as NumPy's
  /// `diagonal` gives it: a view of the same memory whose last axis runs along the diagonal.
  func diagonalView(_ t: Tensor, offset k: Int, axis1 a1: Int, axis2 a2: Int) throws -> Tensor {
    let (n1, n2) = (t.shape[a1], t.shape[a2])
    // Both counts are below the sizes, so the offsets cannot overflow.
    let count = k >= 0 ? Swift.max(0, Swift.min(n1, n2 - k)) : Swift.max(0, Swift.min(n1 + k, n2))
    var start = t.offset
    if count > 0 { start += k >= 0 ? k * t.strides[a2] : -k * t.strides[a1] }
    let rest = (0..<t.rank).filter { $0 != a1 && $0 != a2 }
    return try bridged {
      try t.strided(
        shape: rest.map { t.shape[$0] } + [count],
        strides: rest.map { t.strides[$0] } + [t.strides[a1] + t.strides[a2]], offset: start)
    }
  }

  /// `np.concatenate` of arrays of any dtypes, with NumPy's refusals.
  func concatenate(_ ts: [Tensor], axis: Int) throws -> Tensor {
    guard let first = ts.first else {
      throw PyException(.valueError, "need at least one array to concatenate")
    }
    if first.rank == 0 {
      throw PyException(.valueError, "zero-dimensional arrays cannot be concatenated")
    }
    let ax = try self.axis(axis, rank: first.rank)
    for (i, t) in ts.enumerated().dropFirst() where t.rank != first.rank {
      throw PyException(
        .valueError,
        "all the input array dimensions except for the concatenation axis must match exactly, "
          + "but along dimension 0, the array at index 0 has \(first.rank) dimension(s) and the "
          + "array at index \(i) has \(t.rank) dimension(s)")
    }
    let type = ts.dropFirst().reduce(first.dtype) { DType.promoted($0, $1.dtype) }
    let parts = ts.map { $0.dtype == type ? $0 : $0.casted(to: type) }
    return try bridged { try Tensor.concatenate(parts, axis: ax) }
  }

  /// `np.atleast_1d` / `np.atleast_2d` of one array.
  func atLeast(_ t: Tensor, _ n: Int) throws -> Tensor {
    if t.rank >= n { return t }
    if n == 1 || t.rank == 0 {
      return try bridged { try t.reshaped(Array(repeating: 1, count: n - 1) + [t.count]) }
    }
    return try bridged { try t.reshaped([1, t.count]) }
  }

  /// `np.nonzero`: one index array per dimension; refused for 0-d arrays, as NumPy 2 does.
  func nonzero(_ t: Tensor) throws -> PyValue {
    guard t.rank > 0 else {
      throw PyException(
        .valueError,
        "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() "
          + "instead. If the context of this error is of the form `arr[nonzero(cond)]`, just use "
          + "`arr[cond]`.")
    }
    return .tuple(t.nonzero().map { array($0) })
  }

  /// `np.median` over all elements or one axis: the mean of the middle elements, NaN when a
  /// NaN is among them.
  func median(_ t: Tensor, axis: PyValue?, keepDims: Bool) throws -> PyValue {
    var x = t
    var ax: Int
    if let given = try axes(axis, rank: t.rank) {
      guard given.count == 1 else {
        throw PyException(
          .notImplementedError, "numpy.median over several axes is not supported in journal cells")
      }
      ax = given[0]
    } else {
      x = try bridged { try t.reshaped([-1]) }
      ax = 0
    }
    let n = x.shape[ax]
    if !x.dtype.isFloatingPoint { x = x.casted(to: .float64) }
    if n == 0 {
      var shape = x.shape
      shape.remove(at: ax)
      return wrap(Tensor.full(shape, .double(.nan), dtype: x.dtype))
    }
    let sorted = try bridged { try x.sorted(axis: ax).values }
    let lo = try bridged { try sorted.narrowed(axis: ax, start: (n - 1) / 2, length: 1) }
    let hi = try bridged { try sorted.narrowed(axis: ax, start: n / 2, length: 1) }
    var m = try bridged {
      try Tensor.concatenate([lo, hi], axis: ax).mean(axes: [ax], keepDims: true)
    }
    if x.dtype.isFloatingPoint {
      let nan = try bridged { try x.unary(.isnan).any(axes: [ax], keepDims: true) }
      m = try bridged { try Tensor.where(nan, Tensor(scalar: .double(.nan), dtype: m.dtype), m) }
    }
    if !keepDims {
      if axis == nil || axis.map(isNone) == true {
        m = try bridged { try m.reshaped(keepDims ? Array(repeating: 1, count: t.rank) : []) }
      } else {
        m = try bridged { try m.squeezed(axes: [ax]) }
      }
    } else if axis == nil || axis.map(isNone) == true {
      m = try bridged { try m.reshaped(Array(repeating: 1, count: t.rank)) }
    }
    return wrap(m)
  }

  /// `np.repeat`: each element (or slice along `axis`) `repeats` times, where `repeats` is one
  /// count or one per element.
  func repeated(_ t: Tensor, _ repeats: PyValue, axis: PyValue?) throws -> PyValue {
    var x = t
    if x.rank == 0 { x = try bridged { try x.reshaped([1]) } }
    var ax = try singleAxis(axis, rank: x.rank)
    if ax == nil {
      x = try bridged { try x.reshaped([-1]) }
      ax = 0
    }
    let a = ax ?? 0
    let n = x.shape[a]
    let counts = try tensor(repeats)
    guard counts.rank <= 1 else {
      throw PyException(.valueError, "object too deep for desired array")
    }
    let given = counts.casted(to: .int64).contiguous().int64s
    var reps: [Int64]
    if counts.rank == 0 || given.count == 1 {
      let r = given.first ?? 0
      if r < 0 && n > 0 { throw PyException(.valueError, "negative dimensions are not allowed") }
      reps = Array(repeating: r, count: n)
    } else {
      guard given.count == n else {
        throw PyException(
          .valueError,
          "operands could not be broadcast together with shape (\(n),) (\(given.count),)")
      }
      if given.contains(where: { $0 < 0 }) {
        throw PyException(.valueError, "repeats may not contain negative values.")
      }
      reps = given
    }
    var total = 0
    for r in reps {
      let (sum, overflow) = total.addingReportingOverflow(Int(r))
      // NumPy counts in a signed word, whose overflow reads as a negative size.
      guard !overflow else { throw PyException(.valueError, "negative dimensions are not allowed") }
      total = sum
    }
    var outShape = x.shape
    outShape[a] = total
    try checkedAllocation(outShape, x.dtype)
    try checkedAllocation([total], .int64)
    var index: [Int64] = []
    index.reserveCapacity(total)
    for (i, r) in reps.enumerated() where r > 0 {
      index += Array(repeating: Int64(i), count: Int(r))
    }
    let idx = try bridged { try Tensor(index, shape: [index.count]) }
    let key = Array(repeating: TensorIndex.all, count: a) + [.array(idx)]
    return array(try bridged { try x.item(key) })
  }

  /// `np.full`'s fill value as a 0-d tensor of NumPy's dtype for it (a Python int is int64, a
  /// float float64; a NumPy scalar keeps its own; an array broadcasts).
  func fillValue(_ v: PyValue) throws -> Tensor {
    if let s = NumPyContext.pythonScalar(v) { return Tensor(scalar: s) }
    return try tensor(v)
  }

  func clip(_ t: Tensor, _ lo: PyValue?, _ hi: PyValue?) throws -> PyValue {
    var r = t
    // A Python int bound beyond what an integer array holds clips nothing on that side.
    func beyond(_ v: PyValue, below: Bool) -> Bool {
      guard case .int(let i) = v, t.dtype.isInteger else { return false }
      switch t.dtype {
      case .uint8: return below ? i < 0 : i > 255
      case .int32: return below ? i < Int(Int32.min) : i > Int(Int32.max)
      default: return false
      }
    }
    if let lo, !isNone(lo), !beyond(lo, below: true) {
      r = try binaryTensors(.maximum, r, lo, reflected: false)
    }
    if let hi, !isNone(hi), !beyond(hi, below: false) {
      r = try binaryTensors(.minimum, r, hi, reflected: false)
    }
    return wrap(r)
  }

  /// `np.round(a, decimals)`: NumPy scales, rounds half to even, and scales back.
  func round(_ t: Tensor, _ decimals: PyValue?) throws -> PyValue {
    let d = try decimals.map { try integer($0) } ?? 0
    if t.dtype == .bool {
      throw PyException(
        .notImplementedError,
        "numpy.round of a bool array (a float16 result) is not supported in journal cells")
    }
    if !t.dtype.isFloatingPoint {
      if d < 0 {
        throw PyException(
          .notImplementedError,
          "numpy.round of integers to negative decimals is not supported in journal cells")
      }
      return wrap(t.clone())
    }
    if d == 0 { return wrap(try bridged { try t.unary(.round) }) }
    let scale = Foundation.pow(10.0, Double(Swift.abs(d)))
    return wrap(
      try bridged {
        d > 0
          ? try Tensor.binary(
            .divide, try Tensor.binary(.multiply, t, .double(scale)).unary(.round), .double(scale))
          : try Tensor.binary(
            .multiply, try Tensor.binary(.divide, t, .double(scale)).unary(.round), .double(scale))
      })
  }
}
