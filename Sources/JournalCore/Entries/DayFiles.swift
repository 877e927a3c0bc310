import Foundation

/// The one listing of a journal's day files: every `journal/YYYY/YYYY-MM-DD.md` with its stamp,
/// and the `.md` files in year folders that are not day files (misnamed, or in the wrong year),
/// in one pass of `readdir` and `fstatat` per year folder; or only a fingerprint of that
/// listing. The index, the site and the cell runner all list files here.
///
/// This is the no-op check's whole cost on a large journal, so it avoids `FileManager` and `URL`
/// (which allocate per file), and the fingerprint alone allocates nothing per file: names are
/// hashed straight from the `dirent` and `fstatat` is called relative to the year folder's
/// descriptor.
///
/// Directory mtimes cannot stand in for the per-file `stat`s: an edit in place changes the
/// file's mtime, never its folder's. So every day file is `stat`ed, as cheaply as possible.
public enum DayFiles {
  /// What a scan found: the listing (when asked for), its fingerprint and the misnamed files.
  public struct Listing: Sendable {
    /// The day files, oldest first (empty when the scan was for the fingerprint only).
    public var files: [DayFile] = []
    /// How many day files there are.
    public var count = 0
    /// Order-independent digest of (path, size, mtime) of every day file.
    var sum: UInt64 = 0
    /// The `.md` files of year folders that are not day files.
    public var problems: [JournalError] = []

    /// Equal listings (paths, sizes, mtimes) give equal fingerprints, so an unchanged journal is
    /// recognised without reading each file's stamp from the index.
    public var fingerprint: String { "\(count):\(String(sum, radix: 16))" }
  }

  /// Scans the year folders in parallel (the `stat`s are the cost); with `listing: false` only
  /// the fingerprint and problems are computed.
  public static func scan(_ journal: Journal, listing: Bool = true) throws -> Listing {
    try start(journal, listing: listing).finish()
  }

