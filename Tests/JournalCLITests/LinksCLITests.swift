import Foundation
import TestSupport
import Testing

/// `journal links`, `journal graph` and `journal build --strict` on a small linked journal.
@Suite struct LinksCLITests {
  func linkedJournal() throws -> TemporaryDirectory {
    let dir = TemporaryDirectory("links-cli")
    try dir.write("journal.yml", "title: Linked\nbase_url: https://example.org/\n")
    try dir.write("journal/2018/2018-09-17.md", "#### NameNet\nA char RNN.\n\n## Data\nNames.\n")
    try dir.write(
      "journal/2018/2018-09-26.md",
      "#### torch.nn\nLike [[namenet]] and its [[2018-09-17#data|data]].\n\nAlso [[Ghost]].\n")
    return dir
  }

  @Test func linksListsOutgoingAndIncoming() throws {
    let dir = try linkedJournal()
    let from = try runJournal(["links", "2018-09-26"], in: dir.url)
    #expect(from.status == 0, "\(from.stderr)")
    #expect(
      from.stdout == """
        links from 2018-09-26: 3
          journal/2018/2018-09-26.md:2: [[namenet]] → 2018-09-17
          journal/2018/2018-09-26.md:2: [[2018-09-17#data]] → 2018-09-17#data
          journal/2018/2018-09-26.md:4: [[Ghost]] ✗ no entry titled 'Ghost' and no heading 'Ghost'
        links to 2018-09-26: 0

        """)
    let to = try runJournal(["links", "--json", "2018-09-17"], in: dir.url)
    let object = try JSONSerialization.jsonObject(with: Data(to.stdout.utf8)) as? [String: Any]
    let incoming = try #require(object?["incoming"] as? [[String: Any]])
    #expect(incoming.count == 2)
    #expect(incoming.first?["context"] as? String == "Like namenet and its data.")
    #expect(incoming.first?["from"] as? String == "2018-09-26")
    let none = try runJournal(["links", "2018-01-01"], in: dir.url)
    #expect(none.status == 1)
    #expect(none.stderr.contains("no entry on 2018-01-01"))
  }

  @Test func graphAsJSONAndDot() throws {
    let dir = try linkedJournal()
    let json = try runJournal(["graph"], in: dir.url)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect((object?["nodes"] as? [[String: Any]])?.count == 2)
    #expect(
      (object?["edges"] as? [[String: String]]) == [
        ["source": "2018-09-26", "target": "2018-09-17"]
      ])
    let dot = try runJournal(["graph", "--format", "dot"], in: dir.url)
    #expect(dot.stdout.contains("\"2018-09-26\" -> \"2018-09-17\";\n"))
    #expect(dot.stdout.contains("[label=\"2018-09-17\\nNameNet\"]"))
  }

  @Test func buildWarnsAboutBrokenLinksAndStrictFails() throws {
    let dir = try linkedJournal()
    let build = try runJournal(["build"], in: dir.url)
    #expect(build.status == 0, "\(build.stderr)")
    #expect(
      build.stderr.contains(
        "journal/2018/2018-09-26.md:4: link 'Ghost': no entry titled 'Ghost'"))
    let strict = try runJournal(["build", "--strict"], in: dir.url)
    #expect(strict.status == 1)
  }

  @Test func searchFiltersByLinksAndTheIndexFollowsRenamedHeadings() throws {
    let dir = try linkedJournal()
    try dir.write("journal/2018/2018-09-30.md", "#### Unrelated\nA char RNN again, no link.\n")
    // Words and --links-to: only entries linking to the day.
    let rnn = try runJournal(
      ["search", "--format", "paths", "char", "--links-to", "2018-09-17"], in: dir.url)
    #expect(rnn.status == 1, "no linking entry says 'char': \(rnn.stdout)")
    let names = try runJournal(
      ["search", "--format", "paths", "names OR like", "--links-to", "2018-09-17"], in: dir.url)
    #expect(names.stdout == "journal/2018/2018-09-26.md\n", "\(names.stderr)")
    // No words: the sections holding the links.
    let sections = try runJournal(
      ["search", "--format", "jsonl", "--links-to", "2018-09-17"], in: dir.url)
    #expect(sections.status == 0, "\(sections.stderr)")
    #expect(sections.stdout.split(separator: "\n").count == 1)
    #expect(sections.stdout.contains("\"heading\":\"torch.nn\""))
    // Nothing links to 2018-09-30.
    let none = try runJournal(["search", "--links-to", "2018-09-30"], in: dir.url)
    #expect(none.status == 1)
    #expect(none.stderr.contains("linking to 2018-09-30"))
    let bad = try runJournal(["search", "--links-to", "2018-09"], in: dir.url)
    #expect(bad.status != 0 && bad.stderr.contains("is not one day"))

    // [[Ghost]] resolves once another entry gains that heading, without touching 2018-09-26;
    // [[namenet]] goes nowhere once its heading is renamed.
    try dir.write("journal/2018/2018-09-30.md", "#### Ghost\nNow there is one.\n")
    try dir.write("journal/2018/2018-09-17.md", "#### CharNet\nA char RNN.\n\n## Data\nNames.\n")
    let links = try runJournal(["links", "2018-09-26"], in: dir.url)
    #expect(
      links.stdout == """
        links from 2018-09-26: 3
          journal/2018/2018-09-26.md:2: [[namenet]] ✗ no entry titled 'namenet' and no heading 'namenet'
          journal/2018/2018-09-26.md:2: [[2018-09-17#data]] → 2018-09-17#data
          journal/2018/2018-09-26.md:4: [[Ghost]] → 2018-09-30
        links to 2018-09-26: 0

        """, "\(links.stderr)")
    let ghost = try runJournal(
      ["search", "--format", "paths", "--links-to", "2018-09-30"], in: dir.url)
    #expect(ghost.stdout == "journal/2018/2018-09-26.md\n")
  }
}
