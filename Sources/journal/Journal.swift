import ArgumentParser
import Foundation
import JournalKit

@main
struct Journal: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "journal",
    abstract: "A Markdown journal: one file per day, a full-text index, a static site, runnable experiments.",
    discussion: """
      The journal is a folder holding journal/YYYY/YYYY-MM-DD.md files. Commands find it through \
      --journal PATH, else the JOURNAL_DIR environment variable, else the nearest folder upward \
      from the current one that contains a journal/ folder.
      """,
    version: JournalKitInfo.version,
    subcommands: [
      Import.self, Export.self, Add.self, Search.self, List.self, Show.self, Tags.self,
      Index.self, Build.self, Serve.self, RunEntry.self, Status.self, Exec.self, Render.self,
    ]
  )

  static func main() async {
    startIndexCheck(CommandLine.arguments.dropFirst())
    await Self.main(nil)
  }

  /// The commands that read the index without writing a day file first: their index check can
  /// start before the command line is parsed.
  static let readCommands: Set<String> = ["search", "list", "show", "tags", "index"]

  /// Starts the index's freshness check (on a large journal, a `stat` of every day file) while
  /// ArgumentParser parses the command line, about 2 ms, rather than after. The journal is
  /// located as `GlobalOptions` will locate it; the index uses the check only if it is for the
  /// same journal, so a wrong guess costs the wasted check and nothing else.
  static func startIndexCheck(_ arguments: ArraySlice<String>) {
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
    guard let journal = try? JournalKit.Journal.locate(explicit: explicit) else { return }
    SearchIndex.startCheck(journal)
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

  /// Locates the journal, or exits with a one-line message.
  func journal() throws -> JournalKit.Journal {
    try run { try JournalKit.Journal.locate(explicit: journalPath) }
  }
}

/// Runs `body`, turning a `JournalError` into one line on standard error and an exit code:
/// 2 for usage errors, 1 for everything else.
func run<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as JournalError {
    Terminal.standardError.write("journal: \(error)\n")
    throw ExitCode(error.code == .usage ? 2 : 1)
  }
}

enum Terminal {
  struct Stream: Sendable {
    let fd: Int32
    func write(_ text: String) {
      var data = Array(text.utf8)
      var offset = 0
      while offset < data.count {
        let n = data.withUnsafeMutableBytes { Foundation.write(fd, $0.baseAddress! + offset, $0.count - offset) }
        if n <= 0 { return }
        offset += n
      }
    }
  }
  static let standardError = Stream(fd: 2)
  static let standardOutput = Stream(fd: 1)
}
