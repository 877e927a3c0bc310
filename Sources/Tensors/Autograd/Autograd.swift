#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Autograd state of a tensor: shared by every copy of the same `Tensor` value, like a Python
/// reference to a `torch.Tensor`, so `.grad` accumulates on the leaf whichever copy is used.
///
/// A non-leaf's meta also holds the recorded operation (PyTorch's `grad_fn`) in its own fields,
/// so recording an op costs one object plus the backward closure's context. `backward` maps the
/// gradient of the output to one gradient per input (nil where an input needs none); it is
/// dropped after a backward pass unless the graph is retained. The first two inputs are stored
/// inline (most ops have one or two), further ones in `moreInputs`.
final class AutogradMeta {
  var requiresGrad = true
  var grad: Tensor?
  var retainsGrad = false
  /// Gradient being accumulated during one backward pass.
  var pending: Tensor?
  /// The backward pass that last visited this tensor (graph traversal without a hash set).
  /// Held strongly so a later pass's token can never reuse its address.
  var visitMark: BackwardPass?

  /// Whether an operation produced this tensor (false for leaves).
  let hasGradFn: Bool
  /// The operation's name (`"AddBackward0"`); empty for leaves.
  let gradFnName: String
  /// Whether the inputs are those PyTorch's node of this name has, in its order: false for a
  /// node renamed after a composite computation (`Tensor.namingGradFunction`).
  let inputsArePyTorchs: Bool
  let input0: AutogradMeta?
  let input1: AutogradMeta?
  let moreInputs: [AutogradMeta?]
  let inputCount: Int
  var backward: ((Tensor) throws -> [Tensor?])?

  /// A leaf.
  init() {
    hasGradFn = false
    gradFnName = ""
    inputsArePyTorchs = true
    input0 = nil
    input1 = nil
    moreInputs = []
    inputCount = 0
  }

  /// The output of a recorded operation.
  init(
    _ name: String, _ input0: AutogradMeta?, _ input1: AutogradMeta?,
    more: [AutogradMeta?] = [], count: Int, inputsArePyTorchs: Bool = true,
    _ backward: ((Tensor) throws -> [Tensor?])?
  ) {
    hasGradFn = true
    gradFnName = name
    self.inputsArePyTorchs = inputsArePyTorchs
    self.input0 = input0
    self.input1 = input1
    moreInputs = more
    inputCount = count
    self.backward = backward
  }

  @inline(__always)
  func input(_ i: Int) -> AutogradMeta? {
    i == 0 ? input0 : i == 1 ? input1 : moreInputs[i - 2]
  }

  /// This node under another name: the same inputs and backward, in a new node, so that
  /// anything else holding this one keeps its name.
  func relabeled(_ name: String, inputsArePyTorchs: Bool) -> AutogradMeta {
    AutogradMeta(
      name, input0, input1, more: moreInputs, count: inputCount,
      inputsArePyTorchs: inputsArePyTorchs, backward)
  }
}

/// A node of the autograd graph as PyTorch shows it (`tensor.grad_fn`, `next_functions`): the
/// operation that made a tensor, or the `AccumulateGrad` of a leaf that requires a gradient.
public struct GradientFunction: Hashable {
  let meta: AutogradMeta

  /// PyTorch's name of the node (`"AddmmBackward0"`, `"AccumulateGrad"`).
  public var name: String { meta.hasGradFn ? meta.gradFnName : "AccumulateGrad" }

  /// Whether `inputs` are the inputs PyTorch's node has, in its order. False for a node that
  /// names a composite computation after PyTorch's single operation: its inputs are the last
  /// step's, not PyTorch's.
  public var inputsArePyTorchs: Bool { meta.inputsArePyTorchs }

  /// One entry per input of the operation: the input's node, nil for an input that needs no
  /// gradient. A leaf's `AccumulateGrad` has none.
  public var inputs: [GradientFunction?] {
    guard meta.hasGradFn else { return [] }
    return (0..<meta.inputCount).map { meta.input($0).map(GradientFunction.init) }
  }

  /// Identifies the node while it lives (the same node gives the same identifier).
  public var identifier: ObjectIdentifier { ObjectIdentifier(meta) }

  public static func == (a: GradientFunction, b: GradientFunction) -> Bool { a.meta === b.meta }
  public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(meta)) }
}

