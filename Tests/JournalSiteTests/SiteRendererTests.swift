import Foundation
import Testing
import TestSupport

import JournalCells
@testable import JournalCore
@testable import JournalSite

@Suite struct SiteRendererTests {
  func document(html: String, intro: String = "") -> Document {
    let date = JournalDate(iso: "2018-09-26")!
    let sections = [
      Section(level: 0, heading: "", anchor: "", lines: 1...1, text: intro, code: "", mathText: ""),
      Section(level: 4, heading: "torch.nn", anchor: "torchnn", lines: 2...3, text: "LSTM",
        code: "", mathText: ""),
      Section(level: 4, heading: "Later", anchor: "later", lines: 4...5, text: "more", code: "",
        mathText: ""),
    ]
    return Document(date: date, path: "journal/2018/2018-09-26.md", title: "torch.nn",
      sections: sections, math: [], codeBlocks: [], cells: [], links: [], tags: [],
      plainText: "", html: html)
  }

  @Test func theTitleHeadingIsNotShownTwice() {
    var doc = document(html: "<h4 id=\"torchnn\">torch.nn</h4>\n<p>LSTM</p>\n<h4 id=\"later\">Later</h4>\n")
    SiteRenderer.dropLeadingTitleHeading(&doc)
    #expect(doc.html == "<p>LSTM</p>\n<h4 id=\"later\">Later</h4>\n")
    #expect(doc.sections.map(\.anchor) == ["", "", "later"])
  }

  @Test func aHeadingAfterProseStays() {
    let html = "<p>Intro</p>\n<h4 id=\"torchnn\">torch.nn</h4>\n"
    var doc = document(html: html, intro: "Intro")
    SiteRenderer.dropLeadingTitleHeading(&doc)
    #expect(doc.html == html)
    #expect(doc.sections[1].anchor == "torchnn")
  }

  @Test func helpers() {
    #expect(SiteRenderer.root(for: "index.html") == "./")
    #expect(SiteRenderer.root(for: "2018/09/26/index.html") == "../../../")
    #expect(SiteRenderer.excerpt("one  two\nthree four", limit: 12) == "one two…")
    #expect(SiteRenderer.excerpt("  short text ", limit: 12) == "short text")
    #expect(SiteRenderer.excerpt("Ünïcode  wörds\u{2003}here ok", limit: 13) == "Ünïcode wörds…")
    #expect(SiteRenderer.excerpt("東京タワー\n🙂 x", limit: 20) == "東京タワー 🙂 x")
    #expect(SiteRenderer.excerpt("averyveryverylongword tail", limit: 5) == "avery…")
    #expect(SiteRenderer.ids(in: "<h2 id=\"a-b\">x</h2><p data-id=\"no\"><span id=\"é\">")
      == ["a-b", "é"])
    #expect(SiteRenderer.title(ofReadme: "intro\n# Journal :postbox:\ntext") == "Journal")
    #expect(SiteRenderer.tagSlugs(["c++", "c", "deep learning"])
      == ["c": "c", "c++": "c-1", "deep learning": "deep-learning"])
    #expect(SiteRenderer.sitePath("https://example.org/j/") == "/j/")
    #expect(SiteRenderer.sitePath("http://localhost:8000/") == "/")
  }
}
