import Foundation
import Tensors

/// A built-in `torch.nn` layer or loss: a callable with named parameters and PyTorch's repr.
final class TorchLayer: PyNativeObject {
  let name: String
  let extra: String
  let parameters: [(String, Tensor)]
  let children: [TorchLayer]
  let forward: ([Tensor]) throws -> Tensor
  let torch: TorchContext
  /// PyTorch's autograd node name for the output when Tensors composes it from other ops
  /// (`nn.Linear` on a matrix is one `addmm`).
  var outputGradName: (([Tensor]) -> String?)?

  init(
    _ name: String, extra: String = "", parameters: [(String, Tensor)] = [],
    children: [TorchLayer] = [], torch: TorchContext, forward: @escaping ([Tensor]) throws -> Tensor
  ) {
    self.name = name
    self.extra = extra
    self.parameters = parameters
    self.children = children
    self.torch = torch
    self.forward = forward
  }

  var typeName: String { name }

  func repr() throws -> String {
    if children.isEmpty { return "\(name)(\(extra))" }
    var out = "\(name)(\n"
    for (i, c) in children.enumerated() {
      let inner = try c.repr().replacingOccurrences(of: "\n", with: "\n  ")
      out += "  (\(i)): \(inner)\n"
    }
    return out + ")"
  }

  var allParameters: [Tensor] { parameters.map(\.1) + children.flatMap(\.allParameters) }

  func call(_ args: [PyValue], _ kwargs: KeywordArguments) throws -> PyValue {
    let inputs = try args.map { try torch.tensor($0) }
    let out = try torch.run { try forward(inputs) }
    let name = out.gradFunctionName == nil ? nil : outputGradName?(inputs)
    return .native(TorchTensor(out, torch: torch, gradFunctionName: name))
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    if let p = parameters.first(where: { $0.0 == name }) {
      return .native(TorchTensor(p.1, torch: torch, isParameter: true))
    }
    let torch = self.torch
    switch name {
    case "parameters":
      return .builtin(
        PyBuiltin(name) { [self] _, _ in
          .list(
            PyList(
              self.allParameters.map { .native(TorchTensor($0, torch: torch, isParameter: true)) }))
        })
    case "zero_grad":
      return .builtin(
        PyBuiltin(name) { [self] _, _ in
          for p in self.allParameters {
            if let g = p.grad { try bridged { try g.fillInPlace(.int(0)) } }
          }
          return .none
        })
    case "forward": return .builtin(PyBuiltin(name) { [self] a, k in try self.call(a, k) })
    case "train", "eval": return .builtin(PyBuiltin(name) { [self] _, _ in .native(self) })
    default: return nil
    }
  }
}

/// `torch.optim.SGD` / `Adam` over a list of parameters.
final class TorchOptimizer: PyNativeObject {
  let optimizer: any Optimizer
  let name: String
  init(_ name: String, _ optimizer: any Optimizer) {
    self.name = name
    self.optimizer = optimizer
  }
  var typeName: String { name }
  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "step":
      return .builtin(
        PyBuiltin(name) { [optimizer] _, _ in
          try bridged { try optimizer.step() }
          return .none
        })
    case "zero_grad":
      return .builtin(
        PyBuiltin(name) { [optimizer] _, _ in
          optimizer.zeroGrad()
          return .none
        })
    default: return nil
    }
  }
}

extension TorchContext {
  /// PyTorch's autograd node for a loss, which Tensors builds from several ops.
  static func lossNodeName(_ loss: String, _ r: Functional.Reduction) -> String? {
    switch (loss, r) {
    case ("CrossEntropyLoss", .mean), ("NLLLoss", .mean), ("CrossEntropyLoss", .sum),
      ("NLLLoss", .sum):
      return "NllLossBackward0"
    case ("MSELoss", .mean), ("MSELoss", .sum): return "MseLossBackward0"
    default: return nil
    }
  }

  func named(_ name: String?, _ t: Tensor) -> PyValue {
    .native(TorchTensor(t, torch: self, gradFunctionName: t.gradFunctionName == nil ? nil : name))
  }