/// Identifies one backward traversal.
final class BackwardPass {}

/// Whether operations record the tape (`torch.no_grad` turns it off for a scope).
public enum GradMode {
  @TaskLocal static var enabledInTask = true

  /// Marks the thread running a backward pass. Backward is synchronous, so a thread-local flag
  /// is exact there, and setting it costs far less than binding a task-local value (which
  /// allocates), a cost every small backward pass would pay.
  static let backwardKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
  }()

  /// Whether operations record autograd history here.
  @inline(__always)
  static var enabled: Bool { enabledInTask && pthread_getspecific(backwardKey) == nil }

  /// Whether operations currently record autograd history.
  public static var isEnabled: Bool { enabled }

  /// Runs `body` without recording autograd history.
  public static func withNoGrad<R>(_ body: () throws -> R) rethrows -> R {
    try $enabledInTask.withValue(false, operation: body)
  }

  /// Runs `body` with recording explicitly on or off.
  public static func withGradEnabled<R>(_ on: Bool, _ body: () throws -> R) rethrows -> R {
    try $enabledInTask.withValue(on, operation: body)
  }

  /// Runs a backward pass's synchronous `body` on this thread without recording.
  static func duringBackward<R>(_ body: () throws -> R) rethrows -> R {
    let previous = pthread_getspecific(backwardKey)
    pthread_setspecific(backwardKey, UnsafeRawPointer(bitPattern: 1))
    defer { pthread_setspecific(backwardKey, previous) }
    return try body()
  }
}

extension Tensor {
  // MARK: Recording

  @inline(__always)
  static func needsGrad(_ a: Tensor) -> Bool {
    if let m = a.meta, m.requiresGrad { return GradMode.enabled }
    return false
  }

  @inline(__always)
  static func needsGrad(_ a: Tensor, _ b: Tensor) -> Bool {
    if a.meta?.requiresGrad == true || b.meta?.requiresGrad == true { return GradMode.enabled }
    return false
  }

  @inline(__always)
  static func gradMeta(_ t: Tensor) -> AutogradMeta? {
    if let m = t.meta, m.requiresGrad { return m }
    return nil
  }

  /// Attaches a node with one input when that input needs a gradient.
  mutating func recordUnary(
    _ input: Tensor, _ name: String, _ backward: @escaping (Tensor) throws -> [Tensor?]
  ) {
    guard Tensor.needsGrad(input) else { return }
    meta = AutogradMeta(name, input.meta, nil, count: 1, backward)
  }

  /// Attaches a node over two inputs when either needs a gradient.
  mutating func record(
    _ a: Tensor, _ b: Tensor, _ name: String, _ backward: @escaping (Tensor) throws -> [Tensor?]
  ) {
    guard Tensor.needsGrad(a, b) else { return }
    meta = AutogradMeta(name, Tensor.gradMeta(a), Tensor.gradMeta(b), count: 2, backward)
  }

  /// Attaches a node over several inputs when any of them needs a gradient.
  mutating func record(
    _ inputs: [Tensor], _ name: String, inputsArePyTorchs: Bool = true,
    _ backward: @escaping (Tensor) throws -> [Tensor?]
  ) {
    guard inputs.contains(where: { $0.meta?.requiresGrad == true }), GradMode.enabled else {
      return
    }
    let metas = inputs.map(Tensor.gradMeta)
    meta = AutogradMeta(
      name, metas.first ?? nil, metas.count > 1 ? metas[1] : nil,
      more: metas.count > 2 ? Array(metas[2...]) : [], count: metas.count,
      inputsArePyTorchs: inputsArePyTorchs, backward)
  }

  // MARK: Public autograd API

  /// These values as the output of an operation defined outside the library (PyTorch's
  /// `torch.autograd.Function`) over `inputs`: `backward` maps the output's gradient to one
  /// gradient per input (nil for none). Shares storage; without an input that needs a gradient,
  /// or with recording off, the values alone.
  public func recordingFunction(
    _ inputs: [Tensor], name: String, backward: @escaping (Tensor) throws -> [Tensor?]
  ) -> Tensor {
    var out = detached()
    out.record(inputs, name, backward)
    return out
  }

