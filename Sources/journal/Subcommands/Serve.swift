import ArgumentParser
import Foundation
import JournalCore
import JournalSite
import Synchronization

extension JournalCommand {
  struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "serve",
      abstract: "Preview the website locally, rebuilding it when the journal changes.",
      discussion: """
        Builds the site like 'journal build', but into its own folder (.journal/preview/, never
        _site: the preview's links and feeds name 127.0.0.1), serves it on 127.0.0.1, watches
        journal/ and templates/ and rebuilds on every change; open pages reload themselves after
        a rebuild. A failed rebuild is reported and the previous site stays served. Ctrl-C
        stops it.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(
      help: ArgumentHelp(
        "The preview's folder (default: .journal/preview/site in the journal folder).",
        valueName: "path"))
    var out: String?

    @Flag(help: "Show entries whose front matter says draft: true too.")
    var drafts = false

    func run() async throws {
      let journal = try global.journal()
      let preview = journal.stateFolder.appendingPathComponent("preview", isDirectory: true)
      let folder =
        out.map { URL(fileURLWithPath: $0).standardizedFileURL }
        ?? preview.appendingPathComponent("site", isDirectory: true)
      let builds = Mutex<SitePreview?>(nil)
      let files = PreviewFiles(folder: folder, version: { builds.withLock { $0?.version ?? 0 } })
      let server = try await PreviewServer(port: port) { files.response(to: $0) }
      let serverTask = Task { try await server.run() }
      // Built once the port is known (with --port 0 the system picks it): feeds and canonical
      // links name it.
      // Its own site cache too: a `journal build` running meanwhile keeps its own.
      let site = SitePreview(
        builder: SiteBuilder(
          journal: journal,
          options: SiteBuilder.Options(
            outputFolder: folder, baseURL: "http://127.0.0.1:\(server.port)/",
            cacheFolder: preview.appendingPathComponent(drafts ? "cache-drafts" : "cache"),
            includesDrafts: drafts))
      ) { message in
        switch message {
        case .built(let text): Terminal.standardOutput.write(text + "\n")
        case .problem(let problem): Terminal.warn(problem)
        }
      }
      builds.withLock { $0 = site }
      guard site.rebuild() else {
        serverTask.cancel()
        _ = await serverTask.result
        throw ExitCode(1)
      }
      Terminal.standardOutput.write(
        "serving \(folder.path) at http://127.0.0.1:\(server.port)/ (Ctrl-C stops)\n")
      // Ctrl-C: let a running rebuild finish so no temporary files are left behind, then stop.
      let stop = Self.signals([SIGINT, SIGTERM])
      let watcher = Task.detached { await site.watch() }
      for await _ in stop.events { break }
      withExtendedLifetime(stop.sources) {}
      watcher.cancel()
      site.waitForBuild()
      serverTask.cancel()
      _ = await serverTask.result
      Terminal.standardOutput.write("stopped\n")
    }

    /// The signals as a stream of events (the signals themselves are ignored), and their
    /// sources, which must be kept for as long as the stream is used.
    static func signals(_ numbers: [Int32]) -> (
      events: AsyncStream<Void>, sources: [any DispatchSourceSignal]
    ) {
      var sources: [any DispatchSourceSignal] = []
      let events = AsyncStream<Void> { continuation in
        for number in numbers {
          signal(number, SIG_IGN)
          let source = DispatchSource.makeSignalSource(signal: number)
          source.setEventHandler { continuation.yield() }
          source.resume()
          sources.append(source)
        }
      }
      return (events, sources)
    }
  }
}
