import Foundation
import JournalCells
import JournalCore

/// The head of an HTTP/1.x request as `journal serve` reads it: the request line and the header
/// fields. The preview server never reads a request body.
public struct PreviewRequest: Sendable, Hashable {
  /// Why a request head was refused; `status` is the response it gets.
  public enum Problem: Error, Sendable, Hashable {
    /// Not a valid HTTP/1.x request head (400).
    case malformed(String)
    /// An HTTP version other than 1.0 and 1.1 (505).
    case unsupportedVersion(String)

    public var status: Int {
      switch self {
      case .malformed: return 400
      case .unsupportedVersion: return 505
      }
    }
  }

  /// `GET`, `HEAD`, ... as sent (methods are case-sensitive).
  public var method: String
  /// The request target as sent, e.g. `/2018/09/26/?from=feed`.
  public var target: String
  /// The target's path, percent-decoded, without the query: `/2018/09/26/`.
  public var path: String
  /// `HTTP/1.0` or `HTTP/1.1`.
  public var version: String
  /// Header fields by lowercased name; repeated fields are joined with ", ".
  public var headers: [String: String]

  static let blanks = CharacterSet(charactersIn: " \t")

  /// At most this many header lines are read.
  static let maximumHeaderCount = 100

  /// Parses a request head: the bytes before the empty line that ends it (line ends CRLF or LF).
  public init(head: some Collection<UInt8>) throws(Problem) {
    // Split the bytes, not a String: there "\r\n" is one Character.
    var lines = head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      .map { line in
        let text = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
        return String(decoding: text, as: UTF8.self)
      }
    // RFC 9112 §2.2: ignore empty lines before the request line.
    while lines.first?.isEmpty == true { lines.removeFirst() }
    guard let requestLine = lines.first else { throw .malformed("empty request") }

    let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 3 else { throw .malformed("bad request line") }
    method = String(parts[0])
    target = String(parts[1])
    version = String(parts[2])
    guard !method.isEmpty, method.utf8.allSatisfy(Self.isTokenCharacter) else {
      throw .malformed("bad method")
    }
    guard version.hasPrefix("HTTP/"), version.count == 8 else {
      throw .malformed("bad HTTP version")
    }
    guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
      throw .unsupportedVersion(version)
    }
    // Origin form only (`/path?query`): this is no proxy, and `*` is for OPTIONS.
    guard target.hasPrefix("/"), target.utf8.allSatisfy({ 0x21...0x7E ~= $0 }) else {
      throw .malformed("bad request target")
    }
    let rawPath = target.prefix { $0 != "?" && $0 != "#" }
    // Decoded control characters (NUL, CR, LF, ...) have no place in a file path or a header.
    guard let decoded = Self.percentDecoded(rawPath),
      !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
    else { throw .malformed("bad percent-encoding in the request target") }
    path = decoded

    var headers: [String: String] = [:]
    let fields = lines.dropFirst()
    guard fields.count <= Self.maximumHeaderCount else { throw .malformed("too many headers") }
    for line in fields {
      // No obsolete line folding (RFC 9112 §5.2), no space before the colon (§5.1).
      guard let colon = line.firstIndex(of: ":"), line.first != " ", line.first != "\t" else {
        throw .malformed("bad header line")
      }
      let name = line[..<colon]
      guard !name.isEmpty, name.utf8.allSatisfy(Self.isTokenCharacter) else {
        throw .malformed("bad header name")
      }
      let value = line[line.index(after: colon)...].trimmingCharacters(in: Self.blanks)
      let key = name.lowercased()
      headers[key] = headers[key].map { $0 + ", " + value } ?? value
    }
    // RFC 9112 §3.2: an HTTP/1.1 request without Host gets 400.
    guard version == "HTTP/1.0" || headers["host"] != nil else {
      throw .malformed("no Host header")
    }
    self.headers = headers
  }

  /// `tchar` of RFC 9110 §5.6.2.
  static func isTokenCharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    default:
      return "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }
  }

  /// `%XX` sequences decoded as UTF-8; nil for a broken sequence or bytes that are not UTF-8.
  static func percentDecoded(_ text: Substring) -> String? {
    var bytes: [UInt8] = []
    var iterator = text.utf8.makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(hexValue),
        let low = iterator.next().flatMap(hexValue)
      else { return nil }
      bytes.append(high << 4 | low)
    }
    return String(bytes: bytes, encoding: .utf8)
  }

  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
