/// Where a `$` or `$$` math span was found, as byte offsets into the inline text.
struct DollarMathMatch: Equatable {
  /// `$$...$$` rather than `$...$`.
  var display: Bool
  /// The TeX runs over `texStart..<texEnd`, byte for byte.
  var texStart: Int
  var texEnd: Int
  /// The offset just after the closing delimiter.
  var end: Int
}

/// Pandoc's `tex_math_dollars` rules, applied at a `$` of a paragraph's inline text.
///
/// - `$$` opens display math, closed by the next `$$`; it may span lines (a paragraph never holds
///   a blank line) and must not be empty.
/// - `$` opens inline math when the next character is not a space; it is closed by the next
///   unescaped `$`, which must follow a non-space and must not be followed by a digit (so
///   `$20 and $30` is not math). A backslash escapes the next character and `\text{...}` may hold
///   dollars in balanced braces.
/// - A `$` that opens nothing is a literal dollar; cmark-gfm has already turned `\$` into one.
///
/// `byte(i)` returns the byte at offset `i`, or 0 past the end (cmark-gfm has replaced NUL bytes).
enum DollarMath {
  /// Brace groups of `\text{...}` longer than this are not scanned: it keeps a paragraph full of
  /// unbalanced `\text{` linear instead of quadratic.
  static let maximumBraceScan = 1_024

  static func match(at start: Int, byte: (Int) -> UInt8) -> DollarMathMatch? {
    guard byte(start) == dollar else { return nil }
    if byte(start + 1) == dollar { return display(at: start, byte: byte) }
    return inline(at: start, byte: byte)
  }

  private static let dollar = UInt8(ascii: "$")
  private static let backslash = UInt8(ascii: "\\")

  private static func display(at start: Int, byte: (Int) -> UInt8) -> DollarMathMatch? {
    var i = start + 2
    while true {
      let c = byte(i)
      if c == 0 { return nil }
      if c == dollar && byte(i + 1) == dollar {
        guard i > start + 2 else { return nil }
        return DollarMathMatch(display: true, texStart: start + 2, texEnd: i, end: i + 2)
      }
      i += 1
    }
  }

  private static func inline(at start: Int, byte: (Int) -> UInt8) -> DollarMathMatch? {
    let first = byte(start + 1)
    if first == 0 || isSpace(first) { return nil }
    var i = start + 1
    var previousIsSpace = false
    while true {
      let c = byte(i)
      switch c {
      case 0:
        return nil
      case backslash:
        if let end = textGroupEnd(at: i, byte: byte) {
          i = end
        } else {
          if byte(i + 1) == 0 { return nil }
          i += 2
        }
        previousIsSpace = false
      case dollar:
        if previousIsSpace { return nil }
        if isDigit(byte(i + 1)) { return nil }
        return DollarMathMatch(display: false, texStart: start + 1, texEnd: i, end: i + 1)
      default:
        previousIsSpace = isSpace(c)
        i += 1
      }
    }
  }

  /// The offset after `\text{...}` starting at `i`, when its braces balance.
  private static func textGroupEnd(at i: Int, byte: (Int) -> UInt8) -> Int? {
    let word = Array("\\text{".utf8)
    for (k, expected) in word.enumerated() where byte(i + k) != expected { return nil }
    var j = i + word.count
    var depth = 1
    while j - i < maximumBraceScan {
      switch byte(j) {
      case 0: return nil
      case backslash:
        if byte(j + 1) == 0 { return nil }
        j += 2
        continue
      case UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: "}"):
        depth -= 1
        if depth == 0 { return j + 1 }
      default: break
      }
      j += 1
    }
    return nil
  }

  static func isSpace(_ c: UInt8) -> Bool {
    c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C || c == 0x0B
  }

  private static func isDigit(_ c: UInt8) -> Bool {
    c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
  }
}
