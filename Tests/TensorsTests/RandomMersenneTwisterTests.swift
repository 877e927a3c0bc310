import Testing

@testable import Tensors

@Suite struct RandomMersenneTwisterTests {
  /// The first outputs printed by the authors' mt19937ar.c test program.
  @Test func initByArrayMatchesReferenceProgram() {
    var twister = MersenneTwister(key: [0x123, 0x234, 0x345, 0x456])
    let outputs = (0..<5).map { _ in twister.next32() }
    #expect(outputs == [1_067_595_299, 955_945_823, 477_289_528, 4_107_218_783, 4_228_976_476])
  }

  /// C++11 requires the 10000th output of a default-seeded `std::mt19937` to be 4123659995.
  @Test func defaultSeedTenThousandthOutput() {
    var twister = MersenneTwister(seed: 5489)
    for _ in 1..<10_000 { _ = twister.next32() }
    #expect(twister.next32() == 4_123_659_995)
  }

  @Test func seedUsesOnlyTheLow32Bits() {
    var a = MersenneTwister(seed: 5)
    var b = MersenneTwister(seed: (1 << 32) + 5)
    #expect(a.next64() == b.next64())
  }

  @Test func next64PutsTheFirstOutputHigh() {
    var pair = MersenneTwister(seed: 9)
    var single = MersenneTwister(seed: 9)
    let high = UInt64(single.next32())
    let low = UInt64(single.next32())
    #expect(pair.next64() == high << 32 | low)
  }

  @Test func restoringAShortStateThrows() {
    #expect(throws: RandomError(.value, "state must be 624 elements")) {
      try MersenneTwister(state: [1, 2, 3], position: 0)
    }
  }

  @Test func stateRoundTrips() throws {
    var original = MersenneTwister(seed: 77)
    for _ in 0..<700 { _ = original.next32() }
    var restored = try MersenneTwister(state: original.state, position: original.position)
    #expect(restored.next32() == original.next32())
  }
}
