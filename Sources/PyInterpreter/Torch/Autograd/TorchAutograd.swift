import Foundation
import Tensors

extension TorchContext {
  /// `torch.autograd`: `Variable` (a tensor since PyTorch 0.4) and `Function`, whose
  /// subclasses define an operation's forward and backward in Python.
  func makeAutograd() -> PyModule {
    let autograd = PyModule(name: "torch.autograd")
    autograd.define("Variable", in: TorchSignatures.autograd) { [unowned self] a in
      // A new leaf over the same storage, as PyTorch's Variable(data) detaches.
      guard let data = a.optional("data") else {
        return self.wrap(Tensor.zeros([0], dtype: .float32))
      }
      guard case .native(let x as TorchTensor) = data else {
        throw PyException(
          .typeError, "Variable data has to be a tensor, but got \(self.rt.typeName(data))")
      }
      var t = x.tensor.detached()
      try self.applyRequiresGrad(&t, a)
      return self.wrap(t)
    }
    let function = PyClass(
      name: "Function", base: rt.objectClass, module: "torch.autograd.function")
    let apply = PyBuiltin("apply") { [unowned self] args, kwargs in
      guard case .type(let cls)? = args.first else {
        throw PyException(.typeError, "apply() needs the Function subclass")
      }
      return try self.applyFunction(cls, Array(args.dropFirst()), kwargs)
    }
    function.namespace.set("apply", .native(MethodWrapper(.classMethod, .builtin(apply))))
    autograd["Function"] = .type(function)
    return autograd
  }

  /// `MyFunction.apply(*args)`: runs the class's `forward(ctx, *args)` without recording, then
  /// records an operation whose backward calls `backward(ctx, grad)`.
  func applyFunction(_ cls: PyClass, _ args: [PyValue], _ kwargs: KeywordArguments) throws
    -> PyValue
  {
    if !kwargs.isEmpty {
      throw PyException(
        .notImplementedError,
        "torch.autograd.Function.apply with keyword arguments is not supported in journal cells")
    }
    if cls.namespace.get("setup_context") != nil {
      throw PyException(
        .notImplementedError,
        "torch.autograd.Function.setup_context is not supported in journal cells")
    }
    let name = cls.name + "Backward"
    let inputs = args.enumerated().compactMap { i, v -> (Int, Tensor)? in
      if case .native(let t as TorchTensor) = v { return (i, t.tensor) }
      return nil
    }
    let ctx = PyInstance(cls: makeFunctionContext(name))
    let grads = args.map { v -> PyValue in
      if case .native(let t as TorchTensor) = v { return .bool(t.tensor.requiresGrad) }
      return .bool(false)
    }
    ctx.attributes.set("needs_input_grad", .tuple(grads))
    let forward = try rt.getAttribute(.type(cls), "forward")
    noGradDepth += 1
    let output: PyValue
    do {
      defer { noGradDepth -= 1 }
      output = try rt.call(forward, [.instance(ctx)] + args)
    }
    guard case .native(let out as TorchTensor) = output else {
      if case .tuple(let items) = output,
        items.contains(where: { if case .native(is TorchTensor) = $0 { true } else { false } })
      {
        throw PyException(
          .notImplementedError,
          "torch.autograd.Function with several outputs is not supported in journal cells")
      }
      return output
    }
    let backward = try rt.getAttribute(.type(cls), "backward")
    // Recorded as the session's no_grad depth says (run turns recording off inside it).
    let result = try run {
      out.tensor.recordingFunction(inputs.map(\.1), name: name) { [unowned self] g in
        let returned = try self.rt.call(backward, [.instance(ctx), self.wrap(g)])
        var given: [PyValue]
        if case .tuple(let items) = returned { given = items } else { given = [returned] }
        guard given.count == args.count else {
          throw PyException(
            .runtimeError,
            "function \(name) returned an incorrect number of gradients (expected \(args.count), "
              + "got \(given.count))")
        }
        for (i, v) in given.enumerated() where !inputs.contains(where: { $0.0 == i }) {
          if !NumPyContext.isNoneLiteral(v) {
            throw PyException(
              .runtimeError,
              "function \(name) returned a gradient different than None at position \(i + 1), but "
                + "the corresponding forward input was not a Variable")
          }
        }
        return try inputs.map { i, input -> Tensor? in
          let v = given[i]
          if NumPyContext.isNoneLiteral(v) { return nil }
          guard case .native(let gt as TorchTensor) = v else {
            throw PyException(
              .typeError,
              "function \(name) returned a \(self.rt.typeName(v)) as the gradient at index \(i), "
                + "not a Tensor")
          }
          guard gt.tensor.shape == input.shape else {
            throw PyException(
              .runtimeError,
              "Function \(name) returned an invalid gradient at index \(i) - got "
                + "\(gt.tensor.shape) but expected shape compatible with \(input.shape)")
          }
          return gt.tensor.dtype == input.dtype ? gt.tensor : gt.tensor.casted(to: input.dtype)
        }
      }
    }
    return self.wrap(result)
  }

