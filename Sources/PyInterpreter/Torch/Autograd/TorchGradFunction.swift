import Tensors

/// A `grad_fn`: a node of the autograd graph (`<AddBackward0 object at 0x...>`), with `name()`
/// and `next_functions`.
///
/// `next_functions` lists the node's inputs only where they are PyTorch's: for the operations
/// below, whose `Tensors` node takes the inputs PyTorch's node takes in its order, and only when
/// the node was recorded by that operation itself (not a composite renamed after PyTorch's
/// single operation). Any other node refuses it rather than show a graph PyTorch does not build.
final class TorchGradFunction: PyNativeObject {
  let node: GradientFunction

  /// The nodes whose inputs `Tensors` records as PyTorch does (checked against PyTorch by the
  /// bridge program `331-grad-fn-graph.py`).
  static let inputsLikePyTorchs: Set<String> = [
    "AccumulateGrad", "AddBackward0", "SubBackward0", "MulBackward0", "DivBackward0",
    "NegBackward0", "MmBackward0", "AddmmBackward0", "TBackward0", "ViewBackward0",
    "UnsafeViewBackward0", "SqueezeBackward4", "UnsqueezeBackward0", "ReluBackward0",
    "SigmoidBackward0", "TanhBackward0", "ExpBackward0", "MseLossBackward0",
    "EmbeddingBackward0",
  ]

  init(_ node: GradientFunction) { self.node = node }

  var typeName: String { node.name }

  /// An address-like identifier, as CPython prints an object's `id`.
  var address: String {
    "0x" + String(UInt(bitPattern: node.identifier), radix: 16)
  }

  func repr() throws -> String { "<\(node.name) object at \(address)>" }

  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "name":
      // PyTorch names the leaf node by its C++ class.
      let text = node.name == "AccumulateGrad" ? "torch::autograd::AccumulateGrad" : node.name
      return .builtin(PyBuiltin("name") { _, _ in .str(text) })
    case "next_functions":
      guard node.inputsArePyTorchs, TorchGradFunction.inputsLikePyTorchs.contains(node.name)
      else {
        throw PyException(
          .notImplementedError,
          "\(node.name).next_functions is not supported in journal cells (the engine computes "
            + "this step differently from PyTorch)")
      }
      return .tuple(
        node.inputs.map { input in
          .tuple([input.map { .native(TorchGradFunction($0)) } ?? .none, .int(0)])
        })
    case "metadata": return .dict(PyDict())
    case "variable", "register_hook", "register_prehook", "_saved_self", "_saved_other":
      throw PyException(
        .notImplementedError, "grad_fn.\(name) is not supported in journal cells")
    default: return nil
    }
  }

  func compare(_ op: CompareOperator, _ other: PyValue) throws -> PyValue? {
    guard case .native(let o as TorchGradFunction) = other else { return nil }
    switch op {
    case .eq: return .bool(node == o.node)
    case .ne: return .bool(node != o.node)
    default: return nil
    }
  }
}

/// A `grad_fn` object held without keeping it (or its node) alive.
struct WeakGradFunction {
  weak var object: TorchGradFunction?
}
