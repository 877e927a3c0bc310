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
        'journal run-entry DATE'. Outputs whose cells are unchanged but whose data files are \
        in no data folder (journal/data/, JOURNAL_DATA) are listed as "data not found", not \
        stale. Exit code 1 when a cell failed.
        """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let journal = try global.journal()
      let report = try OutputsStatus.report(for: journal)
      for line in report.lines { print(line) }
      if report.failed { throw ExitCode(1) }
    }
  }
}
