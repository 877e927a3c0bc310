import Foundation
import GRDB
import GRDBSQLite
import JournalCore

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
  /// and a cursor into them. Plain memory that FTS5 frees with the query (`releaseState`): the
  /// function runs once per matching row, where reference counting would show.
  fileprivate struct QueryState {
    var averageLength: Double
    /// Per phrase: its IDF, and its weighted frequency in the current row.
    var idf: UnsafeMutableBufferPointer<Double>
    var frequencies: UnsafeMutableBufferPointer<Double>
    /// (rowid, tokens) pairs sorted by rowid, as stored; empty when there are none.
    var lengths: UnsafeMutableBufferPointer<UInt32>
    var cursor = 0

    /// The stored length of `rowid`, moving forward from the last row asked (FTS5's order), or
    /// searching from the start when a query visits rows otherwise.
    mutating func length(of rowid: Int64) -> Int32? {
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

    func deallocate() {
      idf.deallocate()
      frequencies.deallocate()
      lengths.deallocate()
    }
  }

  /// The stored lengths, read on the query's connection (so in its read transaction); empty
  /// when there are none. The caller deallocates them.
  fileprivate static func loadLengths(_ db: OpaquePointer?) -> UnsafeMutableBufferPointer<UInt32> {
    let none = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: 0)
    var statement: OpaquePointer?
    let sql = "SELECT counts FROM section_tokens WHERE part = 0"
    guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
      return none
    }
    defer { sqlite3_finalize(statement) }
    guard sqlite3_step(statement) == SQLITE_ROW else { return none }
    let bytes = Int(sqlite3_column_bytes(statement, 0))
    guard bytes >= 8, let blob = sqlite3_column_blob(statement, 0) else { return none }
    none.deallocate()
    let lengths = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: bytes / 4)
    memcpy(lengths.baseAddress!, blob, lengths.count * 4)
    return lengths
  }

  /// Computes the query's constants the way `fts5Bm25GetData` does; the caller deallocates
  /// the state.
  fileprivate static func makeState(
    _ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer?, _ context: OpaquePointer?
  ) -> (UnsafeMutablePointer<QueryState>?, Int32) {
    let phrases = Int(api.pointee.xPhraseCount(fts))
    var rows: sqlite3_int64 = 0
    var tokens: sqlite3_int64 = 0
    var rc = api.pointee.xRowCount(fts, &rows)
    if rc == SQLITE_OK { rc = api.pointee.xColumnTotalSize(fts, -1, &tokens) }
    guard rc == SQLITE_OK else { return (nil, rc) }
    let idf = UnsafeMutableBufferPointer<Double>.allocate(capacity: phrases)
    for phrase in 0..<phrases {
      var hits: sqlite3_int64 = 0
      rc = api.pointee.xQueryPhrase(fts, Int32(phrase), &hits, countRow)
      guard rc == SQLITE_OK else {
        idf.deallocate()
        return (nil, rc)
      }
      // Negative for a phrase in more than half the rows: bm25 floors it at 1e-6.
      let value = log((Double(rows - hits) + 0.5) / (Double(hits) + 0.5))
      idf[phrase] = value <= 0 ? 1e-6 : value
    }
    let frequencies = UnsafeMutableBufferPointer<Double>.allocate(capacity: phrases)
    frequencies.initialize(repeating: 0)
    let state = UnsafeMutablePointer<QueryState>.allocate(capacity: 1)
    state.initialize(
      to: QueryState(
        averageLength: Double(tokens) / Double(rows), idf: idf, frequencies: frequencies,
        lengths: loadLengths(sqlite3_context_db_handle(context))))
    return (state, SQLITE_OK)
  }
}

/// `xQueryPhrase`'s callback: counts the rows holding the phrase.
private func countRow(
  _ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ user: UnsafeMutableRawPointer?
) -> Int32 {
  user?.assumingMemoryBound(to: sqlite3_int64.self).pointee += 1
  return SQLITE_OK
}

/// Frees a query's state when FTS5 is done with it.
private func releaseState(_ pointer: UnsafeMutableRawPointer?) {
  guard let state = pointer?.assumingMemoryBound(to: SectionRank.QueryState.self) else { return }
  state.pointee.deallocate()
  state.deinitialize(count: 1)
  state.deallocate()
}

/// The FTS5 auxiliary function itself; see `SectionRank`.
private func rankFunction(
  _ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ context: OpaquePointer?,
  _ argumentCount: Int32, _ arguments: UnsafeMutablePointer<OpaquePointer?>?
) {
  guard let api else { return }
  let k1 = 1.2
  let b = 0.75
  let state: UnsafeMutablePointer<SectionRank.QueryState>
  if let existing = api.pointee.xGetAuxdata(fts, 0) {
    state = existing.assumingMemoryBound(to: SectionRank.QueryState.self)
  } else {
    let (made, rc) = SectionRank.makeState(api, fts, context)
    guard let made else {
      sqlite3_result_error_code(context, rc)
      return
    }
    let set = api.pointee.xSetAuxdata(fts, made, releaseState)
    guard set == SQLITE_OK else {
      // xSetAuxdata has already called the destructor.
      sqlite3_result_error_code(context, set)
      return
    }
    state = made
  }
  let frequencies = state.pointee.frequencies
  let idf = state.pointee.idf
  // Each phrase's own position list, rather than `xInstCount`/`xInst` (which first merge every
  // phrase's instances into one array, sorted): the same instances in the same order within
  // each phrase, so the same sums.
  var rc = SQLITE_OK
  let weights = min(Int(argumentCount), Int(Int32.max))
  for phrase in frequencies.indices where rc == SQLITE_OK {
    var iterator = Fts5PhraseIter()
    var column: Int32 = 0
    var offset: Int32 = 0
    rc = api.pointee.xPhraseFirst(fts, Int32(phrase), &iterator, &column, &offset)
    var sum = 0.0
    while rc == SQLITE_OK, column >= 0 {
      sum += weights > column ? sqlite3_value_double(arguments?[Int(column)]) : 1.0
      api.pointee.xPhraseNext(fts, &iterator, &column, &offset)
    }
    frequencies[phrase] = sum
  }
  var length: Int32 = 0
  if rc == SQLITE_OK {
    if let stored = state.pointee.length(of: api.pointee.xRowid(fts)) {
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
  let averageLength = state.pointee.averageLength
  var score = 0.0
  for i in idf.indices {
    let f = frequencies[i]
    score += idf[i] * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * d / averageLength)))
  }
  sqlite3_result_double(context, -1.0 * score)
}
