import Foundation
import JournalCells
import JournalCore

/// Renders the files of a site in memory: pages, feeds, sitemap, search index and assets.
///
/// Every output has a key, a hash of everything it is rendered from; an output whose key is the
/// one recorded by the last build (`keepable`) is kept as it is on disk instead of rendered, so
/// a rebuild after editing one entry renders only the pages that show that entry.
///
/// Pages link to each other with paths relative to the page (`{{root}}2018/09/26/`), so the site
/// works from any folder or host path; feeds and the sitemap use `Options.baseURL`.
struct SiteRenderer {
  /// The entries' pages, oldest first.
  let pages: [SitePage]
  let readme: String?
  let templates: SiteTemplates
  let options: SiteBuilder.Options
  /// The body of a page that was not parsed in this build (from the site cache).
  var html: @Sendable (SitePage) -> String = { $0.html ?? "" }
  /// Output path to the key it was rendered from, for the outputs still on disk as written.
  var keepable: [String: UInt64] = [:]
  /// The search postings of the last build and the pages (newest first) they were made from.
  var previousPostings: (postings: SiteCache.Postings, pages: [(path: String, docs: Int)])? = nil
  /// Hash of the templates and anything else every page depends on beyond this renderer.
  var baseKey: UInt64 = 0

  /// What a render produced.
  struct Output {
    /// The files to produce: relative path and how to render it. Rendering is left to the
    /// writer, so that pages are written as they are rendered instead of held in memory.
    var files: [(path: String, render: () -> Data)] = []
    /// Outputs left as they are on disk.
    var kept: Set<String> = []
    /// The key of every output, rendered or kept.
    var keys: [String: UInt64] = [:]
    var postings = SiteCache.Postings()
    /// The pages with their tag slugs, newest first.
    var pages: [SitePage] = []
  }

  /// A file to produce: its key, and how to render it when it cannot be kept.
  private struct Job {
    var path: String
    var key: UInt64
    var render: () -> Data
  }

