import Foundation
import TeXMath

/// Builds the static website of a journal: `journal build`.
///
/// Reads every entry, renders pages with the site templates into memory, then brings the output
/// folder in line with them (see `SiteOutput`): unchanged pages are not rewritten, pages of
/// deleted entries disappear, and no page is ever half-written. A template error stops the build
/// before anything is written; a broken entry is reported and left out while the rest builds.
public struct SiteBuilder: Sendable {
  public struct Options: Sendable {
    /// The folder the site is written to.
    public var outputFolder: URL
    /// The absolute URL the site is served from, ending in `/`; used by the feeds and sitemap.
    public var baseURL: String
    /// Entries per home page.
    public var pageSize: Int
    /// Entries per feed.
    public var feedSize: Int
    /// The journal's own templates, overriding the built-in ones; default `root/templates`.
    public var templatesFolder: URL?
    public var markdown: MarkdownPipeline.Options
    /// KaTeX's folder (Debian's libjs-katex: `/usr/share/javascript/katex`): when set, its
    /// script, style and fonts are copied to `assets/katex/` and math is typeset in the browser
    /// from the TeX in the math spans, instead of shown as MathML.
    public var katexFolder: URL?

    public init(
      outputFolder: URL, baseURL: String = "http://localhost:8000/", pageSize: Int = 10,
      feedSize: Int = 20, templatesFolder: URL? = nil,
      markdown: MarkdownPipeline.Options = SiteBuilder.defaultMarkdown, katexFolder: URL? = nil
    ) {
      self.outputFolder = outputFolder
      self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
      self.pageSize = max(1, pageSize)
      self.feedSize = max(1, feedSize)
      self.templatesFolder = templatesFolder
      self.markdown = markdown
      self.katexFolder = katexFolder
      // KaTeX reads the TeX that the math spans hold when no renderer replaced it.
      if katexFolder != nil { self.markdown.mathRenderer = nil }
    }
  }

  /// The site's Markdown options: every extension, and math as MathML from `TeXMath`, so pages
  /// show formulas without JavaScript.
  public static let defaultMarkdown = MarkdownPipeline.Options(
    mathRenderer: MathMLConverter().renderer)

  /// What a build did.
  public struct Report: Sendable {
    public var entries = 0
    public var written = 0
    public var unchanged = 0
    public var removed = 0
    /// Entries that could not be read; the rest of the site was built without them.
    public var problems: [JournalError] = []
  }

  public let journal: Journal
  public let options: Options

  public init(journal: Journal, options: Options) {
    self.journal = journal
    self.options = options
  }

  /// Builds the site. Throws when nothing could be built (a template error, an unwritable
  /// folder); problems with single entries are in the report. `cache` keeps parsed entries
  /// between builds of one process (`journal serve`); it must not be shared between builders
  /// with different Markdown options.
  public func build(cache: SiteBuildCache? = nil) throws -> Report {
    var clock = PhaseClock()
    let templates = try SiteTemplates.load(
      overrides: options.templatesFolder ?? journal.root.appendingPathComponent("templates"))
    var report = Report()
    let (files, problems) = try journal.entryFiles()
    report.problems = problems
    let reads = ResultBox<Result<Entry, Error>>(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      reads[i] = Result { try journal.readEntry(files[i]) }
    }
    var entries: [Entry] = []
    for result in reads.values {
      switch result! {
      case .success(let entry): entries.append(entry)
      case .failure(let error as JournalError): report.problems.append(error)
      case .failure(let error): report.problems.append(JournalError(.io, "\(error)"))
      }
    }
    clock.lap("read")
    let intro = try journal.readme()
    var site = SiteRenderer(
      entries: entries, readme: intro, templates: templates, options: options, cache: cache)
    site.journal = journal
    for entry in entries
    where FileManager.default.fileExists(
      atPath: FrozenOutputs.folder(for: entry.date, in: journal).path)
    {
      do {
        site.frozen[entry.date] = try FrozenOutputs.load(for: entry.date, in: journal)
      } catch let error as JournalError {
        report.problems.append(error)
      }
    }
    var rendered = site.render()
    if let katex = options.katexFolder {
      for (path, data) in try Self.katexAssets(katex) { rendered["assets/katex/" + path] = data }
    }
    let output = SiteOutput(folder: options.outputFolder)
    clock.lap("render")
    let stats = try output.write(rendered)
    clock.lap("write")
    report.entries = entries.count
    report.written = stats.written
    report.unchanged = stats.unchanged
    report.removed = stats.removed
    return report
  }

  /// A value that changes when any source of the site changes: the files under `journal/` and
  /// the templates folder (paths, sizes and modification times). `journal serve` polls it.
  public func sourceFingerprint() -> Int {
    var hasher = Hasher()
    let folders = [journal.entriesFolder,
      options.templatesFolder ?? journal.root.appendingPathComponent("templates")]
    for folder in folders {
      let base = folder.path
      guard let walker = FileManager.default.enumerator(atPath: base) else { continue }
      while let rel = walker.nextObject() as? String {
        var info = stat()
        guard stat(base + "/" + rel, &info) == 0 else { continue }
        hasher.combine(rel)
        hasher.combine(Int(info.st_size))
        hasher.combine(Int(info.st_mtim.tv_sec))
        hasher.combine(Int(info.st_mtim.tv_nsec))
      }
    }
    return hasher.finalize()
  }

  /// KaTeX's minified script and style and its fonts, relative to `folder`.
  static func katexAssets(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in ["katex.min.js", "katex.min.css"] {
      let url = folder.appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: url.path) else {
        throw JournalError(.usage, "no \(name) here: install libjs-katex or give its folder",
          file: folder.path)
      }
      files[name] = data
    }
    let fonts = folder.appendingPathComponent("fonts").resolvingSymlinksInPath()
    for name in (try? FileManager.default.contentsOfDirectory(atPath: fonts.path)) ?? [] {
      if let data = FileManager.default.contents(atPath: fonts.appendingPathComponent(name).path) {
        files["fonts/" + name] = data
      }
    }
    return files
  }
}
