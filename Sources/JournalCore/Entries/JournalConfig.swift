import Foundation
import Yams

/// `journal.yml`, at the journal's root next to `journal/`: the journal's own settings. Every
/// key is optional; a command-line option overrides the key of the same meaning.
///
/// A key that is not known is a warning naming its line (a typo should not pass silently); a
/// value of the wrong type, or a file that is not YAML, is an error naming the file and line.
public struct JournalConfig: Sendable, Hashable {
  /// The file's name in the journal's root.
  public static let fileName = "journal.yml"

  /// The site's title (default: the README's first heading, else "Journal").
  public var title: String?
  /// The site's description (default: the title, with the entries' count and span).
  public var description: String?
  /// The author named in feeds (default: the title).
  public var author: String?
  /// The absolute URL the site is published at, ending in `/`: feeds, the sitemap and
  /// canonical links use it.
  public var baseURL: String?
  /// The site's language, for `<html lang>` (default `en`).
  public var language: String?
  /// Folders where cells look up data files, relative to the root (default `journal/data`).
  public var dataFolders: [String] = []
  /// How formulas are shown on the site: `mathml` (default) or `katex`.
  public var math: String?
  /// The folder the site is built into, relative to the root (default `_site`).
  public var output: String?
  /// Publish the entries' raw HTML as it is written (default false: it is reduced to GitHub's
  /// allow-list, see `MarkdownPipeline.Options.sanitizesHTML`). Only for a journal whose every
  /// entry its owner wrote: imported Markdown could hold a script.
  public var trustHTML = false
  /// Anything else the site's templates want, as `{{site.params.NAME}}`.
  public var params: MetadataValue?
  /// The unknown keys, with their lines.
  public var warnings: [JournalError] = []

  public init() {}

  /// The keys, each with what it takes, in the order `journal init` writes them.
  static let keys: [(name: String, kind: String)] = [
    ("title", "a text"), ("description", "a text"), ("author", "a text"),
    ("base_url", "an absolute http(s) URL"), ("language", "a language tag such as en or fr"),
    ("data", "a list of folders"), ("math", "mathml or katex"), ("output", "a folder"),
    ("trust_html", "true or false"), ("params", "a mapping"),
  ]

  /// The configuration of `journal`: its `journal.yml` if there is one, else the defaults.
  public static func load(_ journal: Journal) throws -> JournalConfig {
    let url = journal.root.appendingPathComponent(fileName)
    guard FileManager.default.fileExists(atPath: url.path) else { return JournalConfig() }
    return try parse(FileSystem.readText(at: url, displayPath: fileName), file: fileName)
  }

  /// Parses the text of a `journal.yml`; errors and warnings name `file` and the line.
  public static func parse(_ text: String, file: String = fileName) throws -> JournalConfig {
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw JournalError(
        .invalidInput, "not valid YAML: \(FrontMatter.yamlMessage(error))", file: file,
        line: FrontMatter.yamlLine(error) ?? 1)
    }
    var config = JournalConfig()
    guard let node else { return config }
    guard let mapping = node.mapping else {
      throw JournalError(
        .invalidInput, "must be a mapping of keys to values (title: My journal)", file: file,
        line: node.mark.map { $0.line } ?? 1)
    }
    for (keyNode, value) in mapping {
      let key = keyNode.string ?? "\(keyNode)"
      let line = keyNode.mark?.line ?? 1
      func wrongType() -> JournalError {
        let kind = keys.first { $0.name == key }?.kind ?? "a value"
        return JournalError(.invalidInput, "'\(key)' must be \(kind)", file: file, line: line)
      }
      func text() throws -> String {
        guard case .scalar(let scalar) = value, !scalar.string.isEmpty else { throw wrongType() }
        return scalar.string
      }
      switch key {
      case "title": config.title = try text()
      case "description": config.description = try text()
      case "author": config.author = try text()
      case "language": config.language = try text()
      case "output": config.output = try text()
      case "base_url":
        let url = try text()
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""),
          parsed.host != nil
        else { throw wrongType() }
        config.baseURL = url.hasSuffix("/") ? url : url + "/"
      case "math":
        let mode = try text()
        guard ["mathml", "katex"].contains(mode) else { throw wrongType() }
        config.math = mode
      case "data":
        if case .scalar = value {
          config.dataFolders = [try text()]
        } else if case .sequence(let items) = value {
          config.dataFolders = try items.map { item in
            guard case .scalar(let scalar) = item, !scalar.string.isEmpty else {
              throw wrongType()
            }
            return scalar.string
          }
        } else {
          throw wrongType()
        }
      case "trust_html":
        guard case .scalar = value, let trust = value.bool else { throw wrongType() }
        config.trustHTML = trust
      case "params":
        guard value.mapping != nil else { throw wrongType() }
        config.params = MetadataValue(value)
      default:
        config.warnings.append(
          JournalError(
            .invalidInput,
            "unknown key '\(key)' ignored (known: \(keys.map(\.name).joined(separator: ", ")))",
            file: file, line: line))
      }
    }
    return config
  }

  /// The data folders as absolute URLs (`journal/data` when none is set).
  public func dataFolderURLs(in journal: Journal) -> [URL] {
    guard !dataFolders.isEmpty else {
      return [journal.entriesFolder.appendingPathComponent("data", isDirectory: true)]
    }
    return dataFolders.map {
      URL(fileURLWithPath: $0, relativeTo: journal.root).standardizedFileURL
    }
  }

  /// The file `journal init` writes: every key, commented out, with what it does.
  public static let template = """
    # journal.yml: this journal's settings. Every key is optional; a command-line option
    # overrides the key of the same meaning (e.g. journal build --base-url).

    # The site's title (default: the first heading of journal/README.md) and description.
    # title: My journal
    # description: Notes from the lab, one file per day.
    # author: Ada Lovelace

    # Where the site is published: feeds, the sitemap and canonical links use it.
    # base_url: https://example.org/journal/

    # <html lang="..."> of every page.
    # language: en

    # Folders where cells look up data files, relative to this file (default: journal/data).
    # Folders in the JOURNAL_DATA environment variable are looked up after these.
    # data:
    #   - journal/data

    # How formulas are shown: mathml (no JavaScript) or katex (typeset in the browser).
    # math: mathml

    # The folder `journal build` writes the site into.
    # output: _site

    # Raw HTML in entries is reduced to GitHub's allow-list (no scripts, event handlers or
    # script URLs; other tags show as text). true publishes it as written: only for a journal
    # whose every entry you wrote yourself.
    # trust_html: false

    # Anything else the templates want, as {{site.params.NAME}}.
    # params:
    #   github: https://github.com/me

    """
}
