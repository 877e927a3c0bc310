import Foundation
import Tensors

/// A `torch.optim` optimizer: one `Tensors` optimizer per parameter group, whose
/// hyperparameters are read from the group's dict before every step, so that writing
/// `group['lr']` (by hand or from a scheduler) takes effect as in PyTorch.
final class TorchOptimizer: PyNativeObject {
  let name: String
  let groups: PyList
  var optimizers: [any Optimizer]
  let sync: (PyDict, any Optimizer) throws -> Void
  let torch: TorchContext

  init(
    _ name: String, groups: PyList, optimizers: [any Optimizer], torch: TorchContext,
    sync: @escaping (PyDict, any Optimizer) throws -> Void
  ) {
    self.name = name
    self.groups = groups
    self.optimizers = optimizers
    self.torch = torch
    self.sync = sync
  }

  var typeName: String { name }

  /// Each group's `lr`.
  func learningRates() throws -> [Double] { try groupDicts.map { try rate($0, "lr") } }

  /// A group's learning rate under `key` (`lr`, `initial_lr`).
  func rate(_ group: PyDict, _ key: String) throws -> Double {
    try torch.rt.double(group.get(key) ?? .int(0))
  }

  var groupDicts: [PyDict] {
    groups.items.compactMap { if case .dict(let d) = $0 { return d } else { return nil } }
  }

  func parameters(_ g: PyDict) -> [Tensor] {
    guard case .list(let l)? = g.get("params") else { return [] }
    return l.items.compactMap {
      if case .native(let t as TorchTensor) = $0 { return t.tensor } else { return nil }
    }
  }

  func repr() throws -> String {
    var out = "\(name) ("
    for (i, g) in groupDicts.enumerated() {
      out += "\nParameter Group \(i)\n"
      let keys = g.keys.compactMap { if case .str(let s) = $0 { return s } else { return nil } }
      for k in keys.sorted() where k != "params" {
        out += "    \(k): \(try torch.rt.str(g.get(k) ?? .none))\n"
      }
    }
    return out + ")"
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "param_groups": return .list(groups)
    case "step":
      return .builtin(
        PyBuiltin(name) { [self] args, kwargs in
          var loss = PyValue.none
          if let closure = Arguments(name, args, kwargs).value(0, "closure"),
            !NumPyContext.isNoneLiteral(closure)
          {
            loss = try torch.rt.call(closure, [])
          }
          for (g, o) in zip(groupDicts, optimizers) {
            try sync(g, o)
            try bridged { try o.step() }
          }
          return loss
        })
    case "zero_grad":
      return .builtin(
        PyBuiltin(name) { [self] args, kwargs in
          let toNone =
            try Arguments(name, args, kwargs).value(0, "set_to_none").map {
              try torch.rt.isTrue($0)
            } ?? true
          for g in groupDicts {
            for p in parameters(g) {
              guard let grad = p.grad else { continue }
              if toNone {
                p.grad = nil
              } else {
                try bridged { try GradMode.withNoGrad { try grad.fillInPlace(.int(0)) } }
              }
            }
          }
          return .none
        })
    case "defaults":
      let d = PyDict()
      if let g = groupDicts.first {
        for (k, v) in g.items where !(k.isString("params") || k.isString("initial_lr")) {
          try d.set(k, v)
        }
      }
      return .dict(d)
    default: return nil
    }
  }
}

extension TorchContext {
  /// The parameter groups of an optimizer's first argument: an iterable of tensors or of dicts
  /// with `params` and per-group options.
  func parameterGroups(_ v: PyValue, defaults: [(String, PyValue)]) throws -> PyList {
    let items = try rt.toArray(v)
    guard !items.isEmpty else {
      throw PyException(.valueError, "optimizer got an empty parameter list")
    }
    func tensors(_ v: PyValue) throws -> PyValue {
      let ps = try rt.toArray(v)
      for p in ps {
        guard case .native(_ as TorchTensor) = p else {
          throw PyException(
            .typeError,
            "optimizer can only optimize Tensors, but one of the params is "
              + rt.typeName(p))
        }
      }
      return .list(PyList(ps))
    }
    var specs: [PyDict] = []
    if case .dict = items[0] {
      for item in items {
        guard case .dict(let d) = item else {
          throw PyException(.typeError, "param groups must be dicts")
        }
        specs.append(d)
      }
    } else {
      let d = PyDict()
      d.set("params", .list(PyList(items)))
      specs = [d]
    }
    return PyList(
      try specs.map { spec in
        let g = PyDict()
        g.set("params", try tensors(spec.get("params") ?? .list(PyList())))
        for (k, v) in defaults { g.set(k, spec.get(k) ?? v) }
        for (k, v) in spec.items where !(try g.contains(k)) { try g.set(k, v) }
        return .dict(g)
      })
  }

