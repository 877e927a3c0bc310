import Foundation
import GRDB
import JournalCore

extension SearchIndex {
  /// A day file as the index remembers it.
  struct StoredFile {
    var id: Int64
    var path: String
    var size: Int64
    var mtime: Int64
    var hash: String
  }

  /// A file whose stat differs from the index, read and parsed.
  struct ReadFile {
    var disk: DayFile
    var hash: String
    var result: Result<Document, JournalError>?
    /// Per section, the encoded identifiers (computed here, in parallel, not in the transaction).
    var idents: [String] = []
  }

  /// Brings the index up to date with the day files; called under the lock on a writable
  /// index (the read-only check for the usual, unchanged case is in `openUpdated`).
  ///
  /// The check reads only directory listings and `stat`s and compares them with the stored
  /// (path, size, mtime); files that differ are read and hashed, and only those whose hash
  /// changed are parsed again. A file whose hash matches one that disappeared is a rename.
  /// All changes are one transaction.
  @discardableResult
  func update() throws -> IndexReport {
    let listing = try DayFiles.scan(journal)
    var report = IndexReport()
    report.problems = listing.problems
    // Another process may have brought the index up to date while we waited for the lock.
    if try storedStamp()?.matches(listing, in: journal) == true {
      report.unchanged = listing.count
      return report
    }
    return try pool.writeWithoutTransaction { db in
      try db.inTransaction(.immediate) {
        let recent = try apply(disk: listing.files, db: db, report: &report)
        if report.added + report.changed + report.deleted > 0 {
          try SectionRank.storeLengths(db)
        }
        if report.added + report.changed + report.deleted + report.renamed > 0 {
          // Titles and headings may have changed under links in other entries.
          try SearchIndex.resolveLinks(db)
        }
        if recent.count <= Stamp.maximumRecentFiles {
          try Stamp(fingerprint: listing.fingerprint, recent: recent).store(db)
        } else {
          // Too many to read on every check (an import, a cold index of new files): no stamp,
          // so every check updates the index until they are old enough to trust their stats.
          try Stamp.remove(db)
        }
        return .commit
      }
      return report
    }
  }

  /// What the index remembers of the files it was last brought up to date with: the listing's
  /// fingerprint, and the files then written too recently to trust their stat (an edit within
  /// the same mtime tick that keeps the size would not show), with their content hashes.
  ///
  /// Recent files are checked by their bytes, so an index is current right after `journal add`
  /// instead of being updated again by every read until the new file is two seconds old.
  struct Stamp {
    var fingerprint: String
    var recent: [(path: String, hash: String)]

    /// More recent files than this leave the index without a stamp.
    static let maximumRecentFiles = 16

    /// Whether the files match: the same listing and, for each recent file, the same bytes.
    func matches(_ listing: DayFiles.Listing, in journal: Journal) -> Bool {
      guard fingerprint == listing.fingerprint else { return false }
      return recent.allSatisfy { file in
        FileSystem.contents(atPath: journal.path(for: file.path)).map { ContentHash(of: $0).hex }
          == file.hash
      }
    }

    /// The stamp in `meta`: `fingerprint`, and `recent` as lines of `HASH PATH`.
    static func load(_ db: Database) throws -> Stamp? {
      var values: [String: String] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT key, value FROM meta WHERE key IN ('fingerprint', 'recent')")
      {
        values[row[0]] = row[1]
      }
      guard let fingerprint = values["fingerprint"] else { return nil }
      let recent = (values["recent"] ?? "").split(separator: "\n").compactMap {
        line -> (path: String, hash: String)? in
        let parts = line.split(separator: " ", maxSplits: 1)
        return parts.count == 2 ? (path: String(parts[1]), hash: String(parts[0])) : nil
      }
      return Stamp(fingerprint: fingerprint, recent: recent)
    }

    func store(_ db: Database) throws {
      try db.execute(
        sql: """
          INSERT OR REPLACE INTO meta(key, value) VALUES ('fingerprint', ?), ('recent', ?)
          """,
        arguments: [fingerprint, recent.map { "\($0.hash) \($0.path)\n" }.joined()])
    }

    static func remove(_ db: Database) throws {
      try db.execute(sql: "DELETE FROM meta WHERE key IN ('fingerprint', 'recent')")
    }
  }

  func storedStamp() throws -> Stamp? {
    try pool.read { try Stamp.load($0) }
  }

  /// Whether the index matches the files, by the cheap check alone (listing and `stat`s, and
  /// the bytes of the few files written just before the last update); writes nothing.
  public func isCurrent() throws -> Bool {
    try storedStamp()?.matches(DayFiles.scan(journal, listing: false), in: journal) == true
  }

