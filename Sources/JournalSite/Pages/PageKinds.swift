import Foundation
import JournalCore

// The kinds of page of a site, each with the inputs it is made from. `SiteRenderer.render`
// plans one file per page.

/// What lists show of an entry (the templates' `summary`).
struct EntrySummary: Encodable, Sendable {
  var url: String
  var title: String
  var iso: String
  var longDate: String
  var tags: [TagLink]
  var excerpt: String

  var context: [String: Any] {
    var context: [String: Any] = [
      "url": url, "title": title, "iso": iso, "longDate": longDate, "hasTags": !tags.isEmpty,
      "tags": tags.map { ["name": $0.name, "url": $0.url] },
    ]
    if !excerpt.isEmpty { context["excerpt"] = excerpt }
    return context
  }
}

/// A tag as a link to its page: `tags/deep-learning/`.
struct TagLink: Encodable, Sendable {
  var name: String
  var url: String
}

/// A link to another page: its URL relative to the site root, and its title.
struct PageLink: Encodable, Sendable {
  var url: String
  var title: String

  var context: [String: Any] { ["url": url, "title": title] }
}

/// An entry's rendered body and table of contents, which may still be in the site cache: its
/// part of a key is the digest they were made with, so a key never needs them read.
struct EntryBody: Encodable, Sendable {
  let page: SitePage
  let html: @Sendable (SitePage) -> String

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(page.bodyDigest)
  }
}

/// `YYYY/MM/DD/index.html`: an entry with its table of contents and the entries around it.
enum EntryPage: TemplatePage {
  struct Inputs: Encodable, Sendable {
    var entry: Digested<EntrySummary>
    var body: EntryBody
    var older: PageLink?
    var newer: PageLink?
    /// The entries linking here, newest first.
    var backlinks: [Backlink]
  }

  /// A section of another entry that links to this one.
  struct Backlink: Encodable, Sendable {
    /// The linking entry's URL relative to the site root, and its section's `#anchor`.
    var url: String
    var anchor: String
    var title: String
    var iso: String
    /// The linking section's heading (empty before the first heading).
    var heading: String
    /// The sentence the link is in.
    var context: String
  }

  static let template = "entry"

  static func context(_ inputs: Inputs) -> [String: Any] {
    var entry = inputs.entry.value.context
    entry["html"] = inputs.body.html(inputs.body.page)
    let toc = inputs.body.page.toc.map { item -> [String: Any] in
      ["level": item.level, "heading": item.heading, "anchor": item.anchor]
    }
    entry["toc"] = toc
    entry["hasTOC"] = toc.count > 1
    if let older = inputs.older { entry["older"] = older.context }
    if let newer = inputs.newer { entry["newer"] = newer.context }
    entry["backlinks"] = inputs.backlinks.map { link -> [String: Any] in
      [
        "url": link.url, "anchor": link.anchor, "title": link.title, "iso": link.iso,
        "heading": link.heading,
        "context": link.context,
      ]
    }
    entry["hasBacklinks"] = !inputs.backlinks.isEmpty
    return ["entry": entry]
  }
}

/// `index.html`, `page/N/index.html`: the newest entries, a page size at a time.
enum HomePage: TemplatePage {
  struct Inputs: Encodable, Sendable {
    /// 1-based.
    var number: Int
    var pages: Int
    var entries: [Digested<EntrySummary>]
    /// The journal's README as HTML, on the first page.
    var intro: String?
  }

  static let template = "home"

  static func context(_ inputs: Inputs) -> [String: Any] {
    let n = inputs.number
    var context: [String: Any] = [
      "entries": inputs.entries.map(\.value.context), "page": n, "isFirstPage": n == 1,
    ]
    if inputs.pages > 1 {
      var pager: [String: Any] = ["page": n, "pages": inputs.pages]
      // Page 2's newer page is the home page: the root itself.
      if n > 1 { pager["newer"] = n == 2 ? "" : "page/\(n - 1)/" }
      if n < inputs.pages { pager["older"] = "page/\(n + 1)/" }
      context["pager"] = pager
    }
    if let intro = inputs.intro { context["intro"] = intro }
    return context
  }
}

