import Foundation
import JournalCore
import Synchronization

/// Runs the cells of several entries, `jobs` entries at a time (`journal run-entry --all
/// --jobs N`), each printed as `CellRunPrinter` prints it: as it comes when one entry runs at a
/// time, whole when its run ends when several do, so that their texts never interleave.
public struct CellRunQueue: Sendable {
  public var runner: CellRunner
  /// Entries run at once.
  public var jobs: Int
  /// With one entry at a time, redraw a status line on standard error while a cell runs (for a
  /// terminal that understands `\r` and erasing a line).
  public var showsStatusLine: Bool

  public init(runner: CellRunner, jobs: Int = 1, showsStatusLine: Bool = false) {
    self.runner = runner
    self.jobs = jobs
    self.showsStatusLine = showsStatusLine
  }

  /// Runs every document's cells; `write` receives everything to print, and `failed` each
  /// failure (`file:line: cell N failed: Type: message`) once its entry's text is written.
  /// Returns the failures.
  @discardableResult
  public func run(
    _ documents: [Document], write: @escaping @Sendable (CellStreamName, String) -> Void,
    failed: @escaping @Sendable (String) -> Void = { _ in }
  ) -> [String] {
    let state = Mutex((next: 0, failures: [String]()))
    // Whole entries are printed under this lock, so their texts never interleave.
    let printing = Mutex(())
    let workers = min(jobs, max(documents.count, 1))
    let runner = self.runner
    let showsStatusLine = self.showsStatusLine
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let taken: Int? = state.withLock { state in
          guard state.next < documents.count else { return nil }
          defer { state.next += 1 }
          return state.next
        }
        guard let i = taken else { return }
        let document = documents[i]
        // With several entries at once, each entry's text is printed whole when it ends.
        let buffer = workers > 1 ? HeldText() : nil
        // One entry at a time on a terminal: a status line shows a long cell is still going.
        let status =
          buffer == nil && showsStatusLine ? CellStatusLine { write(.stderr, $0) } : nil
        let printer = CellRunPrinter(entryPath: document.path) { stream, text in
          if let buffer {
            buffer.append(stream, text)
          } else if let status {
            status.passThrough { write(stream, text) }
          } else {
            write(stream, text)
          }
        }
        let message = Self.run(document, runner: runner, printer: printer, status: status)
        printing.withLock { _ in
          for (stream, text) in buffer?.take() ?? [] { write(stream, text) }
          if let message {
            failed(message)
            state.withLock { $0.failures.append(message) }
          }
        }
      }
    }
    return state.withLock { $0.failures }
  }

  /// Runs one entry, printing its progress; returns why it failed, if it did.
  private static func run(
    _ document: Document, runner: CellRunner, printer: CellRunPrinter, status: CellStatusLine?
  ) -> String? {
    let start = Date()
    do {
      let result = try runner.run(document) { event in
        if case .finished = event { status?.end() }
        printer.print(event)
        if case .started(let index, let total, let line) = event {
          status?.begin("\(document.path): cell \(index + 1) of \(total) (line \(line))")
        }
      }
      status?.end()
      printer.write(
        .stdout,
        "\(document.path): \(document.cells.count) cells, "
          + "\(result.ran.count) run, \(result.reused.count) frozen, in "
          + "\(CellRunPrinter.seconds(Date().timeIntervalSince(start)))\n")
      guard let (index, error) = result.failure else { return nil }
      let line = error.innermostFrame(in: document.path).map { ":\($0.line)" } ?? ""
      return "\(document.path)\(line): cell \(index + 1) failed: \(error.type): \(error.message)"
    } catch {
      return "\(error)"
    }
  }
}

/// Text held back until an entry's run ends.
private final class HeldText: Sendable {
  private let parts = Mutex([(CellStreamName, String)]())

  func append(_ stream: CellStreamName, _ text: String) {
    parts.withLock { $0.append((stream, text)) }
  }

  func take() -> [(CellStreamName, String)] { parts.withLock { $0 } }
}
