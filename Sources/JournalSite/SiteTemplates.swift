import Foundation
import JournalCells
import JournalCore
import Mustache

/// The templates and static assets of a site: a journal's own `templates/` folder over the
/// defaults built into the binary (`DefaultTemplates`, generated from the repo's `templates/`).
///
/// A file in the journal's folder replaces the default of the same path; the others keep their
/// defaults. `*.mustache` files become templates named by their path without the extension
/// (`entry`, `partials/header`); files under `assets/` are copied to the site's `assets/`.
public struct SiteTemplates: Sendable {
  /// The parsed templates, partials included.
  public private(set) var library: MustacheLibrary
  /// Asset path relative to `assets/` to bytes.
  public private(set) var assets: [String: Data]
  /// A hash of every template's path and text: pages are rendered anew when it changes.
  var fingerprint: UInt64 = 0
  /// The template names a site needs.
  public static let required = [
    "home", "entry", "archives", "year", "month", "tags", "tag", "search", "404", "feed", "sitemap",
  ]

  /// Loads the defaults, overridden by the files of `folder` when it exists.
  ///
  /// Throws a `JournalError` naming the template file and line of the first syntax error, or a
  /// required template that is missing.
  public static func load(overrides folder: URL?, displayPrefix: String = "templates/") throws
    -> SiteTemplates
  {
    var sources: [String: (text: String, display: String)] = [:]
    for (path, text) in DefaultTemplates.files {
      sources[path] = (text, "\(displayPrefix)\(path) (built in)")
    }
    if let folder, Journal.isDirectory(folder) {
      for path in try files(under: folder) {
        let text = try FileSystem.readText(
          at: folder.appendingPathComponent(path), displayPath: displayPrefix + path)
        sources[path] = (text, displayPrefix + path)
      }
    }
    MustacheHTML.register()
    var library = MustacheLibrary()
    var assets: [String: Data] = [:]
    var hasher = StableHasher()
    for (path, source) in sources.sorted(by: { $0.key < $1.key }) {
      hasher.combine(path)
      hasher.combine(source.text)
      if path.hasPrefix("assets/") {
        assets[String(path.dropFirst("assets/".count))] = Data(source.text.utf8)
      } else if path.hasSuffix(".mustache") {
        do {
          library.register(
            try MustacheTemplate(string: MustacheHTML.pragma + source.text),
            named: String(path.dropLast(".mustache".count)))
        } catch let error as MustacheTemplate.ParserError {
          // The pragma line comes before the template's first line.
          throw JournalError(
            .invalidInput, "template syntax error: \(describe(error.error))",
            file: source.display, line: max(1, error.context.lineNumber - 1))
        }
      }
    }
    for name in required where library.getTemplate(named: name) == nil {
      throw JournalError(
        .invalidInput, "missing template '\(name).mustache'",
        file: displayPrefix)
    }
    return SiteTemplates(library: library, assets: assets, fingerprint: hasher.value)
  }

  /// Renders a template by name. The names in `required` always exist once loaded.
  public func render(_ name: String, _ context: [String: Any]) -> String {
    library.render(context, withTemplate: name) ?? ""
  }

  /// Regular files under `folder`, relative, skipping hidden files and folders.
  static func files(under folder: URL) throws -> [String] {
    let base = folder.standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
    var result: [String] = []
    while let rel = walker.nextObject() as? String {
      if rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: base + "/" + rel, isDirectory: &isDir),
        !isDir.boolValue
      {
        result.append(rel)
      }
    }
    return result.sorted()
  }

  private static func describe(_ error: Error) -> String {
    switch error as? MustacheTemplate.Error {
    case .sectionCloseNameIncorrect?: return "a section is closed with the wrong name"
    case .unfinishedName?: return "a tag is not closed"
    case .expectedSectionEnd?: return "a section is never closed"
    case .invalidSetDelimiter?: return "bad set-delimiter tag"
    case .transformAppliedToInheritanceSection?: return "a transform on an inherited block"
    case .illegalTokenInsideInheritSection?: return "only {{$block}}s may appear inside {{<parent}}"
    case .textInsideInheritSection?: return "text inside {{<parent}}"
    case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?:
      return "bad {{% config }} tag"
    case nil: return "\(error)"
    }
  }
}

/// Mustache's HTML escaping through the one escaper (`HTMLEscaping`, for attribute values: a
/// template value may stand in either place). Every template starts with `pragma`, which
/// selects it; a partial resets the content type, so partials start with it too, and a
/// template's own `{{% CONTENT_TYPE: ... }}` comes later and wins.
///
/// The one difference from swift-mustache's own escaper: a special character followed by a
/// combining mark (one `Character`) is escaped here and was left as it is there.
struct MustacheHTML: MustacheContentType {
  static let name = "JOURNAL_HTML"
  /// A standalone tag line, which leaves no text in the output.
  static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

  private static let registered: Bool = {
    MustacheContentTypes.register(MustacheHTML(), named: name)
    return true
  }()

  static func register() { _ = registered }

  func escapeText(_ text: String) -> String { HTMLEscaping.escape(text, for: .attribute) }
}