  /// `nn.Module` for user subclasses: instances are ordinary objects; `parameters()` walks their
  /// attributes in assignment order (parameters, built-in layers, nested modules), as PyTorch's
  /// registration order does.
  func makeModuleClass() -> PyClass {
    let cls = PyClass(name: "Module", base: nil, module: "torch.nn.modules.module")
    let rt = self.rt
    func define(_ name: String, _ body: @escaping NativeFunction) {
      cls.namespace.set(name, .builtin(PyBuiltin(name, body)))
    }
    func parameters(_ v: PyValue) -> [Tensor] {
      guard case .instance(let i) = v else { return [] }
      var out: [Tensor] = []
      for value in i.attributes.values {
        switch value {
        case .native(let t as TorchTensor) where t.isParameter: out.append(t.tensor)
        case .native(let l as TorchLayer): out += l.allParameters
        case .instance(let sub) where sub.cls.isSubclass(of: cls): out += parameters(value)
        default: break
        }
      }
      return out
    }
    define("__init__") { _, _ in .none }
    define("__call__") { args, kwargs in
      guard let me = args.first else { return .none }
      return try rt.call(try rt.getAttribute(me, "forward"), Array(args.dropFirst()), kwargs)
    }
    define("parameters") { [unowned self] args, _ in
      .list(
        PyList(parameters(args[0]).map { .native(TorchTensor($0, torch: self, isParameter: true)) })
      )
    }
    define("zero_grad") { args, _ in
      for p in parameters(args[0]) {
        if let g = p.grad { try bridged { try g.fillInPlace(.int(0)) } }
      }
      return .none
    }
    define("train") { args, _ in args[0] }
    define("eval") { args, _ in args[0] }
    define("__repr__") { args, _ in
      guard case .instance(let i) = args[0] else { return .str("Module()") }
      var lines: [String] = []
      for (k, v) in i.attributes.items {
        guard case .str(let key) = k else { continue }
        switch v {
        case .native(let l as TorchLayer):
          lines.append("  (\(key)): " + (try l.repr()).replacingOccurrences(of: "\n", with: "\n  "))
        case .instance(let sub) where sub.cls.isSubclass(of: cls):
          lines.append(
            "  (\(key)): " + (try rt.repr(v)).replacingOccurrences(of: "\n", with: "\n  "))
        default: break
        }
      }
      if lines.isEmpty { return .str("\(i.cls.name)()") }
      return .str("\(i.cls.name)(\n" + lines.joined(separator: "\n") + "\n)")
    }
    return cls
  }

  func reduction(_ a: Arguments) throws -> Functional.Reduction {
    guard let r = a.keyword("reduction") else { return .mean }
    let s = try rt.string(r, "reduction")
    guard let v = Functional.Reduction(rawValue: s) else {
      throw PyException(.valueError, "\(s) is not a valid value for reduction")
    }
    return v
  }

