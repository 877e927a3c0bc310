import GRDB
import JournalCore

/// Which entries a query looks at: a span of dates, and tags each entry must all carry. One value
/// renders the condition for every query that filters entries (`search`, `list`, `tags`).
public struct EntryFilter: Sendable, Hashable {
  public var dates: DateFilter
  /// Tag names as `TagNames.normalized` gives them; an entry must carry every one.
  public var tags: [String]
  /// Days an entry must link to, every one (`search --links-to`).
  public var linksTo: [JournalDate]

  public init(dates: DateFilter = DateFilter(), tags: [String] = [], linksTo: [JournalDate] = []) {
    self.dates = dates
    self.tags = tags.map { TagNames.normalized($0) }
    self.linksTo = linksTo
  }

  /// Whether every entry passes.
  public var isEmpty: Bool {
    dates.from == nil && dates.to == nil && tags.isEmpty && linksTo.isEmpty
  }

  /// The condition on rows of the `entry` table named `alias`, with its arguments bound.
  func condition(on alias: String) -> SQL {
    let entry = SQL(sql: alias)
    var parts: [SQL] = []
    if let from = dates.from { parts.append("\(entry).date >= \(from.iso)") }
    if let to = dates.to { parts.append("\(entry).date <= \(to.iso)") }
    for tag in tags {
      parts.append("\(entry).id IN (SELECT entry_id FROM tag WHERE name = \(tag))")
    }
    for day in linksTo {
      // Links of an entry to itself (`[[#Setup]]`) do not count.
      parts.append(
        "\(entry).id IN (SELECT entry_id FROM link WHERE target = \(day.iso)) "
          + "AND \(entry).date != \(day.iso)")
    }
    return parts.isEmpty ? "1" : parts.joined(separator: " AND ")
  }
}
