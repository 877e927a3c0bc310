import Foundation
import JournalCore
import Synchronization

/// `journal serve`'s builds: the first one, then one each time the site's sources change, one
/// at a time, each bumping the version that open pages poll to reload themselves. A failed
/// build is reported and the previous site stays served.
public final class SitePreview: Sendable {
  /// What a build said, for the terminal.
  public enum Message: Sendable {
    /// `built N entries in T ms: ...`.
    case built(String)
    /// A build failed, or an entry was left out of it.
    case problem(JournalError)
  }

  public let builder: SiteBuilder
  private let log: @Sendable (Message) -> Void
  private let counter = Mutex(0)
  /// Held while a build runs, so that builds never overlap.
  private let building = Mutex(())

  public init(builder: SiteBuilder, log: @escaping @Sendable (Message) -> Void) {
    self.builder = builder
    self.log = log
  }

  /// How many builds succeeded: open pages reload when it changes.
  public var version: Int { counter.withLock { $0 } }

  /// Builds the site; true when it was built.
  @discardableResult
  public func rebuild() -> Bool {
    building.withLock { _ in
      let started = Date()
      do {
        let report = try builder.build()
        for problem in report.problems { log(.problem(problem)) }
        counter.withLock { $0 += 1 }
        let ms = Int(Date().timeIntervalSince(started) * 1000)
        log(
          .built(
            "built \(report.entries) entries in \(ms) ms: "
              + "\(report.parsed) parsed, \(report.written) written, \(report.removed) removed"))
        return true
      } catch {
        log(.problem(JournalError(error, code: .io)))
        return false
      }
    }
  }

  /// Polls the sources (the files under `journal/` and the templates folder) every `interval`
  /// seconds and rebuilds when they change, until the task is cancelled.
  public func watch(interval: Double = 0.3) async {
    var fingerprint = builder.sourceFingerprint()
    while !Task.isCancelled {
      try? await Task.sleep(nanoseconds: UInt64(interval * 1e9))
      let now = builder.sourceFingerprint()
      if now != fingerprint {
        fingerprint = now
        rebuild()
      }
    }
  }

  /// Waits for a build under way to end.
  public func waitForBuild() { building.withLock { _ in } }
}
