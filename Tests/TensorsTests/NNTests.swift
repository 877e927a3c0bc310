import Foundation
import Testing

@testable import Tensors

/// Fixtures recorded from PyTorch by scripts/fixtures/tensor_nn.py.
enum NNFixture {
  nonisolated(unsafe) static let json: [String: Any] = {
    guard
      let url = Bundle.module.url(
        forResource: "nn", withExtension: "json",
        subdirectory: "Fixtures/nn"),
      let data = try? Data(contentsOf: url),
      let j = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [:] }
    return j
  }()

  static var losses: [[String: Any]] { json["losses"] as? [[String: Any]] ?? [] }
  static var runs: [[String: Any]] { json["runs"] as? [[String: Any]] ?? [] }
}

func tensor(_ any: Any?) -> Tensor { decodeTensor(any as? [String: Any] ?? [:]) }

func expectClose(
  _ got: Tensor, _ want: Tensor, rtol: Double, _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(got.shape == want.shape, "\(what) shape", sourceLocation: sourceLocation)
  for (a, b) in zip(got.doubles, want.doubles) {
    let ok = Swift.abs(a - b) <= rtol * Swift.max(1, Swift.abs(b))
    #expect(ok, "\(what): \(a) vs \(b)", sourceLocation: sourceLocation)
    if !ok { return }
  }
}

@Suite struct NNTests {
  @Test func lossesMatchPyTorchForwardAndBackward() throws {
    #expect(NNFixture.losses.count == 12)
    let y = try Tensor([Int64(1), 0, 3, 3, 2])
    for c in NNFixture.losses {
      let name = c["name"] as? String ?? ""
      let x = try tensor(c["input"]).requiringGrad()
      let t = tensor(c["target"])
      let out: Tensor
      switch name {
      case "mse_loss": out = try Functional.mseLoss(x, t)
      case "l1_loss": out = try Functional.l1Loss(x, t)
      case "bce_loss": out = try Functional.bceLoss(x, t)
      case "bce_with_logits": out = try Functional.bceWithLogitsLoss(x, t)
      case "cross_entropy": out = try Functional.crossEntropy(x, y)
      case "cross_entropy_sum": out = try Functional.crossEntropy(x, y, reduction: .sum)
      case "cross_entropy_weight":
        out = try Functional.crossEntropy(x, y, weight: Tensor([0.5, 1.0, 2.0, 1.5]))
      case "nll_loss": out = try Functional.nllLoss(Functional.logSoftmax(x, axis: 1), y)
      case "multi_margin": out = try Functional.multiMarginLoss(x, y)
      case "multi_margin_p2":
        out = try Functional.multiMarginLoss(x, y, p: 2, margin: 0.5, reduction: .sum)
      case "softmax": out = try Functional.softmax(x, axis: 1)
      case "log_softmax": out = try Functional.logSoftmax(x, axis: 0)
      default: Issue.record("unknown loss case \(name)"); continue
      }
      expectClose(out, tensor(c["output"]), rtol: 1e-12, "\(name) forward")
      try out.backward(tensor(c["seed"]))
      expectClose(try #require(x.grad), tensor(c["grad"]), rtol: 1e-12, "\(name) backward")
    }
  }

  @Test func initializationBoundsFollowPyTorch() throws {
    #expect(try Initialization.fans([8, 4, 3, 3]) == (36, 72))
    #expect(
      Swift.abs(try Initialization.kaimingUniformBound([8, 4], a: 5.0.squareRoot()) - 0.5) < 1e-15)
    #expect(try Initialization.xavierUniformBound([3, 5]) == 0.75.squareRoot())
    #expect(throws: TensorError.self) { try Initialization.fans([3]) }
  }

