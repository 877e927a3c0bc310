import Foundation
import Testing
import TestSupport

@testable import JournalKit

@Suite struct SiteTemplatesTests {
  /// The templates built into the binary are exactly the files of templates/: run
  /// `python3 scripts/embed-templates.py` after editing them.
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

  @Test func renderingAnUnknownTemplateGivesNothing() throws {
    let templates = try SiteTemplates.load(overrides: nil)
    #expect(templates.render("no-such-template", [:]) == "")
  }
}
