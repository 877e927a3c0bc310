import Foundation
import GRDB
import GRDBSQLite

/// `journal_rank(section_fts, weight, ...)`: FTS5's own `bm25()`, score for score, without its
/// cost per matching row.
///
/// `bm25()` asks FTS5 for each matching row's length in tokens, and FTS5 answers by running a
/// query on its `section_fts_docsize` table, one B-tree search and one statement run per row. On
/// a 10,000-day journal where a common word matches 11,664 sections, that is 80% of the search's
/// SQL time (8 ms against 1 ms to find the rows).
///
/// This function computes the same formula (k1 = 1.2, b = 0.75, the same IDF floor, the same
/// operations in the same order, so the same doubles) but reads the lengths from
/// `section_tokens`: one blob of (rowid, tokens) pairs sorted by rowid, which `storeLengths`
/// rewrites from `section_fts_docsize` in every transaction that changes the full-text rows. The
/// blob is read once per query, inside the query's own read transaction, and FTS5 visits matches
/// in rowid order, so each row's length is found by moving a cursor forward. A row missing from
/// the blob (or a blob that cannot be read) falls back to FTS5's own lookup.
///
/// All of the SQLite and FTS5 C API this needs stays in this file.
enum SectionRank {
  static let functionName = "journal_rank"

  /// `CREATE TABLE` for the lengths (one row, `part` 0), part of the index schema.
  static let tableDefinition = """
    CREATE TABLE section_tokens(part INTEGER PRIMARY KEY, counts BLOB NOT NULL)
    """

  /// Registers `journal_rank` on a connection (both the readers' and the writer's).
  static func register(_ db: Database) {
    let api = UnsafeMutablePointer(mutating: FTS5.api(db))
    _ = api.pointee.xCreateFunction?(api, functionName, nil, rankFunction, nil)
  }

