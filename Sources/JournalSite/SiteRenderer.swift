import Foundation
import JournalCells
import JournalCore

/// Plans the files of a site (pages, feeds, sitemap, search index) from its entries' pages: one
/// file per page of each `PageKind`, keyed by the hash of its inputs.
///
/// A file whose key is the one recorded by the last build (`keepable`) is kept as it is on disk
/// instead of made again, so a rebuild after editing one entry renders only the pages that show
/// that entry.
///
/// Pages link to each other with paths relative to the page that name the file
/// (`{{root}}2018/09/26/index.html`), so the site works from any folder, host path or `file://`;
/// feeds, the sitemap and canonical links use `Options.baseURL` and folder URLs.
struct SiteRenderer {
  /// The entries' pages, oldest first.
  let pages: [SitePage]
  let readme: String?
  /// The journal's `journal.yml`.
  var config = JournalConfig()
  let templates: SiteTemplates
  let options: SiteBuilder.Options
  /// The body of a page that was not parsed in this build (from the site cache).
  var html: @Sendable (SitePage) -> String = { $0.html ?? "" }
  /// Output path to the key it was made from, for the outputs still on disk as written.
  var keepable: [String: UInt64] = [:]
  /// The search postings of the last build and the pages (newest first) they were made from.
  var previousPostings: (postings: SiteCache.Postings, pages: [(path: String, docs: Int)])? = nil
  /// Hash of the templates and the program: what every file depends on beyond its inputs.
  var baseKey: UInt64 = 0
  /// Every entry's title and headings, for the backlinks.
  var linkTargets = LinkTargets([])

  /// What a render produced.
  struct Output {
    /// The files to produce: relative path and how to make it. Making is left to the writer,
    /// so that pages are written as they are rendered instead of held in memory.
    var files: [(path: String, render: () -> Data)] = []
    /// Outputs left as they are on disk.
    var kept: Set<String> = []
    /// The key of every output, made or kept.
    var keys: [String: UInt64] = [:]
    var postings = SiteCache.Postings()
    /// The pages with their tag slugs, newest first.
    var pages: [SitePage] = []
  }

