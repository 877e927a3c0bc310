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
    // Hashes from Python's hashlib.sha256(tag.encode()).hexdigest()[:8].
    #expect(
      SiteRenderer.tagSlugs(["c++", "c", "c#", "deep learning", "café"])
        == [
          "c": "c", "c++": "c-cedb1bac", "c#": "c-951a4d36",
          "deep learning": "deep-learning-505bd129",
          "café": "café",
        ])
    // A tag's folder does not depend on the other tags.
    #expect(SiteRenderer.tagSlugs(["c++"]) == ["c++": "c-cedb1bac"])
    #expect(SiteRenderer.sitePath("https://example.org/j/") == "/j/")
    #expect(SiteRenderer.sitePath("http://localhost:8000/") == "/")
  }
}
