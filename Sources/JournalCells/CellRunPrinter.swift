import Foundation
import JournalCore

/// Turns a run's events into the text `journal run-entry` prints: a progress line per cell
/// (cell N of M, elapsed time), the cell's output as it comes, its value, figures and error.
public struct CellRunPrinter: Sendable {
  /// The entry's path, used in progress lines and error locations.
  public var entryPath: String
  /// Where text goes: standard output or error.
  public var write: @Sendable (CellStreamName, String) -> Void

  public init(entryPath: String, write: @escaping @Sendable (CellStreamName, String) -> Void) {
    self.entryPath = entryPath
    self.write = write
  }

  public func print(_ event: CellRunner.Event) {
    switch event {
    case .reused(let index, let total, let cell):
      write(
        .stdout,
        "\(entryPath): cell \(index + 1) of \(total) (line \(cell.line)): "
          + "frozen output is up to date\n")
      printBody(cell.output, streams: true)
    case .started(let index, let total, let line):
      write(.stdout, "\(entryPath): cell \(index + 1) of \(total) (line \(line))\n")
    case .output(_, let stream, let text):
      write(stream, text)
    case .finished(let index, let total, let output, let elapsed, let errorAllowed):
      printBody(output, streams: false)
      let status: String
      if let error = output.error, errorAllowed {
        status = "raised \(error.type) (recorded: error=true)"
      } else if let error = output.error {
        let place =
          error.innermostFrame(in: entryPath).map { "\(entryPath):\($0.line)" }
          ?? entryPath
        status = "failed: \(error.type) at \(place)"
      } else {
        status = "done"
      }
      write(
        .stdout,
        "\(entryPath): cell \(index + 1) of \(total) \(status) in "
          + "\(CellRunPrinter.seconds(output.duration)) (\(CellRunPrinter.seconds(elapsed)) "
          + "elapsed)\n")
    }
  }

  /// The value, figures and error (and, for frozen outputs, the streams).
  private func printBody(_ output: CellOutput, streams: Bool) {
    if streams {
      if !output.stdout.isEmpty { write(.stdout, output.stdout) }
      if !output.stderr.isEmpty { write(.stderr, output.stderr) }
    }
    if let value = output.value { write(.stdout, "Out: \(value)\n") }
    for (n, svg) in output.figures.enumerated() {
      write(.stdout, "[figure \(n + 1): SVG, \(svg.utf8.count) bytes]\n")
    }
    if let error = output.error { write(.stderr, error.formatted) }
  }

  /// `0.42 s`, `12.3 s`, `2 min 05 s`.
  public static func seconds(_ value: Double) -> String {
    if value < 10 { return String(format: "%.2f s", value) }
    if value < 60 { return String(format: "%.1f s", value) }
    let whole = Int(value.rounded())
    return String(format: "%d min %02d s", whole / 60, whole % 60)
  }
}
