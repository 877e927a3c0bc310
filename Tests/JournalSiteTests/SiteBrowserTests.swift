import Foundation
import Testing
import TestSupport

import JournalCells
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
    let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
      "--user-data-dir=\(profile.url.path)", "--virtual-time-budget=5000",
      "--window-size=1000,1200", "--enable-logging=stderr", "--v=0"]
    let dom = try runProcess(Self.chromium, common + ["--dump-dom", url.absoluteString])
    _ = try runProcess(Self.chromium, common + [
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

    let entry = try open(site.appendingPathComponent("2018/09/19/index.html"),
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
    let flags = sizes.components(separatedBy: "data-math=\"").dropFirst().first?
      .prefix(while: { $0 != "\"" }) ?? ""
    #expect(flags.count == 8, "the page has 8 formulas")
    #expect(flags.allSatisfy { $0 == "1" }, "every MathML formula has a size: \(flags)")

    var search = URLComponents(
      url: site.appendingPathComponent("search/index.html"), resolvingAgainstBaseURL: false)!
    search.query = "q=LSTM"
    let results = try open(search.url!, screenshot: "search-lstm.png")
    #expect(results.console.isEmpty, "\(results.console)")
    #expect(results.dom.contains("results, newest first."))
    // Over file:// result links point at the page's index.html.
    #expect(results.dom.contains("href=\"../2018/09/26/index.html"))
    #expect(results.dom.contains("<mark>LSTM</mark>"))
    #expect(FileManager.default.fileExists(
      atPath: Self.artifacts.appendingPathComponent("search-lstm.png").path))
  }
}
