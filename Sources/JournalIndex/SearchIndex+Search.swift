import Foundation
import GRDB
import JournalCore

extension SearchIndex {
  /// Snippet markers: private-use characters that never occur in a journal.
  static let openMark = "\u{E000}"
  static let closeMark = "\u{E001}"

  /// The sections matching `query` within `dates`, best first (bm25, headings weighted ten times
  /// the body), at most `limit` (nil: all). A query without words lists the sections of the
  /// entries its tags and dates select, newest first; with `linksTo` and no words, only the
  /// sections that hold such a link.
  ///
  /// With `snippets: false` the hits carry no snippet and `line` is the section's first line
  /// (for listing paths, where reading every matching file would be wasted).
  public func search(
    _ query: SearchQuery, dates: DateFilter = DateFilter(), linksTo: [JournalDate] = [],
    limit: Int? = 20, snippets: Bool = true
  ) throws -> [SearchHit] {
    guard query.termCount <= SearchQuery.maximumTerms else {
      throw JournalError(
        .usage,
        "the query has \(query.termCount) words, phrases and tags; at most "
          + "\(SearchQuery.maximumTerms) are searched")
    }
    let match = query.matchExpression
    let filter = EntryFilter(dates: dates, tags: query.tags, linksTo: linksTo)
    // The sections of the entries the filter keeps.
    let filtered: SQL = """
      SELECT s.id FROM section s JOIN entry e ON e.id = s.entry_id
      WHERE \(filter.condition(on: "e"))
      """
    let limitClause: SQL = limit.map { "LIMIT \($0)" } ?? ""
    let sql: SQL
    if let match {
      // Rank inside the full-text table alone and join only the hits kept: ranking thousands of
      // matches is the cost, joining each of them would double it. `journal_rank` is bm25 with
      // the row lengths read once per query (see `SectionRank`).
      var conditions: [SQL] = ["section_fts MATCH \(match)"]
      if !filter.isEmpty {
        // A filter, not a way in (the unary +): FTS5 driven by a list of rowids starts a new
        // query for each, and ranking recomputes its per-query constants each time, which made
        // a date-filtered search of a 10k journal take seconds.
        conditions.append("+rowid IN (\(filtered))")
      }
      if let exclusion = query.exclusionExpression {
        conditions.append(
          "rowid NOT IN (SELECT rowid FROM section_fts WHERE section_fts MATCH \(exclusion))")
      }
      let rank = SQL(sql: SectionRank.functionName)
      sql = """
        SELECT s.id, e.date, e.path, e.title, s.heading, s.anchor, s.level, s.first_line,
          s.last_line, h.score
        FROM (
          SELECT rowid AS id, \(rank)(section_fts, 10.0, 1.0, 1.0, 1.0, 1.0) AS score
          FROM section_fts WHERE \(conditions.joined(separator: " AND "))
          ORDER BY score, rowid \(limitClause)
        ) h JOIN section s ON s.id = h.id JOIN entry e ON e.id = s.entry_id
        ORDER BY h.score, e.date DESC, s.position
        """
    } else {
      guard !filter.isEmpty else { return [] }
      var conditions: [SQL] = ["s.id IN (\(filtered))"]
      for day in linksTo {
        conditions.append(
          "s.position IN (SELECT section FROM link WHERE entry_id = s.entry_id AND target = \(day.iso))"
        )
      }
      if let exclusion = query.exclusionExpression {
        conditions.append(
          "s.id NOT IN (SELECT rowid FROM section_fts WHERE section_fts MATCH \(exclusion))")
      }
      sql = """
        SELECT s.id, e.date, e.path, e.title, s.heading, s.anchor, s.level, s.first_line,
          s.last_line, 0.0 AS score
        FROM section s JOIN entry e ON e.id = s.entry_id
        WHERE \(conditions.joined(separator: " AND ")) ORDER BY e.date DESC, s.position
        \(limitClause)
        """
    }
    return try read(query: "search \(match ?? query.tags.map { "tag:" + $0 }.joined())") { db in
      let rows = try Row.fetchAll(db, SQLRequest<Row>(literal: sql))
      var files: [String: Data] = [:]
      let ids: [Int64] = rows.map { $0["id"] }
      let allSnippets = snippets ? try self.snippets(for: ids, match: match, db: db) : []
      return rows.enumerated().map { (n, row) in
        let path: String = row["path"]
        let lines = (row["first_line"] as Int)...(row["last_line"] as Int)
        var hit = SearchHit(
          date: JournalDate(iso: row["date"] as String) ?? JournalDate(daysSinceEpoch: 0),
          path: path, line: lines.lowerBound, title: row["title"], heading: row["heading"],
          anchor: row["anchor"], level: row["level"], lines: lines, score: row["score"],
          snippet: snippets ? allSnippets[n] : [])
        if let word = hit.snippet.first(where: \.isMatch)?.text {
          if files[path] == nil {
            files[path] = FileSystem.contents(atPath: journal.path(for: path)) ?? Data()
          }
          if let n = SearchIndex.firstLine(
            containing: word, in: files[path] ?? Data(), lines: lines)
          {
            hit.line = n
          }
        }
        return hit
      }
    }
  }

