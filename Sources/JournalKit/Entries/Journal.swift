import Foundation

/// A journal: a folder (the root) holding `journal/` with one Markdown file per day in
/// `journal/YYYY/YYYY-MM-DD.md`, the introduction in `journal/README.md`, and the index in
/// `.journal/` (rebuildable, never the source of truth).
public struct Journal: Sendable {
  /// The root folder (the one that contains `journal/`).
  public let root: URL
  /// `root.path`, kept: building paths from strings spares a URL parse per file.
  public let rootPath: String

  public init(root: URL) {
    self.root = root.standardizedFileURL
    self.rootPath = self.root.path
  }

  /// `root/journal`.
  public var entriesFolder: URL { root.appendingPathComponent("journal", isDirectory: true) }
  /// `root/journal/README.md`.
  public var readmeURL: URL { entriesFolder.appendingPathComponent("README.md") }
  /// `root/.journal`, the private folder for the index and locks.
  public var stateFolder: URL { root.appendingPathComponent(".journal", isDirectory: true) }

  /// The absolute URL of a file, given its path relative to the root. Built as a file's URL:
  /// `appendingPathComponent(_:)` alone would `stat` the path to learn whether it is a folder,
  /// once per hit of a search, once per entry of a site build.
  public func url(for relativePath: String) -> URL {
    root.appendingPathComponent(relativePath, isDirectory: false)
  }

  /// The absolute path of a file, given its path relative to the root.
  public func path(for relativePath: String) -> String {
    rootPath.hasSuffix("/") ? rootPath + relativePath : rootPath + "/" + relativePath
  }

  /// The file URL of a date's entry (which may not exist).
  public func entryURL(for date: JournalDate) -> URL { url(for: Entry.relativePath(for: date)) }

  /// Finds the journal root for a command: an explicit path, else `JOURNAL_DIR`, else the nearest
  /// folder upward from `start` that contains a `journal/` folder.
  public static func locate(
    explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
    start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  ) throws -> Journal {
    let fm = FileManager.default
    if let path = explicit ?? environment["JOURNAL_DIR"].flatMap({ $0.isEmpty ? nil : $0 }) {
      var url = URL(fileURLWithPath: path, relativeTo: start).standardizedFileURL
      // Accept the `journal/` folder itself as well as its parent.
      if url.lastPathComponent == "journal", !isDirectory(url.appendingPathComponent("journal")) {
        url = url.deletingLastPathComponent()
      }
      guard isDirectory(url) else {
        throw JournalError(.usage, "no such journal folder", file: path)
      }
      return Journal(root: url)
    }
    var dir = start.standardizedFileURL
    while true {
      if isDirectory(dir.appendingPathComponent("journal")) { return Journal(root: dir) }
      let parent = dir.deletingLastPathComponent()
      if parent.path == dir.path { break }
      dir = parent
    }
    _ = fm
    throw JournalError(.usage,
      "no journal found: no folder containing 'journal/' above \(start.path); use --journal PATH or set JOURNAL_DIR")
  }

  static func isDirectory(_ url: URL) -> Bool {
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
  }

  /// A day file found on disk, not yet read.
  public struct EntryFile: Sendable, Hashable {
    public var date: JournalDate
    /// Relative to the root: `journal/2018/2018-09-26.md`.
    public var path: String
  }

  /// Lists the day files, sorted by date (oldest first). Files in a year folder that are not named
  /// `YYYY-MM-DD.md`, or that sit in the wrong year folder, are reported in `problems`.
  public func entryFiles() throws -> (files: [EntryFile], problems: [JournalError]) {
    let fm = FileManager.default
    guard Journal.isDirectory(entriesFolder) else {
      throw JournalError(.io, "no 'journal/' folder", file: root.path)
    }
    var files: [EntryFile] = []
    var problems: [JournalError] = []
    let years = try fm.contentsOfDirectory(atPath: entriesFolder.path).sorted()
    for year in years where year.count == 4 && year.allSatisfy(\.isNumber) {
      let yearURL = entriesFolder.appendingPathComponent(year, isDirectory: true)
      guard Journal.isDirectory(yearURL) else { continue }
      for name in try fm.contentsOfDirectory(atPath: yearURL.path) where name.hasSuffix(".md") {
        let path = "journal/\(year)/\(name)"
        guard let date = Entry.date(fromFileName: name) else {
          problems.append(JournalError(.invalidInput,
            "not a day file: expected a name like \(year)-01-31.md", file: path))
          continue
        }
        // The year of a date parsed from the name is the name's first four characters.
        guard name.hasPrefix(year) else {
          problems.append(JournalError(.invalidInput,
            "in the wrong year folder: belongs in journal/\(date.iso.prefix(4))/", file: path))
          continue
        }
        files.append(EntryFile(date: date, path: path))
      }
    }
    files.sort { $0.date < $1.date }
    return (files, problems)
  }

  /// Reads and parses one day file.
  public func readEntry(_ file: EntryFile) throws -> Entry {
    let text = try FileSystem.readText(at: url(for: file.path), displayPath: file.path)
    return try Entry(date: file.date, path: file.path, source: text)
  }

  /// Reads the entry for a date, or nil if there is no file for it.
  public func entry(on date: JournalDate) throws -> Entry? {
    let path = Entry.relativePath(for: date)
    guard FileManager.default.fileExists(atPath: url(for: path).path) else { return nil }
    return try readEntry(EntryFile(date: date, path: path))
  }

  /// Reads every entry, oldest first, in parallel. Throws the first problem found (by date),
  /// so a broken file is never silently skipped.
  public func entries() throws -> [Entry] {
    let (files, problems) = try entryFiles()
    if let first = problems.first { throw first }
    let results = ResultBox<Result<Entry, Error>>(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      results[i] = Result { try readEntry(files[i]) }
    }
    return try results.values.map { try $0!.get() }
  }

  /// The journal's introduction (`journal/README.md`), if present.
  public func readme() throws -> String? {
    guard FileManager.default.fileExists(atPath: readmeURL.path) else { return nil }
    return try FileSystem.readText(at: readmeURL, displayPath: "journal/README.md")
  }
}

/// A fixed-size array written from concurrent iterations, one slot per iteration.
final class ResultBox<T>: @unchecked Sendable {
  private(set) var values: [T?]
  private let lock = NSLock()
  init(count: Int) { values = Array(repeating: nil, count: count) }
  subscript(i: Int) -> T? {
    get { lock.withLock { values[i] } }
    set { lock.withLock { values[i] = newValue } }
  }
}
