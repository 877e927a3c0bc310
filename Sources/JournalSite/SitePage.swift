import Foundation
import JournalCells
import JournalCore

/// What the site needs of one entry, once its Markdown is rendered: enough to build every page
/// without parsing the entry again, so that it can be kept in the site cache between builds.
struct SitePage: Sendable {
  struct TOCItem: Sendable, Equatable, Encodable {
    var level: Int
    var heading: String
    var anchor: String
  }

  /// A searchable section.
  struct SearchDoc: Sendable, Equatable, Encodable {
    /// `#anchor`, or empty when the section has no anchor in the page.
    var anchor: String
    var heading: String
    var snippet: String
  }

  /// The table of contents and search documents: most builds need them for a few pages only,
  /// so the cache keeps them in its blob and reads them on first use.
  struct Details: Sendable {
    /// Sections with a heading whose anchor exists in the HTML.
    var toc: [TOCItem]
    var docs: [SearchDoc]
  }

  /// What a page never changes after it is made, behind one reference: pages are copied
  /// between the cache, the builder and the renderer, and a struct of fifteen references cost
  /// fifteen retains per copy (a tenth of a one-entry rebuild).
  private final class Storage: Sendable {
    let date: JournalDate
    let iso: String
    let url: String
    let path: String
    let title: String
    let excerpt: String
    let tagNames: [String]
    let storedDetails: Details?
    let lazyDetails: SiteCache.LazyDetails?
    let docCount: Int
    let html: String?
    let terms: [SearchIndexBuilder.SectionTerms]?
    let bodyDigest: UInt64
    let docsDigest: UInt64
    let links: PageLinks

    init(
      date: JournalDate, iso: String, path: String, title: String, excerpt: String,
      tagNames: [String], storedDetails: Details?, lazyDetails: SiteCache.LazyDetails?,
      docCount: Int, html: String?, terms: [SearchIndexBuilder.SectionTerms]?,
      digests: (body: UInt64, docs: UInt64), links: PageLinks
    ) {
      self.links = links
      self.date = date
      self.iso = iso
      url = SitePage.url(iso)
      self.path = path
      self.title = title
      self.excerpt = excerpt
      self.tagNames = tagNames
      self.storedDetails = storedDetails
      self.lazyDetails = lazyDetails
      self.docCount = docCount
      self.html = html
      self.terms = terms
      (bodyDigest, docsDigest) = digests
    }
  }

  private let storage: Storage

  var date: JournalDate { storage.date }
  /// `2018-09-26`
  var iso: String { storage.iso }
  /// `journal/2018/2018-09-26.md`
  var path: String { storage.path }
  var title: String { storage.title }
  var excerpt: String { storage.excerpt }
  var tagNames: [String] { storage.tagNames }
  /// How many search documents: `docs.count`.
  var docCount: Int { storage.docCount }
  var details: Details {
    storage.storedDetails ?? storage.lazyDetails?.value(for: self) ?? Details(toc: [], docs: [])
  }
  /// Where the cache keeps the details.
  var detailsRef: SiteCache.BlobRef? { storage.lazyDetails?.ref }
  var toc: [TOCItem] { details.toc }
  var docs: [SearchDoc] { details.docs }
  /// The rendered body; nil when it stays in the cache until a page needs it.
  var html: String? { storage.html }
  /// Where the cache keeps the body.
  var htmlRef: SiteCache.BlobRef?
  /// The terms and length of each of `docs`, when the entry was parsed in this build.
  var terms: [SearchIndexBuilder.SectionTerms]? { storage.terms }
  /// Where the cache has this page's record, when it is unchanged since the last build.
  var cachedRecord: Range<Int>? = nil
  /// Hashes of what the entry's own page shows of its body (`bodyDigest`: the HTML and the
  /// table of contents) and of its search documents (`docsDigest`), made when the entry is
  /// parsed and kept in the site cache with them, so that keys never need them read.
  var bodyDigest: UInt64 { storage.bodyDigest }
  var docsDigest: UInt64 { storage.docsDigest }
  /// The entry as a link target, its links to other entries, and what they came to.
  var links: PageLinks { storage.links }
  /// The tags with their URL slugs, which depend on the whole site; set by the renderer.
  var tags: [(name: String, slug: String)] = []

  /// `2018/09/26/`
  var url: String { storage.url }