  /// The best snippet of each section, in the order of `ids`: the first of prose, code, math
  /// and heading that holds a match, else the start of the prose. One query for all hits, each
  /// found by its rowid (a `rowid IN (...)` filter would have FTS5 walk every match of the
  /// query) and put in place by its position in the list (`json_each`'s key).
  private func snippets(for ids: [Int64], match: String?, db: Database) throws
    -> [[SearchHit.Segment]]
  {
    var result: [[SearchHit.Segment]?] = Array(repeating: nil, count: ids.count)
    guard !ids.isEmpty else { return [] }
    if let match {
      // A few hits are looked up by rowid; many are found in one pass over the query's matches
      // (each lookup costs FTS5 a new query, about 20 µs: 11,664 hits took twice as long).
      let source =
        ids.count <= 100
        ? "ids j CROSS JOIN section_fts f ON f.rowid = j.value"
        : "section_fts f JOIN ids j ON +f.rowid = j.value"
      let rows = try Row.fetchCursor(
        db,
        sql: """
          WITH ids(key, value) AS MATERIALIZED (SELECT key, value FROM json_each(?4))
          SELECT j.key, snippet(section_fts, 1, ?1, ?2, '…', 16),
            snippet(section_fts, 2, ?1, ?2, '…', 16), snippet(section_fts, 3, ?1, ?2, '…', 16),
            snippet(section_fts, 0, ?1, ?2, '…', 16)
          FROM \(source) WHERE section_fts MATCH ?3
          """,
        arguments: [SearchIndex.openMark, SearchIndex.closeMark, match, SearchIndex.jsonList(ids)])
      while let row = try rows.next() {
        let candidates = (1...4).map { (row[$0] as String?) ?? "" }
        if let best = candidates.first(where: SearchIndex.hasOpenMark) {
          result[row[0] as Int] = SearchIndex.segments(best)
        }
      }
    }
    let missing = result.indices.filter { result[$0] == nil }
    if !missing.isEmpty {
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT j.key, f.prose FROM json_each(?) j CROSS JOIN section_fts f ON f.rowid = j.value
          """, arguments: [SearchIndex.jsonList(missing.map { ids[$0] })])
      while let row = try rows.next() {
        let prose: String = row[1] ?? ""
        let words = prose.split(whereSeparator: \.isWhitespace)
        let start = words.prefix(16).joined(separator: " ") + (words.count > 16 ? "…" : "")
        result[missing[row[0] as Int]] = [SearchHit.Segment(start, isMatch: false)]
      }
    }
    return result.map { $0 ?? [] }
  }

  /// `[1,2,3]`, for `json_each`.
  private static func jsonList(_ ids: [Int64]) -> String {
    "[" + ids.map(String.init).joined(separator: ",") + "]"
  }

  /// Whether a snippet holds `openMark` (U+E000, UTF-8 EE 80 80), compared as bytes.
  static func hasOpenMark(_ snippet: String) -> Bool {
    var utf8 = snippet.utf8.makeIterator()
    var matched = 0
    while let byte = utf8.next() {
      switch (matched, byte) {
      case (0, 0xEE), (1, 0x80): matched += 1
      case (2, 0x80): return true
      default: matched = byte == 0xEE ? 1 : 0
      }
    }
    return false
  }

  /// Cuts a marked snippet into segments, folding whitespace so a hit stays on a few lines.
  /// Works on Unicode scalars: the marks and the whitespace are single scalars, and comparing
  /// `Character`s would cost a string comparison per character.
  static func segments(_ marked: String) -> [SearchHit.Segment] {
    let open = Unicode.Scalar(0xE000)!
    let close = Unicode.Scalar(0xE001)!
    var result: [SearchHit.Segment] = []
    var current = String.UnicodeScalarView()
    var inMatch = false
    var lastWasSpace = false
    func flush() {
      if !current.isEmpty { result.append(SearchHit.Segment(String(current), isMatch: inMatch)) }
      current = String.UnicodeScalarView()
    }
    for scalar in marked.unicodeScalars {
      if scalar == open || scalar == close {
        flush()
        inMatch = scalar == open
        lastWasSpace = false
      } else if scalar.value < 0x80
        ? (scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value))
        : scalar.properties.isWhitespace
      {
        if !lastWasSpace { current.append(" ") }
        lastWasSpace = true
      } else {
        current.append(scalar)
        lastWasSpace = false
      }
    }
    flush()
    if var first = result.first, !first.isMatch {
      first.text = String(first.text.drop(while: \.isWhitespace))
      result[0] = first
    }
    return result.filter { !$0.text.isEmpty }
  }

  /// The first of `lines` (1-based) of `file` that contains `word`, ignoring case; nil when
  /// none does. ASCII words are compared byte by byte; others through `lowercased()`.
  static func firstLine(containing word: String, in file: Data, lines: ClosedRange<Int>) -> Int? {
    let needle = Array(word.utf8)
    guard !needle.isEmpty else { return nil }
    let ascii = needle.allSatisfy { $0 < 0x80 }
    let lowered = needle.map(asciiLower)
    let loweredWord = ascii ? "" : word.lowercased()
    return file.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int? in
      var line = 1
      var start = 0
      while start <= bytes.count, line <= lines.upperBound {
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        if line >= lines.lowerBound {
          let found: Bool
          if ascii {
            found = containsASCII(lowered, in: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
          } else {
            found = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
              .contains(loweredWord)
          }
          if found { return line }
        }
        line += 1
        start = end + 1
      }
      return nil
    }
  }

  private static func asciiLower(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  /// Whether `haystack` contains `needle` (already lowercase ASCII), ignoring ASCII case.
  private static func containsASCII(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Bool
  {
    guard needle.count <= haystack.count else { return false }
    let first = needle[0]
    for i in 0...(haystack.count - needle.count) where asciiLower(haystack[i]) == first {
      var j = 1
      while j < needle.count, asciiLower(haystack[i + j]) == needle[j] { j += 1 }
      if j == needle.count { return true }
    }
    return false
  }

  /// Entries within `dates` carrying all `tags`, newest first, with their section headings.
  public func entries(dates: DateFilter = DateFilter(), tags: [String] = [], limit: Int? = nil)
    throws -> [ListedEntry]
  {
    let filter = EntryFilter(dates: dates, tags: tags)
    let limitClause: SQL = limit.map { "LIMIT \($0)" } ?? ""
    let sql: SQL = """
      SELECT id, date, path, title, problem FROM entry
      WHERE \(filter.condition(on: "entry")) ORDER BY date DESC \(limitClause)
      """
    return try read(query: "list") { db in
      let sectionStatement = try db.cachedStatement(
        sql: """
          SELECT level, heading, anchor, first_line FROM section
          WHERE entry_id = ? AND level > 0 ORDER BY position
          """)
      let tagStatement = try db.cachedStatement(
        sql: "SELECT name FROM tag WHERE entry_id = ? ORDER BY name")
      return try Row.fetchAll(db, SQLRequest<Row>(literal: sql)).map { row in
        let id: Int64 = row["id"]
        let sections = try Row.fetchAll(sectionStatement, arguments: [id]).map {
          (
            level: $0["level"] as Int, heading: $0["heading"] as String,
            anchor: $0["anchor"] as String, line: $0["first_line"] as Int
          )
        }
        return ListedEntry(
          date: JournalDate(iso: row["date"] as String) ?? JournalDate(daysSinceEpoch: 0),
          path: row["path"], title: row["title"], sections: sections,
          tags: try String.fetchAll(tagStatement, arguments: [id]), problem: row["problem"])
      }
    }
  }

  /// Every tag with the number of entries carrying it, most used first.
  public func tagCounts(dates: DateFilter = DateFilter()) throws -> [(tag: String, count: Int)] {
    let filter = EntryFilter(dates: dates)
    let sql: SQL = """
      SELECT t.name, count(*) AS n FROM tag t JOIN entry e ON e.id = t.entry_id
      WHERE \(filter.condition(on: "e")) GROUP BY t.name ORDER BY n DESC, t.name
      """
    return try read(query: "tags") { db in
      try Row.fetchAll(db, SQLRequest<Row>(literal: sql)).map {
        (tag: $0["name"] as String, count: $0["n"] as Int)
      }
    }
  }

  /// How many day files the index holds.
  public func entryCount() throws -> Int {
    try read(query: "count") { try Int.fetchOne($0, sql: "SELECT count(*) FROM entry") ?? 0 }
  }
}
