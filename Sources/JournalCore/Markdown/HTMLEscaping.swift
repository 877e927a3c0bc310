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
          case _ where isForbiddenControl(byte): put("\u{FFFD}")
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
      case _ where isForbiddenControl(byte): out += "\u{FFFD}".utf8
      default: out.append(byte)
      }
    }
  }

  private static func needsEscape(_ byte: UInt8, _ context: Context) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): return true
    case UInt8(ascii: "'"): return context == .attribute
    default: return isForbiddenControl(byte)
    }
  }

  /// A control character XML 1.0 forbids (every C0 control but tab, line feed and carriage
  /// return) or HTML reports as an error (DEL). One in a title made `feed.xml` unreadable to
  /// every feed reader (issue 19, item 7); it becomes U+FFFD, as cmark-gfm makes NUL.
  @inline(__always)
  static func isForbiddenControl(_ byte: UInt8) -> Bool {
    (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
  }

  /// True for a URL a browser would run or render as a page instead of following:
  /// `javascript:`, `vbscript:`, `file:` and `data:` (except PNG, GIF, JPEG and WebP images),
  /// as cmark-gfm's safe mode decides. Browsers drop tabs, line breaks and other controls
  /// inside a scheme (`java\tscript:`), so those are dropped before comparing.
  static func isDangerousURL(_ url: String, image: Bool) -> Bool {
    var scheme = ""
    for scalar in url.unicodeScalars {
      if scalar.value <= 0x20 { continue }
      if scalar == ":" || scheme.count > 16 { break }
      scheme.unicodeScalars.append(scalar)
    }
    switch scheme.lowercased() {
    case "javascript", "vbscript", "file": return true
    case "data":
      let rest = url.drop { $0 != ":" }.dropFirst().lowercased()
      return
        !(image
        && ["image/png", "image/gif", "image/jpeg", "image/webp"].contains {
          rest.hasPrefix($0)
        })
    default: return false
    }
  }

  /// `text` with each forbidden control character (see `isForbiddenControl`) replaced by
  /// U+FFFD, or nil when it has none.
  static func replacingForbiddenControls(in text: String) -> String? {
    guard text.utf8.contains(where: isForbiddenControl) else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
      if isForbiddenControl(byte) { bytes += "\u{FFFD}".utf8 } else { bytes.append(byte) }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
