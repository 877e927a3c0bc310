import Foundation
import JournalCells
import TestSupport
import Testing

@testable import JournalCore
@testable import JournalSite

@Suite struct SiteServeTests {
  /// `journal serve` on a free loopback port: fetch a page, change its entry, see the new text,
  /// then Ctrl-C stops it cleanly; `_site` is never written.
  @Test func servesRebuildsOnChangeAndStopsOnInterrupt() async throws {
    guard let (folder, journal) = try seedJournal() else { return }
    let process = Process()
    process.executableURL = TestPaths.journalBinary
    process.arguments = ["serve", "--port", "0", "--journal", journal.root.path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { process.terminate() } }

    let lines = LineReader(output.fileHandleForReading)
    let serving = try #require(lines.next(matching: "serving ", timeout: 60))
    let base = try #require(
      serving.components(separatedBy: " at ").last?
        .components(separatedBy: " ").first)
    #expect(base.hasPrefix("http://127.0.0.1:"))

    let page = try #require(URL(string: base + "2018/09/26/"))
    let first = try await fetch(page)
    #expect(first.status == 200)
    #expect(first.body.contains("torch.nn"))
    #expect(first.body.contains("/__journal/version"), "the reload script is added")
    #expect(try await fetch(URL(string: base + "no/such/page/")!).status == 404)
    #expect(
      try await fetch(URL(string: base + "feed.xml")!).body.contains("<id>\(base)feed.xml</id>"),
      "the feed names the port actually served")

    let entryURL = journal.entryURL(for: JournalDate(iso: "2018-09-26")!)
    try (readFile(entryURL) + "\nServed fresh: axolotl.\n").write(
      to: entryURL, atomically: true, encoding: .utf8)
    var updated = false
    for _ in 0..<100 where !updated {
      try await Task.sleep(nanoseconds: 200_000_000)
      updated = try await fetch(page).body.contains("axolotl")
    }
    #expect(updated)
    // The preview has its own folder: `_site`, which gets published, never names the port.
    #expect(
      !FileManager.default.fileExists(
        atPath: journal.root.appendingPathComponent("_site").path))
    #expect(
      FileManager.default.fileExists(
        atPath: journal.stateFolder.appendingPathComponent("preview/site/index.html").path))

    kill(process.processIdentifier, SIGINT)
    #expect(lines.next(matching: "stopped", timeout: 20) != nil)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    _ = folder
  }

  func fetch(_ url: URL) async throws -> (status: Int, body: String) {
    try await LoopbackHTTP.get(url)
  }
}

/// Reads a child's output line by line on a background thread.
final class LineReader: @unchecked Sendable {
  private let lock = NSCondition()
  private var lines: [String] = []
  private var buffer = Data()

  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      while true {
        let data = handle.availableData
        lock.lock()
        if data.isEmpty {
          lock.broadcast()
          lock.unlock()
          return
        }
        buffer.append(data)
        while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
          lines.append(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
          buffer.removeSubrange(buffer.startIndex...newline)
        }
        lock.broadcast()
        lock.unlock()
      }
    }
  }

  /// The first line (read so far or arriving within `timeout` seconds) containing `text`.
  func next(matching text: String, timeout: TimeInterval) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    lock.lock()
    defer { lock.unlock() }
    while true {
      if let index = lines.firstIndex(where: { $0.contains(text) }) {
        let line = lines[index]
        lines.removeSubrange(...index)
        return line
      }
      if !lock.wait(until: deadline) { return nil }
    }
  }
}
