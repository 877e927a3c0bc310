import Foundation
import Tensors

/// `torch.Tensor`: a `Tensor` with PyTorch's promotion, autograd and printing.
final class TorchTensor: PyNativeObject {
  var tensor: Tensor
  let torch: TorchContext
  /// PyTorch's name for the node that made this tensor when it differs from Tensors' (a full
  /// `sum()` is `SumBackward0` in PyTorch, a `sum(dim)` `SumBackward1`).
  var gradFunctionName: String?

  /// A module's parameter prints as `Parameter containing:` before the tensor.
  let isParameter: Bool
  /// Registered as a module's buffer (`running_mean`): in `state_dict()` but not optimised.
  var isBuffer = false

  init(
    _ tensor: Tensor, torch: TorchContext, gradFunctionName: String? = nil,
    isParameter: Bool = false
  ) {
    self.tensor = tensor
    self.torch = torch
    self.gradFunctionName = gradFunctionName
    self.isParameter = isParameter
  }

  var typeName: String { "Tensor" }

  func repr() throws -> String {
    (isParameter ? "Parameter containing:\n" : "")
      + TorchFormat.repr(tensor, gradFunctionName: gradFunctionName)
  }

  /// A full reduction's result, named as PyTorch names it.
  func fullReduction(_ t: Tensor) -> PyValue {
    let name = t.gradFunctionName.map {
      $0.replacingOccurrences(of: "Backward1", with: "Backward0")
    }
    return .native(TorchTensor(t, torch: torch, gradFunctionName: name))
  }

  func length() throws -> Int? {
    guard tensor.rank > 0 else { throw PyException(.typeError, "len() of a 0-d tensor") }
    return tensor.shape[0]
  }

  func truthValue() throws -> Bool {
    guard tensor.count == 1 else {
      throw PyException(
        .runtimeError, "Boolean value of Tensor with more than one value is ambiguous")
    }
    return try tensor.item().doubleValue != 0
  }

  func makeIterator() throws -> PyIterator? {
    let t = tensor
    let n = t.shape.first ?? 0
    var i = 0
    return PyIterator("iterator") { [torch] in
      guard i < n else { return nil }
      defer { i += 1 }
      return torch.wrap(try torch.run { try t.item([.index(i)]) })
    }
  }

  /// A subscript with tensors in it, as the NumPy index parser reads them.
  func indexKey(_ key: PyValue) -> PyValue {
    func part(_ v: PyValue) -> PyValue {
      if case .native(let t as TorchTensor) = v { return .native(NDArray(t.tensor, numpy: torch.numpy)) }
      return v
    }
    if case .tuple(let parts) = key { return .tuple(parts.map(part)) }
    return part(key)
  }

  var pyClass: PyClass? { isParameter ? torch.parameterClass : torch.tensorClass }

  func getItem(_ key: PyValue) throws -> PyValue {
    let idx = try torch.numpy.indices(indexKey(key))
    let out = try torch.run { try tensor.item(idx) }
    // PyTorch names the node after the last index it applies: an integer selects.
    let last = idx.last { if case .all = $0 { return false }; if case .ellipsis = $0 { return false }; return true }
    if case .index? = last { return torch.named("SelectBackward0", out) }
    return torch.wrap(out)
  }

  func setItem(_ key: PyValue, _ value: PyValue) throws {
    let idx = try torch.numpy.indices(indexKey(key))
    let v = try torch.tensor(value, dtype: tensor.dtype)
    // Plain tensors write through their storage, so `x[0][i] = 1` reaches `x` as in PyTorch;
    // tensors in the autograd graph record the write instead.
    if tensor.requiresGrad && torch.noGradDepth == 0 {
      try torch.run { try tensor.setItem(idx, v) }
    } else {
      try torch.run { try tensor.writeItem(idx, v) }
    }
  }

  func binary(_ op: BinaryOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    if op == .matMul {
      let o = try torch.tensor(other)
      try reflected
        ? torch.checkMatmul(o.shape, tensor.shape) : torch.checkMatmul(tensor.shape, o.shape)
      return torch.wrap(
        try torch.run {
          reflected
            ? try Tensor.matmul(o, tensor, style: .torch)
            : try Tensor.matmul(tensor, o, style: .torch)
        })
    }
    guard let bop = NumPyContext.binaryOp(op) else { return nil }
    return torch.wrap(try torch.binary(bop, tensor, other, reflected: reflected))
  }

  func inPlace(_ op: BinaryOperator, _ other: PyValue) throws -> PyValue? {
    guard let bop = NumPyContext.binaryOp(op) else { return nil }
    let o = try torch.tensor(
      other, dtype: NumPyContext.pythonScalar(other) != nil ? tensor.dtype : nil)
    try torch.run { try tensor.applyInPlace(bop, o) }
    return .native(self)
  }

