import Foundation
import Tensors

extension TorchContext {
  /// `t` with the node that made it named as PyTorch names its operation. A different name
  /// means `Tensors` computed it in several steps: the renamed node keeps the last step's
  /// inputs and says so (see `TorchGradFunction`).
  func named(_ name: String?, _ t: Tensor) -> PyValue {
    guard let name, let current = t.gradFunctionName, current != name else { return wrap(t) }
    return wrap(t.namingGradFunction(name))
  }

  func reduction(_ a: Arguments) throws -> Functional.Reduction {
    guard let r = a.keyword("reduction") else { return .mean }
    let s = try rt.string(r, "reduction")
    guard let v = Functional.Reduction(rawValue: s) else {
      throw PyException(.valueError, "\(s) is not a valid value for reduction")
    }
    return v
  }

  /// `torch.nn` with its `functional`, `init` and `utils` submodules.
  func makeNN() -> PyModule {
    let nn = PyModule(name: "torch.nn")
    nn["Module"] = .type(moduleClass)
    defineLayers(nn)
    parameterClass.constructor = { [unowned self] args, kwargs in
      let a = Arguments("Parameter", args, kwargs)
      var t = try self.tensor(try a.value(0, "data") ?? .list(PyList())).detached()
      let flag = try a.value(1, "requires_grad").map { try self.rt.isTrue($0) } ?? true
      try bridged { try t.setRequiresGrad(flag) }
      return .native(TorchTensor(t, torch: self, isParameter: true))
    }
    nn["Parameter"] = .type(parameterClass)
    nn["functional"] = .module(makeFunctional())
    nn["init"] = .module(makeInit())
    let utils = PyModule(name: "torch.nn.utils")
    defineClipping(utils)
    utils["rnn"] = .module(makeRNNUtils())
    nn["utils"] = .module(utils)
    return nn
  }

