import ArgumentParser
import FlyingFox
import Foundation
import JournalKit

extension Journal {
  struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Preview the website locally, rebuilding it when the journal changes.",
      discussion: """
        Builds the site like 'journal build', serves it on 127.0.0.1, watches journal/ and
        templates/ and rebuilds on every change; open pages reload themselves after a rebuild.
        A failed rebuild is reported and the previous site stays served. Ctrl-C stops it.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(help: ArgumentHelp(
      "The output folder (default: _site in the journal folder).", valueName: "path"))
    var out: String?

    func run() async throws {
      let journal = try global.journal()
      let folder = out.map { URL(fileURLWithPath: $0).standardizedFileURL }
        ?? journal.root.appendingPathComponent("_site", isDirectory: true)
      let state = PreviewState()
      let server = HTTPServer(
        address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled)
      await server.appendRoute("GET,HEAD /__journal/version") { _ in
        let headers: HTTPHeaders = [.contentType: "text/plain", .cacheControl: "no-store"]
        return HTTPResponse(statusCode: .ok, headers: headers,
          body: Data(String(state.version).utf8))
      }
      await server.appendRoute("GET,HEAD *") { request in
        // The raw target: `path` drops the trailing slash that tells a folder from a file.
        PreviewFiles(folder: folder).response(for: request.target.path(percentEncoded: false))
      }
      let serverTask = Task { try await server.run() }
      try await server.waitUntilListening()
      var shownPort = port
      if case .ip4(_, let actual)? = await server.listeningAddress { shownPort = actual }
      // Built once the port is known (with --port 0 the system picks it): feeds and canonical
      // links name it.
      let builder = SiteBuilder(journal: journal, options: SiteBuilder.Options(
        outputFolder: folder, baseURL: "http://127.0.0.1:\(shownPort)/"))
      guard state.rebuild(builder) else {
        await server.stop(timeout: 0)
        serverTask.cancel()
        throw ExitCode(1)
      }
      Terminal.standardOutput.write(
        "serving \(folder.path) at http://127.0.0.1:\(shownPort)/ (Ctrl-C stops)\n")

      // Ctrl-C: let a running rebuild finish so no temporary files are left behind, then stop.
      signal(SIGINT, SIG_IGN)
      signal(SIGTERM, SIG_IGN)
      let stop = AsyncStream<Void> { continuation in
        for number in [SIGINT, SIGTERM] {
          let source = DispatchSource.makeSignalSource(signal: number)
          source.setEventHandler { continuation.yield() }
          source.resume()
          state.keep(source)
        }
      }
      let watcher = Task.detached {
        var fingerprint = builder.sourceFingerprint()
        while !Task.isCancelled {
          try? await Task.sleep(nanoseconds: 300_000_000)
          let now = builder.sourceFingerprint()
          if now != fingerprint {
            fingerprint = now
            state.rebuild(builder)
          }
        }
      }
      for await _ in stop { break }
      watcher.cancel()
      state.waitForRebuild()
      await server.stop(timeout: 1)
      serverTask.cancel()
      Terminal.standardOutput.write("stopped\n")
    }
  }
}

/// The preview's shared state: the build counter that open pages poll, and the build lock.
final class PreviewState: @unchecked Sendable {
  private let lock = NSLock()
  private let buildLock = NSLock()
  private var counter = 0
  private var sources: [any DispatchSourceSignal] = []

  var version: Int { lock.withLock { counter } }

  func keep(_ source: any DispatchSourceSignal) { lock.withLock { sources.append(source) } }

  /// Rebuilds and bumps the version on success. Problems go to standard error.
  @discardableResult
  func rebuild(_ builder: SiteBuilder) -> Bool {
    buildLock.withLock {
      let started = Date()
      do {
        let report = try builder.build()
        for problem in report.problems { Terminal.standardError.write("journal: \(problem)\n") }
        lock.withLock { counter += 1 }
        let ms = Int(Date().timeIntervalSince(started) * 1000)
        Terminal.standardOutput.write("built \(report.entries) entries in \(ms) ms: "
          + "\(report.parsed) parsed, \(report.written) written, \(report.removed) removed\n")
        return true
      } catch {
        Terminal.standardError.write("journal: \(error)\n")
        return false
      }
    }
  }

  func waitForRebuild() { buildLock.withLock {} }
}

/// Serves the built site's files, with folder URLs mapped to their index.html and a small
/// script added to HTML pages that reloads them after a rebuild.
struct PreviewFiles {
  let folder: URL

  static let reloadScript = """
    <script>(function(){var v=null;setInterval(function(){fetch("/__journal/version",\
    {cache:"no-store"}).then(function(r){return r.text()}).then(function(t){\
    if(v!==null&&t!==v)location.reload();v=t}).catch(function(){})},1000)})();</script>
    """

  func response(for path: String) -> HTTPResponse {
    let parts = path.split(separator: "/")
    guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else {
      return notFound()
    }
    var url = folder
    for part in parts { url.appendPathComponent(String(part)) }
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else {
      return notFound()
    }
    if isDir.boolValue {
      guard path.hasSuffix("/") else {
        let headers: HTTPHeaders = [.location: path + "/"]
        return HTTPResponse(statusCode: .movedPermanently, headers: headers)
      }
      url.appendPathComponent("index.html")
    }
    guard let data = FileManager.default.contents(atPath: url.path) else { return notFound() }
    return file(data, name: url.lastPathComponent, status: .ok)
  }

  func notFound() -> HTTPResponse {
    let page = FileManager.default.contents(atPath: folder.appendingPathComponent("404.html").path)
    return file(page ?? Data("Not found\n".utf8), name: "404.html", status: .notFound)
  }

  func file(_ data: Data, name: String, status: HTTPStatusCode) -> HTTPResponse {
    let type = Self.contentType(of: name)
    var body = data
    if type.hasPrefix("text/html"), let html = String(data: data, encoding: .utf8) {
      let injected = html.replacingOccurrences(of: "</body>", with: Self.reloadScript + "</body>")
      body = Data(injected.utf8)
    }
    let headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-cache"]
    return HTTPResponse(statusCode: status, headers: headers, body: body)
  }

  static func contentType(of name: String) -> String {
    switch (name as NSString).pathExtension.lowercased() {
    case "html": return "text/html; charset=utf-8"
    case "css": return "text/css; charset=utf-8"
    case "js": return "text/javascript; charset=utf-8"
    case "xml": return "application/xml; charset=utf-8"
    case "json": return "application/json"
    case "svg": return "image/svg+xml"
    case "png": return "image/png"
    case "jpg", "jpeg": return "image/jpeg"
    case "gif": return "image/gif"
    case "woff2": return "font/woff2"
    default: return "application/octet-stream"
    }
  }
}
