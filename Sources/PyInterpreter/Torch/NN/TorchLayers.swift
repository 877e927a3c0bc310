import Foundation
import Tensors

/// Swift state a built-in layer keeps beside its attributes (a recurrent layer's cell object).
///
/// Such a layer computes with its own tensors, which the module's parameter and buffer
/// attributes share; it remembers those attributes so that replacing one (instead of writing
/// into it) is reported rather than silently ignored.
final class TorchLayerState: PyNativeObject {
  let value: AnyObject
  let shared: [(String, ObjectIdentifier)]

  init(_ value: AnyObject, sharing module: PyInstance) {
    self.value = value
    shared = module.attributes.items.compactMap { k, v in
      guard case .str(let name) = k, name != "num_batches_tracked",
        case .native(let t as TorchTensor) = v
      else { return nil }
      return (name, ObjectIdentifier(t))
    }
  }

  var typeName: String { "_LayerState" }

  func check(_ module: PyInstance) throws {
    for (name, id) in shared {
      guard case .native(let t as TorchTensor)? = module.attributes.get(name),
        ObjectIdentifier(t) == id
      else {
        throw PyException(
          .notImplementedError,
          "\(module.cls.name).\(name) was replaced; journal cells support writing into it "
            + "instead (with torch.no_grad(): layer.\(name).copy_(value))")
      }
    }
  }
}

/// The built-in layers of `torch.nn`: classes deriving from `nn.Module` whose `__init__` sets
/// PyTorch's attributes and parameters (drawn from the session's generator in PyTorch's order)
/// and whose `forward` reads them back, so replacing or editing a parameter takes effect.
extension TorchContext {
  // MARK: Attribute access

  func attr(_ m: PyInstance, _ name: String) -> PyValue { m.attributes.get(name) ?? .none }

  func tensorAttr(_ m: PyInstance, _ name: String) throws -> Tensor? {
    switch attr(m, name) {
    case .none: return nil
    case let v: return try tensor(v)
    }
  }

  func intAttr(_ m: PyInstance, _ name: String) throws -> Int { try rt.toInt(attr(m, name)) }

  func boolAttr(_ m: PyInstance, _ name: String) throws -> Bool { try rt.isTrue(attr(m, name)) }

  func doubleAttr(_ m: PyInstance, _ name: String) throws -> Double {
    try rt.double(attr(m, name))
  }

  /// An int or a tuple of ints as `n` values (`kernel_size=3` is `(3, 3)`). Every window size
  /// of the layers comes through here: kernel sizes, strides and dilations must be positive,
  /// paddings not negative, so the Tensors kernels never see a size they cannot loop over.
  func ints(_ v: PyValue, _ n: Int, _ what: String) throws -> [Int] {
    let xs: [Int]
    switch v {
    case .tuple, .list:
      xs = try rt.toArray(v).map { try rt.toInt($0) }
      guard xs.count == n else {
        throw PyException(.valueError, "\(what) must have \(n) elements, got \(xs.count)")
      }
    default: xs = Array(repeating: try rt.toInt(v), count: n)
    }
    let list = xs.map(String.init).joined(separator: ", ")
    if what == "padding" {
      if xs.contains(where: { $0 < 0 }) {
        throw PyException(.runtimeError, "negative padding is not supported")
      }
    } else if xs.contains(where: { $0 <= 0 }) {
      throw PyException(.runtimeError, "\(what) should be greater than zero, but got (\(list))")
    }
    // Sizes past 2**31 are no window: Int32 in PyTorch, an overflow in window arithmetic here.
    if xs.contains(where: { $0 > Int(Int32.max) }) {
      throw PyException(.runtimeError, "\(what) (\(list)) is too large")
    }
    return xs
  }

  func tuple(_ xs: [Int]) -> PyValue { .tuple(xs.map { .int($0) }) }

  func pyRepr(_ v: PyValue) throws -> String { try rt.repr(v) }

  func pyBool(_ b: Bool) -> String { b ? "True" : "False" }

