import ArgumentParser
import Foundation
import JournalKit

extension Journal {
  struct Exec: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a script in the cell language (a Python subset) on the embedded engine.",
      discussion: """
        Runs SCRIPT.py as Python 3.11 would, within the subset that journal cells support, \
        with no Python installed. Output goes to standard output; an uncaught exception prints \
        its traceback on standard error and exits with code 1. The script may read files in \
        its own folder, in journal/data/ of the journal (when there is one) and in the folders \
        of JOURNAL_DATA (colon-separated); it cannot write files, open connections or start \
        processes.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Stop the script after this many seconds.")
    var timeout: Double = 600

    @Argument(help: "The script to run.", completion: .file(extensions: ["py"]))
    var script: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments passed to the script as sys.argv[1:].")
    var arguments: [String] = []

    func run() throws {
      let journal = try? JournalKit.Journal.locate(explicit: global.journalPath)
      let runner = ScriptRunner(
        dataFolders: ScriptRunner.dataFolders(journal: journal), timeLimit: timeout)
      let out = BufferedOutput(Terminal.standardOutput)
      let status = try JournalKit_run {
        try runner.run(
          scriptAt: URL(fileURLWithPath: script), displayPath: script, arguments: arguments,
          output: { out.write($0) },
          errorOutput: { text in out.flush(); Terminal.standardError.write(text) })
      }
      out.flush()
      if status != 0 { throw ExitCode(status) }
    }
  }
}

/// Collects small writes (one per `print`) into large ones; flushes at each newline when the
/// stream is a terminal, so interactive output is not delayed.
final class BufferedOutput {
  private let stream: Terminal.Stream
  private var buffer = ""
  private let lineBuffered: Bool

  init(_ stream: Terminal.Stream) {
    self.stream = stream
    lineBuffered = isatty(stream.fd) != 0
  }

  func write(_ text: String) {
    buffer += text
    if buffer.utf8.count >= 1 << 16 || (lineBuffered && text.contains("\n")) { flush() }
  }

  func flush() {
    guard !buffer.isEmpty else { return }
    stream.write(buffer)
    buffer = ""
  }
}
