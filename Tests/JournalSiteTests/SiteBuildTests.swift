import Foundation
import JournalCells
import TestSupport
import Testing

@testable import JournalCore
@testable import JournalSite

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A temporary journal imported from the seed `../shared/data/journal-2018.md`, or nil when
/// `../shared` is absent.
func seedJournal() throws -> (folder: TemporaryDirectory, journal: Journal)? {
  guard let seed = TestPaths.shared("journal-2018.md"),
    FileManager.default.fileExists(atPath: seed.path)
  else { return nil }
  let folder = TemporaryDirectory("site-test")
  let journal = Journal(root: folder.url)
  _ = try Importer(journal: journal).importFile(at: seed, displayPath: seed.path)
  return (folder, journal)
}

func buildSite(_ journal: Journal, out: URL? = nil) throws -> (SiteBuilder.Report, URL) {
  let folder = out ?? journal.root.appendingPathComponent("_site")
  let builder = SiteBuilder(
    journal: journal,
    options: SiteBuilder.Options(outputFolder: folder, baseURL: "https://example.org/j/"))
  return (try builder.build(), folder)
}

func readFile(_ url: URL) -> String {
  (try? String(contentsOf: url, encoding: .utf8)) ?? ""
}

/// Every file of a site, relative paths.
func siteFiles(_ folder: URL) -> [String] {
  (try? SiteTemplates.files(under: folder)) ?? []
}

