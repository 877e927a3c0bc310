import ArgumentParser
import Foundation
import JournalCore

extension JournalCommand {
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "Start a new journal in a folder (the current one by default).",
      discussion: """
        Creates the folder if needed, journal.yml with every setting commented out, an empty \
        journal/ folder for the day files, and a .gitignore for what journal rebuilds \
        (.journal/ and _site/). Creates only what is missing; a folder that has a journal.yml \
        already is refused.
        """)

    @Argument(help: "The journal's folder.", completion: .directory)
    var path: String = "."

    func run() throws {
      let root = URL(fileURLWithPath: path).standardizedFileURL
      let created = try Journal.create(at: root)
      for item in created { print("created \(item)") }
      print("a new journal in \(root.path): add a day with 'journal new' or 'journal add'")
    }
  }
}
