import Foundation

/// CPython 3.11's `random.Random`, bit-identical for the same seed (int, str, bytes or float)
/// and call sequence.
///
/// Integers are limited to 64 bits (CPython's are unbounded): ranges whose arithmetic would
/// overflow throw; `getrandbits(words:)` gives wider values as little-endian 32-bit words, as
/// CPython builds them.
public struct PythonRandom: Sendable, Equatable {
  /// The engine.
  public var twister: MersenneTwister
  /// `gauss_next`: the second value of the last `gauss` pair, if unused.
  public var gaussNext: Double?

  /// `random.seed(a)` / `Random(a)` for an integer `a`: `init_by_array` over the 32-bit words
  /// of `abs(a)`, least significant first (one zero word for 0).
  public init(seed: Int64) {
    self.init(seedMagnitude: seed.magnitude)
  }

  /// `random.seed(a)` for a non-negative integer given by its magnitude.
  public init(seedMagnitude: UInt64) {
    var words: [UInt32] = [UInt32(truncatingIfNeeded: seedMagnitude)]
    if seedMagnitude >> 32 != 0 { words.append(UInt32(truncatingIfNeeded: seedMagnitude >> 32)) }
    self.init(seedWords: words)
  }

  /// `random.seed(a)` for an integer of any size given as little-endian 32-bit words of `abs(a)`
  /// without high zero words.
  public init(seedWords: [UInt32]) {
    twister = MersenneTwister(key: seedWords.isEmpty ? [0] : seedWords)
    gaussNext = nil
  }

  /// `random.seed(s)` for a `str` (its UTF-8 bytes) with the default `version=2`.
  public init(seedString: String) {
    self.init(seedBytes: Array(seedString.utf8))
  }

  /// `random.seed(b)` for `bytes`: the integer whose big-endian bytes are `b` followed by
  /// `sha512(b)`.
  public init(seedBytes: [UInt8]) {
    let bytes = seedBytes + SHA512.digest(seedBytes)
    var words: [UInt32] = []
    var index = bytes.count
    while index > 0 {
      let start = max(0, index - 4)
      words.append(bytes[start..<index].reduce(0) { $0 << 8 | UInt32($1) })
      index = start
    }
    while let last = words.last, last == 0 { words.removeLast() }
    self.init(seedWords: words)
  }

  /// `random.seed(x)` for a `float`: CPython seeds with `hash(x)` read as an unsigned 64-bit
  /// integer (no absolute value, unlike for ints).
  public init(seedFloat: Double) {
    self.init(seedMagnitude: UInt64(bitPattern: Self.pythonHash(seedFloat)))
  }

  /// CPython's `hash(float)`: the value reduced modulo the Mersenne prime 2^61 - 1 (a NaN,
  /// which CPython hashes by identity, gives 0 here).
  static func pythonHash(_ value: Double) -> Int64 {
    let bits: UInt64 = 61
    let modulus: UInt64 = (1 << bits) - 1
    if value.isInfinite { return value > 0 ? 314_159 : -314_159 }
    if value.isNaN { return 0 }
    var exponent = Int(value.exponent) + 1
    if value == 0 { return 0 }
    // frexp's mantissa, made positive as CPython does (Swift's significand has no sign).
    var mantissa = value.significand / 2
    let sign: Int64 = value < 0 ? -1 : 1
    var x: UInt64 = 0
    while mantissa != 0 {
      x = ((x << 28) & modulus) | x >> (bits - 28)
      mantissa *= 268_435_456.0
      exponent -= 28
      let integral = UInt64(mantissa)
      mantissa -= Double(integral)
      x += integral
      if x >= modulus { x -= modulus }
    }
    let e =
      exponent >= 0
      ? UInt64(exponent % Int(bits)) : bits - 1 - UInt64((-1 - exponent) % Int(bits))
    x = ((x << e) & modulus) | x >> (bits - e)
    var hash = Int64(bitPattern: x) &* sign
    if hash == -1 { hash = -2 }
    return hash
  }

  /// Reseeds in place (also clearing `gauss_next`).
  public mutating func seed(_ seed: Int64) {
    self = PythonRandom(seed: seed)
  }

  // MARK: Core

  /// `random()`: a double in [0, 1) from 53 bits.
  public mutating func random() -> Double {
    twister.nextDouble53()
  }

