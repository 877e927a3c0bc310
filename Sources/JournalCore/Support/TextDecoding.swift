import Foundation

/// Decodes bytes as strict UTF-8, or throws an error naming the file and the line of the first
/// invalid byte. NUL bytes are accepted (they are valid UTF-8); callers that care check them.
public func decodeUTF8(_ data: Data, file: String) throws -> String {
  if let text = String(validating: data, as: UTF8.self) { return text }
  let offset = firstInvalidUTF8Offset(data) ?? 0
  let line = data.prefix(offset).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
  throw JournalError(.invalidInput, "not valid UTF-8 (byte \(offset))", file: file, line: line)
}

/// The offset of the first byte that does not start or continue a well-formed UTF-8 sequence.
func firstInvalidUTF8Offset(_ data: Data) -> Int? {
  let bytes = [UInt8](data)
  var i = 0
  while i < bytes.count {
    let b = bytes[i]
    let length: Int
    var lower: UInt8 = 0x80
    var upper: UInt8 = 0xBF
    switch b {
    case 0x00...0x7F: i += 1; continue
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; lower = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; upper = 0x9F
    case 0xF0: length = 4; lower = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; upper = 0x8F
    default: return i
    }
    guard i + length <= bytes.count else { return i }
    for k in 1..<length {
      let c = bytes[i + k]
      let (lo, hi) = k == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
      if c < lo || c > hi { return i }
    }
    i += length
  }
  return nil
}
