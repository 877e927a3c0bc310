import Foundation

/// Renders every file of a site in memory: pages, feeds, sitemap, search index and assets.
///
/// Pages link to each other with paths relative to the page (`{{root}}2018/09/26/`), so the site
/// works from any folder or host path; feeds and the sitemap use `Options.baseURL`.
struct SiteRenderer {
  let entries: [Entry]
  let readme: String?
  let templates: SiteTemplates
  let options: SiteBuilder.Options
  var cache: SiteBuildCache? = nil
  /// Frozen cell outputs of the entries that have them, with the journal to check staleness.
  var frozen: [JournalDate: FrozenOutputs] = [:]
  var journal: Journal? = nil

  /// What the pages need of an entry.
  struct Page {
    var entry: Entry
    var document: Document
    /// `2018/09/26/`
    var url: String
    var excerpt: String
    var tags: [(name: String, slug: String)]
    /// Sections whose anchors exist in the HTML, for the table of contents and search links.
    var anchored: [Section]
  }

  /// Relative path to file contents.
  func render() -> [String: Data] {
    var clock = PhaseClock()
    let pipeline = MarkdownPipeline(options: options.markdown)
    let count = entries.count
    let built = ResultBox<Page>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { i in
      let entry = entries[i]
      if let page = cache?.page(for: entry) {
        built[i] = page
      } else {
        let page = makePage(entry, pipeline: pipeline)
        cache?.store(page)
        built[i] = page
      }
    }
    clock.lap("markdown")
    // Newest first from here on.
    let pages = built.values.reversed().map { $0! }
    let tagSlugs = Self.tagSlugs(pages.flatMap { $0.tags.map(\.name) })
    let pagesWithSlugs = pages.map { page -> Page in
      var page = page
      page.tags = page.tags.map { ($0.name, tagSlugs[$0.name]!) }
      return page
    }
    var jobs: [(path: String, render: () -> String)] = []
    let site = siteContext(pages: pagesWithSlugs)
    func add(_ path: String, _ template: String, _ context: @escaping () -> [String: Any]) {
      jobs.append((path, {
        var c = context()
        c["site"] = site
        if c["root"] == nil { c["root"] = Self.root(for: path) }
        return templates.render(template, c)
      }))
    }

    // Entry pages.
    for (i, page) in pagesWithSlugs.enumerated() {
      add(page.url + "index.html", "entry") {
        var entry = summary(page)
        entry["html"] = page.document.html
        let toc = page.anchored.filter { $0.level > 0 }.map { section -> [String: Any] in
          ["level": section.level, "heading": section.heading, "anchor": section.anchor]
        }
        entry["toc"] = toc
        entry["hasTOC"] = toc.count > 1
        if i + 1 < pagesWithSlugs.count { entry["older"] = link(pagesWithSlugs[i + 1]) }
        if i > 0 { entry["newer"] = link(pagesWithSlugs[i - 1]) }
        return ["entry": entry]
      }
    }

    // Home pages.
    let chunks = stride(from: 0, to: max(1, pagesWithSlugs.count), by: options.pageSize).map {
      Array(pagesWithSlugs[$0..<min(pagesWithSlugs.count, $0 + options.pageSize)])
    }
    let introHTML = readme.flatMap { introduction($0, pipeline: pipeline) }
    for (n, chunk) in chunks.enumerated() {
      let path = n == 0 ? "index.html" : "page/\(n + 1)/index.html"
      add(path, "home") {
        var pager: [String: Any] = ["page": n + 1, "pages": chunks.count]
        // Page 2's newer page is the home page: the root itself.
        if n > 0 { pager["newer"] = n == 1 ? "" : "page/\(n)/" }
        if n + 1 < chunks.count { pager["older"] = "page/\(n + 2)/" }
        var c: [String: Any] = [
          "entries": chunk.map(summary), "page": n + 1, "isFirstPage": n == 0,
        ]
        if chunks.count > 1 { c["pager"] = pager }
        if n == 0, let introHTML { c["intro"] = introHTML }
        return c
      }
    }

    // Archives: all years, each year, each month.
    let byYear = Dictionary(grouping: pagesWithSlugs, by: { $0.entry.date.year })
    var yearsContext: [[String: Any]] = []
    for year in byYear.keys.sorted(by: >) {
      let inYear = byYear[year]!
      let byMonth = Dictionary(grouping: inYear, by: { $0.entry.date.month })
      let months = byMonth.keys.sorted(by: >)
      let yearURL = "\(year)/"
      yearsContext.append([
        "year": year, "url": yearURL, "count": inYear.count,
        "months": months.map { m -> [String: Any] in
          ["name": JournalDate.monthNames[m - 1], "url": Self.monthURL(year, m),
           "count": byMonth[m]!.count]
        },
      ])
      add(yearURL + "index.html", "year") {
        [
          "year": year, "count": inYear.count,
          "months": months.map { m -> [String: Any] in
            [
              "name": JournalDate.monthNames[m - 1], "url": Self.monthURL(year, m),
              "entries": byMonth[m]!.map { page -> [String: Any] in
                ["iso": page.entry.date.iso, "day": page.entry.date.day, "url": page.url,
                 "title": page.document.title]
              },
            ]
          },
        ]
      }
      for m in months {
        let inMonth = byMonth[m]!
        add(Self.monthURL(year, m) + "index.html", "month") {
          ["name": "\(JournalDate.monthNames[m - 1]) \(year)", "year": year, "yearURL": yearURL,
           "count": inMonth.count, "entries": inMonth.map(summary)]
        }
      }
    }
    add("archives/index.html", "archives") { ["years": yearsContext] }

    // Tags.
    var byTag: [String: [Page]] = [:]
    for page in pagesWithSlugs {
      for tag in page.tags { byTag[tag.name, default: []].append(page) }
    }
    let tagNames = byTag.keys.sorted {
      (byTag[$0]!.count, $1) > (byTag[$1]!.count, $0)
    }
    add("tags/index.html", "tags") {
      ["tags": tagNames.map { name -> [String: Any] in
        ["name": name, "url": "tags/\(tagSlugs[name]!)/", "count": byTag[name]!.count]
      }]
    }
    for name in tagNames {
      let url = "tags/\(tagSlugs[name]!)/"
      let tagged = byTag[name]!
      add(url + "index.html", "tag") {
        ["name": name, "count": tagged.count, "feedURL": url + "feed.xml",
         "entries": tagged.map(summary)]
      }
      add(url + "feed.xml", "feed") {
        feedContext(title: "#\(name)", path: url + "feed.xml", alternate: url, pages: tagged)
      }
    }

    add("feed.xml", "feed") {
      feedContext(title: site["title"] as? String ?? "", path: "feed.xml", alternate: "",
        pages: pagesWithSlugs)
    }
    add("search/index.html", "search") { [:] }
    add("404.html", "404") { ["root": Self.sitePath(options.baseURL)] }

    let htmlPaths = jobs.map(\.path).filter { $0.hasSuffix("index.html") }
    let lastmod = Dictionary(uniqueKeysWithValues: pagesWithSlugs.map {
      ($0.url + "index.html", $0.entry.date.iso)
    })
    add("sitemap.xml", "sitemap") {
      ["urls": htmlPaths.sorted().map { path -> [String: Any] in
        var u: [String: Any] = ["loc": String(path.dropLast("index.html".count))]
        if let date = lastmod[path] { u["lastmod"] = date }
        return u
      }]
    }

    let rendered = ResultBox<Data>(count: jobs.count)
    // The jobs only read immutable contexts and the (Sendable) template library.
    let work = UncheckedSendable(jobs)
    DispatchQueue.concurrentPerform(iterations: work.value.count) { i in
      rendered[i] = Data(work.value[i].render().utf8)
    }
    clock.lap("templates")
    var files: [String: Data] = [:]
    for (i, job) in jobs.enumerated() { files[job.path] = rendered[i] }
    for (name, data) in templates.assets { files["assets/" + name] = data }
    for (path, data) in searchIndex(pagesWithSlugs).files() { files[path] = data }
    clock.lap("search index")
    return files
  }