  /// `getrandbits(k)` for `k` in 0...64 (wider: `getrandbits(words:)`).
  public mutating func getrandbits(_ k: Int) throws(RandomError) -> UInt64 {
    guard k >= 0 else { throw RandomError(.value, "number of bits must be non-negative") }
    guard k <= 64 else { throw RandomError(.value, "getrandbits(\(k)) needs getrandbits(words:)") }
    return bits(k)
  }

  /// `getrandbits(k)` for a `k` in 0...64 known to be valid.
  private mutating func bits(_ k: Int) -> UInt64 {
    if k == 0 { return 0 }
    if k <= 32 { return UInt64(twister.next32() >> (32 - k)) }
    let low = UInt64(twister.next32())
    let high = UInt64(twister.next32() >> (64 - k))
    return high << 32 | low
  }

  /// `getrandbits(k)` for any `k`: the 32-bit words of the result, least significant first.
  public mutating func getrandbits(words k: Int) throws(RandomError) -> [UInt32] {
    guard k >= 0 else { throw RandomError(.value, "number of bits must be non-negative") }
    var remaining = k
    var words: [UInt32] = []
    while remaining > 0 {
      var word = twister.next32()
      if remaining < 32 { word >>= 32 - remaining }
      words.append(word)
      remaining -= 32
    }
    return words
  }

  /// `_randbelow(n)`: rejection sampling on `getrandbits(n.bit_length())`.
  ///
  /// `n` must be positive: CPython loops forever on 0, the public callers check first.
  public mutating func randbelow(_ n: UInt64) -> UInt64 {
    precondition(n > 0, "randbelow: n must be positive")
    let k = 64 - n.leadingZeroBitCount
    var r = bits(k)
    while r >= n { r = bits(k) }
    return r
  }

  // MARK: Integers

  /// `randrange(stop)`.
  public mutating func randrange(_ stop: Int64) throws(RandomError) -> Int64 {
    guard stop > 0 else { throw RandomError(.value, "empty range for randrange()") }
    return Int64(randbelow(UInt64(stop)))
  }

  /// `randrange(start, stop, step)`.
  public mutating func randrange(
    _ start: Int64, _ stop: Int64, step: Int64 = 1
  ) throws(RandomError) -> Int64 {
    if step == 1 {
      guard stop > start else {
        let width = start == stop ? "0" : "-\(UInt64(bitPattern: start &- stop))"
        throw RandomError(.value, "empty range for randrange() (\(start), \(stop), \(width))")
      }
      // The true width fits in 64 unsigned bits and the result lies in the range, so
      // wrapping arithmetic is exact.
      return start &+ Int64(bitPattern: randbelow(UInt64(bitPattern: stop &- start)))
    }
    guard step != 0 else { throw RandomError(.value, "zero step for randrange()") }
    let tooWide = RandomError(.value, "randrange: the range does not fit 64-bit integers")
    let (width, o1) = stop.subtractingReportingOverflow(start)
    let (adjusted, o2) = width.addingReportingOverflow(step > 0 ? step - 1 : step + 1)
    guard !o1, !o2 else { throw tooWide }
    let n = Self.floorDivide(adjusted, step)
    guard n > 0 else { throw RandomError(.value, "empty range for randrange()") }
    return start &+ step &* Int64(randbelow(UInt64(n)))
  }

  /// `randint(a, b)`: `randrange(a, b + 1)`, both ends included.
  public mutating func randint(_ a: Int64, _ b: Int64) throws(RandomError) -> Int64 {
    guard a <= b else {
      let gap = UInt64(bitPattern: a &- b) - 1
      let width = gap == 0 ? "0" : "-\(gap)"
      throw RandomError(.value, "empty range for randrange() (\(a), \(b + 1), \(width))")
    }
    guard a != .min || b != .max else {
      throw RandomError(.value, "randrange: the range does not fit 64-bit integers")
    }
    return a &+ Int64(bitPattern: randbelow(UInt64(bitPattern: b &- a) &+ 1))
  }

