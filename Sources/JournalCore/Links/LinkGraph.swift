import Foundation

/// The journal's links between entries: every wiki link and Markdown link to a day file, with
/// what it resolves to. The index stores it (`SearchIndex.linkGraph`, for `journal links` and
/// `journal graph`); `init(documents:)` builds it from parsed entries.
public struct LinkGraph: Sendable {
  public struct Edge: Sendable {
    public var source: JournalDate
    /// The linking entry's file, relative to the journal root.
    public var path: String
    public var line: Int
    /// The heading of the section the link is in (empty before the first heading).
    public var heading: String
    public var context: String
    public var reference: LinkReference
    public var resolution: LinkResolution

    /// The day the link points to, when it resolves.
    public var target: JournalDate? {
      if case .entry(let day, _) = resolution { return day }
      return nil
    }

    public init(
      source: JournalDate, path: String, line: Int, heading: String, context: String,
      reference: LinkReference, resolution: LinkResolution
    ) {
      self.source = source
      self.path = path
      self.line = line
      self.heading = heading
      self.context = context
      self.reference = reference
      self.resolution = resolution
    }
  }

  /// Every entry, oldest first, as a link target.
  public var entries: [LinkTargets.Target]
  /// Every link, by source entry and line.
  public var edges: [Edge]

  public init(entries: [LinkTargets.Target], edges: [Edge]) {
    self.entries = entries
    self.edges = edges
  }

  /// The graph of `documents` (every entry of a journal, in date order).
  public init(documents: [Document]) {
    let targets = documents.map(LinkTargets.Target.init(document:))
    let table = LinkTargets(targets)
    var edges: [Edge] = []
    for document in documents {
      for link in document.links {
        guard let reference = link.reference else { continue }
        let section = link.section < document.sections.count ? document.sections[link.section] : nil
        edges.append(
          Edge(
            source: document.date, path: document.path, line: link.line,
            heading: section?.heading ?? "", context: link.context, reference: reference,
            resolution: table.resolve(reference, from: document.date)))
      }
    }
    self.init(entries: targets, edges: edges)
  }

  /// Links from `date` to entries (itself included).
  public func outgoing(_ date: JournalDate) -> [Edge] { edges.filter { $0.source == date } }

  /// Links to `date` from other entries.
  public func incoming(_ date: JournalDate) -> [Edge] {
    edges.filter { $0.target == date && $0.source != date }
  }

  /// The graph in Graphviz's language: one node per entry (its title as label), one edge per
  /// linked pair of entries.
  public func dot() -> String {
    func escaped(_ text: String) -> String {
      text.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: " ")
    }
    func quoted(_ text: String) -> String { "\"" + escaped(text) + "\"" }
    var out = "digraph journal {\n  node [shape=box];\n"
    for entry in entries {
      out +=
        "  \(quoted(entry.date.iso)) [label=\"\(entry.date.iso)\\n\(escaped(entry.title))\"];\n"
    }
    for (source, target) in pairs() {
      out += "  \(quoted(source.iso)) -> \(quoted(target.iso));\n"
    }
    return out + "}\n"
  }

  /// Each linked pair of different entries once, in source order.
  public func pairs() -> [(JournalDate, JournalDate)] {
    var seen = Set<[JournalDate]>()
    var result: [(JournalDate, JournalDate)] = []
    for edge in edges {
      guard let target = edge.target, target != edge.source,
        seen.insert([edge.source, target]).inserted
      else { continue }
      result.append((edge.source, target))
    }
    return result
  }
}
