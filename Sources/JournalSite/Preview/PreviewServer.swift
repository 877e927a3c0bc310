import FlyingSocks
import Foundation
import JournalCells
import JournalCore

/// The HTTP/1.1 server behind `journal serve`: listens on 127.0.0.1, answers GET and HEAD through
/// a handler, one request per connection (`Connection: close`), connections served concurrently.
///
/// FlyingSocks gives the non-blocking sockets and their event loop; the HTTP part is ours and
/// small. (FlyingFox's HTTP server imports FoundationNetworking, which links libcurl and ~30
/// libraries into every `journal` process and costs every command start-up time.)
public final class PreviewServer: Sendable {
  /// The port listened on (the one the system picked when asked for port 0).
  public let port: UInt16
  private let listener: Socket
  private let pool: any AsyncSocketPool
  private let handler: @Sendable (PreviewRequest) -> PreviewResponse
  /// A client that has not sent its request head after this long gets 408.
  private let headTimeout: Duration

  /// A request head longer than this gets 431.
  static let maximumHeadLength = 16 * 1024

  /// Starts listening on 127.0.0.1:`port` (0: a free port). Requests are answered once `run()`
  /// runs; `handler` sees only well-formed GET and HEAD requests.
  public init(
    port: UInt16, headTimeout: Duration = .seconds(10),
    handler: @escaping @Sendable (PreviewRequest) -> PreviewResponse
  ) async throws {
    let pool = SocketPool.make()
    let listener: Socket
    do {
      try await pool.prepare()
      listener = try Socket(domain: AF_INET, type: .stream)
      do {
        try listener.setValue(true, for: .localAddressReuse)
        try listener.bind(to: .inet(ip4: "127.0.0.1", port: port))
        try listener.listen()
        guard case .ip4(_, let actual) = try listener.sockname() else {
          throw SocketError.unsupportedAddress
        }
        self.port = actual
      } catch {
        try? listener.close()
        throw error
      }
    } catch {
      throw JournalError(.io, "cannot listen on 127.0.0.1:\(port): \(Self.describe(error))")
    }
    self.listener = listener
    self.pool = pool
    self.handler = handler
    self.headTimeout = headTimeout
  }

  /// Serves until the calling task is cancelled, then closes the listening socket.
  public func run() async throws {
    defer { try? listener.close() }
    let listening = try AsyncSocket(socket: listener, pool: pool)
    do {
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await self.pool.run() }
        group.addTask {
          try await withThrowingDiscardingTaskGroup { connections in
            while true {
              let connection: AsyncSocket
              do {
                connection = try await listening.accept()
              } catch let error as SocketError where error != .disconnected {
                // A failed accept (out of file descriptors, a connection aborted before we took
                // it) must not end the server: wait a moment, then take the next one.
                try await Task.sleep(for: .milliseconds(50))
                continue
              }
              connections.addTask { await self.serve(connection) }
            }
          }
        }
        try await group.next()
        group.cancelAll()
      }
    } catch  where Task.isCancelled {
      return
    }
  }

  /// Reads one request head, answers it, closes the connection. Never throws: a client that
  /// goes away is simply dropped.
  private func serve(_ connection: AsyncSocket) async {
    defer { try? connection.close() }
    let response: PreviewResponse
    var includingBody = true
    do {
      let head = try await readHead(from: connection)
      (response, includingBody) = Self.respond(toHead: head, handler: handler)
    } catch HeadError.tooLong {
      response = .text(431, "Request header fields too large\n")
    } catch HeadError.timedOut {
      response = .text(408, "Request timeout\n")
    } catch {
      return
    }
    try? await connection.write(response.serialized(includingBody: includingBody))
    // Unread request bytes would make close() send a reset, which can destroy the response
    // before the client reads it: take what has arrived.
    for _ in 0..<16 {
      guard (try? connection.socket.read(atMost: 4096)) != nil else { break }
    }
  }

  /// The response to a request head (the bytes before its empty line), and whether it carries
  /// its body (not for HEAD).
  static func respond(
    toHead head: [UInt8], handler: (PreviewRequest) -> PreviewResponse
  ) -> (PreviewResponse, includingBody: Bool) {
    let request: PreviewRequest
    do throws(PreviewRequest.Problem) {
      request = try PreviewRequest(head: head)
    } catch {
      return (.text(error.status, "Bad request: \(Self.describe(error))\n"), true)
    }
    guard request.method == "GET" || request.method == "HEAD" else {
      return (.text(405, "Method not allowed\n", headers: [.init("Allow", "GET, HEAD")]), true)
    }
    // DNS rebinding: a web page whose name is made to resolve to 127.0.0.1 could otherwise
    // read the preview through the visitor's browser. Only loopback names are served.
    if let host = request.headers["host"], !Self.isLoopback(host: host) {
      return (.text(403, "Forbidden: the preview answers to localhost and 127.0.0.1 only\n"), true)
    }
    return (handler(request), request.method != "HEAD")
  }

  /// Whether a Host header names this machine's loopback (`localhost`, `127.0.0.1`, `[::1]`),
  /// with or without a port.
  static func isLoopback(host: String) -> Bool {
    var name = Substring(host.lowercased())
    if name.hasPrefix("[") {
      guard let close = name.firstIndex(of: "]") else { return false }
      name = name[name.index(after: name.startIndex)..<close]
      return name == "::1"
    }
    if let colon = name.lastIndex(of: ":") {
      guard name[name.index(after: colon)...].allSatisfy(\.isNumber) else { return false }
      name = name[..<colon]
    }
    return name == "localhost" || name == "127.0.0.1" || name.hasSuffix(".localhost")
  }

  enum HeadError: Error {
    case tooLong, timedOut
  }

  /// The bytes up to the empty line that ends the request head (not included).
  private func readHead(from connection: AsyncSocket) async throws -> [UInt8] {
    try await withThrowingTaskGroup(of: [UInt8].self) { group in
      group.addTask {
        var bytes: [UInt8] = []
        while true {
          let searchFrom = max(0, bytes.count - 3)
          bytes += try await connection.read(atMost: 4096)
          if let end = Self.endOfHead(in: bytes, from: searchFrom) {
            return Array(bytes[..<end])
          }
          guard bytes.count <= Self.maximumHeadLength else { throw HeadError.tooLong }
        }
      }
      group.addTask {
        try await Task.sleep(for: self.headTimeout)
        throw HeadError.timedOut
      }
      defer { group.cancelAll() }
      guard let head = try await group.next() else { throw HeadError.timedOut }
      return head
    }
  }

  /// Where the request head ends, if `bytes` holds all of it: the index of the LF that ends its
  /// last line, before the empty line. Line breaks are CRLF or LF.
  static func endOfHead(in bytes: [UInt8], from start: Int) -> Int? {
    let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
    var index = start
    while index < bytes.count {
      if bytes[index] == lf {
        if index + 1 < bytes.count, bytes[index + 1] == lf { return index }
        if index + 2 < bytes.count, bytes[index + 1] == cr, bytes[index + 2] == lf {
          return index
        }
      }
      index += 1
    }
    return nil
  }

  static func describe(_ error: any Error) -> String {
    switch error {
    case let problem as PreviewRequest.Problem:
      switch problem {
      case .malformed(let reason): return reason
      case .unsupportedVersion(let version): return "unsupported version \(version)"
      }
    case SocketError.failed(_, _, let message):
      return message
    default:
      return "\(error)"
    }
  }
}