  func unary(_ op: UnaryOperator) throws -> PyValue? {
    switch op {
    case .neg: return torch.wrap(try torch.run { try tensor.unary(.negative, style: .torch) })
    case .pos: return .native(self)
    case .invert: return torch.wrap(try torch.run { try tensor.logicalNot() })
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
    default: return nil
    }
    return torch.wrap(try torch.binary(bop, tensor, other, reflected: false))
  }

  func setAttribute(_ name: String, _ value: PyValue) throws -> Bool {
    switch name {
    case "requires_grad":
      let flag = try torch.rt.isTrue(value)
      try torch.run { try tensor.setRequiresGrad(flag) }
      return true
    case "data":
      let v = try torch.tensor(value)
      try torch.run { try GradMode.withNoGrad { try tensor.copyInPlace(from: v) } }
      return true
    default: return false
    }
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    let t = tensor
    let torch = self.torch
    func m(_ body: @escaping (Arguments) throws -> PyValue) -> PyValue {
      .builtin(PyBuiltin(name) { args, kwargs in try body(Arguments(name, args, kwargs)) })
    }
    func dims(_ a: Arguments) throws -> [Int]? {
      guard let v = a.value(0, "dim") else { return nil }
      if case .none = v { return nil }
      if case .tuple(let parts) = v { return try parts.map { try torch.rt.toInt($0) } }
      return [try torch.rt.toInt(v)]
    }
    func keep(_ a: Arguments) throws -> Bool {
      try a.keyword("keepdim").map { try torch.rt.isTrue($0) } ?? false
    }
    switch name {
    case "shape": return .native(TorchSize(t.shape))
    case "grad": return t.grad.map { torch.wrap($0) } ?? PyValue.none
    case "requires_grad": return .bool(t.requiresGrad)
    case "is_leaf": return .bool(t.isLeaf)
    case "grad_fn": return (gradFunctionName ?? t.gradFunctionName).map { .str($0) } ?? PyValue.none
    case "data": return torch.wrap(t.detached())
    case "dtype": return .native(TorchDType(t.dtype))
    case "ndim": return .int(t.rank)
    case "T":
      return torch.wrap(
        try torch.run { t.rank < 2 ? t : try t.permuted(Array((0..<t.rank).reversed())) })
    case "size":
      return m { a in
        if let d = a.value(0, "dim") {
          var i = try torch.rt.toInt(d)
          let r = Swift.max(t.rank, 1)
          guard i >= -r && i < r, t.rank > 0 else {
            throw PyException(
              .indexError,
              "Dimension out of range (expected to be in range of [\(-r), \(r - 1)], but got \(i))")
          }
          if i < 0 { i += t.rank }
          return .int(t.shape[i])
        }
        return .native(TorchSize(t.shape))
      }
    case "dim": return m { _ in .int(t.rank) }
    case "numel": return m { _ in .int(t.count) }
    case "item":
      return m { _ in
        guard t.count == 1 else {
          throw PyException(
            .runtimeError, "a Tensor with \(t.count) elements cannot be converted to Scalar")
        }
        return NumPyContext.python(try t.reshaped([]).item(), t.dtype)
      }
    case "tolist": return m { _ in try torch.numpy.toList(t) }
    case "backward":
      return m { a in
        let g = try a.value(0, "gradient").flatMap { v -> Tensor? in
          if case .none = v { return nil }
          return try torch.tensor(v)
        }
        let retain = try a.keyword("retain_graph").map { try torch.rt.isTrue($0) } ?? false
        try bridged { try t.backward(g, retainGraph: retain) }
        return .none
      }
    case "detach": return m { _ in torch.wrap(t.detached()) }
    case "clone": return m { _ in torch.wrap(try torch.run { t.clone() }) }
    case "requires_grad_":
      return m { a in
        let flag = try a.value(0, "requires_grad").map { try torch.rt.isTrue($0) } ?? true
        try torch.run { try self.tensor.setRequiresGrad(flag) }
        return .native(self)
      }
    case "zero_":
      return m { _ in
        try torch.run { try GradMode.withNoGrad { try t.fillInPlace(.int(0)) } }
        return .native(self)
      }
    case "float": return m { _ in torch.wrap(t.casted(to: .float32)) }
    case "double": return m { _ in torch.wrap(t.casted(to: .float64)) }
    case "long": return m { _ in torch.wrap(t.casted(to: .int64)) }
    case "view", "reshape":
      return m { a in
        let np = torch.numpy
        let shape = try np.resolve(try torch.shape(a.positional), count: t.count)
        return torch.wrap(try torch.run { try t.reshaped(shape) })
      }
    case "t":
      return m { _ in torch.wrap(try torch.run { t.rank < 2 ? t : try t.transposed(0, 1) }) }
    case "unsqueeze":
      return m { a in
        torch.wrap(try torch.run { try t.unsqueezed(try torch.rt.toInt(try a.required(0, "dim"))) })
      }
    case "squeeze":
      return m { a in torch.wrap(try torch.run { try t.squeezed(axes: try dims(a)) }) }
    case "sum", "mean":
      return m { a in
        let d = try dims(a)
        let r = try torch.run {
          name == "sum"
            ? try t.sum(axes: d, keepDims: try keep(a)) : try t.mean(axes: d, keepDims: try keep(a))
        }
        return d == nil ? self.fullReduction(r) : torch.wrap(r)
      }
    case "std", "var":
      // PyTorch's default is the unbiased estimate (divide by n - 1); `unbiased=False` or
      // `correction=0` give NumPy's.
      return m { a in
        var ddof = 1
        if let u = a.value(1, "unbiased") { ddof = try torch.rt.isTrue(u) ? 1 : 0 }
        if let c = a.keyword("correction") { ddof = try torch.rt.toInt(c) }
        let d = try dims(a)
        let r = try torch.run {
          name == "std"
            ? try t.standardDeviation(axes: d, ddof: ddof, keepDims: try keep(a))
            : try t.variance(axes: d, ddof: ddof, keepDims: try keep(a))
        }
        return torch.wrap(r)
      }
    case "any", "all":
      return m { a in
        let r = try torch.run {
          name == "any"
            ? try t.any(axes: try dims(a), keepDims: try keep(a))
            : try t.all(axes: try dims(a), keepDims: try keep(a))
        }
        return torch.wrap(r)
      }
    case "argmax":
      return m { a in
        torch.wrap(try torch.run { try t.argmax(axis: try dims(a)?.first, keepDims: try keep(a)) })
      }
    case "max", "min":
      return m { a in
        guard let d = try dims(a)?.first else {
          return torch.wrap(try torch.run { name == "max" ? try t.max() : try t.min() })
        }
        let r = try torch.run {
          name == "max"
            ? try t.max(axis: d, keepDims: try keep(a)) : try t.min(axis: d, keepDims: try keep(a))
        }
        return .native(
          TorchReturnTypes(
            name, [("values", torch.wrap(r.values)), ("indices", torch.wrap(r.indices))]))
      }
    case "topk":
      return m { a in
        let k = try torch.rt.toInt(try a.required(0, "k"))
        var d = try a.value(1, "dim").map { try torch.rt.toInt($0) } ?? -1
        if d < 0 { d += Swift.max(t.rank, 1) }
        let largest = try a.value(2, "largest").map { try torch.rt.isTrue($0) } ?? true
        let r = try torch.run { () -> (Tensor, Tensor) in
          let s = try t.sorted(axis: d, descending: largest)
          guard t.rank > 0 else { return (s.values, s.indices) }
          guard k >= 0 && k <= t.shape[d] else {
            throw TensorError(.index, "selected index k out of range")
          }
          return (
            try s.values.narrowed(axis: d, start: 0, length: k),
            try s.indices.narrowed(axis: d, start: 0, length: k)
          )
        }
        return .native(
          TorchReturnTypes("topk", [("values", torch.wrap(r.0)), ("indices", torch.wrap(r.1))]))
      }
    case "pow":
      return m { a in
        torch.wrap(try torch.binary(.power, t, try a.required(0, "exponent"), reflected: false))
      }
    case "numpy":
      return m { _ in .native(NDArray(t.detached(), numpy: torch.numpy)) }
    case "to", "cpu", "contiguous":
      return m { a in
        for v in a.positional + a.keywords.map(\.1) {
          if case .native(let d as TorchDType) = v { return torch.wrap(t.casted(to: d.dtype)) }
        }
        return .native(self)
      }
    case "norm":
      return m { a in
        var p = 2.0
        if let v = a.value(0, "p") {
          if case .str(let s) = v { p = s == "fro" ? 2 : .infinity } else { p = try torch.rt.double(v) }
        }
        let d = try a.value(1, "dim").flatMap { v -> [Int]? in
          if case .none = v { return nil }
          if case .tuple(let parts) = v { return try parts.map { try torch.rt.toInt($0) } }
          return [try torch.rt.toInt(v)]
        }
        let r = try torch.run { try Linalg.norm(t, p: p, axes: d, keepDims: try keep(a)) }
        return torch.named("LinalgVectorNormBackward0", r)
      }
    case "is_cuda": return .bool(false)
    case "device": return .native(TorchDevice("cpu"))
    case "fill_":
      return m { a in
        let v = try torch.tensor(try a.required(0, "value"), dtype: t.dtype)
        try torch.run {
          try GradMode.withNoGrad {
            try t.copyInPlace(from: Tensor.full(t.shape, try v.reshaped([]).item(), dtype: t.dtype))
          }
        }
        return .native(self)
      }
    case "copy_":
      return m { a in
        let src = try torch.tensor(try a.required(0, "src"))
        try torch.run { try t.copyInPlace(from: src.casted(to: t.dtype)) }
        return .native(self)
      }
    case "uniform_", "normal_":
      return m { a in
        let n = t.count
        let x = try a.value(0, name == "uniform_" ? "from" : "mean").map { try torch.rt.double($0) } ?? 0
        let y = try a.value(1, name == "uniform_" ? "to" : "std").map { try torch.rt.double($0) } ?? 1
        let values: Tensor = try bridged {
          switch (name, t.dtype) {
          case ("uniform_", .float64):
            return try Tensor(try torch.generator.uniformDouble(from: x, to: y, count: n), shape: t.shape)
          case ("uniform_", _):
            return try Tensor(try torch.generator.uniform(from: x, to: y, count: n), shape: t.shape)
          case (_, .float64):
            return try Tensor(try torch.generator.normalDouble(mean: x, std: y, count: n), shape: t.shape)
          default:
            return try Tensor(try torch.generator.normal(mean: x, std: y, count: n), shape: t.shape)
          }
        }
        try torch.run { try GradMode.withNoGrad { try t.copyInPlace(from: values.casted(to: t.dtype)) } }
        return .native(self)
      }
    default: break
    }
    let unaries: [String: UnaryOp] = [
      "exp": .exp, "log": .log, "tanh": .tanh, "sigmoid": .sigmoid, "relu": .relu, "abs": .abs,
      "sqrt": .sqrt, "sin": .sin, "cos": .cos, "neg": .negative,
      "round": .round, "floor": .floor, "ceil": .ceil,
    ]
    if let op = unaries[name] {
      return m { _ in torch.wrap(try torch.run { try t.unary(op, style: .torch) }) }
    }
    let inPlace: [String: BinaryOp] = [
      "add_": .add, "sub_": .subtract, "mul_": .multiply, "div_": .divide,
    ]
    if let op = inPlace[name] {
      return m { a in
        var o = try torch.tensor(try a.required(0, "other"), dtype: t.dtype)
        if let alpha = a.keyword("alpha") {
          o = try torch.binary(.multiply, o, alpha, reflected: false)
        }
        try torch.run { try t.applyInPlace(op, o) }
        return .native(self)
      }
    }
    return nil
  }
}