  func makeFunctional() -> PyModule {
    let f = PyModule(name: "torch.nn.functional")
    let rt = self.rt
    func def(_ name: String, _ body: @escaping BoundFunction) {
      f.define(name, in: TorchSignatures.functional) { [unowned self] a in
        try self.run { try body(a) }
      }
    }
    func input(_ a: Arguments, _ i: Int = 0, _ name: String = "input") throws -> Tensor {
      try tensor(try a.required(i, name))
    }
    func optionalTensor(_ a: Arguments, _ i: Int, _ name: String) throws -> Tensor? {
      guard let v = a.value(i, name), !NumPyContext.isNoneLiteral(v) else { return nil }
      return try tensor(v)
    }
    func dim(_ a: Arguments, _ x: Tensor) throws -> Int {
      guard let d = a.value(1, "dim"), !NumPyContext.isNoneLiteral(d) else {
        return x.rank <= 1 || x.rank == 3 ? 0 : 1
      }
      return try rt.toInt(d)
    }
    def("relu") { [unowned self] a in self.wrap(try input(a).relu()) }
    def("sigmoid") { [unowned self] a in self.wrap(try input(a).sigmoid()) }
    def("tanh") { [unowned self] a in self.wrap(try input(a).tanh()) }
    def("leaky_relu") { [unowned self] a in
      let slope = try a.value(1, "negative_slope").map { try rt.double($0) } ?? 0.01
      return self.named("LeakyReluBackward0", try Functional.leakyRelu(try input(a), slope: slope))
    }
    def("elu") { [unowned self] a in
      let alpha = try a.value(1, "alpha").map { try rt.double($0) } ?? 1
      return self.named("EluBackward0", try self.elu(try input(a), alpha))
    }
    def("softplus") { [unowned self] a in
      let beta = try a.value(1, "beta").map { try rt.double($0) } ?? 1
      let threshold = try a.value(2, "threshold").map { try rt.double($0) } ?? 20
      return self.named(
        "SoftplusBackward0", try self.softplus(try input(a), beta: beta, threshold: threshold))
    }
    def("softmax") { [unowned self] a in
      let x = try input(a)
      return self.wrap(try Functional.softmax(x, axis: try dim(a, x)))
    }
    def("log_softmax") { [unowned self] a in
      let x = try input(a)
      return self.wrap(try Functional.logSoftmax(x, axis: try dim(a, x)))
    }
    func loss(_ name: String, _ loss: String, weightIndex: Int?) {
      def(name) { [unowned self] a in
        let w = try weightIndex.flatMap { try optionalTensor(a, $0, "weight") }
        let p = try a.keyword("p").map { try rt.toInt($0) } ?? 1
        let margin = try a.keyword("margin").map { try rt.double($0) } ?? 1
        return try self.lossValue(
          loss, try input(a), try input(a, 1, "target"), try self.reduction(a), weight: w, p: p,
          margin: margin)
      }
    }
    loss("cross_entropy", "CrossEntropyLoss", weightIndex: 2)
    loss("nll_loss", "NLLLoss", weightIndex: 2)
    loss("mse_loss", "MSELoss", weightIndex: nil)
    loss("l1_loss", "L1Loss", weightIndex: nil)
    loss("binary_cross_entropy", "BCELoss", weightIndex: 2)
    loss("binary_cross_entropy_with_logits", "BCEWithLogitsLoss", weightIndex: 2)
    loss("multi_margin_loss", "MultiMarginLoss", weightIndex: nil)
    def("dropout") { [unowned self] a in
      let p = try a.value(1, "p").map { try rt.double($0) } ?? 0.5
      let training = try a.value(2, "training").map { try rt.isTrue($0) } ?? true
      return try self.dropout(try input(a), p: p, training: training)
    }
    def("linear") { [unowned self] a in
      let x = try input(a), w = try input(a, 1, "weight")
      let b = try optionalTensor(a, 2, "bias")
      return self.wrap(try Functional.linear(x, weight: w, bias: b))
    }
    for dims in [1, 2] {
      def("conv\(dims)d") { [unowned self] a in
        let x = try input(a), w = try input(a, 1, "weight")
        let b = try optionalTensor(a, 2, "bias")
        return try self.convolution(
          x, w, b, stride: try self.ints(a.value(3, "stride") ?? .int(1), dims, "stride"),
          padding: try self.convPadding(a.value(4, "padding") ?? .int(0), dims: dims),
          dilation: try self.ints(a.value(5, "dilation") ?? .int(1), dims, "dilation"),
          groups: try a.value(6, "groups").map { try rt.toInt($0) } ?? 1)
      }
    }
    for (name, kind) in [("max_pool2d", Pool2d.Kind.max), ("avg_pool2d", .average)] {
      def(name) { [unowned self] a in
        let kernel = try self.ints(try a.required(1, "kernel_size"), 2, "kernel_size")
        var strideArg = a.value(2, "stride") ?? .none
        if case .none = strideArg { strideArg = .tuple(kernel.map { .int($0) }) }
        if case .list(let l) = strideArg, l.items.isEmpty {
          strideArg = .tuple(kernel.map { .int($0) })
        }
        let y = try self.pool2d(
          kind, try input(a), kernel: kernel, stride: try self.ints(strideArg, 2, "stride"),
          padding: try self.ints(a.value(3, "padding") ?? .int(0), 2, "padding"))
        return self.named(
          kind == .max ? "MaxPool2DWithIndicesBackward0" : "AvgPool2DBackward0", y)
      }
    }
    def("adaptive_avg_pool2d") { [unowned self] a in
      try self.adaptiveAvgPool(try input(a), try a.required(1, "output_size"))
    }
    def("embedding") { [unowned self] a in
      let idx = try input(a), w = try input(a, 1, "weight")
      return self.wrap(try Functional.embedding(idx, weight: w))
    }
    def("one_hot") { [unowned self] a in
      let idx = try input(a, 0, "tensor")
      guard idx.dtype == .int64 else {
        throw PyException(
          .runtimeError, "one_hot is only applicable to index tensor of type LongTensor.")
      }
      var classes = try a.value(1, "num_classes").map { try rt.toInt($0) } ?? -1
      let values = idx.casted(to: .float64).doubles.map { Int($0) }
      if classes < 0 { classes = (values.max() ?? -1) + 1 }
      try self.checkedNew(idx.shape + [classes], dtype: .int64, copies: 2)
      var out = [Int64](repeating: 0, count: values.count * classes)
      for (i, v) in values.enumerated() {
        guard v >= 0 && v < classes else {
          throw PyException(.runtimeError, "Class values must be smaller than num_classes.")
        }
        out[i * classes + v] = 1
      }
      return self.wrap(try Tensor(out, shape: idx.shape + [classes]))
    }
    def("flatten") { [unowned self] a in
      let start = try a.value(1, "start_dim").map { try rt.toInt($0) } ?? 0
      let end = try a.value(2, "end_dim").map { try rt.toInt($0) } ?? -1
      return self.named("ViewBackward0", try self.flatten(try input(a), start, end))
    }
    return f
  }

