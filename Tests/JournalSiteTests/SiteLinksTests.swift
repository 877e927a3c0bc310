import Foundation
import TestSupport
import Testing

@testable import JournalCore
@testable import JournalSite

/// Links between entries on the site: wiki links and day-file links become links to the entry
/// page and heading, pages list their backlinks, broken links are reported, and a rebuild
/// renders again exactly the pages whose links or backlinks changed.
@Suite struct SiteLinksTests {
  func journal(_ entries: [String: String]) throws -> (TemporaryDirectory, Journal) {
    let folder = TemporaryDirectory("site-links")
    let journal = Journal(root: folder.url)
    for (iso, text) in entries {
      let url = journal.entryURL(for: JournalDate(iso: iso)!)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return (folder, journal)
  }

  static let entries = [
    "2018-09-17": "#### Siraj stuff\nVideos.\n\n#### Pytorch RNN - NameNet\nA char RNN.\n",
    "2018-09-26": """
    #### torch.nn
    Like [[siraj stuff|NameNet]] but with [[2018-09-17#pytorch rnn - namenet|the RNN]]. See also
    [that day](../2018/2018-09-17.md#siraj-stuff) and [[Nowhere]].

    ## Setup :snake:
    Back to [[#Setup]] and `[[not a link]]`.
    """,
    "2018-10-01": "# Later\nNothing links here.\n",
  ]

  @Test func linksResolveToPagesAndHeadings() throws {
    let (folder, journal) = try journal(Self.entries)
    _ = folder
    let (report, site) = try buildSite(journal)
    let page = readFile(site.appendingPathComponent("2018/09/26/index.html"))
    #expect(
      page.contains(
        "Like <a class=\"wikilink\" href=\"../../../2018/09/17/index.html\">NameNet</a> but with "
          + "<a class=\"wikilink\" href=\"../../../2018/09/17/index.html#pytorch-rnn---namenet\">"
          + "the RNN</a>."))
    #expect(
      page.contains(
        "<a href=\"../../../2018/09/17/index.html\">that day</a>"))
    #expect(page.contains("<span class=\"wikilink missing\""))
    #expect(page.contains("<a class=\"wikilink\" href=\"#setup-\">Setup</a>"))
    #expect(page.contains("<code>[[not a link]]</code>"))
    #expect(
      report.warnings.map { "\($0.file ?? ""):\($0.line ?? 0): \($0.message)" } == [
        "journal/2018/2018-09-26.md:3: link 'Nowhere': no entry titled 'Nowhere' and no heading "
          + "'Nowhere'"
      ])
    let target = readFile(site.appendingPathComponent("2018/09/17/index.html"))
    #expect(target.contains("<h2 id=\"linked-from\">Linked from</h2>"))
    #expect(target.contains("<a href=\"../../../2018/09/26/index.html\">torch.nn</a>"))
    #expect(target.contains("<blockquote>Like NameNet but with the RNN.</blockquote>"))
    // One backlink per linking section: three links from one section make one item.
    #expect(
      target.components(separatedBy: "<li><a href=\"../../../2018/09/26/index.html").count == 2)
    #expect(
      !readFile(site.appendingPathComponent("2018/10/01/index.html"))
        .contains("Linked from"))
  }

  @Test func aRebuildRendersAgainThePagesWhoseLinksChanged() throws {
    let (folder, journal) = try journal(Self.entries)
    _ = folder
    let (_, site) = try buildSite(journal)
    func modified(_ path: String) throws -> Date {
      try FileManager.default.attributesOfItem(
        atPath: site.appendingPathComponent(path).path)[.modificationDate] as! Date
    }
    let linking = "2018/09/26/index.html", target = "2018/09/17/index.html",
      other = "2018/10/01/index.html"
    let before = try [linking, target, other].map(modified)
    Thread.sleep(forTimeInterval: 0.02)

    // Renaming the target heading breaks a link: the linking page is rendered again, though
    // its file did not change.
    let url = journal.entryURL(for: JournalDate(iso: "2018-09-17")!)
    try readFile(url).replacingOccurrences(of: "Pytorch RNN - NameNet", with: "Char RNN")
      .write(to: url, atomically: true, encoding: .utf8)
    let (report, _) = try buildSite(journal)
    #expect(report.parsed == 2, "the edited entry and the entry linking to its heading")
    let after = try [linking, target, other].map(modified)
    #expect(after[0] != before[0])
    #expect(after[1] != before[1])
    #expect(after[2] == before[2])
    #expect(
      readFile(site.appendingPathComponent(linking)).contains(
        "<span class=\"wikilink missing\" title=\"no such entry or heading: "
          + "2018-09-17#pytorch rnn - namenet\">the RNN</span>"))
    #expect(report.warnings.count == 2, "\(report.warnings)")

    // The same site as a build from nothing.
    let fresh = journal.root.appendingPathComponent("fresh")
    try? FileManager.default.removeItem(
      at: SiteBuilder(journal: journal, options: .init(outputFolder: fresh)).cacheFolder)
    _ = try buildSite(journal, out: fresh)
    for name in siteFiles(site) {
      #expect(
        readFile(site.appendingPathComponent(name))
          == readFile(fresh.appendingPathComponent(name)), "\(name)")
    }
  }

  @Test func headingScanGuessesWhatTheParseFinds() throws {
    for (iso, text) in Self.entries {
      let date = JournalDate(iso: iso)!
      let entry = try Entry(date: date, path: Entry.relativePath(for: date), source: text)
      let document = MarkdownPipeline(options: SiteBuilder.defaultMarkdown).document(for: entry)
      #expect(
        LinkTargets.Target(scanning: entry, dropsTitleHeading: true)
          == LinkTargets.Target(document: document), "\(iso)")
    }
  }
}
