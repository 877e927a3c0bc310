import Foundation
import JournalCells
import TestSupport
import Testing

@testable import JournalCore
@testable import JournalSite

@Suite struct SiteTemplatesTests {
  /// The templates built into the binary are exactly the files of templates/ (the
  /// EmbedTemplates plugin builds them in).
  @Test func builtInTemplatesMatchTheTemplatesFolder() throws {
    let folder = TestPaths.packageRoot.appendingPathComponent("templates")
    let paths = try SiteTemplates.files(under: folder).filter { $0 != "README.md" }
    #expect(paths.sorted() == DefaultTemplates.files.keys.sorted())
    for path in paths {
      let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
      #expect(DefaultTemplates.files[path] == text, "\(path) is out of date")
    }
  }

  @Test func defaultsLoadWithEveryRequiredTemplate() throws {
    let templates = try SiteTemplates.load(overrides: nil)
    for name in SiteTemplates.required {
      #expect(templates.library.getTemplate(named: name) != nil, "\(name)")
    }
    #expect(templates.assets["style.css"]?.isEmpty == false)
    #expect(templates.assets["search.js"]?.isEmpty == false)
  }

  @Test func syntaxErrorNamesTheFileAndLine() throws {
    let folder = TemporaryDirectory("site-templates")
    try folder.write("tag.mustache", "line one\nline two {{#open}}\n{{/close}}\nmore\n")
    #expect {
      _ = try SiteTemplates.load(overrides: folder.url)
    } throws: { error in
      let error = error as? JournalError
      return error?.file == "templates/tag.mustache" && error?.line == 3
        && error?.message.contains("closed with the wrong name") == true
    }
  }

  @Test(arguments: [
    ("plain text, no specials", "plain text, no specials"),
    ("a < b && c > \"d\" 'e'", "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;"),
    ("Ünïcode <é> 🙂&", "Ünïcode &lt;é&gt; 🙂&amp;"),
    ("", ""),
  ])
  func variablesAreEscapedForHTML(text: String, escaped: String) throws {
    #expect(MustacheHTML().escapeText(text) == escaped)
    let folder = TemporaryDirectory("site-templates")
    try folder.write("404.mustache", "<p title=\"{{t}}\">{{t}}|{{{t}}}</p>\n")
    let templates = try SiteTemplates.load(overrides: folder.url)
    #expect(
      templates.render("404", ["t": text]) == "<p title=\"\(escaped)\">\(escaped)|\(text)</p>\n")
  }

  /// Partials, inheritance and sections escape the same; a template's own content type wins.
  @Test func escapingHoldsInPartialsAndGivesWayToAContentTypePragma() throws {
    let folder = TemporaryDirectory("site-templates")
    try folder.write("partials/x.mustache", "[{{v}}]")
    try folder.write(
      "404.mustache",
      "{{<base}}{{$body}}{{#list}}{{>partials/x}}{{/list}}{{/body}}{{/base}}")
    try folder.write("base.mustache", "<b>{{$body}}{{/body}}</b>")
    try folder.write("search.mustache", "{{% CONTENT_TYPE: TEXT }}\n{{v}}\n")
    let templates = try SiteTemplates.load(overrides: folder.url)
    #expect(
      templates.render("404", ["list": [["v": "<1>"], ["v": "a&b"]]])
        == "<b>[&lt;1&gt;][a&amp;b]</b>")
    #expect(templates.render("search", ["v": "<raw>"]) == "<raw>\n")
  }

  @Test func renderingAnUnknownTemplateGivesNothing() throws {
    let templates = try SiteTemplates.load(overrides: nil)
    #expect(templates.render("no-such-template", [:]) == "")
  }
}
