import Foundation
import Tensors

/// Activations, losses and containers of `torch.nn`.
extension TorchContext {
  func defineActivations(_ nn: PyModule) {
    func simple(_ name: String, _ gradName: String?, _ body: @escaping (Tensor) throws -> Tensor) {
      defineLayer(
        nn, name, file: "activation",
        extra: { [unowned self] m in
          try self.boolAttr(m, "inplace") ? "inplace=True" : ""
        },
        initialize: { m, a in m.attributes.set("inplace", a.value(0, "inplace") ?? .bool(false)) },
        forward: { [unowned self] _, a in self.named(gradName, try body(try self.input(a))) })
    }
    simple("ReLU", nil) { try $0.relu() }
    // PyTorch's Tanh and Sigmoid take any arguments and use none.
    let ignoring: (PyInstance, Arguments) throws -> Void = { _, a in
      _ = a.rest()
      _ = a.extraKeywords()
    }
    defineLayer(
      nn, "Tanh", file: "activation", initialize: ignoring,
      forward: { [unowned self] _, a in self.wrap(try self.input(a).tanh()) })
    defineLayer(
      nn, "Sigmoid", file: "activation", initialize: ignoring,
      forward: { [unowned self] _, a in self.wrap(try self.input(a).sigmoid()) })
    defineLayer(
      nn, "LeakyReLU", file: "activation",
      extra: { [unowned self] m in
        "negative_slope=\(try self.pyRepr(self.attr(m, "negative_slope")))"
          + (try self.boolAttr(m, "inplace") ? ", inplace=True" : "")
      },
      initialize: { m, a in
        m.attributes.set("negative_slope", a.value(0, "negative_slope") ?? .float(0.01))
        m.attributes.set("inplace", a.value(1, "inplace") ?? .bool(false))
      },
      forward: { [unowned self] m, a in
        self.named(
          "LeakyReluBackward0",
          try Functional.leakyRelu(
            try self.input(a), slope: try self.doubleAttr(m, "negative_slope")))
      })
    defineLayer(
      nn, "ELU", file: "activation",
      extra: { [unowned self] m in
        "alpha=\(try self.pyRepr(self.attr(m, "alpha")))"
          + (try self.boolAttr(m, "inplace") ? ", inplace=True" : "")
      },
      initialize: { m, a in
        m.attributes.set("alpha", a.value(0, "alpha") ?? .float(1))
        m.attributes.set("inplace", a.value(1, "inplace") ?? .bool(false))
      },
      forward: { [unowned self] m, a in
        self.named("EluBackward0", try self.elu(try self.input(a), try self.doubleAttr(m, "alpha")))
      })
    defineLayer(
      nn, "Softplus", file: "activation",
      extra: { [unowned self] m in
        "beta=\(try self.pyRepr(self.attr(m, "beta"))), "
          + "threshold=\(try self.pyRepr(self.attr(m, "threshold")))"
      },
      initialize: { m, a in
        m.attributes.set("beta", a.value(0, "beta") ?? .float(1.0))
        m.attributes.set("threshold", a.value(1, "threshold") ?? .float(20.0))
      },
      forward: { [unowned self] m, a in
        self.named(
          "SoftplusBackward0",
          try self.softplus(
            try self.input(a), beta: try self.doubleAttr(m, "beta"),
            threshold: try self.doubleAttr(m, "threshold")))
      })
    for name in ["Softmax", "LogSoftmax"] {
      defineLayer(
        nn, name, file: "activation",
        extra: { [unowned self] m in "dim=\(try self.pyRepr(self.attr(m, "dim")))" },
        initialize: { m, a in m.attributes.set("dim", a.value(0, "dim") ?? .none) },
        forward: { [unowned self] m, a in
          let x = try self.input(a)
          var d = x.rank <= 1 || x.rank == 3 ? 0 : 1
          if case .int(let v) = self.attr(m, "dim") { d = v }
          return self.wrap(
            name == "Softmax"
              ? try Functional.softmax(x, axis: d) : try Functional.logSoftmax(x, axis: d))
        })
    }
  }