  func render() -> Output {
    var clock = PhaseClock()
    // Newest first from here on.
    let tagSlugs = Self.tagSlugs(pages.flatMap(\.tagNames))
    let pages = self.pages.reversed().map { page -> SitePage in
      var page = page
      page.tags = page.tagNames.map { ($0, tagSlugs[$0] ?? "tag") }
      return page
    }
    let summaries = pages.concurrentMap { Digested(summary($0)) }
    clock.lap("summaries")
    let bodies = pages.map { EntryBody(page: $0, html: html) }
    var plan = SitePlan(
      site: SiteEnvironment(templates: templates, info: siteInfo(pages: pages), base: baseKey))

    let backlinks = backlinks(pages)
    for (i, page) in pages.enumerated() {
      plan.add(
        EntryPage.self, at: page.url + "index.html",
        EntryPage.Inputs(
          entry: summaries[i], body: bodies[i],
          older: i + 1 < pages.count ? link(pages[i + 1]) : nil,
          newer: i > 0 ? link(pages[i - 1]) : nil,
          backlinks: backlinks[page.date] ?? []))
    }

    clock.lap("entry pages")
    let chunks = stride(from: 0, to: max(1, pages.count), by: options.pageSize).map {
      $0..<min(pages.count, $0 + options.pageSize)
    }
    let introHTML = readme.flatMap { introduction($0) }
    for (n, chunk) in chunks.enumerated() {
      plan.add(
        HomePage.self, at: n == 0 ? "index.html" : "page/\(n + 1)/index.html",
        HomePage.Inputs(
          number: n + 1, pages: chunks.count, entries: Array(summaries[chunk]),
          intro: n == 0 ? introHTML : nil))
    }

    let byYear = Dictionary(grouping: pages.indices, by: { pages[$0].date.year })
    var archive: [ArchivesPage.Year] = []
    for year in byYear.keys.sorted(by: >) {
      let inYear = byYear[year] ?? []
      let byMonth = Dictionary(grouping: inYear, by: { pages[$0].date.month })
      let months = byMonth.keys.sorted(by: >)
      let yearURL = "\(year)/"
      archive.append(
        ArchivesPage.Year(
          year: year, url: yearURL, count: inYear.count,
          months: months.map {
            ArchivesPage.Month(
              name: JournalDate.monthNames[$0 - 1], url: Self.monthURL(year, $0),
              count: byMonth[$0]?.count ?? 0)
          }))
      plan.add(
        YearPage.self, at: yearURL + "index.html",
        YearPage.Inputs(
          year: year, count: inYear.count,
          months: months.map { m in
            YearPage.Month(
              name: JournalDate.monthNames[m - 1], url: Self.monthURL(year, m),
              entries: (byMonth[m] ?? []).map { i in
                YearPage.Day(
                  iso: pages[i].iso, day: pages[i].date.day, url: pages[i].url,
                  title: pages[i].title)
              })
          }))
      for m in months {
        plan.add(
          MonthPage.self, at: Self.monthURL(year, m) + "index.html",
          MonthPage.Inputs(
            name: "\(JournalDate.monthNames[m - 1]) \(year)", year: year, yearURL: yearURL,
            entries: (byMonth[m] ?? []).map { summaries[$0] }))
      }
    }
    plan.add(ArchivesPage.self, at: "archives/index.html", ArchivesPage.Inputs(years: archive))

    var byTag: [String: [Int]] = [:]
    for (i, page) in pages.enumerated() {
      for tag in page.tags { byTag[tag.name, default: []].append(i) }
    }
    let tagNames = byTag.keys.sorted {
      (byTag[$0]?.count ?? 0, $1) > (byTag[$1]?.count ?? 0, $0)
    }
    plan.add(
      TagsPage.self, at: "tags/index.html",
      TagsPage.Inputs(
        tags: tagNames.map {
          TagsPage.Tag(
            name: $0, url: "tags/\(tagSlugs[$0] ?? "tag")/", count: byTag[$0]?.count ?? 0)
        }))
    for name in tagNames {
      let url = "tags/\(tagSlugs[name] ?? "tag")/"
      let tagged = byTag[name] ?? []
      plan.add(
        TagPage.self, at: url + "index.html",
        TagPage.Inputs(
          name: name, feedURL: url + "feed.xml", entries: tagged.map { summaries[$0] }))
      plan.add(
        FeedPage.self, at: url + "feed.xml",
        feed(
          title: "#\(name)", path: url + "feed.xml", alternate: url,
          pages: tagged.prefix(options.feedSize), of: pages, bodies: bodies))
    }
    plan.add(
      FeedPage.self, at: "feed.xml",
      feed(
        title: plan.site.info.title, path: "feed.xml", alternate: "",
        pages: pages.indices.prefix(options.feedSize), of: pages, bodies: bodies))
    plan.add(SearchPage.self, at: "search/index.html", SearchPage.Inputs())
    plan.add(
      NotFoundPage.self, at: "404.html", NotFoundPage.Inputs(root: Self.sitePath(options.baseURL)))

    let lastmod = Dictionary(uniqueKeysWithValues: pages.map { ($0.url + "index.html", $0.iso) })
    let htmlPaths = plan.files.map(\.path).filter { $0.hasSuffix("index.html") }.sorted()
    plan.add(
      SitemapPage.self, at: "sitemap.xml",
      SitemapPage.Inputs(
        urls: htmlPaths.map {
          SitemapPage.URLEntry(loc: String($0.dropLast("index.html".count)), lastmod: lastmod[$0])
        }))
    clock.lap("lists")
    let postings = searchIndex(pages, into: &plan)
    clock.lap("search index")

    var output = Output()
    output.postings = postings
    output.pages = pages
    var todo: [PlannedFile] = []
    for (file, key) in zip(plan.files, plan.keys()) {
      output.keys[file.path] = key
      if keepable[file.path] == key {
        output.kept.insert(file.path)
      } else {
        todo.append(file)
      }
    }
    output.files = todo.map { ($0.path, $0.make) }
    for (name, data) in templates.assets { output.files.append(("assets/" + name, { data })) }
    clock.lap("keys (\(todo.count) of \(plan.files.count) to render)")
    return output
  }