  /// A page from the cache, its details still encoded.
  init(
    date: JournalDate, path: String, title: String, excerpt: String, tagNames: [String],
    details: SiteCache.LazyDetails, docCount: Int, htmlRef: SiteCache.BlobRef,
    digests: (body: UInt64, docs: UInt64), links: PageLinks
  ) {
    // `journal/2018/2018-09-26.md`: the date is in the name, cheaper to cut than to format.
    let iso =
      path.hasSuffix(".md") && path.utf8.count >= 13
      ? String(decoding: path.utf8.dropLast(3).suffix(10), as: UTF8.self) : date.iso
    storage = Storage(
      date: date, iso: iso, path: path, title: title, excerpt: excerpt,
      tagNames: tagNames, storedDetails: nil, lazyDetails: details, docCount: docCount,
      html: nil, terms: nil, digests: digests, links: links)
    self.htmlRef = htmlRef
  }

  init(
    date: JournalDate, path: String, title: String, excerpt: String, tagNames: [String],
    toc: [TOCItem], docs: [SearchDoc], html: String, terms: [SearchIndexBuilder.SectionTerms],
    links: PageLinks
  ) {
    let bodyDigest = StableHashEncoder.hash(Body(html: html, toc: toc))
    let docsDigest = StableHashEncoder.hash(Documents(title: title, iso: date.iso, docs: docs))
    storage = Storage(
      date: date, iso: date.iso, path: path, title: title, excerpt: excerpt,
      tagNames: tagNames, storedDetails: Details(toc: toc, docs: docs), lazyDetails: nil,
      docCount: docs.count, html: html, terms: terms,
      digests: (bodyDigest, docsDigest), links: links)
    htmlRef = nil
  }

  /// What an entry's own page shows of its body.
  private struct Body: Encodable {
    var html: String
    var toc: [TOCItem]
  }

  /// What the search index shows of an entry.
  private struct Documents: Encodable {
    var title: String
    var iso: String
    var docs: [SearchDoc]
  }

  static func url(_ iso: String) -> String {
    let bytes = Array(iso.utf8)
    guard bytes.count == 10 else {
      return "\(iso.prefix(4))/\(iso.dropFirst(5).prefix(2))/\(iso.suffix(2))/"
    }
    // `YYYY-MM-DD` to `YYYY/MM/DD/`, byte by byte: ten thousand pages per build.
    let slash = UInt8(ascii: "/")
    return String(
      decoding: bytes[0..<4] + [slash] + bytes[5..<7] + [slash] + bytes[8..<10] + [slash],
      as: UTF8.self)
  }

  /// The page made from a freshly rendered document whose links came to `linkDigest`.
  init(document: Document, entry: Entry, linkDigest: UInt64, images: [PageFile] = []) {
    let anchored = Self.anchoredSections(document)
    let anchors = Set(anchored.map(\.anchor))
    let toc = anchored.filter { $0.level > 0 }.map {
      TOCItem(level: $0.level, heading: $0.heading, anchor: $0.anchor)
    }
    var docs: [SearchDoc] = []
    var terms: [SearchIndexBuilder.SectionTerms] = []
    let tagWords = document.tags.joined(separator: " ")
    for section in document.sections {
      let body = [section.heading, section.text, section.code, section.mathText]
        .filter { !$0.isEmpty }.joined(separator: "\n")
      if body.unicodeScalars.allSatisfy(\.properties.isWhitespace) { continue }
      var text = body
      if docs.isEmpty { text += "\n" + document.title + "\n" + tagWords }
      docs.append(
        SearchDoc(
          anchor: anchors.contains(section.anchor) ? "#" + section.anchor : "",
          heading: section.heading,
          // Long enough that search.js finds most matches in it to show them.
          snippet: SiteRenderer.excerpt(
            section.text.isEmpty ? section.code : section.text + " " + section.code,
            limit: SearchIndexBuilder.snippetLength)))
      terms.append(SearchIndexBuilder.sectionTerms(in: text, heading: section.heading))
    }
    let prose = document.sections.map(\.text).joined(separator: " ")
    self.init(
      date: entry.date, path: entry.path, title: document.title,
      excerpt: SiteRenderer.excerpt(prose, limit: 220), tagNames: document.tags, toc: toc,
      docs: docs, html: document.html, terms: terms,
      links: PageLinks(document: document, digest: linkDigest, images: images))
  }

  /// Sections whose anchors exist in the document's HTML.
  static func anchoredSections(_ document: Document) -> [Section] {
    let ids = SiteRenderer.ids(in: document.html)
    return document.sections.filter { !$0.anchor.isEmpty && ids.contains($0.anchor) }
  }
}
