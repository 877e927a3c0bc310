import Foundation
import GRDB
import TestSupport
import Testing

@testable import JournalCore
@testable import JournalIndex

/// `journal_rank` must give exactly FTS5's `bm25()` scores: it only reads the row lengths from
/// elsewhere.
@Suite struct SectionRankTests {
  /// The repo's journal copied into a temporary folder, plus days with long sections (lengths
  /// over 127 tokens take several varint bytes in FTS5's docsize records).
  func makeJournal() throws -> (TemporaryDirectory, Journal) {
    let dir = TemporaryDirectory("rank-test")
    let source = TestPaths.packageRoot.appendingPathComponent("journal/2018")
    for name in try FileManager.default.contentsOfDirectory(atPath: source.path)
    where name.hasSuffix(".md") {
      try dir.write(
        "journal/2018/\(name)", try Data(contentsOf: source.appendingPathComponent(name)))
    }
    let words = "gradient serializer tensor lstm django kernel wombat descent".split(separator: " ")
    for day in 1...9 {
      var text = "#### Long day \(day)\n"
      for n in 0..<(day * 90) { text += words[(n * day + n / 7) % words.count] + " " }
      text += "\n\n#### Short\nserializer \(day)\n"
      try dir.write("journal/2019/2019-01-0\(day).md", text)
    }
    return (dir, Journal(root: dir.url))
  }

  static let queries = [
    "serializer", "gradient descent", "\"gradient descent\"", "ser*", "wombat OR lstm",
    "title:long", "code:torch", "nn.LSTM", "kernel -django", "math:sigma", "lstm tensor kernel",
  ]

  /// Every matching row's (rowid, journal_rank, bm25).
  func scores(_ index: SearchIndex, _ text: String) throws -> [(Int64, Double, Double)] {
    let match = try #require(SearchQuery(parsing: text).matchExpression)
    return try index.pool.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT rowid, journal_rank(section_fts, 10.0, 1.0, 1.0, 1.0, 1.0),
            bm25(section_fts, 10.0, 1.0, 1.0, 1.0, 1.0)
          FROM section_fts WHERE section_fts MATCH ?
          """, arguments: [match]
      ).map { ($0[0], $0[1], $0[2]) }
    }
  }

  func expectSameAsBM25(_ index: SearchIndex, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    var rows = 0
    for text in Self.queries {
      for (rowid, rank, bm25) in try scores(index, text) {
        rows += 1
        #expect(rank == bm25, "\(text), row \(rowid)", sourceLocation: sourceLocation)
      }
    }
    #expect(rows > 100, sourceLocation: sourceLocation)
  }

  /// The stored lengths: one (rowid, tokens) pair per full-text row.
  func storedPairs(_ index: SearchIndex) throws -> [(UInt32, UInt32)] {
    let data = try index.pool.read {
      try Data.fetchOne($0, sql: "SELECT counts FROM section_tokens WHERE part = 0")
    }
    let words = try #require(data).withUnsafeBytes { Array($0.bindMemory(to: UInt32.self)) }
    return stride(from: 0, to: words.count, by: 2).map {
      (UInt32(littleEndian: words[$0]), UInt32(littleEndian: words[$0 + 1]))
    }
  }

  @Test func scoresEqualBM25OnEveryMatchingRow() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    let index = try SearchIndex.openUpdated(journal).index
    try expectSameAsBM25(index)
    // Lengths over 127 tokens are summed from multi-byte varints.
    let pairs = try storedPairs(index)
    #expect(pairs.contains { $0.1 > 700 })
    let rows = try index.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM section_fts") }
    #expect(pairs.count == rows)
    #expect(pairs.map(\.0) == pairs.map(\.0).sorted())
  }

  @Test func scoresStayEqualAfterEditsAddsAndDeletes() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    _ = try SearchIndex.openUpdated(journal)
    try dir.write("journal/2019/2019-01-03.md", "#### Rewritten\nserializer serializer lstm\n")
    try dir.write("journal/2019/2019-02-01.md", "#### Added\ngradient wombat kernel descent\n")
    try FileManager.default.removeItem(
      at: dir.url.appendingPathComponent("journal/2019/2019-01-05.md"))
    let (index, report) = try SearchIndex.openUpdated(journal)
    #expect(report.changed == 1 && report.added == 1 && report.deleted == 1)
    try expectSameAsBM25(index)
    let rows = try index.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM section_fts") }
    #expect(try storedPairs(index).count == rows)
  }

  @Test func withoutStoredLengthsFTS5sOwnAreUsed() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    let index = try SearchIndex.openUpdated(journal).index
    try index.pool.write { try $0.execute(sql: "DELETE FROM section_tokens") }
    try expectSameAsBM25(index)
    // Stale lengths would show: the function does read the stored ones when they exist.
    try index.pool.write {
      try SectionRank.storeLengths($0)
      try $0.execute(sql: "UPDATE section_fts_docsize SET sz = X'000000007F'")
    }
    let differing = try scores(index, "serializer").filter { $0.1 != $0.2 }
    #expect(!differing.isEmpty)
  }

  @Test func anIndexFromBeforeTheLengthsGetsThemFromItsNextReader() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    let index = try SearchIndex.openUpdated(journal).index
    try index.pool.write {
      try $0.execute(
        sql: "DROP TABLE section_tokens; DELETE FROM grdb_migrations WHERE identifier = 'v2'")
    }
    let hits = try SearchIndex.reading(journal) {
      try $0.search(SearchQuery(parsing: "wombat"), limit: nil)
    }
    #expect(hits.count == 9)
    let rows = try index.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM section_fts") }
    #expect(try storedPairs(index).count == rows)
    try expectSameAsBM25(index)
  }

  @Test func searchRanksByTheFunction() throws {
    let (dir, journal) = try makeJournal()
    defer { withExtendedLifetime(dir) {} }
    let index = try SearchIndex.openUpdated(journal).index
    let hits = try index.search(SearchQuery(parsing: "serializer"), limit: nil)
    let expected = try scores(index, "serializer").map(\.2).sorted()
    #expect(hits.map(\.score) == expected)
  }

  @Test(
    arguments: [
      ([0x05], 5), ([0x81, 0x00], 128), ([0x82, 0x2C], 300), ([0x05, 0x82, 0x2C, 0x00], 305),
      ([0x81, 0x80, 0x00], 16_384),
    ] as [([UInt8], UInt64)])
  func docsizeRecordsAreSummed(bytes: [UInt8], total: UInt64) {
    #expect(bytes.withUnsafeBytes { SectionRank.totalOfVarints($0) } == total)
  }
}