  func render() -> Output {
    var clock = PhaseClock()
    // Newest first from here on.
    let tagSlugs = Self.tagSlugs(pages.flatMap(\.tagNames))
    let pages = self.pages.reversed().map { page -> SitePage in
      var page = page
      page.tags = page.tagNames.map { ($0, tagSlugs[$0]!) }
      return page
    }
    // What a list shows of a page, and what its own page shows, slugs included.
    let summaryKeys = pages.map { page -> UInt64 in
      var h = StableHasher(value: page.summaryDigest)
      for tag in page.tags { h.combine(tag.slug) }
      return h.value
    }
    let pageKeys = pages.indices.map { i -> UInt64 in
      var h = StableHasher(value: pages[i].digest)
      h.combine(summaryKeys[i])
      return h.value
    }
    let site = siteContext(pages: pages)
    var base = StableHasher(value: baseKey)
    base.combine(site["title"] as? String ?? "")
    base.combine(site["description"] as? String ?? "")
    base.combine(pages.count)
    base.combine(options.baseURL)
    base.combine(options.pageSize)
    base.combine(options.feedSize)
    base.combine(options.katexFolder != nil)
    base.combine(readme ?? "")
    let baseKey = base.value

    var jobs: [Job] = []
    func add(
      _ path: String, _ template: String, key: (inout StableHasher) -> Void,
      _ context: @escaping () -> [String: Any]
    ) {
      var h = StableHasher(value: baseKey)
      h.combine(path)
      h.combine(template)
      key(&h)
      jobs.append(Job(path: path, key: h.value) {
        var c = context()
        c["site"] = site
        if c["root"] == nil { c["root"] = Self.root(for: path) }
        return Data(templates.render(template, c).utf8)
      })
    }
    func keyOf(_ indices: some Sequence<Int>, _ keys: [UInt64]) -> (inout StableHasher) -> Void {
      { h in for i in indices { h.combine(keys[i]) } }
    }
    let html = self.html

    // Entry pages.
    for (i, page) in pages.enumerated() {
      add(page.url + "index.html", "entry", key: { h in
        h.combine(pageKeys[i])
        if i + 1 < pages.count { h.combine(pages[i + 1].url); h.combine(pages[i + 1].title) }
        h.combine("|")
        if i > 0 { h.combine(pages[i - 1].url); h.combine(pages[i - 1].title) }
      }) {
        var entry = summary(page)
        entry["html"] = html(page)
        let toc = page.toc.map { item -> [String: Any] in
          ["level": item.level, "heading": item.heading, "anchor": item.anchor]
        }
        entry["toc"] = toc
        entry["hasTOC"] = toc.count > 1
        if i + 1 < pages.count { entry["older"] = link(pages[i + 1]) }
        if i > 0 { entry["newer"] = link(pages[i - 1]) }
        return ["entry": entry]
      }
    }

    // Home pages.
    let chunks = stride(from: 0, to: max(1, pages.count), by: options.pageSize).map {
      $0..<min(pages.count, $0 + options.pageSize)
    }
    let introHTML = readme.flatMap { introduction($0) }
    for (n, chunk) in chunks.enumerated() {
      let path = n == 0 ? "index.html" : "page/\(n + 1)/index.html"
      add(path, "home", key: { h in
        h.combine(n)
        h.combine(chunks.count)
        keyOf(chunk, summaryKeys)(&h)
      }) {
        var pager: [String: Any] = ["page": n + 1, "pages": chunks.count]
        // Page 2's newer page is the home page: the root itself.
        if n > 0 { pager["newer"] = n == 1 ? "" : "page/\(n)/" }
        if n + 1 < chunks.count { pager["older"] = "page/\(n + 2)/" }
        var c: [String: Any] = [
          "entries": pages[chunk].map(summary), "page": n + 1, "isFirstPage": n == 0,
        ]
        if chunks.count > 1 { c["pager"] = pager }
        if n == 0, let introHTML { c["intro"] = introHTML }
        return c
      }
    }

    // Archives: all years, each year, each month.
    let byYear = Dictionary(grouping: pages.indices, by: { pages[$0].date.year })
    var yearsContext: [[String: Any]] = []
    var archivesKey = StableHasher()
    for year in byYear.keys.sorted(by: >) {
      let inYear = byYear[year]!
      let byMonth = Dictionary(grouping: inYear, by: { pages[$0].date.month })
      let months = byMonth.keys.sorted(by: >)
      let yearURL = "\(year)/"
      archivesKey.combine(year)
      for m in months {
        archivesKey.combine(m)
        archivesKey.combine(byMonth[m]!.count)
      }
      yearsContext.append([
        "year": year, "url": yearURL, "count": inYear.count,
        "months": months.map { m -> [String: Any] in
          ["name": JournalDate.monthNames[m - 1], "url": Self.monthURL(year, m),
           "count": byMonth[m]!.count]
        },
      ])
      add(yearURL + "index.html", "year", key: keyOf(inYear, summaryKeys)) {
        [
          "year": year, "count": inYear.count,
          "months": months.map { m -> [String: Any] in
            [
              "name": JournalDate.monthNames[m - 1], "url": Self.monthURL(year, m),
              "entries": byMonth[m]!.map { i -> [String: Any] in
                let page = pages[i]
                return ["iso": page.iso, "day": page.date.day, "url": page.url,
                  "title": page.title]
              },
            ]
          },
        ]
      }
      for m in months {
        let inMonth = byMonth[m]!
        add(Self.monthURL(year, m) + "index.html", "month", key: keyOf(inMonth, summaryKeys)) {
          ["name": "\(JournalDate.monthNames[m - 1]) \(year)", "year": year, "yearURL": yearURL,
           "count": inMonth.count, "entries": inMonth.map { summary(pages[$0]) }]
        }
      }
    }
    let archives = archivesKey.value
    add("archives/index.html", "archives", key: { $0.combine(archives) }) {
      ["years": yearsContext]
    }

    // Tags.
    var byTag: [String: [Int]] = [:]
    for (i, page) in pages.enumerated() {
      for tag in page.tags { byTag[tag.name, default: []].append(i) }
    }
    let tagNames = byTag.keys.sorted {
      (byTag[$0]!.count, $1) > (byTag[$1]!.count, $0)
    }
    add("tags/index.html", "tags", key: { h in
      for name in tagNames {
        h.combine(name)
        h.combine(tagSlugs[name]!)
        h.combine(byTag[name]!.count)
      }
    }) {
      ["tags": tagNames.map { name -> [String: Any] in
        ["name": name, "url": "tags/\(tagSlugs[name]!)/", "count": byTag[name]!.count]
      }]
    }
    for name in tagNames {
      let url = "tags/\(tagSlugs[name]!)/"
      let tagged = byTag[name]!
      add(url + "index.html", "tag", key: { h in
        h.combine(name)
        keyOf(tagged, summaryKeys)(&h)
      }) {
        ["name": name, "count": tagged.count, "feedURL": url + "feed.xml",
         "entries": tagged.map { summary(pages[$0]) }]
      }
      let shown = tagged.prefix(options.feedSize)
      add(url + "feed.xml", "feed", key: { h in
        h.combine(name)
        keyOf(shown, pageKeys)(&h)
      }) {
        feedContext(title: "#\(name)", path: url + "feed.xml", alternate: url,
          pages: shown.map { pages[$0] })
      }
    }

    let shown = pages.indices.prefix(options.feedSize)
    add("feed.xml", "feed", key: keyOf(shown, pageKeys)) {
      feedContext(title: site["title"] as? String ?? "", path: "feed.xml", alternate: "",
        pages: shown.map { pages[$0] })
    }
    add("search/index.html", "search", key: { _ in }) { [:] }
    add("404.html", "404", key: { _ in }) { ["root": Self.sitePath(options.baseURL)] }

    let htmlPaths = jobs.map(\.path).filter { $0.hasSuffix("index.html") }.sorted()
    let lastmod = Dictionary(uniqueKeysWithValues: pages.map {
      ($0.url + "index.html", $0.iso)
    })
    add("sitemap.xml", "sitemap", key: { h in
      for path in htmlPaths {
        h.combine(path)
        h.combine(lastmod[path] ?? "")
      }
    }) {
      ["urls": htmlPaths.map { path -> [String: Any] in
        var u: [String: Any] = ["loc": String(path.dropLast("index.html".count))]
        if let date = lastmod[path] { u["lastmod"] = date }
        return u
      }]
    }
    let (postings, searchJobs) = searchIndex(pages, baseKey: baseKey)
    jobs += searchJobs

    var output = Output()
    output.postings = postings
    output.pages = pages
    var todo: [Job] = []
    for job in jobs {
      output.keys[job.path] = job.key
      if keepable[job.path] == job.key {
        output.kept.insert(job.path)
      } else {
        todo.append(job)
      }
    }
    output.files = todo.map { ($0.path, $0.render) }
    for (name, data) in templates.assets { output.files.append(("assets/" + name, { data })) }
    clock.lap("keys (\(todo.count) of \(jobs.count) to render)")
    return output
  }

