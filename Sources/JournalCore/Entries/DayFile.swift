import Foundation

/// A day file found on disk by `DayFiles`: `journal/YYYY/YYYY-MM-DD.md`, not yet read.
public struct DayFile: Sendable, Hashable {
  /// The day, from the file name.
  public var date: JournalDate
  /// The path relative to the journal root: `journal/2018/2018-09-26.md`.
  public var path: String
  /// What `stat` said of the file when it was listed.
  public var stamp: FileStamp

  public init(date: JournalDate, path: String, stamp: FileStamp) {
    self.date = date
    self.path = path
    self.stamp = stamp
  }
}

/// What `stat` says of a file: size, modification time and inode. A file whose stamp is the one
/// recorded when it was last read is taken as unchanged without reading it (the index, the site
/// cache); one whose stamp differs is read and its `ContentHash` compared.
public struct FileStamp: Sendable, Hashable {
  public var size: Int64
  /// Nanoseconds since 1970.
  public var modified: Int64
  public var inode: UInt64

  public init(size: Int64, modified: Int64, inode: UInt64) {
    self.size = size
    self.modified = modified
    self.inode = inode
  }

  /// The stamp of the file at `path`, or nil when it cannot be `stat`ed.
  public init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    self.init(
      size: Int64(info.st_size),
      modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
      inode: UInt64(info.st_ino))
  }
}

/// The hash of a day file's bytes: tells a touched file (same bytes) from a changed one, and a
/// renamed file from a new one. Not cryptographic; it only has to notice edits. The index stores
/// it as `hex`, the site cache as `value`.
public struct ContentHash: Sendable, Hashable {
  public var value: UInt64

  public init(value: UInt64) { self.value = value }

  public init(of bytes: Data) { value = StableHasher.hash(bytes) }

  /// 16 lower-case hex digits.
  public var hex: String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}

/// A day file's bytes as read, with their hash; `entry()` decodes and parses them.
public struct DayFileContents: Sendable {
  public var date: JournalDate
  public var path: String
  public var bytes: Data
  public var hash: ContentHash

  /// The entry: the bytes as strict UTF-8, split into front matter and body. Throws a
  /// `JournalError` naming the file and line (bytes that are not UTF-8, bad front matter).
  public func entry() throws -> Entry {
    try Entry(date: date, path: path, source: try decodeUTF8(bytes, file: path))
  }
}
