import Foundation
import JournalCells
import JournalCore

/// Appends numbers (LEB128 varints) and length-prefixed strings to a byte buffer: the site
/// cache's format, which must load in milliseconds for ten thousand entries.
struct BinaryWriter {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  mutating func write(_ value: UInt64) {
    var v = value
    while v >= 0x80 {
      bytes.append(UInt8(v & 0x7f) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }

  mutating func write(_ flag: Bool) { bytes.append(flag ? 1 : 0) }

  mutating func write(_ text: String) {
    write(text.utf8.count)
    bytes.append(contentsOf: text.utf8)
  }

  mutating func write(_ texts: [String]) {
    write(texts.count)
    for text in texts { write(text) }
  }

  mutating func write(raw: some Collection<UInt8>) { bytes.append(contentsOf: raw) }
}

/// Reads what `BinaryWriter` wrote. Reading past the end or a malformed value throws, so a
/// truncated or corrupted cache is noticed and ignored.
struct BinaryReader {
  struct Malformed: Error {}

  private let bytes: [UInt8]
  private(set) var offset = 0
  private let end: Int

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    end = bytes.count
  }

  /// Reads only `range` of `bytes`.
  init(_ bytes: [UInt8], range: Range<Int>) {
    self.bytes = bytes
    offset = range.lowerBound
    end = min(range.upperBound, bytes.count)
  }

  var isAtEnd: Bool { offset == end }

  mutating func skip(_ count: Int) { offset = min(end, offset + count) }

  mutating func uint() throws -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < end, shift < 64 else { throw Malformed() }
      let byte = bytes[offset]
      offset += 1
      result |= UInt64(byte & 0x7f) << shift
      if byte < 0x80 { return result }
      shift += 7
    }
  }

  mutating func int() throws -> Int { Int(Int64(bitPattern: try uint())) }

  /// A count or length: non-negative and no larger than what is left to read.
  mutating func count() throws -> Int {
    let n = try int()
    guard n >= 0, n <= end - offset else { throw Malformed() }
    return n
  }

  mutating func bool() throws -> Bool {
    guard offset < end else { throw Malformed() }
    offset += 1
    return bytes[offset - 1] != 0
  }

  mutating func string() throws -> String {
    let n = try count()
    let start = offset
    offset += n
    return bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + n]), as: UTF8.self)
    }
  }

  mutating func strings() throws -> [String] {
    let n = try count()
    var result: [String] = []
    result.reserveCapacity(n)
    for _ in 0..<n { result.append(try string()) }
    return result
  }
}
