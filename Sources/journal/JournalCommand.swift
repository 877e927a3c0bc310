import ArgumentParser
import Foundation
import JournalCore
import JournalIndex

@main
struct JournalCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "journal",
    abstract:
      "A Markdown journal: one file per day, a full-text index, a static site, runnable experiments.",
    discussion: """
      The journal is a folder holding journal/YYYY/YYYY-MM-DD.md files. Commands find it through \
      --journal PATH, else the JOURNAL_DIR environment variable, else the nearest folder upward \
      from the current one that contains a journal/ folder.
      """,
    version: JournalVersion.current,
    subcommands: [
      Init.self, Import.self, Export.self, Add.self, New.self, Edit.self, Search.self, List.self,
      Show.self, Links.self,
      Graph.self, Tags.self, Check.self,
      Index.self, Build.self, Serve.self, RunEntry.self, Status.self, Exec.self, Render.self,
    ]
  )

  /// Parses the command line, runs the command, and turns whatever it throws into one line on
  /// standard error and an exit code (`exit(reporting:)`).
  static func main() async {
    let arguments = Array(CommandLine.arguments.dropFirst())
    EarlyIndexCheck.start(for: arguments)
    do {
      var command = try parseAsRoot(arguments)
      if var command = command as? AsyncParsableCommand {
        try await command.run()
      } else {
        try command.run()
      }
    } catch {
      exit(reporting: error)
    }
  }

  /// Every error of every command ends here. A `JournalError` is one `journal: file:line:
  /// message` line, exit status 2 for a usage error and 1 otherwise; an `ExitCode` is a status
  /// whose reason was already printed; anything else (a bad option, `--help`, `--version`) is
  /// ArgumentParser's to print.
  static func exit(reporting error: Error) -> Never {
    switch error {
    case let error as JournalError:
      Terminal.standardError.write("journal: \(error)\n")
      Foundation.exit(error.code == .usage ? 2 : 1)
    case let code as ExitCode:
      Foundation.exit(code.rawValue)
    default:
      exit(withError: error)
    }
  }
}

/// The index check of a read command, started before its command line is parsed so that the
/// two overlap (a `stat` of every day file of a large journal takes as long as parsing).
///
/// The journal is located as `GlobalOptions` will locate it; the index uses the check only if
/// it is for the same journal, so a wrong guess costs the wasted check and nothing else.
enum EarlyIndexCheck {
  /// The commands that read the index without writing a day file first.
  static let readCommands: Set<String> = [
    "search", "list", "show", "tags", "index", "links", "graph",
  ]

  nonisolated(unsafe) private static var started: (root: String, check: SearchIndex.PendingCheck)?

  static func start(for arguments: [String]) {
    guard let command = arguments.first, readCommands.contains(command),
      !arguments.contains("--rebuild")
    else { return }
    var explicit: String?
    var rest = arguments.dropFirst()
    while let argument = rest.popFirst(), argument != "--" {
      if argument == "--journal" {
        explicit = rest.first
        break
      }
      if argument.hasPrefix("--journal=") {
        explicit = String(argument.dropFirst("--journal=".count))
        break
      }
    }
    guard let journal = try? Journal.locate(explicit: explicit),
      let check = SearchIndex.startCheck(journal)
    else { return }
    started = (journal.rootPath, check)
  }

  /// The check started for `journal`, if any; taken, so that a later read starts its own.
  static func take(for journal: Journal) -> SearchIndex.PendingCheck? {
    guard let (root, check) = started, root == journal.rootPath else { return nil }
    started = nil
    return check
  }
}

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .customLong("journal"),
    help: ArgumentHelp(
      "The journal folder (the one containing journal/).",
      discussion: "Default: $JOURNAL_DIR, else the nearest folder upward containing journal/.",
      valueName: "path"))
  var journalPath: String?

  /// Locates the journal and reads its `journal.yml`, warning about keys it does not know.
  func journal() throws -> Journal {
    let journal = try Journal.locate(explicit: journalPath)
    for warning in journal.config.warnings { Terminal.warn(warning, prefix: "warning: ") }
    return journal
  }
}

enum Terminal {
  struct Stream: Sendable {
    let fd: Int32
    func write(_ text: String) {
      var text = text
      text.withUTF8 { _ = FileSystem.writeAll(UnsafeRawBufferPointer($0), to: fd) }
    }
  }
  static let standardError = Stream(fd: 2)
  static let standardOutput = Stream(fd: 1)

  /// A problem that does not stop the command (a misnamed day file, a broken entry left out of
  /// the site): one line on standard error.
  static func warn(_ problem: JournalError, prefix: String = "") {
    standardError.write("journal: \(prefix)\(problem)\n")
  }
}
