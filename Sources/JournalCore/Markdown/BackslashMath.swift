import Foundation

/// `\(...\)` and `\[...\]` math.
///
/// cmark-gfm handles `\` itself before any extension sees it (`\(` is an escaped parenthesis), so
/// a pre-pass replaces the backslash of each likely opener by a marker byte that the math
/// extension owns. The byte count stays the same, so lines and columns do not move. The marker
/// becomes a backslash again wherever cmark-gfm keeps text raw (code, HTML, URLs, TeX), and an
/// opener that turns out not to be math renders as the escaped `(` or `[` it was.
///
/// Likely openers keep CommonMark's escapes working: the opener's backslash is not itself
/// escaped, a closing `\)` or `\]` follows before a blank line, the TeX between holds a letter or
/// a digit (`\[\\\]` stays three escapes), and the opener is not inside a link destination or
/// an autolink.
enum BackslashMath {
  /// STX: a control character Markdown text does not contain. Text that does is left alone.
  static let marker: UInt8 = 0x02

  private static let backslash = UInt8(ascii: "\\")
  /// The longest span looked at, so that unmatched openers stay linear.
  static let maximumLength = 4_096

  /// The text with likely openers marked, or nil when there are none.
  static func markOpeners(in text: String) -> String? {
    guard ByteSearch.contains(text, backslash), !ByteSearch.contains(text, marker),
      ByteSearch.contains(text, UInt8(ascii: "(")) || ByteSearch.contains(text, UInt8(ascii: "["))
    else {
      return nil
    }
    var bytes = Array(text.utf8)
    var changed = false
    var link = LinkDestinationScan()
    var i = 0
    while i + 1 < bytes.count {
      guard bytes[i] == backslash else {
        // Jump to the next backslash.
        let next = bytes.withUnsafeBytes { buffer -> Int? in
          guard let base = buffer.baseAddress,
            let hit = memchr(base + i, Int32(backslash), buffer.count - i)
          else { return nil }
          return UnsafeRawPointer(hit) - base
        }
        guard let next else { break }
        i = next
        continue
      }
      let next = bytes[i + 1]
      if next == UInt8(ascii: "(") || next == UInt8(ascii: "["),
        closer(in: bytes, opener: i, stopAtBlankLine: true) != nil,
        !link.contains(bytes, at: i)
      {
        bytes[i] = marker
        changed = true
      }
      i += 2
    }
    return changed ? String(decoding: bytes, as: UTF8.self) : nil
  }

  /// The offset of the closing backslash of the opener at `opener`, when the span is math.
  static func closer(in bytes: [UInt8], opener: Int, stopAtBlankLine: Bool) -> Int? {
    closer(opener: opener, stopAtBlankLine: stopAtBlankLine) { $0 < bytes.count ? bytes[$0] : 0 }
  }

  /// `byte(i)` returns 0 past the end.
  static func closer(opener: Int, stopAtBlankLine: Bool, byte: (Int) -> UInt8) -> Int? {
    let close: UInt8 = byte(opener + 1) == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
    var j = opener + 2
    var hasWord = false
    while j - opener < maximumLength {
      let c = byte(j)
      switch c {
      case 0:
        return nil
      case backslash, marker:
        let next = byte(j + 1)
        if c == backslash, next == close { return hasWord ? j : nil }
        if next == 0 { return nil }
        j += 2
        continue
      case UInt8(ascii: "\n") where stopAtBlankLine:
        var k = j + 1
        while byte(k) == UInt8(ascii: " ") || byte(k) == UInt8(ascii: "\t") { k += 1 }
        if byte(k) == UInt8(ascii: "\n") || byte(k) == UInt8(ascii: "\r") { return nil }
      default:
        if (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
          || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z"))
        {
          hasWord = true
        }
      }
      j += 1
    }
    return nil
  }

  /// Answers "is this offset inside a link destination or an autolink?" for increasing offsets.
  ///
  /// The answer for an offset is decided by the last `\n`, space, tab, `)`, `>`, `<` or `](`
  /// before it on its line. Each question reads back only to the previous offset asked about and
  /// reuses that answer, so a line of ten thousand openers after a `<` costs linear time, not the
  /// quadratic time of reading back to the `<` for each.
  private struct LinkDestinationScan {
    var last = -1
    var lastAnswer = false

    /// True when `index` follows `](` or `<` on its line with no space, `)` or `>` in between.
    mutating func contains(_ bytes: [UInt8], at index: Int) -> Bool {
      var k = index - 1
      var answer: Bool?
      while answer == nil {
        if k < 0 {
          answer = false
        } else if k == last {
          // `last` holds a backslash (an opener): the scan from there already read on back.
          answer = lastAnswer
        } else {
          switch bytes[k] {
          case UInt8(ascii: "\n"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ")"),
            UInt8(ascii: ">"):
            answer = false
          case UInt8(ascii: "<"):
            answer = true
          case UInt8(ascii: "(") where k > 0 && bytes[k - 1] == UInt8(ascii: "]"):
            answer = true
          default:
            k -= 1
          }
        }
      }
      last = index
      lastAnswer = answer ?? false
      return lastAnswer
    }
  }

  /// Restores the marker bytes of `text` to backslashes.
  static func unmark(_ text: String) -> String {
    guard ByteSearch.contains(text, marker) else { return text }
    return String(decoding: text.utf8.map { $0 == marker ? backslash : $0 }, as: UTF8.self)
  }
}
