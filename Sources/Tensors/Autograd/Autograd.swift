/// Autograd state of a tensor: shared by every copy of the same `Tensor` value, like a Python
/// reference to a `torch.Tensor`, so `.grad` accumulates on the leaf whichever copy is used.
final class AutogradMeta {
  var requiresGrad = true
  var grad: Tensor?
  /// The node that produced this tensor; nil for leaves.
  var gradFn: Node?
  var retainsGrad = false
  /// Gradient being accumulated during one backward pass.
  var pending: Tensor?
  /// The backward pass that last visited this tensor (graph traversal without a hash set).
  /// Held strongly so a later pass's token can never reuse its address.
  var visitMark: BackwardPass?
}

/// Identifies one backward traversal.
final class BackwardPass {}

/// One recorded operation of the define-by-run tape.
///
/// `backward` maps the gradient of the output to one gradient per input (nil where an input
/// needs none); it is dropped after a backward pass unless the graph is retained.
final class Node {
  let name: String
  let inputs: [AutogradMeta?]
  var backward: ((Tensor) throws -> [Tensor?])?

  init(_ name: String, _ inputs: [AutogradMeta?], _ backward: @escaping (Tensor) throws -> [Tensor?]) {
    self.name = name
    self.inputs = inputs
    self.backward = backward
  }
}

/// Whether operations record the tape (`torch.no_grad` turns it off for a scope).
public enum GradMode {
  @TaskLocal static var enabled = true

  /// Whether operations currently record autograd history.
  public static var isEnabled: Bool { enabled }

  /// Runs `body` without recording autograd history.
  public static func withNoGrad<R>(_ body: () throws -> R) rethrows -> R {
    try $enabled.withValue(false, operation: body)
  }

  /// Runs `body` with recording explicitly on or off.
  public static func withGradEnabled<R>(_ on: Bool, _ body: () throws -> R) rethrows -> R {
    try $enabled.withValue(on, operation: body)
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
    let m = AutogradMeta()
    m.gradFn = Node(name, [input.meta], backward)
    meta = m
  }

  /// Attaches a node over several inputs when any of them needs a gradient.
  mutating func record(
    _ inputs: [Tensor], _ name: String, _ backward: @escaping (Tensor) throws -> [Tensor?]
  ) {
    guard inputs.contains(where: { $0.meta?.requiresGrad == true }), GradMode.enabled else {
      return
    }
    let m = AutogradMeta()
    m.gradFn = Node(name, inputs.map(Tensor.gradMeta), backward)
    meta = m
  }

  // MARK: Public autograd API

  /// Whether gradients flow to this tensor.
  public var requiresGrad: Bool { meta?.requiresGrad ?? false }

  /// Whether this tensor was created by the user rather than by a recorded operation.
  public var isLeaf: Bool { meta?.gradFn == nil }

  /// The name of the operation that produced this tensor (`"AddBackward0"`), like `grad_fn`.
  public var gradFunctionName: String? { meta?.gradFn?.name }

  /// Turns gradient tracking on or off for a leaf (`requires_grad_`).
  public mutating func setRequiresGrad(_ flag: Bool = true) throws {
    if let m = meta {
      guard m.gradFn == nil || flag else {
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
    let order = Tensor.topologicalOrder(root)
    try GradMode.withNoGrad {
      root.pending = seed
      for m in order {
        guard var g = m.pending else { continue }
        m.pending = nil
        guard let fn = m.gradFn else {
          if var old = m.grad {
            m.grad = nil
            // Accumulate in place when nobody else holds the old gradient, as PyTorch does.
            if isKnownUniquelyReferenced(&old.storage), old.shape == g.shape, old.dtype == g.dtype,
              old.isContiguous
            {
              _ = try Tensor.binaryRaw(.add, old, g, computeType: old.dtype, into: old)
              m.grad = old
            } else {
              m.grad = try old + g
            }
          } else {
            if !isKnownUniquelyReferenced(&g.storage) || !g.isContiguous { g = g.rawCopy() }
            m.grad = g
          }
          continue
        }
        if m.retainsGrad {
          if let old = m.grad { m.grad = try old + g } else { m.grad = g.rawCopy() }
        }
        guard let bw = fn.backward else {
          throw TensorError(
            .autograd,
            "Trying to backward through the graph a second time (or directly access saved "
              + "tensors after they have already been freed). Specify retain_graph=True if "
              + "you need to backward through the graph a second time.")
        }
        let grads = try bw(g)
        if !retainGraph { fn.backward = nil }
        for (input, gi) in zip(fn.inputs, grads) {
          guard let input, let gi else { continue }
          if let p = input.pending { input.pending = try p + gi } else { input.pending = gi }
        }
      }
    }
  }

  /// Metas reachable from `root`, each before the inputs of its node.
  static func topologicalOrder(_ root: AutogradMeta) -> [AutogradMeta] {
    // One op over leaves (the common tiny graph) needs no traversal.
    if let inputs = root.gradFn?.inputs, inputs.count <= 2,
      inputs.allSatisfy({ $0 == nil || $0!.gradFn == nil })
    {
      var order = [root]
      for case let m? in inputs where !order.contains(where: { $0 === m }) { order.append(m) }
      return order
    }
    let mark = BackwardPass()
    var post: [AutogradMeta] = []
    var stack: [(AutogradMeta, Int)] = [(root, 0)]
    root.visitMark = mark
    while let (m, i) = stack.popLast() {
      let inputs = m.gradFn?.inputs ?? []
      if i < inputs.count {
        stack.append((m, i + 1))
        if let next = inputs[i], next.visitMark !== mark {
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
    if let m = meta, m.requiresGrad, m.gradFn == nil, GradMode.enabled {
      throw TensorError(
        .autograd,
        "a leaf Variable that requires grad is being used in an in-place operation.")
    }
  }
}