  /// Whether gradients flow to this tensor.
  public var requiresGrad: Bool { meta?.requiresGrad ?? false }

  /// The operation that made this tensor (PyTorch's `grad_fn`); nil for a leaf.
  public var gradFunction: GradientFunction? {
    guard let m = meta, m.hasGradFn else { return nil }
    return GradientFunction(meta: m)
  }

  /// The same values, with the operation that made them named `name`: for a result that
  /// several recorded operations computed where PyTorch records one (`F.mse_loss`). The node's
  /// inputs are then the last operation's, which `GradientFunction.inputsArePyTorchs` says
  /// (pass true for a renamed single-input operation). A tensor without a recorded operation is
  /// returned as it is.
  public func namingGradFunction(_ name: String, inputsArePyTorchs: Bool = false) -> Tensor {
    guard let m = meta, m.hasGradFn else { return self }
    var out = self
    out.meta = m.relabeled(name, inputsArePyTorchs: inputsArePyTorchs)
    return out
  }

  /// The same values with the single-input operation that made them named as PyTorch names it
  /// in this context (the `squeeze` inside `matmul` is `SqueezeBackward4`).
  func relabelingGradFunction(_ name: String) -> Tensor {
    guard let m = meta, m.hasGradFn else { return self }
    var out = self
    out.meta = m.relabeled(name, inputsArePyTorchs: true)
    return out
  }

  /// Whether this tensor was created by the user rather than by a recorded operation.
  public var isLeaf: Bool { !(meta?.hasGradFn ?? false) }

  /// The name of the operation that produced this tensor (`"AddBackward0"`), like `grad_fn`.
  public var gradFunctionName: String? { meta.flatMap { $0.hasGradFn ? $0.gradFnName : nil } }

  /// Turns gradient tracking on or off for a leaf (`requires_grad_`).
  public mutating func setRequiresGrad(_ flag: Bool = true) throws {
    if let m = meta {
      guard !m.hasGradFn || flag else {
        throw TensorError(
          .autograd,
          "you can only change requires_grad flags of leaf variables. If you want to use a "
            + "computed variable in a subgraph that doesn't require differentiation use "
            + "var_no_grad = var.detach().")
      }
      m.requiresGrad = flag
      return
    }
    guard flag else { return }
    guard dtype.isFloatingPoint else {
      throw TensorError(.autograd, "only Tensors of floating point dtype can require gradients")
    }
    let m = AutogradMeta()
    meta = m
  }

  /// This tensor with gradient tracking turned on (`requires_grad_()`), for chaining.
  public func requiringGrad(_ flag: Bool = true) throws -> Tensor {
    var t = self
    try t.setRequiresGrad(flag)
    return t
  }

  /// The accumulated gradient of a leaf (or of a tensor that called `retainGrad`).
  public var grad: Tensor? {
    get { meta?.grad }
    nonmutating set { meta?.grad = newValue }
  }

  /// Keeps the gradient of a non-leaf tensor after backward (`retain_grad`).
  public func retainGrad() { meta?.retainsGrad = true }

  /// The same data without autograd history; shares storage.
  public func detached() -> Tensor {
    Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
  }

  /// Computes gradients of this tensor with respect to every leaf that requires them and adds
  /// them to those leaves' `grad`.
  ///
  /// - Parameters:
  ///   - gradient: d(output) for a non-scalar output; defaults to 1 for a one-element tensor.
  ///   - retainGraph: keep the tape so backward can run through it again.
  public func backward(_ gradient: Tensor? = nil, retainGraph: Bool = false) throws {
    guard let root = meta, root.requiresGrad else {
      throw TensorError(
        .autograd, "element 0 of tensors does not require grad and does not have a grad_fn")
    }
    let seed: Tensor
    if let gradient {
      guard gradient.shape == shape else {
        throw TensorError(
          .shape,
          "backward: gradient has shape \(shapeString(gradient.shape)) but output has shape "
            + "\(shapeString(shape))")
      }
      seed = gradient.detached().casted(to: dtype)
    } else {
      guard count == 1 else {
        throw TensorError(.autograd, "grad can be implicitly created only for scalar outputs")
      }
      seed = Tensor.full(shape, .int(1), dtype: dtype)
    }
    try GradMode.duringBackward {
      root.pending = seed
      if Tensor.isSingleOpOverLeaves(root) {
        // The common tiny graph needs no traversal.
        try Tensor.backwardStep(root, retainGraph: retainGraph)
        if let m = root.input0 { try Tensor.backwardStep(m, retainGraph: retainGraph) }
        if let m = root.input1, m !== root.input0 {
          try Tensor.backwardStep(m, retainGraph: retainGraph)
        }
      } else {
        for m in Tensor.topologicalOrder(root) {
          try Tensor.backwardStep(m, retainGraph: retainGraph)
        }
      }
    }
  }

