import Foundation
import Testing

@testable import Tensors

/// PyTorch's CPU generator against streams recorded from PyTorch 2.13 CPU, for both the
/// AVX2/AVX-512 kernel build (the machine's default) and the non-SIMD build.
@Suite struct RandomTorchTests {
  static let builds: [(fixture: String, capability: TorchCPUCapability)] = [
    ("torch_streams", .avx2), ("torch_default_streams", .default),
  ]

  static var arguments: [(Int, Int)] {
    builds.indices.flatMap { build in
      (0..<RandomFixture.caseCount(builds[build].fixture)).map { (build, $0) }
    }
  }

  @Test(arguments: arguments)
  func replaysRecordedStream(build: Int, index: Int) throws {
    let (fixture, capability) = Self.builds[build]
    let fixtureCase = RandomFixture.cases(fixture)[index]
    let seed = (fixtureCase.fields["seed"] as? NSNumber)?.uint64Value ?? 0
    var generator = TorchGenerator(seed: seed, capability: capability)
    var checked = 0
    for call in fixtureCase.calls {
      let n = call.int("n")
      switch call.op {
      case "rand":
        expectSame(try generator.uniform(count: n), call, "f32", &checked)
      case "rand64":
        expectSame(try generator.uniformDouble(count: n), call, "f64", &checked)
      case "uniform":
        let values = try generator.uniform(
          from: call.double("low"), to: call.double("high"), count: n)
        expectSame(values, call, "f32", &checked)
      case "uniform64":
        let values = try generator.uniformDouble(
          from: call.double("low"), to: call.double("high"), count: n)
        expectSame(values, call, "f64", &checked)
      case "randint":
        let values = try generator.randint(
          low: call.int64("low"), high: call.int64("high"), count: n)
        #expect(values == call.int64s, "randint")
        checked += values.count
      case "randperm":
        let values = try generator.randperm(n)
        #expect(values == call.int64s, "randperm")
        checked += values.count
      case "bernoulli":
        expectSame(try generator.bernoulli(p: call.double("p"), count: n), call, "f32", &checked)
      case "bernoulli_tensor":
        let p = (call.doubles("probs") ?? []).map { Float($0) }
        expectSame(generator.bernoulli(probabilities: p), call, "f32", &checked)
      case "bernoulli_tensor64":
        let p = call.doubles("probs") ?? []
        expectSame(generator.bernoulli(probabilities: p), call, "f64", &checked)
      case "dropout":
        expectSame(try generator.dropoutMask(p: call.double("p"), count: n), call, "f32", &checked)
      case "randn":
        expectSame(generator.randn(count: n), call, "f32", &checked)
      case "randn64":
        expectSame(try generator.normalDouble(count: n), call, "f64", &checked)
      case "normal":
        let values = try generator.normal(
          mean: call.double("mean"), std: call.double("std"), count: n)
        expectSame(values, call, "f32", &checked)
      case "normal64":
        let values = try generator.normalDouble(
          mean: call.double("mean"), std: call.double("std"), count: n)
        expectSame(values, call, "f64", &checked)
      case "linear":
        let parameters = generator.linearParameters(
          inFeatures: call.int("in"), outFeatures: call.int("out"), bias: call.bool("bias"))
        expectSame(parameters, call, &checked)
      case "conv2d":
        let parameters = generator.conv2dParameters(
          inChannels: call.int("in"), outChannels: call.int("out"),
          kernelSize: (call.int("kh"), call.int("kw")), groups: call.int("groups"),
          bias: call.bool("bias"))
        expectSame(parameters, call, &checked)
      case "normal_view":
        let (mean, std) = (call.double("mean"), call.double("std"))
        if call.bool("double") {
          let values = try generator.normalDouble(
            mean: mean, std: std, count: n, contiguous: false)
          expectSame(values, call, "f64", &checked)
        } else {
          let values = try generator.normal(mean: mean, std: std, count: n, contiguous: false)
          expectSame(values, call, "f32", &checked)
        }
      case "exponential":
        let values = try generator.exponential(lambda: call.double("lambd"), count: n)
        expectSame(values, call, "f32", &checked)
      case "exponential64":
        let values = try generator.exponentialDouble(lambda: call.double("lambd"), count: n)
        expectSame(values, call, "f64", &checked)
      case "multinomial":
        let probabilities = call.doubles("probs") ?? []
        let values =
          call.bool("double")
          ? try generator.multinomial(
            probabilities: probabilities, rows: call.int("rows"), count: call.int("k"),
            replacement: call.bool("replacement"))
          : try generator.multinomial(
            probabilities: probabilities.map { Float($0) }, rows: call.int("rows"),
            count: call.int("k"), replacement: call.bool("replacement"))
        #expect(values == call.int64s, "multinomial \(call.fields)")
        checked += values.count
      case "init":
        expectSame(try Self.initialise(&generator, call), call, "f32", &checked)
      case "conv":
        let parameters = generator.convolutionParameters(
          inChannels: call.int("in"), outChannels: call.int("out"),
          kernelSize: call.fields["kernel"] as? [Int] ?? [], groups: call.int("groups"),
          bias: call.bool("bias"), transposed: call.bool("transposed"))
        expectSame(parameters, call, &checked)
      case "embedding":
        let parameters = generator.embeddingParameters(
          count: call.int("count"), dimension: call.int("dim"))
        expectSame(parameters, call, &checked)
      case "rnn_cell", "lstm_cell", "gru_cell":
        let parameters = generator.recurrentCellParameters(
          mode: TorchRecurrentMode(rawValue: String(call.op.dropLast("_cell".count))) ?? .rnn,
          inputSize: call.int("in"), hiddenSize: call.int("hidden"), bias: call.bool("bias"))
        expectSame(parameters, call, &checked)
      case "rnn", "lstm", "gru":
        let parameters = generator.recurrentParameters(
          mode: TorchRecurrentMode(rawValue: call.op) ?? .rnn, inputSize: call.int("in"),
          hiddenSize: call.int("hidden"), numLayers: call.int("layers"), bias: call.bool("bias"),
          bidirectional: call.bool("bidirectional"))
        expectSame(parameters, call, &checked)
      default:
        Issue.record("unknown call \(call.op) in \(fixtureCase.name)")
      }
    }
    #expect(checked > 0)
  }