  private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let quotient = a / b
    return (a % b != 0) && ((a < 0) != (b < 0)) ? quotient - 1 : quotient
  }

  // MARK: Sequences

  /// `choice(seq)`: `seq[_randbelow(len(seq))]`; nil for an empty sequence (CPython raises).
  public mutating func choice<Element>(_ elements: [Element]) -> Element? {
    guard !elements.isEmpty else { return nil }
    return elements[Int(randbelow(UInt64(elements.count)))]
  }

  /// `shuffle(x)` in place: from the end, swapping `x[i]` with `x[_randbelow(i + 1)]`.
  public mutating func shuffle<Element>(_ elements: inout [Element]) {
    guard elements.count > 1 else { return }
    for i in stride(from: elements.count - 1, through: 1, by: -1) {
      elements.swapAt(i, Int(randbelow(UInt64(i + 1))))
    }
  }

  /// `sample(population, k)`: CPython picks a pool algorithm for small populations and a
  /// set-based rejection algorithm for large ones; both are reproduced.
  public mutating func sample<Element>(
    _ population: [Element], count k: Int
  ) throws(RandomError) -> [Element] {
    let n = population.count
    guard (0...n).contains(k) else {
      throw RandomError(.value, "Sample larger than population or is negative")
    }
    var setSize = 21
    if k > 5 {
      let exponent = Int(ceil(Foundation.log(Double(k * 3)) / Foundation.log(4.0)))
      setSize += 1 << (2 * exponent)
    }
    var result: [Element] = []
    result.reserveCapacity(k)
    if n <= setSize {
      var pool = population
      for i in 0..<k {
        let j = Int(randbelow(UInt64(n - i)))
        result.append(pool[j])
        pool[j] = pool[n - i - 1]
      }
    } else {
      var selected = Set<Int>()
      for _ in 0..<k {
        var j = Int(randbelow(UInt64(n)))
        while selected.contains(j) { j = Int(randbelow(UInt64(n))) }
        selected.insert(j)
        result.append(population[j])
      }
    }
    return result
  }

  /// `choices(population, weights, k=k)`: with replacement, `floor(random() * n)` without
  /// weights, otherwise `bisect_right` of `random() * total` in the running sums (which
  /// `cum_weights` gives directly: pass them with `cumulative: true`).
  public mutating func choices<Element>(
    _ population: [Element], weights: [Double]? = nil, cumulative: Bool = false, count k: Int
  ) throws(RandomError) -> [Element] {
    let n = population.count
    guard let weights else {
      guard n > 0 || k == 0 else { throw RandomError(.index, "list index out of range") }
      return (0..<k).map { _ in population[Int((random() * Double(n)).rounded(.down))] }
    }
    var sums = weights
    if !cumulative {
      var total = 0.0
      sums = weights.map { weight in
        total += weight
        return total
      }
    }
    guard sums.count == n else {
      throw RandomError(.value, "The number of weights does not match the population")
    }
    let total = sums.last ?? 0
    guard total > 0 else {
      throw RandomError(.value, "Total of weights must be greater than zero")
    }
    guard total.isFinite else { throw RandomError(.value, "Total of weights must be finite") }
    return (0..<k).map { _ in
      let x = random() * total
      var low = 0
      var high = n - 1
      while low < high {
        let mid = (low + high) / 2
        if x < sums[mid] { high = mid } else { low = mid + 1 }
      }
      return population[low]
    }
  }

  // MARK: Real distributions

  /// `expovariate(lambd)`: `-log(1 - random()) / lambd`.
  public mutating func expovariate(_ lambda: Double) -> Double {
    -Foundation.log(1.0 - random()) / lambda
  }

  /// `uniform(a, b)`: `a + (b - a) * random()`.
  public mutating func uniform(_ a: Double, _ b: Double) -> Double {
    a + (b - a) * random()
  }

  /// `gauss(mu, sigma)`: Box-Muller with the second value kept in `gauss_next`.
  public mutating func gauss(mu: Double = 0, sigma: Double = 1) -> Double {
    var z = gaussNext
    gaussNext = nil
    if z == nil {
      let x2pi = random() * (2.0 * Double.pi)
      let g2rad = (-2.0 * Foundation.log(1.0 - random())).squareRoot()
      z = cos(x2pi) * g2rad
      gaussNext = sin(x2pi) * g2rad
    }
    return mu + (z ?? 0) * sigma
  }

  /// `normalvariate(mu, sigma)`: Kinderman and Monahan's ratio method.
  public mutating func normalvariate(mu: Double = 0, sigma: Double = 1) -> Double {
    let magic = 4 * exp(-0.5) / 2.0.squareRoot()
    while true {
      let u1 = random()
      let u2 = 1.0 - random()
      let z = magic * (u1 - 0.5) / u2
      let zz = z * z / 4.0
      if zz <= -Foundation.log(u2) { return mu + z * sigma }
    }
  }
}
