import ArgumentParser
import Foundation
import JournalCells
import JournalCore

extension JournalCommand {
  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "status",
      abstract: "List entries whose cell outputs are missing, stale or failed.",
      discussion: """
        An entry's frozen outputs (journal/.outputs/YYYY-MM-DD/) are stale when a cell or a \
        cell before it was edited, or when a data file they read changed. Refresh them with \
        'journal run-entry DATE'.
        """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let journal = try global.journal()
      for line in try OutputsStatus.report(for: journal) { print(line) }
    }
  }
}
