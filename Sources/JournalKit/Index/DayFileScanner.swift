import Foundation

/// Lists the day files with their size and mtime in one pass of `readdir` and `fstatat`.
///
/// This is the no-op check's whole cost on a large journal, so it avoids `FileManager` and `URL`
/// (which allocate per file) and finds the same files and problems as `Journal.entryFiles()`.
enum DayFileScanner {
  static func scan(_ journal: Journal) throws -> (files: [SearchIndex.DiskFile],
    problems: [JournalError])
  {
    let root = journal.entriesFolder.path
    guard let top = opendir(root) else {
      throw JournalError(.io, "no 'journal/' folder", file: journal.root.path)
    }
    defer { closedir(top) }
    var years: [String] = []
    while let item = readdir(top) {
      let name = fileName(item)
      if name.utf8.count == 4, name.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
        years.append(name)
      }
    }
    let sortedYears = years.sorted()
    // Year folders are scanned in parallel: the `stat`s are the check's whole cost.
    let results = ResultBox<([SearchIndex.DiskFile], [JournalError])>(count: sortedYears.count)
    DispatchQueue.concurrentPerform(iterations: sortedYears.count) { i in
      results[i] = scanYear(sortedYears[i], root: root)
    }
    var files: [SearchIndex.DiskFile] = []
    var problems: [JournalError] = []
    for result in results.values {
      guard let (f, p) = result else { continue }
      files += f
      problems += p
    }
    files.sort { $0.file.date < $1.file.date }
    return (files, problems)
  }

  private static func scanYear(_ year: String, root: String)
    -> ([SearchIndex.DiskFile], [JournalError])
  {
    var files: [SearchIndex.DiskFile] = []
    var problems: [JournalError] = []
    let fd = open(root + "/" + year, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0, let dir = fdopendir(fd) else {
      if fd >= 0 { close(fd) }
      return ([], [])
    }
    defer { closedir(dir) }
    while let item = readdir(dir) {
      let name = fileName(item)
      guard name.hasSuffix(".md") else { continue }
      let path = "journal/\(year)/\(name)"
      guard let date = quickDate(name) ?? Entry.date(fromFileName: name) else {
        problems.append(JournalError(.invalidInput,
          "not a day file: expected a name like \(year)-01-31.md", file: path))
        continue
      }
      guard name.hasPrefix(year) else {
        problems.append(JournalError(.invalidInput,
          "in the wrong year folder: belongs in journal/\(date.iso.prefix(4))/", file: path))
        continue
      }
      var info = stat()
      guard fstatat(fd, name, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
      let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
      files.append(SearchIndex.DiskFile(file: Journal.EntryFile(date: date, path: path),
        size: Int64(info.st_size), mtime: mtime))
    }
    return (files, problems)
  }

  /// `YYYY-MM-DD.md` read straight from the bytes (the common case).
  private static func quickDate(_ name: String) -> JournalDate? {
    let b = Array(name.utf8)
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

  /// An order-independent digest of a listing: equal listings (paths, sizes, mtimes) give equal
  /// digests, so an unchanged journal is recognised without reading the index's file table.
  static func fingerprint(_ files: [SearchIndex.DiskFile]) -> String {
    var sum: UInt64 = 0
    for file in files {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in file.file.path.utf8 {
        h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
      }
      for value in [UInt64(bitPattern: file.size), UInt64(bitPattern: file.mtime)] {
        h = (h ^ value) &* 0x0000_0100_0000_01b3
        h ^= h >> 29
      }
      sum = sum &+ h
    }
    return "\(files.count):\(String(sum, radix: 16))"
  }

  private static func fileName(_ item: UnsafeMutablePointer<dirent>) -> String {
    withUnsafePointer(to: &item.pointee.d_name) {
      $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
    }
  }
}
