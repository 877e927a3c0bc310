import Foundation
import TestSupport
import Testing

/// `journal init` and `journal.yml` as a user meets them.
@Suite struct ConfigCLITests {
  @Test func initMakesAJournalThatEveryCommandFinds() throws {
    let dir = TemporaryDirectory("init-cli")
    let created = try runJournal(["init", "notes"], in: dir.url)
    #expect(created.status == 0, "\(created.stderr)")
    #expect(created.stdout.contains("created journal.yml\n"))
    let root = dir.url.appendingPathComponent("notes")
    let added = try runJournal(["add", "--date", "2020-01-02", "First note."], in: root)
    #expect(added.status == 0, "\(added.stderr)")
    #expect(try runJournal(["search", "note"], in: root).status == 0)
    let again = try runJournal(["init", "notes"], in: dir.url)
    #expect(again.status == 1)
    #expect(again.stderr.hasSuffix("notes: already a journal: it has a journal.yml\n"))
  }

  @Test func noJournalFoundNamesInit() throws {
    let dir = TemporaryDirectory("no-journal")
    let result = try runJournal(["list"], in: dir.url, environment: ["JOURNAL_DIR": ""])
    #expect(result.status == 2)
    #expect(result.stderr.contains("create one with 'journal init'"))
  }

  @Test func theConfigSetsTheSiteAndOptionsOverrideIt() throws {
    let dir = TemporaryDirectory("config-cli")
    try dir.write("journal/2020/2020-01-02.md", "#### Hello\nWorld.\n")
    try dir.write(
      "journal.yml",
      """
      title: Lab notes
      author: Ada
      base_url: https://example.org/lab/
      language: fr
      output: public
      params:
        motto: Measure twice
      colour: blue
      """)
    try dir.write("templates/partials/footer.mustache", "<footer>{{site.params.motto}}</footer>\n")
    let built = try runJournal(["build"], in: dir.url)
    #expect(built.status == 0, "\(built.stderr)")
    // The unknown key is a warning with its line; nothing about a missing base URL.
    #expect(
      built.stderr == "journal: warning: journal.yml:8: unknown key 'colour' ignored "
        + "(known: title, description, author, base_url, language, data, math, output, "
        + "trust_html, params)\n")
    let home = try String(
      contentsOf: dir.url.appendingPathComponent("public/index.html"), encoding: .utf8)
    #expect(home.contains("<html lang=\"fr\">"))
    #expect(home.contains("<title>Lab notes</title>"))
    #expect(home.contains("<footer>Measure twice</footer>"))
    let feed = try String(
      contentsOf: dir.url.appendingPathComponent("public/feed.xml"), encoding: .utf8)
    #expect(feed.contains("https://example.org/lab/2020/01/02/"))
    #expect(feed.contains("<name>Ada</name>"))
    let overridden = try runJournal(
      ["build", "--out", "other", "--base-url", "https://other.org/"], in: dir.url)
    #expect(overridden.status == 0)
    let sitemap = try String(
      contentsOf: dir.url.appendingPathComponent("other/sitemap.xml"), encoding: .utf8)
    #expect(sitemap.contains("https://other.org/2020/01/02/"))
  }

  @Test func buildingWithoutABaseURLSaysSoOnce() throws {
    let dir = TemporaryDirectory("no-base")
    try dir.write("journal/2020/2020-01-02.md", "Hi.\n")
    let built = try runJournal(["build"], in: dir.url)
    #expect(built.status == 0)
    #expect(built.stderr.components(separatedBy: "no base URL").count == 2)
    #expect(built.stderr.contains("set base_url in journal.yml or pass --base-url"))
  }

  @Test func aBadConfigStopsEveryCommandWithItsLine() throws {
    let dir = TemporaryDirectory("bad-config")
    try dir.write("journal/2020/2020-01-02.md", "Hi.\n")
    try dir.write("journal.yml", "title: T\nmath: mathjax\n")
    for command in [["build"], ["search", "hi"], ["list"]] {
      let result = try runJournal(command, in: dir.url)
      #expect(result.status == 1, "\(command)")
      #expect(result.stderr == "journal: journal.yml:2: 'math' must be mathml or katex\n")
    }
  }
}