  func summary(_ page: SitePage) -> EntrySummary {
    EntrySummary(
      url: page.url, title: page.title, iso: page.iso, longDate: page.date.longForm,
      tags: page.tags.map { TagLink(name: $0.name, url: "tags/\($0.slug)/") },
      excerpt: page.excerpt)
  }

  func link(_ page: SitePage) -> PageLink { PageLink(url: page.url, title: page.title) }

  /// The links to each entry from the others (and from itself to a heading of its own, never):
  /// one per linking section, newest linking entry first, each with the sentence it is in.
  func backlinks(_ pages: [SitePage]) -> [JournalDate: [EntryPage.Backlink]] {
    var result: [JournalDate: [EntryPage.Backlink]] = [:]
    for page in pages {
      var seen = Set<String>()
      for link in page.links.outgoing {
        guard case .entry(let day, _) = linkTargets.resolve(link.reference, from: page.date),
          day != page.date, seen.insert("\(day.iso)#\(link.anchor)").inserted
        else { continue }
        result[day, default: []].append(
          EntryPage.Backlink(
            url: page.url, anchor: link.anchor.isEmpty ? "" : "#" + link.anchor,
            title: page.title, iso: page.iso,
            heading: link.anchor.isEmpty || link.heading == page.title ? "" : link.heading,
            context: link.context))
      }
    }
    return result
  }

  /// A feed of `pages` (indices into `all`, newest first).
  func feed(
    title: String, path: String, alternate: String, pages indices: some Collection<Int>,
    of all: [SitePage], bodies: [EntryBody]
  ) -> FeedPage.Inputs {
    FeedPage.Inputs(
      title: title, path: path, alternate: alternate,
      updated: indices.first.map { Self.timestamp(all[$0].date) } ?? "1970-01-01T00:00:00Z",
      entries: indices.map { i in
        FeedPage.Item(
          title: all[i].title, url: all[i].url, updated: Self.timestamp(all[i].date),
          tags: all[i].tags.map(\.name), body: bodies[i])
      })
  }

  /// The site-wide values: `journal.yml`'s, else the README's title and a description of the
  /// entries.
  func siteInfo(pages: [SitePage]) -> SiteInfo {
    let title = config.title ?? readme.flatMap(Self.title(ofReadme:)) ?? "Journal"
    var description = title
    if let newest = pages.first, let oldest = pages.last {
      description =
        "\(title): \(pages.count) days, \(oldest.date.longForm) to "
        + newest.date.longForm
    }
    return SiteInfo(
      title: title, author: config.author ?? title,
      description: config.description ?? description, baseURL: options.baseURL,
      language: config.language ?? "en", entryCount: pages.count,
      katex: options.katexFolder != nil, index: options.folderLinks ? "" : "index.html",
      params: config.params)
  }

  /// The README rendered as the home page's introduction, without its first heading (the site
  /// title already says it).
  func introduction(_ text: String) -> String? {
    var options = options.markdown
    options.dropsTitleHeading = false
    var html = Substring(
      MarkdownPipeline(options: options).html(for: String(FrontMatter.split(text).body)))
    if html.hasPrefix("<h1"), let end = html.range(of: "</h1>") {
      html = html[end.upperBound...]
    }
    let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? nil : trimmed
  }

