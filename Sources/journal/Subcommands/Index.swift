import ArgumentParser
import Foundation
import JournalCore
import JournalIndex

extension JournalCommand {
  struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "index",
      abstract: "Bring the search index (.journal/index.sqlite) up to date.",
      discussion: """
        Every read command (search, list, show, tags) does this check first; run it yourself to
        see what changed. Unchanged files are recognised by size and mtime, then content hash.
        The index is a cache: --rebuild deletes it and builds it again from the Markdown files.

        Every day file is stat'ed on each check (an edit in place changes the file's mtime, not
        its folder's). Files written less than two seconds before an update are also checked by
        their bytes until an update finds them older, so two same-size edits within one mtime
        tick are still seen. Only an edit that keeps the size and sets the mtime back (touch -r,
        some sync tools) goes unseen: use --rebuild.
        """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Start over from an empty index.")
    var rebuild = false

    func run() throws {
      let journal = try global.journal()
      let start = DispatchTime.now()
      let (_, report) = try SearchIndex.openUpdated(
        journal, rebuild: rebuild, check: EarlyIndexCheck.take(for: journal))
      let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
      for problem in report.problems { Terminal.warn(problem, prefix: "warning: ") }
      print(
        "indexed \(report.total) day files in \(Int(ms.rounded())) ms: \(report.added) added, "
          + "\(report.changed) changed, \(report.deleted) deleted, \(report.renamed) renamed, "
          + "\(report.touched + report.unchanged) unchanged")
    }
  }
}
