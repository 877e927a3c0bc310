import Foundation
import JournalCore
import Mustache

/// The text a new entry starts from: the journal's `templates/entries/NAME.md`, else the
/// built-in template of that name (`default`: front matter with the title, date and no tags).
///
/// Rendered with Mustache as plain text (nothing is HTML-escaped). Its variables: `date`
/// (`2018-09-26`), `longDate` (`September 26, 2018`), `year`, `month`, `day`, `weekday`
/// (`Wednesday`), and, when a title is given, `hasTitle`, `title` and `yamlTitle` (the title as
/// a quoted YAML string, safe in front matter whatever it holds).
public struct EntryTemplate: Sendable {
  /// The template's name (`default`).
  public var name: String
  public var text: String
  /// Where the text came from, as errors name it (`templates/entries/default.md (built in)`).
  public var display: String

  /// The template `name`. Throws a usage error for a name that is not a plain file name or
  /// names no template, listing those there are.
  public static func load(named name: String, journal: Journal) throws -> EntryTemplate {
    guard !name.isEmpty, !name.hasPrefix("."),
      name.unicodeScalars.allSatisfy({
        $0.properties.isAlphabetic || $0.properties.numericType != nil
          || "-_.".unicodeScalars
            .contains($0)
      })
    else {
      throw JournalError(.usage, "--template \(JournalError.quote(name)) is not a template name")
    }
    let folder = journal.root.appendingPathComponent("templates/entries")
    let own = folder.appendingPathComponent(name + ".md")
    if FileManager.default.fileExists(atPath: own.path) {
      let display = "templates/entries/\(name).md"
      return EntryTemplate(
        name: name, text: try FileSystem.readText(at: own, displayPath: display),
        display: display)
    }
    if let text = DefaultTemplates.files["entries/\(name).md"] {
      return EntryTemplate(
        name: name, text: text, display: "templates/entries/\(name).md (built in)")
    }
    throw JournalError(
      .usage,
      "no entry template \(JournalError.quote(name)) (templates/entries/\(name).md); there are: "
        + names(journal: journal).joined(separator: ", "))
  }

  /// The names of the templates there are: the journal's and the built-in ones.
  public static func names(journal: Journal) -> [String] {
    let folder = journal.root.appendingPathComponent("templates/entries")
    let own = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let builtIn = DefaultTemplates.files.keys.filter { $0.hasPrefix("entries/") }
      .map { String($0.dropFirst("entries/".count)) }
    let all = (own + builtIn).filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
      .map { String($0.dropLast(3)) }
    return Set(all).sorted()
  }

  /// The entry text for `date`. Throws an error at the template's line for a Mustache syntax
  /// error.
  public func render(date: JournalDate, title: String?) throws -> String {
    let template: MustacheTemplate
    do {
      template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}\n" + text)
    } catch let error as MustacheTemplate.ParserError {
      throw JournalError(
        .invalidInput, "template syntax error: \(error.error)", file: display,
        line: max(1, error.context.lineNumber - 1))
    }
    let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    var context: [String: Any] = [
      "date": date.iso, "longDate": date.longForm, "year": String(date.iso.prefix(4)),
      "month": JournalDate.monthNames[date.month - 1], "day": String(date.day),
      "weekday": weekdays[date.weekdayFromMonday],
    ]
    if let title, !title.isEmpty {
      context["title"] = title
      context["hasTitle"] = true
      context["yamlTitle"] = Self.yamlQuoted(title)
    }
    return template.render(context)
  }

  /// `text` as a double-quoted YAML scalar.
  static func yamlQuoted(_ text: String) -> String {
    var quoted = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": quoted += "\\\""
      case "\\": quoted += "\\\\"
      case "\n": quoted += "\\n"
      case "\t": quoted += "\\t"
      default:
        if scalar.properties.generalCategory == .control {
          quoted +=
            "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
            + String(scalar.value, radix: 16)
        } else {
          quoted.unicodeScalars.append(scalar)
        }
      }
    }
    return quoted + "\""
  }
}
