import Foundation
import GRDB
import JournalCore

/// The full-text index of a journal: `<root>/.journal/index.sqlite`, SQLite through GRDB in WAL
/// mode, always rebuildable from the Markdown files (which stay the only source of truth).
///
/// One row per entry (path, date, size, mtime, content hash, title), one per section (heading,
/// anchor, lines) and one full-text row per section in `section_fts`, with the columns
/// `heading`, `prose`, `code`, `math` (tokenizer `porter unicode61 remove_diacritics 2`) and
/// `idents`, the section's code identifiers as single tokens (see `Identifiers`).
///
/// Readers open the file read-only on one connection and never migrate or write; writers open
/// one read-write connection under the lock. (A `DatabasePool` would open two connections per
/// process, and GRDB's WAL set-up writes to a database whose `-wal` file is missing, which is
/// every time the last process closed it.)
///
/// Every change is one transaction, so a killed process leaves either the old or the new index.
/// An index that cannot be read (corrupt, not a database, from an unknown newer schema) is
/// deleted and rebuilt on its own. Writers are serialised across processes by
/// `.journal/index.lock`.
public final class SearchIndex: Sendable {
  public let journal: Journal
  /// One connection: read-only for readers, read-write for writers.
  let pool: DatabaseQueue
  let pipeline: MarkdownPipeline

  /// `<root>/.journal/index.sqlite`.
  public static func databaseURL(for journal: Journal) -> URL {
    journal.stateFolder.appendingPathComponent("index.sqlite")
  }

  /// Whether the index file exists and can be read.
  static func hasIndex(_ journal: Journal) -> Bool {
    access(databaseURL(for: journal).path, R_OK) == 0
  }

  static func lockURL(for journal: Journal) -> URL {
    journal.stateFolder.appendingPathComponent("index.lock")
  }

  private init(journal: Journal, pool: DatabaseQueue, pipeline: MarkdownPipeline) {
    self.journal = journal
    self.pool = pool
    self.pipeline = pipeline
  }

  /// The cheap check of a journal's files (listing and `stat`s), started on threads of its own
  /// for a later `reading` to finish.
  public struct PendingCheck: Sendable {
    let scan: DayFiles.PendingScan
  }

  /// Starts the cheap check of `journal` now, for a `reading` of the same journal that comes
  /// later: a command line starts it before parsing its arguments, so the two overlap. Nil when
  /// there is no index (then the update lists the files itself, and a check would be wasted).
  public static func startCheck(_ journal: Journal) -> PendingCheck? {
    hasIndex(journal) ? PendingCheck(scan: DayFiles.start(journal)) : nil
  }

  /// Opens the index and brings it up to date with the files (the cheap check first: path, size
  /// and mtime; content hashes only for files that differ). This is what every read command
  /// calls, so its results are never stale.
  ///
  /// - Parameters:
  ///   - rebuild: start from an empty index.
  ///   - knownStale: the caller has just written a day file, so the cheap check could only
  ///     fail: go straight to the update (`journal add` does).
  ///   - check: the cheap check, when the caller started it earlier (`startCheck`).
  /// - Returns: the open index and what the update did.
  public static func openUpdated(
    _ journal: Journal, rebuild: Bool = false, knownStale: Bool = false,
    check: PendingCheck? = nil, pipeline: MarkdownPipeline = MarkdownPipeline(options: .textOnly)
  ) throws -> (index: SearchIndex, report: IndexReport) {
    // Fail on a missing journal before touching `.journal/`.
    guard Journal.isDirectory(journal.entriesFolder) else {
      throw JournalError(.io, "no 'journal/' folder", file: journal.root.path)
    }
    // The usual case, an index that is current, needs neither the lock nor a writable
    // connection: the same check as a reader's.
    if !rebuild, !knownStale, let index = try? openExisting(journal, pipeline: pipeline),
      let quick = try? (check?.scan ?? DayFiles.start(journal)).finish(),
      (try? index.storedStamp())?.matches(quick, in: journal) == true
    {
      var report = IndexReport()
      report.problems = quick.problems
      report.unchanged = quick.count
      return (index, report)
    }
    try prepareStateFolder(journal)
    let lock = try FileLock(lockURL(for: journal))
    defer { lock.unlock() }
    if rebuild { removeDatabase(journal) }
    do {
      do {
        let index = try open(journal, pipeline: pipeline)
        return (index, try index.update())
      } catch let error as DatabaseError where isDamage(error) {
        // A damaged index is only a cache: throw it away and build it again.
        removeDatabase(journal)
        let index = try open(journal, pipeline: pipeline)
        return (index, try index.update())
      }
    } catch let error as DatabaseError {
      throw JournalError(
        .io, "cannot update the index: \(describe(error))", file: displayPath, cause: error)
    }
  }

