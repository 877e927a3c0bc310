import Foundation

/// A 64-bit hasher (FNV-1a-like) whose values are the same in every process, unlike `Hasher`: the site
/// cache and the output manifest store them between builds.
struct StableHasher {
  private(set) var value: UInt64

  init() { value = 0xcbf2_9ce4_8422_2325 }

  /// Goes on from a value another hasher reached.
  init(value: UInt64) { self.value = value }

  /// Eight bytes at a time (a multiply and a shift per word), then FNV-1a for the tail: fast
  /// enough to hash every page of a large site.
  mutating func combine(bytes raw: UnsafeRawBufferPointer) {
    var h = value
    let words = raw.count / 8
    for w in 0..<words {
      h = (h ^ raw.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self).littleEndian)
        &* 0x9e37_79b9_7f4a_7c15
      h ^= h >> 32
    }
    for byte in raw[(words * 8)...] {
      h ^= UInt64(byte)
      h = h &* 0x100_0000_01b3
    }
    value = h
  }

  mutating func combine(_ text: String) {
    var text = text
    text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    // The length ends the string, so that ("ab", "c") and ("a", "bc") differ.
    combine(UInt64(text.utf8.count))
  }

  mutating func combine(_ number: UInt64) {
    withUnsafeBytes(of: number.littleEndian) { combine(bytes: $0) }
  }

  mutating func combine(_ number: Int) { combine(UInt64(bitPattern: Int64(number))) }

  mutating func combine(_ flag: Bool) { combine(flag ? 1 : 0) }

  static func hash(_ data: Data) -> UInt64 {
    var hasher = StableHasher()
    data.withUnsafeBytes { hasher.combine(bytes: $0) }
    return hasher.value
  }
}