  func makePage(_ entry: Entry, pipeline: MarkdownPipeline) -> Page {
    var document = pipeline.document(for: entry)
    if let outputs = frozen[entry.date], let journal {
      let current = document
      document.html = CellOutputHTML.insert(into: document.html, cells: document.cells,
        frozen: outputs, stale: { outputs.isStale($0, in: current, journal: journal) })
    }
    let iso = entry.date.iso
    let url = "\(iso.prefix(4))/\(iso.dropFirst(5).prefix(2))/\(iso.suffix(2))/"
    Self.dropLeadingTitleHeading(&document)
    let ids = Self.ids(in: document.html)
    let anchored = document.sections.filter { !$0.anchor.isEmpty && ids.contains($0.anchor) }
    let prose = document.sections.map(\.text).joined(separator: " ")
    return Page(entry: entry, document: document, url: url,
      excerpt: Self.excerpt(prose, limit: 220), tags: document.tags.map { ($0, "") },
      anchored: anchored)
  }

  func summary(_ page: Page) -> [String: Any] {
    var s: [String: Any] = [
      "url": page.url, "title": page.document.title, "iso": page.entry.date.iso,
      "longDate": page.entry.date.longForm, "hasTags": !page.tags.isEmpty,
      "tags": page.tags.map { ["name": $0.name, "url": "tags/\($0.slug)/"] },
    ]
    if !page.excerpt.isEmpty { s["excerpt"] = page.excerpt }
    return s
  }

