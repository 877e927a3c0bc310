/// The MT19937 Mersenne Twister of Matsumoto and Nishimura (2002 reference `mt19937ar.c`).
///
/// It is the engine under NumPy's legacy `RandomState`, PyTorch's CPU generator and CPython's
/// `random` module; each of those wraps it with its own seeding and output transforms.
/// A value type: copying a twister forks the stream.
public struct MersenneTwister: Sendable, Equatable {
  /// Number of 32-bit words of state.
  public static let stateSize = 624
  private static let shift = 397
  private static let matrixA: UInt32 = 0x9908_b0df
  private static let upperMask: UInt32 = 0x8000_0000
  private static let lowerMask: UInt32 = 0x7fff_ffff

  /// The 624 state words.
  public private(set) var state: [UInt32]
  /// Index of the next word to temper; `stateSize` means a twist is due.
  public private(set) var position: Int

  /// Seeds with one 32-bit word (`init_genrand`); only the low 32 bits of `seed` count.
  public init(seed: UInt64) {
    state = [UInt32](repeating: 0, count: Self.stateSize)
    position = Self.stateSize
    seedState(UInt32(truncatingIfNeeded: seed))
  }

  /// Seeds with an array of 32-bit words (`init_by_array`), as NumPy array seeds and CPython do.
  public init(key: [UInt32]) {
    self.init(seed: 19_650_218)
    let n = Self.stateSize
    var i = 1
    var j = 0
    for _ in 0..<max(n, key.count) {
      let previous = state[i - 1] ^ (state[i - 1] >> 30)
      state[i] = (state[i] ^ (previous &* 1_664_525)) &+ (key.isEmpty ? 0 : key[j]) &+ UInt32(j)
      i += 1
      j += 1
      if i >= n {
        state[0] = state[n - 1]
        i = 1
      }
      if j >= key.count { j = 0 }
    }
    for _ in 0..<(n - 1) {
      let previous = state[i - 1] ^ (state[i - 1] >> 30)
      state[i] = (state[i] ^ (previous &* 1_566_083_941)) &- UInt32(i)
      i += 1
      if i >= n {
        state[0] = state[n - 1]
        i = 1
      }
    }
    state[0] = 0x8000_0000
    position = n
  }

  /// Restores a saved state (for example NumPy's `get_state()` key and position).
  public init(state: [UInt32], position: Int) throws(RandomError) {
    guard state.count == Self.stateSize else {
      throw RandomError(.value, "state must be 624 elements")
    }
    guard (0...Self.stateSize).contains(position) else {
      throw RandomError(.value, "pos must be between 0 and 624")
    }
    self.state = state
    self.position = position
  }

  private mutating func seedState(_ seed: UInt32) {
    state[0] = seed
    for i in 1..<Self.stateSize {
      let previous = state[i - 1]
      state[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
    }
    position = Self.stateSize
  }

  /// The next 32-bit output (`genrand_int32`).
  public mutating func next32() -> UInt32 {
    if position >= Self.stateSize { twist() }
    var y = state[position]
    position += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9d2c_5680
    y ^= (y << 15) & 0xefc6_0000
    y ^= y >> 18
    return y
  }

  /// Two outputs joined high word first, as NumPy's `next_uint64` and PyTorch's `random64()`.
  public mutating func next64() -> UInt64 {
    let high = UInt64(next32())
    let low = UInt64(next32())
    return high << 32 | low
  }

  /// A double in [0, 1) from two outputs (27 + 26 bits), as `genrand_res53`.
  public mutating func nextDouble53() -> Double {
    let a = Double(next32() >> 5)
    let b = Double(next32() >> 6)
    return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
  }

  private mutating func twist() {
    let n = Self.stateSize
    let m = Self.shift
    state.withUnsafeMutableBufferPointer { mt in
      for k in 0..<n {
        let y = (mt[k] & Self.upperMask) | (mt[(k + 1) % n] & Self.lowerMask)
        mt[k] = mt[(k + m) % n] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : Self.matrixA)
      }
    }
    position = 0
  }
}
