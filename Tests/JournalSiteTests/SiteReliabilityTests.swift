import Foundation
import JournalCore
import TestSupport
import Testing

@testable import JournalSite

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Issue 19, items 7 and 8: any tag gives a folder name, a failed first build does not block the
/// next, and control characters never reach the feeds or pages.
@Suite struct SiteReliabilityTests {
  func journal(_ days: [String: String]) throws -> (TemporaryDirectory, Journal) {
    let folder = TemporaryDirectory("site-reliability")
    for (iso, text) in days { try folder.write("journal/\(iso.prefix(4))/\(iso).md", text) }
    return (folder, Journal(root: folder.url))
  }

  @Test func longTagsGetShortUniqueFolders() throws {
    let long = String(repeating: "x", count: 300)
    let wide = String(repeating: "日", count: 120)
    let (folder, journal) = try self.journal([
      "2018-09-26": "---\ntags: [\(long)a, \(long)b, \(wide), short]\n---\nText.\n"
    ])
    _ = try buildSite(journal)
    var tags: [String] = []
    for file in siteFiles(folder.url.appendingPathComponent("_site")) {
      let parts = file.split(separator: "/").map(String.init)
      if parts.count == 3, parts[0] == "tags", parts[2] == "index.html" { tags.append(parts[1]) }
    }
    #expect(tags.count == 4)
    #expect(tags.allSatisfy { $0.utf8.count <= SiteRenderer.maximumSlugBytes })
    #expect(Set(tags).count == 4)
    #expect(tags.contains("short"))
    let slugs = SiteRenderer.tagSlugs([long + "a", long + "b"])
    #expect(slugs[long + "a"]?.hasPrefix(String(repeating: "x", count: 79) + "-") == true)
    #expect(slugs[long + "a"]?.utf8.count == 96)
    #expect(slugs[long + "a"] != slugs[long + "b"])
  }

  @Test func aFailedFirstBuildDoesNotBlockTheNext() throws {
    let (folder, journal) = try self.journal(["2018-09-26": "# Day\nText.\n"])
    // What a first build that died while writing leaves: its marker, some pages, no manifest.
    try folder.write("_site/.journal-site-writing", "")
    try folder.write("_site/2018/09/26/index.html", "half")
    let (_, site) = try buildSite(journal)
    #expect(readFile(site.appendingPathComponent("2018/09/26/index.html")).contains("Text."))
    #expect(
      FileManager.default.fileExists(atPath: site.appendingPathComponent(".journal-site").path))
    #expect(
      !FileManager.default.fileExists(
        atPath: site.appendingPathComponent(".journal-site-writing").path))
  }

  @Test func controlCharactersNeverReachTheFeed() throws {
    let (folder, journal) = try self.journal([
      "2018-09-26": "---\ntitle: \"Red \\e[31m title\"\ntags: [\"a\\x01b\"]\n---\n"
        + "Pasted \u{1B}[0m colours and a \u{7} bell.\n\n    code \u{8}\n"
    ])
    _ = try buildSite(journal)
    let site = folder.url.appendingPathComponent("_site")
    let feed = readFile(site.appendingPathComponent("feed.xml"))
    #expect(feed.contains("Red \u{FFFD}[31m title"))
    #expect(feed.contains("Pasted \u{FFFD}[0m colours and a \u{FFFD} bell."))
    for file in siteFiles(site) where file.hasSuffix(".xml") || file.hasSuffix(".html") {
      let text = readFile(site.appendingPathComponent(file))
      let bad = text.unicodeScalars.first {
        $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" || $0.value == 0x7F
      }
      #expect(bad == nil, "\(file) holds U+\(String(bad?.value ?? 0, radix: 16))")
    }
    // Foundation's XML parser is strict about them.
    #expect(XMLParser(data: Data(feed.utf8)).parse())
  }
}
