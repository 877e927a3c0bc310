import FlyingSocks
import Foundation

/// HTTP/1.1 by hand over loopback for the `journal serve` tests: the exact bytes sent, everything
/// received (the preview server closes each connection after its response). Unlike URLSession it
/// follows no redirect, caches nothing and can send malformed requests.
enum LoopbackHTTP {
  /// Sends `request` to 127.0.0.1:`port` and returns all the server sends back.
  static func exchange(_ request: String, port: UInt16) async throws -> String {
    let socket = try await connect(port: port)
    defer { try? socket.close() }
    try await socket.write(Data(request.utf8))
    return String(decoding: try await readToEnd(socket), as: UTF8.self)
  }

  /// The timeout is generous, like URLSession's: it is wall time, and while the whole suite runs
  /// the two-thread cooperative pool can be busy for seconds.
  static func connect(port: UInt16) async throws -> AsyncSocket {
    try await AsyncSocket.connected(to: .inet(ip4: "127.0.0.1", port: port), timeout: 60)
  }

  static func readToEnd(_ socket: AsyncSocket) async throws -> [UInt8] {
    var received: [UInt8] = []
    while true {
      do {
        received += try await socket.read(atMost: 4096)
      } catch SocketError.disconnected {
        return received
      }
    }
  }

  /// GET `url` (`http://127.0.0.1:PORT/path`): the status code and the body.
  static func get(_ url: URL) async throws -> (status: Int, body: String) {
    guard url.host == "127.0.0.1", let port = url.port.flatMap(UInt16.init(exactly:)) else {
      throw URLError(.unsupportedURL)
    }
    var target = url.path(percentEncoded: true)
    if let query = url.query(percentEncoded: true) { target += "?" + query }
    let response = try await exchange(
      "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n", port: port)
    guard let headEnd = response.range(of: "\r\n\r\n"),
      let status = Int(response.split(separator: " ").dropFirst().first ?? "")
    else { throw URLError(.badServerResponse) }
    return (status, String(response[headEnd.upperBound...]))
  }
}