  func makeNN() -> (nn: PyModule, functional: PyModule, optim: PyModule) {
    let nn = PyModule(name: "torch.nn")
    let f = PyModule(name: "torch.nn.functional")
    let optim = PyModule(name: "torch.optim")
    func def(_ m: PyModule, _ name: String, _ body: @escaping (Arguments) throws -> PyValue) {
      m.define(name) { args, kwargs in try body(Arguments(name, args, kwargs)) }
    }
    func input(_ a: Arguments, _ i: Int = 0) throws -> Tensor {
      try tensor(try a.required(i, "input"))
    }
    func dim(_ a: Arguments) throws -> Int {
      guard let d = a.value(1, "dim") else {
        throw PyException(.typeError, "\(a.function)() missing required argument 'dim'")
      }
      return try rt.toInt(d)
    }
    // nn.functional
    def(f, "relu") { a in self.wrap(try self.run { try input(a).relu() }) }
    def(f, "sigmoid") { a in self.wrap(try self.run { try input(a).sigmoid() }) }
    def(f, "tanh") { a in self.wrap(try self.run { try input(a).tanh() }) }
    def(f, "softmax") { a in
      self.wrap(try self.run { try Functional.softmax(try input(a), axis: try dim(a)) })
    }
    def(f, "log_softmax") { a in
      self.wrap(try self.run { try Functional.logSoftmax(try input(a), axis: try dim(a)) })
    }
    def(f, "cross_entropy") { a in
      self.named(
        TorchContext.lossNodeName("CrossEntropyLoss", try self.reduction(a)),
        try self.run {
          try Functional.crossEntropy(
            try input(a), try input(a, 1), reduction: try self.reduction(a))
        })
    }
    def(f, "nll_loss") { a in
      self.named(
        TorchContext.lossNodeName("NLLLoss", try self.reduction(a)),
        try self.run {
          try Functional.nllLoss(try input(a), try input(a, 1), reduction: try self.reduction(a))
        })
    }
    def(f, "mse_loss") { a in
      self.named(
        TorchContext.lossNodeName("MSELoss", try self.reduction(a)),
        try self.run {
          try Functional.mseLoss(try input(a), try input(a, 1), reduction: try self.reduction(a))
        })
    }
    nn["functional"] = .module(f)

    // nn layers
    def(nn, "Linear") { a in
      let n = try self.rt.toInt(try a.required(0, "in_features"))
      let out = try self.rt.toInt(try a.required(1, "out_features"))
      let hasBias = try a.value(2, "bias").map { try self.rt.isTrue($0) } ?? true
      let params = self.generator.linearParameters(inFeatures: n, outFeatures: out, bias: hasBias)
      let tensors = try params.map { p in
        (p.name, try bridged { try Tensor(p.values, shape: p.shape).requiringGrad() })
      }
      let w = tensors[0].1
      let b = hasBias ? tensors[1].1 : nil
      let layer = TorchLayer(
        "Linear",
        extra: "in_features=\(n), out_features=\(out), bias=\(hasBias ? "True" : "False")",
        parameters: tensors, torch: self
      ) { xs in
        let y = try Tensor.matmul(xs[0], w.T, style: .torch)
        return try b.map { try Tensor.binary(.add, y, $0, style: .torch) } ?? y
      }
      layer.outputGradName = { xs in
        xs.first?.rank == 2 ? (hasBias ? "AddmmBackward0" : "MmBackward0") : nil
      }
      return .native(layer)
    }
    def(nn, "ReLU") { _ in .native(TorchLayer("ReLU", torch: self) { try $0[0].relu() }) }
    def(nn, "Tanh") { _ in .native(TorchLayer("Tanh", torch: self) { try $0[0].tanh() }) }
    def(nn, "Sigmoid") { _ in .native(TorchLayer("Sigmoid", torch: self) { try $0[0].sigmoid() }) }
    def(nn, "Softmax") { a in
      let d = try self.rt.toInt(try a.required(0, "dim"))
      return .native(
        TorchLayer("Softmax", extra: "dim=\(d)", torch: self) {
          try Functional.softmax($0[0], axis: d)
        })
    }
    def(nn, "LogSoftmax") { a in
      let d = try self.rt.toInt(try a.required(0, "dim"))
      return .native(
        TorchLayer("LogSoftmax", extra: "dim=\(d)", torch: self) {
          try Functional.logSoftmax($0[0], axis: d)
        })
    }
    def(nn, "Sequential") { a in
      let layers = try a.positional.map { v -> TorchLayer in
        guard case .native(let l as TorchLayer) = v else {
          throw PyException(.typeError, "\(self.rt.typeName(v)) is not a Module subclass")
        }
        return l
      }
      return .native(
        TorchLayer("Sequential", children: layers, torch: self) { xs in
          var x = xs[0]
          for l in layers { x = try l.forward([x]) }
          return x
        })
    }
    func loss(
      _ name: String, _ body: @escaping (Tensor, Tensor, Functional.Reduction) throws -> Tensor
    ) {
      def(nn, name) { a in
        let r = try self.reduction(a)
        let layer = TorchLayer(name, torch: self) { try body($0[0], $0[1], r) }
        layer.outputGradName = { _ in TorchContext.lossNodeName(name, r) }
        return .native(layer)
      }
    }
    nn["Module"] = .type(makeModuleClass())
    def(nn, "Parameter") { a in
      var t = try self.tensor(try a.required(0, "data")).detached()
      let flag = try a.value(1, "requires_grad").map { try self.rt.isTrue($0) } ?? true
      try bridged { try t.setRequiresGrad(flag) }
      return .native(TorchTensor(t, torch: self, isParameter: true))
    }
    loss("CrossEntropyLoss") { try Functional.crossEntropy($0, $1, reduction: $2) }
    loss("NLLLoss") { try Functional.nllLoss($0, $1, reduction: $2) }
    loss("MSELoss") { try Functional.mseLoss($0, $1, reduction: $2) }

    // optim
    func params(_ v: PyValue) throws -> [Tensor] {
      try rt.toArray(v).map { p in
        guard case .native(let t as TorchTensor) = p else {
          throw PyException(.typeError, "optimizer can only optimize Tensors")
        }
        return t.tensor
      }
    }
    def(optim, "SGD") { a in
      let ps = try params(try a.required(0, "params"))
      let lr = try self.rt.double(try a.required(1, "lr"))
      let momentum = try a.keyword("momentum").map { try self.rt.double($0) } ?? 0
      let wd = try a.keyword("weight_decay").map { try self.rt.double($0) } ?? 0
      return .native(
        TorchOptimizer("SGD", SGD(ps, learningRate: lr, momentum: momentum, weightDecay: wd)))
    }
    def(optim, "Adam") { a in
      let ps = try params(try a.required(0, "params"))
      let lr = try a.value(1, "lr").map { try self.rt.double($0) } ?? 1e-3
      return .native(TorchOptimizer("Adam", Adam(ps, learningRate: lr)))
    }
    return (nn, f, optim)
  }
}