  /// Rewrites `section_tokens` from FTS5's `section_fts_docsize`: every full-text row's total
  /// length in tokens, the `xColumnSize(-1)` that `bm25()` uses. Runs inside the caller's
  /// transaction, after its changes to `section_fts`.
  static func storeLengths(_ db: Database) throws {
    var statement: OpaquePointer?
    let sql = "SELECT id, sz FROM section_fts_docsize ORDER BY id"
    guard sqlite3_prepare_v2(db.sqliteConnection, sql, -1, &statement, nil) == SQLITE_OK,
      let statement
    else {
      throw DatabaseError(
        resultCode: .SQLITE_ERROR, message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
    defer { sqlite3_finalize(statement) }
    var packed: [UInt32] = []
    var fits = true
    while true {
      let code = sqlite3_step(statement)
      if code == SQLITE_DONE { break }
      guard code == SQLITE_ROW else {
        throw DatabaseError(
          resultCode: ResultCode(rawValue: code),
          message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
      }
      let id = sqlite3_column_int64(statement, 0)
      guard id >= 0, id <= Int64(UInt32.max) else {
        // Rowids this large never come from our inserts; leave such an index to FTS5's lookup.
        fits = false
        break
      }
      let count = Int(sqlite3_column_bytes(statement, 1))
      var total: UInt64 = 0
      if count > 0, let blob = sqlite3_column_blob(statement, 1) {
        total = totalOfVarints(UnsafeRawBufferPointer(start: blob, count: count))
      }
      packed.append(UInt32(truncatingIfNeeded: id).littleEndian)
      packed.append(UInt32(clamping: total).littleEndian)
    }
    if fits {
      let data = packed.withUnsafeBytes { Data($0) }
      try db.execute(
        sql: "INSERT OR REPLACE INTO section_tokens(part, counts) VALUES (0, ?)", arguments: [data])
    } else {
      try db.execute(sql: "DELETE FROM section_tokens")
    }
  }

  /// The sum of a docsize record: one SQLite varint (big-endian groups of 7 bits, a ninth byte
  /// of 8) per column.
  static func totalOfVarints(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var total: UInt64 = 0
    var i = 0
    while i < bytes.count {
      var value: UInt64 = 0
      var n = 0
      while i < bytes.count {
        let byte = bytes[i]
        i += 1
        n += 1
        if n == 9 {
          value = (value << 8) | UInt64(byte)
          break
        }
        value = (value << 7) | UInt64(byte & 0x7F)
        if byte & 0x80 == 0 { break }
      }
      total &+= value
    }
    return total
  }

  /// What one query computes once: the IDF of each phrase, the average row length, the lengths
  /// and a cursor into them.
  fileprivate final class QueryState {
    let idf: [Double]
    let averageLength: Double
    /// Phrase frequencies of the current row (reused, not reallocated per row).
    var frequencies: [Double]
    /// (rowid, tokens) pairs sorted by rowid, as stored.
    let lengths: [UInt32]
    var cursor = 0

    init(idf: [Double], averageLength: Double, lengths: [UInt32]) {
      self.idf = idf
      self.averageLength = averageLength
      self.frequencies = Array(repeating: 0, count: idf.count)
      self.lengths = lengths
    }

    /// The stored length of `rowid`, moving forward from the last row asked (FTS5's order), or
    /// searching from the start when a query visits rows otherwise.
    func length(of rowid: Int64) -> Int32? {
      let pairs = lengths.count / 2
      guard pairs > 0, rowid >= 0, rowid <= Int64(UInt32.max) else { return nil }
      let key = UInt32(rowid)
      if cursor >= pairs || UInt32(littleEndian: lengths[2 * cursor]) > key {
        var (low, high) = (0, pairs)
        while low < high {
          let mid = (low + high) / 2
          if UInt32(littleEndian: lengths[2 * mid]) < key { low = mid + 1 } else { high = mid }
        }
        cursor = low
      }
      while cursor < pairs, UInt32(littleEndian: lengths[2 * cursor]) < key { cursor += 1 }
      guard cursor < pairs, UInt32(littleEndian: lengths[2 * cursor]) == key else { return nil }
      return Int32(clamping: UInt32(littleEndian: lengths[2 * cursor + 1]))
    }
  }

  /// The stored lengths, read on the query's connection (so in its read transaction); empty
  /// when there are none.
  fileprivate static func loadLengths(_ db: OpaquePointer?) -> [UInt32] {
    var statement: OpaquePointer?
    let sql = "SELECT counts FROM section_tokens WHERE part = 0"
    guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
      return []
    }
    defer { sqlite3_finalize(statement) }
    guard sqlite3_step(statement) == SQLITE_ROW else { return [] }
    let bytes = Int(sqlite3_column_bytes(statement, 0))
    guard bytes >= 8, let blob = sqlite3_column_blob(statement, 0) else { return [] }
    let words = bytes / 4
    return [UInt32](unsafeUninitializedCapacity: words) { buffer, count in
      memcpy(buffer.baseAddress!, blob, words * 4)
      count = words
    }
  }

  /// Computes the query's constants the way `fts5Bm25GetData` does.
  fileprivate static func makeState(
    _ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer?, _ context: OpaquePointer?
  ) -> (QueryState?, Int32) {
    let phrases = Int(api.pointee.xPhraseCount(fts))
    var rows: sqlite3_int64 = 0
    var tokens: sqlite3_int64 = 0
    var rc = api.pointee.xRowCount(fts, &rows)
    if rc == SQLITE_OK { rc = api.pointee.xColumnTotalSize(fts, -1, &tokens) }
    guard rc == SQLITE_OK else { return (nil, rc) }
    let averageLength = Double(tokens) / Double(rows)
    var idf: [Double] = []
    idf.reserveCapacity(phrases)
    for phrase in 0..<phrases {
      var hits: sqlite3_int64 = 0
      rc = api.pointee.xQueryPhrase(fts, Int32(phrase), &hits, countRow)
      guard rc == SQLITE_OK else { return (nil, rc) }
      // Negative for a phrase in more than half the rows: bm25 floors it at 1e-6.
      let value = log((Double(rows - hits) + 0.5) / (Double(hits) + 0.5))
      idf.append(value <= 0 ? 1e-6 : value)
    }
    let lengths = loadLengths(sqlite3_context_db_handle(context))
    return (QueryState(idf: idf, averageLength: averageLength, lengths: lengths), SQLITE_OK)
  }
}

/// `xQueryPhrase`'s callback: counts the rows holding the phrase.
private func countRow(
  _ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ user: UnsafeMutableRawPointer?
) -> Int32 {
  user?.assumingMemoryBound(to: sqlite3_int64.self).pointee += 1
  return SQLITE_OK
}

/// Releases a query's state when FTS5 is done with it.
private func releaseState(_ pointer: UnsafeMutableRawPointer?) {
  guard let pointer else { return }
  Unmanaged<SectionRank.QueryState>.fromOpaque(pointer).release()
}

/// The FTS5 auxiliary function itself; see `SectionRank`.
private func rankFunction(
  _ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ context: OpaquePointer?,
  _ argumentCount: Int32, _ arguments: UnsafeMutablePointer<OpaquePointer?>?
) {
  guard let api else { return }
  let k1 = 1.2
  let b = 0.75
  let state: SectionRank.QueryState
  if let existing = api.pointee.xGetAuxdata(fts, 0) {
    state = Unmanaged<SectionRank.QueryState>.fromOpaque(existing).takeUnretainedValue()
  } else {
    let (made, rc) = SectionRank.makeState(api, fts, context)
    guard let made else {
      sqlite3_result_error_code(context, rc)
      return
    }
    let retained = Unmanaged.passRetained(made).toOpaque()
    let set = api.pointee.xSetAuxdata(fts, retained, releaseState)
    guard set == SQLITE_OK else {
      // xSetAuxdata has already called the destructor.
      sqlite3_result_error_code(context, set)
      return
    }
    state = made
  }
  var instances: Int32 = 0
  var rc = api.pointee.xInstCount(fts, &instances)
  state.frequencies.withUnsafeMutableBufferPointer { frequencies in
    for i in frequencies.indices { frequencies[i] = 0 }
    var i: Int32 = 0
    while rc == SQLITE_OK, i < instances {
      var phrase: Int32 = 0
      var column: Int32 = 0
      var offset: Int32 = 0
      rc = api.pointee.xInst(fts, i, &phrase, &column, &offset)
      if rc == SQLITE_OK {
        let weight = argumentCount > column ? sqlite3_value_double(arguments?[Int(column)]) : 1.0
        frequencies[Int(phrase)] += weight
      }
      i += 1
    }
  }
  var length: Int32 = 0
  if rc == SQLITE_OK {
    if let stored = state.length(of: api.pointee.xRowid(fts)) {
      length = stored
    } else {
      rc = api.pointee.xColumnSize(fts, -1, &length)
    }
  }
  guard rc == SQLITE_OK else {
    sqlite3_result_error_code(context, rc)
    return
  }
  let d = Double(length)
  var score = 0.0
  for i in state.idf.indices {
    let f = state.frequencies[i]
    score += state.idf[i] * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * d / state.averageLength)))
  }
  sqlite3_result_double(context, -1.0 * score)
}
