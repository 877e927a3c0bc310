import ArgumentParser
import Foundation
import JournalCore
import JournalIndex

extension JournalCommand {
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List entries, newest first: date, title and section headings.",
      discussion: "Takes the same --on/--from/--to dates as search. Exit status 1 when empty.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var dates: DateOptions

    @Option(help: "Only entries with this tag (repeatable: all of them).")
    var tag: [String] = []

    @Option(help: "At most this many entries (0: all).")
    var limit = 0

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    struct EntryJSON: Encodable {
      struct SectionJSON: Encodable {
        var level: Int
        var heading: String
        var anchor: String
        var line: Int
      }
      var date: String
      var path: String
      var title: String
      var tags: [String]
      var sections: [SectionJSON]
      var problem: String?
    }

    func run() throws {
      let journal = try global.journal()
      let filter = try dates.filter()
      let tags = tag.map { TagNames.normalized($0) }
      let entries = try SearchIndex.reading(journal, check: EarlyIndexCheck.take(for: journal)) {
        try $0.entries(dates: filter, tags: tags, limit: limit > 0 ? limit : nil)
      }
      let out = Terminal.standardOutput
      switch format {
      case .json, .jsonl:
        let items = entries.map { e in
          EntryJSON(
            date: e.date.iso, path: e.path, title: e.title, tags: e.tags,
            sections: e.sections.map {
              .init(level: $0.level, heading: $0.heading, anchor: $0.anchor, line: $0.line)
            }, problem: e.problem)
        }
        if format == .json {
          out.write(try JSONOutput.encode(items) + "\n")
        } else {
          for item in items { out.write(try JSONOutput.encode(item) + "\n") }
        }
      default:
        let style = TextStyle.forStandardOutput()
        for entry in entries {
          var line = style.bold(entry.date.iso) + "  " + style.cyan(entry.title)
          if !entry.tags.isEmpty {
            line += "  " + style.dim(entry.tags.map { "#" + $0 }.joined(separator: " "))
          }
          out.write(line + "\n")
          if let problem = entry.problem { out.write("    " + style.yellow("! \(problem)") + "\n") }
          let shallowest = entry.sections.map(\.level).min() ?? 1
          for section in entry.sections
          where !(entry.sections.count == 1 && section.heading == entry.title) {
            let indent = String(repeating: "  ", count: section.level - shallowest + 2)
            out.write(indent + section.heading + "\n")
          }
        }
      }
      if entries.isEmpty { throw JournalError(.notFound, "no entries") }
    }
  }
}
