import Foundation

/// A 64-bit hasher (FNV-1a-like) whose values are the same in every process, unlike `Hasher`: the
/// index, the site cache and the output manifest store them between runs.
public struct StableHasher: Sendable {
  public private(set) var value: UInt64

  public init() { value = 0xcbf2_9ce4_8422_2325 }

  /// Goes on from a value another hasher reached.
  public init(value: UInt64) { self.value = value }

  /// Eight bytes at a time (a multiply and a shift per word), then FNV-1a for the tail: fast
  /// enough to hash every page of a large site.
  public mutating func combine(bytes raw: UnsafeRawBufferPointer) {
    var h = value
    let words = raw.count / 8
    for w in 0..<words {
      h =
        (h ^ raw.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self).littleEndian)
        &* 0x9e37_79b9_7f4a_7c15
      h ^= h >> 32
    }
    for byte in raw[(words * 8)...] {
      h ^= UInt64(byte)
      h = h &* 0x100_0000_01b3
    }
    value = h
  }

  public mutating func combine(_ text: String) {
    var text = text
    text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    // The length ends the string, so that ("ab", "c") and ("a", "bc") differ.
    combine(UInt64(text.utf8.count))
  }

  public mutating func combine(_ number: UInt64) {
    withUnsafeBytes(of: number.littleEndian) { combine(bytes: $0) }
  }

  public mutating func combine(_ number: Int) { combine(UInt64(bitPattern: Int64(number))) }

  public mutating func combine(_ flag: Bool) { combine(flag ? 1 : 0) }

  public static func hash(_ data: Data) -> UInt64 {
    var hasher = StableHasher()
    data.withUnsafeBytes { hasher.combine(bytes: $0) }
    return hasher.value
  }
}