  /// `torch.nn.utils.clip_grad_norm_` / `clip_grad_value_`.
  func defineClipping(_ utils: PyModule) {
    let rt = self.rt
    func grads(_ v: PyValue) throws -> [Tensor] {
      if case .native(let t as TorchTensor) = v { return [t.tensor] }
      return try rt.toArray(v).map { try self.tensor($0) }
    }
    utils.define("clip_grad_norm_") { [unowned self] args, kwargs in
      let a = Arguments("clip_grad_norm_", args, kwargs)
      let ps = try grads(try a.required(0, "parameters"))
      let maxNorm = try rt.double(try a.required(1, "max_norm"))
      let p =
        try a.value(2, "norm_type").map { v -> Double in
          if case .str(let s) = v, s == "inf" { return .infinity }
          return try rt.double(v)
        } ?? 2
      let total = try bridged { try GradientClipping.clipNorm(ps, maxNorm: maxNorm, p: p) }
      return self.wrap(Tensor(scalar: .double(total), dtype: .float32))
    }
    utils.define("clip_grad_value_") { args, kwargs in
      let a = Arguments("clip_grad_value_", args, kwargs)
      let ps = try grads(try a.required(0, "parameters"))
      let v = try rt.double(try a.required(1, "clip_value"))
      try bridged { try GradientClipping.clipValue(ps, v) }
      return .none
    }
  }