  func parameter(_ p: TorchParameter) throws -> PyValue {
    let t = try bridged { try Tensor(p.values, shape: p.shape).requiringGrad() }
    return .native(TorchTensor(t, torch: self, isParameter: true))
  }

  func parameter(_ t: Tensor) -> PyValue { .native(TorchTensor(t, torch: self, isParameter: true)) }

  func buffer(_ t: Tensor) -> PyValue {
    let b = TorchTensor(t, torch: self)
    b.isBuffer = true
    return .native(b)
  }

  func sizeText(_ s: [Int]) -> String {
    "[" + s.map(String.init).joined(separator: ", ") + "]"
  }

  // MARK: Defining classes

  /// A built-in layer class: `initialize` receives the instance and the constructor's
  /// arguments, `forward` the instance and the call's, `extra` gives `extra_repr`.
  @discardableResult
  func defineLayer(
    _ nn: PyModule, _ name: String, file: String,
    extra: ((PyInstance) throws -> String)? = nil,
    initialize: @escaping (PyInstance, Arguments) throws -> Void = { _, _ in },
    forward: ((PyInstance, Arguments) throws -> PyValue)? = nil
  ) -> PyClass {
    let cls = PyClass(name: name, base: moduleClass, module: "torch.nn.modules." + file)
    let signature = TorchSignatures.nn.signature(name)
    cls.namespace.set(
      "__init__",
      .builtin(
        PyBuiltin("__init__", signature: signature) { args, kwargs in
          guard case .instance(let me)? = args.first else { return .none }
          let a = try Arguments(binding: Array(args.dropFirst()), kwargs, to: signature)
          me.attributes.set("training", .bool(true))
          try initialize(me, a)
          try a.finish()
          return .none
        }))
    if let forward {
      cls.namespace.set(
        "forward",
        .builtin(
          PyBuiltin("forward") { [unowned self] args, kwargs in
            guard case .instance(let me)? = args.first else { return .none }
            let a = Arguments("forward", Array(args.dropFirst()), kwargs)
            return try self.run { try forward(me, a) }
          }))
    }
    if let extra {
      cls.namespace.set(
        "extra_repr",
        .builtin(
          PyBuiltin("extra_repr") { args, _ in
            guard case .instance(let me)? = args.first else { return .str("") }
            return .str(try extra(me))
          }))
    }
    nn[name] = .type(cls)
    return cls
  }

  func input(_ a: Arguments, _ i: Int = 0, _ name: String = "input") throws -> Tensor {
    try tensor(try a.required(i, name))
  }

  // MARK: Layers

  func defineLayers(_ nn: PyModule) {
    defineLinear(nn)
    defineConvolutions(nn)
    definePooling(nn)
    defineNormalization(nn)
    defineRecurrent(nn)
    defineActivations(nn)
    defineLosses(nn)
    defineContainers(nn)
  }

  func defineLinear(_ nn: PyModule) {
    defineLayer(
      nn, "Linear", file: "linear",
      extra: { [unowned self] m in
        "in_features=\(try self.intAttr(m, "in_features")), "
          + "out_features=\(try self.intAttr(m, "out_features")), "
          + "bias=\(self.pyBool(try self.tensorAttr(m, "bias") != nil))"
      },
      initialize: { [unowned self] m, a in
        let n = try self.rt.toInt(try a.required(0, "in_features"))
        let out = try self.rt.toInt(try a.required(1, "out_features"))
        let hasBias = try a.value(2, "bias").map { try self.rt.isTrue($0) } ?? true
        try self.checkedNew([out, n], copies: 2)
        let ps = self.generator.linearParameters(inFeatures: n, outFeatures: out, bias: hasBias)
        m.attributes.set("in_features", .int(n))
        m.attributes.set("out_features", .int(out))
        m.attributes.set("weight", try self.parameter(ps[0]))
        m.attributes.set("bias", hasBias ? try self.parameter(ps[1]) : .none)
      },
      forward: { [unowned self] m, a in
        let x = try self.input(a)
        guard let w = try self.tensorAttr(m, "weight") else { return .none }
        let b = try self.tensorAttr(m, "bias")
        if x.shape.last != w.shape[1] {
          let rows = x.count / Swift.max(x.shape.last ?? 1, 1)
          throw PyException(
            .runtimeError,
            "mat1 and mat2 shapes cannot be multiplied (\(rows)x\(x.shape.last ?? 0) and "
              + "\(w.shape[1])x\(w.shape[0]))")
        }
        return self.wrap(try Functional.linear(x, weight: w, bias: b))
      })
    defineLayer(
      nn, "Identity", file: "linear",
      // PyTorch's Identity takes any arguments and uses none.
      initialize: { _, a in
        _ = a.rest()
        _ = a.extraKeywords()
      },
      forward: { _, a in try a.required(0, "input") })
  }

