import ArgumentParser
import Foundation
import JournalCore
import JournalSite

extension JournalCommand {
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Report what is wrong in the journal, as file:line: message.",
      discussion: """
        Reports day files that cannot be read (bad UTF-8 or front matter), links to entries or
        headings that do not exist or are ambiguous, images and linked files that are missing
        or outside journal/, formulas TeX cannot typeset (unknown macros among them), and cells
        whose frozen outputs are missing, stale or failed (see `journal status`). Links and
        files are judged as `journal build` judges them. Nothing is written.

        Exit status: 0 when nothing is found, 1 otherwise.
        """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let journal = try global.journal()
      let problems = try JournalCheck(journal: journal).run()
      let out = Terminal.standardOutput
      for problem in problems { out.write(problem.description + "\n") }
      guard problems.isEmpty else {
        FileHandle.standardError.write(
          Data("journal: \(problems.count) problem\(problems.count == 1 ? "" : "s")\n".utf8))
        throw ExitCode(1)
      }
    }
  }
}
