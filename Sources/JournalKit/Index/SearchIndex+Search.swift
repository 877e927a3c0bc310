import Foundation
import GRDB

extension SearchIndex {
  /// Snippet markers: private-use characters that never occur in a journal.
  static let openMark = "\u{E000}"
  static let closeMark = "\u{E001}"

  /// The sections matching `query` within `dates`, best first (bm25, headings weighted ten times
  /// the body), at most `limit` (nil: all). A query without words lists the sections of the
  /// entries its tags and dates select, newest first.
  ///
  /// With `snippets: false` the hits carry no snippet and `line` is the section's first line
  /// (for listing paths, where reading every matching file would be wasted).
  public func search(
    _ query: SearchQuery, dates: DateFilter = DateFilter(), limit: Int? = 20,
    snippets: Bool = true
  ) throws -> [SearchHit] {
    let match = query.matchExpression
    // Entry-level filters, as a set of section ids.
    var filters: [String] = []
    var filterArguments: [(any DatabaseValueConvertible)?] = []
    if let from = dates.from {
      filters.append("e.date >= ?")
      filterArguments.append(from.iso)
    }
    if let to = dates.to {
      filters.append("e.date <= ?")
      filterArguments.append(to.iso)
    }
    for tag in query.tags {
      filters.append("e.id IN (SELECT entry_id FROM tag WHERE name = ?)")
      filterArguments.append(tag)
    }
    let filtered =
      filters.isEmpty
      ? nil
      : """
      SELECT s.id FROM section s JOIN entry e ON e.id = s.entry_id
      WHERE \(filters.joined(separator: " AND "))
      """
    var arguments: [(any DatabaseValueConvertible)?] = []
    let sql: String
    if let match {
      // Rank inside the full-text table alone and join only the hits kept: ranking thousands of
      // matches is the cost, joining each of them would double it. `journal_rank` is bm25 with
      // the row lengths read once per query (see `SectionRank`).
      var conditions = ["section_fts MATCH ?"]
      arguments.append(match)
      if let filtered {
        conditions.append("rowid IN (\(filtered))")
        arguments += filterArguments
      }
      if let exclusion = query.exclusionExpression {
        conditions.append("rowid NOT IN (SELECT rowid FROM section_fts WHERE section_fts MATCH ?)")
        arguments.append(exclusion)
      }
      var ranked = """
        SELECT rowid AS id,
          \(SectionRank.functionName)(section_fts, 10.0, 1.0, 1.0, 1.0, 1.0) AS score
        FROM section_fts WHERE \(conditions.joined(separator: " AND ")) ORDER BY score, rowid
        """
      if let limit {
        ranked += " LIMIT ?"
        arguments.append(limit)
      }
      sql = """
        SELECT s.id, e.date, e.path, e.title, s.heading, s.anchor, s.level, s.first_line,
          s.last_line, h.score
        FROM (\(ranked)) h JOIN section s ON s.id = h.id JOIN entry e ON e.id = s.entry_id
        ORDER BY h.score, e.date DESC, s.position
        """
    } else {
      guard let filtered else { return [] }
      var conditions = ["s.id IN (\(filtered))"]
      arguments += filterArguments
      if let exclusion = query.exclusionExpression {
        conditions.append("s.id NOT IN (SELECT rowid FROM section_fts WHERE section_fts MATCH ?)")
        arguments.append(exclusion)
      }
      var listing = """
        SELECT s.id, e.date, e.path, e.title, s.heading, s.anchor, s.level, s.first_line,
          s.last_line, 0.0
        FROM section s JOIN entry e ON e.id = s.entry_id
        WHERE \(conditions.joined(separator: " AND ")) ORDER BY e.date DESC, s.position
        """
      if let limit {
        listing += " LIMIT ?"
        arguments.append(limit)
      }
      sql = listing
    }
    let statementArguments = StatementArguments(arguments.map { $0?.databaseValue ?? .null })
    return try pool.read { db in
      let rows = try Row.fetchAll(db, sql: sql, arguments: statementArguments)
      var files: [String: [Substring]] = [:]
      let ids = rows.map { $0[0] as Int64 }
      let allSnippets = snippets ? try self.snippets(for: ids, match: match, db: db) : [:]
      return try rows.map { row in
        let id: Int64 = row[0]
        let path: String = row[2]
        let lines = (row[7] as Int)...(row[8] as Int)
        let snippet = allSnippets[id] ?? []
        var hit = SearchHit(
          date: JournalDate(iso: row[1] as String) ?? JournalDate(daysSinceEpoch: 0),
          path: path, line: lines.lowerBound, title: row[3], heading: row[4], anchor: row[5],
          level: row[6], lines: lines, score: row[9], snippet: snippet)
        if let word = hit.snippet.first(where: \.isMatch)?.text.lowercased() {
          if files[path] == nil {
            let text = (try? String(contentsOf: journal.url(for: path), encoding: .utf8)) ?? ""
            files[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
          }
          let fileLines = files[path] ?? []
          for n in lines where n >= 1 && n <= fileLines.count {
            if fileLines[n - 1].lowercased().contains(word) {
              hit.line = n
              break
            }
          }
        }
        return hit
      }
    }
  }

  /// The best snippet of each section: the first of prose, code, math and heading that holds a
  /// match, else the start of the prose. One query for all hits: FTS5 evaluates the match once.
  private func snippets(for ids: [Int64], match: String?, db: Database) throws
    -> [Int64: [SearchHit.Segment]]
  {
    guard !ids.isEmpty else { return [:] }
    let open = SearchIndex.openMark
    let close = SearchIndex.closeMark
    let idList = "[" + ids.map(String.init).joined(separator: ",") + "]"
    var result: [Int64: [SearchHit.Segment]] = [:]
    if let match {
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT rowid, snippet(section_fts, 1, ?1, ?2, '…', 16),
            snippet(section_fts, 2, ?1, ?2, '…', 16), snippet(section_fts, 3, ?1, ?2, '…', 16),
            snippet(section_fts, 0, ?1, ?2, '…', 16)
          FROM section_fts
          WHERE section_fts MATCH ?3 AND rowid IN (SELECT value FROM json_each(?4))
          """, arguments: [open, close, match, idList])
      while let row = try rows.next() {
        let candidates = (1...4).map { (row[$0] as String?) ?? "" }
        if let best = candidates.first(where: { $0.contains(open) }) {
          result[row[0]] = SearchIndex.segments(best)
        }
      }
    }
    let missing = ids.filter { result[$0] == nil }
    if !missing.isEmpty {
      let list = "[" + missing.map(String.init).joined(separator: ",") + "]"
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT rowid, prose FROM section_fts WHERE rowid IN (SELECT value FROM json_each(?))
          """, arguments: [list])
      while let row = try rows.next() {
        let prose: String = row[1] ?? ""
        let words = prose.split(whereSeparator: \.isWhitespace)
        let start = words.prefix(16).joined(separator: " ") + (words.count > 16 ? "…" : "")
        result[row[0]] = [SearchHit.Segment(start, isMatch: false)]
      }
    }
    return result
  }

