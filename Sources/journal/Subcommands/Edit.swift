import ArgumentParser
import Foundation
import JournalCore
import JournalIndex

extension JournalCommand {
  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit",
      abstract: "Open a day's entry in your editor, then bring the index up to date.",
      discussion: """
        DATE is one day (default: today) in any form show takes: 2018-09-26, yesterday, \
        "last friday", "Sep 26 2018"... The editor is $VISUAL, else $EDITOR, else vi; it is \
        run by /bin/sh with the file's path, so it may carry options ("code --wait"). When it \
        exits with status 0 the index is updated and the entry is read back: a front-matter \
        error is shown as file:line with exit status 1. Any other exit status leaves the index \
        as it was (exit status 1). A day with no entry yet is started by 'journal new'.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The day (default: today).")
    var date: [String] = []

    func run() throws {
      let journal = try global.journal()
      let day = try Edit.day(date)
      let path = Entry.relativePath(for: day)
      guard FileManager.default.fileExists(atPath: journal.path(for: path)) else {
        throw JournalError(
          .notFound, "no entry on \(day.iso): 'journal new \(day.iso)' starts one", file: path)
      }
      let status = try Edit.runEditor(on: path, journal: journal)
      guard status == 0 else { throw Edit.editorFailed(status, path: path, detail: "") }
      try Edit.index(day, path: path, journal: journal)
    }

    /// The one day `words` name (today when there are none).
    static func day(_ words: [String]) throws -> JournalDate {
      let text = words.isEmpty ? "today" : words.joined(separator: " ")
      let range = try DateExpression.parse(text)
      guard range.isSingleDay else {
        throw JournalError(.usage, "DATE must name one day, not \(JournalError.quote(text))")
      }
      return range.first
    }

    /// `$VISUAL`, else `$EDITOR`, else `vi` (empty values do not count).
    static var editor: String {
      let env = ProcessInfo.processInfo.environment
      return [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
    }

    /// Runs the editor on the journal file `path` and waits for it; returns its exit status.
    static func runEditor(on path: String, journal: Journal) throws -> Int32 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "\(editor) \"$1\"", "sh", journal.path(for: path)]
      do {
        try process.run()
      } catch {
        throw JournalError(.io, "cannot run /bin/sh for the editor: \(error)", file: path)
      }
      process.waitUntilExit()
      return process.terminationStatus
    }

    static func editorFailed(_ status: Int32, path: String, detail: String) -> JournalError {
      JournalError(
        .io, "the editor (\(editor)) exited with status \(status); the index is unchanged\(detail)",
        file: path)
    }

    /// Updates the index after an edit, then reads the entry back so a front-matter mistake is
    /// reported at its line.
    static func index(_ day: JournalDate, path: String, journal: Journal) throws {
      _ = try SearchIndex.openUpdated(journal, knownStale: true)
      _ = try journal.read(day, path: path).entry()
      print("indexed \(path)")
    }
  }
}
