import Foundation
import JournalCells
import TestSupport
import Testing

@testable import JournalCore
@testable import JournalSite

/// A rebuild uses the site cache (`.journal/site-cache/`) and the output manifest's keys: it
/// parses only changed entries, renders only pages whose inputs changed, and must give exactly
/// the site a fresh build gives.
@Suite struct SiteIncrementalBuildTests {
  /// Every file of a site with its contents and modification time.
  func snapshot(_ site: URL) throws -> [String: (text: String, modified: Date)] {
    var result: [String: (text: String, modified: Date)] = [:]
    for name in siteFiles(site) {
      let url = site.appendingPathComponent(name)
      let modified =
        try FileManager.default.attributesOfItem(atPath: url.path)[
          .modificationDate] as! Date
      result[name] = (readFile(url), modified)
    }
    return result
  }

  /// Expects `site` to hold the same files as a fresh build without any cache.
  func expectSameAsFreshBuild(_ journal: Journal, _ site: URL) throws {
    let fresh = journal.root.appendingPathComponent("fresh-\(UUID().uuidString.prefix(6))")
    let builder = SiteBuilder(
      journal: journal,
      options: SiteBuilder.Options(outputFolder: fresh, baseURL: "https://example.org/j/"))
    try? FileManager.default.removeItem(at: builder.cacheFolder)
    _ = try builder.build()
    let names = siteFiles(site)
    #expect(names == siteFiles(fresh))
    for name in names {
      #expect(
        readFile(site.appendingPathComponent(name))
          == readFile(fresh.appendingPathComponent(name)), "\(name)")
    }
    try FileManager.default.removeItem(at: fresh)
  }

  func append(_ text: String, to iso: String, in journal: Journal) throws {
    let url = journal.entryURL(for: JournalDate(iso: iso)!)
    try (readFile(url) + text).write(to: url, atomically: true, encoding: .utf8)
  }

  @Test func editingOneEntryChangesOnlyThePagesThatShowIt() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    let (first, site) = try buildSite(journal)
    #expect(first.parsed == 16)
    let before = try snapshot(site)
    // Mtimes have a granularity; make a rewrite visible.
    Thread.sleep(forTimeInterval: 0.02)

    try append("\nA new line about zebrafish.\n", to: "2018-09-12", in: journal)
    let report = try buildSite(journal).0
    #expect(report.parsed == 1, "only the edited entry is parsed again")
    let after = try snapshot(site)
    #expect(Set(before.keys) == Set(after.keys))
    let changed = Set(after.keys.filter { before[$0]!.text != after[$0]!.text })
    let touched = Set(after.keys.filter { before[$0]!.modified != after[$0]!.modified })
    #expect(touched == changed, "a file is rewritten exactly when its content changes")
    #expect(report.written == changed.count)
    // The entry's page; the feeds that carry its body (all 16 entries are in the feeds); the
    // search shards with its words and its documents. Not its neighbours, lists or archives.
    let pages = changed.filter { !$0.hasPrefix("search/") }
    let tags =
      try journal.entry(on: JournalDate(iso: "2018-09-12")!).map {
        MarkdownPipeline().document(for: $0).tags
      } ?? []
    var expected: Set<String> = ["2018/09/12/index.html", "feed.xml"]
    for tag in tags { expected.insert("tags/\(SiteRenderer.tagSlugs([tag])[tag]!)/feed.xml") }
    #expect(pages == expected)
    #expect(changed.contains("search/d0.js"))
    #expect(changed.contains { $0.hasPrefix("search/t") })
    #expect(after["2018/09/12/index.html"]!.text.contains("zebrafish"))
    try expectSameAsFreshBuild(journal, site)

    // Nothing changed: nothing parsed, nothing written.
    let again = try buildSite(journal).0
    #expect(again.parsed == 0 && again.written == 0 && again.removed == 0)
    _ = folder
  }

  /// An edit that changes no word's count keeps the search postings: the cache copies their
  /// bytes.
  @Test func anEditWithNoNewWordsKeepsTheCachedPostings() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    let (_, site) = try buildSite(journal)
    let builder = SiteBuilder(
      journal: journal,
      options: SiteBuilder.Options(outputFolder: site, baseURL: "https://example.org/j/"))
    try append("\nA new line about zebrafish.\n", to: "2018-09-12", in: journal)
    _ = try buildSite(journal)
    let key = builder.cacheKey()
    let before = try #require(SiteCache.load(folder: builder.cacheFolder, key: key).postings)
    #expect(before.lists["zebrafish"]?.count == 1)

    let url = journal.entryURL(for: JournalDate(iso: "2018-09-12")!)
    try readFile(url).replacingOccurrences(
      of: "A new line about zebrafish.", with: "About zebrafish, a new line."
    ).write(to: url, atomically: true, encoding: .utf8)
    let report = try buildSite(journal).0
    #expect(report.parsed == 1)
    let after = try #require(SiteCache.load(folder: builder.cacheFolder, key: key).postings)
    #expect(
      after.lists == before.lists && after.docCount == before.docCount
        && after.shardCount == before.shardCount && after.lengths == before.lengths)
    #expect(
      readFile(site.appendingPathComponent("2018/09/12/index.html"))
        .contains("About zebrafish, a new line."))
    try expectSameAsFreshBuild(journal, site)

    // And a later edit with a new word still updates them.
    try append("\nA line about quokkas.\n", to: "2018-09-12", in: journal)
    _ = try buildSite(journal)
    let later = try #require(SiteCache.load(folder: builder.cacheFolder, key: key).postings)
    #expect(later.lists["quokka"] == before.lists["zebrafish"])
    try expectSameAsFreshBuild(journal, site)
    _ = folder
  }

  @Test func aNewSectionRenumbersTheSearchDocumentsAndStillMatchesAFreshBuild() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    let (_, site) = try buildSite(journal)
    try append("\n#### Platypus\nA new section about monotremes.\n", to: "2018-07-23", in: journal)
    let report = try buildSite(journal).0
    #expect(report.parsed == 1)
    let page = readFile(site.appendingPathComponent("2018/07/23/index.html"))
    #expect(page.contains("Platypus"))
    #expect(page.contains("href=\"#platypus\""), "the table of contents lists the new section")
    try expectSameAsFreshBuild(journal, site)
    _ = folder
  }

  @Test func deletingAnEntryRemovesItsPageAndRelinksItsNeighbours() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    let (_, site) = try buildSite(journal)
    let older = readFile(site.appendingPathComponent("2018/09/09/index.html"))
    #expect(older.contains("rel=\"next\" href=\"../../../2018/09/12/index.html\""))
    try FileManager.default.removeItem(at: journal.entryURL(for: JournalDate(iso: "2018-09-12")!))
    let report = try buildSite(journal).0
    #expect(report.parsed == 0, "nothing needs parsing to drop an entry")
    #expect(report.removed >= 1)
    #expect(
      !FileManager.default.fileExists(
        atPath: site.appendingPathComponent("2018/09/12/index.html").path))
    let relinked = readFile(site.appendingPathComponent("2018/09/09/index.html"))
    #expect(!relinked.contains("2018/09/12/"))
    #expect(relinked.contains("rel=\"next\" href=\"../../../2018/09/17/index.html\""))
    for name in siteFiles(site) where name.hasSuffix(".html") || name.hasSuffix(".xml") {
      #expect(!readFile(site.appendingPathComponent(name)).contains("2018/09/12/"), "\(name)")
    }
    try expectSameAsFreshBuild(journal, site)
    _ = folder
  }

  @Test func aTemplateChangeRendersEveryPageAgain() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    let (_, site) = try buildSite(journal)
    try folder.write("templates/partials/footer.mustache", "<footer>Footer two</footer>\n")
    let report = try buildSite(journal).0
    #expect(report.parsed == 0, "templates do not change the entries' Markdown")
    let pages = siteFiles(site).filter { $0.hasSuffix(".html") }
    #expect(pages.count > 20)
    for name in pages {
      #expect(
        readFile(site.appendingPathComponent(name)).contains("<footer>Footer two</footer>"),
        "\(name)")
    }
    #expect(report.written >= pages.count)
    try expectSameAsFreshBuild(journal, site)
  }

  @Test func aCorruptedOrMissingCacheMeansAFullBuild() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    let (_, site) = try buildSite(journal)
    let builder = SiteBuilder(
      journal: journal,
      options: SiteBuilder.Options(outputFolder: site, baseURL: "https://example.org/j/"))
    let index = builder.cacheFolder.appendingPathComponent(SiteCache.cacheName)
    var bytes = try Data(contentsOf: index)
    bytes = bytes.prefix(bytes.count / 2) + Data(repeating: 0xff, count: 64)
    try bytes.write(to: index)
    try append("\nA line about okapis.\n", to: "2018-09-26", in: journal)
    let corrupted = try builder.build()
    #expect(corrupted.parsed == 16)
    #expect(readFile(site.appendingPathComponent("2018/09/26/index.html")).contains("okapis"))
    try expectSameAsFreshBuild(journal, site)

    // A blob that lost the HTML: the pages that need it are rendered from the entries again.
    let blobs = try FileManager.default.contentsOfDirectory(atPath: builder.cacheFolder.path)
      .filter { $0.hasPrefix("html-") }
    #expect(blobs.count == 1)
    let blob = builder.cacheFolder.appendingPathComponent(blobs[0])
    try Data(repeating: 0x20, count: 100).write(to: blob)
    try folder.write("templates/partials/footer.mustache", "<footer>Footer three</footer>\n")
    let lost = try builder.build()
    #expect(lost.parsed == 0)
    let page = readFile(site.appendingPathComponent("2018/09/26/index.html"))
    #expect(page.contains("okapis") && page.contains("Footer three"))
    try expectSameAsFreshBuild(journal, site)

    try FileManager.default.removeItem(at: builder.cacheFolder)
    let missing = try builder.build()
    #expect(missing.parsed == 16 && missing.written == 0)
  }

  @Test func anInterruptedBuildIsRepairedByTheNextOne() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    let (_, site) = try buildSite(journal)
    // As if a build had died while writing: a page holds other content of the same size, and
    // the marker says the manifest cannot be trusted.
    let page = site.appendingPathComponent("2018/08/28/index.html")
    let text = readFile(page)
    try String(repeating: "x", count: text.utf8.count).write(
      to: page, atomically: true, encoding: .utf8)
    try Data().write(to: site.appendingPathComponent(SiteOutput.writingMarkerName))
    let report = try buildSite(journal).0
    #expect(report.written == siteFiles(site).count, "every file is written anew")
    #expect(readFile(page) == text)
    #expect(try buildSite(journal).0.written == 0)
    #expect(
      !FileManager.default.fileExists(
        atPath: site.appendingPathComponent(SiteOutput.writingMarkerName).path))
    _ = folder
  }
}