/// `YYYY/index.html`: a year's entries, month by month.
enum YearPage: TemplatePage {
  struct Inputs: Encodable, Sendable {
    var year: Int
    var count: Int
    var months: [Month]
  }
  struct Month: Encodable, Sendable {
    var name: String
    var url: String
    var entries: [Day]
  }
  struct Day: Encodable, Sendable {
    var iso: String
    var day: Int
    var url: String
    var title: String
  }

  static let template = "year"

  static func context(_ inputs: Inputs) -> [String: Any] {
    [
      "year": inputs.year, "count": inputs.count,
      "months": inputs.months.map { month -> [String: Any] in
        [
          "name": month.name, "url": month.url,
          "entries": month.entries.map { day -> [String: Any] in
            ["iso": day.iso, "day": day.day, "url": day.url, "title": day.title]
          },
        ]
      },
    ]
  }
}

/// `YYYY/MM/index.html`: a month's entries.
enum MonthPage: TemplatePage {
  struct Inputs: Encodable, Sendable {
    var name: String
    var year: Int
    var yearURL: String
    var entries: [Digested<EntrySummary>]
  }

  static let template = "month"

  static func context(_ inputs: Inputs) -> [String: Any] {
    [
      "name": inputs.name, "year": inputs.year, "yearURL": inputs.yearURL,
      "count": inputs.entries.count, "entries": inputs.entries.map(\.value.context),
    ]
  }
}

/// `archives/index.html`: every year with its months and counts.
enum ArchivesPage: TemplatePage {
  struct Inputs: Encodable, Sendable {
    var years: [Year]
  }
  struct Year: Encodable, Sendable {
    var year: Int
    var url: String
    var count: Int
    var months: [Month]
  }
  struct Month: Encodable, Sendable {
    var name: String
    var url: String
    var count: Int
  }

  static let template = "archives"

  static func context(_ inputs: Inputs) -> [String: Any] {
    [
      "years": inputs.years.map { year -> [String: Any] in
        [
          "year": year.year, "url": year.url, "count": year.count,
          "months": year.months.map { ["name": $0.name, "url": $0.url, "count": $0.count] },
        ]
      }
    ]
  }
}

/// `tags/index.html`: every tag, most used first.
enum TagsPage: TemplatePage {
  struct Inputs: Encodable, Sendable {
    var tags: [Tag]
  }
  struct Tag: Encodable, Sendable {
    var name: String
    var url: String
    var count: Int
  }

  static let template = "tags"

  static func context(_ inputs: Inputs) -> [String: Any] {
    ["tags": inputs.tags.map { ["name": $0.name, "url": $0.url, "count": $0.count] }]
  }
}

/// `tags/NAME/index.html`: the entries carrying a tag.
enum TagPage: TemplatePage {
  struct Inputs: Encodable, Sendable {
    var name: String
    var feedURL: String
    var entries: [Digested<EntrySummary>]
  }

  static let template = "tag"

  static func context(_ inputs: Inputs) -> [String: Any] {
    [
      "name": inputs.name, "count": inputs.entries.count, "feedURL": inputs.feedURL,
      "entries": inputs.entries.map(\.value.context),
    ]
  }
}

/// `feed.xml`, `tags/NAME/feed.xml`: an Atom feed of the newest entries.
enum FeedPage: TemplatePage {
  struct Inputs: Encodable, Sendable {
    var title: String
    var path: String
    var alternate: String
    var updated: String
    var entries: [Item]
  }
  struct Item: Encodable, Sendable {
    var title: String
    var url: String
    var updated: String
    var tags: [String]
    var body: EntryBody
  }

  static let template = "feed"

  static func context(_ inputs: Inputs) -> [String: Any] {
    [
      "title": inputs.title, "path": inputs.path, "alternate": inputs.alternate, "root": "",
      "updated": inputs.updated,
      "entries": inputs.entries.map { item -> [String: Any] in
        [
          "title": item.title, "url": item.url, "updated": item.updated,
          "tags": item.tags.map { ["name": $0] }, "html": item.body.html(item.body.page),
        ]
      },
    ]
  }
}

