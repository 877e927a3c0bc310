import Foundation

/// A layer or model: a forward function plus named parameters and submodules (`torch.nn.Module`).
///
/// Modules are classes because parameters have identity: an optimizer holds the same tensors
/// (shared storage and autograd state) and updates them in place.
public protocol Module: AnyObject {
  /// Applies the module.
  func callAsFunction(_ input: Tensor) throws -> Tensor
  /// Parameters owned directly by this module, in registration order.
  var ownParameters: [(name: String, tensor: Tensor)] { get }
  /// Direct submodules, in registration order.
  var children: [(name: String, module: any Module)] { get }
  /// Training mode (affects dropout and batch norm in PyTorch).
  var isTraining: Bool { get set }
}

extension Module {
  public var ownParameters: [(name: String, tensor: Tensor)] { [] }
  public var children: [(name: String, module: any Module)] { [] }

  /// Every parameter with its dotted path (`"0.weight"`), like `named_parameters()`.
  public func namedParameters() -> [(name: String, tensor: Tensor)] {
    var out = ownParameters
    for (prefix, child) in children {
      out += child.namedParameters().map { ("\(prefix).\($0.name)", $0.tensor) }
    }
    return out
  }

  /// Every parameter, in `namedParameters()` order.
  public func parameters() -> [Tensor] { namedParameters().map(\.tensor) }

  /// Switches this module and its submodules to training (true) or evaluation mode.
  public func train(_ on: Bool = true) {
    isTraining = on
    for (_, child) in children { child.train(on) }
  }

  /// Forgets accumulated gradients (PyTorch's default `set_to_none=True`).
  public func zeroGrad() {
    for p in parameters() { p.grad = nil }
  }

  /// Copies of the parameters and buffers by name (`state_dict`).
  public func stateDict() -> [(name: String, tensor: Tensor)] {
    (namedParameters() + namedBuffers()).map { ($0.name, $0.tensor.detached().clone()) }
  }

  /// Overwrites parameters and buffers from a state dict; names and shapes must match exactly.
  public func loadStateDict(_ state: [(name: String, tensor: Tensor)]) throws {
    let mine = namedParameters() + namedBuffers()
    let given = Dictionary(state.map { ($0.name, $0.tensor) }, uniquingKeysWith: { $1 })
    let missing = mine.map(\.name).filter { given[$0] == nil }
    let unexpected = state.map(\.name).filter { n in !mine.contains { $0.name == n } }
    guard missing.isEmpty, unexpected.isEmpty else {
      throw TensorError(
        .value,
        "Error(s) in loading state_dict: missing keys \(missing), unexpected keys "
          + "\(unexpected)")
    }
    for (name, p) in mine {
      let v = given[name]!
      guard v.shape == p.shape else {
        throw TensorError(
          .shape,
          "size mismatch for \(name): copying a param with shape "
            + "\(shapeString(v.shape)), the shape in current model is \(shapeString(p.shape))")
      }
      try GradMode.withNoGrad { try p.copyInPlace(from: v) }
    }
  }
}

/// State dict files: `TENSORS-STATE 1\n`, then per entry a line `name byte-count\n` followed by
/// that many bytes of a `.npy` file.
public enum StateDictFile {
  public static func save(_ state: [(name: String, tensor: Tensor)], to url: URL) throws {
    var data = Data("TENSORS-STATE 1\n".utf8)
    for (name, t) in state {
      guard !name.contains(" ") && !name.contains("\n") else {
        throw TensorError(.value, "state dict key '\(name)' contains a space or newline")
      }
      let npy = NPY.encode(t)
      data.append(Data("\(name) \(npy.count)\n".utf8))
      data.append(npy)
    }
    do { try data.write(to: url, options: .atomic) } catch {
      throw TensorError(.io, "\(url.path): \(error.localizedDescription)")
    }
  }

