import Foundation
import Testing

@testable import Tensors

/// Conv, pooling and normalisation layers against PyTorch (scripts/fixtures/tensor_nn.py).
@Suite struct LayerTests {
  var cases: [[String: Any]] { NNFixture.json["layers"] as? [[String: Any]] ?? [] }

  func module(_ c: [String: Any]) throws -> any Module {
    let p = c["params"] as? [String: Any] ?? [:]
    switch c["name"] as? String ?? "" {
    case "conv": return try Conv2d(weight: tensor(p["weight"]), bias: tensor(p["bias"]))
    case "conv_strided":
      return try Conv2d(
        weight: tensor(p["weight"]), bias: tensor(p["bias"]), stride: (2, 2),
        padding: (1, 1), dilation: (1, 2))
    case "maxpool": return Pool2d(.max, kernel: (2, 2))
    case "maxpool_pad": return Pool2d(.max, kernel: (3, 3), stride: (2, 2), padding: (1, 1))
    case "avgpool": return Pool2d(.average, kernel: (2, 2), stride: (1, 1))
    case "layernorm":
      let m = try LayerNorm([6], dtype: .float64)
      try m.loadStateDict([("weight", tensor(p["weight"])), ("bias", tensor(p["bias"]))])
      return m
    case "batchnorm_train", "batchnorm_eval": return try BatchNorm(3, dtype: .float64)
    case "batchnorm1d": return try BatchNorm(4, dtype: .float64)
    case "embedding": return try Embedding(weight: tensor(p["weight"]))
    case "adaptive_avgpool":
      return Lambda("AdaptiveAvgPool2d") {
        try Functional.adaptiveAvgPool2d($0, outputSize: (3, 4))
      }
    default: throw TensorError(.value, "unknown layer case")
    }
  }

  @Test func layersMatchPyTorch() throws {
    #expect(cases.count == 11)
    var trainedNorm: BatchNorm?
    for c in cases {
      let name = c["name"] as? String ?? ""
      var m = try module(c)
      if name == "batchnorm_eval", let trained = trainedNorm { m = trained }
      if name == "batchnorm_eval" { m.train(false) }
      let raw = tensor(c["input"])
      let x = raw.dtype.isFloatingPoint ? try raw.requiringGrad() : raw
      let y = try m(x)
      expectClose(y, tensor(c["output"]), rtol: 1e-10, "\(name) forward")
      try y.backward(try Tensor.linspace(-1, 1, count: y.count).reshaped(y.shape))
      if let g = c["inputGrad"] {
        expectClose(try #require(x.grad), tensor(g), rtol: 1e-10, "\(name) input grad")
      }
      let grads = c["grads"] as? [String: Any] ?? [:]
      for (pname, p) in m.namedParameters() {
        expectClose(
          try #require(p.grad, "\(name).\(pname)"), tensor(grads[pname]), rtol: 1e-10,
          "\(name) \(pname) grad")
      }
      let buffers = c["buffers"] as? [String: Any] ?? [:]
      for (bname, b) in m.namedBuffers() {
        expectClose(b, tensor(buffers[bname]), rtol: 1e-10, "\(name) \(bname)")
      }
      if name == "batchnorm_train", let bn = m as? BatchNorm { trainedNorm = bn }
    }
  }

  @Test func convolutionGradcheck() throws {
    let w = testData([2, 2, 2, 3], seed: 31)
    try gradcheck([testData([1, 2, 4, 5], seed: 30), w]) {
      let cols = try $0[0].unfolded(Tensor.Window2D(kernel: (2, 3), padding: (1, 0)))
      return try Tensor.matmul($0[1].reshaped([2, -1]), cols)
    }
    try gradcheck([testData([1, 1, 4, 4], seed: 32)]) { try Pool2d(.max, kernel: (2, 2))($0[0]) }
  }
}