  static func storedFiles(_ db: Database, capacity: Int = 0) throws -> [String: StoredFile] {
    var result: [String: StoredFile] = [:]
    result.reserveCapacity(capacity)
    let rows = try Row.fetchCursor(db, sql: "SELECT id, path, size, mtime, hash FROM entry")
    while let row = try rows.next() {
      let file = StoredFile(id: row[0], path: row[1], size: row[2], mtime: row[3], hash: row[4])
      result[file.path] = file
    }
    return result
  }

  /// Applies the differences between `disk` and the stored records; returns the files left
  /// with mtime -1 (written too recently to trust their stat), with their content hashes.
  private func apply(disk: [DayFile], db: Database, report: inout IndexReport) throws
    -> [(path: String, hash: String)]
  {
    // Compare again inside the write lock: another process may have done part of the work.
    // Each file on disk claims its own record; what is left unclaimed is gone.
    var unclaimed = try SearchIndex.storedFiles(db, capacity: disk.count)
    var candidates: [DayFile] = []
    var previous: [StoredFile?] = []
    for file in disk {
      let s = unclaimed.removeValue(forKey: file.path)
      if let s, s.size == file.stamp.size, s.mtime == file.stamp.modified {
        report.unchanged += 1
      } else {
        candidates.append(file)
        previous.append(s)
      }
    }
    var gone = Array(unclaimed.values).sorted { $0.id < $1.id }
    // Files are read and parsed on worker threads while this one inserts them in order, so a
    // cold index costs about the larger of the two, not their sum.
    let reads = readAndParse(candidates, known: previous)
    defer { reads.cancel() }
    // A file edited in the last two seconds may change again within the same mtime tick;
    // storing mtime -1 makes the next check hash it rather than trust its stat.
    let recent = Int64((Date().timeIntervalSince1970 - 2) * 1e9)
    var recentFiles: [(path: String, hash: String)] = []
    for index in candidates.indices {
      let item = reads.take(index)
      if case .failure(let problem)? = item.result { report.problems.append(problem) }
      let path = item.disk.path
      let mtime = item.disk.stamp.modified >= recent ? -1 : item.disk.stamp.modified
      if mtime == -1 { recentFiles.append((path, item.hash)) }
      if let old = previous[index] {
        if old.hash == item.hash, old.mtime == mtime, old.size == item.disk.stamp.size {
          // Recently written and still the same: nothing to record.
          report.unchanged += 1
        } else if old.hash == item.hash {
          try db.execute(
            sql: "UPDATE entry SET size = ?, mtime = ? WHERE id = ?",
            arguments: [item.disk.stamp.size, mtime, old.id])
          report.touched += 1
        } else {
          try deleteEntry(id: old.id, db: db)
          try insert(item, mtime: mtime, db: db)
          report.changed += 1
        }
      } else if let i = gone.firstIndex(where: { $0.hash == item.hash }) {
        // Same bytes under a new name: move the rows, no parsing. The title is re-derived only
        // if it was the old date (the fallback title).
        let old = gone.remove(at: i)
        try db.execute(
          sql: "UPDATE entry SET path = ?, date = ?, size = ?, mtime = ? WHERE id = ?",
          arguments: [path, item.disk.date.iso, item.disk.stamp.size, mtime, old.id])
        if let document = try? item.result?.get() {
          try db.execute(
            sql: "UPDATE entry SET title = ? WHERE id = ?",
            arguments: [document.title, old.id])
        }
        report.renamed += 1
      } else {
        try insert(item, mtime: mtime, db: db)
        report.added += 1
      }
    }
    for old in gone {
      try deleteEntry(id: old.id, db: db)
      report.deleted += 1
    }
    return recentFiles
  }

  /// Starts reading and hashing the candidates on worker threads, parsing those whose content
  /// is new; `take` hands them over in order as they are ready.
  private func readAndParse(_ files: [DayFile], known: [StoredFile?]) -> OrderedResults<ReadFile> {
    let results = OrderedResults<ReadFile>(count: files.count)
    let journal = self.journal
    let pipeline = self.pipeline
    DispatchQueue.global().async {
      DispatchQueue.concurrentPerform(iterations: files.count) { i in
        guard !results.isCancelled else { return }
        results.put(
          i,
          SearchIndex.readAndParse(
            files[i], journal: journal, known: known[i],
            pipeline: pipeline))
      }
    }
    return results
  }

