import JournalCore

extension SearchHit {
  /// The stable JSON shape of a search hit (see `journal search --help`); keys are sorted when
  /// encoded.
  public struct JSON: Encodable, Sendable {
    public var date: String
    public var path: String
    /// The file's absolute path.
    public var file: String
    public var line: Int
    public var lines: [Int]
    public var title: String
    public var heading: String
    public var anchor: String
    public var level: Int
    /// bm25, rounded to three decimals.
    public var score: Double
    public var snippet: String
    public var matches: [String]
    /// The entry's front matter says `draft: true` (the site leaves it out).
    public var draft: Bool

    public init(_ hit: SearchHit, journal: Journal, isDraft: Bool = false) {
      draft = isDraft
      date = hit.date.iso
      path = hit.path
      file = journal.path(for: hit.path)
      line = hit.line
      lines = [hit.lines.lowerBound, hit.lines.upperBound]
      title = hit.title
      heading = hit.heading
      anchor = hit.anchor
      level = hit.level
      score = (hit.score * 1000).rounded() / 1000
      snippet = hit.snippet(open: "", close: "")
      matches = hit.matches
    }
  }

  /// `journal search --format json`: the query, how many hits, and the hits.
  public struct Results: Encodable, Sendable {
    public var query: String
    public var count: Int
    public var hits: [JSON]

    public init(query: String, count: Int, hits: [JSON]) {
      self.query = query
      self.count = count
      self.hits = hits
    }
  }
}
