import Foundation
import JournalCells
import JournalCore

/// Writes a rendered site into its output folder without ever leaving a half-written page.
///
/// Each file is written to a temporary name and renamed into place, and only when its content
/// changed (the manifest `.journal-site` records every file's hash and size). Files of the previous
/// build that are no longer produced are removed. The manifest is written last: if a build is
/// interrupted, the next one compares against the older manifest and repairs the difference.
struct SiteOutput {
  /// The manifest's name inside the output folder.
  static let manifestName = ".journal-site"
  /// Present while a build writes: after an interrupted build, the manifest may not describe
  /// the files any more, so the next build renders and writes everything.
  static let writingMarkerName = ".journal-site-writing"

  struct Stats: Sendable, Equatable {
    var written = 0
    var unchanged = 0
    var removed = 0
  }

  let folder: URL

  /// What the last build wrote: each file's fingerprint and the key it was rendered from.
  struct ManifestEntry: Sendable, Equatable {
    var fingerprint: Fingerprint
    var key: UInt64?
  }

  /// Reads the manifest of the last build; empty for a new folder. Throws when the folder has
  /// files but no manifest: it was not made by `journal build`, and nothing in it is touched.
  func readManifest() throws -> [String: ManifestEntry] {
    let fm = FileManager.default
    let manifestURL = folder.appendingPathComponent(SiteOutput.manifestName)
    if fm.fileExists(atPath: manifestURL.path) {
      var manifest = Fingerprint.parseManifest(try FileSystem.readText(at: manifestURL))
      if fm.fileExists(atPath: folder.appendingPathComponent(Self.writingMarkerName).path) {
        // Neither keys nor fingerprints describe the files for sure: write every file anew.
        for path in manifest.keys {
          manifest[path] = ManifestEntry(fingerprint: Fingerprint(hash: 0, size: -1), key: nil)
        }
      }
      return manifest
    } else if Journal.isDirectory(folder),
      // The marker without a manifest: a first build that failed part-way, which must not
      // block the next one (issue 19, item 8).
      !fm.fileExists(atPath: folder.appendingPathComponent(Self.writingMarkerName).path),
      let existing = try? fm.contentsOfDirectory(atPath: folder.path),
      existing.contains(where: { !$0.hasPrefix(".") })
    {
      throw JournalError(
        .conflict,
        "the output folder is not empty and was not made by 'journal build'; "
          + "remove it or choose another --out", file: folder.path)
    }
    return [:]
  }

  /// The keys of the outputs of the last build: those a build may keep instead of rendering.
  /// The manifest is trusted to describe the folder (checking every file would cost a stat
  /// per page on every build); a build that died while writing leaves the marker, and then
  /// nothing is kept.
  func keepable(_ previous: [String: ManifestEntry]) -> [String: UInt64] {
    previous.compactMapValues(\.key)
  }

  /// Brings the folder in line with `files` (relative path to contents) and `kept` (outputs
  /// left as the last build wrote them), recording `keys` in the manifest.
  func write(
    _ files: [String: Data], kept: Set<String> = [], keys: [String: UInt64] = [:],
    previous: [String: ManifestEntry]
  ) throws -> Stats {
    try write(
      files.map { item in (item.key, { item.value }) }, kept: kept, keys: keys,
      previous: previous)
  }

