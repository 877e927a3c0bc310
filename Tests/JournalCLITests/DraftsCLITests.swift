import Foundation
import TestSupport
import Testing

/// `draft: true` keeps an entry out of every part of the site unless `build --drafts`; the
/// local index still finds it and says it is a draft.
@Suite struct DraftsCLITests {
  func journal() throws -> TemporaryDirectory {
    let dir = TemporaryDirectory("drafts-cli")
    try dir.write("journal/2018/2018-09-25.md", "# Published\nPlain text.\n")
    try dir.write(
      "journal/2018/2018-09-26.md",
      "---\ndraft: true\ntags: [secret]\n---\n# Quokka notes\nQuokka facts, see [[2018-09-25]].\n")
    return dir
  }

  /// Every file of the site whose text contains `word`.
  func files(in site: URL, containing word: String) -> [String] {
    let walker = FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil)
    var found: [String] = []
    while let url = walker?.nextObject() as? URL {
      guard let data = try? Data(contentsOf: url) else { continue }
      if String(decoding: data, as: UTF8.self).lowercased().contains(word) {
        found.append(String(url.path.dropFirst(site.path.count + 1)))
      }
    }
    return found.sorted()
  }

  @Test func draftsStayOutOfTheSiteUnlessAskedFor() throws {
    let dir = try journal()
    let site = dir.url.appendingPathComponent("_site")
    let build = try runJournal(["build"], in: dir.url)
    #expect(build.status == 0, "\(build.stderr)")
    #expect(build.stdout.contains("built 1 entries"))
    #expect(build.stdout.contains(", 1 drafts left out (--drafts builds them)\n"))
    // No page, archive, tag page, feed, sitemap line, search shard or backlink names it.
    #expect(files(in: site, containing: "quokka") == [])
    #expect(files(in: site, containing: "2018/09/26") == [])
    #expect(files(in: site, containing: "secret") == [])

    let drafts = try runJournal(["build", "--drafts"], in: dir.url)
    #expect(drafts.status == 0, "\(drafts.stderr)")
    #expect(drafts.stdout.contains("built 2 entries"))
    let with = files(in: site, containing: "quokka")
    #expect(with.contains("2018/09/26/index.html"))
    #expect(with.contains("2018/09/25/index.html"), "the backlink from the draft")
    #expect(with.contains("feed.xml"))
    #expect(with.contains { $0.hasPrefix("tags/secret/") })

    // And out again: its pages are removed.
    let again = try runJournal(["build"], in: dir.url)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(files(in: site, containing: "quokka") == [])
    #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("2018/09/26").path))
  }

  /// Making an entry a draft, and a draft an entry, takes effect in an incremental build.
  @Test func togglingDraftBetweenBuilds() throws {
    let dir = try journal()
    let site = dir.url.appendingPathComponent("_site")
    #expect(try runJournal(["build"], in: dir.url).status == 0)
    try dir.write("journal/2018/2018-09-26.md", "# Quokka notes\nNo longer a draft.\n")
    #expect(try runJournal(["build"], in: dir.url).status == 0)
    #expect(files(in: site, containing: "quokka").contains("2018/09/26/index.html"))
    try dir.write("journal/2018/2018-09-25.md", "---\ndraft: true\n---\n# Published\nPlain.\n")
    let build = try runJournal(["build"], in: dir.url)
    #expect(build.stdout.contains(", 1 drafts left out"))
    #expect(files(in: site, containing: "published") == [])
  }

  @Test func searchFindsDraftsAndMarksThem() throws {
    let dir = try journal()
    let text = try runJournal(["search", "quokka"], in: dir.url, environment: ["NO_COLOR": "1"])
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.hasPrefix("2018-09-26  Quokka notes  (draft)\n"))
    let json = try runJournal(["search", "quokka", "--format", "jsonl"], in: dir.url)
    #expect(json.stdout.contains("\"draft\":true"))
    let plain = try runJournal(["search", "plain", "--format", "jsonl"], in: dir.url)
    #expect(plain.stdout.contains("\"draft\":false"))
    let markdown = try runJournal(["search", "quokka", "--format", "markdown"], in: dir.url)
    #expect(markdown.stdout.hasPrefix("- **2018-09-26** (draft) [Quokka notes"))
  }

  @Test func aBadDraftValueNamesTheKeyAndLine() throws {
    let dir = try journal()
    try dir.write("journal/2018/2018-09-26.md", "---\ntitle: Q\ndraft: yes please\n---\nText.\n")
    let build = try runJournal(["build"], in: dir.url)
    #expect(build.status == 1)
    #expect(
      build.stderr.contains(
        "journal/2018/2018-09-26.md:3: front matter 'draft' must be true or false, not "
          + "'yes please'"), "\(build.stderr)")
    #expect(build.stdout.contains("built 1 entries"))
  }
}
