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
        and the exit code is 1. Links to entries or headings that do not exist, or that match
        several, are warned about as file:line (their text is shown unlinked); with --strict
        they fail the build too.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(
      help: ArgumentHelp(
        "The output folder (default: journal.yml's output, else _site in the journal folder).",
        valueName: "path"))
    var out: String?

    @Option(
      name: .customLong("base-url"),
      help: ArgumentHelp(
        "The URL the site is published at, for the feeds, sitemap and canonical links.",
        discussion: "Default: journal.yml's base_url; without either, http://localhost:8000/."))
    var baseURL: String?

    @Option(
      help: ArgumentHelp(
        "How formulas are shown: mathml (no JavaScript) or katex (typeset in the browser).",
        discussion: "Default: journal.yml's math, else mathml.", valueName: "mathml|katex"))
    var math: MathMode?

    @Option(
      name: .customLong("katex-folder"),
      help: ArgumentHelp(
        "KaTeX's files, for --math katex (Debian: libjs-katex).",
        valueName: "path"))
    var katexFolder = "/usr/share/javascript/katex"

    @Flag(
      name: .customLong("folder-links"),
      help: """
        Link pages by folder (2018/09/26/) instead of by file (2018/09/26/index.html): for a \
        site only ever served by a web server. The default links also work when a page is \
        opened from disk.
        """)
    var folderLinks = false

    @Option(
      name: .customLong("feed-entries"),
      help: ArgumentHelp(
        "How many of the newest entries each Atom feed holds, in full.",
        valueName: "count"))
    var feedEntries = 20

    @Flag(help: "Exit 1 when a link points nowhere (after building the site).")
    var strict = false

    @Flag(
      help: ArgumentHelp(
        "Build entries whose front matter says draft: true too.",
        discussion: "Without it they have no page and no place in lists, tags, feeds, the "
          + "sitemap, the search index or backlinks; journal search still finds them."))
    var drafts = false

    enum MathMode: String, ExpressibleByArgument { case mathml, katex }

    func validate() throws {
      guard feedEntries >= 1 else { throw ValidationError("--feed-entries must be 1 or more") }
    }

    func run() throws {
      let journal = try global.journal()
      let builder = SiteBuilder(journal: journal, options: siteOptions(for: journal))
      let started = Date()
      let report = try builder.build()
      for problem in report.problems + report.warnings { Terminal.warn(problem) }
      let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
      print(
        "built \(report.entries) entries into \(builder.options.outputFolder.path) in "
          + "\(seconds) s: \(report.parsed) parsed, \(report.written) written, "
          + "\(report.unchanged) unchanged, "
          + "\(report.removed) removed"
          + (report.drafts > 0 ? ", \(report.drafts) drafts left out (--drafts builds them)" : ""))
      if !report.problems.isEmpty || (strict && !report.warnings.isEmpty) {
        throw ExitCode(1)
      }
    }

    /// The options, from the command line over `journal.yml` over the defaults.
    func siteOptions(for journal: Journal) -> SiteBuilder.Options {
      let config = journal.config
      let folder =
        out.map { URL(fileURLWithPath: $0).standardizedFileURL }
        ?? URL(fileURLWithPath: config.output ?? "_site", relativeTo: journal.root)
        .standardizedFileURL
      let base = baseURL ?? config.baseURL
      if base == nil {
        Terminal.warn(
          JournalError(
            .usage,
            "no base URL: feeds, the sitemap and canonical links name "
              + "http://localhost:8000/; set base_url in journal.yml or pass --base-url"))
      }
      let mode = math ?? config.math.flatMap(MathMode.init(rawValue:)) ?? .mathml
      return SiteBuilder.Options(
        outputFolder: folder, baseURL: base ?? "http://localhost:8000/", feedSize: feedEntries,
        katexFolder: mode == .katex ? URL(fileURLWithPath: katexFolder) : nil,
        folderLinks: folderLinks, includesDrafts: drafts)
    }
  }
}