  func makeOptim() -> PyModule {
    let optim = PyModule(name: "torch.optim")
    let rt = self.rt
    func num(_ g: PyDict, _ k: String) throws -> Double { try rt.double(g.get(k) ?? .int(0)) }
    func flag(_ g: PyDict, _ k: String) throws -> Bool { try rt.isTrue(g.get(k) ?? .bool(false)) }
    func pair(_ g: PyDict, _ k: String) throws -> (Double, Double) {
      let xs = try rt.toArray(g.get(k) ?? .tuple([])).map { try rt.double($0) }
      guard xs.count == 2 else { throw PyException(.valueError, "\(k) must be a pair") }
      return (xs[0], xs[1])
    }
    func unsupported(_ g: PyDict, _ keys: [String], _ name: String) throws {
      for k in keys where try flag(g, k) {
        throw PyException(
          .notImplementedError, "\(name)(\(k)=True) is not supported in journal cells")
      }
    }
    /// Declares an optimizer from its PyTorch signature (positional order after `params`) and
    /// its keyword-only defaults.
    func define(
      _ name: String, _ positional: [(String, PyValue)], _ keywordOnly: [(String, PyValue)],
      make: @escaping (PyDict, [Tensor]) throws -> any Optimizer,
      sync: @escaping (PyDict, any Optimizer) throws -> Void
    ) {
      // The declared signature gives the groups' defaults, in PyTorch's order; parameters the
      // engine lacks are refused by the binding unless left at their default.
      let signature = TorchSignatures.optim.signature(name)
      optim.define(name, in: TorchSignatures.optim) { [unowned self] a in
        var defaults: [(String, PyValue)] = []
        for p in signature.parameters.dropFirst() {
          defaults.append((p.name, a.value(p.name) ?? p.defaultValue?.value ?? .none))
        }
        // AdamW is Adam with the weight decay decoupled, a group default of its own.
        for (k, v) in positional + keywordOnly where !defaults.contains(where: { $0.0 == k }) {
          defaults.append((k, v))
        }
        let groups = try self.parameterGroups(try a.required("params"), defaults: defaults)
        var optimizers: [any Optimizer] = []
        for case .dict(let g) in groups.items {
          let ps = try rt.toArray(g.get("params") ?? .none).compactMap { v -> Tensor? in
            if case .native(let t as TorchTensor) = v { return t.tensor }
            return nil
          }
          let o = try make(g, ps)
          try sync(g, o)
          optimizers.append(o)
        }
        return .native(
          TorchOptimizer(name, groups: groups, optimizers: optimizers, torch: self, sync: sync))
      }
    }
    let common: [(String, PyValue)] = [
      ("foreach", .none), ("maximize", .bool(false)), ("differentiable", .bool(false)),
    ]
    define(
      "SGD",
      [
        ("lr", .float(1e-3)), ("momentum", .int(0)), ("dampening", .int(0)),
        ("weight_decay", .int(0)), ("nesterov", .bool(false)),
      ], common + [("fused", .none)],
      make: { g, ps in
        try unsupported(g, ["maximize"], "SGD")
        if try flag(g, "nesterov"), try num(g, "momentum") <= 0 || num(g, "dampening") != 0 {
          throw PyException(.valueError, "Nesterov momentum requires a momentum and zero dampening")
        }
        return SGD(ps, learningRate: try num(g, "lr"))
      },
      sync: { g, o in
        guard let s = o as? SGD else { return }
        s.learningRate = try num(g, "lr")
        s.momentum = try num(g, "momentum")
        s.dampening = try num(g, "dampening")
        s.weightDecay = try num(g, "weight_decay")
        s.nesterov = try flag(g, "nesterov")
      })
    for (name, decay, decoupled) in [
      ("Adam", PyValue.int(0), false), ("AdamW", .float(1e-2), true),
    ] {
      define(
        name,
        [
          ("lr", .float(1e-3)), ("betas", .tuple([.float(0.9), .float(0.999)])),
          ("eps", .float(1e-8)), ("weight_decay", decay), ("amsgrad", .bool(false)),
        ],
        [
          ("foreach", .none), ("maximize", .bool(false)), ("capturable", .bool(false)),
          ("differentiable", .bool(false)), ("fused", .none),
          ("decoupled_weight_decay", .bool(decoupled)),
        ],
        make: { g, ps in
          try unsupported(g, ["amsgrad", "maximize"], name)
          return Adam(ps)
        },
        sync: { g, o in
          guard let s = o as? Adam else { return }
          s.learningRate = try num(g, "lr")
          (s.beta1, s.beta2) = try pair(g, "betas")
          s.eps = try num(g, "eps")
          s.weightDecay = try num(g, "weight_decay")
          s.decoupledWeightDecay = try flag(g, "decoupled_weight_decay")
        })
    }
    define(
      "RMSprop",
      [
        ("lr", .float(1e-2)), ("alpha", .float(0.99)), ("eps", .float(1e-8)),
        ("weight_decay", .int(0)), ("momentum", .int(0)), ("centered", .bool(false)),
        ("capturable", .bool(false)), ("foreach", .none), ("maximize", .bool(false)),
        ("differentiable", .bool(false)),
      ], [],
      make: { g, ps in
        try unsupported(g, ["maximize"], "RMSprop")
        return RMSprop(ps)
      },
      sync: { g, o in
        guard let s = o as? RMSprop else { return }
        s.learningRate = try num(g, "lr")
        s.alpha = try num(g, "alpha")
        s.eps = try num(g, "eps")
        s.weightDecay = try num(g, "weight_decay")
        s.momentum = try num(g, "momentum")
        s.centered = try flag(g, "centered")
      })
    define(
      "Adagrad",
      [
        ("lr", .float(1e-2)), ("lr_decay", .int(0)), ("weight_decay", .int(0)),
        ("initial_accumulator_value", .int(0)), ("eps", .float(1e-10)), ("foreach", .none),
      ], [("maximize", .bool(false)), ("differentiable", .bool(false)), ("fused", .none)],
      make: { g, ps in
        try unsupported(g, ["maximize"], "Adagrad")
        return Adagrad(
          ps, learningRate: try num(g, "lr"),
          initialAccumulatorValue: try num(g, "initial_accumulator_value"),
          eps: try num(g, "eps"))
      },
      sync: { g, o in
        guard let s = o as? Adagrad else { return }
        s.learningRate = try num(g, "lr")
        s.lrDecay = try num(g, "lr_decay")
        s.weightDecay = try num(g, "weight_decay")
        s.eps = try num(g, "eps")
      })
    optim["lr_scheduler"] = .module(makeScheduler())
    return optim
  }
}

