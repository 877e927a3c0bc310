import Foundation
import TestSupport
import Testing

/// `journal check`: every kind of problem as file:line, exit 1; a clean journal exits 0.
@Suite struct CheckCLITests {
  @Test func reportsEachKindOfProblemByFileAndLine() throws {
    let dir = TemporaryDirectory("check-cli")
    try dir.write("journal/2018/2018-09-17.md", "#### NameNet\nA char RNN.\n")
    try dir.write(
      "journal/2018/2018-09-26.md",
      """
      #### torch.nn
      Like [[NameNet]] and [[Ghost]].
      ![plot](../assets/plot.png) and $\\frac{1}{2} + \\nosuchmacro{x}$.

      ```python run
      print(1)
      ```

      """)
    try dir.write("journal/2018/2018-09-27.md", "---\ntitle: [unclosed\n---\n# Bad front matter\n")
    let check = try runJournal(["check"], in: dir.url)
    #expect(check.status == 1)
    let lines = check.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.contains(
        "journal/2018/2018-09-26.md:2: link 'Ghost': no entry titled 'Ghost' and no heading "
          + "'Ghost'"), "\(check.stdout)")
    #expect(
      lines.contains(
        "journal/2018/2018-09-26.md:3: image '../assets/plot.png': no such file "
          + "journal/assets/plot.png"))
    #expect(
      lines.contains {
        $0.hasPrefix("journal/2018/2018-09-26.md:3: math: ") && $0.contains("nosuchmacro")
      })
    #expect(lines.contains("journal/2018/2018-09-26.md: outputs missing (1 cell)"))
    #expect(lines.contains { $0.hasPrefix("journal/2018/2018-09-27.md:") })
    #expect(lines.count == 5, "\(check.stdout)")
    #expect(check.stderr.contains("5 problems"))

    // Fixed: exit 0, nothing printed.
    try dir.write("journal/2018/2018-09-26.md", "#### torch.nn\nLike [[NameNet]], $x^2$.\n")
    try dir.write("journal/2018/2018-09-27.md", "---\ntitle: Fine\n---\nText.\n")
    let clean = try runJournal(["check"], in: dir.url)
    #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
    #expect(clean.stdout.isEmpty)
  }
}
