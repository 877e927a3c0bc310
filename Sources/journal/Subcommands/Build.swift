import ArgumentParser
import Foundation
import JournalCore
import JournalSite

extension JournalCommand {
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "build",
      abstract: "Build the journal's static website.",
      discussion: """
        Renders every entry with the Mustache templates of the journal's templates/ folder, or
        the built-in ones it does not override: the home page, one page per day at
        /YYYY/MM/DD/, year and month archives, tag pages, Atom feeds, sitemap.xml, 404.html and
        a search page with its index. Only pages whose content changed are rewritten, pages of
        deleted entries are removed, and no page is ever half-written.

        A template syntax error stops the build (exit 1) with the site left as it was; an entry
        that cannot be read is reported with its file and line, the rest of the site is built,
        and the exit code is 1.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(
      "The output folder (default: _site in the journal folder).", valueName: "path"))
    var out: String?

    @Option(name: .customLong("base-url"),
      help: "The URL the site is published at, for the feeds and sitemap.")
    var baseURL = "http://localhost:8000/"

    @Option(help: ArgumentHelp(
      "How formulas are shown: mathml (no JavaScript) or katex (typeset in the browser).",
      valueName: "mathml|katex"))
    var math: MathMode = .mathml

    @Option(name: .customLong("katex-folder"),
      help: ArgumentHelp("KaTeX's files, for --math katex (Debian: libjs-katex).",
        valueName: "path"))
    var katexFolder = "/usr/share/javascript/katex"

    enum MathMode: String, ExpressibleByArgument { case mathml, katex }

    func run() throws {
      let journal = try global.journal()
      let builder = SiteBuilder(journal: journal, options: siteOptions(for: journal))
      let started = Date()
      let report = try builder.build()
      for problem in report.problems { Terminal.warn(problem) }
      let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
      print("built \(report.entries) entries into \(builder.options.outputFolder.path) in "
        + "\(seconds) s: \(report.parsed) parsed, \(report.written) written, "
        + "\(report.unchanged) unchanged, "
        + "\(report.removed) removed")
      if !report.problems.isEmpty { throw ExitCode(1) }
    }

    func siteOptions(for journal: Journal) -> SiteBuilder.Options {
      let folder = out.map { URL(fileURLWithPath: $0).standardizedFileURL }
        ?? journal.root.appendingPathComponent("_site", isDirectory: true)
      let options = SiteBuilder.Options(outputFolder: folder, baseURL: baseURL,
        katexFolder: math == .katex ? URL(fileURLWithPath: katexFolder) : nil)
      return options
    }
  }
}