  /// `padding=` of a convolution: ints per dimension, `'valid'` or `'same'`.
  func convPadding(_ v: PyValue, dims: Int) throws -> ConvolutionPadding {
    if case .str(let s) = v {
      switch s {
      case "valid": return .valid
      case "same": return .same
      default:
        throw PyException(
          .valueError, "Invalid padding string '\(s)', should be one of {'valid', 'same'}")
      }
    }
    return .explicit(try ints(v, dims, "padding"))
  }

  /// `F.conv1d` / `F.conv2d` with PyTorch's messages for the common mistakes, then `Tensors`'
  /// im2col convolution. The output is named as PyTorch names it.
  func convolution(
    _ x: Tensor, _ w: Tensor, _ b: Tensor?, stride: [Int], padding: ConvolutionPadding,
    dilation: [Int], groups: Int
  ) throws -> PyValue {
    let dims = stride.count
    let op = "conv\(dims)d"
    guard w.rank == dims + 2 else {
      throw PyException(
        .runtimeError,
        "weight should have at least three dimensions, but got \(w.rank) (\(sizeText(w.shape)))")
    }
    guard x.rank == dims + 1 || x.rank == dims + 2 else {
      throw PyException(
        .runtimeError,
        "Expected \(dims + 1)D (unbatched) or \(dims + 2)D (batched) input to \(op), but got "
          + "input of size: \(sizeText(x.shape))")
    }
    let unbatched = x.rank == dims + 1
    let batched = unbatched ? try x.unsqueezed(0) : x
    guard batched.shape[1] == w.shape[1] * groups else {
      throw PyException(
        .runtimeError,
        "Given groups=\(groups), weight of size \(sizeText(w.shape)), expected input"
          + "\(sizeText(batched.shape)) to have \(w.shape[1] * groups) channels, but got "
          + "\(batched.shape[1]) channels instead")
    }
    if case .same = padding, stride.contains(where: { $0 != 1 }) {
      throw PyException(
        .valueError, "padding='same' is not supported for strided convolutions")
    }
    if case .explicit(let pads) = padding {
      let kernel = Array(w.shape.dropFirst(2))
      let padded = (0..<dims).map { batched.shape[2 + $0] + 2 * pads[$0] }
      let effective = (0..<dims).map { dilation[$0] * (kernel[$0] - 1) + 1 }
      if zip(padded, effective).contains(where: { $0 < $1 }) {
        func text(_ v: [Int]) -> String { "(" + v.map(String.init).joined(separator: " x ") + ")" }
        throw PyException(
          .runtimeError,
          "Calculated padded input size per channel: \(text(padded)). Kernel size: "
            + "\(text(effective)). Kernel size can't be greater than actual input size")
      }
    }
    let y =
      dims == 1
      ? try Functional.conv1d(
        x, weight: w, bias: b, stride: stride[0], padding: padding, dilation: dilation[0],
        groups: groups)
      : try Functional.conv2d(
        x, weight: w, bias: b, stride: (stride[0], stride[1]), padding: padding,
        dilation: (dilation[0], dilation[1]), groups: groups)
    return named(unbatched ? "SqueezeBackward1" : "ConvolutionBackward0", y)
  }