/// `optim.lr_scheduler`'s epoch schedules: a `Tensors` `LRScheduler` whose rates are read from
/// and written to the optimizer's parameter groups, so a rate written by hand carries on.
final class TorchScheduler: PyNativeObject {
  let name: String
  let optimizer: TorchOptimizer
  let schedule: LRScheduler
  let torch: TorchContext

  init(_ name: String, _ optimizer: TorchOptimizer, torch: TorchContext, rule: LRScheduler.Rule)
    throws
  {
    self.name = name
    self.optimizer = optimizer
    self.torch = torch
    for g in optimizer.groupDicts where g.get("initial_lr") == nil {
      g.set("initial_lr", g.get("lr") ?? .none)
    }
    schedule = LRScheduler(
      rule, baseRates: try optimizer.groupDicts.map { try optimizer.rate($0, "initial_lr") })
    try write(try schedule.initialRates(from: try optimizer.learningRates()))
  }

  var typeName: String { name }

  /// Writes the rates that changed (an unchanged `lr` keeps its Python type, as in PyTorch).
  func write(_ rates: [Double]) throws {
    for (g, new) in zip(optimizer.groupDicts, rates) where try optimizer.rate(g, "lr") != new {
      g.set("lr", .float(new))
    }
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "step":
      return .builtin(
        PyBuiltin(name) { [self] _, _ in
          try write(try schedule.rates(from: try optimizer.learningRates()))
          return .none
        })
    case "get_last_lr":
      return .builtin(
        PyBuiltin(name) { [self] _, _ in .list(PyList(schedule.lastRates.map { .float($0) })) })
    case "last_epoch": return .int(schedule.epoch)
    case "optimizer": return .native(optimizer)
    case "base_lrs":
      return .list(
        PyList(optimizer.groupDicts.map { $0.get("initial_lr") ?? .none }))
    default: return nil
    }
  }
}

/// `ReduceLROnPlateau`: a `Tensors` `ReduceLROnPlateau` over the optimizer's parameter groups.
final class TorchPlateau: PyNativeObject {
  let optimizer: TorchOptimizer
  let schedule: ReduceLROnPlateau
  let torch: TorchContext
  var lastLR: [Double]

  init(_ optimizer: TorchOptimizer, torch: TorchContext, schedule: ReduceLROnPlateau) throws {
    self.optimizer = optimizer
    self.torch = torch
    self.schedule = schedule
    lastLR = try optimizer.learningRates()
  }

  var typeName: String { "ReduceLROnPlateau" }