  func link(_ page: Page) -> [String: Any] { ["url": page.url, "title": page.document.title] }

  func feedContext(title: String, path: String, alternate: String, pages: [Page])
    -> [String: Any]
  {
    let shown = pages.prefix(options.feedSize)
    return [
      "title": title, "path": path, "alternate": alternate, "root": "",
      "updated": shown.first.map { Self.timestamp($0.entry.date) } ?? "1970-01-01T00:00:00Z",
      "entries": shown.map { page -> [String: Any] in
        [
          "title": page.document.title, "url": page.url, "updated": Self.timestamp(page.entry.date),
          "tags": page.tags.map { ["name": $0.name] }, "html": page.document.html,
        ]
      },
    ]
  }

  func siteContext(pages: [Page]) -> [String: Any] {
    let title = readme.flatMap(Self.title(ofReadme:)) ?? "Journal"
    var description = title
    if let newest = pages.first, let oldest = pages.last {
      description = "\(title): \(pages.count) days, \(oldest.entry.date.longForm) to "
        + newest.entry.date.longForm
    }
    return [
      "title": title, "author": title, "description": description,
      "baseURL": options.baseURL, "entryCount": pages.count, "katex": options.katexFolder != nil,
    ]
  }

  /// The README rendered as the home page's introduction, without its first heading (the site
  /// title already says it).
  func introduction(_ text: String, pipeline: MarkdownPipeline) -> String? {
    let date = entries.last?.date ?? JournalDate(year: 2000, month: 1, day: 1)!
    guard let entry = try? Entry(date: date, path: "journal/README.md", source: text) else {
      return nil
    }
    var html = Substring(pipeline.document(for: entry).html)
    if html.hasPrefix("<h1"), let end = html.range(of: "</h1>") {
      html = html[end.upperBound...]
    }
    let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? nil : trimmed
  }

  func searchIndex(_ pages: [Page]) -> SearchIndexBuilder {
    var index = SearchIndexBuilder()
    for page in pages {
      let anchored = Set(page.anchored.map(\.anchor))
      var first = true
      for section in page.document.sections {
        let body = [section.heading, section.text, section.code, section.mathText]
          .filter { !$0.isEmpty }.joined(separator: "\n")
        if body.unicodeScalars.allSatisfy(\.properties.isWhitespace) { continue }
        var text = body
        if first { text += "\n" + page.document.title + "\n" + page.tags.map(\.name).joined(separator: " ") }
        first = false
        let anchor = anchored.contains(section.anchor) ? "#" + section.anchor : ""
        let snippet = Self.excerpt(section.text.isEmpty ? section.code : section.text, limit: 320)
        index.add(SearchIndexBuilder.Doc(url: page.url + anchor, title: page.document.title,
          heading: section.heading, iso: page.entry.date.iso, snippet: snippet, text: text))
      }
    }
    return index
  }

  // MARK: Helpers

  /// The page shows the title as its `<h1>`: when the entry opens with the heading the title
  /// came from, that heading is dropped from the body instead of shown twice.
  static func dropLeadingTitleHeading(_ document: inout Document) {
    guard let first = document.sections.firstIndex(where: { $0.level > 0 }),
      document.sections[first].heading == document.title,
      document.sections[..<first].allSatisfy({
        $0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && $0.code.isEmpty
      })
    else { return }
    let level = document.sections[first].level
    let html = document.html.drop(while: \.isWhitespace)
    guard html.hasPrefix("<h\(level)"), let end = html.range(of: "</h\(level)>") else { return }
    document.html = String(html[end.upperBound...].drop(while: \.isNewline))
    document.sections[first].anchor = ""
  }

