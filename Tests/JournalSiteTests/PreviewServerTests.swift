import FlyingSocks
import Foundation
import JournalCells
import TestSupport
import Testing

@testable import JournalCore
@testable import JournalSite

/// The request handling of `journal serve`: request heads, the file routes, and the server over
/// real loopback sockets with hand-written requests (well-formed or not).
@Suite struct PreviewServerTests {
  // MARK: Request heads

  @Test func parsesARequestHead() throws {
    let request = try PreviewRequest(
      head: Array(
        "GET /2018/09/26/caf%C3%A9%20au%20lait?from=feed HTTP/1.1\r\nHost: 127.0.0.1:8000\r\n"
          .appending("Accept: text/html\r\naccept: */*\r\nX-Empty:\r\n").utf8
      ).dropLast(2))
    #expect(request.method == "GET")
    #expect(request.target == "/2018/09/26/caf%C3%A9%20au%20lait?from=feed")
    #expect(request.path == "/2018/09/26/café au lait")
    #expect(request.version == "HTTP/1.1")
    #expect(
      request.headers == [
        "host": "127.0.0.1:8000", "accept": "text/html, */*", "x-empty": "",
      ])
  }

  @Test func acceptsBareLineFeedsAndLeadingEmptyLines() throws {
    let request = try PreviewRequest(head: Array("\r\n\nHEAD /a HTTP/1.0\nX-A:  b \t".utf8))
    #expect(request.method == "HEAD")
    #expect(request.path == "/a")
    #expect(request.headers == ["x-a": "b"])
  }

  @Test(arguments: [
    ("", 400),
    ("GET", 400),
    ("GET /", 400),
    ("GET  / HTTP/1.1\r\nHost: a", 400),
    ("GET / HTTP/1.1 extra\r\nHost: a", 400),
    ("G(T / HTTP/1.1\r\nHost: a", 400),
    ("GET / HTTP/1.1", 400),  // no Host
    ("GET / HTTP/1.1\r\nHost a", 400),
    ("GET / HTTP/1.1\r\nHost : a", 400),
    ("GET / HTTP/1.1\r\nHost: a\r\n folded", 400),
    ("GET / HTTP/1.1\r\n: a\r\nHost: a", 400),
    ("GET / HTTX/1.1", 400),
    ("GET / HTTP/2.0", 505),
    ("GET / HTTP/0.9", 505),
    ("GET a HTTP/1.0", 400),
    ("GET http://example.com/ HTTP/1.0", 400),
    ("OPTIONS * HTTP/1.0", 400),
    ("GET /%zz HTTP/1.0", 400),
    ("GET /%4 HTTP/1.0", 400),
    ("GET /%FF HTTP/1.0", 400),  // not UTF-8
    ("GET /%00 HTTP/1.0", 400),
    ("GET /a%0D%0ALocation:%20x HTTP/1.0", 400),
    ("GET /\u{e9} HTTP/1.0", 400),
  ])
  func refusesMalformedHeads(head: String, status: Int) {
    let problem = #expect(throws: PreviewRequest.Problem.self) {
      try PreviewRequest(head: Array(head.utf8))
    }
    #expect(problem?.status == status)
  }

  @Test func findsTheEndOfAHead() {
    let end = { (text: String) in PreviewServer.endOfHead(in: Array(text.utf8), from: 0) }
    #expect(end("GET / HTTP/1.0\r\n\r\n") == 15)
    #expect(end("GET / HTTP/1.0\n\n") == 14)
    #expect(end("GET / HTTP/1.0\r\nHost: a\r\n\r\nbody") == 24)
    #expect(end("GET / HTTP/1.0\r\nHost: a\r\n\r") == nil)
    #expect(end("GET / HTTP/1.0\r\n") == nil)
  }

  @Test func answersOnlyGETAndHEAD() {
    let handler = { (_: PreviewRequest) in PreviewResponse.text(200, "hello\n") }
    for method in ["POST", "PUT", "DELETE", "OPTIONS", "get"] {
      let (response, _) = PreviewServer.respond(
        toHead: Array("\(method) / HTTP/1.0".utf8), handler: handler)
      #expect(response.status == 405, "\(method)")
      #expect(response.header("allow") == "GET, HEAD")
    }
    let (get, getBody) = PreviewServer.respond(
      toHead: Array("GET / HTTP/1.0".utf8), handler: handler)
    #expect(get.status == 200 && getBody)
    let (head, headBody) = PreviewServer.respond(
      toHead: Array("HEAD / HTTP/1.0".utf8), handler: handler)
    #expect(head.status == 200 && !headBody)
  }

  @Test func refusesHostsThatAreNotLoopback() {
    let handler = { (_: PreviewRequest) in PreviewResponse.text(200, "hello\n") }
    for host in ["127.0.0.1:8000", "localhost", "LOCALHOST:1", "[::1]:8000", "app.localhost"] {
      let (response, _) = PreviewServer.respond(
        toHead: Array("GET / HTTP/1.1\r\nHost: \(host)".utf8), handler: handler)
      #expect(response.status == 200, "\(host)")
    }
    for host in [
      "evil.example", "evil.example:8000", "127.0.0.1.evil.example", "[::2]:80",
      "localhost:80x", "10.0.0.1",
    ] {
      let (response, _) = PreviewServer.respond(
        toHead: Array("GET / HTTP/1.1\r\nHost: \(host)".utf8), handler: handler)
      #expect(response.status == 403, "\(host)")
    }
  }

  @Test func serialisesAResponse() {
    let response = PreviewResponse.text(
      404, "gone\n", headers: [.init("Cache-Control", "no-cache")])
    let expectedHead =
      "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\n"
      + "Cache-Control: no-cache\r\nContent-Length: 5\r\nConnection: close\r\n\r\n"
    #expect(
      String(decoding: response.serialized(includingBody: true), as: UTF8.self)
        == expectedHead + "gone\n")
    #expect(
      String(decoding: response.serialized(includingBody: false), as: UTF8.self)
        == expectedHead)
  }

  // MARK: Files

  func site() throws -> TemporaryDirectory {
    let site = TemporaryDirectory("preview-site")
    try site.write("index.html", "<html><body><p>home</p></body></html>")
    try site.write("2018/09/26/index.html", "<html><body><p>LSTM day</p></body></html>")
    try site.write("my folder/index.html", "<html><body>spaced</body></html>")
    try site.write("style.css", "body { color: red }")
    try site.write("404.html", "<html><body><p>no such page</p></body></html>")
    try site.write(".secret", "hidden")
    try site.write(".git/config", "hidden")
    return site
  }

  func request(_ target: String) throws -> PreviewRequest {
    try PreviewRequest(head: Array("GET \(target) HTTP/1.0".utf8))
  }

  @Test func servesFilesFoldersAndMisses() throws {
    let site = try site()
    let files = PreviewFiles(folder: site.url, version: { 7 })

    let page = files.response(to: try request("/2018/09/26/"))
    #expect(page.status == 200)
    #expect(page.header("Content-Type") == "text/html; charset=utf-8")
    let html = String(decoding: page.body, as: UTF8.self)
    #expect(html.hasPrefix("<html><body><p>LSTM day</p><script>"))
    #expect(html.contains(PreviewFiles.versionPath))
    #expect(html.hasSuffix("</script></body></html>"))

    let css = files.response(to: try request("/style.css?v=2"))
    #expect(css.status == 200)
    #expect(css.header("content-type") == "text/css; charset=utf-8")
    #expect(css.body == Data("body { color: red }".utf8))

    let redirect = files.response(to: try request("/2018/09/26?x=1"))
    #expect(redirect.status == 301)
    #expect(redirect.header("Location") == "/2018/09/26/?x=1")
    #expect(redirect.body.isEmpty)
    let spaced = files.response(to: try request("/my%20folder"))
    #expect(spaced.header("Location") == "/my%20folder/", "still percent-encoded")
    #expect(files.response(to: try request("/my%20folder/")).status == 200)

    let miss = files.response(to: try request("/no/such/page/"))
    #expect(miss.status == 404)
    #expect(String(decoding: miss.body, as: UTF8.self).contains("no such page"))

    let version = files.response(to: try request("/__journal/version"))
    #expect(version.status == 200)
    #expect(version.body == Data("7".utf8))
    #expect(version.header("Cache-Control") == "no-store")
  }

  @Test(arguments: [
    "/.secret", "/.git/config", "/2018/../.secret", "/%2e%2e/etc/passwd", "/2018/%2E%2E/.secret",
    "/..%2f..%2fetc%2fpasswd", "/../", "/2018/09/26/../../../index.html",
  ])
  func refusesDotPaths(target: String) throws {
    let site = try site()
    let files = PreviewFiles(folder: site.url, version: { 0 })
    let response = files.response(to: try request(target))
    #expect(response.status == 404)
    #expect(String(decoding: response.body, as: UTF8.self).contains("no such page"))
  }

  // MARK: Over the wire

  /// Runs a server on a free loopback port for `body`, then stops it. (Its head timeout is long
  /// by default: a busy test run must not turn a slow schedule into a 408.)
  func withServer(
    headTimeout: Duration = .seconds(60), _ body: (UInt16) async throws -> Void
  ) async throws {
    let site = try site()
    let files = PreviewFiles(folder: site.url, version: { 3 })
    let server = try await PreviewServer(port: 0, headTimeout: headTimeout) {
      files.response(to: $0)
    }
    #expect(server.port != 0)
    let task = Task { try await server.run() }
    defer { task.cancel() }
    try await body(server.port)
    task.cancel()
    try await task.value
  }

  func exchange(_ bytes: String, port: UInt16) async throws -> String {
    try await LoopbackHTTP.exchange(bytes, port: port)
  }

  @Test func answersOverLoopback() async throws {
    try await withServer { port in
      let get = try await exchange(
        "GET /2018/09/26/ HTTP/1.1\r\nHost: localhost\r\n\r\n", port: port)
      #expect(get.hasPrefix("HTTP/1.1 200 OK\r\n"))
      #expect(get.contains("\r\nConnection: close\r\n"))
      #expect(get.contains("<p>LSTM day</p>"))

      let head = try await exchange(
        "HEAD /2018/09/26/ HTTP/1.1\r\nHost: localhost\r\n\r\n", port: port)
      let getHead = try #require(get.components(separatedBy: "\r\n\r\n").first)
      #expect(head == getHead + "\r\n\r\n", "the same head as GET, with its length, and no body")
      #expect(head.contains("\r\nContent-Length: \(get.utf8.count - head.utf8.count)\r\n"))

      let redirect = try await exchange(
        "GET /2018/09/26 HTTP/1.1\r\nHost: localhost\r\n\r\n", port: port)
      #expect(redirect.hasPrefix("HTTP/1.1 301 Moved Permanently\r\n"))
      #expect(redirect.contains("\r\nLocation: /2018/09/26/\r\n"))

      let miss = try await exchange("GET /nothing HTTP/1.1\r\nHost: localhost\r\n\r\n", port: port)
      #expect(miss.hasPrefix("HTTP/1.1 404 Not Found\r\n"))
      #expect(miss.contains("no such page"))

      let dots = try await exchange("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.0\r\n\r\n", port: port)
      #expect(dots.hasPrefix("HTTP/1.1 404 Not Found\r\n"))
      #expect(!dots.contains("root:"))

      let post = try await exchange(
        "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n\r\nabc", port: port)
      #expect(post.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"))
      #expect(post.contains("\r\nAllow: GET, HEAD\r\n"))

      let version = try await exchange("GET /__journal/version HTTP/1.0\r\n\r\n", port: port)
      #expect(version.hasSuffix("\r\n\r\n3"))
    }
  }

  @Test func survivesBadRequests() async throws {
    try await withServer { port in
      for garbage in [
        "GARBAGE\r\n\r\n", "GET / HTTP/1.1\r\n\r\n", "\u{0}\u{1}\u{2}\r\n\r\n",
        "GET /%ff%fe HTTP/1.0\r\n\r\n", "GET / SPDY/3\n\n",
      ] {
        let response = try await exchange(garbage, port: port)
        #expect(response.hasPrefix("HTTP/1.1 400 Bad Request\r\n"), "\(garbage.debugDescription)")
      }
      let huge =
        "GET / HTTP/1.1\r\nHost: localhost\r\n"
        + String(repeating: "X-Filler: \(String(repeating: "a", count: 100))\r\n", count: 200)
      let tooLarge = try await exchange(huge, port: port)
      #expect(tooLarge.hasPrefix("HTTP/1.1 431 "))
      // A client that connects and leaves without a word.
      try await LoopbackHTTP.connect(port: port).close()

      let good = try await exchange("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", port: port)
      #expect(good.hasPrefix("HTTP/1.1 200 OK\r\n"))
      #expect(good.contains("<p>home</p>"))
    }
  }

  /// A client that never finishes its request head gets 408 and is disconnected.
  @Test(.timeLimit(.minutes(1))) func timesOutSlowClients() async throws {
    try await withServer(headTimeout: .milliseconds(300)) { port in
      let slow = try await LoopbackHTTP.connect(port: port)
      defer { try? slow.close() }
      try await slow.write(Data("GET / HTTP/1.1\r\nHost: localhost\r\n".utf8))
      let started = ContinuousClock.now
      let response = String(decoding: try await LoopbackHTTP.readToEnd(slow), as: UTF8.self)
      #expect(response.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
      #expect(ContinuousClock.now - started < .seconds(30), "0.3 s, plus a busy test run")
    }
  }

  /// A client that sends half a request and waits does not hold up the others.
  @Test func servesConnectionsConcurrently() async throws {
    try await withServer { port in
      let slow = try await LoopbackHTTP.connect(port: port)
      defer { try? slow.close() }
      try await slow.write(Data("GET / HTTP/1.1\r\n".utf8))
      try await withThrowingTaskGroup(of: String.self) { group in
        for _ in 0..<8 {
          group.addTask {
            try await exchange("GET /style.css HTTP/1.1\r\nHost: localhost\r\n\r\n", port: port)
          }
        }
        for try await response in group {
          #expect(response.hasPrefix("HTTP/1.1 200 OK\r\n"))
          #expect(response.hasSuffix("body { color: red }"))
        }
      }
      try await slow.write(Data("Host: localhost\r\n\r\n".utf8))
      let late = String(decoding: try await LoopbackHTTP.readToEnd(slow), as: UTF8.self)
      #expect(late.contains("<p>home</p>"))
    }
  }

  /// Issue 19, item 12: a symbolic link inside the site is answered as missing.
  @Test func symbolicLinksInsideTheSiteAreNotServed() throws {
    let site = TemporaryDirectory()
    let secret = try site.write("../secret-\(UUID().uuidString).txt", "secret\n")
    defer { try? FileManager.default.removeItem(at: secret) }
    try site.write("a/page.html", "<p>ok</p>")
    symlink(secret.path, site.url.appendingPathComponent("a/link.txt").path)
    symlink(site.url.appendingPathComponent("a").path, site.url.appendingPathComponent("b").path)
    let files = PreviewFiles(folder: site.url, version: { 0 })
    #expect(files.response(to: try request("/a/page.html")).status == 200)
    #expect(files.response(to: try request("/a/link.txt")).status == 404)
    #expect(files.response(to: try request("/b/page.html")).status == 404)
    #expect(files.response(to: try request("/b/")).status == 404)
  }
}
