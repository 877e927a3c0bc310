import Foundation
import GRDB
import JournalCore

/// Links between entries in the index: one `link` row per wiki link or Markdown link to a day
/// file, with where it is (entry, line, section, sentence), what it says, and what it resolves
/// to.
///
/// What a link says depends only on its own entry, so rows are written with the entry. What it
/// resolves to depends on every entry's title and headings (`[[NameNet]]` moves when a heading
/// is renamed in another entry), so after any update that changed entries, every link is
/// resolved again against the titles and headings the index now holds: the same `LinkTargets`
/// the site uses, built from the `entry` and `section` rows instead of the documents.
extension SearchIndex {
  static let linkTableDefinition = """
    CREATE TABLE link(
      id INTEGER PRIMARY KEY,
      entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
      line INTEGER NOT NULL,
      section INTEGER NOT NULL,
      heading TEXT NOT NULL,
      context TEXT NOT NULL,
      to_kind TEXT NOT NULL,
      to_name TEXT NOT NULL,
      to_heading TEXT,
      to_anchor TEXT,
      target TEXT,
      target_anchor TEXT,
      ambiguous TEXT,
      problem TEXT
    );
    CREATE INDEX link_entry ON link(entry_id);
    CREATE INDEX link_target ON link(target);
    """

  /// Stores the links of `document`, unresolved (`resolveLinks` follows in the same
  /// transaction).
  static func insertLinks(of document: Document, entryID: Int64, db: Database) throws {
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO link(entry_id, line, section, heading, context, to_kind, to_name, to_heading,
          to_anchor)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for link in document.links {
      guard let reference = link.reference else { continue }
      let heading =
        link.section < document.sections.count ? document.sections[link.section].heading : ""
      let (kind, name): (String, String)
      switch reference.target {
      case .day(let date): (kind, name) = ("day", date.iso)
      case .name(let text): (kind, name) = ("name", text)
      case .this: (kind, name) = ("this", "")
      }
      try statement.execute(arguments: [
        entryID, link.line, link.section, heading, link.context, kind, name, reference.heading,
        reference.anchor,
      ])
    }
  }

  /// The reference a row says.
  static func reference(_ row: Row) -> LinkReference? {
    let name: String = row["to_name"]
    let target: LinkReference.Target
    switch row["to_kind"] as String {
    case "day":
      guard let date = JournalDate(iso: name) else { return nil }
      target = .day(date)
    case "name": target = .name(name)
    case "this": target = .this
    default: return nil
    }
    return LinkReference(target: target, heading: row["to_heading"], anchor: row["to_anchor"])
  }

  /// Every entry's title and headings, as the index holds them.
  static func linkTargets(_ db: Database) throws -> [(id: Int64, target: LinkTargets.Target)] {
    var headings: [Int64: [LinkTargets.Target.Heading]] = [:]
    let sections = try Row.fetchCursor(
      db,
      sql: """
        SELECT entry_id, heading, anchor FROM section WHERE level > 0 AND anchor != ''
        ORDER BY entry_id, position
        """)
    while let row = try sections.next() {
      headings[row[0], default: []].append(.init(text: row[1], anchor: row[2]))
    }
    var targets: [(Int64, LinkTargets.Target)] = []
    let entries = try Row.fetchCursor(
      db, sql: "SELECT id, date, title FROM entry WHERE problem IS NULL ORDER BY date")
    while let row = try entries.next() {
      guard let date = JournalDate(iso: row[1] as String) else { continue }
      let id: Int64 = row[0]
      targets.append(
        (id, LinkTargets.Target(date: date, title: row[2], headings: headings[id] ?? [])))
    }
    return targets
  }

  /// Resolves every stored link against the titles and headings the index holds, writing only
  /// the rows whose resolution changed.
  static func resolveLinks(_ db: Database) throws {
    let targets = try linkTargets(db)
    let dates = Dictionary(uniqueKeysWithValues: targets.map { ($0.id, $0.target.date) })
    let table = LinkTargets(targets.map(\.target))
    let update = try db.cachedStatement(
      sql: """
        UPDATE link SET target = ?, target_anchor = ?, ambiguous = ?, problem = ? WHERE id = ?
        """)
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT id, entry_id, to_kind, to_name, to_heading, to_anchor, target, target_anchor,
          ambiguous, problem FROM link
        """)
    for row in rows {
      let entryID: Int64 = row["entry_id"]
      guard let source = dates[entryID], let reference = reference(row) else { continue }
      let values = columns(table.resolve(reference, from: source))
      let stored: [String?] = [
        row["target"], row["target_anchor"], row["ambiguous"], row["problem"],
      ]
      if stored != values {
        let id: Int64 = row["id"]
        try update.execute(arguments: [values[0], values[1], values[2], values[3], id])
      }
    }
  }

  /// The resolution the columns of `row` hold.
  static func resolution(_ row: Row) -> LinkResolution {
    if let target: String = row["target"], let date = JournalDate(iso: target) {
      return .entry(date, anchor: row["target_anchor"])
    }
    if let days: String = row["ambiguous"] {
      return .ambiguous(days.split(separator: " ").compactMap { JournalDate(iso: $0) })
    }
    return .missing(row["problem"] ?? "")
  }

  /// Every entry as a link target and every link, from the index (no file is read).
  public func linkGraph() throws -> LinkGraph {
    try read(query: "links") { db in
      let targets = try Self.linkTargets(db)
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT l.*, e.date AS source, e.path AS path FROM link l JOIN entry e ON e.id = l.entry_id
          ORDER BY e.date, l.line, l.id
          """)
      let edges = rows.compactMap { row -> LinkGraph.Edge? in
        guard let source = JournalDate(iso: row["source"] as String),
          let reference = Self.reference(row)
        else { return nil }
        return LinkGraph.Edge(
          source: source, path: row["path"], line: row["line"], heading: row["heading"],
          context: row["context"], reference: reference, resolution: Self.resolution(row))
      }
      return LinkGraph(entries: targets.map(\.target), edges: edges)
    }
  }

  /// A resolution as the columns (target, target_anchor, ambiguous, problem).
  static func columns(_ resolution: LinkResolution) -> [String?] {
    switch resolution {
    case .entry(let date, let anchor): return [date.iso, anchor, nil, nil]
    case .ambiguous(let days):
      return [nil, nil, days.map(\.iso).joined(separator: " "), resolution.problem]
    case .missing(let message): return [nil, nil, nil, message]
    }
  }
}
