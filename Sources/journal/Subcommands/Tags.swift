import ArgumentParser
import Foundation
import JournalCore
import JournalIndex

extension JournalCommand {
  struct Tags: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "tags",
      abstract: "List tags with the number of entries carrying each, most used first.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var dates: DateOptions

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    struct TagJSON: Encodable {
      var tag: String
      var count: Int
    }

    func run() throws {
      let journal = try global.journal()
      let filter = try dates.filter()
      let counts = try SearchIndex.reading(journal, check: EarlyIndexCheck.take(for: journal)) {
        try $0.tagCounts(dates: filter)
      }
      let out = Terminal.standardOutput
      if format == .json || format == .jsonl {
        out.write(
          try JSONOutput.encode(counts.map { TagJSON(tag: $0.tag, count: $0.count) }) + "\n")
      } else {
        let width = String(counts.first?.count ?? 0).count
        for (tag, count) in counts {
          let n = String(count)
          out.write(String(repeating: " ", count: width - n.count) + n + "  " + tag + "\n")
        }
      }
      if counts.isEmpty { throw JournalError(.notFound, "no tags") }
    }
  }
}