  /// The index file as the user sees it, relative to the journal root.
  static let displayPath = ".journal/index.sqlite"

  /// SQLite's message for an error, without GRDB's SQL and arguments.
  static func describe(_ error: DatabaseError) -> String {
    error.message ?? "\(error.resultCode)"
  }

  /// The database error behind `error`, when there is one.
  static func databaseError(in error: any Error) -> DatabaseError? {
    error as? DatabaseError ?? (error as? JournalError)?.cause as? DatabaseError
  }

  /// Reads the index, turning a database error into a `JournalError` that names the index file
  /// and what was asked of it (`what`).
  func read<T>(query what: String, _ body: (Database) throws -> T) throws -> T {
    do {
      return try pool.read(body)
    } catch let error as DatabaseError {
      let asked = what.count > 80 ? what.prefix(80) + "…" : what[...]
      throw JournalError(
        .io, "the index could not answer \(JournalError.quote(asked)): \(Self.describe(error))",
        file: Self.displayPath, cause: error)
    }
  }

  /// Runs `body` on an index that is current with the files, as every read command must.
  ///
  /// The cheap check (listing and `stat`s) runs on another thread while `body` reads the index
  /// as it stands, so an unchanged journal costs the longer of the two, not their sum. When the
  /// check finds a change, or the index is missing or damaged, the index is updated under the
  /// lock and `body` runs again on it.
  ///
  /// - Parameter check: the cheap check of this journal, when the caller started it earlier
  ///   (`startCheck`), e.g. while parsing its command line; else it starts here.
  public static func reading<T>(
    _ journal: Journal, check: PendingCheck? = nil,
    pipeline: MarkdownPipeline = MarkdownPipeline(options: .textOnly),
    _ body: (SearchIndex) throws -> T
  ) throws -> T {
    // No index yet: the update lists the files itself, a check beside it would list them twice.
    guard hasIndex(journal) else {
      return try body(openUpdated(journal, knownStale: true, pipeline: pipeline).index)
    }
    // The check starts first, on threads of its own: opening the database overlaps with it too,
    // and this thread joins it when the query is done.
    let check = check?.scan ?? DayFiles.start(journal)
    if let index = try? openExisting(journal, pipeline: pipeline) {
      let stored = Result { try index.storedStamp() }
      let first = Result { try body(index) }
      if let listing = try? check.finish(), let stamp = try? stored.get(),
        stamp.matches(listing, in: journal), case .success(let value) = first
      {
        return value
      }
      if case .failure(let failure) = first, let error = databaseError(in: failure),
        isDamage(error)
      {
        // Damage the update would not touch (it reads only what changed): start over.
        return try body(
          openUpdated(journal, rebuild: true, knownStale: true, pipeline: pipeline).index)
      }
      return try body(
        openUpdated(journal, rebuild: false, knownStale: true, pipeline: pipeline).index)
    }
    _ = try? check.finish()
    return try body(openUpdated(journal, pipeline: pipeline).index)
  }

  /// Opens an index that exists and has the current schema, read-only and without taking the
  /// lock; nil otherwise.
  static func openExisting(_ journal: Journal, pipeline: MarkdownPipeline) throws -> SearchIndex? {
    guard hasIndex(journal) else { return nil }
    let url = databaseURL(for: journal)
    var config = Configuration()
    config.readonly = true
    config.busyMode = .timeout(60)
    config.label = "journal-index-reader"
    config.prepareDatabase { SectionRank.register($0) }
    let queue = try DatabaseQueue(path: url.path, configuration: config)
    let ready = try queue.read { db in
      try migrator.hasCompletedMigrations(db) && !(try migrator.hasBeenSuperseded(db))
    }
    return ready ? SearchIndex(journal: journal, pool: queue, pipeline: pipeline) : nil
  }

  /// Opens the database read-write, migrating it; deletes and recreates it when it is damaged
  /// or was written by a newer, unknown schema.
  static func open(_ journal: Journal, pipeline: MarkdownPipeline) throws -> SearchIndex {
    let url = databaseURL(for: journal)
    do {
      let queue = try makeWriter(url)
      let ready = try queue.read { db in
        try migrator.hasCompletedMigrations(db) && !(try migrator.hasBeenSuperseded(db))
      }
      if !ready {
        let superseded = try queue.read { try migrator.hasBeenSuperseded($0) }
        if superseded { throw DatabaseError(resultCode: .SQLITE_NOTADB) }
        try migrator.migrate(queue)
      }
      return SearchIndex(journal: journal, pool: queue, pipeline: pipeline)
    } catch let error as DatabaseError where isDamage(error) {
      removeDatabase(journal)
      let queue = try makeWriter(url)
      try migrator.migrate(queue)
      return SearchIndex(journal: journal, pool: queue, pipeline: pipeline)
    }
  }

