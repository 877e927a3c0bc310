import Foundation
import Testing

@testable import Tensors

/// RNN, LSTM and GRU against PyTorch (scripts/fixtures/tensor_nn.py).
@Suite struct RecurrentTests {
  /// A layer whose parameters are loaded from a PyTorch state dict.
  func layer(
    _ cell: Recurrent.Cell, input: Int, hidden: Int, layers: Int = 1,
    bidirectional: Bool = false, dtype: DType, params: [String: Any]
  ) throws -> Recurrent {
    let m = try Recurrent(
      cell, inputSize: input, hiddenSize: hidden, numLayers: layers,
      batchFirst: true, bidirectional: bidirectional, dtype: dtype
    ) { n, _ in
      Array(repeating: 0, count: n)
    }
    try m.loadStateDict(m.namedParameters().map { ($0.name, tensor(params[$0.name])) })
    return m
  }

  @Test func forwardAndBackwardMatchPyTorch() throws {
    let cases = NNFixture.json["recurrent"] as? [[String: Any]] ?? []
    #expect(cases.count == 3)
    for c in cases {
      let name = c["name"] as? String ?? ""
      let params = c["params"] as? [String: Any] ?? [:]
      let m: Recurrent
      switch name {
      case "lstm":
        m = try layer(
          .lstm, input: 3, hidden: 4, layers: 2, bidirectional: true, dtype: .float64,
          params: params)
      case "gru": m = try layer(.gru, input: 3, hidden: 5, dtype: .float64, params: params)
      default:
        m = try layer(.rnnRelu, input: 3, hidden: 4, layers: 2, dtype: .float64, params: params)
      }
      let states = (c["states"] as? [Any] ?? []).map(tensor)
      let x = try tensor(c["input"]).requiringGrad()
      let r = try m.run(x, h0: states.first, c0: states.count > 1 ? states[1] : nil)
      expectClose(r.output, tensor(c["output"]), rtol: 1e-10, "\(name) output")
      expectClose(r.hidden, tensor(c["h_n"]), rtol: 1e-10, "\(name) h_n")
      let g = try Tensor.linspace(-1, 1, count: r.output.count).reshaped(r.output.shape)
      try ((r.output * g).sum() + r.hidden.sum()).backward()
      expectClose(try #require(x.grad), tensor(c["inputGrad"]), rtol: 1e-9, "\(name) input grad")
      let grads = c["grads"] as? [String: Any] ?? [:]
      for (pname, p) in m.namedParameters() {
        expectClose(try #require(p.grad), tensor(grads[pname]), rtol: 1e-9, "\(name) \(pname)")
      }
    }
  }

  @Test func lstmTrainingRunMatchesPyTorch() throws {
    let run = try #require(NNFixture.json["lstmRun"] as? [String: Any])
    let initial = run["init"] as? [String: Any] ?? [:]
    var lstmParams: [String: Any] = [:]
    for (k, v) in initial where k.hasPrefix("lstm.") { lstmParams[String(k.dropFirst(5))] = v }
    let lstm = try layer(.lstm, input: 3, hidden: 8, dtype: .float32, params: lstmParams)
    let head = try Linear(
      weight: tensor(initial["head.weight"]), bias: tensor(initial["head.bias"]))
    let x = tensor(run["X"]), y = tensor(run["Y"])
    let opt = Adam(lstm.parameters() + head.parameters(), learningRate: 0.01)
    let want = (run["losses"] as? [String] ?? []).compactMap(Double.init)
    #expect(want.count == 50)
    for (i, expected) in want.enumerated() {
      opt.zeroGrad()
      let out = try lstm(x)
      let last = try out.item([.all, .index(-1)])
      let loss = try Functional.crossEntropy(head(last), y)
      try loss.backward()
      try opt.step()
      let got = try loss.item().doubleValue
      let ok = Swift.abs(got - expected) <= 1e-4 * Swift.abs(expected)
      #expect(ok, "step \(i): \(got) vs \(expected)")
      if !ok { break }
    }
  }
}

@Suite struct RecurrentCellTests {
  @Test func cellStepEqualsOneStepOfTheLayer() throws {
    var counter = 0.0
    let draw: (Int, Double) -> [Double] = { n, b in
      (0..<n).map { _ in
        counter += 0.37
        return (counter.truncatingRemainder(dividingBy: 2) - 1) * b
      }
    }
    for kind: Recurrent.Cell in [.lstm, .gru, .rnnTanh] {
      counter = 0
      let cell = try RecurrentCell(
        kind, inputSize: 3, hiddenSize: 4, dtype: .float64, uniform: draw)
      counter = 0
      let layer = try Recurrent(kind, inputSize: 3, hiddenSize: 4, dtype: .float64, uniform: draw)
      #expect(
        cell.namedParameters().map(\.name) == ["weight_ih", "weight_hh", "bias_ih", "bias_hh"])
      let x = testData([2, 3], seed: 41)
      let h = testData([2, 4], seed: 42), c = testData([2, 4], seed: 43)
      let s = try cell.step(x, h: h, c: c)
      let r = try layer.run(x.unsqueezed(0), h0: h.unsqueezed(0), c0: c.unsqueezed(0))
      #expect(s.h.doubles == r.hidden.doubles)
      #expect(s.c?.doubles == r.cell?.doubles)
      try gradcheck([x, h]) { try cell.step($0[0], h: $0[1], c: c).h }
    }
  }
}