@Suite struct SiteBuildTests {
  @Test func everyEntryHasItsPage() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    _ = folder
    let (report, site) = try buildSite(journal)
    let entries = try journal.entries()
    #expect(report.entries == entries.count)
    #expect(entries.count == 16)
    #expect(report.problems.isEmpty)
    let pipeline = MarkdownPipeline()
    for entry in entries {
      let iso = entry.date.iso
      let path = "\(iso.prefix(4))/\(iso.dropFirst(5).prefix(2))/\(iso.suffix(2))/index.html"
      let html = readFile(site.appendingPathComponent(path))
      let title = pipeline.document(for: entry).title
      #expect(html.contains("<h1>\(SiteTestHTML.escape(title))</h1>"), "\(path)")
      #expect(html.contains("datetime=\"\(iso)\""))
    }
    let page = readFile(site.appendingPathComponent("2018/09/26/index.html"))
    #expect(page.contains("<title>torch.nn · Journal</title>"))
    #expect(page.contains("rel=\"prev\" href=\"../../../2018/09/25/index.html\""))
    #expect(!page.contains("rel=\"next\""), "the newest entry has no newer page")
    let home = readFile(site.appendingPathComponent("index.html"))
    #expect(home.contains("href=\"./2018/09/26/index.html\""))
    #expect(home.contains("href=\"./page/2/index.html\""))
    for path in [
      "404.html", "feed.xml", "sitemap.xml", "archives/index.html", "2018/index.html",
      "2018/09/index.html", "tags/index.html", "search/index.html", "assets/style.css",
      "assets/search.js", "search/meta.js", "page/2/index.html",
    ] {
      #expect(
        FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path),
        "\(path)")
    }
  }

  @Test func internalLinksAndAnchorsResolve() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    _ = folder
    let (_, site) = try buildSite(journal)
    var checked = 0
    for path in siteFiles(site) where path.hasSuffix(".html") && path != "404.html" {
      let html = readFile(site.appendingPathComponent(path))
      for link in SiteTestHTML.links(in: html) {
        if link.contains("://") || link.hasPrefix("mailto:") { continue }
        let (target, fragment) = SiteTestHTML.resolve(link, from: path)
        let url = site.appendingPathComponent(target)
        #expect(FileManager.default.fileExists(atPath: url.path), "\(path) -> \(link)")
        // From `file://` a link to a folder opens a directory listing: every link names a file.
        let file = link.prefix { $0 != "#" }
        #expect(file.isEmpty || !file.hasSuffix("/"), "\(path) -> \(link)")
        if let fragment, !fragment.isEmpty {
          #expect(readFile(url).contains("id=\"\(fragment)\""), "\(path) -> \(link)")
        }
        checked += 1
      }
    }
    #expect(checked > 300)
  }

  @Test func feedsAndSitemapAreWellFormedXML() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    _ = folder
    let (_, site) = try buildSite(journal)
    let xmlFiles = siteFiles(site).filter { $0.hasSuffix(".xml") }
    #expect(xmlFiles.contains("feed.xml") && xmlFiles.contains("sitemap.xml"))
    for path in xmlFiles {
      let parser = XMLParser(data: try Data(contentsOf: site.appendingPathComponent(path)))
      #expect(parser.parse(), "\(path): \(parser.parserError.map { "\($0)" } ?? "")")
    }
    let sitemap = readFile(site.appendingPathComponent("sitemap.xml"))
    #expect(sitemap.contains("<loc>https://example.org/j/2018/09/26/</loc>"))
    #expect(sitemap.contains("<lastmod>2018-09-26</lastmod>"))
    #expect(!sitemap.contains("404"))
    let feed = readFile(site.appendingPathComponent("feed.xml"))
    #expect(feed.components(separatedBy: "<entry>").count - 1 == 16)
    #expect(feed.contains("<id>https://example.org/j/2018/09/26/</id>"))
  }

  @Test func everyPageIsWellFormedHTML() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    _ = folder
    let (_, site) = try buildSite(journal)
    let pages = siteFiles(site).filter { $0.hasSuffix(".html") }
    #expect(pages.count >= 26)
    for path in pages {
      let problems = SiteTestHTML.problems(in: readFile(site.appendingPathComponent(path)))
      #expect(problems.isEmpty, "\(path): \(problems)")
    }
  }

  @Test func mathCountInPagesEqualsMathCountInSources() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    _ = folder
    let (_, site) = try buildSite(journal)
    let pipeline = MarkdownPipeline()
    var sourceCount = 0
    var pageCount = 0
    for entry in try journal.entries() {
      sourceCount += pipeline.document(for: entry).math.count
      let iso = entry.date.iso
      let page = readFile(
        site.appendingPathComponent(
          "\(iso.prefix(4))/\(iso.dropFirst(5).prefix(2))/\(iso.suffix(2))/index.html"))
      pageCount += page.components(separatedBy: "<math xmlns=").count - 1
    }
    #expect(sourceCount >= 18, "the seed journal has formulas")
    #expect(pageCount == sourceCount)
  }

  @Test func rebuildWritesOnlyWhatChangedAndRemovesDeletedEntries() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    let (first, site) = try buildSite(journal)
    #expect(first.written > 30 && first.unchanged == 0 && first.removed == 0)
    let again = try buildSite(journal).0
    #expect(again.written == 0)
    #expect(again.unchanged == first.written)

    let page = site.appendingPathComponent("2018/08/28/index.html")
    let before = try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate]
    let entryURL = journal.entryURL(for: JournalDate(iso: "2018-09-26")!)
    try (readFile(entryURL) + "\nA new line about zebrafish.\n").write(
      to: entryURL, atomically: true, encoding: .utf8)
    let edited = try buildSite(journal).0
    #expect(edited.written > 0 && edited.written < 15, "only pages showing that entry change")
    #expect(readFile(site.appendingPathComponent("2018/09/26/index.html")).contains("zebrafish"))
    let after = try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate]
    #expect(before as? Date == after as? Date, "an unrelated page is not rewritten")

    try FileManager.default.removeItem(at: journal.entryURL(for: JournalDate(iso: "2018-07-23")!))
    let deleted = try buildSite(journal).0
    #expect(deleted.removed >= 1)
    #expect(
      !FileManager.default.fileExists(
        atPath: site.appendingPathComponent("2018/07/23/index.html").path))
    #expect(
      !FileManager.default.fileExists(atPath: site.appendingPathComponent("2018/07").path),
      "the month had one entry: its archive and folder are gone")
    #expect(!siteFiles(site).contains { $0.hasSuffix(".tmp") })
    _ = folder
  }

  @Test func templateSyntaxErrorNamesFileAndLineAndLeavesTheSiteAlone() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    let (_, site) = try buildSite(journal)
    let before = siteFiles(site).map { ($0, readFile(site.appendingPathComponent($0))) }
    try folder.write("templates/entry.mustache", "<p>ok</p>\n<p>{{#entry}}\n{{title}}\n")
    try folder.write("journal/2018/2018-09-27.md", "# A new day\n")
    do {
      _ = try buildSite(journal)
      Issue.record("the build should fail")
    } catch let error as JournalError {
      #expect(error.file == "templates/entry.mustache")
      #expect(error.line == 4)
      #expect(error.description.hasPrefix("templates/entry.mustache:4: template syntax error"))
    }
    let after = siteFiles(site).map { ($0, readFile(site.appendingPathComponent($0))) }
    #expect(before.map(\.0) == after.map(\.0))
    #expect(before.map(\.1) == after.map(\.1))

    let result = try runJournal(["build", "--journal", folder.url.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("templates/entry.mustache:4:"))
  }

  @Test func ownTemplatesOverrideTheBuiltInOnes() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    try folder.write("templates/partials/footer.mustache", "<footer>My own footer</footer>\n")
    try folder.write("templates/assets/extra.css", "body { color: red; }\n")
    let (_, site) = try buildSite(journal)
    let page = readFile(site.appendingPathComponent("2018/09/26/index.html"))
    #expect(page.contains("<footer>My own footer</footer>"))
    #expect(page.contains("<a class=\"site-title\""), "the other templates are the defaults")
    #expect(readFile(site.appendingPathComponent("assets/extra.css")) == "body { color: red; }\n")
  }

  @Test func brokenEntryIsReportedAndTheRestBuilds() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    try folder.write("journal/2018/2018-09-27.md", "---\ntitle: [unclosed\n---\nText\n")
    let (report, site) = try buildSite(journal)
    #expect(report.entries == 16)
    #expect(report.problems.count == 1)
    #expect(report.problems.first?.file == "journal/2018/2018-09-27.md")
    #expect(report.problems.first?.line != nil)
    #expect(
      FileManager.default.fileExists(
        atPath: site.appendingPathComponent("2018/09/26/index.html").path))

    let result = try runJournal(["build", "--journal", folder.url.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("journal/2018/2018-09-27.md:"))
    #expect(result.stdout.contains("built 16 entries"))
  }

  /// `--math katex` with Debian's libjs-katex (in scripts/debian-packages.txt).
  @Test func katexModeCopiesKaTeXAndLoadsItOnEveryPage() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    _ = folder
    let site = journal.root.appendingPathComponent("_site")
    let options = SiteBuilder.Options(
      outputFolder: site,
      katexFolder: URL(fileURLWithPath: "/usr/share/javascript/katex"))
    _ = try SiteBuilder(journal: journal, options: options).build()
    let files = siteFiles(site)
    #expect(files.contains("assets/katex/katex.min.js"))
    #expect(files.contains("assets/katex/katex.min.css"))
    #expect(files.contains { $0.hasPrefix("assets/katex/fonts/KaTeX_Main-Regular") })
    let page = readFile(site.appendingPathComponent("2018/09/19/index.html"))
    #expect(page.contains("<script defer src=\"../../../assets/katex/katex.min.js\"></script>"))
    #expect(!readFile(site.appendingPathComponent("404.html")).isEmpty)

    let plain = try buildSite(journal, out: journal.root.appendingPathComponent("plain")).1
    #expect(!readFile(plain.appendingPathComponent("index.html")).contains("katex"))
  }

  @Test func refusesToWriteIntoAFolderItDidNotMake() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    try folder.write("elsewhere/precious.txt", "keep me\n")
    #expect(throws: JournalError.self) {
      _ = try buildSite(journal, out: folder.url.appendingPathComponent("elsewhere"))
    }
    #expect(readFile(folder.url.appendingPathComponent("elsewhere/precious.txt")) == "keep me\n")
  }
}

