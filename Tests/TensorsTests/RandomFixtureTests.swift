import Foundation
import Testing

/// One call of a random-stream fixture: its arguments and the reference results.
struct RandomFixtureCall {
  let fields: [String: Any]

  var op: String { fields["op"] as? String ?? "" }

  func int(_ key: String) -> Int { (fields[key] as? NSNumber)?.intValue ?? 0 }
  func int64(_ key: String) -> Int64 { (fields[key] as? NSNumber)?.int64Value ?? 0 }
  func double(_ key: String) -> Double { (fields[key] as? NSNumber)?.doubleValue ?? .nan }
  func bool(_ key: String) -> Bool { (fields[key] as? NSNumber)?.boolValue ?? false }
  func doubles(_ key: String) -> [Double]? {
    (fields[key] as? [NSNumber])?.map(\.doubleValue)
  }

  /// The `f64`/`f32`/`draws` results, parsed from `float.hex()` strings.
  func hexDoubles(_ key: String) -> [Double] {
    (fields[key] as? [String] ?? []).map { RandomFixture.parseHex($0) }
  }

  /// The `i64` results.
  var int64s: [Int64] { (fields["i64"] as? [NSNumber] ?? []).map(\.int64Value) }

  /// Results written as decimal strings (CPython's unbounded ints).
  var decimalStrings: [String] { fields["ints"] as? [String] ?? [] }

  /// Nested records (module parameters).
  func records(_ key: String) -> [RandomFixtureCall] {
    (fields[key] as? [[String: Any]] ?? []).map(RandomFixtureCall.init)
  }
}

/// A case of a random-stream fixture: a seed and a sequence of calls on one generator.
struct RandomFixtureCase {
  let fields: [String: Any]
  var name: String { fields["name"] as? String ?? "" }
  var calls: [RandomFixtureCall] {
    (fields["calls"] as? [[String: Any]] ?? []).map(RandomFixtureCall.init)
  }
}

/// Loader for Fixtures/random/*.json, written by scripts/fixtures/random_streams.py.
enum RandomFixture {
  static func document(_ name: String) -> [String: Any] {
    guard
      let url = Bundle.module.url(
        forResource: name, withExtension: "json", subdirectory: "Fixtures/random"),
      let data = try? Data(contentsOf: url),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [:] }
    return object
  }

  static func cases(_ name: String) -> [RandomFixtureCase] {
    (document(name)["cases"] as? [[String: Any]] ?? []).map(RandomFixtureCase.init)
  }

  static func caseCount(_ name: String) -> Int { cases(name).count }

  /// Parses Python's `float.hex()` (strtod reads hexadecimal floats exactly).
  static func parseHex(_ text: String) -> Double {
    strtod(text, nil)
  }

  /// Bit patterns, so that a test failure shows which value differs and -0.0 != 0.0.
  static func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }
  static func bits(_ values: [Float]) -> [UInt64] { values.map { Double($0).bitPattern } }
}

@Suite struct RandomFixtureTests {
  @Test(arguments: ["numpy_streams", "torch_streams", "torch_default_streams", "cpython_streams"])
  func fixtureIsPresentAndNamesItsGenerator(name: String) {
    let document = RandomFixture.document(name)
    #expect(document["generator"] as? String == "scripts/fixtures/random_streams.py")
    #expect(RandomFixture.caseCount(name) >= 3)
  }

  @Test func hexParsingIsExact() {
    #expect(RandomFixture.parseHex("0x1.b0580f98a7dbep-1") == 0x1.b0580f98a7dbep-1)
    #expect(RandomFixture.parseHex("-0x0.0p+0").bitPattern == (-0.0 as Double).bitPattern)
  }
}
