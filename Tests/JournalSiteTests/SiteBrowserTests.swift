import Foundation
import JournalCells
import TestSupport
import Testing

@testable import JournalCore
@testable import JournalSite

/// The built site in Debian's headless `chromium` (listed in scripts/debian-packages.txt), from
/// `file://`: pages render without console errors and the search page finds entries. Screenshots
/// are saved to `.build/test-artifacts/site/`.
@Suite struct SiteBrowserTests {
  static let chromium = URL(fileURLWithPath: "/usr/bin/chromium")
  static let artifacts = TestPaths.packageRoot.appendingPathComponent(
    ".build/test-artifacts/site", isDirectory: true)

  /// Runs headless chromium on a page; returns the DOM after scripts ran, and the console log.
  func open(_ url: URL, screenshot: String) throws -> (dom: String, console: String) {
    try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
    let profile = TemporaryDirectory("site-chromium")
    let common = [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
      "--user-data-dir=\(profile.url.path)", "--virtual-time-budget=5000",
      "--window-size=1000,1200", "--enable-logging=stderr", "--v=0",
    ]
    let dom = try runProcess(Self.chromium, common + ["--dump-dom", url.absoluteString])
    _ = try runProcess(
      Self.chromium,
      common + [
        "--screenshot=\(Self.artifacts.appendingPathComponent(screenshot).path)",
        url.absoluteString,
      ])
    let console = dom.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") }
    return (dom.stdout, console.joined(separator: "\n"))
  }

  @Test func pagesRenderAndSearchFindsLSTMFromFileURLs() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    _ = folder
    let (_, site) = try buildSite(journal)

    let home = try open(site.appendingPathComponent("index.html"), screenshot: "home.png")
    #expect(home.dom.contains("torch.nn"))
    #expect(home.console.isEmpty, "\(home.console)")

    let entry = try open(
      site.appendingPathComponent("2018/09/19/index.html"),
      screenshot: "entry-math-code.png")
    #expect(entry.dom.contains("Everything Gaussian"))
    #expect(entry.console.isEmpty, "\(entry.console)")

    // A copy of the page beside it, with a script that records each formula's rendered size.
    let measured = site.appendingPathComponent("2018/09/19/measured.html")
    let probe = """
      <script>window.addEventListener("load", function () {
      document.body.setAttribute("data-math", Array.from(document.querySelectorAll("math"))
      .map(function (m) { var r = m.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? "1" : "0"; }).join(""));
      });</script></body>
      """
    try readFile(site.appendingPathComponent("2018/09/19/index.html"))
      .replacingOccurrences(of: "</body>", with: probe).write(
        to: measured, atomically: true, encoding: .utf8)
    let sizes = try open(measured, screenshot: "entry-mathml.png").dom
    let flags =
      sizes.components(separatedBy: "data-math=\"").dropFirst().first?
      .prefix(while: { $0 != "\"" }) ?? ""
    #expect(flags.count == 8, "the page has 8 formulas")
    #expect(flags.allSatisfy { $0 == "1" }, "every MathML formula has a size: \(flags)")

