import Foundation
import JournalCells
import JournalCore
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
    /// Links between pages name folders (`2018/09/26/`) instead of their `index.html`: shorter
    /// URLs for a site that is only ever served by a web server. The default links work from
    /// `file://` too, where a folder link shows a directory listing.
    public var folderLinks: Bool
    /// `.journal/site-cache/` by default (`.journal/site-cache-drafts/` with drafts);
    /// `journal serve` keeps its own.
    public var cacheFolder: URL?
    /// Entries with `draft: true` are built too; otherwise no page, list, feed, sitemap, search
    /// index or backlink shows them.
    public var includesDrafts: Bool

    public init(
      outputFolder: URL, baseURL: String = "http://localhost:8000/", pageSize: Int = 10,
      feedSize: Int = 20, templatesFolder: URL? = nil,
      markdown: MarkdownPipeline.Options = SiteBuilder.defaultMarkdown, katexFolder: URL? = nil,
      folderLinks: Bool = false, cacheFolder: URL? = nil, includesDrafts: Bool = false
    ) {
      self.includesDrafts = includesDrafts
      self.outputFolder = outputFolder
      self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
      self.pageSize = max(1, pageSize)
      self.feedSize = max(1, feedSize)
      self.templatesFolder = templatesFolder
      self.markdown = markdown
      self.katexFolder = katexFolder
      self.folderLinks = folderLinks
      self.cacheFolder = cacheFolder
      // KaTeX reads the TeX that the math spans hold when no renderer replaced it.
      if katexFolder != nil { self.markdown.mathRenderer = nil }
    }
  }

  /// The site's Markdown options: every extension, math as MathML from `TeXMath` (so pages show
  /// formulas without JavaScript), and no heading repeating the title a page shows already.
  public static let defaultMarkdown: MarkdownPipeline.Options = {
    var options = MarkdownPipeline.Options(mathRenderer: MathMLConverter().renderer)
    options.dropsTitleHeading = true
    options.headingsFollowTitle = true
    return options
  }()

  /// What a build did.
  public struct Report: Sendable {
    public var entries = 0
    /// Entries whose Markdown was rendered in this build (the others came from the site cache).
    public var parsed = 0
    public var written = 0
    public var unchanged = 0
    public var removed = 0
    /// Entries left out because they are drafts.
    public var drafts = 0
    /// Entries that could not be read; the rest of the site was built without them.
    public var problems: [JournalError] = []
    /// Links to entries or headings that do not exist or are ambiguous (the site shows their
    /// text, unlinked), and images whose file is missing or outside `journal/` (not
    /// published): `file:line` each, in page and line order.
    public var warnings: [JournalError] = []
  }

  public let journal: Journal
  public let options: Options

  public init(journal: Journal, options: Options) {
    self.journal = journal
    var options = options
    if journal.config.trustHTML { options.markdown.sanitizesHTML = false }
    self.options = options
  }

  /// `.journal/site-cache/` unless the options name another: the parsed entries and search
  /// postings of the last build.
  public var cacheFolder: URL {
    options.cacheFolder
      ?? journal.stateFolder.appendingPathComponent(
        options.includesDrafts ? "site-cache-drafts" : "site-cache")
  }

  /// Builds the site. Throws when nothing could be built (a template error, an unwritable
  /// folder); problems with single entries are in the report.
  ///
  /// Entries whose file is unchanged since the last build come from the site cache instead of
  /// being parsed, and pages whose inputs are unchanged are neither rendered nor written.
  public func build() throws -> Report {
    var clock = PhaseClock()
    let templates = try SiteTemplates.load(
      overrides: options.templatesFolder ?? journal.root.appendingPathComponent("templates"))
    let output = SiteOutput(folder: options.outputFolder)
    let previous = try output.readManifest()
    var report = Report()
    // One listing with every file's stamp (parallel `fstatat` per year folder): the entries
    // whose stamp matches the cache's are not read at all.
    let listing = try DayFiles.scan(journal)
    report.problems = listing.problems
    let programKey = cacheKey()
    let cache = SiteCache.load(folder: cacheFolder, key: programKey)
    let pipeline = MarkdownPipeline(options: options.markdown)
    let keepable = output.keepable(previous)
    clock.lap("cache")
    let frozen = Set(
      (try? FileManager.default.contentsOfDirectory(
        atPath: journal.entriesFolder.appendingPathComponent(".outputs").path)) ?? [])
    /// The link targets pages are rendered against; the exact ones once every page is known.
    let linkTargets = LinkTargetsBox()
    let images = FileHashes(journal: journal)
    /// An entry's page made anew from its file, when the cache lost part of it.
    let reparse = { @Sendable (page: SitePage) -> SitePage? in
      guard let entry = try? journal.read(page.date, path: page.path).entry() else { return nil }
      return self.page(
        for: entry, pipeline: pipeline, frozen: frozen,
        targets: linkTargets.value, images: images
      ).page
    }
    cache.blob?.fallback = { reparse($0)?.details ?? SitePage.Details(toc: [], docs: []) }
    /// A file's page from the cache, or its entry to parse.
    enum Found { case cached(SitePage), entry(Entry) }
    var found = listing.files.concurrentMap { file in
      Result { () throws -> (Found, ContentHash) in
        // Cell outputs can go stale with data files: such entries are always rendered anew.
        let hasOutputs = !frozen.isEmpty && frozen.contains(file.date.iso)
        let record = hasOutputs ? nil : cache.record(for: file.path)
        if let record, record.stamp == file.stamp {
          return (.cached(record.page), record.sourceHash)
        }
        let contents = try journal.read(file)
        if let record, record.sourceHash == contents.hash {
          // Touched, not changed: the record is written anew with the new stamp.
          var page = record.page
          page.cachedRecord = nil
          return (.cached(page), contents.hash)
        }
        return (.entry(try contents.entry()), contents.hash)
      }
    }
    // Drafts go before anything sees them. A build without drafts never caches one (a build
    // with them has a cache of its own), so each is read anew and found to be a draft again.
    var files = listing.files
    if !options.includesDrafts {
      let drafts = Set(
        found.indices.filter {
          if case .success((.entry(let entry), _)) = found[$0] { return entry.isDraft }
          return false
        })
      report.drafts = drafts.count
      files = files.indices.filter { !drafts.contains($0) }.map { files[$0] }
      found = found.indices.filter { !drafts.contains($0) }.map { found[$0] }
    }
    // Links are resolved while entries render in parallel, against the cached pages and a
    // quick scan of the others' headings; pages whose links the parses prove wrong render again.
    linkTargets.value = LinkTargets(
      found.compactMap { result -> LinkTargets.Target? in
        switch try? result.get().0 {
        case .cached(let page): return page.links.target
        case .entry(let entry):
          return LinkTargets.Target(
            scanning: entry,
            dropsTitleHeading: options.markdown.dropsTitleHeading)
        case nil: return nil
        }
      })
    let guessed = linkTargets.value
    typealias Read = (page: SitePage, hash: ContentHash, parsed: Bool, problem: JournalError?)
    let reads = found.concurrentMap { result in
      result.map { found, hash -> Read in
        switch found {
        case .cached(let page): return (page, hash, false, nil)
        case .entry(let entry):
          let (page, problem) = page(
            for: entry, pipeline: pipeline, frozen: frozen, targets: guessed, images: images)
          return (page, hash, true, problem)
        }
      }
    }
    var pages: [SitePage] = []
    var stamps: [String: (FileStamp, ContentHash)] = [:]
    var outputProblems: [JournalError] = []
    for (file, result) in zip(files, reads) {
      switch result {
      case .success(let read):
        pages.append(read.page)
        stamps[read.page.path] = (file.stamp, read.hash)
        if read.parsed { report.parsed += 1 }
        if let problem = read.problem { outputProblems.append(problem) }
      case .failure(let error): report.problems.append(JournalError(error, code: .io))
      }
    }
    let targets = LinkTargets(pages.map(\.links.target))
    linkTargets.value = targets
    // Pages whose links now resolve differently, or whose images changed, render again.
    let stale = pages.indices.filter { i in
      (!pages[i].links.outgoing.isEmpty
        && PageLinks.digest(
          of: pages[i].links.outgoing.map(\.reference), from: pages[i].date,
          in: targets) != pages[i].links.digest)
        || images.changed(pages[i].links.images)
    }
    let again = stale.map { pages[$0] }.concurrentMap { reparse($0) }
    for (i, page) in zip(stale, again) {
      guard let page else { continue }
      if pages[i].html == nil { report.parsed += 1 }
      pages[i] = page
    }
    report.warnings = Self.warnings(pages, targets: targets)
    report.problems += outputProblems
    clock.lap("read (\(report.parsed) parsed)")
    var renderer = SiteRenderer(
      pages: pages, readme: try journal.readme(), templates: templates, options: options)
    renderer.keepable = keepable
    renderer.config = journal.config
    var base = StableHasher(value: templates.fingerprint)
    base.combine(programKey)
    renderer.baseKey = base.value
    if let postings = cache.postings {
      renderer.previousPostings = (postings, cache.records.map { ($0.page.path, $0.page.docCount) })
    }
    renderer.html = { page in
      if let html = page.html { return html }
      if let ref = page.htmlRef, let html = cache.html(at: ref) { return html }
      // The cache lost it: render the entry again.
      return reparse(page)?.html ?? ""
    }
    renderer.linkTargets = targets
    var rendered = renderer.render()
    for (path, source) in Self.publishedImages(pages) {
      if keepable[path] != nil {
        // The address holds the content's hash: a file there is this file.
        rendered.kept.insert(path)
      } else {
        let url = URL(fileURLWithPath: journal.path(for: source))
        rendered.files.append((path, { FileHashes.read(url.path) ?? Data() }))
      }
      rendered.keys[path] = 1
    }
    if let katex = options.katexFolder {
      for (path, data) in try Self.katexAssets(katex) {
        rendered.files.append(("assets/katex/" + path, { data }))
      }
    }
    clock.lap("keys")
    let stats = try output.write(
      rendered.files, kept: rendered.kept, keys: rendered.keys,
      previous: previous)
    clock.lap("render and write")
    do {
      try cache.save(
        pages: rendered.pages, stamps: stamps, postings: rendered.postings,
        html: renderer.html)
    } catch {
      // The site is complete; without a cache the next build is a full one.
      try? FileManager.default.removeItem(
        at: cacheFolder.appendingPathComponent(SiteCache.cacheName))
    }
    clock.lap("cache saved")
    report.entries = pages.count
    report.written = stats.written
    report.unchanged = stats.unchanged
    report.removed = stats.removed
    return report
  }

  /// What the site needs of an entry, from its Markdown and frozen cell outputs (`frozen`: the
  /// dates that have them). Outputs that cannot be read are left out and returned as a problem.
  func page(
    for entry: Entry, pipeline: MarkdownPipeline, frozen: Set<String>, targets: LinkTargets,
    images: FileHashes
  ) -> (page: SitePage, problem: JournalError?) {
    var outputs: CellOutputs?
    var problem: JournalError?
    if frozen.contains(entry.date.iso) {
      do {
        outputs = CellOutputHTML.outputs(
          try FrozenOutputs.load(for: entry.date, in: journal),
          dataFolders: DataFolders(journal: journal))
      } catch {
        problem = JournalError(error, code: .io)
      }
    }
    var pipeline = pipeline
    let date = entry.date
    let index = options.folderLinks ? "" : "index.html"
    pipeline.options.linkHref = { PageLinks.href($0, from: date, in: targets, index: index) }
    let path = entry.path
    pipeline.options.fileURL = { destination in
      guard let source = PageFile.source(of: destination, from: path),
        let hash = images.hash(source)
      else { return nil }
      return "../../../" + PageFile.publishedPath(source: source, hash: hash)
    }
    let document = pipeline.document(for: entry, cellOutputs: outputs)
    let digest = PageLinks.digest(
      of: document.links.compactMap(\.reference), from: date, in: targets)
    return (
      SitePage(
        document: document, entry: entry, linkDigest: digest,
        images: images.files(of: document)),
      problem
    )
  }

  /// Every link of `pages` that does not resolve and every image not published, in page and
  /// line order.
  static func warnings(_ pages: [SitePage], targets: LinkTargets) -> [JournalError] {
    var problems: [JournalError] = []
    for page in pages {
      var found: [(line: Int, message: String)] = []
      for link in page.links.outgoing {
        if let problem = targets.resolve(link.reference, from: page.date).problem {
          found.append((link.line, "link '\(link.reference.written)': \(problem)"))
        }
      }
      for image in page.links.images {
        if let problem = image.problem { found.append((image.line, problem)) }
      }
      for item in found.enumerated().sorted(by: {
        ($0.element.line, $0.offset) < ($1.element.line, $1.offset)
      }) {
        problems.append(
          JournalError(
            .invalidInput, item.element.message, file: page.path, line: item.element.line))
      }
    }
    return problems
  }

  /// The files the pages show, by their address in the site (`assets/files/HASH/NAME`).
  static func publishedImages(_ pages: [SitePage]) -> [(path: String, source: String)] {
    var published: [String: String] = [:]
    for page in pages {
      for image in page.links.images {
        guard let source = image.source, let hash = image.hash else { continue }
        published[PageFile.publishedPath(source: source, hash: hash)] = source
      }
    }
    return published.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// Identifies what the cached pages were rendered with: the Markdown options and the program
  /// itself (its size and modification time), so that a new `journal` renders everything anew.
  func cacheKey() -> UInt64 {
    var h = StableHasher()
    let markdown = options.markdown
    h.combine(options.includesDrafts)
    h.combine(markdown.mathRenderer != nil)
    h.combine("\(markdown.extensions)")
    h.combine(markdown.math)
    h.combine(markdown.emoji)
    h.combine(markdown.highlight)
    h.combine(markdown.headingAnchors)
    h.combine(markdown.dropsTitleHeading)
    h.combine(markdown.headingsFollowTitle)
    h.combine(markdown.sanitizesHTML)
    // Links between entries are rendered into the cached HTML.
    h.combine(options.folderLinks)
    if let program = FileStamp(path: "/proc/self/exe")
      ?? Bundle.main.executablePath.flatMap({ FileStamp(path: $0) })
    {
      h.combine(UInt64(bitPattern: program.size))
      h.combine(UInt64(bitPattern: program.modified))
    }
    return h.value
  }

  /// A value that changes when any source of the site changes: the files under `journal/` and
  /// the templates folder (paths, sizes and modification times). `journal serve` polls it.
  public func sourceFingerprint() -> Int {
    var hasher = Hasher()
    let folders = [
      journal.entriesFolder,
      options.templatesFolder ?? journal.root.appendingPathComponent("templates"),
    ]
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
        throw JournalError(
          .usage, "no \(name) here: install libjs-katex or give its folder",
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

/// The link targets a build renders against, shared with the closures that render a page again.
final class LinkTargetsBox: @unchecked Sendable {
  private let lock = NSLock()
  private var targets = LinkTargets([])
  var value: LinkTargets {
    get { lock.withLock { targets } }
    set { lock.withLock { targets = newValue } }
  }
}
