import Foundation
import JournalCore

/// While a cell runs, a status line on a terminal, redrawn every second with the time the cell
/// has taken so far, so that a long training loop visibly makes progress:
///
///     … journal/2018/2018-09-17.md: cell 3 of 6 (line 92) running, 1 min 05 s
///
/// It is only for a person watching: `journal run-entry` shows it on standard error when that
/// is a terminal, erases it before anything else is written, and it is never part of a cell's
/// output (nothing frozen changes).
public final class CellStatusLine: @unchecked Sendable {
  private let lock = NSLock()
  private let write: @Sendable (String) -> Void
  private let interval: Double
  private var timer: DispatchSourceTimer?
  private var label: String?
  private var start = Date()
  private var shown = false

  /// - Parameters:
  ///   - interval: seconds between redraws.
  ///   - write: writes raw text to the terminal (standard error).
  public init(interval: Double = 1, write: @escaping @Sendable (String) -> Void) {
    self.interval = interval
    self.write = write
  }

  deinit { timer?.cancel() }

  /// Starts showing `label` (e.g. the entry and cell) with the time since now.
  public func begin(_ label: String) {
    lock.withLock {
      self.label = label
      start = Date()
    }
    let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
    timer.schedule(deadline: .now() + interval, repeating: interval)
    timer.setEventHandler { [weak self] in self?.redraw() }
    lock.withLock {
      self.timer?.cancel()
      self.timer = timer
    }
    timer.resume()
  }

  /// Stops and erases the line.
  public func end() {
    lock.withLock {
      timer?.cancel()
      timer = nil
      label = nil
      eraseLocked()
    }
  }

  /// Writes `text` with the status line out of the way; it comes back at the next redraw.
  public func passThrough(_ body: () -> Void) {
    lock.withLock {
      eraseLocked()
      body()
    }
  }

  /// The line as it is drawn after `seconds`.
  public static func text(_ label: String, seconds: Double) -> String {
    let whole = Int(seconds)
    let time = whole < 60 ? "\(whole) s" : String(format: "%d min %02d s", whole / 60, whole % 60)
    return "… \(label) running, \(time)"
  }

  func redraw() {
    lock.withLock {
      guard let label else { return }
      // \r and erase-to-end-of-line: the line is rewritten in place.
      write("\r\u{1B}[K" + CellStatusLine.text(label, seconds: Date().timeIntervalSince(start)))
      shown = true
    }
  }

  private func eraseLocked() {
    guard shown else { return }
    write("\r\u{1B}[K")
    shown = false
  }
}
