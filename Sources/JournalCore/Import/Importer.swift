import Foundation

/// Splits a single-file journal into day files, all or nothing.
public struct Importer: Sendable {
  public var journal: Journal
  /// Overwrite existing files whose content differs (never silently: they are listed).
  public var force: Bool

  public init(journal: Journal, force: Bool = false) {
    self.journal = journal
    self.force = force
  }

  /// What an import did (or, with `dryRun`, would do).
  public struct Report: Sendable, Equatable {
    /// Relative paths written, in order.
    public var written: [String] = []
    /// Relative paths that already held exactly the imported content.
    public var unchanged: [String] = []
    /// Relative paths overwritten because of `force`.
    public var overwritten: [String] = []
    /// The number of dated entries read (a day with two entries counts twice).
    public var entryCount = 0
    /// The days, oldest first.
    public var dates: [JournalDate] = []
  }

  /// Imports the file at `url`; `displayPath` is how errors name it.
  @discardableResult
  public func importFile(at url: URL, displayPath: String) throws -> Report {
    let text = try FileSystem.readText(at: url, displayPath: displayPath)
    return try importText(text, displayPath: displayPath)
  }

  /// Imports the text of a single-file journal.
  @discardableResult
  public func importText(_ text: String, displayPath: String) throws -> Report {
    if let nul = text.utf8.firstIndex(of: 0) {
      let line = text.utf8[..<nul].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
      throw JournalError(.invalidInput, "contains a NUL byte", file: displayPath, line: line)
    }
    let single = try SingleFileJournal.split(text, file: displayPath)
    // The promise of import: export gives back the same bytes. Check before writing anything.
    guard single.assembled() == text else {
      throw JournalError(
        .invalidInput,
        "internal error: this file would not export back byte for byte; nothing was written",
        file: displayPath)
    }

    var planned: [(path: String, data: Data)] = []
    if !single.header.isEmpty { planned.append(("journal/README.md", Data(single.header.utf8))) }
    for day in single.days {
      planned.append((Entry.relativePath(for: day.date), Data(day.content.utf8)))
    }
    if !single.layout.isDefault {
      planned.append((ExportLayout.relativePath, Data(try single.layout.yaml().utf8)))
    } else if FileManager.default.fileExists(
      atPath: journal.url(for: ExportLayout.relativePath).path)
    {
      // A stale layout from an earlier import would change how this one exports.
      planned.append((ExportLayout.relativePath, Data(try single.layout.yaml().utf8)))
    }

    var report = Report()
    report.entryCount = single.days.reduce(0) {
      $0 + SingleFileJournal.splitParts($1.content, date: $1.date).count
    }
    report.dates = single.days.map(\.date).sorted()
    var toWrite: [(path: String, data: Data, previous: Data?)] = []
    var conflicts: [String] = []
    for item in planned {
      let url = journal.url(for: item.path)
      if let existing = FileManager.default.contents(atPath: url.path) {
        if existing == item.data {
          report.unchanged.append(item.path)
          continue
        }
        if !force { conflicts.append(item.path); continue }
        report.overwritten.append(item.path)
        toWrite.append((item.path, item.data, existing))
      } else {
        toWrite.append((item.path, item.data, nil))
      }
    }
    if let first = conflicts.first {
      let more = conflicts.count > 1 ? " (and \(conflicts.count - 1) more)" : ""
      throw JournalError(
        .conflict,
        "already exists with different content\(more); nothing was imported "
          + "(use --force to overwrite)", file: first, line: 1)
    }
    if !toWrite.isEmpty {
      // One writer at a time: an import and an `add` (or a second import) never interleave.
      let lock = try FileLock(journal.stateFolder.appendingPathComponent("add.lock"))
      defer { lock.unlock() }
      for item in toWrite
      where FileManager.default.contents(atPath: journal.url(for: item.path).path) != item.previous
      {
        throw JournalError(
          .conflict, "changed while importing; nothing was imported",
          file: item.path, line: 1)
      }
      removeStaleTemporaryFiles()
      try commit(toWrite)
    }
    report.written = toWrite.map(\.path)
    return report
  }

