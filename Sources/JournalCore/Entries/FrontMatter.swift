import Foundation
import Yams

/// The optional YAML block at the top of an entry, between `---` lines.
public struct FrontMatter: Sendable, Hashable {
  /// `title:`, if given.
  public var title: String?
  /// `tags:` as a list or a comma-separated string, in the author's order, without duplicates,
  /// as written but for leading `#` (`#c#` is `c#`); `TagNames.normalized` lower-cases them.
  public var tags: [String]
  /// `date:` as written, if given (checked against the file name by `Entry`).
  public var date: String?
  /// `draft: true`: the entry stays out of the site unless it is built with drafts; it is still
  /// indexed and searched locally.
  public var isDraft: Bool
  /// Every other key, in the author's order.
  public var metadata: [(key: String, value: MetadataValue)]

  public init(
    title: String? = nil, tags: [String] = [], date: String? = nil, isDraft: Bool = false,
    metadata: [(key: String, value: MetadataValue)] = []
  ) {
    self.title = title
    self.tags = tags
    self.date = date
    self.isDraft = isDraft
    self.metadata = metadata
  }

  public static let empty = FrontMatter()

  public var isEmpty: Bool {
    title == nil && tags.isEmpty && date == nil && !isDraft && metadata.isEmpty
  }

  public static func == (a: FrontMatter, b: FrontMatter) -> Bool {
    a.title == b.title && a.tags == b.tags && a.date == b.date && a.isDraft == b.isDraft
      && MetadataValue.map(a.metadata) == MetadataValue.map(b.metadata)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(title)
    hasher.combine(tags)
    hasher.combine(date)
  }

  /// Splits `text` into its front matter and body.
  ///
  /// Front matter is recognised only when the very first line is `---` and a later line is `---`
  /// or `...`. Returns the YAML source, the body, and the 1-based line where the body starts.
  public static func split(_ text: String) -> (yaml: Substring?, body: Substring, bodyLine: Int) {
    // Lines are cut on the UTF-8 bytes: as Characters, "\r\n" is one grapheme that is not "\n",
    // so a CRLF file has no "\n" Character at all.
    let utf8 = text.utf8
    guard utf8.starts(with: "---\n".utf8) || utf8.starts(with: "---\r\n".utf8),
      var lineStart = utf8.firstIndex(of: UInt8(ascii: "\n")).map({ utf8.index(after: $0) })
    else {
      return (nil, text[...], 1)
    }
    var lineNumber = 1
    let yamlStart = lineStart
    while lineStart < utf8.endIndex {
      lineNumber += 1
      let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
      var line = utf8[lineStart..<lineEnd]
      if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
        let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        return (text[yamlStart..<lineStart], text[bodyStart...], lineNumber + 1)
      }
      lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
    }
    // No closing line: not front matter, the whole file is Markdown.
    return (nil, text[...], 1)
  }

  /// Parses the YAML of a front-matter block. Errors name `file` and the line in that file.
  public static func parse(yaml: Substring, file: String) throws -> FrontMatter {
    // The block opens on line 1 (`---`), so its YAML starts on line 2.
    try YAMLBudget().check(String(yaml), file: file, firstLine: 2)
    let node: Node?
    do {
      node = try Yams.compose(yaml: String(yaml))
    } catch let error as YamlError {
      throw JournalError(
        .invalidInput, "front matter: \(yamlMessage(error))", file: file,
        line: yamlLine(error).map { $0 + 1 } ?? 1)
    } catch {
      throw JournalError(.invalidInput, "front matter: \(error)", file: file, line: 1)
    }
    guard let node else { return .empty }
    guard let mapping = node.mapping else {
      throw JournalError(
        .invalidInput, "front matter must be a mapping of keys to values",
        file: file, line: 2)
    }
    var result = FrontMatter()
    for (keyNode, valueNode) in mapping {
      let key = keyNode.string ?? "\(keyNode)"
      let value = MetadataValue(valueNode)
      switch key {
      case "title": result.title = value.text
      case "date": result.date = value.text
      case "draft":
        guard case .bool(let isDraft) = value else {
          // The key's own line: the file's line 1 is `---`, and marks count from 1.
          let written: String
          switch valueNode {
          case .scalar(let scalar):
            written = scalar.string.isEmpty ? "empty" : JournalError.quote(scalar.string)
          case .sequence: written = "a list"
          default: written = "a mapping"
          }
          throw JournalError(
            .invalidInput, "front matter 'draft' must be true or false, not \(written)",
            file: file, line: keyNode.mark.map { $0.line + 1 } ?? 2)
        }
        result.isDraft = isDraft
      case "tags":
        var seen = Set<String>()
        let raw: [String]
        switch value {
        case .list(let items): raw = items.compactMap(\.text)
        case .string(let s): raw = s.split(separator: ",").map(String.init)
        default: raw = value.text.map { [$0] } ?? []
        }
        for tag in raw {
          var name = Substring(tag.trimmingCharacters(in: .whitespaces))
          while name.hasPrefix("#") { name.removeFirst() }
          if !name.isEmpty, seen.insert(String(name)).inserted { result.tags.append(String(name)) }
        }
      default: result.metadata.append((key, value))
      }
    }
    return result
  }

  static func yamlLine(_ error: YamlError) -> Int? {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): return mark.line
    case .composer(_, _, let mark, _): return mark.line
    default: return nil
    }
  }

  static func yamlMessage(_ error: YamlError) -> String {
    switch error {
    case .scanner(_, let problem, _, _), .parser(_, let problem, _, _): return problem
    case .composer(_, let problem, _, _): return problem
    default: return "\(error)".split(separator: "\n").first.map(String.init) ?? "invalid YAML"
    }
  }
}

extension MetadataValue {
  init(_ node: Node) {
    switch node {
    case .scalar(let scalar):
      if scalar.style == .plain {
        if node.null != nil
          && (scalar.string.isEmpty || scalar.string == "~"
            || scalar.string.lowercased() == "null")
        {
          self = .null; return
        }
        if let b = node.bool { self = .bool(b); return }
        if let i = node.int { self = .int(i); return }
        if let d = node.float, scalar.string.contains(where: { $0 == "." || $0 == "e" }) {
          self = .double(d); return
        }
      }
      self = .string(scalar.string)
    case .sequence(let seq): self = .list(seq.map(MetadataValue.init))
    case .mapping(let map):
      self = .map(map.map { (key: $0.key.string ?? "\($0.key)", value: MetadataValue($0.value)) })
    case .alias: self = .null
    }
  }
}
