import Testing

@testable import Tensors

@Suite struct SchedulerTests {
  var schedules: [String: Any] { NNFixture.json["schedules"] as? [String: Any] ?? [:] }

  @Test func reduceOnPlateauMatchesPyTorch() throws {
    let s = try #require(schedules["plateau"] as? [String: Any])
    let metrics = s["metrics"] as? [Double] ?? []
    let want = s["lrs"] as? [Double] ?? []
    #expect(metrics.count == 16)
    let opt = SGD([Tensor.zeros([1])], learningRate: 1)
    let plateau = ReduceLROnPlateau(
      opt, factor: 0.5, patience: 2, cooldown: 1, minLearningRate: 0.1)
    var got: [Double] = []
    for m in metrics {
      plateau.step(m)
      got.append(opt.learningRate)
    }
    #expect(got == want)
  }

  @Test func exponentialMatchesPyTorch() throws {
    let s = try #require(schedules["exponential"] as? [String: Any])
    let want = (s["lrs"] as? [String] ?? []).compactMap(Double.init)
    let opt = SGD([Tensor.zeros([1])], learningRate: 1)
    let sched = try LRScheduler(opt, .exponential(gamma: 0.9))
    var got: [Double] = []
    for _ in 0..<5 {
      try sched.step()
      got.append(opt.learningRate)
    }
    #expect(got == want)
  }

  @Test func clipValueClampsEveryElement() throws {
    let p = try Tensor([1.0, 2.0]).requiringGrad()
    try (p * p * 10.0).sum().backward()
    try GradientClipping.clipValue([p], 5)
    #expect(p.grad?.doubles == [5, 5])
  }
}
