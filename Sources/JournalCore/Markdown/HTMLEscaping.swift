/// The one HTML escaper: for element text, `&`, `<`, `>` and `"` (what cmark-gfm escapes, so that
/// our own HTML reads like the HTML around it); for attribute values, also `'`.
public enum HTMLEscaping {
  /// Where the escaped text goes.
  public enum Context: Sendable {
    /// Element content: `<p>…</p>`, `<pre>…</pre>`.
    case text
    /// An attribute value, quoted with `"` or `'`, or text whose place is not known (a template
    /// value).
    case attribute
  }

  /// `text` with the characters `context` needs escaped; `text` itself when it has none.
  ///
  /// Over UTF-8 bytes into a string of the exact size: a site escapes every title and excerpt
  /// several times, and looking each `Character` up (as swift-mustache's own escaper does) took
  /// a tenth of a full build's time.
  public static func escape(_ text: String, for context: Context = .text) -> String {
    var text = text
    return text.withUTF8 { bytes -> String? in
      var special = 0
      for byte in bytes where needsEscape(byte, context) { special += 1 }
      guard special > 0 else { return nil }
      return String(unsafeUninitializedCapacity: bytes.count + special * 5) { out in
        var n = 0
        func put(_ s: StaticString) {
          s.withUTF8Buffer {
            for b in $0 {
              out[n] = b
              n += 1
            }
          }
        }
        for byte in bytes {
          switch byte {
          case UInt8(ascii: "&"): put("&amp;")
          case UInt8(ascii: "<"): put("&lt;")
          case UInt8(ascii: ">"): put("&gt;")
          case UInt8(ascii: "\""): put("&quot;")
          case UInt8(ascii: "'") where context == .attribute: put("&#39;")
          default:
            out[n] = byte
            n += 1
          }
        }
        return n
      }
    } ?? text
  }

  /// Appends `bytes` (UTF-8) to `out`, escaped for `context`.
  public static func escape(
    _ bytes: some Sequence<UInt8>, for context: Context = .text, into out: inout [UInt8]
  ) {
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "&"): out += "&amp;".utf8
      case UInt8(ascii: "<"): out += "&lt;".utf8
      case UInt8(ascii: ">"): out += "&gt;".utf8
      case UInt8(ascii: "\""): out += "&quot;".utf8
      case UInt8(ascii: "'") where context == .attribute: out += "&#39;".utf8
      default: out.append(byte)
      }
    }
  }

  private static func needsEscape(_ byte: UInt8, _ context: Context) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): return true
    case UInt8(ascii: "'"): return context == .attribute
    default: return false
    }
  }
}