  /// `x` where positive, `alpha * (exp(x) - 1)` elsewhere.
  func elu(_ x: Tensor, _ alpha: Double) throws -> Tensor {
    try Tensor.where(x.detached() .> 0.0, x, (x.unary(.expm1)) * alpha)
  }

  /// `log(1 + exp(beta * x)) / beta`, linear where `beta * x` exceeds the threshold.
  func softplus(_ x: Tensor, beta: Double, threshold: Double) throws -> Tensor {
    let bx = try x * beta
    return try Tensor.where(bx.detached() .> threshold, x, bx.exp().unary(.log1p) / beta)
  }

  func weightArgument(_ a: Arguments, _ index: Int) throws -> Tensor? {
    guard let w = a.value(index, "weight"), !NumPyContext.isNoneLiteral(w) else { return nil }
    return try tensor(w)
  }

  static func reduceLoss(_ t: Tensor, _ r: Functional.Reduction) throws -> Tensor {
    switch r {
    case .none: return t
    case .mean: return try t.mean()
    case .sum: return try t.sum()
    }
  }

  /// PyTorch's grad_fn name for the loss output.
  static func lossGradName(_ loss: String, _ r: Functional.Reduction) -> String? {
    switch loss {
    case "CrossEntropyLoss", "NLLLoss": return "NllLossBackward0"
    case "MSELoss": return "MseLossBackward0"
    case "L1Loss":
      return r == .none ? "AbsBackward0" : r == .mean ? "MeanBackward0" : "SumBackward0"
    case "BCELoss": return "BinaryCrossEntropyBackward0"
    case "BCEWithLogitsLoss": return "BinaryCrossEntropyWithLogitsBackward0"
    case "MultiMarginLoss": return "MultiMarginLossBackward0"
    default: return nil
    }
  }

  /// Checks the two shapes PyTorch requires equal for elementwise losses.
  func checkSameSize(_ x: Tensor, _ y: Tensor, _ loss: String) throws {
    guard x.shape != y.shape else { return }
    if loss == "BCELoss" || loss == "BCEWithLogitsLoss" {
      throw PyException(
        .valueError,
        "Using a target size (torch.Size(\(sizeText(y.shape)))) that is different to the input "
          + "size (torch.Size(\(sizeText(x.shape)))) is deprecated. Please ensure they have the "
          + "same size.")
    }
  }

  func lossValue(
    _ name: String, _ x: Tensor, _ y: Tensor, _ r: Functional.Reduction, weight: Tensor?,
    p: Int = 1, margin: Double = 1
  ) throws -> PyValue {
    try checkSameSize(x, y, name)
    let out: Tensor
    switch name {
    case "CrossEntropyLoss":
      out = try Functional.crossEntropy(x, y, weight: weight, reduction: r)
    case "NLLLoss": out = try Functional.nllLoss(x, y, weight: weight, reduction: r)
    case "MSELoss":
      try checkBroadcast(x.shape, y.shape)
      out = try Functional.mseLoss(x, y, reduction: r)
    case "L1Loss":
      try checkBroadcast(x.shape, y.shape)
      out = try Functional.l1Loss(x, y, reduction: r)
    case "BCELoss":
      if try x.detached().min().item().doubleValue < 0 || x.detached().max().item().doubleValue > 1
      {
        throw PyException(
          .runtimeError, "all elements of input should be between 0 and 1")
      }
      var l = try Functional.bceLoss(x, y, reduction: weight == nil ? r : .none)
      if let weight {
        l = try TorchContext.reduceLoss(l * weight, r)
      }
      out = l
    case "BCEWithLogitsLoss":
      var l = try Functional.bceWithLogitsLoss(x, y, reduction: weight == nil ? r : .none)
      if let weight { l = try TorchContext.reduceLoss(l * weight, r) }
      out = l
    case "MultiMarginLoss":
      out = try Functional.multiMarginLoss(x, y, p: p, margin: margin, reduction: r)
    default: throw PyException(.notImplementedError, name)
    }
    return named(TorchContext.lossGradName(name, r), out)
  }