  /// Starts scanning the year folders on threads of its own, one per other processor, and returns at
  /// once: the caller does other work (open the index, run the query) and then calls `finish`,
  /// which scans what is left on the caller's thread too and waits for the rest.
  ///
  /// Dedicated threads rather than `concurrentPerform` from a queue: called from a busy global
  /// queue (the async command's), Dispatch sized the work to one thread, so the 10,000 `stat`s
  /// of a large journal ran serially beside the query.
  public static func start(_ journal: Journal, listing: Bool = false) -> PendingScan {
    let root = journal.entriesFolder.path
    guard let top = opendir(root) else {
      return PendingScan(
        failure: JournalError(.io, "no 'journal/' folder", file: journal.root.path))
    }
    var years: [String] = []
    while let item = readdir(top) {
      let name = fileName(item)
      if name.utf8.count == 4, name.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
        years.append(name)
      }
    }
    closedir(top)
    let scan = PendingScan(years: years.sorted(), root: root, listing: listing)
    // One thread per processor but the caller's, which joins in `finish`.
    scan.startThreads(min(max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)) - 1), years.count))
    return scan
  }

  /// A scan under way on its own threads.
  public final class PendingScan: @unchecked Sendable {
    private let years: [String]
    private let root: String
    private let listing: Bool
    private let failure: JournalError?
    private let lock = NSLock()
    private var next = 0
    private var parts: [Listing?]
    private let done = DispatchGroup()

    fileprivate init(years: [String], root: String, listing: Bool) {
      (self.years, self.root, self.listing, self.failure) = (years, root, listing, nil)
      parts = Array(repeating: nil, count: years.count)
    }

    fileprivate init(failure: JournalError) {
      (years, root, listing, self.failure) = ([], "", false, failure)
      parts = []
    }

    fileprivate func startThreads(_ count: Int) {
      for _ in 0..<max(0, count) {
        done.enter()
        Thread.detachNewThread { [self] in
          work()
          done.leave()
        }
      }
    }

    /// Scans year folders until none is left unclaimed.
    private func work() {
      while true {
        let i: Int? = lock.withLock {
          guard next < years.count else { return nil }
          defer { next += 1 }
          return next
        }
        guard let i else { return }
        let part = DayFiles.scanYear(years[i], root: root, listing: listing)
        lock.withLock { parts[i] = part }
      }
    }

    /// Helps with the folders left, waits for the threads, and puts the parts together.
    public func finish() throws -> Listing {
      if let failure { throw failure }
      work()
      done.wait()
      var total = Listing()
      for case let part? in lock.withLock({ parts }) {
        total.files += part.files
        total.count += part.count
        total.sum = total.sum &+ part.sum
        total.problems += part.problems
      }
      if listing { total.files.sort { $0.date < $1.date } }
      return total
    }
  }

  fileprivate static func scanYear(_ year: String, root: String, listing: Bool) -> Listing {
    var result = Listing()
    // A year folder that is a symbolic link could lead anywhere: not read (issue 19, item 12).
    let fd = open(root + "/" + year, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0, let dir = fdopendir(fd) else {
      if fd >= 0 { close(fd) }
      return result
    }
    defer { closedir(dir) }
    let yearBytes = Array(year.utf8)
    // The hash state after `journal/YYYY/`, shared by every file of the year.
    let folderPath = "journal/\(year)/"
    let prefixState = fnv(Array(folderPath.utf8)[...], from: fnvOffset)
    var info = stat()
    while let item = readdir(dir) {
      let type = item.pointee.d_type
      if type == UInt8(DT_DIR) { continue }
      let outcome = withUnsafePointer(to: &item.pointee.d_name) {
        $0.withMemoryRebound(to: UInt8.self, capacity: Int(NAME_MAX) + 1) {
          name -> (hash: UInt64, date: JournalDate, path: String?)? in
          let cName = UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)
          let length = strlen(cName)
          let bytes = UnsafeBufferPointer(start: name, count: length)
          guard length >= 3, bytes[length - 3] == 0x2E, bytes[length - 2] == 0x6D,
            bytes[length - 1] == 0x64
          else { return nil }
          guard let date = quickDate(bytes), bytes[0..<4].elementsEqual(yearBytes) else {
            result.problems.append(problem(String(decoding: bytes, as: UTF8.self), year: year))
            return nil
          }
          // Not followed: a symbolic link would publish whatever file it names.
          guard fstatat(fd, cName, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
          if (info.st_mode & S_IFMT) == S_IFLNK {
            result.problems.append(
              JournalError(
                .invalidInput, "a symbolic link, not read: a day file must be a file",
                file: folderPath + String(decoding: bytes, as: UTF8.self)))
          }
          guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
          // The name is the date's ISO form: the path comes from its bytes, no formatting.
          let path = listing ? folderPath + String(decoding: bytes, as: UTF8.self) : nil
          return (fnv(bytes[...], from: prefixState), date, path)
        }
      }
      guard let (pathHash, date, path) = outcome else { continue }
      let size = Int64(info.st_size)
      let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
      result.count += 1
      result.sum = result.sum &+ fileHash(pathHash, size: size, mtime: mtime)
      if listing {
        result.files.append(
          DayFile(
            date: date, path: path ?? "",
            stamp: FileStamp(size: size, modified: mtime, inode: UInt64(info.st_ino))))
      }
    }
    return result
  }

  /// Why a `.md` file in a year folder is not a day file.
  private static func problem(_ name: String, year: String) -> JournalError {
    let path = "journal/\(year)/\(name)"
    guard let date = Entry.date(fromFileName: name) else {
      return JournalError(
        .invalidInput, "not a day file: expected a name like \(year)-01-31.md", file: path)
    }
    return JournalError(
      .invalidInput, "in the wrong year folder: belongs in journal/\(date.iso.prefix(4))/",
      file: path)
  }

  /// `YYYY-MM-DD.md`, the only form of a day file's name, read straight from the bytes.
  private static func quickDate(_ b: UnsafeBufferPointer<UInt8>) -> JournalDate? {
    guard b.count == 13, b[4] == 0x2D, b[7] == 0x2D else { return nil }
    func digits(_ range: Range<Int>) -> Int? {
      var n = 0
      for i in range {
        guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
        n = n * 10 + Int(b[i] - 0x30)
      }
      return n
    }
    guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
    return JournalDate(year: y, month: m, day: d)
  }

  private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325

  /// FNV-1a over `bytes`, continuing from `state`.
  private static func fnv(_ bytes: some Sequence<UInt8>, from state: UInt64) -> UInt64 {
    var h = state
    for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return h
  }

  /// One file's share of the fingerprint: its path's hash mixed with its size and mtime.
  private static func fileHash(_ pathHash: UInt64, size: Int64, mtime: Int64) -> UInt64 {
    var h = (pathHash ^ UInt64(bitPattern: size)) &* 0x0000_0100_0000_01b3
    h ^= h >> 29
    h = (h ^ UInt64(bitPattern: mtime)) &* 0x0000_0100_0000_01b3
    h ^= h >> 29
    return h
  }

  private static func fileName(_ item: UnsafeMutablePointer<dirent>) -> String {
    withUnsafePointer(to: &item.pointee.d_name) {
      $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
    }
  }
}