  private static func readAndParse(
    _ disk: DayFile, journal: Journal, known old: StoredFile?, pipeline: MarkdownPipeline
  ) -> ReadFile {
    let contents: DayFileContents
    do {
      contents = try journal.read(disk)
    } catch {
      return ReadFile(disk: disk, hash: "", result: .failure(JournalError(error, file: disk.path)))
    }
    let hash = contents.hash.hex
    // Unchanged content (touched or renamed) needs no parse, except a rename whose title
    // might be the date.
    if old?.hash == hash { return ReadFile(disk: disk, hash: hash, result: nil) }
    do {
      let document = pipeline.document(for: try contents.entry())
      let idents = document.sections.map { section in
        Identifiers.extract(from: section.heading + "\n" + section.text + "\n" + section.code)
          .map(Identifiers.token(for:)).joined(separator: " ")
      }
      return ReadFile(disk: disk, hash: hash, result: .success(document), idents: idents)
    } catch {
      return ReadFile(
        disk: disk, hash: hash, result: .failure(JournalError(error, file: disk.path)))
    }
  }

  private func deleteEntry(id: Int64, db: Database) throws {
    for sql in [
      "DELETE FROM section_fts WHERE rowid IN (SELECT id FROM section WHERE entry_id = ?)",
      "DELETE FROM section WHERE entry_id = ?",
      "DELETE FROM tag WHERE entry_id = ?",
      "DELETE FROM link WHERE entry_id = ?",
      "DELETE FROM entry WHERE id = ?",
    ] {
      try db.cachedStatement(sql: sql).execute(arguments: [id])
    }
  }

  private func insert(_ item: ReadFile, mtime: Int64, db: Database) throws {
    let file = item.disk
    let document: Document?
    let problem: String?
    switch item.result {
    case .success(let d)?: (document, problem) = (d, nil)
    case .failure(let e)?: (document, problem) = (nil, e.description)
    case nil: (document, problem) = (nil, "not parsed")
    }
    try db.cachedStatement(
      sql: """
        INSERT INTO entry(path, date, size, mtime, hash, title, problem)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      file.path, file.date.iso, item.disk.stamp.size, mtime, item.hash,
      document?.title ?? file.date.longForm, problem,
    ])
    guard let document else { return }
    let entryID = db.lastInsertedRowID
    let insertSection = try db.cachedStatement(
      sql: """
        INSERT INTO section(entry_id, position, level, heading, anchor, first_line, last_line)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
    let insertText = try db.cachedStatement(
      sql: """
        INSERT INTO section_fts(rowid, heading, prose, code, math, idents) VALUES (?, ?, ?, ?, ?, ?)
        """)
    let titleIsOwn =
      document.title != document.date.longForm
      && !document.sections.contains { $0.level > 0 && $0.heading == document.title }
    for (position, section) in document.sections.enumerated() {
      // The text before the first heading is found by the entry's own title, when it has one
      // that is not simply a heading of the entry or its date.
      let heading =
        section.level > 0
        ? section.heading
        : (titleIsOwn ? document.title : "")
      if section.level == 0,
        section.text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }),
        section.code.isEmpty, section.mathText.isEmpty
      {
        continue
      }
      try insertSection.execute(arguments: [
        entryID, position, section.level, section.heading,
        section.anchor, section.lines.lowerBound, section.lines.upperBound,
      ])
      let idents = position < item.idents.count ? item.idents[position] : ""
      // Link destinations are searchable with the prose around them: people remember the site
      // or the page they linked (`pytorch.org`, `1-serialization`) as much as the words.
      let destinations = document.links.filter { section.lines.contains($0.line) }
        .map(\.destination).joined(separator: " ")
      let prose = destinations.isEmpty ? section.text : section.text + "\n" + destinations
      try insertText.execute(arguments: [
        db.lastInsertedRowID, heading, prose,
        section.code, section.mathText, idents,
      ])
    }
    let insertTag = try db.cachedStatement(
      sql:
        "INSERT OR IGNORE INTO tag(name, entry_id) VALUES (?, ?)")
    for tag in document.tags {
      try insertTag.execute(arguments: [tag.lowercased(), entryID])
    }
    try SearchIndex.insertLinks(of: document, entryID: entryID, db: db)
  }
}

/// Results computed out of order on worker threads and taken in order by one consumer, each
/// handed over (and released) as soon as it is ready.
final class OrderedResults<T>: @unchecked Sendable {
  private let condition = NSCondition()
  private var values: [T?]
  private var waitingFor = -1
  private var cancelled = false

  init(count: Int) { values = Array(repeating: nil, count: count) }

  var isCancelled: Bool { condition.withLock { cancelled } }

  /// Stops the work that has not started (the consumer gave up).
  func cancel() { condition.withLock { cancelled = true } }

  func put(_ index: Int, _ value: T) {
    condition.withLock {
      values[index] = value
      if waitingFor == index { condition.signal() }
    }
  }

  /// Waits for the result at `index` and takes it out.
  func take(_ index: Int) -> T {
    condition.withLock {
      while values[index] == nil {
        waitingFor = index
        condition.wait()
      }
      waitingFor = -1
      defer { values[index] = nil }
      return values[index]!
    }
  }
}
