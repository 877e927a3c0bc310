import Foundation
import JournalCells
import TestSupport
import Testing

@testable import JournalCore
@testable import JournalSite

@Suite struct SiteRendererTests {
  @Test func helpers() {
    #expect(SiteRenderer.root(for: "index.html") == "./")
    #expect(SiteRenderer.root(for: "2018/09/26/index.html") == "../../../")
    #expect(SiteRenderer.excerpt("one  two\nthree four", limit: 12) == "one two…")
    #expect(SiteRenderer.excerpt("  short text ", limit: 12) == "short text")
    #expect(SiteRenderer.excerpt("Ünïcode  wörds\u{2003}here ok", limit: 13) == "Ünïcode wörds…")
    #expect(SiteRenderer.excerpt("東京タワー\n🙂 x", limit: 20) == "東京タワー 🙂 x")
    #expect(SiteRenderer.excerpt("averyveryverylongword tail", limit: 5) == "avery…")
    #expect(
      SiteRenderer.ids(in: "<h2 id=\"a-b\">x</h2><p data-id=\"no\"><span id=\"é\">")
        == ["a-b", "é"])
    #expect(SiteRenderer.title(ofReadme: "intro\n# Journal :postbox:\ntext") == "Journal")
    #expect(
      SiteRenderer.tagSlugs(["c++", "c", "deep learning"])
        == ["c": "c", "c++": "c-1", "deep learning": "deep-learning"])
    #expect(SiteRenderer.sitePath("https://example.org/j/") == "/j/")
    #expect(SiteRenderer.sitePath("http://localhost:8000/") == "/")
  }
}