  /// Cuts a marked snippet into segments, folding whitespace so a hit stays on a few lines.
  static func segments(_ marked: String) -> [SearchHit.Segment] {
    var result: [SearchHit.Segment] = []
    var current = ""
    var inMatch = false
    var lastWasSpace = false
    func flush() {
      if !current.isEmpty { result.append(SearchHit.Segment(current, isMatch: inMatch)) }
      current = ""
    }
    for ch in marked {
      if String(ch) == openMark {
        flush()
        inMatch = true
      } else if String(ch) == closeMark {
        flush()
        inMatch = false
      } else if ch.isWhitespace {
        if !lastWasSpace { current.append(" ") }
        lastWasSpace = true
        continue
      } else {
        current.append(ch)
      }
      lastWasSpace = false
    }
    flush()
    if var first = result.first, !first.isMatch {
      first.text = String(first.text.drop(while: \.isWhitespace))
      result[0] = first
    }
    return result.filter { !$0.text.isEmpty }
  }

  /// Entries within `dates` carrying all `tags`, newest first, with their section headings.
  public func entries(dates: DateFilter = DateFilter(), tags: [String] = [], limit: Int? = nil)
    throws -> [ListedEntry]
  {
    var conditions = ["1"]
    var arguments: [(any DatabaseValueConvertible)?] = []
    if let from = dates.from {
      conditions.append("date >= ?")
      arguments.append(from.iso)
    }
    if let to = dates.to {
      conditions.append("date <= ?")
      arguments.append(to.iso)
    }
    for tag in tags {
      conditions.append("id IN (SELECT entry_id FROM tag WHERE name = ?)")
      arguments.append(tag.lowercased())
    }
    var sql = """
      SELECT id, date, path, title, problem FROM entry
      WHERE \(conditions.joined(separator: " AND ")) ORDER BY date DESC
      """
    if let limit {
      sql += " LIMIT ?"
      arguments.append(limit)
    }
    let statementArguments = StatementArguments(arguments.map { $0?.databaseValue ?? .null })
    return try pool.read { db in
      let sectionStatement = try db.cachedStatement(
        sql: """
          SELECT level, heading, anchor, first_line FROM section
          WHERE entry_id = ? AND level > 0 ORDER BY position
          """)
      let tagStatement = try db.cachedStatement(
        sql: "SELECT name FROM tag WHERE entry_id = ? ORDER BY name")
      return try Row.fetchAll(db, sql: sql, arguments: statementArguments).map { row in
        let id: Int64 = row[0]
        let sections = try Row.fetchAll(sectionStatement, arguments: [id]).map {
          (
            level: $0[0] as Int, heading: $0[1] as String, anchor: $0[2] as String,
            line: $0[3] as Int
          )
        }
        return ListedEntry(
          date: JournalDate(iso: row[1] as String) ?? JournalDate(daysSinceEpoch: 0),
          path: row[2], title: row[3], sections: sections,
          tags: try String.fetchAll(tagStatement, arguments: [id]), problem: row[4])
      }
    }
  }

  /// Every tag with the number of entries carrying it, most used first.
  public func tagCounts(dates: DateFilter = DateFilter()) throws -> [(tag: String, count: Int)] {
    var sql = "SELECT t.name, count(*) AS n FROM tag t JOIN entry e ON e.id = t.entry_id WHERE 1"
    var arguments: [String] = []
    if let from = dates.from {
      sql += " AND e.date >= ?"
      arguments.append(from.iso)
    }
    if let to = dates.to {
      sql += " AND e.date <= ?"
      arguments.append(to.iso)
    }
    sql += " GROUP BY t.name ORDER BY n DESC, t.name"
    return try pool.read { db in
      try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map {
        (tag: $0[0] as String, count: $0[1] as Int)
      }
    }
  }

  /// How many day files the index holds.
  public func entryCount() throws -> Int {
    try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM entry") ?? 0 }
  }
}