/// Small HTML checks for the site tests: links, and tag balance as an HTML5 parser would see it.
enum SiteTestHTML {
  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }

  /// The values of href and src attributes.
  static func links(in html: String) -> [String] {
    let regex = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
    let ns = html as NSString
    return regex.matches(in: html, range: NSRange(location: 0, length: ns.length)).map {
      ns.substring(with: $0.range(at: 1)).replacingOccurrences(of: "&amp;", with: "&")
    }
  }

  /// The file a relative link from `page` points at, and its fragment.
  static func resolve(_ link: String, from page: String) -> (path: String, fragment: String?) {
    let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    let fragment = parts.count > 1 ? String(parts[1]) : nil
    var target = String(parts[0])
    if target.isEmpty { return (page, fragment) }
    var components = page.split(separator: "/").dropLast().map(String.init)
    if target.hasSuffix("/") || target == "." { target += "index.html" }
    for part in target.split(separator: "/") {
      if part == ".." {
        components = components.dropLast()
      } else if part != "." {
        components.append(String(part))
      }
    }
    return (components.joined(separator: "/"), fragment)
  }

  static let void: Set<String> = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
  ]
  /// The elements whose nesting is checked. Others are the author's raw HTML as Markdown passes
  /// it through (the seed's `torch.nn.<Module>` is one): browsers recover from those, and they
  /// are the entry's content, not the site's structure.
  static let known: Set<String> = [
    "html", "head", "body", "title", "style", "main", "header", "footer", "nav", "article",
    "section", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "p", "a", "ul", "ol",
    "li", "dl", "dt", "dd", "pre", "code", "em", "strong", "del", "s", "blockquote", "table",
    "thead", "tbody", "tr", "th", "td", "time", "small", "form", "label", "noscript", "sup", "sub",
    "details", "summary", "figure", "figcaption", "math", "mi", "mo", "mn", "mrow", "msup", "msub",
    "msubsup", "mfrac", "msqrt", "mroot", "mtext", "mover", "munder", "munderover", "mtable",
    "mtr", "mtd", "mspace", "mpadded", "mstyle", "merror", "semantics", "annotation", "button",
  ]
  /// Elements whose end tag HTML5 lets authors leave out.
  static let optionalEnd: Set<String> = ["li", "p", "dt", "dd", "tr", "td", "th", "option"]

  /// Structural problems: no doctype, unbalanced or misnested tags, missing title.
  static func problems(in html: String) -> [String] {
    var problems: [String] = []
    if !html.hasPrefix("<!DOCTYPE html>") { problems.append("no doctype") }
    if !html.contains("<title>") { problems.append("no title") }
    let regex = try! NSRegularExpression(
      pattern:
        #"<script\b[^>]*>[\s\S]*?</script>|<!--[\s\S]*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>"#
    )
    let ns = html as NSString
    var stack: [String] = []
    for match in regex.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
      guard match.range(at: 2).location != NSNotFound else { continue }
      let closing = ns.substring(with: match.range(at: 1)) == "/"
      let name = ns.substring(with: match.range(at: 2)).lowercased()
      let attributes = ns.substring(with: match.range(at: 3))
      if void.contains(name) || attributes.hasSuffix("/") || !known.contains(name) { continue }
      if !closing {
        stack.append(name)
        continue
      }
      while let top = stack.last, top != name, optionalEnd.contains(top) { stack.removeLast() }
      if stack.last == name {
        stack.removeLast()
      } else {
        problems.append("</\(name)> closes <\(stack.last ?? "nothing")>")
      }
    }
    stack.removeAll { optionalEnd.contains($0) }
    if !stack.isEmpty { problems.append("unclosed: \(stack)") }
    return problems
  }
}
