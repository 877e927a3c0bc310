import Foundation

/// A journal: a folder (the root) holding `journal/` with one Markdown file per day in
/// `journal/YYYY/YYYY-MM-DD.md`, the introduction in `journal/README.md`, and the index in
/// `.journal/` (rebuildable, never the source of truth).
public struct Journal: Sendable {
  /// The root folder (the one that contains `journal/`).
  public let root: URL
  /// `root.path`, kept: building paths from strings spares a URL parse per file.
  public let rootPath: String
  /// The journal's settings (`journal.yml`), or the defaults.
  public var config: JournalConfig

  public init(root: URL, config: JournalConfig = JournalConfig()) {
    self.root = root.standardizedFileURL
    self.rootPath = self.root.path
    self.config = config
  }

  /// The journal at `root` with its `journal.yml` read. Throws a `JournalError` naming the
  /// file and line when the file is not valid.
  public static func open(root: URL) throws -> Journal {
    var journal = Journal(root: root)
    journal.config = try JournalConfig.load(journal)
    return journal
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
      return try open(root: url)
    }
    var dir = start.standardizedFileURL
    while true {
      if isDirectory(dir.appendingPathComponent("journal")) { return try open(root: dir) }
      let parent = dir.deletingLastPathComponent()
      if parent.path == dir.path { break }
      dir = parent
    }
    _ = fm
    throw JournalError(
      .usage,
      "no journal found: no folder containing 'journal/' above \(start.path); use --journal "
        + "PATH, set JOURNAL_DIR, or create one with 'journal init'")
  }

  /// Whether `url` is a folder (following symbolic links).
  public static func isDirectory(_ url: URL) -> Bool {
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
  }

  /// Reads a day file's bytes and hashes them. Throws a `JournalError` naming the file when it
  /// cannot be read.
  public func read(_ date: JournalDate, path: String) throws -> DayFileContents {
    guard let bytes = FileSystem.contents(atPath: self.path(for: path)) else {
      throw JournalError(.io, "cannot read: \(String(cString: strerror(errno)))", file: path)
    }
    return DayFileContents(date: date, path: path, bytes: bytes, hash: ContentHash(of: bytes))
  }

  /// Reads a listed day file.
  public func read(_ file: DayFile) throws -> DayFileContents {
    try read(file.date, path: file.path)
  }

  /// Reads and parses the entry for a date, or nil if there is no file for it.
  public func entry(on date: JournalDate) throws -> Entry? {
    let path = Entry.relativePath(for: date)
    guard access(self.path(for: path), F_OK) == 0 else { return nil }
    return try read(date, path: path).entry()
  }

  /// Reads and parses every entry, oldest first, in parallel. Throws the first problem found
  /// (a misnamed file, one that cannot be read or parsed), so a broken file is never silently
  /// skipped.
  public func entries() throws -> [Entry] {
    let listing = try DayFiles.scan(self)
    if let first = listing.problems.first { throw first }
    return try read(listing.files)
  }

  /// Reads and parses the entries from `first` to `last` (inclusive), oldest first. Files in
  /// year folders that are not day files have no date, so they are in no span.
  public func entries(from first: JournalDate, to last: JournalDate) throws -> [Entry] {
    try read(DayFiles.scan(self).files.filter { first <= $0.date && $0.date <= last })
  }

  private func read(_ files: [DayFile]) throws -> [Entry] {
    let journal = self
    return try files.concurrentMap { file in Result { try journal.read(file).entry() } }
      .map { try $0.get() }
  }

  /// Makes a new journal at `root` (`journal init`): the folder, a commented `journal.yml`, an
  /// empty `journal/` folder, and a `.gitignore` for what is rebuilt (`.journal/`, `_site/`).
  /// Creates only what is missing, and refuses a folder that has a `journal.yml` already.
  /// Returns the paths it created, relative to `root`.
  public static func create(at root: URL) throws -> [String] {
    let root = root.standardizedFileURL
    let fm = FileManager.default
    let config = root.appendingPathComponent(JournalConfig.fileName)
    if fm.fileExists(atPath: config.path) {
      throw JournalError(
        .conflict, "already a journal: it has a \(JournalConfig.fileName)",
        file: root.path)
    }
    var created: [String] = []
    do {
      if !isDirectory(root) {
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
      }
      let entries = root.appendingPathComponent("journal", isDirectory: true)
      if !isDirectory(entries) {
        try fm.createDirectory(at: entries, withIntermediateDirectories: true)
        created.append("journal/")
      }
    } catch {
      throw JournalError(
        .io, "cannot create the journal's folders: \(error.localizedDescription)",
        file: root.path, cause: error)
    }
    let ignore = root.appendingPathComponent(".gitignore")
    let ignored = ["/.journal/", "/_site/"]
    if let existing = FileSystem.contents(atPath: ignore.path) {
      let text = String(decoding: existing, as: UTF8.self)
      let lines = Set(text.split(separator: "\n").map(String.init))
      let missing = ignored.filter { !lines.contains($0) }
      if !missing.isEmpty {
        let separator = text.isEmpty || text.hasSuffix("\n") ? "" : "\n"
        try FileSystem.writeAtomically(
          text + separator + missing.joined(separator: "\n") + "\n", to: ignore)
        created.append(".gitignore (added \(missing.joined(separator: ", ")))")
      }
    } else {
      try FileSystem.writeAtomically(
        "# Rebuilt by journal from journal/: the index and caches, and the site.\n"
          + ignored.joined(separator: "\n") + "\n", to: ignore)
      created.append(".gitignore")
    }
    try FileSystem.writeAtomically(JournalConfig.template, to: config)
    created.append(JournalConfig.fileName)
    return created
  }

  /// The journal's introduction (`journal/README.md`), if present.
  public func readme() throws -> String? {
    guard FileManager.default.fileExists(atPath: readmeURL.path) else { return nil }
    return try FileSystem.readText(at: readmeURL, displayPath: "journal/README.md")
  }
}
