import ArgumentParser
import Foundation
import JournalCore
import JournalIndex

extension JournalCommand {
  struct Links: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "links",
      abstract: "List an entry's links to other entries and the links to it.",
      discussion: """
        Links are wiki links ([[2018-09-17]], [[2018-09-17#Heading]], [[Title or heading]],
        [[target|text]]) and Markdown links to day files ([x](2018-09-17.md#anchor)). Each
        outgoing link is printed as file:line, what it says and where it goes (or why it goes
        nowhere); each incoming link with the sentence it is in. Exit status 1 when there is no
        entry on DATE.
        """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON: {\"date\", \"outgoing\": [...], \"incoming\": [...]}.")
    var json = false

    @Argument(help: "The entry's day (2018-09-26, today, yesterday, ...).")
    var date: [String]

    func run() throws {
      let journal = try global.journal()
      let range = try DateExpression.parse(date.joined(separator: " "))
      guard range.isSingleDay else {
        throw JournalError(.usage, "'\(date.joined(separator: " "))' is not one day")
      }
      let day = range.first
      let graph = try SearchIndex.reading(journal, check: EarlyIndexCheck.take(for: journal)) {
        try $0.linkGraph()
      }
      guard graph.entries.contains(where: { $0.date == day }) else {
        throw JournalError(.notFound, "no entry on \(day.iso)")
      }
      let outgoing = graph.outgoing(day), incoming = graph.incoming(day)
      let out = Terminal.standardOutput
      if json {
        func where_(_ edge: LinkGraph.Edge) -> [String: Any] {
          var item: [String: Any] = [
            "from": edge.source.iso, "path": edge.path, "line": edge.line,
            "link": edge.reference.written, "section": edge.heading, "context": edge.context,
          ]
          switch edge.resolution {
          case .entry(let target, let anchor):
            item["to"] = target.iso
            if let anchor { item["anchor"] = anchor }
          case .missing, .ambiguous:
            item["problem"] = edge.resolution.problem ?? ""
          }
          return item
        }
        let object: [String: Any] = [
          "date": day.iso, "outgoing": outgoing.map(where_), "incoming": incoming.map(where_),
        ]
        let data = try JSONSerialization.data(
          withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        out.write(String(decoding: data, as: UTF8.self) + "\n")
        return
      }
      out.write("links from \(day.iso): \(outgoing.count)\n")
      for edge in outgoing {
        let to: String
        switch edge.resolution {
        case .entry(let target, let anchor):
          to = "→ " + target.iso + (anchor.map { "#" + $0 } ?? "")
        case .missing, .ambiguous: to = "✗ " + (edge.resolution.problem ?? "")
        }
        out.write("  \(edge.path):\(edge.line): [[\(edge.reference.written)]] \(to)\n")
      }
      out.write("links to \(day.iso): \(incoming.count)\n")
      for edge in incoming {
        out.write("  \(edge.path):\(edge.line): \(edge.context)\n")
      }
    }
  }

  struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "graph",
      abstract: "Write the graph of links between entries, as JSON or Graphviz dot.",
      discussion: """
        JSON: {"nodes": [{"id": DATE, "title": ...}], "edges": [{"source": DATE, "target":
        DATE}]}, each linked pair once. dot: `journal graph --format dot | dot -Tsvg > g.svg`.
        """)

    @OptionGroup var global: GlobalOptions

    enum Format: String, ExpressibleByArgument { case json, dot }

    @Option(help: ArgumentHelp("json or dot.", valueName: "format"))
    var format: Format = .json

    func run() throws {
      let journal = try global.journal()
      let graph = try SearchIndex.reading(journal, check: EarlyIndexCheck.take(for: journal)) {
        try $0.linkGraph()
      }
      let out = Terminal.standardOutput
      switch format {
      case .dot: out.write(graph.dot())
      case .json:
        let object: [String: Any] = [
          "nodes": graph.entries.map { ["id": $0.date.iso, "title": $0.title] },
          "edges": graph.pairs().map { ["source": $0.0.iso, "target": $0.1.iso] },
        ]
        let data = try JSONSerialization.data(
          withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        out.write(String(decoding: data, as: UTF8.self) + "\n")
      }
    }
  }
}