  func defineConvolutions(_ nn: PyModule) {
    for dims in [1, 2] {
      let name = "Conv\(dims)d"
      defineLayer(
        nn, name, file: "conv",
        extra: { [unowned self] m in
          var s =
            "\(try self.intAttr(m, "in_channels")), \(try self.intAttr(m, "out_channels")), "
            + "kernel_size=\(try self.pyRepr(self.attr(m, "kernel_size"))), "
            + "stride=\(try self.pyRepr(self.attr(m, "stride")))"
          let padding = self.attr(m, "padding")
          if case .str(let p) = padding {
            s += ", padding=\(p)"
          } else if try self.rt.toArray(padding).contains(where: { try self.rt.toInt($0) != 0 }) {
            s += ", padding=\(try self.pyRepr(padding))"
          }
          let dilation = self.attr(m, "dilation")
          if try self.rt.toArray(dilation).contains(where: { try self.rt.toInt($0) != 1 }) {
            s += ", dilation=\(try self.pyRepr(dilation))"
          }
          if try self.intAttr(m, "groups") != 1 { s += ", groups=\(try self.intAttr(m, "groups"))" }
          if case .none = self.attr(m, "bias") { s += ", bias=False" }
          return s
        },
        initialize: { [unowned self] m, a in
          let cin = try self.rt.toInt(try a.required(0, "in_channels"))
          let cout = try self.rt.toInt(try a.required(1, "out_channels"))
          let kernel = try self.ints(try a.required(2, "kernel_size"), dims, "kernel_size")
          let stride = try self.ints(a.value(3, "stride") ?? .int(1), dims, "stride")
          let dilation = try self.ints(a.value(5, "dilation") ?? .int(1), dims, "dilation")
          let paddingArg = a.value(4, "padding") ?? .int(0)
          let groups = try a.value(6, "groups").map { try self.rt.toInt($0) } ?? 1
          let hasBias = try a.value(7, "bias").map { try self.rt.isTrue($0) } ?? true
          guard groups > 0 else {
            throw PyException(.valueError, "groups must be a positive integer")
          }
          guard cin % groups == 0 else {
            throw PyException(.valueError, "in_channels must be divisible by groups")
          }
          guard cout % groups == 0 else {
            throw PyException(.valueError, "out_channels must be divisible by groups")
          }
          if case .same = try self.convPadding(paddingArg, dims: dims),
            stride.contains(where: { $0 != 1 })
          {
            throw PyException(
              .valueError, "padding='same' is not supported for strided convolutions")
          }
          try self.checkedNew([cout, cin / groups] + kernel, copies: 2)
          let ps = self.generator.convolutionParameters(
            inChannels: cin, outChannels: cout, kernelSize: kernel, groups: groups,
            bias: hasBias)
          m.attributes.set("in_channels", .int(cin))
          m.attributes.set("out_channels", .int(cout))
          m.attributes.set("kernel_size", self.tuple(kernel))
          m.attributes.set("stride", self.tuple(stride))
          if case .str = paddingArg {
            m.attributes.set("padding", paddingArg)
          } else {
            m.attributes.set("padding", self.tuple(try self.ints(paddingArg, dims, "padding")))
          }
          m.attributes.set("dilation", self.tuple(dilation))
          m.attributes.set("groups", .int(groups))
          m.attributes.set("padding_mode", .str("zeros"))
          m.attributes.set("weight", try self.parameter(ps[0]))
          m.attributes.set("bias", hasBias ? try self.parameter(ps[1]) : .none)
        },
        forward: { [unowned self] m, a in
          let x = try self.input(a)
          guard let w = try self.tensorAttr(m, "weight") else { return .none }
          let b = try self.tensorAttr(m, "bias")
          return try self.convolution(
            x, w, b, stride: try self.ints(self.attr(m, "stride"), dims, "stride"),
            padding: try self.convPadding(self.attr(m, "padding"), dims: dims),
            dilation: try self.ints(self.attr(m, "dilation"), dims, "dilation"),
            groups: try self.intAttr(m, "groups"))
        })
    }
  }

