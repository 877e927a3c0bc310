import Foundation

/// A 64-bit FNV-1a hash of a file's bytes, as 16 hex digits: tells a touched file from a changed
/// one, and a renamed file from a new one. Not cryptographic; it only has to notice edits.
enum ContentHash {
  static func of(_ data: Data) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    data.withUnsafeBytes { raw in
      for byte in raw {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
      }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
