import ArgumentParser
import Foundation
import JournalCore

extension JournalCommand {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Split a single-file journal into one file per day.",
      discussion: """
        FILE holds a header, then entries: each a '---' line followed by a date line \
        (`September 26, 2018`, `2018-09-26`, 2018-09-26 or ### 2018-09-26) and the entry's \
        Markdown. The header becomes journal/README.md; each day becomes \
        journal/YYYY/YYYY-MM-DD.md (two entries of one date share that day's file, in order).

        Import is lossless and all-or-nothing: 'journal export' gives back FILE byte for byte, \
        and a bad date line, bytes that are not UTF-8, or an existing day file with other \
        content stop the import with file:line and nothing written.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The single-file journal to import.", completion: .file())
    var file: String

    @Flag(help: "Overwrite existing files whose content differs (they are listed).")
    var force = false

    func run() throws {
      let journal = try importTarget()
      let url = URL(fileURLWithPath: file)
      let report = try Importer(journal: journal, force: force).importFile(
        at: url, displayPath: file)
      for path in report.overwritten { print("overwrote \(path)") }
      let range = report.dates.first.map { "\($0.iso) to \(report.dates.last!.iso)" } ?? "none"
      print(
        "imported \(report.entryCount) entries into \(report.dates.count) day files "
          + "(\(range)): \(report.written.count) written, \(report.unchanged.count) unchanged")
    }

    /// Import may create the journal: without --journal or JOURNAL_DIR and with no journal
    /// upward, it imports into the current folder.
    func importTarget() throws -> Journal {
      if global.journalPath == nil, ProcessInfo.processInfo.environment["JOURNAL_DIR"] == nil,
        (try? Journal.locate(explicit: nil)) == nil
      {
        return Journal(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
      }
      if let path = global.journalPath, !FileManager.default.fileExists(atPath: path) {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      }
      return try global.journal()
    }
  }
}
