import Foundation
import JournalCells
import JournalCore

/// A response of the preview server: status, header fields and body. The server adds
/// `Content-Length` and `Connection: close` when it sends it.
public struct PreviewResponse: Sendable, Hashable {
  public var status: Int
  /// Header fields in the order they are sent.
  public var headers: [Header]
  public var body: Data

  public struct Header: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
      self.name = name
      self.value = value
    }
  }

  public init(status: Int, headers: [Header] = [], body: Data = Data()) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// A short plain-text response, for errors.
  public static func text(_ status: Int, _ text: String, headers: [Header] = []) -> Self {
    PreviewResponse(
      status: status,
      headers: [Header("Content-Type", "text/plain; charset=utf-8")] + headers,
      body: Data(text.utf8))
  }

  /// The value of the first header field named `name` (case-insensitive).
  public func header(_ name: String) -> String? {
    headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
  }

  /// The bytes on the wire. A response to HEAD has the same head as for GET and no body.
  public func serialized(includingBody: Bool) -> Data {
    var head = "HTTP/1.1 \(status) \(Self.reasonPhrase(status))\r\n"
    for header in headers { head += "\(header.name): \(header.value)\r\n" }
    head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
    var data = Data(head.utf8)
    if includingBody { data.append(body) }
    return data
  }

  static func reasonPhrase(_ status: Int) -> String {
    switch status {
    case 200: return "OK"
    case 301: return "Moved Permanently"
    case 400: return "Bad Request"
    case 404: return "Not Found"
    case 405: return "Method Not Allowed"
    case 408: return "Request Timeout"
    case 431: return "Request Header Fields Too Large"
    case 500: return "Internal Server Error"
    case 505: return "HTTP Version Not Supported"
    default: return "Status \(status)"
    }
  }
}
