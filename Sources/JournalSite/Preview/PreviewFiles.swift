import Foundation
import JournalCells
import JournalCore

/// What `journal serve` answers: the built site's files, with folder URLs mapped to their
/// index.html, 404.html for everything else, a small script added to HTML pages that reloads
/// them after a rebuild, and the build counter that script polls.
public struct PreviewFiles: Sendable {
  public let folder: URL
  /// The build counter: it changes after every successful rebuild.
  public let version: @Sendable () -> Int

  public init(folder: URL, version: @escaping @Sendable () -> Int) {
    self.folder = folder
    self.version = version
  }

  /// Polled by `reloadScript`.
  public static let versionPath = "/__journal/version"

  static let reloadScript = """
    <script>(function(){var v=null;setInterval(function(){fetch("\(versionPath)",\
    {cache:"no-store"}).then(function(r){return r.text()}).then(function(t){\
    if(v!==null&&t!==v)location.reload();v=t}).catch(function(){})},1000)})();</script>
    """

  /// The response to a GET or HEAD request.
  public func response(to request: PreviewRequest) -> PreviewResponse {
    if request.path == Self.versionPath {
      return PreviewResponse(
        status: 200,
        headers: [.init("Content-Type", "text/plain"), .init("Cache-Control", "no-store")],
        body: Data(String(version()).utf8))
    }
    let path = request.path
    let parts = path.split(separator: "/")
    guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else {
      return notFound()
    }
    var url = folder
    for part in parts { url.appendPathComponent(String(part)) }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      return notFound()
    }
    if isDirectory.boolValue {
      guard path.hasSuffix("/") else {
        // The target as sent (still percent-encoded, so a valid header value), plus the slash.
        let rawPath = request.target.prefix { $0 != "?" && $0 != "#" }
        let query = request.target.dropFirst(rawPath.count)
        return PreviewResponse(status: 301, headers: [.init("Location", rawPath + "/" + query)])
      }
      url.appendPathComponent("index.html")
    }
    let served = parts + (isDirectory.boolValue ? ["index.html"] : [])
    guard !Self.passesThroughSymlink(folder: folder, parts: served),
      let data = FileManager.default.contents(atPath: url.path)
    else { return notFound() }
    return file(data, name: url.lastPathComponent, status: 200)
  }

  /// True when a component of the path below `folder` is a symbolic link: a link inside the
  /// site could point anywhere on the machine, so `serve` answers it as missing (issue 19).
  static func passesThroughSymlink(folder: URL, parts: [Substring]) -> Bool {
    var path = folder.path
    var info = stat()
    for part in parts {
      path += "/" + part
      if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK { return true }
    }
    return false
  }

  func notFound() -> PreviewResponse {
    let page = FileManager.default.contents(atPath: folder.appendingPathComponent("404.html").path)
    return file(page ?? Data("Not found\n".utf8), name: "404.html", status: 404)
  }

  func file(_ data: Data, name: String, status: Int) -> PreviewResponse {
    let type = Self.contentType(of: name)
    var body = data
    if type.hasPrefix("text/html"), let html = String(data: data, encoding: .utf8) {
      let injected = html.replacingOccurrences(of: "</body>", with: Self.reloadScript + "</body>")
      body = Data(injected.utf8)
    }
    return PreviewResponse(
      status: status,
      headers: [.init("Content-Type", type), .init("Cache-Control", "no-cache")], body: body)
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