  /// The name of the temporary file an import writes beside `final` before renaming it.
  static func temporaryURL(for final: URL) -> URL {
    final.deletingLastPathComponent().appendingPathComponent(
      ".\(final.lastPathComponent)\(temporarySuffix)")
  }

  static let temporarySuffix = ".import.tmp"

  /// Removes the temporary files an import killed before its renames left behind (kill -9 in
  /// the rename phase left 11,502). Called under the lock, so no import is running.
  func removeStaleTemporaryFiles() {
    let fm = FileManager.default
    let top = journal.entriesFolder
    var folders = [top]
    for name in (try? fm.contentsOfDirectory(atPath: top.path)) ?? [] {
      let url = top.appendingPathComponent(name)
      if !name.hasPrefix("."), Journal.isDirectory(url) { folders.append(url) }
    }
    for folder in folders {
      for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
      where name.hasPrefix(".") && name.hasSuffix(Self.temporarySuffix) {
        unlink(folder.appendingPathComponent(name).path)
      }
    }
  }

  /// Writes every file or none: each goes to a temporary file first; the renames come last, and
  /// if one fails, the files already renamed are put back as they were. A replaced file keeps
  /// its permissions (`--force` on a read-only day file leaves it read-only).
  private func commit(_ files: [(path: String, data: Data, previous: Data?)]) throws {
    let fm = FileManager.default
    var staged: [(temp: URL, final: URL, previous: Data?)] = []
    var createdFolders: [URL] = []
    func cleanUp() {
      for s in staged { try? fm.removeItem(at: s.temp) }
      for folder in createdFolders.reversed() { try? fm.removeItem(at: folder) }
    }
    do {
      for file in files {
        let final = journal.url(for: file.path)
        let folder = final.deletingLastPathComponent()
        if !Journal.isDirectory(folder) {
          var missing: [URL] = []
          var f = folder
          while !Journal.isDirectory(f) { missing.append(f); f = f.deletingLastPathComponent() }
          try fm.createDirectory(at: folder, withIntermediateDirectories: true)
          createdFolders.append(contentsOf: missing.reversed())
        }
        let temp = Self.temporaryURL(for: final)
        // Staged before writing: a write that fails half-way (a full disk) leaves its temporary
        // file for `cleanUp` too.
        staged.append((temp, final, file.previous))
        try FileSystem.writeUnsynced(file.data, to: temp, displayPath: file.path)
        var status = stat()
        if file.previous != nil, stat(final.path, &status) == 0 {
          chmod(temp.path, status.st_mode & 0o7777)
        }
      }
      // One flush for every staged file instead of an fsync each (10,000 fsyncs take a minute).
      FileSystem.syncFileSystem(containing: journal.root)
    } catch {
      cleanUp()
      throw error as? JournalError ?? JournalError(.io, "\(error.localizedDescription)")
    }
    var renamed: [(final: URL, previous: Data?)] = []
    for s in staged {
      if rename(s.temp.path, s.final.path) != 0 {
        let reason = String(cString: strerror(errno))
        for r in renamed.reversed() {
          if let previous = r.previous {
            try? previous.write(to: r.final)
          } else {
            try? fm.removeItem(at: r.final)
          }
        }
        cleanUp()
        throw JournalError(.io, "cannot write: \(reason); nothing was imported", file: s.final.path)
      }
      renamed.append((s.final, s.previous))
    }
  }
}

/// Reassembles the single-file journal from the day files.
public struct Exporter: Sendable {
  public var journal: Journal

  public init(journal: Journal) { self.journal = journal }

  /// The single file: `journal/README.md`, then every day as the layout says.
  public func export() throws -> String {
    let layout = try ExportLayout.load(from: journal)
    let header = try journal.readme() ?? ""
    let listing = try DayFiles.scan(journal)
    if let first = listing.problems.first { throw first }
    let days = try listing.files.map { file in
      let content = try decodeUTF8(try journal.read(file).bytes, file: file.path)
      if let line = SingleFileJournal.entryBreakLine(in: content, date: file.date) {
        throw JournalError(
          .invalidInput,
          "a '---' line followed by a date line would start a new entry in the export; "
            + "put a blank line between them", file: file.path, line: line)
      }
      return SingleFileJournal.Day(date: file.date, content: content)
    }
    return SingleFileJournal.assemble(header: header, days: days, layout: layout)
  }
}