  /// Max or average pooling over `[N, C, H, W]` or `[C, H, W]`.
  func pool2d(
    _ kind: Pool2d.Kind, _ x: Tensor, kernel: [Int], stride: [Int], padding: [Int]
  ) throws -> Tensor {
    let unbatched = x.rank == 3
    let x4 = unbatched ? try x.unsqueezed(0) : x
    guard x4.rank == 4 else {
      throw PyException(
        .runtimeError,
        "non-empty 3D or 4D (batch mode) tensor expected for input, but got "
          + sizeText(x.shape))
    }
    for i in 0..<2 where padding[i] * 2 > kernel[i] {
      throw PyException(
        .runtimeError,
        "pad should be at most half of effective kernel size, but got pad=\(padding[i]), "
          + "kernel_size=\(kernel[i]) and dilation=1")
    }
    let oh = (x4.shape[2] + 2 * padding[0] - kernel[0]) / stride[0] + 1
    let ow = (x4.shape[3] + 2 * padding[1] - kernel[1]) / stride[1] + 1
    guard oh > 0, ow > 0 else {
      throw PyException(
        .runtimeError,
        "Given input size: (\(x4.shape[1])x\(x4.shape[2])x\(x4.shape[3])). Calculated output "
          + "size: (\(x4.shape[1])x\(oh)x\(ow)). Output size is too small")
    }
    let pool = Pool2d(
      kind, kernel: (kernel[0], kernel[1]), stride: (stride[0], stride[1]),
      padding: (padding[0], padding[1]))
    let y = try pool(x4)
    return unbatched ? try y.squeezed(axes: [0]) : y
  }

  func adaptiveAvgPool(_ x: Tensor, _ size: PyValue) throws -> PyValue {
    let unbatched = x.rank == 3
    let x4 = unbatched ? try x.unsqueezed(0) : x
    var out: [Int] = []
    switch size {
    case .tuple, .list:
      for (i, p) in try rt.toArray(size).enumerated() {
        if case .none = p { out.append(x4.shape[2 + i]) } else { out.append(try rt.toInt(p)) }
      }
    default: out = [try rt.toInt(size), try rt.toInt(size)]
    }
    guard out.count == 2 else {
      throw PyException(.valueError, "adaptive_avg_pool2d: output_size must be 2")
    }
    guard out.allSatisfy({ $0 >= 0 }) else {
      throw PyException(
        .runtimeError,
        "adaptive_avg_pool2d: elements of output_size must be greater than or "
          + "equal to 0 but received {\(out[0]), \(out[1])}")
    }
    try checkedNew(Array(x4.shape.prefix(2)) + out)
    var y = try Functional.adaptiveAvgPool2d(x4, outputSize: (out[0], out[1]))
    if unbatched { y = try y.squeezed(axes: [0]) }
    return named(out == [1, 1] ? "MeanBackward1" : "AdaptiveAvgPool2DBackward0", y)
  }

