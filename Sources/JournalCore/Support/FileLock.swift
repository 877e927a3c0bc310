import Foundation

/// An exclusive advisory lock on a file (`flock`), held until `unlock()` or deinit.
///
/// Serialises writers across processes: concurrent `journal add`s and index updates.
public final class FileLock {
  private var fd: Int32

  /// Blocks until the lock on `url` is ours, creating the file (and its folder) if needed.
  public init(_ url: URL) throws {
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw JournalError(
        .io, "cannot open lock file: \(String(cString: strerror(errno)))",
        file: url.path)
    }
    while flock(fd, LOCK_EX) != 0 {
      if errno == EINTR { continue }
      let reason = String(cString: strerror(errno))
      close(fd)
      throw JournalError(.io, "cannot lock: \(reason)", file: url.path)
    }
  }

  public func unlock() {
    guard fd >= 0 else { return }
    flock(fd, LOCK_UN)
    close(fd)
    fd = -1
  }

  deinit { unlock() }
}