  func step(_ metric: Double) throws {
    let current = try optimizer.learningRates()
    let rates = schedule.rates(after: metric, from: current)
    for (g, (old, new)) in zip(optimizer.groupDicts, zip(current, rates)) where new != old {
      g.set("lr", .float(new))
    }
    lastLR = try optimizer.learningRates()
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "step":
      return .builtin(
        PyBuiltin(name) { [self] args, kwargs in
          let m = try Arguments(name, args, kwargs).required(0, "metrics")
          let v: Double
          if case .native(let t as TorchTensor) = m {
            v = try t.tensor.reshaped([]).item().doubleValue
          } else {
            v = try torch.rt.double(m)
          }
          try step(v)
          return .none
        })
    case "get_last_lr":
      return .builtin(PyBuiltin(name) { [self] _, _ in .list(PyList(lastLR.map { .float($0) })) })
    case "best": return .float(schedule.best)
    case "num_bad_epochs": return .int(schedule.badEpochs)
    case "last_epoch": return .int(schedule.epoch)
    default: return nil
    }
  }
}

extension TorchContext {
  func makeScheduler() -> PyModule {
    let m = PyModule(name: "torch.optim.lr_scheduler")
    let rt = self.rt
    func optimizer(_ v: PyValue) throws -> TorchOptimizer {
      guard case .native(let o as TorchOptimizer) = v else {
        throw PyException(.typeError, "\(rt.typeName(v)) is not an Optimizer")
      }
      return o
    }
    func define(_ name: String, _ body: @escaping (Arguments) throws -> LRScheduler.Rule) {
      m.define(name, in: TorchSignatures.lrScheduler) { [unowned self] a in
        let o = try optimizer(try a.required("optimizer"))
        return .native(try TorchScheduler(name, o, torch: self, rule: try body(a)))
      }
    }
    func gamma(_ a: Arguments) throws -> Double {
      try a.value("gamma").map { try rt.double($0) } ?? 0.1
    }
    define("StepLR") { a in
      .step(stepSize: try rt.toInt(try a.required("step_size")), gamma: try gamma(a))
    }
    define("MultiStepLR") { a in
      .multiStep(
        milestones: try rt.toArray(try a.required("milestones")).map { try rt.toInt($0) },
        gamma: try gamma(a))
    }
    define("ExponentialLR") { a in .exponential(gamma: try rt.double(try a.required("gamma"))) }
    define("LambdaLR") { a in
      let fn = try a.required("lr_lambda")
      switch fn {
      case .list, .tuple:
        throw PyException(
          .notImplementedError,
          "LambdaLR(lr_lambda=list) (one function per group) is not supported in journal cells")
      default: return .lambda { epoch in try rt.double(try rt.call(fn, [.int(epoch)])) }
      }
    }
    m.define("ReduceLROnPlateau", in: TorchSignatures.lrScheduler) { [unowned self] a in
      let o = try optimizer(try a.required("optimizer"))
      let mode = try a.value("mode").map { try rt.string($0, "mode") } ?? "min"
      guard mode == "min" || mode == "max" else {
        throw PyException(.valueError, "mode \(mode) is unknown!")
      }
      let factor = try a.value("factor").map { try rt.double($0) } ?? 0.1
      guard factor < 1 else { throw PyException(.valueError, "Factor should be < 1.0.") }
      let threshold = try a.value("threshold").map { try rt.double($0) } ?? 1e-4
      let thresholdMode =
        try a.value("threshold_mode").map { try rt.string($0, "threshold_mode") } ?? "rel"
      guard thresholdMode == "rel" || thresholdMode == "abs" else {
        throw PyException(.valueError, "threshold mode \(thresholdMode) is unknown!")
      }
      var minRates = [0.0]
      if let v = a.value("min_lr") {
        switch v {
        case .list, .tuple:
          minRates = try rt.toArray(v).map { try rt.double($0) }
          guard minRates.count == o.groupDicts.count else {
            throw PyException(
              .valueError, "expected \(o.groupDicts.count) min_lrs, got \(minRates.count)")
          }
        default: minRates = [try rt.double(v)]
        }
      }
      let schedule = ReduceLROnPlateau(
        maximize: mode == "max", factor: factor,
        patience: try a.value("patience").map { try rt.toInt($0) } ?? 10,
        threshold: thresholdMode == "rel" ? .relative(threshold) : .absolute(threshold),
        cooldown: try a.value("cooldown").map { try rt.toInt($0) } ?? 0,
        minRates: minRates,
        eps: try a.value("eps").map { try rt.double($0) } ?? 1e-8)
      return .native(try TorchPlateau(o, torch: self, schedule: schedule))
    }
    return m
  }
}
