import JournalCore

/// One section that matched a search.
public struct SearchHit: Sendable, Hashable {
  /// A piece of a snippet: matched text or the text around it.
  public struct Segment: Sendable, Hashable {
    public var text: String
    public var isMatch: Bool
    public init(_ text: String, isMatch: Bool) {
      self.text = text
      self.isMatch = isMatch
    }
  }

  public var date: JournalDate
  /// Relative to the journal root.
  public var path: String
  /// The line of the first match in the file (1-based), else the section's first line.
  public var line: Int
  /// The entry's title.
  public var title: String
  /// The section's heading; empty for the text before the first heading.
  public var heading: String
  /// The section's anchor (`django-unchained`); empty for the text before the first heading.
  public var anchor: String
  /// 0 for the text before the first heading, else 1 to 6.
  public var level: Int
  /// The section's lines in the file.
  public var lines: ClosedRange<Int>
  /// bm25 relevance; lower is better (SQLite's convention). 0 when the query had no words.
  public var score: Double
  /// A few words around the matches.
  public var snippet: [Segment]

  /// The snippet with every match between `open` and `close`.
  public func snippet(open: String, close: String) -> String {
    snippet.map { $0.isMatch ? open + $0.text + close : $0.text }.joined()
  }

  /// The distinct matched words of the snippet, in order.
  public var matches: [String] {
    var seen = Set<String>()
    return snippet.filter(\.isMatch).map(\.text).filter { seen.insert($0.lowercased()).inserted }
  }
}

/// An entry as `journal list` shows it.
public struct ListedEntry: Sendable, Hashable {
  public var date: JournalDate
  public var path: String
  public var title: String
  /// Section headings with their levels and anchors, in order.
  public var sections: [(level: Int, heading: String, anchor: String, line: Int)]
  public var tags: [String]
  /// Why the file could not be indexed, if it could not.
  public var problem: String?

  public static func == (a: ListedEntry, b: ListedEntry) -> Bool {
    a.path == b.path && a.title == b.title && a.tags == b.tags
      && a.sections.map(\.anchor) == b.sections.map(\.anchor)
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(path) }
}
