import Foundation

/// NumPy's legacy `numpy.random.RandomState`, bit-identical for the same seed and call sequence.
///
/// Every method consumes the MT19937 stream exactly as NumPy 2.x's `mtrand.pyx` and the legacy
/// C distributions do, including the cached second value of the polar Box-Muller
/// (`has_gauss`/`gauss`), so interleaving `randn`, `rand` and `randint` reproduces NumPy.
/// Results are flat arrays in C order; the caller gives them a shape.
public struct NumPyRandomState: Sendable, Equatable {
  /// The engine; exposed so a state can be saved and restored like `get_state`/`set_state`.
  public var twister: MersenneTwister
  /// The spare normal deviate left by the last Box-Muller pair, if any.
  public var cachedGauss: Double?

  /// `RandomState(seed)` / `np.random.seed(seed)` for an integer seed in [0, 2^32).
  public init(seed: UInt32) {
    twister = MersenneTwister(seed: UInt64(seed))
    cachedGauss = nil
  }

  /// `RandomState(seed)` for a sequence of integers: NumPy feeds them to `init_by_array`.
  public init(seedArray: [UInt32]) {
    twister = MersenneTwister(key: seedArray)
    cachedGauss = nil
  }

  /// `set_state(('MT19937', key, pos, has_gauss, cached_gaussian))`; `get_state()` is
  /// `twister.state`, `twister.position` and `cachedGauss`.
  public init(key: [UInt32], position: Int, cachedGauss: Double? = nil) throws(RandomError) {
    twister = try MersenneTwister(state: key, position: position)
    self.cachedGauss = cachedGauss
  }

  /// Reseeds in place, clearing the cached Gaussian as NumPy does.
  public mutating func seed(_ seed: UInt32) {
    self = NumPyRandomState(seed: seed)
  }

  // MARK: Uniform doubles

  /// One double in [0, 1) (`random_sample()` with no size).
  public mutating func randomSample() -> Double {
    twister.nextDouble53()
  }

  /// `random_sample(count)`, `rand(*shape)`, `random(size)`: doubles in [0, 1).
  public mutating func randomSample(count: Int) -> [Double] {
    (0..<count).map { _ in twister.nextDouble53() }
  }

  /// `uniform(low, high, size)`: `low + (high - low) * u` per element.
  public mutating func uniform(low: Double = 0, high: Double = 1, count: Int) -> [Double] {
    let range = high - low
    return (0..<count).map { _ in low + range * twister.nextDouble53() }
  }

  // MARK: Normal

  /// One standard normal deviate by the legacy polar method, using the cached spare first.
  public mutating func standardNormal() -> Double {
    if let spare = cachedGauss {
      cachedGauss = nil
      return spare
    }
    var x1 = 0.0
    var x2 = 0.0
    var r2 = 0.0
    repeat {
      x1 = 2.0 * twister.nextDouble53() - 1.0
      x2 = 2.0 * twister.nextDouble53() - 1.0
      r2 = x1 * x1 + x2 * x2
    } while r2 >= 1.0 || r2 == 0.0
    let f = (-2.0 * log(r2) / r2).squareRoot()
    cachedGauss = f * x1
    return f * x2
  }

  /// `standard_normal(size)` / `randn(*shape)`.
  public mutating func standardNormal(count: Int) -> [Double] {
    (0..<count).map { _ in standardNormal() }
  }

  /// `normal(loc, scale, size)`: `loc + scale * z` per element.
  public mutating func normal(
    loc: Double = 0, scale: Double = 1, count: Int
  ) throws(RandomError) -> [Double] {
    guard scale >= 0 else { throw RandomError(.value, "scale < 0") }
    return (0..<count).map { _ in loc + scale * standardNormal() }
  }

  /// `standard_exponential(size)` / `exponential(scale, size)`: `scale * -log(1 - u)`.
  public mutating func exponential(scale: Double = 1, count: Int) throws(RandomError) -> [Double] {
    guard scale >= 0 else { throw RandomError(.value, "scale < 0") }
    return (0..<count).map { _ in scale * -log(1.0 - twister.nextDouble53()) }
  }

  // MARK: Integers

  /// `randint(low, high, size)` with the default `int` (int64) dtype: values in [low, high).
  ///
  /// Legacy NumPy draws masked rejection samples: 32-bit words when `high - 1 - low` fits in
  /// 32 bits, 64-bit words (two outputs, high word first) otherwise.
  public mutating func randint(
    low: Int64, high: Int64, count: Int
  ) throws(RandomError) -> [Int64] {
    guard low < high else { throw RandomError(.value, "low >= high") }
    let range = UInt64(bitPattern: high &- 1 &- low)
    return (0..<count).map { _ in
      Int64(bitPattern: UInt64(bitPattern: low) &+ boundedMasked(range))
    }
  }