  /// `torch.nn.init`: in-place fills drawing from the session generator as PyTorch does.
  func makeInit() -> PyModule {
    let m = PyModule(name: "torch.nn.init")
    let rt = self.rt
    func target(_ a: Arguments) throws -> TorchTensor {
      guard case .native(let t as TorchTensor) = try a.required(0, "tensor") else {
        throw PyException(.typeError, "\(a.function)() argument 'tensor' must be Tensor")
      }
      return t
    }
    /// Writes values into the tensor without recording autograd, and returns the tensor.
    func fill(_ t: TorchTensor, _ values: Tensor) throws -> PyValue {
      try bridged {
        try GradMode.withNoGrad {
          try t.tensor.copyInPlace(from: values.casted(to: t.tensor.dtype))
        }
      }
      return .native(t)
    }
    func uniform(_ t: TorchTensor, _ low: Double, _ high: Double) throws -> PyValue {
      let n = t.tensor.count
      let values: Tensor =
        t.tensor.dtype == .float64
        ? try Tensor(
          try bridged { try self.generator.uniformDouble(from: low, to: high, count: n) },
          shape: t.tensor.shape)
        : try Tensor(
          try bridged { try self.generator.uniform(from: low, to: high, count: n) },
          shape: t.tensor.shape)
      return try fill(t, values)
    }
    func normal(_ t: TorchTensor, _ mean: Double, _ std: Double) throws -> PyValue {
      let n = t.tensor.count
      let values: Tensor =
        t.tensor.dtype == .float64
        ? try Tensor(
          try bridged { try self.generator.normalDouble(mean: mean, std: std, count: n) },
          shape: t.tensor.shape)
        : try Tensor(
          try bridged { try self.generator.normal(mean: mean, std: std, count: n) },
          shape: t.tensor.shape)
      return try fill(t, values)
    }
    func gain(_ nonlinearity: String, _ param: PyValue?) throws -> Double {
      switch nonlinearity {
      case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
        "conv_transpose3d", "sigmoid":
        return 1
      case "tanh": return 5.0 / 3
      case "relu": return 2.0.squareRoot()
      case "selu": return 3.0 / 4
      case "leaky_relu":
        var slope = 0.01
        if let p = param, !NumPyContext.isNoneLiteral(p) { slope = try rt.double(p) }
        return (2.0 / (1 + slope * slope)).squareRoot()
      default:
        throw PyException(.valueError, "Unsupported nonlinearity \(nonlinearity)")
      }
    }
    func fans(_ t: TorchTensor) throws -> (Int, Int) {
      let f = try bridged { try TorchGenerator.fans(of: t.tensor.shape) }
      return (f.fanIn, f.fanOut)
    }
    func def(_ name: String, _ body: @escaping (Arguments) throws -> PyValue) {
      m.define(name) { args, kwargs in try body(Arguments(name, args, kwargs)) }
    }
    def("calculate_gain") { a in
      let name = try rt.string(try a.required(0, "nonlinearity"), "nonlinearity")
      let g = try gain(name, a.value(1, "param"))
      // PyTorch returns the int 1 for the linear family and sigmoid.
      return g == 1 && name != "leaky_relu" ? .int(1) : .float(g)
    }
    def("uniform_") { a in
      try uniform(
        try target(a), try a.value(1, "a").map { try rt.double($0) } ?? 0,
        try a.value(2, "b").map { try rt.double($0) } ?? 1)
    }
    def("normal_") { a in
      try normal(
        try target(a), try a.value(1, "mean").map { try rt.double($0) } ?? 0,
        try a.value(2, "std").map { try rt.double($0) } ?? 1)
    }
    def("constant_") { a in
      let t = try target(a)
      let v = try rt.double(try a.required(1, "val"))
      return try fill(t, Tensor.full(t.tensor.shape, .double(v), dtype: t.tensor.dtype))
    }
    for (name, v) in [("zeros_", 0.0), ("ones_", 1.0)] {
      def(name) { a in
        let t = try target(a)
        return try fill(t, Tensor.full(t.tensor.shape, .double(v), dtype: t.tensor.dtype))
      }
    }
    def("eye_") { a in
      let t = try target(a)
      guard t.tensor.rank == 2 else {
        throw PyException(.valueError, "Only tensors with 2 dimensions are supported")
      }
      let (r, c) = (t.tensor.shape[0], t.tensor.shape[1])
      var values = [Double](repeating: 0, count: r * c)
      for i in 0..<Swift.min(r, c) { values[i * c + i] = 1 }
      return try fill(t, try Tensor(values, shape: [r, c]))
    }
    def("xavier_uniform_") { a in
      let t = try target(a)
      let g = try a.value(1, "gain").map { try rt.double($0) } ?? 1
      let (fi, fo) = try fans(t)
      let std = g * (2.0 / Double(fi + fo)).squareRoot()
      let bound = 3.0.squareRoot() * std
      return try uniform(t, -bound, bound)
    }
    def("xavier_normal_") { a in
      let t = try target(a)
      let g = try a.value(1, "gain").map { try rt.double($0) } ?? 1
      let (fi, fo) = try fans(t)
      return try normal(t, 0, g * (2.0 / Double(fi + fo)).squareRoot())
    }
    for name in ["kaiming_uniform_", "kaiming_normal_"] {
      def(name) { a in
        let t = try target(a)
        let slope = a.value(1, "a") ?? .int(0)
        let mode = try a.value(2, "mode").map { try rt.string($0, "mode") } ?? "fan_in"
        let nl =
          try a.value(3, "nonlinearity").map { try rt.string($0, "nonlinearity") } ?? "leaky_relu"
        guard mode == "fan_in" || mode == "fan_out" else {
          throw PyException(
            .valueError, "Mode \(mode) not supported, please use one of fan_in, fan_out")
        }
        let (fi, fo) = try fans(t)
        let std = try gain(nl, slope) / Double(mode == "fan_in" ? fi : fo).squareRoot()
        if name == "kaiming_normal_" { return try normal(t, 0, std) }
        let bound = 3.0.squareRoot() * std
        return try uniform(t, -bound, bound)
      }
    }
    return m
  }
}