  /// The class of a Function's `ctx` (PyTorch's `<Name>Backward` node): any attribute can be
  /// stored on it, and `save_for_backward` keeps tensors for `saved_tensors`.
  private func makeFunctionContext(_ name: String) -> PyClass {
    let cls = PyClass(name: name, base: rt.objectClass, module: "torch.autograd.function")
    cls.namespace.set(
      "save_for_backward",
      .builtin(
        PyBuiltin("save_for_backward") { [unowned self] args, kwargs in
          guard case .instance(let me)? = args.first else { return .none }
          if let k = kwargs.first {
            throw PyException(
              .typeError, "save_for_backward() got an unexpected keyword argument '\(k.0)'")
          }
          for v in args.dropFirst() {
            if case .native(is TorchTensor) = v { continue }
            if NumPyContext.isNoneLiteral(v) { continue }
            throw PyException(
              .typeError,
              "save_for_backward can only save variables, but argument 0 is of type "
                + self.rt.typeName(v))
          }
          me.attributes.set("saved_tensors", .tuple(Array(args.dropFirst())))
          return .none
        }))
    for method in ["mark_dirty", "mark_non_differentiable", "set_materialize_grads"] {
      cls.namespace.set(
        method,
        .builtin(
          PyBuiltin(method) { _, _ in
            throw PyException(
              .notImplementedError,
              "torch.autograd.function.FunctionCtx.\(method) is not supported in journal cells")
          }))
    }
    return cls
  }

  /// `torch.Tensor(data)`, `torch.LongTensor(data)` and friends: PyTorch's legacy constructors,
  /// which read a sequence as values and integers as sizes.
  func defineLegacyConstructors(_ m: PyModule) {
    let types: [(String, DType)] = [
      ("FloatTensor", .float32), ("DoubleTensor", .float64), ("LongTensor", .int64),
      ("IntTensor", .int32), ("BoolTensor", .bool), ("ByteTensor", .uint8),
    ]
    for (name, dtype) in types {
      m.define(name, in: TorchSignatures.module) { [unowned self] a in
        try self.legacyConstruct(dtype, Array(a.rest()), a.extraKeywords())
      }
    }
    tensorClass.constructor = { [unowned self] args, kwargs in
      try self.legacyConstruct(.float32, args, kwargs)
    }
  }

  private func legacyConstruct(_ dtype: DType, _ args: [PyValue], _ kwargs: KeywordArguments)
    throws -> PyValue
  {
    if let k = kwargs.first {
      throw PyException(
        .notImplementedError,
        "torch.Tensor(\(k.0)=...) is not supported in journal cells")
    }
    if args.isEmpty { return wrap(Tensor.zeros([0], dtype: dtype)) }
    if args.allSatisfy({ if case .int = $0 { true } else { false } }) {
      // Sizes: PyTorch leaves the memory uninitialised; zeros are one of its possible values.
      let shape = try newShape(args, dtype: dtype)
      return wrap(Tensor.zeros(shape, dtype: dtype))
    }
    guard args.count == 1 else {
      throw PyException(
        .typeError,
        "new() received an invalid combination of arguments - got "
          + "(\(args.map { rt.typeName($0) }.joined(separator: ", ")))")
    }
    switch args[0] {
    case .list, .tuple:
      return wrap(try tensor(args[0], dtype: dtype).clone())
    case .str:
      throw PyException(.typeError, "new(): invalid data type 'str'")
    default:
      throw PyException(
        .notImplementedError,
        "torch.Tensor(\(rt.typeName(args[0]))) is not supported in journal cells (a list, a tuple "
          + "or sizes)")
    }
  }
}
