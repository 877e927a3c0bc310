import ArgumentParser
import Foundation
import JournalCells
import JournalCore

extension JournalCommand {
  struct Exec: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "exec",
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

    @Option(
      name: .customLong("memory-limit"),
      help: ArgumentHelp(
        "Stop the script when its arrays and tensors hold more than this much memory.",
        discussion: "A size in bytes or with a unit (512M, 4G, 1.5GiB); 'none' for no limit.",
        valueName: "size"),
      transform: Exec.parseSize)
    var memoryLimit: Int? = 4 << 30

    @Argument(help: "The script to run.", completion: .file(extensions: ["py"]))
    var script: String

    @Argument(
      parsing: .captureForPassthrough, help: "Arguments passed to the script as sys.argv[1:].")
    var arguments: [String] = []

    func run() throws {
      let journal = try? Journal.locate(explicit: global.journalPath)
      var runner = ScriptRunner(
        dataFolders: ScriptRunner.dataFolders(journal: journal), timeLimit: timeout)
      runner.memoryLimit = memoryLimit
      let out = BufferedOutput(Terminal.standardOutput)
      // A run that must end the process (a tensor allocation far over --memory-limit) still
      // shows what the script printed before.
      outputToFlushAtExit = out
      atexit { outputToFlushAtExit?.flush() }
      let status = try runner.run(
        scriptAt: URL(fileURLWithPath: script), displayPath: script, arguments: arguments,
        output: { out.write($0) },
        errorOutput: { text in
          out.flush(); Terminal.standardError.write(text)
        })
      out.flush()
      if status != 0 { throw ExitCode(status) }
    }

    /// `4G`, `512M`, `1.5GiB`, `100000` (bytes), `none`.
    static func parseSize(_ text: String) throws -> Int? {
      let t = text.trimmingCharacters(in: .whitespaces).lowercased()
      if t == "none" || t == "unlimited" { return nil }
      let units: [(String, Double)] = [
        ("tib", 0x1p40), ("gib", 0x1p30), ("mib", 0x1p20), ("kib", 0x1p10),
        ("tb", 0x1p40), ("gb", 0x1p30), ("mb", 0x1p20), ("kb", 0x1p10),
        ("t", 0x1p40), ("g", 0x1p30), ("m", 0x1p20), ("k", 0x1p10), ("b", 1), ("", 1),
      ]
      for (suffix, scale) in units where t.hasSuffix(suffix) {
        let number = t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
        guard let v = Double(number), v > 0, v * scale < 0x1p62 else { break }
        return Int(v * scale)
      }
      throw ValidationError("invalid size '\(text)': use bytes or a unit, e.g. 512M or 4G")
    }
  }
}

nonisolated(unsafe) private var outputToFlushAtExit: BufferedOutput?

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
