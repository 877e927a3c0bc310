import Foundation

/// PyTorch's CPU generator (`CPUGeneratorImpl`), bit-identical to PyTorch 2.x for the same seed
/// and call sequence.
///
/// `manual_seed(s)` seeds `at::mt19937` with the low 32 bits of `s`; `random()` is one MT output
/// and `random64()` two outputs, high word first. The generator also caches the second value of
/// the scalar Box-Muller pair (`next_double_normal_sample`), which `manual_seed` clears.
/// Results are flat arrays in C order; the caller gives them a shape.
public struct TorchGenerator: Sendable, Equatable {
  /// PyTorch's default seed when none is set (`default_rng_seed_val`).
  public static let defaultSeed: UInt64 = 67_280_421_310_721

  /// The engine.
  public var twister: MersenneTwister
  /// The cached second value of the scalar (double) Box-Muller pair.
  public var cachedNormal: Double?
  /// The seed last given to `manualSeed` (`initial_seed()`).
  public private(set) var initialSeed: UInt64
  /// Which of PyTorch's CPU kernel builds to reproduce; it decides rounding, not the stream.
  public var capability: TorchCPUCapability

  /// `torch.Generator().manual_seed(seed)` / `torch.manual_seed(seed)`.
  public init(seed: UInt64 = TorchGenerator.defaultSeed, capability: TorchCPUCapability = .avx2) {
    twister = MersenneTwister(seed: seed)
    cachedNormal = nil
    initialSeed = seed
    self.capability = capability
  }

  /// `manual_seed(seed)`: reseeds and drops the cached normal.
  public mutating func manualSeed(_ seed: UInt64) {
    self = TorchGenerator(seed: seed, capability: capability)
  }

  /// `random()`: one 32-bit output.
  public mutating func random() -> UInt32 { twister.next32() }

  /// `random64()`: two outputs, the first one high.
  public mutating func random64() -> UInt64 { twister.next64() }

  // MARK: Uniform

  /// One float32 in [0, 1): the low 24 bits of `random()` times 2^-24.
  public mutating func uniformFloat() -> Float {
    Float(random() & 0xff_ffff) * 0x1p-24
  }

  /// One float64 in [0, 1): the low 53 bits of `random64()` times 2^-53.
  public mutating func uniformDouble() -> Double {
    Double(random64() & 0x1f_ffff_ffff_ffff) * 0x1p-53
  }

  /// `torch.rand(count)` / `uniform_(from, to)` on a float32 tensor: `x * (to - from) + from`
  /// in float32, with `from` and `to` first rounded to float32 like the kernel does.
  public mutating func uniform(
    from: Double = 0, to: Double = 1, count: Int
  ) throws(RandomError) -> [Float] {
    try Self.checkUniform(from, to)
    return uncheckedUniform(from: from, to: to, count: count)
  }

  /// `uniform` for bounds known to be ordered (the initialisers' `±bound`).
  mutating func uncheckedUniform(from: Double, to: Double, count: Int) -> [Float] {
    let low = Float(from)
    let width = Float(to) - low
    let fused = capability.fusesMultiplyAdd
    return (0..<count).map { _ in
      let x = uniformFloat()
      return fused ? low.addingProduct(x, width) : x * width + low
    }
  }

  /// `torch.rand(count, dtype=torch.float64)` / `uniform_(from, to)` on a float64 tensor.
  public mutating func uniformDouble(
    from: Double = 0, to: Double = 1, count: Int
  ) throws(RandomError) -> [Double] {
    try Self.checkUniform(from, to)
    let width = to - from
    let fused = capability.fusesMultiplyAdd
    return (0..<count).map { _ in
      let x = uniformDouble()
      return fused ? from.addingProduct(x, width) : x * width + from
    }
  }

  private static func checkUniform(_ from: Double, _ to: Double) throws(RandomError) {
    guard from <= to else {
      throw RandomError(
        .value,
        "uniform_ expects to return a [from, to) range, but found from=\(cpp: from) > to=\(cpp: to)"
      )
    }
  }

  // MARK: Integers

  /// `torch.randint(low, high, (count,))` (int64): `random() % range + low`, switching to
  /// `random64()` when the range reaches 2^32.
  public mutating func randint(
    low: Int64, high: Int64, count: Int
  ) throws(RandomError) -> [Int64] {
    guard low < high else {
      throw RandomError(
        .value,
        "random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)")
    }
    let range = UInt64(bitPattern: high &- low)
    return (0..<count).map { _ in
      let draw = range >= 1 << 32 ? random64() : UInt64(random())
      return Int64(bitPattern: draw % range &+ UInt64(bitPattern: low))
    }
  }

  /// `torch.randperm(n)`: PyTorch's forward swap `z = random() % (n - i)` for n below
  /// `UInt32.max / 20`, the inside-out shuffle over `random64()` above it.
  public mutating func randperm(_ n: Int) throws(RandomError) -> [Int64] {
    guard n >= 0 else {
      throw RandomError(
        .value, "Trying to create tensor with negative dimension \(n): [\(n)]")
    }
    var values = (0..<Int64(n)).map { $0 }
    if n < Int(UInt32.max / 20) {
      var i = 0
      while i < n - 1 {
        let z = Int(UInt64(random()) % UInt64(n - i))
        values.swapAt(i, z + i)
        i += 1
      }
      return values
    }
    for i in 0..<n {
      let z = Int(random64() % UInt64(i + 1))
      values[i] = values[z]
      values[z] = Int64(i)
    }
    return values
  }

  // MARK: Bernoulli

  /// `torch.bernoulli(p)` / `bernoulli_(p_tensor)` with float32 probabilities: `u < p` with the
  /// 24-bit float uniform.
  public mutating func bernoulli(probabilities: [Float]) -> [Float] {
    probabilities.map { uniformFloat() < $0 ? 1 : 0 }
  }

  /// `bernoulli_(p_tensor)` with float64 probabilities: `u < p` with the 53-bit uniform.
  public mutating func bernoulli(probabilities: [Double]) -> [Double] {
    probabilities.map { uniformDouble() < $0 ? 1 : 0 }
  }

  /// `tensor.bernoulli_(p)` with a scalar `p`: `u < p` with the 53-bit uniform per element.
  ///
  /// Builds with MKL once routed this through MKL's own stream; PyTorch 2.13 CPU wheels use
  /// the generator directly, which the fixtures confirm.
  public mutating func bernoulli(p: Double, count: Int) throws(RandomError) -> [Float] {
    guard (0...1).contains(p) else {
      throw RandomError(.value, "bernoulli_ expects p to be in [0, 1], but got p=\(cpp: p)")
    }
    return (0..<count).map { _ in uniformDouble() < p ? 1 : 0 }
  }

  /// The mask of `F.dropout(x, p, training=True)` on a float32 CPU tensor: `bernoulli_(1 - p)`
  /// divided by `Float(1 - p)`. Multiply the input by it elementwise.
  public mutating func dropoutMask(p: Double, count: Int) throws(RandomError) -> [Float] {
    guard (0...1).contains(p) else {
      throw RandomError(.value, "dropout probability has to be between 0 and 1, but got \(p)")
    }
    if p == 0 { return [Float](repeating: 1, count: count) }
    if p == 1 { return [Float](repeating: 0, count: count) }
    let keep = 1 - p
    let scale = Float(keep)
    return try bernoulli(p: keep, count: count).map { $0 / scale }
  }
}
