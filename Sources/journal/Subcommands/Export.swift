import ArgumentParser
import Foundation
import JournalCore

extension JournalCommand {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Reassemble the journal as one Markdown file.",
      discussion: """
        Writes journal/README.md, then every day, each opened by a '---' line and its date line, \
        in the order and style recorded by 'journal import' (journal/export.yml; default: newest \
        first, `September 26, 2018`). A journal that was imported and not edited exports byte \
        for byte as it was imported.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(
      name: [.short, .long], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func run() throws {
      let journal = try global.journal()
      let text = try Exporter(journal: journal).export()
      if let output {
        try FileSystem.writeAtomically(text, to: URL(fileURLWithPath: output))
      } else {
        Terminal.standardOutput.write(text)
      }
    }
  }
}