  @Test func gradcheckLossesAndSoftmax() throws {
    let x = testData([4, 3], seed: 21)
    let y = try Tensor([Int64(2), 0, 1, 2])
    let t = testData([4, 3], seed: 22, positive: true)
    let prob = try t * 0.8
    try gradcheck([x]) { try Functional.softmax($0[0], axis: 1) }
    try gradcheck([x]) { try Functional.logSoftmax($0[0], axis: 0) }
    try gradcheck([x]) { try Functional.logSumExp($0[0], axis: 1) }
    try gradcheck([x]) { try Functional.crossEntropy($0[0], y) }
    try gradcheck([x, t]) { try Functional.mseLoss($0[0], $0[1]) }
    try gradcheck([x, t]) { try Functional.l1Loss($0[0], $0[1], reduction: .sum) }
    try gradcheck([prob]) { try Functional.bceLoss($0[0], t * 0.5) }
    try gradcheck([x]) { try Functional.bceWithLogitsLoss($0[0], t * 0.5) }
    try gradcheck([x]) { try Functional.leakyRelu($0[0], slope: 0.1) }
  }

  /// Builds the fixture's Sequential(Linear, Tanh, Linear) from PyTorch's initial weights.
  func model(_ run: [String: Any]) throws -> Sequential {
    let initial = run["init"] as? [String: Any] ?? [:]
    return Sequential([
      try Linear(weight: tensor(initial["0.weight"]), bias: tensor(initial["0.bias"])),
      Lambda.tanh(),
      try Linear(weight: tensor(initial["2.weight"]), bias: tensor(initial["2.bias"])),
    ])
  }

  @Test func trainingRunsMatchPyTorch() throws {
    #expect(NNFixture.runs.count == 7)
    for run in NNFixture.runs {
      let name = run["optimizer"] as? String ?? ""
      let net = try model(run)
      #expect(net.namedParameters().map(\.name) == ["0.weight", "0.bias", "2.weight", "2.bias"])
      let x = tensor(run["X"]), y = tensor(run["Y"])
      let opt: any Optimizer
      var scheduler: LRScheduler? = nil
      switch name {
      case "rmsprop":
        opt = RMSprop(
          net.parameters(), learningRate: 0.01, weightDecay: 1e-3, momentum: 0.5,
          centered: true)
      case "adagrad": opt = Adagrad(net.parameters(), learningRate: 0.1, lrDecay: 0.01)
      case "sgd_steplr_clip":
        opt = SGD(net.parameters(), learningRate: 0.5, momentum: 0.5, dampening: 0.1)
        scheduler = try LRScheduler(opt, .step(stepSize: 10, gamma: 0.5))
      case "adam": opt = Adam(net.parameters(), learningRate: 0.01)
      case "adamw": opt = Adam.adamW(net.parameters(), learningRate: 0.01, weightDecay: 0.1)
      default:
        opt = SGD(
          net.parameters(), learningRate: 0.1, momentum: 0.9, weightDecay: 1e-3,
          nesterov: true)
      }
      let want = (run["losses"] as? [String] ?? []).compactMap(Double.init)
      #expect(want.count == 50)
      let rtol = x.dtype == .float32 ? 1e-4 : 1e-10
      for (i, expected) in want.enumerated() {
        opt.zeroGrad()
        let loss = try Functional.crossEntropy(net(x), y)
        try loss.backward()
        if scheduler != nil { try GradientClipping.clipNorm(net.parameters(), maxNorm: 0.5) }
        try opt.step()
        try scheduler?.step()
        let got = try loss.item().doubleValue
        let ok = Swift.abs(got - expected) <= rtol * Swift.abs(expected)
        #expect(ok, "\(name) \(x.dtype) step \(i): \(got) vs \(expected)")
        if !ok { break }
      }
      let final = run["final"] as? [String: Any] ?? [:]
      for (n, p) in net.namedParameters() {
        expectClose(p, tensor(final[n]), rtol: x.dtype == .float32 ? 1e-4 : 1e-9, "\(name) \(n)")
      }
    }
  }

  @Test func stateDictRoundTripsThroughAFile() throws {
    let net = try model(NNFixture.runs[0])
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("tensors-state-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("model.state")
    try StateDictFile.save(net.stateDict(), to: url)
    let other = try model(NNFixture.runs[1])
    try other.loadStateDict(StateDictFile.load(url))
    for ((n1, a), (n2, b)) in zip(net.namedParameters(), other.namedParameters()) {
      #expect(n1 == n2)
      #expect(a.doubles == b.doubles)
    }
    #expect(throws: TensorError.self) { try other.loadStateDict([("0.weight", Tensor.zeros([2]))]) }
  }
}