  func definePooling(_ nn: PyModule) {
    for (name, kind) in [("MaxPool2d", Pool2d.Kind.max), ("AvgPool2d", .average)] {
      defineLayer(
        nn, name, file: "pooling",
        extra: { [unowned self] m in
          var s =
            "kernel_size=\(try self.pyRepr(self.attr(m, "kernel_size"))), "
            + "stride=\(try self.pyRepr(self.attr(m, "stride"))), "
            + "padding=\(try self.pyRepr(self.attr(m, "padding")))"
          if kind == .max {
            s +=
              ", dilation=\(try self.pyRepr(self.attr(m, "dilation"))), "
              + "ceil_mode=\(try self.pyRepr(self.attr(m, "ceil_mode")))"
          }
          return s
        },
        initialize: { [unowned self] m, a in
          let kernel = try a.required(0, "kernel_size")
          var stride = a.value(1, "stride") ?? .none
          if case .none = stride { stride = kernel }
          m.attributes.set("kernel_size", kernel)
          m.attributes.set("stride", stride)
          m.attributes.set("padding", a.value(2, "padding") ?? .int(0))
          if kind == .max {
            let dilation = a.value(3, "dilation") ?? .int(1)
            guard try self.ints(dilation, 2, "dilation") == [1, 1] else {
              throw PyException(
                .notImplementedError, "MaxPool2d with dilation is not supported in journal cells")
            }
            m.attributes.set("dilation", dilation)
            m.attributes.set("return_indices", .bool(false))
          }
          let ceil = a.value(kind == .max ? 5 : 3, "ceil_mode") ?? .bool(false)
          guard try !self.rt.isTrue(ceil) else {
            throw PyException(
              .notImplementedError, "\(name) with ceil_mode=True is not supported in journal cells")
          }
          m.attributes.set("ceil_mode", .bool(false))
        },
        forward: { [unowned self] m, a in
          let y = try self.pool2d(
            kind, try self.input(a),
            kernel: try self.ints(self.attr(m, "kernel_size"), 2, "kernel_size"),
            stride: try self.ints(self.attr(m, "stride"), 2, "stride"),
            padding: try self.ints(self.attr(m, "padding"), 2, "padding"))
          return self.named(
            kind == .max ? "MaxPool2DWithIndicesBackward0" : "AvgPool2DBackward0", y)
        })
    }
    defineLayer(
      nn, "AdaptiveAvgPool2d", file: "pooling",
      extra: { [unowned self] m in "output_size=\(try self.pyRepr(self.attr(m, "output_size")))" },
      initialize: { m, a in m.attributes.set("output_size", try a.required(0, "output_size")) },
      forward: { [unowned self] m, a in
        try self.adaptiveAvgPool(try self.input(a), self.attr(m, "output_size"))
      })
    defineLayer(
      nn, "Flatten", file: "flatten",
      extra: { [unowned self] m in
        "start_dim=\(try self.intAttr(m, "start_dim")), end_dim=\(try self.intAttr(m, "end_dim"))"
      },
      initialize: { [unowned self] m, a in
        m.attributes.set(
          "start_dim", .int(try a.value(0, "start_dim").map { try self.rt.toInt($0) } ?? 1))
        m.attributes.set(
          "end_dim", .int(try a.value(1, "end_dim").map { try self.rt.toInt($0) } ?? -1))
      },
      forward: { [unowned self] m, a in
        let x = try self.input(a)
        return self.named(
          "ViewBackward0",
          try self.flatten(x, try self.intAttr(m, "start_dim"), try self.intAttr(m, "end_dim")))
      })
    defineLayer(
      nn, "Dropout", file: "dropout",
      extra: { [unowned self] m in
        "p=\(try self.pyRepr(self.attr(m, "p"))), inplace=\(try self.pyRepr(self.attr(m, "inplace")))"
      },
      initialize: { [unowned self] m, a in
        let p = try a.value(0, "p").map { try self.rt.double($0) } ?? 0.5
        guard (0...1).contains(p) else {
          throw PyException(
            .valueError,
            "dropout probability has to be between 0 and 1, but got \(try self.pyRepr(.float(p)))"
          )
        }
        m.attributes.set("p", a.value(0, "p") ?? .float(0.5))
        m.attributes.set("inplace", a.value(1, "inplace") ?? .bool(false))
      },
      forward: { [unowned self] m, a in
        try self.dropout(
          try self.input(a), p: try self.doubleAttr(m, "p"), training: self.isTraining(m))
      })
  }

  func flatten(_ x: Tensor, _ start: Int, _ end: Int) throws -> Tensor {
    guard x.rank > 0 else { return try x.reshaped([1]) }
    let s = start < 0 ? start + x.rank : start, e = end < 0 ? end + x.rank : end
    guard s >= 0, e < x.rank, s <= e else {
      throw PyException(
        .indexError,
        "Dimension out of range (expected to be in range of [\(-x.rank), \(x.rank - 1)], but "
          + "got \(s < 0 || s >= x.rank ? start : end))")
    }
    let shape =
      Array(x.shape[..<s]) + [x.shape[s...e].reduce(1, *)] + Array(x.shape[(e + 1)...])
    return try x.reshaped(shape)
  }