  /// `randint(low, high, size, dtype)` for the narrower dtypes, whose draws differ.
  ///
  /// 32- and 64-bit dtypes draw like `int64`. 16- and 8-bit dtypes cut each 32-bit output
  /// into 2 or 4 pieces, low bits first, and `bool` into 32 single bits; the buffer lives for
  /// one call, as NumPy's does. A range outside the dtype throws NumPy's message.
  public mutating func randint(
    low: Int64, high: Int64, count: Int, dtype: NumPyIntegerType
  ) throws(RandomError) -> [Int64] {
    guard low < high else { throw RandomError(.value, "low >= high") }
    let (minimum, maximum) = dtype.bounds
    guard low >= minimum else { throw RandomError(.value, "low is out of bounds for \(dtype)") }
    guard high - 1 <= maximum else {
      throw RandomError(.value, "high is out of bounds for \(dtype)")
    }
    let range = UInt64(bitPattern: high &- 1 &- low)
    let pieceBits: Int
    switch dtype {
    case .int64, .uint64, .int32, .uint32: return try randint(low: low, high: high, count: count)
    case .int16, .uint16: pieceBits = 16
    case .int8, .uint8: pieceBits = 8
    case .bool: pieceBits = 1
    }
    if range == 0 { return [Int64](repeating: low, count: count) }
    let pieceMask: UInt32 = (1 << pieceBits) - 1
    let mask = dtype == .bool ? 1 : UInt32(truncatingIfNeeded: Self.mask(covering: range))
    let bound = UInt32(truncatingIfNeeded: range)
    var buffer: UInt32 = 0
    var remaining = 0
    func nextPiece() -> UInt32 {
      if remaining == 0 {
        buffer = twister.next32()
        remaining = 32 / pieceBits - 1
      } else {
        buffer >>= pieceBits
        remaining -= 1
      }
      return buffer & pieceMask
    }
    return (0..<count).map { _ in
      var value = nextPiece() & mask
      while value > bound { value = nextPiece() & mask }
      return low + Int64(value)
    }
  }

  /// `randint(high, size=count)`: values in [0, high).
  public mutating func randint(high: Int64, count: Int) throws(RandomError) -> [Int64] {
    guard high > 0 else { throw RandomError(.value, "high <= 0") }
    return try randint(low: 0, high: high, count: count)
  }

  /// A value in [0, range] by masked rejection, as `random_bounded_uint64_fill(use_masked=True)`.
  private mutating func boundedMasked(_ range: UInt64) -> UInt64 {
    if range == 0 { return 0 }
    if range <= 0xffff_ffff {
      if range == 0xffff_ffff { return UInt64(twister.next32()) }
      let mask = UInt32(truncatingIfNeeded: Self.mask(covering: range))
      let bound = UInt32(range)
      var value = twister.next32() & mask
      while value > bound { value = twister.next32() & mask }
      return UInt64(value)
    }
    if range == .max { return twister.next64() }
    let mask = Self.mask(covering: range)
    var value = twister.next64() & mask
    while value > range { value = twister.next64() & mask }
    return value
  }

  /// A value in [0, max] as `random_interval`, the draw behind `shuffle` and `permutation`.
  public mutating func randomInterval(_ max: UInt64) -> UInt64 {
    if max == 0 { return 0 }
    let mask = Self.mask(covering: max)
    if max <= 0xffff_ffff {
      var value = UInt64(twister.next32()) & mask
      while value > max { value = UInt64(twister.next32()) & mask }
      return value
    }
    var value = twister.next64() & mask
    while value > max { value = twister.next64() & mask }
    return value
  }

  /// The smallest all-ones bit mask that covers `value`.
  private static func mask(covering value: UInt64) -> UInt64 {
    value == 0 ? 0 : UInt64.max >> value.leadingZeroBitCount
  }

  // MARK: Permutations

  /// `shuffle(x)` in place along the first axis: legacy Fisher-Yates from the end.
  public mutating func shuffle<Element>(_ elements: inout [Element]) {
    guard elements.count > 1 else { return }
    for i in stride(from: elements.count - 1, through: 1, by: -1) {
      let j = Int(randomInterval(UInt64(i)))
      elements.swapAt(i, j)
    }
  }

  /// `permutation(n)`: a shuffled `arange(n)`. For an array, index it with this permutation.
  public mutating func permutation(_ n: Int) -> [Int64] {
    var values = (0..<Int64(n)).map { $0 }
    shuffle(&values)
    return values
  }

  // MARK: Choice