  private func expectSame(
    _ values: [Float], _ call: RandomFixtureCall, _ key: String, _ checked: inout Int
  ) {
    let expected = call.hexDoubles(key)
    #expect(!expected.isEmpty, "\(call.op) has no recorded values")
    #expect(RandomFixture.bits(values) == RandomFixture.bits(expected), "\(call.op) \(call.fields)")
    checked += values.count
  }

  private func expectSame(
    _ values: [Double], _ call: RandomFixtureCall, _ key: String, _ checked: inout Int
  ) {
    let expected = call.hexDoubles(key)
    #expect(!expected.isEmpty, "\(call.op) has no recorded values")
    #expect(RandomFixture.bits(values) == RandomFixture.bits(expected), "\(call.op) \(call.fields)")
    checked += values.count
  }

  private func expectSame(
    _ parameters: [TorchParameter], _ call: RandomFixtureCall, _ checked: inout Int
  ) {
    let expected = call.records("params")
    #expect(parameters.map(\.name) == expected.map { $0.fields["name"] as? String ?? "" })
    for (parameter, reference) in zip(parameters, expected) {
      #expect(parameter.shape == reference.fields["shape"] as? [Int], "\(parameter.name)")
      #expect(
        RandomFixture.bits(parameter.values) == RandomFixture.bits(reference.hexDoubles("f32")),
        "\(call.op) \(parameter.name)")
      checked += parameter.values.count
    }
  }

  /// Runs the `nn.init` function a fixture call names, with its keyword arguments.
  static func initialise(
    _ generator: inout TorchGenerator, _ call: RandomFixtureCall
  ) throws -> [Float] {
    let shape = call.fields["shape"] as? [Int] ?? []
    let kwargs = call.fields["kwargs"] as? [String: Any] ?? [:]
    let gain = (kwargs["gain"] as? NSNumber)?.doubleValue ?? 1
    let mode: TorchFanMode = kwargs["mode"] as? String == "fan_out" ? .fanOut : .fanIn
    let slope = (kwargs["a"] as? NSNumber)?.doubleValue ?? 0
    let nonlinearity: TorchNonlinearity =
      switch kwargs["nonlinearity"] as? String {
      case "relu": .relu
      case "tanh": .tanh
      case "selu": .selu
      case "sigmoid": .sigmoid
      default: .leakyReLU(negativeSlope: slope)
      }
    switch call.fields["fn"] as? String {
    case "xavier_uniform_": return try generator.xavierUniform(shape: shape, gain: gain)
    case "xavier_normal_": return try generator.xavierNormal(shape: shape, gain: gain)
    case "kaiming_uniform_":
      return try generator.kaimingUniform(shape: shape, mode: mode, nonlinearity: nonlinearity)
    case "kaiming_normal_":
      return try generator.kaimingNormal(shape: shape, mode: mode, nonlinearity: nonlinearity)
    default:
      Issue.record("unknown initialiser \(call.fields)")
      return []
    }
  }

  @Test func badArgumentsThrowPyTorchsMessages() {
    var generator = TorchGenerator(seed: 0)
    #expect(
      throws: RandomError(
        .value, "random_ expects 'from' to be less than 'to', but got from=3 >= to=3")
    ) { try generator.randint(low: 3, high: 3, count: 1) }
    #expect(throws: RandomError.self) { try generator.randperm(-1) }
    #expect(throws: RandomError.self) { try generator.xavierUniform(shape: [4]) }
    #expect(
      throws: RandomError(
        .value, "uniform_ expects to return a [from, to) range, but found from=1 > to=0")
    ) { try generator.uniform(from: 1, to: 0, count: 1) }
    #expect(throws: RandomError(.value, "normal expects std >= 0.0, but found std -1")) {
      try generator.normal(std: -1, count: 1)
    }
    #expect(throws: RandomError.self) { try generator.bernoulli(p: 1.5, count: 1) }
    #expect(throws: RandomError.self) { try generator.dropoutMask(p: -0.1, count: 1) }
    #expect(generator == TorchGenerator(seed: 0))
  }

  @Test func neverSeededGeneratorUsesPyTorchsDefaultSeed() {
    let recorded = RandomFixture.cases("torch_streams").first { $0.name == "never seeded" }
    #expect((recorded?.fields["seed"] as? NSNumber)?.uint64Value == TorchGenerator.defaultSeed)
  }

  @Test func manualSeedDropsTheCachedNormal() {
    var generator = TorchGenerator(seed: 4)
    _ = generator.randn(count: 1)
    #expect(generator.cachedNormal != nil)
    generator.manualSeed(4)
    #expect(generator == TorchGenerator(seed: 4))
  }

  @Test func kaimingBoundOfLinearIsOneOverSqrtFanIn() {
    // With a = sqrt(5) the gain is sqrt(1/3), so the bound is 1/sqrt(fan_in) up to rounding.
    let bound = TorchGenerator.kaimingUniformBound(fanIn: 16)
    #expect(abs(bound - 0.25) < 1e-15)
  }
}