  /// `F.dropout`: PyTorch's mask from the session generator, scaled by `1/(1-p)`.
  func dropout(_ x: Tensor, p: Double, training: Bool) throws -> PyValue {
    guard training, p > 0, x.count > 0 else { return wrap(x) }
    let mask: Tensor
    if x.dtype == .float64 {
      let keep = 1 - p
      let draws = try bridged { try generator.bernoulli(p: keep, count: x.count) }
      mask = try Tensor(draws.map { p == 1 ? 0 : Double($0) / keep }, shape: x.shape)
    } else {
      let values = try bridged { try generator.dropoutMask(p: p, count: x.count) }
      mask = try Tensor(values, shape: x.shape).casted(to: x.dtype)
    }
    return named("MulBackward0", try x * mask)
  }

  func defineNormalization(_ nn: PyModule) {
    for (name, ranks) in [("BatchNorm1d", [2, 3]), ("BatchNorm2d", [4])] {
      defineLayer(
        nn, name, file: "batchnorm",
        extra: { [unowned self] m in
          let affine = try self.boolAttr(m, "affine")
          return "\(try self.intAttr(m, "num_features")), "
            + "eps=\(try self.pyRepr(self.attr(m, "eps"))), "
            + "momentum=\(try self.pyRepr(self.attr(m, "momentum"))), "
            + "affine=\(self.pyBool(affine)), bias=\(self.pyBool(affine)), "
            + "track_running_stats=\(try self.pyRepr(self.attr(m, "track_running_stats")))"
        },
        initialize: { [unowned self] m, a in
          let n = try self.rt.toInt(try a.required(0, "num_features"))
          let eps = try a.value(1, "eps").map { try self.rt.double($0) } ?? 1e-5
          let momentumArg = a.value(2, "momentum") ?? .float(0.1)
          if case .none = momentumArg {
            throw PyException(
              .notImplementedError,
              "\(name) with momentum=None is not supported in journal cells")
          }
          let momentum = try self.rt.double(momentumArg)
          let affine = try a.value(3, "affine").map { try self.rt.isTrue($0) } ?? true
          let track = try a.value(4, "track_running_stats").map { try self.rt.isTrue($0) } ?? true
          try self.checkedNew([n], copies: 4)
          let bn = try bridged { try BatchNorm(n, eps: eps, momentum: momentum) }
          m.attributes.set("num_features", .int(n))
          m.attributes.set("eps", .float(eps))
          m.attributes.set("momentum", momentumArg)
          m.attributes.set("affine", .bool(affine))
          m.attributes.set("track_running_stats", .bool(track))
          m.attributes.set("weight", affine ? self.parameter(bn.weight) : .none)
          m.attributes.set("bias", affine ? self.parameter(bn.bias) : .none)
          m.attributes.set("running_mean", track ? self.buffer(bn.runningMean) : .none)
          m.attributes.set("running_var", track ? self.buffer(bn.runningVar) : .none)
          m.attributes.set(
            "num_batches_tracked", track ? self.buffer(Tensor.zeros([], dtype: .int64)) : .none)
          m.attributes.set("_state", .native(TorchLayerState(bn, sharing: m)))
        },
        forward: { [unowned self] m, a in
          let x = try self.input(a)
          guard ranks.contains(x.rank) else {
            let want = ranks.count == 2 ? "2D or 3D" : "4D"
            throw PyException(.valueError, "expected \(want) input (got \(x.rank)D input)")
          }
          guard case .native(let s as TorchLayerState) = self.attr(m, "_state"),
            let bn = s.value as? BatchNorm
          else { return .none }
          try s.check(m)
          let track = try self.boolAttr(m, "track_running_stats")
          let training = self.isTraining(m) || !track
          if training && track,
            case .native(let n as TorchTensor) = self.attr(m, "num_batches_tracked")
          {
            try GradMode.withNoGrad { try n.tensor.applyInPlace(.add, Tensor(scalar: .int(1))) }
          }
          bn.isTraining = training
          return self.named("NativeBatchNormBackward0", try bn(x))
        })
    }
    defineLayer(
      nn, "LayerNorm", file: "normalization",
      extra: { [unowned self] m in
        let affine = try self.boolAttr(m, "elementwise_affine")
        return "\(try self.pyRepr(self.attr(m, "normalized_shape"))), "
          + "eps=\(try self.pyRepr(self.attr(m, "eps"))), "
          + "elementwise_affine=\(self.pyBool(affine)), bias=\(self.pyBool(affine))"
      },
      initialize: { [unowned self] m, a in
        let shapeArg = try a.required(0, "normalized_shape")
        let shape: [Int]
        switch shapeArg {
        case .tuple, .list: shape = try self.rt.toArray(shapeArg).map { try self.rt.toInt($0) }
        default: shape = [try self.rt.toInt(shapeArg)]
        }
        let eps = try a.value(1, "eps").map { try self.rt.double($0) } ?? 1e-5
        let affine = try a.value(2, "elementwise_affine").map { try self.rt.isTrue($0) } ?? true
        try self.checkedNew(shape, copies: 2)
        let ln = try bridged { try LayerNorm(shape, eps: eps, elementwiseAffine: affine) }
        m.attributes.set("normalized_shape", self.tuple(shape))
        m.attributes.set("eps", .float(eps))
        m.attributes.set("elementwise_affine", .bool(affine))
        m.attributes.set("weight", ln.weight.map { self.parameter($0) } ?? .none)
        m.attributes.set("bias", ln.bias.map { self.parameter($0) } ?? .none)
        m.attributes.set("_state", .native(TorchLayerState(ln, sharing: m)))
      },
      forward: { [unowned self] m, a in
        guard case .native(let s as TorchLayerState) = self.attr(m, "_state"),
          let ln = s.value as? LayerNorm
        else { return .none }
        try s.check(m)
        return self.named("NativeLayerNormBackward0", try ln(try self.input(a)))
      })
    defineLayer(
      nn, "Embedding", file: "sparse",
      extra: { [unowned self] m in
        var s = "\(try self.intAttr(m, "num_embeddings")), \(try self.intAttr(m, "embedding_dim"))"
        if case .int(let p) = self.attr(m, "padding_idx") { s += ", padding_idx=\(p)" }
        return s
      },
      initialize: { [unowned self] m, a in
        let n = try self.rt.toInt(try a.required(0, "num_embeddings"))
        let d = try self.rt.toInt(try a.required(1, "embedding_dim"))
        try self.checkedNew([n, d], copies: 2)
        var values = self.generator.embeddingParameters(count: n, dimension: d)[0]
        var padding = PyValue.none
        if let p = a.value(2, "padding_idx"), case .int(var i) = p {
          guard i < n && i >= -n else {
            throw PyException(
              .valueError,
              "Padding_idx must be within num_embeddings")
          }
          if i < 0 { i += n }
          for k in 0..<d { values.values[i * d + k] = 0 }
          padding = .int(i)
        }
        m.attributes.set("num_embeddings", .int(n))
        m.attributes.set("embedding_dim", .int(d))
        m.attributes.set("padding_idx", padding)
        m.attributes.set("weight", try self.parameter(values))
      },
      forward: { [unowned self] m, a in
        let idx = try self.input(a)
        guard idx.dtype.isInteger else {
          throw PyException(
            .runtimeError,
            "Expected tensor for argument #1 'indices' to have one of the following scalar "
              + "types: Long, Int; but got torch.FloatTensor instead (while checking arguments "
              + "for embedding)")
        }
        guard let w = try self.tensorAttr(m, "weight") else { return .none }
        return self.wrap(try Functional.embedding(idx, weight: w))
      })
  }
}
