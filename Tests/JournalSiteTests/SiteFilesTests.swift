import Foundation
import TestSupport
import Testing

@testable import JournalCore
@testable import JournalSite

/// Images and linked files of the journal on the site: published under content-hashed names,
/// only when an entry refers to them, re-rendered when they change, and warned about when
/// missing or outside `journal/`.
@Suite struct SiteFilesTests {
  func journal() throws -> (TemporaryDirectory, Journal) {
    let folder = TemporaryDirectory("site-files")
    try folder.write(
      "journal/2018/2018-09-17.md",
      """
      #### Plots
      ![loss curve](../assets/loss%201.svg) from [the runs](../assets/runs.csv#top).
      ![gone](../assets/gone.png) ![out](../../secret.txt) ![web](https://example.org/a.png)

      """)
    try folder.write("journal/2018/2018-09-18.md", "#### No files\nJust text.\n")
    try folder.write("journal/assets/loss 1.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
    try folder.write("journal/assets/runs.csv", "step,loss\n1,0.5\n")
    try folder.write("journal/assets/private.txt", "not referenced\n")
    try folder.write("secret.txt", "outside journal/\n")
    return (folder, Journal(root: folder.url))
  }

  @Test func referencedFilesArePublishedUnderTheirHash() throws {
    let (folder, journal) = try journal()
    let (report, site) = try buildSite(journal)
    let svg = ContentHash(of: Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n".utf8)).hex
    let csv = ContentHash(of: Data("step,loss\n1,0.5\n".utf8)).hex
    #expect(
      siteFiles(site).filter { $0.hasPrefix("assets/files/") }.sorted()
        == [
          "assets/files/\(svg)/loss-1.svg", "assets/files/\(csv)/runs.csv",
        ].sorted())
    let page = readFile(site.appendingPathComponent("2018/09/17/index.html"))
    #expect(
      page.contains("<img src=\"../../../assets/files/\(svg)/loss-1.svg\" alt=\"loss curve\""))
    #expect(page.contains("<a href=\"../../../assets/files/\(csv)/runs.csv\">the runs</a>"))
    #expect(page.contains("<img src=\"https://example.org/a.png\""))
    #expect(
      report.warnings.map { "\($0.file ?? ""):\($0.line ?? 0): \($0.message)" } == [
        "journal/2018/2018-09-17.md:3: image '../assets/gone.png': no such file "
          + "journal/assets/gone.png",
        "journal/2018/2018-09-17.md:3: image '../../secret.txt' is outside journal/: not published",
      ])
    #expect(!siteFiles(site).contains { $0.contains("private") || $0.contains("secret") })

    // A changed image gets a new address; the page that shows it is rendered again, the other
    // page is not; the old file leaves the site.
    try folder.write("journal/assets/loss 1.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" />\n")
    let other = site.appendingPathComponent("2018/09/18/index.html")
    let before = try FileManager.default.attributesOfItem(atPath: other.path)[.modificationDate]
    let (again, _) = try buildSite(journal)
    #expect(again.parsed == 1)
    let changed = ContentHash(of: Data("<svg xmlns=\"http://www.w3.org/2000/svg\" />\n".utf8)).hex
    let files = siteFiles(site).filter { $0.hasPrefix("assets/files/") }.sorted()
    #expect(
      files == ["assets/files/\(changed)/loss-1.svg", "assets/files/\(csv)/runs.csv"].sorted())
    #expect(readFile(site.appendingPathComponent("2018/09/17/index.html")).contains(changed))
    let after = try FileManager.default.attributesOfItem(atPath: other.path)[.modificationDate]
    #expect(before as? Date == after as? Date)
  }

  @Test func pathsResolveFromTheDayFileAndStayInsideTheJournal() {
    let page = "journal/2018/2018-09-17.md"
    #expect(PageFile.source(of: "../assets/a.png", from: page) == "journal/assets/a.png")
    #expect(PageFile.source(of: "a%20b.png?x=1#y", from: page) == "journal/2018/a b.png")
    #expect(
      PageFile.source(of: "./../../journal/assets/a.png", from: page) == "journal/assets/a.png")
    #expect(PageFile.source(of: "../../a.png", from: page) == nil)
    #expect(PageFile.source(of: "../.outputs/x.json", from: page) == nil)
    #expect(PageFile.source(of: "https://x.org/a.png", from: page) == nil)
    #expect(PageFile.source(of: "/etc/passwd", from: page) == nil)
    #expect(PageFile.source(of: "#top", from: page) == nil)
    #expect(
      PageFile.publishedPath(source: "journal/assets/été <1>.png", hash: 1)
        == "assets/files/0000000000000001/--t----1-.png")
  }
}
