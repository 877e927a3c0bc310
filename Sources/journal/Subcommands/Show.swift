import ArgumentParser
import Foundation
import JournalCore
import JournalIndex

extension JournalCommand {
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show an entry rendered for the terminal.",
      discussion: """
        DATE is a day (2018-09-26, Sep 26 2018, yesterday, last friday, 3 days ago) or a span
        (2018-09, "last week"): every entry in it is shown, oldest first. Headings, emphasis
        and code are styled on a terminal; math stays TeX. Exit status 1 when there is no
        entry.
        """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print the file as it is, without styling.")
    var raw = false

    @Argument(help: "The day or span to show.")
    var date: [String]

    func run() throws {
      let journal = try global.journal()
      let range = try DateExpression.parse(date.joined(separator: " "))
      _ = try SearchIndex.openUpdated(journal, check: EarlyIndexCheck.take(for: journal))
      // One day is one known path: no need to list the whole journal.
      let entries =
        range.isSingleDay
        ? try journal.entry(on: range.first).map { [$0] } ?? []
        : try journal.entries(from: range.first, to: range.last)
      guard !entries.isEmpty else {
        throw JournalError(
          .notFound,
          range.isSingleDay
            ? "no entry on \(range.first.iso)"
            : "no entries from \(range.first.iso) to \(range.last.iso)")
      }
      let renderer = TerminalRenderer(style: TextStyle.forStandardOutput())
      let pipeline = MarkdownPipeline(options: .textOnly)
      let out = Terminal.standardOutput
      for (n, entry) in entries.enumerated() {
        if n > 0 { out.write("\n") }
        out.write(raw ? entry.source : renderer.render(entry, pipeline.document(for: entry)))
      }
    }
  }
}