  /// `choice(populationSize, size, replace, p)`: indices into the population (`a[idx]`
  /// for an array `a`).
  ///
  /// With `p` and replacement: a normalised cumulative sum searched with uniform draws.
  /// Without replacement and without `p`: the first `count` of a permutation. Without
  /// replacement with `p`: NumPy's repeated-rounds algorithm, zeroing chosen entries.
  public mutating func choice(
    populationSize: Int, count: Int, replace: Bool = true, p: [Double]? = nil
  ) throws(RandomError) -> [Int64] {
    if count == 0 { return [] }
    if populationSize <= 0 {
      throw RandomError(.value, "a must be greater than 0 unless no samples are taken")
    }
    if let p {
      guard p.count == populationSize else {
        throw RandomError(.value, "'a' and 'p' must have same size")
      }
      if p.contains(where: { $0 < 0 }) {
        throw RandomError(.value, "probabilities are not non-negative")
      }
      let total = p.reduce(0, +)
      if abs(total - 1) > Double.ulpOfOne.squareRoot() {
        throw RandomError(.value, "probabilities do not sum to 1")
      }
    }
    if replace {
      guard let p else { return try randint(low: 0, high: Int64(populationSize), count: count) }
      let cdf = Self.normalisedCumulativeSum(p)
      return randomSample(count: count).map { Int64(Self.searchSortedRight(cdf, $0)) }
    }
    if count > populationSize {
      throw RandomError(.value, "Cannot take a larger sample than population when 'replace=False'")
    }
    guard var weights = p else { return Array(permutation(populationSize).prefix(count)) }
    if weights.filter({ $0 > 0 }).count < count {
      throw RandomError(.value, "Fewer non-zero entries in p than size")
    }
    var found: [Int64] = []
    while found.count < count {
      let draws = randomSample(count: count - found.count)
      for index in found { weights[Int(index)] = 0 }
      let cdf = Self.normalisedCumulativeSum(weights)
      var seen = Set<Int64>()
      for u in draws {
        let index = Int64(Self.searchSortedRight(cdf, u))
        if seen.insert(index).inserted { found.append(index) }
      }
    }
    return found
  }

  /// `cumsum` (sequential, like `np.cumsum`) divided by its last element.
  private static func normalisedCumulativeSum(_ p: [Double]) -> [Double] {
    var cdf = [Double](repeating: 0, count: p.count)
    var sum = 0.0
    for (i, value) in p.enumerated() {
      sum += value
      cdf[i] = sum
    }
    guard let last = cdf.last else { return cdf }
    return cdf.map { $0 / last }
  }

  /// `searchsorted(side='right')`: the number of entries <= `value`.
  private static func searchSortedRight(_ sorted: [Double], _ value: Double) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let mid = (low + high) / 2
      if sorted[mid] <= value { low = mid + 1 } else { high = mid }
    }
    return low
  }

  // MARK: Multivariate normal

  /// The standard normal draws behind `multivariate_normal(mean, cov, size)`: `count *
  /// dimension` of them, one row per sample.
  public mutating func multivariateNormalDraws(dimension: Int, count: Int) -> [Double] {
    standardNormal(count: dimension * count)
  }

  /// `multivariate_normal(mean, cov, count)` given `cov`'s SVD `u, s, vt = svd(cov)`.
  ///
  /// NumPy computes `x @ (sqrt(s)[:, None] * vt) + mean` over the draws `x`. The SVD belongs
  /// to the tensor side (LAPACK); its `s` and `vt` come in here. The product accumulates with
  /// fused multiply-adds in index order, which matches NumPy's OpenBLAS `dgemm` on the
  /// recorded fixtures; a different BLAS may round the product differently, never the draws.
  /// The result has `count` rows of `mean.count` values.
  public mutating func multivariateNormal(
    mean: [Double], singularValues: [Double], rightSingularVectors vt: [Double], count: Int
  ) throws(RandomError) -> [Double] {
    let d = mean.count
    guard singularValues.count == d && vt.count == d * d else {
      throw RandomError(.value, "mean and cov must have same length")
    }
    var factor = vt
    for row in 0..<d {
      let scale = singularValues[row].squareRoot()
      for column in 0..<d { factor[row * d + column] = scale * vt[row * d + column] }
    }
    let draws = multivariateNormalDraws(dimension: d, count: count)
    var samples = [Double](repeating: 0, count: count * d)
    for sample in 0..<count {
      for column in 0..<d {
        var sum = 0.0
        for k in 0..<d { sum = sum.addingProduct(draws[sample * d + k], factor[k * d + column]) }
        samples[sample * d + column] = sum + mean[column]
      }
    }
    return samples
  }
}

/// The integer dtypes of `RandomState.randint`; they decide how many bits each draw uses.
public enum NumPyIntegerType: String, Sendable, CaseIterable {
  case bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64

  /// The smallest and largest value of the dtype (`uint64` is capped at `Int64.max` here).
  public var bounds: (minimum: Int64, maximum: Int64) {
    switch self {
    case .bool: (0, 1)
    case .int8: (Int64(Int8.min), Int64(Int8.max))
    case .uint8: (0, Int64(UInt8.max))
    case .int16: (Int64(Int16.min), Int64(Int16.max))
    case .uint16: (0, Int64(UInt16.max))
    case .int32: (Int64(Int32.min), Int64(Int32.max))
    case .uint32: (0, Int64(UInt32.max))
    case .int64: (.min, .max)
    case .uint64: (0, .max)
    }
  }
}
