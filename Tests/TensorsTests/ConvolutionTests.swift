import Foundation
import Testing

@testable import Tensors

/// Conv1d and Conv2d (grouped, strided, dilated, 'same', unbatched) against PyTorch
/// (scripts/fixtures/tensor_conv.py): default initialisation bit for bit, forward and backward.
@Suite struct ConvolutionTests {
  nonisolated(unsafe) static let cases: [[String: Any]] = {
    guard
      let url = Bundle.module.url(
        forResource: "conv", withExtension: "json",
        subdirectory: "Fixtures/nn"),
      let data = try? Data(contentsOf: url),
      let j = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [] }
    return j["cases"] as? [[String: Any]] ?? []
  }()

  static func padding(_ any: Any?, dims: Int) -> ConvolutionPadding {
    switch any {
    case let s as String: return s == "same" ? .same : .valid
    case let v as [Int]: return .explicit(v)
    case let v as Int: return .explicit(Array(repeating: v, count: dims))
    default: return .valid
    }
  }

  static func pair(_ any: Any?, default d: Int) -> (Int, Int) {
    if let v = any as? [Int] { return (v[0], v[1]) }
    let v = any as? Int ?? d
    return (v, v)
  }

  /// Builds the layer the PyTorch constructor built, from a generator seeded the same way.
  static func layer(_ c: [String: Any], dtype: DType) throws -> any Module {
    let a = c["args"] as? [String: Any] ?? [:]
    var g = TorchGenerator(seed: UInt64(c["seed"] as? Int ?? 0))
    let (cin, cout) = (a["in"] as? Int ?? 0, a["out"] as? Int ?? 0)
    let groups = a["groups"] as? Int ?? 1, bias = a["bias"] as? Bool ?? true
    if c["dims"] as? Int == 1 {
      return try Conv1d(
        inChannels: cin, outChannels: cout, kernelSize: a["kernel"] as? Int ?? 0,
        stride: a["stride"] as? Int ?? 1, padding: padding(a["padding"], dims: 1),
        dilation: a["dilation"] as? Int ?? 1, groups: groups, bias: bias, dtype: dtype,
        generator: &g)
    }
    return try Conv2d(
      inChannels: cin, outChannels: cout, kernelSize: pair(a["kernel"], default: 0),
      stride: pair(a["stride"], default: 1), padding: padding(a["padding"], dims: 2),
      dilation: pair(a["dilation"], default: 1), groups: groups, bias: bias, dtype: dtype,
      generator: &g)
  }

  @Test func defaultInitialisationIsBitIdentical() throws {
    #expect(Self.cases.count == 9)
    for c in Self.cases {
      let name = c["name"] as? String ?? ""
      let m = try Self.layer(c, dtype: .float32)
      let initial = c["init"] as? [String: Any] ?? [:]
      #expect(m.namedParameters().map(\.name).sorted() == initial.keys.sorted(), "\(name)")
      for (pname, p) in m.namedParameters() {
        let want = tensor(initial[pname])
        #expect(p.shape == want.shape, "\(name).\(pname) shape")
        #expect(p.scalars(as: Float.self) == want.scalars(as: Float.self), "\(name).\(pname)")
      }
    }
  }

  @Test(arguments: 0..<9) func forwardAndBackwardMatchPyTorch(_ index: Int) throws {
    let c = try #require(Self.cases.count > index ? Self.cases[index] : nil)
    let name = c["name"] as? String ?? ""
    let raw = tensor(c["input"])
    let m = try Self.layer(c, dtype: raw.dtype)
    // float32 cases go through a different summation order than PyTorch's kernels.
    let rtol = raw.dtype == .float32 ? 1e-5 : 1e-12
    let x = try raw.requiringGrad()
    let y = try m(x)
    #expect(y.gradFunctionName == "ConvolutionBackward0")
    expectClose(y, tensor(c["output"]), rtol: rtol, "\(name) forward")
    try y.backward(try Tensor.linspace(-1, 1, count: y.count).reshaped(y.shape).casted(to: y.dtype))
    expectClose(try #require(x.grad), tensor(c["inputGrad"]), rtol: rtol, "\(name) input grad")
    let grads = c["grads"] as? [String: Any] ?? [:]
    for (pname, p) in m.namedParameters() {
      expectClose(try #require(p.grad), tensor(grads[pname]), rtol: rtol, "\(name) \(pname) grad")
    }
  }

  @Test func groupedConvolutionGradcheck() throws {
    try gradcheck([
      testData([2, 4, 6], seed: 40), testData([6, 2, 3], seed: 41),
      testData([6], seed: 42),
    ]) {
      try Functional.conv1d(
        $0[0], weight: $0[1], bias: $0[2], stride: 2, padding: .explicit([1]),
        dilation: 2, groups: 2)
    }
    try gradcheck([testData([1, 2, 4, 5], seed: 43), testData([4, 1, 2, 2], seed: 44)]) {
      try Functional.conv2d($0[0], weight: $0[1], padding: .same, groups: 2)
    }
  }

  @Test func badShapesAreRefusedWithBothShapes() throws {
    let w = Tensor(zeros: [4, 3, 3])
    let e = #expect(throws: TensorError.self) {
      try Functional.conv1d(Tensor(zeros: [2, 5, 9]), weight: w)
    }
    #expect(e?.message.contains("(4, 3, 3)") == true && e?.message.contains("(2, 5, 9)") == true)
    #expect(throws: TensorError.self) {
      try Functional.conv1d(Tensor(zeros: [1, 3, 2]), weight: w)
    }
    #expect(throws: TensorError.self) {
      try Functional.conv1d(Tensor(zeros: [1, 3, 9]), weight: w, stride: 2, padding: .same)
    }
    var g = TorchGenerator(seed: 0)
    #expect(throws: TensorError.self) {
      try Conv1d(inChannels: 3, outChannels: 4, kernelSize: 3, groups: 2, generator: &g)
    }
  }
}
