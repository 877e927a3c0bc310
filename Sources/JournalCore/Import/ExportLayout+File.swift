import Foundation
import Yams

extension ExportLayout {
  /// `journal/export.yml`, relative to the journal root.
  public static let relativePath = "journal/export.yml"

  /// The YAML text of the layout file.
  public func yaml() throws -> String {
    var pairs: [(Node, Node)] = []
    let orderName: String
    switch order {
    case .newestFirst: orderName = "newest-first"
    case .oldestFirst: orderName = "oldest-first"
    case .sequence: orderName = "sequence"
    }
    pairs.append(("order", Node(orderName)))
    pairs.append(("date-style", Node(dateStyle.rawValue)))
    if lineTerminator != "\n" {
      pairs.append(("line-terminator", Node(lineTerminator, Tag(.str), .doubleQuoted)))
    }
    if case .sequence(let runs) = order {
      let items = runs.map { Node($0.parts == 1 ? $0.date.iso : "\($0.date.iso) x\($0.parts)") }
      pairs.append(("sequence", Node.sequence(Node.Sequence(items))))
    }
    if !overrides.isEmpty {
      let items: [(Node, Node)] = overrides.keys.sorted(by: >).map { date in
        let o = overrides[date]!
        let fields: [(Node, Node)] = [
          ("separator", Node(o.separatorLine, Tag(.str), .doubleQuoted)),
          ("date-line", Node(o.dateLine, Tag(.str), .doubleQuoted)),
        ]
        return (Node(date.iso), Node.mapping(Node.Mapping(fields)))
      }
      pairs.append(("overrides", Node.mapping(Node.Mapping(items))))
    }
    let body = try Yams.serialize(node: Node.mapping(Node.Mapping(pairs)), allowUnicode: true)
    return
      "# How `journal export` reassembles the single-file journal. Written by `journal import`;\n"
      + "# see README.md, \"Import and export\".\n" + body
  }

  /// Reads the layout file; a missing file means the default layout.
  public static func load(from journal: Journal) throws -> ExportLayout {
    let url = journal.url(for: relativePath)
    guard FileManager.default.fileExists(atPath: url.path) else { return ExportLayout() }
    let text = try FileSystem.readText(at: url, displayPath: relativePath)
    func bad(_ message: String) -> JournalError {
      JournalError(.invalidInput, message, file: relativePath)
    }
    try YAMLBudget().check(text, file: relativePath, firstLine: 1)
    guard let node = try? Yams.compose(yaml: text), let map = node.mapping else {
      throw bad("not a YAML mapping")
    }
    var layout = ExportLayout()
    if let style = map["date-style"]?.string {
      guard let s = DateStyle(rawValue: style) else { throw bad("unknown date-style '\(style)'") }
      layout.dateStyle = s
    }
    if let t = map["line-terminator"]?.string { layout.lineTerminator = t }
    switch map["order"]?.string ?? "newest-first" {
    case "newest-first": layout.order = .newestFirst
    case "oldest-first": layout.order = .oldestFirst
    case "sequence":
      var runs: [Run] = []
      for item in map["sequence"]?.sequence ?? [] {
        let words = (item.string ?? "").split(separator: " ")
        guard let first = words.first, let date = JournalDate(iso: first) else {
          throw bad("bad sequence item '\(item.string ?? "")'")
        }
        let parts = words.count > 1 ? Int(words[1].dropFirst()) ?? 1 : 1
        runs.append(Run(date: date, parts: parts))
      }
      layout.order = .sequence(runs)
    case let other: throw bad("unknown order '\(other)'")
    }
    for (key, value) in map["overrides"]?.mapping ?? [:] {
      guard let date = key.string.flatMap({ JournalDate(iso: $0) }),
        let sep = value.mapping?["separator"]?.string,
        let line = value.mapping?["date-line"]?.string
      else { throw bad("bad override '\(key.string ?? "")'") }
      layout.overrides[date] = Override(separatorLine: sep, dateLine: line)
    }
    return layout
  }
}
