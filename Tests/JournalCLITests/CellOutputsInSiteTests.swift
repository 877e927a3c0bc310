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
    try dir.write(
      "journal/2018/2018-09-17.md",
      Self.entry.replacingOccurrences(of: "[10, 20, 30]", with: "[1, 2, 3]"))
    _ = try runJournal(["build", "--out", "_site"], in: dir.url)
    let stale = try String(
      contentsOf: dir.url.appendingPathComponent("_site/2018/09/17/index.html"), encoding: .utf8)
    #expect(stale.contains("class=\"cell-stale\""))
    #expect(stale.contains("[[10 21 32]"))
  }

  /// Outputs whose cells are unchanged but whose data folder is not there (a build without
  /// JOURNAL_DATA) are "data not found", never "stale", on the site and in `journal status`;
  /// a data file that changed makes them stale.
  @Test func missingDataIsNotStale() throws {
    let dir = TemporaryDirectory()
    try dir.write("data/n.csv", "1,2\n")
    try dir.write(
      "journal/2018/2018-09-17.md",
      """
      # Data

      ```python run
      print(open('n.csv').read())
      ```

      """)
    let data = ["JOURNAL_DATA": dir.url.appendingPathComponent("data").path]
    let run = try runJournal(["run-entry", "2018-09-17"], in: dir.url, environment: data)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      try runJournal(["status"], in: dir.url, environment: data).stdout
        == "1 entry with cells, 1 up to date\n")

    let status = try runJournal(["status"], in: dir.url)
    #expect(status.status == 0)
    #expect(
      status.stdout == "journal/2018/2018-09-17.md: data not found: cell 1 "
        + "(data file 'n.csv' not found; set JOURNAL_DATA?)\n1 entry with cells, 0 up to date\n")
    #expect(try runJournal(["build", "--out", "_site"], in: dir.url).status == 0)
    let page = try String(
      contentsOf: dir.url.appendingPathComponent("_site/2018/09/17/index.html"), encoding: .utf8)
    #expect(!page.contains("cell-stale"))
    #expect(page.contains("<p class=\"cell-note\">The data file <code>n.csv</code> was not found"))
    #expect(page.contains("<pre class=\"cell-stdout\">1,2\n"))

    try dir.write("data/n.csv", "1,3\n")
    let changed = try runJournal(["status"], in: dir.url, environment: data)
    #expect(
      changed.stdout == "journal/2018/2018-09-17.md: outputs stale: cell 1 "
        + "(data file 'n.csv' changed)\n1 entry with cells, 0 up to date\n")
    #expect(
      try runJournal(["build", "--out", "_site"], in: dir.url, environment: data)
        .status == 0)
    let stale = try String(
      contentsOf: dir.url.appendingPathComponent("_site/2018/09/17/index.html"), encoding: .utf8)
    #expect(stale.contains("class=\"cell-stale\""))
  }
}
