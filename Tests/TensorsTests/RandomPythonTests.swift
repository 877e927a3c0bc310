import Foundation
import Testing

@testable import Tensors

/// CPython 3.11's `random.Random` against streams recorded from CPython 3.11.7.
@Suite struct RandomPythonTests {
  static let fixture = "cpython_streams"

  /// The little-endian 32-bit words of `abs(n)` for a decimal integer of any size.
  static func magnitudeWords(_ decimal: String) -> [UInt32] {
    var words: [UInt32] = []
    for digit in decimal where digit.isNumber {
      var carry = UInt64(digit.wholeNumberValue ?? 0)
      for i in words.indices {
        let value = UInt64(words[i]) * 10 + carry
        words[i] = UInt32(truncatingIfNeeded: value)
        carry = value >> 32
      }
      if carry != 0 { words.append(UInt32(carry)) }
    }
    return words
  }

  @Test(arguments: 0..<RandomFixture.caseCount(fixture))
  func replaysRecordedStream(index: Int) throws {
    let fixtureCase = RandomFixture.cases(Self.fixture)[index]
    var random: PythonRandom
    if let text = fixtureCase.fields["seed_string"] as? String {
      random = PythonRandom(seedString: text)
    } else if let bytes = fixtureCase.fields["seed_bytes"] as? [Int] {
      random = PythonRandom(seedBytes: bytes.map { UInt8($0) })
    } else if let hex = fixtureCase.fields["seed_float"] as? String {
      let value = RandomFixture.parseHex(hex)
      #expect(String(PythonRandom.pythonHash(value)) == fixtureCase.fields["hash"] as? String)
      random = PythonRandom(seedFloat: value)
    } else {
      random = PythonRandom(
        seedWords: Self.magnitudeWords(fixtureCase.fields["seed"] as? String ?? ""))
    }
    var checked = 0
    for call in fixtureCase.calls {
      let n = call.int("n")
      var integers: [String] = []
      var reals: [Double] = []
      switch call.op {
      case "random":
        reals = (0..<n).map { _ in random.random() }
      case "gauss":
        reals = (0..<n).map { _ in random.gauss(mu: call.double("mu"), sigma: call.double("sigma"))
        }
      case "uniform":
        reals = (0..<n).map { _ in random.uniform(call.double("a"), call.double("b")) }
      case "expovariate":
        reals = (0..<n).map { _ in random.expovariate(call.double("lambd")) }
      case "choices":
        let population = Array(0..<call.int("m"))
        let cumulative = call.doubles("cum_weights")
        integers = try random.choices(
          population, weights: cumulative ?? call.doubles("weights"),
          cumulative: cumulative != nil, count: call.int("k")
        ).map(String.init)
      case "normalvariate":
        reals = (0..<n).map { _ in
          random.normalvariate(mu: call.double("mu"), sigma: call.double("sigma"))
        }
      case "getrandbits":
        integers = try (0..<n).map { _ in String(try random.getrandbits(call.int("k"))) }
      case "randbelow":
        integers = (0..<n).map { _ in String(random.randbelow(UInt64(call.int("m")))) }
      case "randint":
        integers = try (0..<n).map { _ in
          String(try random.randint(call.int64("a"), call.int64("b")))
        }
      case "randrange":
        integers = try (0..<n).map { _ in
          String(
            try random.randrange(call.int64("start"), call.int64("stop"), step: call.int64("step")))
        }
      case "choice":
        let population = Array(0..<call.int("m"))
        integers = (0..<n).map { _ in String(random.choice(population) ?? -1) }
      case "shuffle":
        var values = Array(0..<call.int("m"))
        random.shuffle(&values)
        integers = values.map(String.init)
      case "sample":
        integers = try random.sample(Array(0..<call.int("m")), count: call.int("k")).map(
          String.init)
      default:
        Issue.record("unknown call \(call.op) in \(fixtureCase.name)")
      }
      if reals.isEmpty {
        #expect(!call.decimalStrings.isEmpty, "\(call.op) has no recorded values")
        #expect(integers == call.decimalStrings, "\(call.op) in \(fixtureCase.name)")
        checked += integers.count
      } else {
        let expected = call.hexDoubles("f64")
        #expect(RandomFixture.bits(reals) == RandomFixture.bits(expected), "\(call.op)")
        checked += reals.count
      }
    }
    #expect(checked > 0)
  }

  /// FIPS 180-4's example: SHA-512("abc").
  @Test func sha512OfAbcMatchesTheStandard() {
    let hex = SHA512.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined()
    #expect(
      hex
        == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
  }

  @Test func seedWordsOfLargeIntegers() {
    #expect(Self.magnitudeWords("4294967296") == [0, 1])
    #expect(PythonRandom(seed: -7) == PythonRandom(seed: 7))
    #expect(PythonRandom(seed: 0) == PythonRandom(seedWords: []))
  }

  @Test func getrandbitsBeyond64BitsFillsLowWordsFirst() throws {
    var wide = PythonRandom(seed: 5)
    var narrow = PythonRandom(seed: 5)
    let words = try wide.getrandbits(words: 70)
    #expect(words.count == 3)
    #expect(try words[0] == UInt32(narrow.getrandbits(32)))
    #expect(try words[1] == UInt32(narrow.getrandbits(32)))
    let top = try narrow.getrandbits(6)
    #expect(UInt64(words[2]) == top)
  }

  @Test func emptyRangesThrow() throws {
    var random = PythonRandom(seed: 1)
    #expect(throws: RandomError(.value, "empty range for randrange() (5, 5, 0)")) {
      try random.randrange(5, 5)
    }
    #expect(throws: RandomError(.value, "empty range for randrange() (3, 3, 0)")) {
      try random.randint(3, 2)
    }
    #expect(throws: RandomError(.value, "empty range for randrange() (4, 3, -1)")) {
      try random.randint(4, 2)
    }
    #expect(throws: RandomError.self) { try random.randrange(.max, .min, step: -3) }
    let top = try random.randint(.max - 1, .max)
    #expect(top >= .max - 1)
    let wide = try random.randrange(.min, .max)
    #expect(wide < .max)
    #expect(throws: RandomError.self) { try random.randrange(0, 10, step: 0) }
    #expect(throws: RandomError.self) { try random.sample([1, 2], count: 3) }
  }
}
