import Foundation
import Tensors

extension NumPyContext {
  func method(_ name: String, _ body: @escaping (Arguments) throws -> PyValue) -> PyValue {
    .builtin(PyBuiltin(name) { args, kwargs in try body(Arguments(name, args, kwargs)) })
  }

  /// `axis=` as a list of axes; nil for None or absent.
  func axes(_ v: PyValue?) throws -> [Int]? {
    guard let v, !isNone(v) else { return nil }
    if case .tuple(let parts) = v { return try parts.map { try rt.toInt($0) } }
    return [try rt.toInt(v)]
  }

  func flag(_ v: PyValue?) throws -> Bool {
    guard let v else { return false }
    return try rt.isTrue(v)
  }

  /// A shape given as `(2, 3)`, `[2, 3]`, `2` or as several positional ints.
  func shape(_ args: [PyValue]) throws -> [Int] {
    if args.count == 1 {
      switch try args.at(0) {
      case .tuple, .list: return try rt.toArray(args.at(0)).map { try rt.toInt($0) }
      default: break
      }
    }
    return try args.map { try rt.toInt($0) }
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

  func reduction(
    _ t: Tensor, _ a: Arguments, axisIndex: Int = 0,
    _ f: (Tensor, [Int]?, Bool) throws -> Tensor
  ) throws -> PyValue {
    let ax = try axes(a.value(axisIndex, "axis"))
    let keep = try flag(a.keyword("keepdims"))
    return wrap(try bridged { try f(t, ax, keep) })
  }

  func argReduction(_ t: Tensor, _ a: Arguments, axisIndex: Int = 0, max: Bool) throws -> PyValue {
    let ax = try axes(a.value(axisIndex, "axis"))?.first
    let keep = try flag(a.keyword("keepdims"))
    return wrap(
      try bridged {
        max ? try t.argmax(axis: ax, keepDims: keep) : try t.argmin(axis: ax, keepDims: keep)
      })
  }

  /// Reductions shared by the array methods and the module functions (`a.sum()`, `np.sum(a)`).
  func reduce(_ name: String, _ t: Tensor, _ a: Arguments, axisIndex: Int) throws -> PyValue? {
    switch name {
    case "sum":
      return try reduction(t, a, axisIndex: axisIndex) { try $0.sum(axes: $1, keepDims: $2) }
    case "mean":
      return try reduction(t, a, axisIndex: axisIndex) { try $0.mean(axes: $1, keepDims: $2) }
    case "max", "amax":
      return try reduction(t, a, axisIndex: axisIndex) { try $0.max(axes: $1, keepDims: $2) }
    case "min", "amin":
      return try reduction(t, a, axisIndex: axisIndex) { try $0.min(axes: $1, keepDims: $2) }
    case "prod":
      return try reduction(t, a, axisIndex: axisIndex) { try $0.prod(axes: $1, keepDims: $2) }
    case "any":
      return try reduction(t, a, axisIndex: axisIndex) { try $0.any(axes: $1, keepDims: $2) }
    case "all":
      return try reduction(t, a, axisIndex: axisIndex) { try $0.all(axes: $1, keepDims: $2) }
    case "std", "var":
      let ddof = try a.keyword("ddof").map { try rt.toInt($0) } ?? 0
      return try reduction(t, a, axisIndex: axisIndex) { x, ax, keep in
        name == "std"
          ? try x.standardDeviation(axes: ax, ddof: ddof, keepDims: keep)
          : try x.variance(axes: ax, ddof: ddof, keepDims: keep)
      }
    case "argmax": return try argReduction(t, a, axisIndex: axisIndex, max: true)
    case "argmin": return try argReduction(t, a, axisIndex: axisIndex, max: false)
    case "cumsum":
      let ax = try axes(a.value(axisIndex, "axis"))?.first
      return wrap(try bridged { try t.cumsum(axis: ax) })
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
      return wrap(t.rank < 2 ? t : try bridged { try t.permuted(Array((0..<t.rank).reversed())) })
    case "real": return .native(x)
    default: break
    }
    // Python's number protocol for NumPy scalars, for the runtime's int()/float()/index paths.
    if x.isScalar || t.count == 1 {
      switch name {
      case "__float__":
        return method(name) { _ in .float(try t.reshaped([]).item().doubleValue) }
      case "__int__":
        return method(name) { _ in .int(Int(try t.reshaped([]).item().int64Value)) }
      case "__index__" where !t.dtype.isFloatingPoint && t.dtype != .bool && t.rank == 0:
        return method(name) { _ in .int(Int(try t.reshaped([]).item().int64Value)) }
      default: break
      }
    }
    let m = { (body: @escaping (Arguments) throws -> PyValue) in self.method(name, body) }
    if [
      "sum", "mean", "max", "min", "prod", "any", "all", "std", "var", "argmax", "argmin",
      "cumsum",
    ].contains(name) {
      return m { a in try self.reduce(name, x.tensor, a, axisIndex: 0) ?? .none }
    }
    switch name {
    case "reshape":
      return m { a in self.array(try self.reshape(x.tensor, try self.shape(a.positional))) }
    case "astype":
      return m { a in self.array(x.tensor.casted(to: try self.dtype(try a.required(0, "dtype")))) }
    case "copy": return m { _ in self.wrap(x.tensor.clone()) }
    case "flatten", "ravel": return m { _ in self.array(try self.reshape(x.tensor.clone(), [-1])) }
    case "tolist": return m { _ in try self.toList(x.tensor) }
    case "item":
      return m { a in
        if let i = a.value(0) {
          let flat = try self.reshape(x.tensor, [-1])
          return NumPyContext.python(
            try bridged { try flat.item([.index(try self.rt.toInt(i))]).item() }, x.tensor.dtype)
        }
        guard x.tensor.count == 1 else {
          throw PyException(.valueError, "can only convert an array of size 1 to a Python scalar")
        }
        return NumPyContext.python(try x.tensor.reshaped([]).item(), x.tensor.dtype)
      }
    case "transpose":
      return m { a in
        let t = x.tensor
        if a.positional.isEmpty {
          return self.wrap(
            t.rank < 2 ? t : try bridged { try t.permuted(Array((0..<t.rank).reversed())) })
        }
        return self.wrap(try bridged { try t.permuted(try self.shape(a.positional)) })
      }
    case "dot":
      return m { a in
        self.wrap(try bridged { try Tensor.dot(x.tensor, try self.tensor(a.at(0))) })
      }
    case "clip":
      return m { a in
        try self.clip(x.tensor, a.value(0, "min"), a.value(1, "max"))
      }
    case "squeeze":
      return m { a in
        self.wrap(try bridged { try x.tensor.squeezed(axes: try self.axes(a.value(0, "axis"))) })
      }
    case "fill":
      return m { a in
        let s = NumPyContext.pythonScalar(try a.required(0, "value")) ?? .double(0)
        try bridged { try x.tensor.fillInPlace(s) }
        return .none
      }
    case "round":
      return m { a in try self.round(x.tensor, a.value(0, "decimals")) }
    case "argsort":
      return m { a in
        let ax = try self.axes(a.value(0, "axis"))?.first ?? -1
        return self.wrap(try bridged { try x.tensor.argsort(axis: ax) })
      }
    case "sort":
      return m { a in
        let ax = try self.axes(a.value(0, "axis"))?.first ?? -1
        let sorted = try bridged { try x.tensor.sorted(axis: ax).values }
        try bridged { try x.tensor.copyInPlace(from: sorted) }
        return .none
      }
    case "nonzero": return m { _ in .tuple(x.tensor.nonzero().map { self.array($0) }) }
    case "abs": return m { _ in self.wrap(try bridged { try x.tensor.abs() }) }
    case "__format__":
      return m { a in
        let spec = try self.rt.string(try a.required(0, "format_spec"), "format spec")
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
        if let nd = a.value(0) {
          return self.wrap(
            try self.tensor(try self.rt.call(round, [v, nd])).casted(to: x.tensor.dtype))
        }
        return try self.rt.call(round, [v])
      }
    default: return nil
    }
  }

  func clip(_ t: Tensor, _ lo: PyValue?, _ hi: PyValue?) throws -> PyValue {
    var r = t
    if let lo, !isNone(lo) { r = try binaryTensors(.maximum, r, lo, reflected: false) }
    if let hi, !isNone(hi) { r = try binaryTensors(.minimum, r, hi, reflected: false) }
    return wrap(r)
  }

  /// `np.round(a, decimals)`: NumPy scales, rounds half to even, and scales back.
  func round(_ t: Tensor, _ decimals: PyValue?) throws -> PyValue {
    let d = try decimals.map { try rt.toInt($0) } ?? 0
    if !t.dtype.isFloatingPoint { return wrap(t) }
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
