import Foundation

/// File-system helpers that never leave a half-written file behind.
public enum FileSystem {
  /// Writes `data` to `url` atomically: a temporary file in the same folder, fsync, rename.
  /// Creates intermediate folders.
  public static func writeAtomically(_ data: Data, to url: URL) throws {
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw JournalError(
        .io, "cannot create folder: \(error.localizedDescription)",
        file: folder.path)
    }
    let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else {
      throw JournalError(.io, "cannot write: \(String(cString: strerror(errno)))", file: url.path)
    }
    // A replaced file keeps its permissions (a read-only day file stays read-only).
    var existing = stat()
    if stat(url.path, &existing) == 0 { fchmod(fd, existing.st_mode & 0o7777) }
    var ok = data.withUnsafeBytes { writeAll($0, to: fd) }
    if ok && fsync(fd) != 0 { ok = false }
    close(fd)
    guard ok, rename(temp.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temp.path)
      throw JournalError(.io, "cannot write: \(reason)", file: url.path)
    }
  }

  /// Writes `data` to a new file at `url`, whole or not at all: a temporary file in the same
  /// folder, fsync, then a hard link to `url`, which fails rather than replace a file that is
  /// there (a `.conflict` error). Creates intermediate folders.
  public static func createExclusively(_ data: Data, at url: URL, displayPath: String) throws {
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw JournalError(
        .io, "cannot create folder: \(error.localizedDescription)", file: displayPath)
    }
    let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else {
      throw JournalError(
        .io, "cannot write: \(String(cString: strerror(errno)))", file: displayPath)
    }
    defer { unlink(temp.path) }
    var ok = data.withUnsafeBytes { writeAll($0, to: fd) }
    if ok && fsync(fd) != 0 { ok = false }
    close(fd)
    guard ok else {
      throw JournalError(
        .io, "cannot write: \(String(cString: strerror(errno)))", file: displayPath)
    }
    guard link(temp.path, url.path) == 0 else {
      let code = errno
      throw JournalError(
        code == EEXIST ? .conflict : .io,
        code == EEXIST ? "exists already" : "cannot write: \(String(cString: strerror(code)))",
        file: displayPath)
    }
  }

  /// Writes `data` to `url` (created or truncated) without fsync; callers that need durability
  /// call `syncFileSystem` once after a batch of such writes.
  public static func writeUnsynced(_ data: Data, to url: URL, displayPath: String) throws {
    let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else {
      throw JournalError(
        .io, "cannot write: \(String(cString: strerror(errno)))", file: displayPath)
    }
    defer { close(fd) }
    guard data.withUnsafeBytes({ writeAll($0, to: fd) }) else {
      throw JournalError(
        .io, "cannot write: \(String(cString: strerror(errno)))", file: displayPath)
    }
  }

  /// Flushes written data to disk once for a whole batch (`sync`: one wait instead of one
  /// `fsync` per file).
  public static func syncFileSystem(containing url: URL) {
    sync()
  }

  /// Writes `text` as UTF-8, atomically.
  public static func writeAtomically(_ text: String, to url: URL) throws {
    try writeAtomically(Data(text.utf8), to: url)
  }

  /// Writes all of `bytes` to `fd`, however many `write` calls it takes (retrying after a
  /// signal); false on an error, with `errno` set.
  public static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return false }
      offset += n
    }
    return true
  }

  /// A whole file's bytes by `open`/`fstat`/`read`, or nil when it cannot be read: the cheap
  /// path for reading thousands of day files (no `URL`, no `FileManager`).
  public static func contents(atPath path: String) -> Data? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return nil }
    var data = Data(count: Int(info.st_size))
    var filled = 0
    let ok = data.withUnsafeMutableBytes { raw -> Bool in
      while filled < raw.count {
        let n = read(fd, raw.baseAddress! + filled, raw.count - filled)
        if n < 0 { return false }
        if n == 0 { break }
        filled += n
      }
      return true
    }
    guard ok else { return nil }
    if filled < data.count { data.removeSubrange(filled...) }
    // The file grew since `fstat`: read the rest.
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = read(fd, &chunk, chunk.count)
      if n < 0 { return nil }
      if n == 0 { break }
      data.append(contentsOf: chunk[0..<n])
    }
    return data
  }

  /// Reads a file as strict UTF-8, with errors that name `displayPath`.
  public static func readText(at url: URL, displayPath: String? = nil) throws -> String {
    let shown = displayPath ?? url.path
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw JournalError(.io, "cannot read: \(error.localizedDescription)", file: shown)
    }
    return try decodeUTF8(data, file: shown)
  }
}