  func defineLosses(_ nn: PyModule) {
    for name in [
      "CrossEntropyLoss", "NLLLoss", "MSELoss", "L1Loss", "BCELoss", "BCEWithLogitsLoss",
      "MultiMarginLoss",
    ] {
      let weighted = ["CrossEntropyLoss", "NLLLoss", "BCELoss", "BCEWithLogitsLoss"].contains(name)
      defineLayer(
        nn, name, file: "loss",
        initialize: { [unowned self] m, a in
          // PyTorch checks the reduction when the loss is computed, not here.
          m.attributes.set(
            "reduction",
            a.value(weighted || name == "MultiMarginLoss" ? 99 : 2, "reduction") ?? .str("mean"))
          if weighted {
            m.attributes.set(
              "weight", try self.weightArgument(a, 0).map { self.buffer($0) } ?? .none)
          }
          if name == "MultiMarginLoss" {
            m.attributes.set("p", a.value(0, "p") ?? .int(1))
            m.attributes.set("margin", a.value(1, "margin") ?? .float(1))
            if let w = a.value(2, "weight"), !NumPyContext.isNoneLiteral(w) {
              throw PyException(
                .notImplementedError, "MultiMarginLoss weight is not supported in journal cells")
            }
          }
          if name == "CrossEntropyLoss", let s = a.keyword("label_smoothing"),
            try self.rt.double(s) != 0
          {
            throw PyException(
              .notImplementedError, "label_smoothing is not supported in journal cells")
          }
        },
        forward: { [unowned self] m, a in
          let text = try self.rt.string(self.attr(m, "reduction"), "reduction")
          guard let r = Functional.Reduction(rawValue: text) else {
            throw PyException(.valueError, "\(text) is not a valid value for reduction")
          }
          let p = name == "MultiMarginLoss" ? try self.intAttr(m, "p") : 1
          let margin = name == "MultiMarginLoss" ? try self.doubleAttr(m, "margin") : 1
          return try self.lossValue(
            name, try self.input(a), try self.input(a, 1, "target"), r,
            weight: try self.tensorAttr(m, "weight"), p: p, margin: margin)
        })
    }
  }

  /// A container method taking exactly `arity` arguments after the instance.
  func containerMethod(
    _ name: String, arity: Int, _ body: @escaping (PyInstance, [PyValue]) throws -> PyValue
  ) -> PyValue {
    .builtin(
      PyBuiltin(name) { args, _ in
        guard case .instance(let me)? = args.first else {
          throw PyException(.typeError, "descriptor '\(name)' requires a 'Module' object")
        }
        guard args.count - 1 == arity else {
          throw PyException(
            .typeError,
            "\(name)() takes \(arity + 1) positional argument\(arity == 0 ? "" : "s") but "
              + "\(args.count) were given")
        }
        return try body(me, Array(args.dropFirst()))
      })
  }