  public static func load(_ url: URL) throws -> [(name: String, tensor: Tensor)] {
    let bytes: [UInt8]
    do { bytes = [UInt8](try Data(contentsOf: url)) } catch {
      throw TensorError(.io, "\(url.path): \(error.localizedDescription)")
    }
    var pos = 0
    func line() throws -> String {
      guard let nl = bytes[pos...].firstIndex(of: 10) else {
        throw TensorError(.io, "\(url.path): truncated state dict")
      }
      defer { pos = nl + 1 }
      return String(decoding: bytes[pos..<nl], as: UTF8.self)
    }
    guard try line() == "TENSORS-STATE 1" else {
      throw TensorError(.io, "\(url.path): not a state dict file")
    }
    var out: [(name: String, tensor: Tensor)] = []
    while pos < bytes.count {
      let parts = try line().split(separator: " ")
      guard parts.count == 2, let n = Int(parts[1]), pos + n <= bytes.count else {
        throw TensorError(.io, "\(url.path): bad entry header")
      }
      out.append((String(parts[0]), try NPY.decode(Data(bytes[pos..<(pos + n)]))))
      pos += n
    }
    return out
  }
}

/// `y = x @ weight.T + bias` with weight `[out, in]`.
public final class Linear: Module {
  public let weight: Tensor
  public let bias: Tensor?
  public var isTraining = true

  /// A layer with the given parameters (they become leaves requiring grad).
  public init(weight: Tensor, bias: Tensor?) throws {
    guard weight.rank == 2, bias == nil || bias!.shape == [weight.shape[0]] else {
      throw TensorError(
        .shape,
        "Linear: weight must be (out, in) and bias (out,), got "
          + "\(shapeString(weight.shape)) and \(bias.map { shapeString($0.shape) } ?? "None")")
    }
    self.weight = try weight.detached().clone().requiringGrad()
    self.bias = try bias.map { try $0.detached().clone().requiringGrad() }
  }

  /// PyTorch's default initialisation: weight and bias uniform in ±1/sqrt(in), drawn from
  /// `uniform(count, bound)` (weight first, then bias, as PyTorch draws them).
  public convenience init(
    inFeatures: Int, outFeatures: Int, bias: Bool = true,
    dtype: DType = .float32,
    uniform: (_ count: Int, _ bound: Double) -> [Double]
  ) throws {
    let bound = inFeatures > 0 ? 1 / Foundation.sqrt(Double(inFeatures)) : 0
    let w = try Tensor(uniform(inFeatures * outFeatures, bound), shape: [outFeatures, inFeatures])
    let b = bias ? try Tensor(uniform(outFeatures, bound)) : nil
    try self.init(weight: w.casted(to: dtype), bias: b?.casted(to: dtype))
  }

  public var ownParameters: [(name: String, tensor: Tensor)] {
    [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
  }

  public func callAsFunction(_ input: Tensor) throws -> Tensor {
    try Functional.linear(input, weight: weight, bias: bias)
  }
}

/// An activation or other parameter-free function as a module.
public final class Lambda: Module {
  public let name: String
  public var isTraining = true
  let body: (Tensor) throws -> Tensor

  public init(_ name: String, _ body: @escaping (Tensor) throws -> Tensor) {
    self.name = name
    self.body = body
  }

  public func callAsFunction(_ input: Tensor) throws -> Tensor { try body(input) }

  public static func relu() -> Lambda { Lambda("ReLU") { try $0.relu() } }
  public static func tanh() -> Lambda { Lambda("Tanh") { try $0.tanh() } }
  public static func sigmoid() -> Lambda { Lambda("Sigmoid") { try $0.sigmoid() } }
  public static func leakyRelu(_ slope: Double = 0.01) -> Lambda {
    Lambda("LeakyReLU") { try Functional.leakyRelu($0, slope: slope) }
  }
  public static func softmax(axis: Int) -> Lambda {
    Lambda("Softmax") { try Functional.softmax($0, axis: axis) }
  }
  public static func logSoftmax(axis: Int) -> Lambda {
    Lambda("LogSoftmax") { try Functional.logSoftmax($0, axis: axis) }
  }
  public static func flatten() -> Lambda { Lambda("Flatten") { try $0.flattened(from: 1) } }
}

/// Modules applied in order; parameters are named by position (`"0.weight"`).
public final class Sequential: Module {
  public let layers: [any Module]
  public var isTraining = true

  public init(_ layers: [any Module]) { self.layers = layers }

  public var children: [(name: String, module: any Module)] {
    layers.enumerated().map { (String($0.offset), $0.element) }
  }

  public func callAsFunction(_ input: Tensor) throws -> Tensor {
    try layers.reduce(input) { try $1($0) }
  }
}