  /// One read-write connection in WAL mode (set once: it is stored in the file).
  static func makeWriter(_ url: URL) throws -> DatabaseQueue {
    var config = Configuration()
    config.busyMode = .timeout(60)
    config.label = "journal-index"
    config.prepareDatabase { db in
      // WAL with NORMAL sync survives a killed process; the index is rebuildable after a power
      // loss anyway.
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
      // A cold index writes ~40 MB in one transaction: with SQLite's default 2 MB page cache
      // dirty pages spill to the WAL mid-transaction and are written again later. The cache
      // only grows as used.
      try db.execute(sql: "PRAGMA cache_size = -131072")
      SectionRank.register(db)
    }
    let queue = try DatabaseQueue(path: url.path, configuration: config)
    try queue.writeWithoutTransaction { db in
      if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
        try db.execute(sql: "PRAGMA journal_mode = WAL")
      }
    }
    return queue
  }

  /// Errors that mean the file is not a usable index (as opposed to a busy or full disk).
  static func isDamage(_ error: DatabaseError) -> Bool {
    switch error.resultCode {
    case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_SCHEMA: return true
    case .SQLITE_ERROR:
      // A table missing or shaped differently: written by another version.
      return error.message?.contains("no such") == true
        || error.message?.contains("has no column") == true
    default: return false
    }
  }

  static func removeDatabase(_ journal: Journal) {
    let base = databaseURL(for: journal).path
    for suffix in ["", "-wal", "-shm"] { unlink(base + suffix) }
  }

  static func prepareStateFolder(_ journal: Journal) throws {
    let folder = journal.stateFolder
    if !FileManager.default.fileExists(atPath: folder.path) {
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      } catch {
        throw JournalError(
          .io, "cannot create the index folder: \(error.localizedDescription)",
          file: folder.path)
      }
    }
    let ignore = folder.appendingPathComponent(".gitignore")
    if !FileManager.default.fileExists(atPath: ignore.path) {
      try? FileSystem.writeAtomically(
        "# The search index: rebuilt from journal/ at will.\n*\n",
        to: ignore)
    }
  }

  /// Schema, version by version. The index is a cache, so a new version may simply drop and
  /// recreate everything; the next update refills it.
  static let migrator: DatabaseMigrator = {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
          CREATE TABLE entry(
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            date TEXT NOT NULL,
            size INTEGER NOT NULL,
            mtime INTEGER NOT NULL,
            hash TEXT NOT NULL,
            title TEXT NOT NULL,
            problem TEXT
          );
          CREATE INDEX entry_date ON entry(date);
          CREATE INDEX entry_hash ON entry(hash);
          CREATE TABLE section(
            id INTEGER PRIMARY KEY,
            entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            level INTEGER NOT NULL,
            heading TEXT NOT NULL,
            anchor TEXT NOT NULL,
            first_line INTEGER NOT NULL,
            last_line INTEGER NOT NULL
          );
          CREATE INDEX section_entry ON section(entry_id);
          CREATE TABLE tag(
            name TEXT NOT NULL,
            entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
            PRIMARY KEY(name, entry_id)
          ) WITHOUT ROWID;
          CREATE INDEX tag_entry ON tag(entry_id);
          CREATE VIRTUAL TABLE section_fts USING fts5(
            heading, prose, code, math, idents,
            tokenize = 'porter unicode61 remove_diacritics 2'
          );
          """)
    }
    // Each full-text row's length in tokens, for `journal_rank` (see `SectionRank`).
    migrator.registerMigration("v2") { db in
      try db.execute(sql: SectionRank.tableDefinition)
      try SectionRank.storeLengths(db)
    }
    // Links between entries (see `SearchIndex+Links`). The index is refilled from the files so
    // that every entry's links are stored.
    migrator.registerMigration("v3") { db in
      try db.execute(sql: linkTableDefinition)
      try db.execute(
        sql: """
          DELETE FROM section_fts; DELETE FROM section; DELETE FROM tag; DELETE FROM entry;
          DELETE FROM meta WHERE key IN ('fingerprint', 'recent');
          """)
      try SectionRank.storeLengths(db)
    }
    return migrator
  }()
}