/// `search/index.html`: the search page; its index is in the `search/*.js` files.
enum SearchPage: TemplatePage {
  struct Inputs: Encodable, Sendable {}
  static let template = "search"
  static func context(_ inputs: Inputs) -> [String: Any] { [:] }
}

/// `404.html`, served for any missing path, so its links start from the site's own path.
enum NotFoundPage: TemplatePage {
  struct Inputs: Encodable, Sendable {
    /// The path part of the base URL (`/` or `/journal/`).
    var root: String
  }
  static let template = "404"
  static func context(_ inputs: Inputs) -> [String: Any] { ["root": inputs.root] }
}

/// `sitemap.xml`: every page, entries with their date.
enum SitemapPage: TemplatePage {
  struct Inputs: Encodable, Sendable {
    var urls: [URLEntry]
  }
  struct URLEntry: Encodable, Sendable {
    var loc: String
    var lastmod: String?
  }

  static let template = "sitemap"

  static func context(_ inputs: Inputs) -> [String: Any] {
    [
      "urls": inputs.urls.map { url -> [String: Any] in
        var context: [String: Any] = ["loc": url.loc]
        if let lastmod = url.lastmod { context["lastmod"] = lastmod }
        return context
      }
    ]
  }
}

/// `search/tN.js`: a shard of the search index's terms and their postings.
enum SearchTermShard: PageKind {
  struct Inputs: Encodable, Sendable {
    var number: Int
    var terms: [String]
    var postings: SiteCache.Postings

    /// The terms with their lists, hashed straight from the lists (tens of thousands of
    /// numbers a shard): cheaper than encoding them one by one.
    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      var hasher = StableHasher()
      hasher.combine(number)
      hasher.combine(postings.docCount)
      hasher.combine(postings.shardCount)
      for term in terms {
        hasher.combine(term)
        var h = hasher.value
        for id in postings.lists[term] ?? [] { h = (h ^ UInt64(id)) &* 0x100_0000_01b3 }
        hasher = StableHasher(value: h)
      }
      try container.encode(hasher.value)
    }
  }

  static func make(_ inputs: Inputs, path: String, in site: SiteEnvironment) -> Data {
    SearchIndexBuilder.termShard(inputs.number, terms: inputs.terms, postings: inputs.postings)
  }
}

/// `search/dN.js`: a shard of the search index's documents (the sections of entries).
enum SearchDocumentShard: PageKind {
  struct Inputs: Encodable, Sendable {
    var number: Int
    var documents: [Document]
  }
  /// The `index`th search document of an entry's page.
  struct Document: Encodable, Sendable {
    let page: SitePage
    let index: Int

    func encode(to encoder: any Encoder) throws {
      var container = encoder.unkeyedContainer()
      try container.encode(page.docsDigest)
      try container.encode(page.url)
      try container.encode(index)
    }
  }

  static func make(_ inputs: Inputs, path: String, in site: SiteEnvironment) -> Data {
    SearchIndexBuilder.docShard(
      inputs.number,
      records: inputs.documents.map { item in
        let page = item.page
        let doc = page.docs[item.index]
        return [page.url + doc.anchor, page.title, doc.heading, page.iso, doc.snippet]
      })
  }
}

/// `search/meta.js`: how the search index is sharded.
enum SearchIndexMeta: PageKind {
  struct Inputs: Encodable, Sendable {
    var shardCount: Int
    var docCount: Int
    var averageLength: Double
  }

  static func make(_ inputs: Inputs, path: String, in site: SiteEnvironment) -> Data {
    SearchIndexBuilder.meta(
      shardCount: inputs.shardCount, docCount: inputs.docCount,
      averageLength: inputs.averageLength)
  }
}

/// `search/len.js`: every search document's length, for BM25.
enum SearchLengths: PageKind {
  struct Inputs: Encodable, Sendable {
    var lengths: [UInt8]
  }

  static func make(_ inputs: Inputs, path: String, in site: SiteEnvironment) -> Data {
    SearchIndexBuilder.lengthsScript(inputs.lengths)
  }
}