  /// The same, with files rendered on the fly (in parallel, each written as soon as it is
  /// rendered, so that the whole site is never in memory at once).
  func write(
    _ files: [(path: String, render: () -> Data)], kept: Set<String> = [],
    keys: [String: UInt64] = [:], previous: [String: ManifestEntry]
  ) throws -> Stats {
    let fm = FileManager.default
    let manifestURL = folder.appendingPathComponent(SiteOutput.manifestName)
    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    let marker = folder.appendingPathComponent(Self.writingMarkerName)
    let markerHandle = open(marker.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard markerHandle >= 0 else {
      throw JournalError(.io, "cannot write in the output folder", file: folder.path)
    }
    close(markerHandle)

    let paths = files.map(\.path)
    // Each folder once, up front: asking for it before every file costs a stat per ancestor.
    // Level by level, each level in parallel: a site has a folder per day.
    var folders = Set<String>()
    for path in paths {
      var dir = (path as NSString).deletingLastPathComponent
      while !dir.isEmpty, folders.insert(dir).inserted {
        dir = (dir as NSString).deletingLastPathComponent
      }
    }
    let levels = Dictionary(
      grouping: folders, by: { $0.utf8.reduce(0) { $1 == 0x2f ? $0 + 1 : $0 } })
    let base = folder.path + "/"
    for depth in levels.keys.sorted() {
      let level = levels[depth] ?? []
      let failures = level.concurrentMap { dir -> String? in
        mkdir(base + dir, 0o755) != 0 && errno != EEXIST ? String(cString: strerror(errno)) : nil
      }
      if let i = failures.firstIndex(where: { $0 != nil }), let reason = failures[i] {
        throw JournalError(.io, "cannot create folder: \(reason)", file: base + level[i])
      }
    }
    // The renderers only read immutable contexts and the (Sendable) template library.
    let work = UncheckedSendable(files)
    let folder = self.folder
    let outcomes = paths.indices.concurrentMap { i -> (Fingerprint, Result<Bool, Error>) in
      let path = paths[i]
      let url = folder.appendingPathComponent(path)
      let data = work.value[i].render()
      let fingerprint = Fingerprint(data)
      return (
        fingerprint,
        Result {
          if previous[path]?.fingerprint == fingerprint, Self.size(of: url) == fingerprint.size {
            return false
          }
          try Self.replace(url, with: data)
          return true
        }
      )
    }
    let fingerprints = outcomes.map(\.0)
    var stats = Stats()
    for (_, outcome) in outcomes {
      if try outcome.get() { stats.written += 1 } else { stats.unchanged += 1 }
    }
    var manifest: [String: ManifestEntry] = [:]
    manifest.reserveCapacity(paths.count + kept.count)
    // Whether the manifest differs from the last one, found without comparing every entry:
    // kept entries are the previous ones, so only the written ones and the count can differ.
    var differs = false
    var added = 0
    for (i, path) in paths.enumerated() {
      let entry = ManifestEntry(fingerprint: fingerprints[i], key: keys[path])
      manifest[path] = entry
      if let old = previous[path] {
        if old != entry { differs = true }
      } else {
        added += 1
      }
    }
    for path in kept {
      guard let entry = previous[path] else { continue }
      manifest[path] = entry
      stats.unchanged += 1
    }
    // Previous paths in neither list: every manifest path but the added ones is a previous one.
    let gone = previous.count - (manifest.count - added)
    if gone != 0 || added != 0 { differs = true }
    var emptied = Set<String>()
    for path in previous.keys where gone > 0 && manifest[path] == nil {
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
    if differs || !fm.fileExists(atPath: manifestURL.path) {
      try Self.writeManifest(manifest, to: manifestURL)
    }
    unlink(marker.path)
    return stats
  }

  /// Writes the manifest, in no particular order: it is read into a dictionary.
  static func writeManifest(_ manifest: [String: ManifestEntry], to url: URL) throws {
    var text = [UInt8]()
    text.reserveCapacity(manifest.count * 64)
    let digits = Array("0123456789abcdef".utf8)
    func hex(_ value: UInt64) {
      var shift = 60
      while shift > 0, (value >> UInt64(shift)) & 0xf == 0 { shift -= 4 }
      while shift >= 0 {
        text.append(digits[Int((value >> UInt64(shift)) & 0xf)])
        shift -= 4
      }
    }
    for (path, entry) in manifest {
      hex(entry.fingerprint.hash)
      text.append(UInt8(ascii: "-"))
      text.append(contentsOf: String(entry.fingerprint.size).utf8)
      if let key = entry.key {
        text.append(UInt8(ascii: "-"))
        hex(key)
      }
      text.append(UInt8(ascii: " "))
      text.append(contentsOf: path.utf8)
      text.append(UInt8(ascii: "\n"))
    }
    try replace(url, with: Data(text))
  }

  /// Writes through a temporary file and a rename, so a reader never sees a partial file.
  /// No fsync (which `FileManager.createFile` does for every file): the site is rebuildable,
  /// and syncing thousands of pages costs seconds of waiting on the disk.
  static func replace(_ url: URL, with data: Data) throws {
    let path = url.path
    let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
    let temp =
      String(path[..<slash]) + "." + String(path[slash...])
      + ".\(UInt32.random(in: 0...UInt32.max)).tmp"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    var ok = fd >= 0
    if ok {
      ok = data.withUnsafeBytes { FileSystem.writeAll($0, to: fd) }
      close(fd)
    }
    guard ok, rename(temp, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temp)
      throw JournalError(.io, "cannot write: \(reason)", file: path)
    }
  }

  static func size(of url: URL) -> Int? { size(ofPath: url.path) }

  static func size(ofPath path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int(info.st_size)
  }
}

/// A file's size and 64-bit `StableHasher` hash, as recorded in the manifest.
struct Fingerprint: Hashable, Sendable {
  var hash: UInt64
  var size: Int

  init(hash: UInt64, size: Int) {
    self.hash = hash
    self.size = size
  }

  init(_ data: Data) { self.init(hash: StableHasher.hash(data), size: data.count) }

  /// `hash-size`, in hex and decimal.
  var text: String { String(hash, radix: 16) + "-" + String(size) }

  /// Parses manifest lines `hash-size path`, or `hash-size-key path` for rendered outputs
  /// (hash and key in hex, size in decimal). Malformed lines are skipped: their files are
  /// written anew.
  static func parseManifest(_ text: String) -> [String: SiteOutput.ManifestEntry] {
    var result: [String: SiteOutput.ManifestEntry] = [:]
    var text = text
    text.withUTF8 { bytes in
      result.reserveCapacity(bytes.count / 64)
      var i = 0
      func number(radix: UInt64) -> UInt64? {
        var value: UInt64 = 0
        let start = i
        while i < bytes.count {
          let c = bytes[i]
          let digit: UInt64
          switch c {
          case 0x30...0x39: digit = UInt64(c - 0x30)
          case 0x61...0x66 where radix == 16: digit = UInt64(c - 0x61 + 10)
          default:
            return i > start && i - start <= 20 ? value : nil
          }
          value = value &* radix &+ digit
          i += 1
        }
        return nil
      }
      while i < bytes.count {
        let lineStart = i
        var lineEnd = i
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0a { lineEnd += 1 }
        defer { i = lineEnd + 1 }
        guard let hash = number(radix: 16), i < lineEnd, bytes[i] == 0x2d else { continue }
        i += 1
        guard let size = number(radix: 10), i < lineEnd else { continue }
        var key: UInt64? = nil
        if bytes[i] == 0x2d {
          i += 1
          guard let k = number(radix: 16), i < lineEnd else { continue }
          key = k
        }
        guard bytes[i] == 0x20, i + 1 < lineEnd, i > lineStart else { continue }
        let path = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<lineEnd]),
          as: UTF8.self)
        result[path] = SiteOutput.ManifestEntry(
          fingerprint: Fingerprint(hash: hash, size: Int(size)), key: key)
      }
    }
    return result
  }
}
