import ArgumentParser
import Foundation
import JournalKit

extension Journal {
  struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "serve",
      abstract: "Preview the website locally, rebuilding it when the journal changes.",
      discussion: """
        Builds the site like 'journal build', serves it on 127.0.0.1, watches journal/ and
        templates/ and rebuilds on every change; open pages reload themselves after a rebuild.
        A failed rebuild is reported and the previous site stays served. Ctrl-C stops it.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(help: ArgumentHelp(
      "The output folder (default: _site in the journal folder).", valueName: "path"))
    var out: String?

    func run() async throws {
      let journal = try global.journal()
      let folder = out.map { URL(fileURLWithPath: $0).standardizedFileURL }
        ?? journal.root.appendingPathComponent("_site", isDirectory: true)
      let state = PreviewState()
      let files = PreviewFiles(folder: folder, version: { state.version })
      let server: PreviewServer
      do {
        server = try await PreviewServer(port: port) { files.response(to: $0) }
      } catch {
        Terminal.standardError.write("journal: \(error)\n")
        throw ExitCode(1)
      }
      let serverTask = Task { try await server.run() }
      // Built once the port is known (with --port 0 the system picks it): feeds and canonical
      // links name it.
      let builder = SiteBuilder(journal: journal, options: SiteBuilder.Options(
        outputFolder: folder, baseURL: "http://127.0.0.1:\(server.port)/"))
      guard state.rebuild(builder) else {
        serverTask.cancel()
        _ = await serverTask.result
        throw ExitCode(1)
      }
      Terminal.standardOutput.write(
        "serving \(folder.path) at http://127.0.0.1:\(server.port)/ (Ctrl-C stops)\n")

      // Ctrl-C: let a running rebuild finish so no temporary files are left behind, then stop.
      signal(SIGINT, SIG_IGN)
      signal(SIGTERM, SIG_IGN)
      let stop = AsyncStream<Void> { continuation in
        for number in [SIGINT, SIGTERM] {
          let source = DispatchSource.makeSignalSource(signal: number)
          source.setEventHandler { continuation.yield() }
          source.resume()
          state.keep(source)
        }
      }
      let watcher = Task.detached {
        var fingerprint = builder.sourceFingerprint()
        while !Task.isCancelled {
          try? await Task.sleep(nanoseconds: 300_000_000)
          let now = builder.sourceFingerprint()
          if now != fingerprint {
            fingerprint = now
            state.rebuild(builder)
          }
        }
      }
      for await _ in stop { break }
      watcher.cancel()
      state.waitForRebuild()
      serverTask.cancel()
      _ = await serverTask.result
      Terminal.standardOutput.write("stopped\n")
    }
  }
}

/// The preview's shared state: the build counter that open pages poll, and the build lock.
final class PreviewState: @unchecked Sendable {
  private let lock = NSLock()
  private let buildLock = NSLock()
  private var counter = 0
  private var sources: [any DispatchSourceSignal] = []

  var version: Int { lock.withLock { counter } }

  func keep(_ source: any DispatchSourceSignal) { lock.withLock { sources.append(source) } }

  /// Rebuilds and bumps the version on success. Problems go to standard error.
  @discardableResult
  func rebuild(_ builder: SiteBuilder) -> Bool {
    buildLock.withLock {
      let started = Date()
      do {
        let report = try builder.build()
        for problem in report.problems { Terminal.standardError.write("journal: \(problem)\n") }
        lock.withLock { counter += 1 }
        let ms = Int(Date().timeIntervalSince(started) * 1000)
        Terminal.standardOutput.write("built \(report.entries) entries in \(ms) ms: "
          + "\(report.parsed) parsed, \(report.written) written, \(report.removed) removed\n")
        return true
      } catch {
        Terminal.standardError.write("journal: \(error)\n")
        return false
      }
    }
  }

  func waitForRebuild() { buildLock.withLock {} }
}
