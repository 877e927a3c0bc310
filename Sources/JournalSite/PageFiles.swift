import Foundation
import JournalCore

/// A file of the journal an entry shows (an image) or links to, as the page was rendered.
///
/// Files are named by a path relative to the day file (`![plot](../assets/plot.png)` or
/// `[data](../assets/runs.csv)` from `journal/2018/2018-09-17.md` name files in
/// `journal/assets/`, where `journal add --attach` puts them). The site publishes each file
/// referenced, and only those, at `assets/files/HASH/NAME`: a changed file gets a new address,
/// so no browser or CDN shows the old one. URLs (`https://...`, `data:`), absolute paths and
/// links to day files (which go to entry pages) are left to the rest of the pipeline.
struct PageFile: Sendable, Hashable {
  /// The destination as written.
  var written: String
  /// The file it names, relative to the journal root; nil for a URL or absolute path.
  var source: String?
  /// The file's content hash when the page was rendered; nil when it did not exist.
  var hash: UInt64?
  var line: Int
  /// An image (`![...](...)`), not a link.
  var isImage: Bool

  /// Why the file is not published, nil when it is (or the destination is a URL).
  var problem: String? {
    let what = isImage ? "image" : "link"
    guard let source else {
      return PageFile.isRelativePath(written)
        ? "\(what) '\(written)' is outside journal/: not published" : nil
    }
    return hash == nil ? "\(what) '\(written)': no such file \(source)" : nil
  }

  /// Whether a destination is a relative path (no scheme, not absolute, not a fragment).
  static func isRelativePath(_ destination: String) -> Bool {
    guard !destination.isEmpty, !destination.hasPrefix("/"), !destination.hasPrefix("#")
    else { return false }
    let beforeSlash = destination.prefix { $0 != "/" }
    return !beforeSlash.contains(":")
  }

  /// The journal file `destination` names from the day file at `page` (both relative to the
  /// journal root), nil when it is not a relative path or leaves `journal/`.
  static func source(of destination: String, from page: String) -> String? {
    guard isRelativePath(destination) else { return nil }
    var path = Substring(destination)
    if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
    let decoded = String(path).removingPercentEncoding ?? String(path)
    var parts = page.split(separator: "/").dropLast().map(String.init)
    for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..":
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      default: parts.append(String(part))
      }
    }
    // Inside journal/, never in a hidden folder (`.outputs`) or a hidden file.
    guard parts.count >= 2, parts[0] == "journal", !parts.contains(where: { $0.hasPrefix(".") })
    else { return nil }
    return parts.joined(separator: "/")
  }

  /// Where the site publishes a file with this hash: `assets/files/HASH/NAME`, the name with
  /// every byte but ASCII letters, digits, `.`, `_` and `-` as `-`, so that the path is its own
  /// URL.
  static func publishedPath(source: String, hash: UInt64) -> String {
    let name = source.split(separator: "/").last.map(String.init) ?? "file"
    let safe = String(
      decoding: name.utf8.map { byte in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"),
          UInt8(ascii: "-"):
          return byte
        default: return UInt8(ascii: "-")
        }
      }, as: UTF8.self)
    return "assets/files/" + ContentHash(value: hash).hex + "/" + safe
  }
}

/// The content hashes of the journal's files that pages show, each read once per build, from
/// any thread. Symbolic links and anything but regular files count as missing: the site
/// publishes only the journal's own files.
final class FileHashes: @unchecked Sendable {
  private let lock = NSLock()
  private var hashes: [String: UInt64?] = [:]
  let journal: Journal

  init(journal: Journal) { self.journal = journal }

  func hash(_ source: String) -> UInt64? {
    if let known = lock.withLock({ hashes[source] }) { return known }
    let hash = Self.read(journal.path(for: source)).map { ContentHash(of: $0).value }
    lock.withLock { hashes[source] = hash }
    return hash
  }

  /// The bytes of the regular file at `path` (not followed through a symbolic link).
  static func read(_ path: String) -> Data? {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    return FileManager.default.contents(atPath: path)
  }

  /// The images of `document` and its Markdown links to files (not day files, not URLs),
  /// with their files' current hashes, in line order.
  func files(of document: Document) -> [PageFile] {
    func file(_ destination: String, line: Int, isImage: Bool) -> PageFile {
      let source = PageFile.source(of: destination, from: document.path)
      return PageFile(
        written: destination, source: source, hash: source.flatMap(hash), line: line,
        isImage: isImage)
    }
    let images = document.images.map { file($0.destination, line: $0.line, isImage: true) }
    let links = document.links.filter {
      $0.kind == .markdown && $0.reference == nil && PageFile.isRelativePath($0.destination)
    }.map { file($0.destination, line: $0.line, isImage: false) }
    return (images + links).enumerated().sorted {
      ($0.element.line, $0.offset) < ($1.element.line, $1.offset)
    }.map(\.element)
  }

  /// Whether any image of `page` changed since the page was rendered.
  func changed(_ images: [PageFile]) -> Bool {
    images.contains { image in
      guard let source = image.source else { return false }
      return hash(source) != image.hash
    }
  }
}
