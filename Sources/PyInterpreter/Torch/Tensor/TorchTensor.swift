import Foundation
import Tensors

/// `torch.Tensor`: a `Tensor` with PyTorch's promotion, autograd and printing.
final class TorchTensor: PyNativeObject {
  var tensor: Tensor
  let torch: TorchContext

  /// A module's parameter prints as `Parameter containing:` before the tensor.
  let isParameter: Bool
  /// Registered as a module's buffer (`running_mean`): in `state_dict()` but not optimised.
  var isBuffer = false

  init(_ tensor: Tensor, torch: TorchContext, isParameter: Bool = false) {
    self.tensor = tensor
    self.torch = torch
    self.isParameter = isParameter
  }

  var typeName: String { "Tensor" }

  func repr() throws -> String {
    (isParameter ? "Parameter containing:\n" : "")
      + TorchFormat.repr(tensor)
  }

  /// A full reduction's result, named as PyTorch names it (a full `sum()` is `SumBackward0`
  /// in PyTorch, a `sum(dim)` `SumBackward1`): the same single-input node.
  func fullReduction(_ t: Tensor) -> PyValue {
    guard let name = t.gradFunctionName, name.hasSuffix("Backward1") else { return torch.wrap(t) }
    let renamed = name.replacingOccurrences(of: "Backward1", with: "Backward0")
    return torch.wrap(t.namingGradFunction(renamed, inputsArePyTorchs: true))
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
      if case .native(let t as TorchTensor) = v {
        return .native(NDArray(t.tensor, numpy: torch.numpy))
      }
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
    let last = idx.last {
      if case .all = $0 { return false }; if case .ellipsis = $0 { return false }; return true
    }
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
    case "grad":
      if NumPyContext.isNoneLiteral(value) {
        tensor.grad = nil
        return true
      }
      guard case .native(let g as TorchTensor) = value else {
        throw PyException(
          .typeError,
          "assigned grad expected to be a Tensor or None but got grad of type "
            + torch.rt.typeName(value))
      }
      guard g.tensor.shape == tensor.shape else {
        throw PyException(
          .runtimeError,
          "attempting to assign a gradient of size '\(g.tensor.shape)' to a tensor of size "
            + "'\(tensor.shape)'. Please ensure that the gradient and the tensor are the same size")
      }
      guard g.tensor.dtype == tensor.dtype else {
        throw PyException(
          .notImplementedError,
          "assigning a gradient of another dtype (\(g.tensor.dtype.rawValue)) is not supported in "
            + "journal cells")
      }
      guard tensor.requiresGrad else {
        throw PyException(
          .notImplementedError,
          "setting .grad of a tensor that does not require grad is not supported in journal cells")
      }
      tensor.grad = g.tensor
      return true
    default: return false
    }
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    let t = tensor
    switch name {
    case "shape": return .native(TorchSize(t.shape))
    case "grad": return t.grad.map { torch.wrap($0) } ?? PyValue.none
    case "requires_grad": return .bool(t.requiresGrad)
    case "is_leaf": return .bool(t.isLeaf)
    case "grad_fn": return t.gradFunction.map { .native(torch.gradFunction($0)) } ?? PyValue.none
    case "data": return torch.wrap(t.detached())
    case "dtype": return .native(TorchDType(t.dtype))
    case "ndim": return .int(t.rank)
    case "T":
      return torch.wrap(
        try torch.run { t.rank < 2 ? t : try t.permuted(Array((0..<t.rank).reversed())) })
    case "is_cuda": return .bool(false)
    case "device": return .native(TorchDevice("cpu"))
    default: break
    }
    guard let body = methodBody(name) else { return nil }
    return .builtin(PyBuiltin(TorchSignatures.tensor.signature(name), body))
  }

  /// The strides a view of `shape` needs over storage laid out as `oldShape`/`oldStrides`, or
  /// nil when no view can (PyTorch's `computeStride`).
  static func viewStrides(_ oldShape: [Int], _ oldStrides: [Int], _ shape: [Int]) -> [Int]? {
    if oldShape.isEmpty { return shape.map { _ in 1 } }
    let count = oldShape.reduce(1, *)
    if count == 0 { return Tensor.contiguousStrides(shape) }
    var strides = Array(repeating: 0, count: shape.count)
    var viewD = shape.count - 1
    var chunkBase = oldStrides[oldStrides.count - 1]
    var tensorCount = 1
    var viewCount = 1
    for d in stride(from: oldShape.count - 1, through: 0, by: -1) {
      tensorCount *= oldShape[d]
      if d == 0 || (oldShape[d - 1] != 1 && oldStrides[d - 1] != tensorCount * chunkBase) {
        while viewD >= 0 && (viewCount < tensorCount || shape[viewD] == 1) {
          strides[viewD] = viewCount * chunkBase
          viewCount *= shape[viewD]
          viewD -= 1
        }
        if viewCount != tensorCount { return nil }
        if d > 0 {
          chunkBase = oldStrides[d - 1]
          tensorCount = 1
          viewCount = 1
        }
      }
    }
    return viewD == -1 ? strides : nil
  }

  /// `dim=`: nil for None or absent, else one or several dimensions (PyTorch takes 0 and -1
  /// of a 0-d tensor as all of it).
  func dims(_ a: Arguments) throws -> [Int]? {
    guard let v = a.optional("dim") else { return nil }
    let given = try validDims(v)
    // A 0-d tensor has no dimension to reduce: dim 0 (or -1) is all of it.
    return tensor.rank == 0 ? nil : given
  }

  private func validDims(_ v: PyValue) throws -> [Int] {
    let rt = torch.rt
    let given: [Int]
    if case .tuple(let parts) = v {
      given = try parts.map { try rt.int($0, "dim") }
    } else {
      given = [try rt.int(v, "dim")]
    }
    let n = Swift.max(tensor.rank, 1)
    return try given.map { d in
      guard d >= -n && d < n else {
        throw PyException(
          .indexError,
          "Dimension out of range (expected to be in range of [\(-n), \(n - 1)], but got \(d))")
      }
      return d < 0 ? d + n : d
    }
  }

  /// `alpha * other` for `add`/`sub`'s `alpha=`: only where that product is exact, since
  /// PyTorch fuses it into one rounding (`a + alpha * b` as a multiply-add).
  func scaled(_ other: PyValue, by alpha: PyValue, op: String) throws -> PyValue {
    let rt = torch.rt
    if case .int(1) = alpha { return other }
    let o = try torch.tensor(other)
    let integral = !tensor.dtype.isFloatingPoint && !o.dtype.isFloatingPoint
    if case .float = alpha, integral {
      throw PyException(
        .runtimeError,
        "For integral input tensors, argument alpha must not be a floating point number.")
    }
    let a = try rt.double(alpha)
    let exact = integral || a == 0 || (a.significandWidth == 0 && a.isFinite)
    guard exact else {
      throw PyException(
        .notImplementedError,
        "torch.Tensor.\(op)(alpha=\(try rt.repr(alpha))) is not supported in journal cells (only "
          + "powers of two are exact without PyTorch's fused multiply-add)")
    }
    return torch.wrap(try torch.binary(.multiply, o, alpha, reflected: false))
  }

  /// The body of method `name`, reading its arguments by name: the `torch.x(input, ...)`
  /// functions of the same name run it on their `input`.
  func methodBody(_ name: String) -> BoundFunction? {
    let t = tensor
    let torch = self.torch
    let rt = torch.rt
    func keep(_ a: Arguments) throws -> Bool {
      try a.value("keepdim").map { try rt.isTrue($0) } ?? false
    }
    /// PyTorch's refusals of an empty reduction: without `dim` a RuntimeError (an IndexError
    /// for the arg-reductions), with one an IndexError when that dimension is empty.
    func checkNonEmpty(_ op: String, _ d: Int?) throws {
      guard t.count == 0 else { return }
      guard let d else {
        let message = "\(op)(): Expected reduction dim to be specified for input.numel() == 0."
        if op.hasPrefix("arg") { throw PyException(.indexError, message) }
        throw PyException(
          .runtimeError, message + " Specify the reduction dim with the 'dim' argument.")
      }
      if t.shape[d] == 0 {
        throw PyException(
          .indexError, "\(op)(): Expected reduction dim \(d) to have non-zero size.")
      }
    }
    /// A single `dim=`: a tuple is refused as PyTorch's parser refuses it.
    func singleDim(_ a: Arguments, _ op: String) throws -> Int? {
      if case .tuple? = a.optional("dim") {
        if op == "argmax" {
          // Given by position, PyTorch names it: 2nd of torch.argmax, 1st of the method.
          let function = a.signature?.owner == "torch"
          let position = a.count > (function ? 1 : 0) ? " (position \(function ? 2 : 1))" : ""
          throw PyException(
            .typeError, "argmax(): argument 'dim'\(position) must be int, not tuple")
        }
        throw PyException(
          .typeError,
          "\(op)() received an invalid combination of arguments - got (tuple), but expected one "
            + "of:\n * (int dim, bool keepdim = False)\n")
      }
      return try self.dims(a)?.first
    }
    /// `dtype=` of a reduction: the input is converted first, as PyTorch accumulates in it.
    func accumulating(_ a: Arguments) throws -> Tensor {
      guard let d = a.optional("dtype") else { return t }
      return t.casted(to: try torch.dtype(d))
    }
    switch name {
    case "size":
      return { a in
        if t.rank == 0, let d = a.optional("dim") {
          throw PyException(
            .indexError,
            "Dimension specified as \(try rt.int(d, "dim")) but tensor has no dimensions")
        }
        guard let d = try self.dims(a)?.first else { return .native(TorchSize(t.shape)) }
        return .int(t.shape[d])
      }
    case "dim": return { _ in .int(t.rank) }
    case "numel": return { _ in .int(t.count) }
    case "item":
      return { _ in
        guard t.count == 1 else {
          throw PyException(
            .runtimeError, "a Tensor with \(t.count) elements cannot be converted to Scalar")
        }
        return NumPyContext.python(try t.reshaped([]).item(), t.dtype)
      }
    case "tolist": return { _ in try torch.numpy.toList(t) }
    case "backward":
      return { a in
        let g = try a.optional("gradient").map { try torch.tensor($0) }
        let retain = try a.optional("retain_graph").map { try rt.isTrue($0) } ?? false
        try bridged { try t.backward(g, retainGraph: retain) }
        return .none
      }
    case "detach": return { _ in torch.wrap(t.detached()) }
    case "clone": return { _ in torch.wrap(try torch.run { t.clone() }) }
    case "requires_grad_":
      return { a in
        let flag = try a.value("requires_grad").map { try rt.isTrue($0) } ?? true
        try torch.run { try self.tensor.setRequiresGrad(flag) }
        return .native(self)
      }
    case "zero_":
      return { _ in
        try torch.run { try GradMode.withNoGrad { try t.fillInPlace(.int(0)) } }
        return .native(self)
      }
    case "float", "double", "long":
      let type: DType = name == "float" ? .float32 : name == "double" ? .float64 : .int64
      return { _ in t.dtype == type ? .native(self) : torch.wrap(t.casted(to: type)) }
    case "view", "reshape":
      return { a in
        let given = (a.value("shape").map { [$0] } ?? []) + Array(a.rest())
        let sizes = given.count == 1 ? ((try? rt.toArray(given[0])) ?? given) : given
        let ints =
          !sizes.isEmpty
          && sizes.allSatisfy {
            if case .int = $0 { return true }
            if case .native(let n as TorchTensor) = $0 { return n.tensor.rank == 0 }
            return false
          }
        if !ints {
          if name == "reshape" {
            throw PyException(
              .typeError, "reshape() takes 1 positional argument but \(given.count) were given")
          }
          throw PyException(
            .typeError,
            "view() received an invalid combination of arguments - got (\(given.count) "
              + "arguments), but expected one of:\n * (torch.dtype dtype)\n * (tuple of ints size)\n"
          )
        }
        let requested = try torch.shape(given)
        let invalid = PyException(
          .runtimeError,
          "shape '[\(requested.map(String.init).joined(separator: ", "))]' is invalid for input of "
            + "size \(t.count)")
        guard let shape = try? torch.numpy.resolve(requested, count: t.count),
          Tensor.elementCount(of: shape) == t.count
        else { throw invalid }
        // A view keeps the storage, which a layout it cannot stride over forbids.
        if name == "view" && TorchTensor.viewStrides(t.shape, t.strides, shape) == nil {
          throw PyException(
            .runtimeError,
            "view size is not compatible with input tensor's size and stride (at least one "
              + "dimension spans across two contiguous subspaces). Use .reshape(...) instead.")
        }
        return torch.wrap(try torch.run { try t.reshaped(shape) })
      }
    case "t":
      return { _ in
        guard t.rank <= 2 else {
          throw PyException(
            .runtimeError, "t() expects a tensor with <= 2 dimensions, but self is \(t.rank)D")
        }
        return torch.wrap(try torch.run { try t.matrixTransposed() })
      }
    case "unsqueeze":
      return { a in
        let d = try rt.int(try a.required("dim"), "dim")
        let n = t.rank + 1
        guard d >= -n && d < n else {
          throw PyException(
            .indexError,
            "Dimension out of range (expected to be in range of [\(-n), \(n - 1)], but got \(d))")
        }
        return torch.wrap(try torch.run { try t.unsqueezed(d) })
      }
    case "squeeze":
      return { a in
        let d = try self.dims(a)
        if t.rank == 0 { return torch.wrap(t) }
        return torch.wrap(try torch.run { try t.squeezed(axes: d?.filter { t.shape[$0] == 1 }) })
      }
    case "sum", "mean":
      return { a in
        let x = try accumulating(a)
        if name == "mean" && !x.dtype.isFloatingPoint {
          throw PyException(
            .runtimeError,
            "mean(): could not infer output dtype. Input dtype must be either a floating point or "
              + "complex dtype. Got: \(TorchContext.scalarTypeName(x.dtype))")
        }
        let d = try self.dims(a)
        let r = try torch.run {
          name == "sum"
            ? try x.sum(axes: d, keepDims: try keep(a), order: .pytorch)
            : try x.mean(axes: d, keepDims: try keep(a), order: .pytorch)
        }
        return d == nil ? self.fullReduction(r) : torch.wrap(r)
      }
    case "std", "var":
      // PyTorch's default is the unbiased estimate (divide by n - 1); `unbiased=False` or
      // `correction=0` give NumPy's.
      return { a in
        guard t.dtype.isFloatingPoint else {
          throw PyException(
            .runtimeError, "std and var only support floating point and complex dtypes")
        }
        var ddof = 1
        if let u = a.optional("unbiased") { ddof = try rt.isTrue(u) ? 1 : 0 }
        if let c = a.optional("correction") { ddof = try rt.int(c, "correction") }
        let d = try self.dims(a)
        let k = try keep(a)
        let r = try torch.run {
          name == "std"
            ? try t.standardDeviation(axes: d, ddof: ddof, keepDims: k)
            : try t.variance(axes: d, ddof: ddof, keepDims: k)
        }
        return torch.wrap(r)
      }
    case "any", "all":
      return { a in
        let d = try self.dims(a)
        let k = try keep(a)
        let r = try torch.run {
          name == "any" ? try t.any(axes: d, keepDims: k) : try t.all(axes: d, keepDims: k)
        }
        // PyTorch keeps uint8 for uint8 input (a legacy of its byte masks).
        return torch.wrap(t.dtype == .uint8 ? r.casted(to: .uint8) : r)
      }
    case "argmax":
      return { a in
        if t.dtype == .bool {
          if case .tuple? = a.optional("dim") { _ = try singleDim(a, "argmax") }
          throw PyException(.runtimeError, "argmax(): does not support bool input")
        }
        let d = try singleDim(a, "argmax")
        let k = try keep(a)
        try checkNonEmpty("argmax", d)
        return torch.wrap(try torch.run { try t.argmax(axis: d, keepDims: k) })
      }
    case "max", "min":
      return { a in
        if t.rank == 0, a.optional("dim") != nil {
          _ = try singleDim(a, name)
          _ = try keep(a)
          let zero = Tensor(scalar: .int(0), dtype: .int64)
          return .native(
            TorchReturnTypes(name, [("values", torch.wrap(t)), ("indices", torch.wrap(zero))]))
        }
        guard let d = try singleDim(a, name) else {
          if a.has("keepdim") { _ = try keep(a) }
          try checkNonEmpty(name, nil)
          return torch.wrap(try torch.run { name == "max" ? try t.max() : try t.min() })
        }
        try checkNonEmpty(name, d)
        let k = try keep(a)
        let r = try torch.run {
          name == "max" ? try t.max(axis: d, keepDims: k) : try t.min(axis: d, keepDims: k)
        }
        return .native(
          TorchReturnTypes(
            name, [("values", torch.wrap(r.values)), ("indices", torch.wrap(r.indices))]))
      }
    case "topk":
      return { a in
        let k = try rt.int(try a.required("k"), "k")
        var d = try a.value("dim").map { try rt.int($0, "dim") } ?? -1
        // An unchecked dim indexed the shape out of range (cell fuzzer, signal 4).
        let n = Swift.max(t.rank, 1)
        guard d >= -n && d < n else {
          throw PyException(
            .indexError,
            "Dimension out of range (expected to be in range of [\(-n), \(n - 1)], but got \(d))")
        }
        if d < 0 { d += n }
        let largest = try a.value("largest").map { try rt.isTrue($0) } ?? true
        // Sorted or not, the values come out sorted here, which `sorted=False` allows.
        _ = try a.value("sorted").map { try rt.isTrue($0) }
        if t.dtype == .bool {
          throw PyException(.runtimeError, "topk does not support bool dtypes on CPU")
        }
        guard k >= 0 && k <= (t.rank == 0 ? 1 : t.shape[d]) else {
          throw PyException(.runtimeError, "selected index k out of range")
        }
        let r = try torch.run { () -> (Tensor, Tensor) in
          let s = try t.sorted(axis: d, descending: largest)
          guard t.rank > 0 else { return (s.values, s.indices) }
          return (
            try s.values.narrowed(axis: d, start: 0, length: k),
            try s.indices.narrowed(axis: d, start: 0, length: k)
          )
        }
        return .native(
          TorchReturnTypes("topk", [("values", torch.wrap(r.0)), ("indices", torch.wrap(r.1))]))
      }
    case "pow":
      return { a in
        let e = try a.required("exponent")
        if !t.dtype.isFloatingPoint, case .int(let i) = e, i < 0 {
          throw PyException(.runtimeError, "Integers to negative integer powers are not allowed.")
        }
        return torch.wrap(try torch.binary(.power, t, e, reflected: false))
      }
    case "mm":
      return { a in
        let other = try torch.tensor(try a.required("mat2"))
        guard t.rank == 2 else { throw PyException(.runtimeError, "self must be a matrix") }
        guard other.rank == 2 else { throw PyException(.runtimeError, "mat2 must be a matrix") }
        try torch.checkMatmulTypes(t, other)
        try torch.checkMatmul(t.shape, other.shape)
        return torch.wrap(try torch.run { try Tensor.matmul(t, other, style: .torch) })
      }
    case "clamp":
      return { a in
        func bound(_ key: String) throws -> Scalar? {
          guard let v = a.optional(key) else { return nil }
          guard let s = NumPyContext.pythonScalar(v) else {
            throw PyException(
              .notImplementedError,
              "torch.clamp(\(key)=\(rt.typeName(v))) is not supported in journal cells "
                + "(numbers only)")
          }
          return s
        }
        let (lo, hi) = (try bound("min"), try bound("max"))
        if lo == nil && hi == nil {
          throw PyException(
            .runtimeError, "torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        if t.dtype.isFloatingPoint {
          // Tensors' clamp keeps PyTorch's gradient: it flows where min <= x <= max.
          return torch.wrap(
            try torch.run { try t.clipped(min: lo?.doubleValue, max: hi?.doubleValue) })
        }
        // Integers and bools promote with the bounds as PyTorch's maximum and minimum do.
        var r = t
        if let lo { r = try torch.run { try Tensor.binary(.maximum, r, lo, style: .torch) } }
        if let hi { r = try torch.run { try Tensor.binary(.minimum, r, hi, style: .torch) } }
        return torch.wrap(r)
      }
    case "numpy":
      return { _ in
        if t.requiresGrad {
          throw PyException(
            .runtimeError,
            "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        }
        return .native(NDArray(t.detached(), numpy: torch.numpy))
      }
    case "cpu", "contiguous": return { _ in .native(self) }
    case "to":
      return { a in
        var type = try a.optional("dtype").map { try torch.dtype($0) }
        var device = a.optional("device")
        for v in a.rest() {
          switch v {
          case .native(let d as TorchDType): type = d.dtype
          case .native(let other as TorchTensor): type = other.tensor.dtype
          default: device = v
          }
        }
        if let device { try torch.checkDevice(device) }
        _ = try a.value("non_blocking").map { try rt.isTrue($0) }
        let copy = try a.value("copy").map { try rt.isTrue($0) } ?? false
        guard let type, type != t.dtype else {
          return copy ? torch.wrap(try torch.run { t.clone() }) : .native(self)
        }
        return torch.wrap(t.casted(to: type))
      }
    case "norm":
      return { a in
        var p = 2.0
        if let v = a.optional("p") {
          if case .str(let s) = v {
            guard s == "fro" else {
              throw PyException(
                .notImplementedError,
                "torch.Tensor.norm(p='\(s)') is not supported in journal cells")
            }
          } else {
            p = try rt.double(v)
          }
        }
        let d = try self.dims(a)
        let k = try keep(a)
        let x = try a.optional("dtype").map { t.casted(to: try torch.dtype($0)) } ?? t
        guard x.dtype.isFloatingPoint else {
          throw PyException(
            .runtimeError,
            "linalg.vector_norm: Expected a floating point or complex tensor as input. Got "
              + TorchContext.scalarTypeName(x.dtype))
        }
        let r = try torch.run { try Linalg.norm(x, p: p, axes: d, keepDims: k) }
        return torch.named("LinalgVectorNormBackward0", r)
      }
    case "fill_":
      return { a in
        let v = try torch.tensor(try a.required("value"), dtype: t.dtype)
        try torch.run {
          try GradMode.withNoGrad {
            try t.copyInPlace(from: Tensor.full(t.shape, try v.reshaped([]).item(), dtype: t.dtype))
          }
        }
        return .native(self)
      }
    case "copy_":
      return { a in
        let src = try torch.tensor(try a.required("src"))
        try torch.run { try t.copyInPlace(from: src.casted(to: t.dtype)) }
        return .native(self)
      }
    case "uniform_", "normal_":
      return { a in
        let n = t.count
        let x = try a.value(name == "uniform_" ? "from" : "mean").map { try rt.double($0) } ?? 0
        let y = try a.value(name == "uniform_" ? "to" : "std").map { try rt.double($0) } ?? 1
        let values: Tensor = try bridged {
          switch (name, t.dtype) {
          case ("uniform_", .float64):
            return try Tensor(
              try torch.generator.uniformDouble(from: x, to: y, count: n), shape: t.shape)
          case ("uniform_", _):
            return try Tensor(try torch.generator.uniform(from: x, to: y, count: n), shape: t.shape)
          case (_, .float64):
            return try Tensor(
              try torch.generator.normalDouble(mean: x, std: y, count: n), shape: t.shape)
          default:
            return try Tensor(try torch.generator.normal(mean: x, std: y, count: n), shape: t.shape)
          }
        }
        try torch.run {
          try GradMode.withNoGrad { try t.copyInPlace(from: values.casted(to: t.dtype)) }
        }
        return .native(self)
      }
    case "round":
      return { a in
        if t.dtype == .bool {
          throw PyException(.notImplementedError, "\"round_vml_cpu\" not implemented for 'Bool'")
        }
        if let d = a.value("decimals"), try rt.int(d, "decimals") != 0 {
          throw PyException(
            .notImplementedError,
            "torch.Tensor.round(decimals=...) is not supported in journal cells")
        }
        return torch.wrap(try torch.run { try t.unary(.round, style: .torch) })
      }
    case "matmul":
      return { a in
        let o = try torch.tensor(try a.required("other"))
        try torch.checkMatmulTypes(t, o)
        try torch.checkMatmul(t.shape, o.shape)
        return torch.wrap(try torch.run { try Tensor.matmul(t, o, style: .torch) })
      }
    case "add", "sub", "mul", "div":
      let op: BinaryOp =
        name == "add" ? .add : name == "sub" ? .subtract : name == "mul" ? .multiply : .divide
      return { a in
        var other = try a.required("other")
        if let alpha = a.value("alpha") { other = try self.scaled(other, by: alpha, op: name) }
        return torch.wrap(try torch.binary(op, t, other, reflected: false))
      }
    case "flatten":
      return { a in
        let start = try a.value("start_dim").map { try rt.int($0, "start_dim") } ?? 0
        let end = try a.value("end_dim").map { try rt.int($0, "end_dim") } ?? -1
        // PyTorch returns the tensor itself when there is nothing to flatten.
        if t.rank <= 1 && t.rank > 0 { return .native(self) }
        return torch.named("ViewBackward0", try torch.run { try torch.flatten(t, start, end) })
      }
    case "transpose":
      return { a in
        let d0 = try rt.int(try a.required("dim0"), "dim0")
        let d1 = try rt.int(try a.required("dim1"), "dim1")
        let n = Swift.max(t.rank, 1)
        for d in [d0, d1] where d < -n || d >= n {
          throw PyException(
            .indexError,
            "Dimension out of range (expected to be in range of [\(-n), \(n - 1)], but got \(d))")
        }
        guard t.rank > 0 else { return torch.wrap(t) }
        return torch.named(
          "TransposeBackward0", try torch.run { try t.transposed(d0, d1) })
      }
    case "permute":
      return { a in
        let given = a.optional("dims").map { [$0] } ?? Array(a.rest())
        let dims: [Int]
        if given.count == 1, case .tuple = given[0] {
          dims = try rt.toArray(given[0]).map { try rt.int($0, "dims") }
        } else if given.count == 1, case .list = given[0] {
          dims = try rt.toArray(given[0]).map { try rt.int($0, "dims") }
        } else {
          dims = try given.map { try rt.int($0, "dims") }
        }
        guard dims.count == t.rank else {
          throw PyException(
            .runtimeError,
            "permute(sparse_coo): number of dimensions in the tensor input does not match the "
              + "length of the desired ordering of dimensions i.e. input.dim() = \(t.rank) is not "
              + "equal to len(dims) = \(dims.count)")
        }
        let n = Swift.max(t.rank, 1)
        let axes = try dims.map { d -> Int in
          guard d >= -n && d < n else {
            throw PyException(
              .indexError,
              "Dimension out of range (expected to be in range of [\(-n), \(n - 1)], but got "
                + "\(d))")
          }
          return d < 0 ? d + n : d
        }
        guard Set(axes).count == axes.count else {
          throw PyException(.runtimeError, "permute(): duplicate dims are not allowed.")
        }
        return torch.wrap(try torch.run { try t.permuted(axes) })
      }
    case "softmax", "log_softmax":
      return { a in
        var x = t
        if let d = a.optional("dtype") { x = x.casted(to: try torch.dtype(d)) }
        let d = try rt.int(try a.required("dim"), "dim")
        if !x.dtype.isFloatingPoint {
          throw PyException(
            .notImplementedError,
            "\"softmax_lastdim_kernel_impl\" not implemented for "
              + "'\(TorchContext.scalarTypeName(x.dtype))'")
        }
        if x.rank == 0 {
          guard d == 0 || d == -1 else {
            throw PyException(
              .indexError,
              "Dimension out of range (expected to be in range of [-1, 0], but got \(d))")
          }
          return torch.wrap(Tensor(scalar: .double(name == "softmax" ? 1 : 0), dtype: x.dtype))
        }
        return torch.wrap(
          try torch.run {
            name == "softmax"
              ? try Functional.softmax(x, axis: d) : try Functional.logSoftmax(x, axis: d)
          })
      }
    default: break
    }
    let unaries: [String: UnaryOp] = [
      "exp": .exp, "log": .log, "tanh": .tanh, "sigmoid": .sigmoid, "relu": .relu, "abs": .abs,
      "sqrt": .sqrt, "sin": .sin, "cos": .cos, "neg": .negative, "floor": .floor, "ceil": .ceil,
    ]
    if let op = unaries[name] {
      return { _ in
        if t.dtype == .bool {
          switch op {
          case .relu: throw PyException(.runtimeError, "Boolean inputs not supported for relu")
          case .abs, .negative, .sign:
            throw PyException(.notImplementedError, "\"\(name)_cpu\" not implemented for 'Bool'")
          case .floor, .ceil:
            throw PyException(
              .notImplementedError, "\"\(name)_vml_cpu\" not implemented for 'Bool'")
          default: break
          }
        }
        return torch.wrap(try torch.run { try t.unary(op, style: .torch) })
      }
    }
    let inPlace: [String: BinaryOp] = [
      "add_": .add, "sub_": .subtract, "mul_": .multiply, "div_": .divide,
    ]
    if let op = inPlace[name] {
      return { a in
        let other = try a.required("other")
        // The result type must cast back into self: no floats into integers, no numbers into
        // bools (PyTorch's can_cast).
        let resultType: DType
        if let s = NumPyContext.pythonScalar(other) {
          resultType = s.resultType(with: t.dtype, style: .torch)
        } else {
          resultType = DType.promoted(t.dtype, try torch.tensor(other).dtype, style: .torch)
        }
        let castable =
          resultType == t.dtype || (t.dtype.isFloatingPoint)
          || (t.dtype.isInteger && !resultType.isFloatingPoint)
        if !castable || (name == "div_" && !t.dtype.isFloatingPoint) {
          let from = name == "div_" && !resultType.isFloatingPoint ? .float32 : resultType
          throw PyException(
            .runtimeError,
            "result type \(TorchContext.scalarTypeName(from)) can't be cast to the desired output "
              + "type \(TorchContext.scalarTypeName(t.dtype))")
        }
        var o = try torch.tensor(other, dtype: t.dtype)
        if let alpha = a.value("alpha") {
          o = try torch.binary(.multiply, o, alpha, reflected: false)
        }
        try torch.run { try t.applyInPlace(op, o) }
        return .native(self)
      }
    }
    return nil
  }
}

/// `torch.return_types.max(values=..., indices=...)`: a named pair that unpacks like a tuple
/// (NumPy's `NamedResult`), shown as PyTorch shows it.
final class TorchReturnTypes: NamedResult {
  override func repr() throws -> String {
    var parts: [String] = []
    for (k, v) in fields {
      guard case .native(let n) = v else { continue }
      parts.append(k + "=" + (try n.repr()))
    }
    return "torch.return_types.\(name)(\n" + parts.joined(separator: ",\n") + ")"
  }
}

/// `torch.device(...)`: any of PyTorch's device types can be named; only the CPU computes
/// (`checkDevice` refuses the others where a tensor would be placed on them).
final class TorchDevice: PyNativeObject {
  let name: String
  let index: Int?
  init(_ name: String, index: Int? = nil) {
    self.name = name
    self.index = index
  }
  var typeName: String { "device" }
  func repr() throws -> String {
    index.map { "device(type='\(name)', index=\($0))" } ?? "device(type='\(name)')"
  }
  func str() throws -> String { index.map { "\(name):\($0)" } ?? name }
  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "type": return .str(self.name)
    case "index": return index.map { .int($0) } ?? PyValue.none
    default: return nil
    }
  }
  func compare(_ op: CompareOperator, _ other: PyValue) throws -> PyValue? {
    guard op == .eq || op == .ne else { return nil }
    var same = false
    // A device never equals a string in PyTorch (`torch.device("cpu") == "cpu"` is False).
    if case .native(let d as TorchDevice) = other { same = d.name == name && d.index == index }
    return .bool(same == (op == .eq))
  }
}