    var search = URLComponents(
      url: site.appendingPathComponent("search/index.html"), resolvingAgainstBaseURL: false)!
    search.query = "q=LSTM"
    let results = try open(search.url!, screenshot: "search-lstm.png")
    #expect(results.console.isEmpty, "\(results.console)")
    #expect(results.dom.contains("results, best first."))
    // Over file:// result links point at the page's index.html.
    #expect(results.dom.contains("href=\"../2018/09/26/index.html"))
    #expect(results.dom.contains("<mark>LSTM</mark>"))
    #expect(
      FileManager.default.fileExists(
        atPath: Self.artifacts.appendingPathComponent("search-lstm.png").path))
  }

  /// A copy of a site page with `script` run after the page's own scripts, loaded with `query`;
  /// returns the value the script left in `<body data-probe="...">`.
  func probe(_ site: URL, page: String, query: String? = nil, script: String) throws -> String {
    let original = site.appendingPathComponent(page)
    let copy = original.deletingLastPathComponent().appendingPathComponent("probe.html")
    try readFile(original).replacingOccurrences(
      of: "</body>", with: "<script>\(script)</script></body>"
    ).write(to: copy, atomically: true, encoding: .utf8)
    var url = URLComponents(url: copy, resolvingAgainstBaseURL: false)!
    url.query = query
    let result = try open(url.url!, screenshot: "probe.png")
    #expect(result.console.isEmpty, "\(result.console)")
    return result.dom.components(separatedBy: "data-probe=\"").dropFirst().first
      .map { String($0.prefix(while: { $0 != "\"" })) } ?? ""
  }

  /// search.js cuts and stems words as SQLite does (Fixtures/porter-stems.tsv), so a query
  /// meets the index's terms.
  @Test func theBrowserStemsLikeSQLite() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    _ = folder
    let (_, site) = try buildSite(journal)
    let fixture = try #require(
      Bundle.module.url(
        forResource: "porter-stems", withExtension: "tsv", subdirectory: "Fixtures"))
    let rows = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n")
      .map { $0.split(separator: "\t").map(String.init) }
      .filter { $0.count == 2 && $0[0].unicodeScalars.count <= 32 }
    let pairs = try String(
      decoding: JSONSerialization.data(withJSONObject: rows), as: UTF8.self)
    let wrong = try probe(
      site, page: "search/index.html",
      script: """
        var rows = \(pairs), wrong = 0, first = "";
        rows.forEach(function (r) {
          var got = JournalSearch.terms(r[0]).join(" ");
          if (got !== r[1]) { wrong++; if (!first) first = r[0] + "=" + got; }
        });
        document.body.setAttribute("data-probe", rows.length + " " + wrong + " " + first);
        """)
    #expect(wrong == "\(rows.count) 0 ", "words checked, wrong, first wrong")
  }

  /// Prefixes as you type, stems, BM25 order, snippets that show the word, arrow keys.
  @Test func searchFindsPrefixesAndStemsAndRanks() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    _ = folder
    let (_, site) = try buildSite(journal)
    // After the results are shown: how many, the marked words, where ArrowDown takes focus.
    let report = """
      setTimeout(function () {
        var links = document.querySelectorAll("#search-results li > a");
        var marks = Array.from(document.querySelectorAll("#search-results mark"))
          .map(function (m) { return m.textContent.toLowerCase(); });
        // A result shows the word, or its snippet is cut (the document keeps the section's
        // first SearchIndexBuilder.snippetLength characters, and the word is further on).
        var withMark = Array.from(document.querySelectorAll("#search-results li"))
          .filter(function (li) {
            var p = li.querySelector("p:last-child");
            return li.querySelector("mark") || (p && /…$/.test(p.textContent));
          }).length;
        document.getElementById("q").focus();
        document.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown" }));
        var focused = document.activeElement === links[0] ? "first" : "other";
        document.body.setAttribute("data-probe", [links.length, withMark, focused,
          document.getElementById("search-status").textContent, marks.join(",")].join("|"));
      }, 1500);
      """
    func run(_ q: String) throws -> [String] {
      try probe(site, page: "search/index.html", query: "q=\(q)", script: report)
        .components(separatedBy: "|")
    }
    let serial = try run("serial")
    #expect(serial.count == 5)
    #expect(Int(serial[0]) ?? 0 > 0, "typing serial finds serialization: \(serial)")
    #expect(serial[4].split(separator: ",").allSatisfy { $0.hasPrefix("serial") }, "\(serial)")
    let lstm = try run("lstm")
    let lstms = try run("lstms")
    #expect(lstm[3] == lstms[3], "lstms finds what lstm finds")
    #expect(lstm[3].hasSuffix("results, best first."))
    #expect(lstm[0] == lstm[1], "every shown result shows the word or a cut snippet: \(lstm)")
    #expect(lstm[2] == "first", "ArrowDown from the box goes to the first result")
  }
}