/// `torch.return_types.max(values=..., indices=...)`: a named pair that unpacks like a tuple.
final class TorchReturnTypes: PyNativeObject {
  let name: String
  let fields: [(String, PyValue)]

  init(_ name: String, _ fields: [(String, PyValue)]) {
    self.name = name
    self.fields = fields
  }

  var typeName: String { name }

  func repr() throws -> String {
    var parts: [String] = []
    for (k, v) in fields {
      guard case .native(let n) = v else { continue }
      parts.append(k + "=" + (try n.repr()))
    }
    return "torch.return_types.\(name)(\n" + parts.joined(separator: ",\n") + ")"
  }

  func length() throws -> Int? { fields.count }
  func makeIterator() throws -> PyIterator? { .over(fields.map { $0.1 }) }
  func getItem(_ key: PyValue) throws -> PyValue {
    guard case .int(var i) = key else {
      throw PyException(.typeError, "tuple indices must be integers or slices")
    }
    if i < 0 { i += fields.count }
    guard i >= 0 && i < fields.count else {
      throw PyException(.indexError, "tuple index out of range")
    }
    return fields[i].1
  }
  func getAttribute(_ name: String) throws -> PyValue? { fields.first { $0.0 == name }?.1 }
}

/// `torch.device("cpu")`: the only device of the embedded engine.
final class TorchDevice: PyNativeObject {
  let name: String
  init(_ name: String) { self.name = name }
  var typeName: String { "device" }
  func repr() throws -> String { "device(type='\(name)')" }
  func str() throws -> String { name }
  func getAttribute(_ name: String) throws -> PyValue? {
    name == "type" ? .str(self.name) : nil
  }
  func compare(_ op: CompareOperator, _ other: PyValue) throws -> PyValue? {
    guard op == .eq || op == .ne else { return nil }
    var same = false
    if case .native(let d as TorchDevice) = other { same = d.name == name }
    if case .str(let s) = other { same = s == name }
    return .bool(same == (op == .eq))
  }
}
