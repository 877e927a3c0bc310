import Foundation
import TestSupport
import Testing

/// `journal add --attach`: files copied into journal/assets/ and linked from the entry.
@Suite struct AttachCLITests {
  @Test func attachCopiesLinksAndNeverOverwrites() throws {
    let dir = TemporaryDirectory("attach-cli")
    try dir.write("journal/2018/2018-09-17.md", "#### Day\nText.\n")
    try dir.write("in/plot.png", "PNG1")
    try dir.write("in/other/plot.png", "PNG2")
    try dir.write("in/runs (v2).csv", "a,b\n")
    let add = try runJournal(
      [
        "add", "--date", "2018-09-17", "--attach", dir.url.path + "/in/plot.png", "--attach",
        dir.url.path + "/in/runs (v2).csv", "Two files.",
      ], in: dir.url)
    #expect(add.status == 0, "\(add.stderr)")
    // The same bytes again reuse the file; other bytes under the same name get a new name.
    let same = try runJournal(
      ["add", "--date", "2018-09-17", "--attach", dir.url.path + "/in/plot.png"], in: dir.url)
    #expect(same.status == 0, "\(same.stderr)")
    #expect(!same.stdout.contains("attached"))
    let other = try runJournal(
      ["add", "--date", "2018-09-17", "--attach", dir.url.path + "/in/other/plot.png"],
      in: dir.url)
    #expect(other.stdout.contains("attached journal/assets/plot-2.png"))
    #expect(
      readText(dir.url.appendingPathComponent("journal/2018/2018-09-17.md")) == """
        #### Day
        Text.

        Two files.

        ![plot.png](../assets/plot.png)
        [runs (v2).csv](../assets/runs%20%28v2%29.csv)

        ![plot.png](../assets/plot.png)

        ![plot-2.png](../assets/plot-2.png)

        """)
    #expect(readText(dir.url.appendingPathComponent("journal/assets/plot.png")) == "PNG1")
    #expect(readText(dir.url.appendingPathComponent("journal/assets/plot-2.png")) == "PNG2")

    // A missing file: nothing written, nothing copied.
    let missing = try runJournal(
      [
        "add", "--date", "2018-09-17", "--attach", dir.url.path + "/in/runs (v2).csv",
        "--attach", dir.url.path + "/in/nope.png", "More.",
      ], in: dir.url)
    #expect(missing.status != 0)
    #expect(missing.stderr.contains("nope.png: cannot attach: No such file or directory"))
    let assets = try FileManager.default.contentsOfDirectory(
      atPath: dir.url.appendingPathComponent("journal/assets").path)
    #expect(assets.sorted() == ["plot-2.png", "plot.png", "runs (v2).csv"])
    #expect(
      !readText(dir.url.appendingPathComponent("journal/2018/2018-09-17.md")).contains("More."))
  }

  func readText(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
}