  /// The search index's postings and files. The postings of the last build are carried over
  /// for the pages that were not parsed again, so only changed entries are split into words.
  private func searchIndex(_ pages: [SitePage], into plan: inout SitePlan) -> SiteCache.Postings {
    var starts: [Int] = []
    var docCount = 0
    for page in pages {
      starts.append(docCount)
      docCount += page.docCount
    }
    var postings = SiteCache.Postings()
    postings.docCount = docCount
    // Counted below, unless the last build's count still holds. (A build without a cache kept
    // the default of one shard: the whole term index, 469 kB for 10,000 entries, in t0.js.)
    postings.shardCount = 0
    var touched = Set<String>()
    var lengths = [UInt8](
      repeating: SearchIndexBuilder.lengthDigits[0], count: docCount)
    // Terms whose lists lost or renumbered documents.
    var remapped: [String] = []
    if let (old, oldPages) = previousPostings {
      // Old document number to new, for the pages carried over; -1 for the others.
      var newStart: [String: Int] = [:]
      for (i, page) in pages.enumerated() where page.terms == nil {
        newStart[page.path] = starts[i]
      }
      var map = [Int32](repeating: -1, count: old.docCount)
      var oldStart = 0
      for page in oldPages {
        if let start = newStart[page.path] {
          for k in 0..<page.docs where oldStart + k < map.count {
            map[oldStart + k] = Int32(start + k)
          }
        }
        oldStart += page.docs
      }
      for (id, to) in map.enumerated() where to >= 0 && id < old.lengths.count {
        lengths[Int(to)] = old.lengths[id]
      }
      // Usually documents keep their numbers and only the edited pages' ones go: then only
      // the lists holding those change, and the others are shared as they are.
      var keepsNumbers = true
      for (id, to) in map.enumerated() where to >= 0 && to != Int32(id) {
        keepsNumbers = false
        break
      }
      if keepsNumbers {
        postings.lists = old.lists
        for (term, list) in old.lists where list.contains(where: { map[Int($0)] < 0 }) {
          remapped.append(term)
          let kept = list.filter { map[Int($0)] >= 0 }
          postings.lists[term] = kept.isEmpty ? nil : kept
        }
      }
      if !keepsNumbers { postings.lists.reserveCapacity(old.lists.count) }
      for (term, list) in old.lists where !keepsNumbers {
        var mapped: [UInt32] = []
        mapped.reserveCapacity(list.count)
        var changed = false
        for id in list {
          let to = map[Int(id)]
          if to >= 0 { mapped.append(UInt32(to)) }
          if to != Int32(id) { changed = true }
        }
        if changed { remapped.append(term) }
        if !mapped.isEmpty { postings.lists[term] = changed ? mapped : list }
      }
      postings.shardCount = old.docCount == docCount ? old.shardCount : 0
    }
    for (i, page) in pages.enumerated() {
      guard let terms = page.terms else { continue }
      for (k, section) in terms.enumerated() {
        lengths[starts[i] + k] = SearchIndexBuilder.lengthCode(section.length)
        for word in section.terms {
          postings.lists[word, default: []].append(UInt32(starts[i] + k))
          touched.insert(word)
        }
      }
    }
    for word in touched { postings.lists[word]!.sort() }
    postings.lengths = lengths
    // An edit that brings no new words and moves no documents leaves the postings as they were
    // (then the cache keeps their bytes): only the lists it touched can differ.
    if let old = previousPostings?.postings, old.docCount == docCount, old.lengths == lengths,
      old.lists.count == postings.lists.count,
      remapped.allSatisfy({ postings.lists[$0] == old.lists[$0] }),
      touched.allSatisfy({ postings.lists[$0] == old.lists[$0] })
    {
      postings = old
    }
    if postings.shardCount == 0 { postings.shardCount = SearchIndexBuilder.shardCount(postings) }

    for (n, terms) in SearchIndexBuilder.termsByShard(postings).enumerated() {
      plan.add(
        SearchTermShard.self, at: "search/t\(n).js",
        SearchTermShard.Inputs(number: n, terms: terms, postings: postings))
    }
    var documents: [SearchDocumentShard.Document] = []
    documents.reserveCapacity(docCount)
    for page in pages {
      for k in 0..<page.docCount { documents.append(.init(page: page, index: k)) }
    }
    for start in stride(from: 0, to: documents.count, by: SearchIndexBuilder.docsPerShard) {
      let n = start / SearchIndexBuilder.docsPerShard
      plan.add(
        SearchDocumentShard.self, at: "search/d\(n).js",
        SearchDocumentShard.Inputs(
          number: n,
          documents: Array(
            documents[start..<min(documents.count, start + SearchIndexBuilder.docsPerShard)])))
    }
    plan.add(
      SearchIndexMeta.self, at: "search/meta.js",
      SearchIndexMeta.Inputs(
        shardCount: postings.shardCount, docCount: postings.docCount,
        averageLength: SearchIndexBuilder.averageLength(postings.lengths)))
    plan.add(
      SearchLengths.self, at: "search/len.js", SearchLengths.Inputs(lengths: postings.lengths))
    return postings
  }