  /// `target += g` for contiguous float tensors of one shape and dtype, without the general
  /// binary op's dispatch; false (nothing done) for any other layout.
  @inline(__always)
  static func addContiguousFloats(_ g: Tensor, into target: Tensor) -> Bool {
    guard g.isContiguous, g.dtype == target.dtype else { return false }
    let n = target.count
    switch target.dtype {
    case .float32:
      let p = target.base(Float.self), q = g.base(Float.self)
      for i in 0..<n { p[i] += q[i] }
    case .float64:
      let p = target.base(Double.self), q = g.base(Double.self)
      for i in 0..<n { p[i] += q[i] }
    default:
      return false
    }
    return true
  }

  /// Whether `root` was made by one op whose inputs (at most two) are leaves.
  @inline(__always)
  static func isSingleOpOverLeaves(_ root: AutogradMeta) -> Bool {
    root.hasGradFn && root.inputCount <= 2 && !(root.input0?.hasGradFn ?? false)
      && !(root.input1?.hasGradFn ?? false)
  }

  /// Passes the gradient pending at `m` to its inputs, or accumulates it into a leaf's `grad`.
  static func backwardStep(_ m: AutogradMeta, retainGraph: Bool) throws {
    guard var g = m.pending.take() else { return }
    guard m.hasGradFn else {
      if var old = m.grad.take() {
        // Accumulate in place when nobody else holds the old gradient, as PyTorch does.
        if isKnownUniquelyReferenced(&old.storage), old.shape == g.shape, old.dtype == g.dtype,
          old.isContiguous
        {
          if !Tensor.addContiguousFloats(g, into: old) {
            _ = try Tensor.binaryRaw(.add, old, g, computeType: old.dtype, into: old)
          }
          m.grad = old
        } else {
          m.grad = try old + g
        }
      } else {
        if !isKnownUniquelyReferenced(&g.storage) || !g.isContiguous { g = g.rawCopy() }
        m.grad = g
      }
      return
    }
    if m.retainsGrad {
      if let old = m.grad { m.grad = try old + g } else { m.grad = g.rawCopy() }
    }
    guard let bw = m.backward else {
      throw TensorError(
        .autograd,
        "Trying to backward through the graph a second time (or directly access saved "
          + "tensors after they have already been freed). Specify retain_graph=True if "
          + "you need to backward through the graph a second time.")
    }
    let grads = try bw(g)
    if !retainGraph { m.backward = nil }
    for i in 0..<Swift.min(m.inputCount, grads.count) {
      guard let input = m.input(i), let gi = grads[i] else { continue }
      if let p = input.pending.take() { input.pending = try p + gi } else { input.pending = gi }
    }
  }

  /// Metas reachable from `root`, each before the inputs of its node.
  static func topologicalOrder(_ root: AutogradMeta) -> [AutogradMeta] {
    let mark = BackwardPass()
    var post: [AutogradMeta] = []
    var stack: [(AutogradMeta, Int)] = [(root, 0)]
    root.visitMark = mark
    while let (m, i) = stack.popLast() {
      if i < m.inputCount {
        stack.append((m, i + 1))
        if let next = m.input(i), next.visitMark !== mark {
          next.visitMark = mark
          stack.append((next, 0))
        }
      } else {
        post.append(m)
      }
    }
    return post.reversed()
  }

  /// Refuses an in-place change of a leaf that requires grad, as PyTorch does.
  func checkInPlaceAllowed() throws {
    if let m = meta, m.requiresGrad, !m.hasGradFn, GradMode.enabled {
      throw TensorError(
        .autograd,
        "a leaf Variable that requires grad is being used in an in-place operation.")
    }
  }
}
