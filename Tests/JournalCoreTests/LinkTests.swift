import Foundation
import JournalCore
import Testing

/// Links between entries: wiki links and Markdown links to day files, as written and as resolved.
@Suite struct LinkTests {
  static let day = JournalDate(iso: "2018-09-26")!
  static let namenet = JournalDate(iso: "2018-09-17")!
  static let other = JournalDate(iso: "2018-10-01")!

  /// Three entries: one titled NameNet with two headings, one with a `Setup` heading too.
  static let targets = LinkTargets([
    .init(date: day, title: "Today", headings: [.init(text: "Setup", anchor: "setup")]),
    .init(
      date: namenet, title: "NameNet",
      headings: [
        .init(text: "Pytorch RNN - NameNet", anchor: "pytorch-rnn---namenet"),
        .init(text: "🐍 Data", anchor: "-data"),
      ]),
    .init(
      date: other, title: "Later",
      headings: [
        .init(text: "Setup", anchor: "setup"), .init(text: "Unique one", anchor: "unique-one"),
      ]),
  ])

  func document(_ source: String, href: (@Sendable (LinkReference) -> String?)? = nil)
    throws -> Document
  {
    var options = MarkdownPipeline.Options()
    options.linkHref = href
    return MarkdownPipeline(options: options).document(
      for: try Entry(date: Self.day, path: Entry.relativePath(for: Self.day), source: source))
  }

  static let href: @Sendable (LinkReference) -> String? = { reference in
    guard case .entry(let date, let anchor) = targets.resolve(reference, from: day) else {
      return nil
    }
    return "../\(date.iso)/" + (anchor.map { "#" + $0 } ?? "")
  }

  @Test func wikiLinkForms() throws {
    func parse(_ text: String) -> (LinkReference, String)? {
      LinkReference.wiki(Substring(text)).map { ($0.reference, $0.text) }
    }
    #expect(parse("2018-09-17")?.0 == LinkReference(target: .day(Self.namenet)))
    #expect(parse("2018-09-17.md")?.0 == LinkReference(target: .day(Self.namenet)))
    #expect(
      parse("2018-09-17#Pytorch RNN - NameNet")?.0
        == LinkReference(target: .day(Self.namenet), heading: "Pytorch RNN - NameNet"))
    #expect(parse("2018-09-17#Pytorch RNN - NameNet")?.1 == "2018-09-17 › Pytorch RNN - NameNet")
    #expect(parse(" NameNet | the net ")?.0 == LinkReference(target: .name("NameNet")))
    #expect(parse(" NameNet | the net ")?.1 == "the net")
    #expect(parse("#Setup")?.0 == LinkReference(target: .this, heading: "Setup"))
    #expect(parse("2018-02-30")?.0 == LinkReference(target: .name("2018-02-30")))
    #expect(parse("") == nil)
    #expect(parse("#") == nil)
    #expect(parse("|x") == nil)
  }

  @Test func markdownLinksToDayFiles() {
    #expect(LinkReference.dayFile("2018-09-17.md") == LinkReference(target: .day(Self.namenet)))
    #expect(
      LinkReference.dayFile("../2018/2018-09-17.md#pytorch-rnn---namenet")
        == LinkReference(target: .day(Self.namenet), anchor: "pytorch-rnn---namenet"))
    #expect(LinkReference.dayFile("https://x.org/2018-09-17.md") == nil)
    #expect(LinkReference.dayFile("/abs/2018-09-17.md") == nil)
    #expect(LinkReference.dayFile("notes-2018-09-17.md") == nil)
    #expect(LinkReference.dayFile("2018-09-17.markdown") == nil)
  }

  @Test func resolution() {
    let t = Self.targets
    func resolve(_ text: String) -> LinkResolution {
      t.resolve(LinkReference.wiki(Substring(text))!.reference, from: Self.day)
    }
    #expect(resolve("2018-09-17") == .entry(Self.namenet, anchor: nil))
    #expect(
      resolve("2018-09-17#pytorch rnn  -  namenet")
        == .entry(Self.namenet, anchor: "pytorch-rnn---namenet"))
    #expect(resolve("namenet") == .entry(Self.namenet, anchor: nil))
    #expect(resolve("NameNet#:snake: data") == .entry(Self.namenet, anchor: "-data"))
    #expect(resolve("Unique one") == .entry(Self.other, anchor: "unique-one"))
    #expect(resolve("#Setup") == .entry(Self.day, anchor: "setup"))
    #expect(resolve("Setup") == .ambiguous([Self.day, Self.other]))
    #expect(resolve("2018-09-18") == .missing("no entry on 2018-09-18"))
    #expect(resolve("2018-09-17#Nope") == .missing("2018-09-17 has no heading 'Nope'"))
    #expect(resolve("Nothing").problem?.contains("no entry titled 'Nothing'") == true)
    #expect(
      t.resolve(LinkReference.dayFile("2018-09-17.md#nope")!, from: Self.day)
        == .missing("2018-09-17 has no heading with anchor '#nope'"))
  }

  @Test func wikiLinksInADocument() throws {
    let doc = try document(
      """
      # Today

      See [[NameNet|the net]] and [[2018-09-17#Pytorch RNN - NameNet]] :snake:. Then more.
      Not `[[code]]`, and [[Nowhere]].

      ```
      [[in a block]]
      ```

      ## Setup
      A [day file](../2018/2018-09-17.md) link.
      """, href: Self.href)
    #expect(doc.links.map(\.kind) == [.wiki, .wiki, .wiki, .markdown])
    #expect(
      doc.links.map(\.destination) == [
        "NameNet", "2018-09-17#Pytorch RNN - NameNet", "Nowhere", "../2018/2018-09-17.md",
      ])
    #expect(doc.links[0].text == "the net")
    #expect(doc.links[0].line == 3)
    #expect(doc.links[2].line == 4)
    #expect(doc.links[0].context == "See the net and 2018-09-17 › Pytorch RNN - NameNet 🐍.")
    #expect(doc.links[3].section == 2)
    #expect(doc.links[3].reference == LinkReference(target: .day(Self.namenet)))
    #expect(doc.links[3].context == "A day file link.")
    #expect(
      doc.html.contains(
        "See <a class=\"wikilink\" href=\"../2018-09-17/\">the net</a> and "
          + "<a class=\"wikilink\" href=\"../2018-09-17/#pytorch-rnn---namenet\">"
          + "2018-09-17 › Pytorch RNN - NameNet</a> 🐍. Then more."))
    #expect(doc.html.contains("<code>[[code]]</code>"))
    #expect(
      doc.html.contains(
        "<span class=\"wikilink missing\" title=\"no such entry or heading: Nowhere\">Nowhere</span>"
      ))
    #expect(doc.html.contains("[[in a block]]"))
    #expect(doc.html.contains("<a href=\"../2018-09-17/\">day file</a>"))
    #expect(doc.plainText.contains("See the net and"))
    #expect(doc.tags.isEmpty)
  }

  @Test func wikiLinksWithoutResolverAndOddText() throws {
    let doc = try document("a [[ [[x]] b [[y\nz]] [[#t]] [[]] ]] [[a &amp; \"b\"]]\n")
    #expect(doc.links.map(\.destination) == ["x", "#t", "a & \"b\""])
    #expect(doc.html.contains("<span class=\"wikilink\">a &amp; &quot;b&quot;</span>"))
    #expect(doc.tags.isEmpty)
    let long = try document("[[" + String(repeating: "x", count: 400) + "]] [[" + "\n")
    #expect(long.links.isEmpty)
  }
}