  /// `../` once per folder of `path`, or `./` at the top.
  static func root(for path: String) -> String {
    let depth = path.reduce(0) { $1 == "/" ? $0 + 1 : $0 }
    return depth == 0 ? "./" : String(repeating: "../", count: depth)
  }

  static func monthURL(_ year: Int, _ month: Int) -> String {
    "\(year)/\(month < 10 ? "0" : "")\(month)/"
  }

  /// The path part of the base URL (`/` or `/journal/`), for pages served at any path (404).
  static func sitePath(_ baseURL: String) -> String {
    guard let path = URL(string: baseURL)?.path, !path.isEmpty else { return "/" }
    return path.hasSuffix("/") ? path : path + "/"
  }

  static func timestamp(_ date: JournalDate) -> String { date.iso + "T00:00:00Z" }

  /// Whitespace collapsed, cut at a word boundary before `limit` characters. Reads only as much
  /// of `text` as it needs.
  static func excerpt(_ text: String, limit: Int) -> String {
    var out = String.UnicodeScalarView()
    var count = 0
    var pendingSpace = false
    var lastBreak: (index: String.UnicodeScalarView.Index, count: Int)? = nil
    for scalar in text.unicodeScalars {
      let isSpace = scalar.isASCII
        ? scalar == " " || (0x09...0x0d).contains(scalar.value) : scalar.properties.isWhitespace
      if isSpace {
        pendingSpace = count > 0
        continue
      }
      if pendingSpace {
        lastBreak = (out.endIndex, count)
        out.append(" ")
        count += 1
        pendingSpace = false
      }
      if count >= limit {
        let cut = lastBreak.map { String(out[..<$0.index]) } ?? String(out)
        return cut + "…"
      }
      out.append(scalar)
      count += 1
    }
    return String(out)
  }

  /// The values of every `id="..."` attribute in an HTML fragment, found in one pass.
  static func ids(in html: String) -> Set<String> {
    var result = Set<String>()
    let bytes = Array(html.utf8)
    let pattern = Array(" id=\"".utf8)
    var i = 0
    while i + pattern.count <= bytes.count {
      if bytes[i] == pattern[0], bytes[i..<i + pattern.count].elementsEqual(pattern) {
        let start = i + pattern.count
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
        result.insert(String(decoding: bytes[start..<end], as: UTF8.self))
        i = end
      } else {
        i += 1
      }
    }
    return result
  }

  /// The text of the README's first `# ` heading, without emoji shortcodes.
  static func title(ofReadme text: String) -> String? {
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("# ") }) else {
      return nil
    }
    let words = line.dropFirst(2).split(separator: " ").filter {
      !($0.count > 2 && $0.hasPrefix(":") && $0.hasSuffix(":"))
    }
    let title = words.joined(separator: " ")
    return title.isEmpty ? nil : title
  }

  /// Unique URL-safe folder names for tags.
  static func tagSlugs(_ names: [String]) -> [String: String] {
    var slugs = SlugSet()
    var result: [String: String] = [:]
    for name in Set(names).sorted() {
      var slug = SlugSet.slug(name)
      if slug.isEmpty { slug = "tag" }
      result[name] = slugs.unique(for: slug)
    }
    return result
  }
}

/// Hands values that are only read to concurrent work, where the compiler cannot see that.
struct UncheckedSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}

/// Prints the time of each build phase to standard error when `JOURNAL_TIMING` is set.
struct PhaseClock {
  private var last = DispatchTime.now().uptimeNanoseconds
  private let enabled = ProcessInfo.processInfo.environment["JOURNAL_TIMING"] != nil

  mutating func lap(_ phase: String) {
    guard enabled else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    FileHandle.standardError.write(Data("\(phase): \((now - last) / 1_000_000) ms\n".utf8))
    last = now
  }
}

/// Entries already parsed by an earlier build of the same process, so that `journal serve`
/// runs the Markdown pipeline only on the entries that changed.
public final class SiteBuildCache: @unchecked Sendable {
  private let lock = NSLock()
  private var pages: [String: SiteRenderer.Page] = [:]

  public init() {}

  func page(for entry: Entry) -> SiteRenderer.Page? {
    lock.withLock {
      guard let page = pages[entry.path], page.entry.source == entry.source else { return nil }
      return page
    }
  }

  func store(_ page: SiteRenderer.Page) { lock.withLock { pages[page.entry.path] = page } }
}
