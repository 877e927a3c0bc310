import Foundation
import TestSupport
import Testing

/// The heart of the product end to end: cells run on the embedded engine (numpy, pyplot), their
/// outputs are frozen, and `journal build` shows them under each cell without running anything.
@Suite struct CellOutputsInSiteTests {
  static let entry = """
    # Broadcasting

    ```python run seed=0
    import numpy as np
    a = np.arange(6).reshape(2, 3)
    print(a + np.array([10, 20, 30]))
    ```

    ```python run echo=false
    import matplotlib.pyplot as plt
    plt.plot([0, 1, 2, 3], [0, 1, 4, 9], label="squares")
    plt.title("growth")
    plt.show()
    ```

    """

  @Test func frozenOutputsAppearUnderTheirCells() throws {
    let dir = TemporaryDirectory()
    try dir.write("journal/2018/2018-09-17.md", Self.entry)
    let run = try runJournal(["run-entry", "2018-09-17"], in: dir.url)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("[[10 21 32]\n [13 24 35]]\n"))
    let build = try runJournal(["build", "--out", "_site"], in: dir.url)
    #expect(build.status == 0, "\(build.stderr)")
    let page = try String(
      contentsOf: dir.url.appendingPathComponent("_site/2018/09/17/index.html"), encoding: .utf8)
    #expect(page.contains("<pre class=\"cell-stdout\">[[10 21 32]\n [13 24 35]]\n</pre>"))
    // The second cell: no source (echo=false), its figure inline as SVG with its title.
    #expect(page.contains("<div class=\"cell-output\" data-cell=\"1\">"))
    #expect(!page.contains("plt.title"))
    #expect(page.components(separatedBy: "<svg").count == 2)
    #expect(page.contains(">growth</text>"))

    // An edited cell keeps its old outputs, marked stale, until it is run again.
    try dir.write("journal/2018/2018-09-17.md",
      Self.entry.replacingOccurrences(of: "[10, 20, 30]", with: "[1, 2, 3]"))
    _ = try runJournal(["build", "--out", "_site"], in: dir.url)
    let stale = try String(
      contentsOf: dir.url.appendingPathComponent("_site/2018/09/17/index.html"), encoding: .utf8)
    #expect(stale.contains("class=\"cell-stale\""))
    #expect(stale.contains("[[10 21 32]"))
  }
}