  func defineContainers(_ nn: PyModule) {
    let rt = self.rt
    func children(_ m: PyInstance) -> [PyInstance] { childModules(m).map(\.1) }
    func index(_ m: PyInstance, _ key: PyValue, _ what: String) throws -> PyValue {
      let named = childModules(m)
      let items = named.map(\.1)
      if case .slice(let a, let b, let c) = key {
        let (start, step, count) = try rt.sliceIndices(a, b, c, items.count)
        let out = PyInstance(cls: m.cls)
        out.attributes.set("training", m.attributes.get("training") ?? .bool(true))
        // A Sequential slice keeps the children's names; a ModuleList slice renumbers.
        for k in 0..<count {
          let (name, child) = named[start + k * step]
          out.attributes.set(what == "Sequential" ? name : String(k), .instance(child))
        }
        return .instance(out)
      }
      var i = try rt.toInt(key)
      if i < 0 { i += items.count }
      guard i >= 0 && i < items.count else {
        throw PyException(.indexError, "index \(try rt.toInt(key)) is out of range")
      }
      return .instance(items[i])
    }
    func addChildren(_ m: PyInstance, _ values: [PyValue], from start: Int) throws {
      for (k, v) in values.enumerated() {
        guard moduleInstance(v) != nil else {
          throw PyException(.typeError, "\(rt.typeName(v)) is not a Module subclass")
        }
        m.attributes.set(String(start + k), v)
      }
    }
    for name in ["Sequential", "ModuleList"] {
      let cls = defineLayer(
        nn, name, file: "container",
        initialize: { [unowned self] m, a in
          if name == "Sequential" {
            let given = Array(a.rest())
            if given.count == 1, case .dict(let d) = given[0] {
              for (k, v) in d.items {
                guard self.moduleInstance(v) != nil else {
                  throw PyException(.typeError, "\(rt.typeName(v)) is not a Module subclass")
                }
                m.attributes.set(try rt.string(k, "name"), v)
              }
            } else {
              try addChildren(m, given, from: 0)
            }
          } else if let v = a.value(0, "modules"), !NumPyContext.isNoneLiteral(v) {
            try addChildren(m, try rt.toArray(v), from: 0)
          }
        },
        forward: name == "Sequential"
          ? { m, a in
            var x = try a.required(0, "input")
            for c in children(m) { x = try rt.call(.instance(c), [x]) }
            return x
          } : nil)
      func method(
        _ n: String, arity: Int = 1, _ body: @escaping (PyInstance, [PyValue]) throws -> PyValue
      ) {
        cls.namespace.set(n, containerMethod(n, arity: arity, body))
      }
      method("__getitem__") { me, a in try index(me, a[0], name) }
      method("__len__", arity: 0) { me, _ in .int(children(me).count) }
      method("__iter__", arity: 0) { me, _ in .iterator(.over(children(me).map { .instance($0) })) }
      method("append") { me, a in
        try addChildren(me, [a[0]], from: children(me).count)
        return .instance(me)
      }
      method("extend") { me, a in
        try addChildren(me, try rt.toArray(a[0]), from: children(me).count)
        return .instance(me)
      }
    }
    let dict = defineLayer(
      nn, "ModuleDict", file: "container",
      initialize: { m, a in
        guard let v = a.value(0, "modules"), !NumPyContext.isNoneLiteral(v) else { return }
        let pairs: [(PyValue, PyValue)]
        if case .dict(let d) = v {
          pairs = d.items.map { ($0.key, $0.value) }
        } else {
          pairs = try rt.toArray(v).map { p in
            let kv = try rt.toArray(p)
            guard kv.count == 2 else {
              throw PyException(
                .valueError,
                "ModuleDict update sequence element has length \(kv.count); 2 is required")
            }
            return (kv[0], kv[1])
          }
        }
        for (k, v) in pairs {
          guard self.moduleInstance(v) != nil else {
            throw PyException(.typeError, "\(rt.typeName(v)) is not a Module subclass")
          }
          m.attributes.set(try rt.string(k, "key"), v)
        }
      })
    func dictMethod(
      _ n: String, arity: Int = 1, _ body: @escaping (PyInstance, [PyValue]) throws -> PyValue
    ) {
      dict.namespace.set(n, containerMethod(n, arity: arity, body))
    }
    dictMethod("__getitem__") { me, a in
      let key = try rt.string(a[0], "key")
      guard let c = self.childModules(me).first(where: { $0.0 == key }) else {
        throw PyException(.keyError, key)
      }
      return .instance(c.1)
    }
    dictMethod("__setitem__", arity: 2) { me, a in
      guard self.moduleInstance(a[1]) != nil else {
        throw PyException(.typeError, "\(rt.typeName(a[1])) is not a Module subclass")
      }
      me.attributes.set(try rt.string(a[0], "key"), a[1])
      return .none
    }
    dictMethod("__len__", arity: 0) { me, _ in .int(self.childModules(me).count) }
    dictMethod("__contains__") { me, a in
      let key = try rt.string(a[0], "key")
      return .bool(self.childModules(me).contains { $0.0 == key })
    }
    dictMethod("__iter__", arity: 0) { me, _ in
      .iterator(.over(self.childModules(me).map { .str($0.0) }))
    }
    dictMethod("keys", arity: 0) { me, _ in .list(PyList(self.childModules(me).map { .str($0.0) }))
    }
    dictMethod("values", arity: 0) { me, _ in
      .list(PyList(self.childModules(me).map { .instance($0.1) }))
    }
    dictMethod("items", arity: 0) { me, _ in
      .list(PyList(self.childModules(me).map { .tuple([.str($0.0), .instance($0.1)]) }))
    }
  }
}
