import Foundation

/// Writes a rendered site into its output folder without ever leaving a half-written page.
///
/// Each file is written to a temporary name and renamed into place, and only when its content
/// changed (the manifest `.journal-site` records every file's hash and size). Files of the previous
/// build that are no longer produced are removed. The manifest is written last: if a build is
/// interrupted, the next one compares against the older manifest and repairs the difference.
struct SiteOutput {
  /// The manifest's name inside the output folder.
  static let manifestName = ".journal-site"

  struct Stats: Sendable, Equatable {
    var written = 0
    var unchanged = 0
    var removed = 0
  }

  let folder: URL

  /// Brings the folder in line with `files` (relative path to contents).
  func write(_ files: [String: Data]) throws -> Stats {
    let fm = FileManager.default
    let manifestURL = folder.appendingPathComponent(SiteOutput.manifestName)
    var previous: [String: Fingerprint] = [:]
    if fm.fileExists(atPath: manifestURL.path) {
      previous = Fingerprint.parseManifest(try FileSystem.readText(at: manifestURL))
    } else if Journal.isDirectory(folder),
      let existing = try? fm.contentsOfDirectory(atPath: folder.path),
      existing.contains(where: { !$0.hasPrefix(".") })
    {
      throw JournalError(.conflict,
        "the output folder is not empty and was not made by 'journal build'; "
          + "remove it or choose another --out", file: folder.path)
    }
    try fm.createDirectory(at: folder, withIntermediateDirectories: true)

    let paths = files.keys.sorted()
    var fingerprints: [String: Fingerprint] = [:]
    for path in paths { fingerprints[path] = Fingerprint(files[path]!) }
    // Each folder once, up front: asking for it before every file costs a stat per ancestor.
    var folders = Set<String>()
    for path in paths { folders.insert((path as NSString).deletingLastPathComponent) }
    for dir in folders.sorted() where !dir.isEmpty {
      try fm.createDirectory(
        at: folder.appendingPathComponent(dir, isDirectory: true),
        withIntermediateDirectories: true)
    }
    let outcomes = ResultBox<Result<Bool, Error>>(count: paths.count)
    let (known, current) = (previous, fingerprints)
    DispatchQueue.concurrentPerform(iterations: paths.count) { i in
      let path = paths[i]
      let url = folder.appendingPathComponent(path)
      outcomes[i] = Result {
        if known[path] == current[path], Self.size(of: url) == current[path]!.size {
          return false
        }
        try Self.replace(url, with: files[path]!)
        return true
      }
    }
    var stats = Stats()
    for outcome in outcomes.values {
      if try outcome!.get() { stats.written += 1 } else { stats.unchanged += 1 }
    }
    var emptied = Set<String>()
    for path in previous.keys.sorted() where files[path] == nil {
      let url = folder.appendingPathComponent(path)
      if fm.fileExists(atPath: url.path) {
        try? fm.removeItem(at: url)
        stats.removed += 1
      }
      emptied.insert((path as NSString).deletingLastPathComponent)
    }
    // Remove folders left empty, deepest first.
    var candidates = Set<String>()
    for dir in emptied {
      var d = dir
      while !d.isEmpty {
        candidates.insert(d)
        d = (d as NSString).deletingLastPathComponent
      }
    }
    for dir in candidates.sorted(by: { $0.count > $1.count }) {
      let url = folder.appendingPathComponent(dir)
      if let items = try? fm.contentsOfDirectory(atPath: url.path), items.isEmpty {
        try? fm.removeItem(at: url)
      }
    }
    let manifest = paths.map { "\(fingerprints[$0]!.text) \($0)\n" }.joined()
    try FileSystem.writeAtomically(manifest, to: manifestURL)
    return stats
  }

  /// Writes through a temporary file and a rename, so a reader never sees a partial file.
  /// No fsync: the site is rebuildable, and syncing thousands of pages costs seconds.
  static func replace(_ url: URL, with data: Data) throws {
    let dir = url.deletingLastPathComponent()
    let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    guard FileManager.default.createFile(atPath: temp.path, contents: data),
      rename(temp.path, url.path) == 0
    else {
      let reason = String(cString: strerror(errno))
      unlink(temp.path)
      throw JournalError(.io, "cannot write: \(reason)", file: url.path)
    }
  }

  static func size(of url: URL) -> Int? {
    var info = stat()
    guard stat(url.path, &info) == 0 else { return nil }
    return Int(info.st_size)
  }
}

/// A file's size and 64-bit FNV-1a hash, as recorded in the manifest.
struct Fingerprint: Hashable, Sendable {
  var hash: UInt64
  var size: Int

  init(hash: UInt64, size: Int) {
    self.hash = hash
    self.size = size
  }

  init(_ data: Data) {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    data.withUnsafeBytes { raw in
      for byte in raw {
        h ^= UInt64(byte)
        h = h &* 0x100_0000_01b3
      }
    }
    self.init(hash: h, size: data.count)
  }

  /// `hash-size`, in hex and decimal.
  var text: String { String(hash, radix: 16) + "-" + String(size) }

  /// Parses manifest lines `hash-size path`.
  static func parseManifest(_ text: String) -> [String: Fingerprint] {
    var result: [String: Fingerprint] = [:]
    for line in text.split(separator: "\n") {
      guard let space = line.firstIndex(of: " ") else { continue }
      let parts = line[..<space].split(separator: "-")
      guard parts.count == 2, let hash = UInt64(parts[0], radix: 16), let size = Int(parts[1])
      else { continue }
      result[String(line[line.index(after: space)...])] = Fingerprint(hash: hash, size: size)
    }
    return result
  }
}
