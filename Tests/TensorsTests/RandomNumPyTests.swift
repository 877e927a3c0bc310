import Testing

@testable import Tensors

/// NumPy's legacy `RandomState` against streams recorded from NumPy 2.x.
@Suite struct RandomNumPyTests {
  static let fixture = "numpy_streams"

  @Test(arguments: 0..<RandomFixture.caseCount(fixture))
  func replaysRecordedStream(index: Int) throws {
    let fixtureCase = RandomFixture.cases(Self.fixture)[index]
    var state: NumPyRandomState
    if let key = fixtureCase.fields["seed_array"] as? [Int] {
      state = NumPyRandomState(seedArray: key.map { UInt32($0) })
    } else {
      state = NumPyRandomState(seed: UInt32(fixtureCase.fields["seed"] as? Int ?? -1))
    }
    var checked = 0
    for call in fixtureCase.calls {
      let n = call.int("n")
      switch call.op {
      case "rand":
        expectSame(state.randomSample(count: n), call, &checked)
      case "random_sample_scalar":
        expectSame([state.randomSample()], call, &checked)
      case "randn":
        expectSame(state.standardNormal(count: n), call, &checked)
      case "standard_normal_scalar":
        expectSame([state.standardNormal()], call, &checked)
      case "normal":
        let values = try state.normal(
          loc: call.double("loc"), scale: call.double("scale"), count: n)
        expectSame(values, call, &checked)
      case "uniform":
        let values = state.uniform(low: call.double("low"), high: call.double("high"), count: n)
        expectSame(values, call, &checked)
      case "exponential":
        expectSame(try state.exponential(scale: call.double("scale"), count: n), call, &checked)
      case "standard_exponential":
        expectSame(try state.exponential(count: n), call, &checked)
      case "randint":
        let values = try state.randint(low: call.int64("low"), high: call.int64("high"), count: n)
        expectSame(values, call, &checked)
      case "randint_dtype":
        let dtype = NumPyIntegerType(rawValue: call.fields["dtype"] as? String ?? "")
        #expect(dtype != nil)
        let values = try state.randint(
          low: call.int64("low"), high: call.int64("high"), count: n, dtype: dtype ?? .int64)
        expectSame(values, call, &checked)
      case "choice":
        let values = try state.choice(
          populationSize: call.int("a"), count: call.int("size"), replace: call.bool("replace"),
          p: call.doubles("p"))
        expectSame(values, call, &checked)
      case "permutation":
        expectSame(state.permutation(n), call, &checked)
      case "shuffle":
        var values = (0..<Int64(n)).map { $0 }
        state.shuffle(&values)
        expectSame(values, call, &checked)
      case "multivariate_normal":
        let mean = call.doubles("mean") ?? []
        var twin = state
        let draws = twin.multivariateNormalDraws(dimension: mean.count, count: n)
        #expect(RandomFixture.bits(draws) == RandomFixture.bits(call.hexDoubles("draws")))
        let samples = try state.multivariateNormal(
          mean: mean, singularValues: call.hexDoubles("svd_s"),
          rightSingularVectors: call.hexDoubles("svd_vt"), count: n)
        #expect(state == twin)
        expectSame(samples, call, &checked)
      default:
        Issue.record("unknown call \(call.op) in \(fixtureCase.name)")
      }
    }
    #expect(checked > 0)
    #expect(state.twister.position == fixtureCase.fields["state_pos"] as? Int)
  }

  private func expectSame(_ values: [Double], _ call: RandomFixtureCall, _ checked: inout Int) {
    let expected = call.hexDoubles("f64")
    #expect(!expected.isEmpty, "\(call.op) has no recorded values")
    #expect(RandomFixture.bits(values) == RandomFixture.bits(expected), "\(call.op)")
    checked += values.count
  }

  private func expectSame(_ values: [Int64], _ call: RandomFixtureCall, _ checked: inout Int) {
    #expect(!call.int64s.isEmpty, "\(call.op) has no recorded values")
    #expect(values == call.int64s, "\(call.op)")
    checked += values.count
  }

  @Test func setStateContinuesTheStreamWithItsSpare() throws {
    var original = NumPyRandomState(seed: 11)
    _ = original.standardNormal(count: 3)
    var restored = try NumPyRandomState(
      key: original.twister.state, position: original.twister.position,
      cachedGauss: original.cachedGauss)
    #expect(restored.cachedGauss != nil)
    #expect(restored.standardNormal(count: 5) == original.standardNormal(count: 5))
  }

  @Test func seedResetsTheCachedGaussian() {
    var state = NumPyRandomState(seed: 3)
    _ = state.standardNormal()
    #expect(state.cachedGauss != nil)
    state.seed(3)
    #expect(state.cachedGauss == nil)
    #expect(state == NumPyRandomState(seed: 3))
  }

  @Test func randintRejectsEmptyAndOutOfBoundsRanges() {
    var state = NumPyRandomState(seed: 0)
    #expect(throws: RandomError(.value, "low >= high")) {
      try state.randint(low: 5, high: 5, count: 1)
    }
    #expect(throws: RandomError(.value, "high <= 0")) { try state.randint(high: 0, count: 1) }
    #expect(throws: RandomError(.value, "high is out of bounds for int8")) {
      try state.randint(low: 0, high: 200, count: 1, dtype: .int8)
    }
    #expect(throws: RandomError(.value, "low is out of bounds for uint8")) {
      try state.randint(low: -1, high: 10, count: 1, dtype: .uint8)
    }
    #expect(throws: RandomError(.value, "scale < 0")) {
      try state.normal(scale: -1, count: 1)
    }
    #expect(state == NumPyRandomState(seed: 0))
  }

  @Test func choiceRejectsBadProbabilities() {
    var state = NumPyRandomState(seed: 0)
    #expect(throws: RandomError.self) {
      try state.choice(populationSize: 3, count: 2, p: [0.5, 0.2, 0.2])
    }
    #expect(throws: RandomError.self) {
      try state.choice(populationSize: 3, count: 4, replace: false)
    }
  }
}