  func summary(_ page: SitePage) -> [String: Any] {
    var s: [String: Any] = [
      "url": page.url, "title": page.title, "iso": page.iso,
      "longDate": page.date.longForm, "hasTags": !page.tags.isEmpty,
      "tags": page.tags.map { ["name": $0.name, "url": "tags/\($0.slug)/"] },
    ]
    if !page.excerpt.isEmpty { s["excerpt"] = page.excerpt }
    return s
  }

  func link(_ page: SitePage) -> [String: Any] { ["url": page.url, "title": page.title] }

  func feedContext(title: String, path: String, alternate: String, pages: [SitePage])
    -> [String: Any]
  {
    return [
      "title": title, "path": path, "alternate": alternate, "root": "",
      "updated": pages.first.map { Self.timestamp($0.date) } ?? "1970-01-01T00:00:00Z",
      "entries": pages.map { page -> [String: Any] in
        [
          "title": page.title, "url": page.url, "updated": Self.timestamp(page.date),
          "tags": page.tags.map { ["name": $0.name] }, "html": html(page),
        ]
      },
    ]
  }

  func siteContext(pages: [SitePage]) -> [String: Any] {
    let title = readme.flatMap(Self.title(ofReadme:)) ?? "Journal"
    var description = title
    if let newest = pages.first, let oldest = pages.last {
      description = "\(title): \(pages.count) days, \(oldest.date.longForm) to "
        + newest.date.longForm
    }
    return [
      "title": title, "author": title, "description": description,
      "baseURL": options.baseURL, "entryCount": pages.count, "katex": options.katexFolder != nil,
    ]
  }

