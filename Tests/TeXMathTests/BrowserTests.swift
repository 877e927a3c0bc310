import Foundation
import TestSupport
import Testing

@testable import TeXMath

/// Renders formulas in headless Chromium (Debian's `chromium`, MathML Core since 109) and checks
/// that every `<math>` gets a box; the screenshot is kept in .build/test-artifacts/.
@Suite struct BrowserTests {
  static let chromium = URL(fileURLWithPath: "/usr/bin/chromium")

  /// The page's script writes each formula's size into `<pre id="sizes">` for `--dump-dom`.
  static func page(_ formulas: [(tex: String, display: Bool)]) -> String {
    let converter = MathMLConverter()
    var html = """
      <!doctype html><html><head><meta charset="utf-8"><title>TeXMath</title><style>
      math { font-family: "Latin Modern Math", math; font-size: 20px; }
      td { border-bottom: 1px solid #ddd; padding: 4px 8px; } code { font-size: 11px; }
      </style></head><body><table>
      """
    for formula in formulas {
      let code = formula.tex.replacingOccurrences(of: "&", with: "&amp;")
        .replacingOccurrences(of: "<", with: "&lt;")
      html += "<tr><td><code>\(code)</code></td><td>"
      html += converter.convert(formula.tex, display: formula.display).mathML
      html += "</td></tr>\n"
    }
    html += """
      </table><pre id="sizes"></pre><script>
      document.getElementById("sizes").textContent = Array.from(
        document.querySelectorAll("math"),
        m => { const r = m.getBoundingClientRect(); return r.width + "x" + r.height; }
      ).join("\\n");
      </script></body></html>
      """
    return html
  }

  @Test func everyFormulaHasASizeInChromium() throws {
    guard let journal = TestPaths.shared("journal-2018.md"),
      let yaml = TestPaths.shared("spec/katex-screenshotter-cases.yaml")
    else { return }
    var formulas = DevelopmentCorpus.markdownMath(try String(contentsOf: journal, encoding: .utf8))
      .map { (tex: $0.tex, display: $0.display) }
    let converter = MathMLConverter()
    for formula in DevelopmentCorpus.screenshotterCases(
      try String(contentsOf: yaml, encoding: .utf8))
    where formula.macros.isEmpty && converter.convert(formula.tex, display: formula.display).isValid
    {
      formulas.append((formula.tex, formula.display))
    }
    #expect(formulas.count > 100)

    let artifacts = TestPaths.packageRoot.appendingPathComponent(".build/test-artifacts")
    try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
    let pageURL = artifacts.appendingPathComponent("texmath-formulas.html")
    try Self.page(formulas).write(to: pageURL, atomically: true, encoding: .utf8)

    let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    let dump = try runProcess(Self.chromium, flags + ["--dump-dom", pageURL.absoluteString])
    #expect(dump.status == 0, "chromium failed: \(dump.stderr.suffix(500))")
    guard let start = dump.stdout.range(of: "<pre id=\"sizes\">"),
      let end = dump.stdout.range(of: "</pre>", range: start.upperBound..<dump.stdout.endIndex)
    else {
      Issue.record("no sizes in Chromium's DOM: \(dump.stdout.prefix(300))")
      return
    }
    let sizes = dump.stdout[start.upperBound..<end.lowerBound].split(separator: "\n")
    #expect(sizes.count == formulas.count)
    for (size, formula) in zip(sizes, formulas) {
      let parts = size.split(separator: "x").compactMap { Double($0) }
      #expect(parts.count == 2 && parts[0] > 0 && parts[1] > 0, "\(size): \(formula.tex)")
    }

    let screenshot = artifacts.appendingPathComponent("texmath-formulas.png")
    let shot = try runProcess(
      Self.chromium,
      flags + [
        "--window-size=1200,3000", "--screenshot=\(screenshot.path)", pageURL.absoluteString,
      ])
    #expect(shot.status == 0)
    #expect(FileManager.default.fileExists(atPath: screenshot.path))
  }
}
