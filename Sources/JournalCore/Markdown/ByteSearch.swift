import Foundation

/// Byte searches over a string's UTF-8 through `memchr`: the pipeline asks "is there a `:`, a `#`,
/// a `\`?" of every text node, and the generic `contains` is several times slower.
enum ByteSearch {
  static func contains(_ text: some StringProtocol, _ byte: UInt8) -> Bool {
    let found = text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
      guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
      return memchr(base, Int32(byte), buffer.count) != nil
    }
    return found ?? text.utf8.contains(byte)
  }

  /// The number of `byte`s in `text`.
  static func count(_ text: some StringProtocol, _ byte: UInt8) -> Int {
    let counted = text.utf8.withContiguousStorageIfAvailable { buffer -> Int in
      guard var p = buffer.baseAddress, buffer.count > 0 else { return 0 }
      let end = p + buffer.count
      var n = 0
      while p < end, let hit = memchr(p, Int32(byte), end - p) {
        n += 1
        p = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
      }
      return n
    }
    return counted ?? text.utf8.reduce(0) { $1 == byte ? $0 + 1 : $0 }
  }
}