  /// The README rendered as the home page's introduction, without its first heading (the site
  /// title already says it).
  func introduction(_ text: String) -> String? {
    var options = options.markdown
    options.dropsTitleHeading = false
    var html = Substring(MarkdownPipeline(options: options).html(for: String(FrontMatter.split(text).body)))
    if html.hasPrefix("<h1"), let end = html.range(of: "</h1>") {
      html = html[end.upperBound...]
    }
    let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? nil : trimmed
  }

  /// The search index's postings and files. The postings of the last build are carried over
  /// for the pages that were not parsed again, so only changed entries are split into words.
  private func searchIndex(_ pages: [SitePage], baseKey: UInt64) -> (SiteCache.Postings, [Job]) {
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
    // Terms whose lists lost or renumbered documents.
    var remapped: [String] = []
    if let (old, oldPages) = previousPostings {
      // Old document number to new, for the pages carried over; -1 for the others.
      var newStart: [String: Int] = [:]
      for (i, page) in pages.enumerated() where page.terms == nil { newStart[page.path] = starts[i] }
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
      for (k, words) in terms.enumerated() {
        for word in words {
          postings.lists[word, default: []].append(UInt32(starts[i] + k))
          touched.insert(word)
        }
      }
    }
    for word in touched { postings.lists[word]!.sort() }
    // An edit that brings no new words and moves no documents leaves the postings as they were
    // (then the cache keeps their bytes): only the lists it touched can differ.
    if let old = previousPostings?.postings, old.docCount == docCount,
      old.lists.count == postings.lists.count,
      remapped.allSatisfy({ postings.lists[$0] == old.lists[$0] }),
      touched.allSatisfy({ postings.lists[$0] == old.lists[$0] })
    {
      postings = old
    }
    if postings.shardCount == 0 { postings.shardCount = SearchIndexBuilder.shardCount(postings) }

    var jobs: [Job] = []
    let final = postings
    for (n, terms) in SearchIndexBuilder.termsByShard(postings).enumerated() {
      var h = StableHasher(value: SearchIndexBuilder.termShardKey(terms, postings: final))
      h.combine(baseKey)
      jobs.append(Job(path: "search/t\(n).js", key: h.value) {
          SearchIndexBuilder.termShard(n, terms: terms, postings: final)
        })
    }
    var docs: [(page: Int, doc: Int)] = []
    docs.reserveCapacity(docCount)
    for (i, page) in pages.enumerated() {
      for k in 0..<page.docCount { docs.append((i, k)) }
    }
    var start = 0
    while start < docs.count {
      let n = start / SearchIndexBuilder.docsPerShard
      let slice = docs[start..<min(docs.count, start + SearchIndexBuilder.docsPerShard)]
      var h = StableHasher(value: baseKey)
      for item in slice {
        h.combine(pages[item.page].docsDigest)
        h.combine(pages[item.page].url)
        h.combine(item.doc)
      }
      jobs.append(Job(path: "search/d\(n).js", key: h.value) {
        SearchIndexBuilder.docShard(n, records: slice.map { item in
          let page = pages[item.page]
          let doc = page.docs[item.doc]
          return [page.url + doc.anchor, page.title, doc.heading, page.iso, doc.snippet]
        })
      })
      start += SearchIndexBuilder.docsPerShard
    }
    var meta = StableHasher(value: baseKey)
    meta.combine(final.shardCount)
    meta.combine(final.docCount)
    jobs.append(Job(path: "search/meta.js", key: meta.value) { SearchIndexBuilder.meta(final) })
    return (postings, jobs)
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
      let isSpace = scalar.isASCII
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
