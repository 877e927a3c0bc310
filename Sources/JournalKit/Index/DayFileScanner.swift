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
    years.sort()
    var files: [SearchIndex.DiskFile] = []
    var problems: [JournalError] = []
    for year in years {
      let fd = open(root + "/" + year, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      guard fd >= 0, let dir = fdopendir(fd) else {
        if fd >= 0 { close(fd) }
        continue
      }
      defer { closedir(dir) }
      while let item = readdir(dir) {
        let name = fileName(item)
        guard name.hasSuffix(".md") else { continue }
        let path = "journal/\(year)/\(name)"
        guard let date = Entry.date(fromFileName: name) else {
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
        guard fstatat(fd, name, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
          continue
        }
        let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        files.append(SearchIndex.DiskFile(file: Journal.EntryFile(date: date, path: path),
          size: Int64(info.st_size), mtime: mtime))
      }
    }
    files.sort { $0.file.date < $1.file.date }
    return (files, problems)
  }

  private static func fileName(_ item: UnsafeMutablePointer<dirent>) -> String {
    withUnsafePointer(to: &item.pointee.d_name) {
      $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
    }
  }
}