  // MARK: Helpers

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
    // UTF-8 bytes out: appending to a `String.UnicodeScalarView` cost more than the scan.
    var out: [UInt8] = []
    out.reserveCapacity(min(text.utf8.count, limit + 16))
    var count = 0
    var pendingSpace = false
    var lastBreak: Int? = nil
    for scalar in text.unicodeScalars {
      let isSpace =
        scalar.isASCII
        ? scalar == " " || (0x09...0x0d).contains(scalar.value) : scalar.properties.isWhitespace
      if isSpace {
        pendingSpace = count > 0
        continue
      }
      if pendingSpace {
        lastBreak = out.count
        out.append(UInt8(ascii: " "))
        count += 1
        pendingSpace = false
      }
      if count >= limit {
        return String(decoding: out[..<(lastBreak ?? out.count)], as: UTF8.self) + "…"
      }
      if scalar.isASCII {
        out.append(UInt8(scalar.value))
      } else {
        out.append(contentsOf: UTF8.encode(scalar)!)
      }
      count += 1
    }
    return String(decoding: out, as: UTF8.self)
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

  /// Unique URL-safe folder names for tags, each depending on its tag alone so a new tag never
  /// moves another's page.
  ///
  /// A tag that is its own heading slug (`deep-learning`, `café`) is its folder name; any other
  /// (`c++`, `c#`, `ml/rnn`) gets its slug and the first 8 hex digits of its SHA-256
  /// (`c-5e0d1c3f`), so tags that differ only in punctuation stay apart. The tag page shows
  /// the tag as written.
  static func tagSlugs(_ names: [String]) -> [String: String] {
    var slugs = SlugSet()
    var result: [String: String] = [:]
    for name in Set(names).sorted() {
      var slug = SlugSet.slug(name)
      if slug != name { slug = (slug.isEmpty ? "tag" : slug) + "-" + SHA256.hex(name).prefix(8) }
      // Kept unique all the same: a tag could be spelled like another's hashed slug.
      result[name] = slugs.unique(for: shortened(slug))
    }
    return result
  }

  /// The longest slug kept whole, in bytes: a file name may have 255, and `unique` may add a
  /// suffix.
  static let maximumSlugBytes = 96

  /// `slug`, or when it is too long for a folder name (a 300-byte tag failed the build), its
  /// first characters and a hash of the whole, so different long tags stay apart.
  static func shortened(_ slug: String) -> String {
    guard slug.utf8.count > maximumSlugBytes else { return slug }
    var head = ""
    for character in slug {
      guard head.utf8.count + character.utf8.count <= maximumSlugBytes - 17 else { break }
      head.append(character)
    }
    return head + "-" + SHA256.hex(slug).prefix(16)
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
