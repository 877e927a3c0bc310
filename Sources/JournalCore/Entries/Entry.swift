import Foundation

/// One day of the journal: the file `journal/YYYY/YYYY-MM-DD.md`.
///
/// The date comes from the file name. The optional front matter supplies a title, tags and other
/// metadata; a front-matter `date` that disagrees with the file name is an error.
public struct Entry: Sendable, Hashable, Identifiable {
  public var id: JournalDate { date }
  /// The day, from the file name.
  public var date: JournalDate
  /// The path relative to the journal root, e.g. `journal/2018/2018-09-26.md`.
  public var path: String
  /// The whole file as read.
  public var source: String
  /// The front matter (empty if the file has none).
  public var frontMatter: FrontMatter
  /// The Markdown after the front matter.
  public var body: Substring
  /// The 1-based line of `source` where `body` starts; add it to body-relative line numbers.
  public var bodyLine: Int

  /// Parses an entry from its file contents. `path` is used for errors and kept as `path`.
  public init(date: JournalDate, path: String, source: String) throws {
    self.date = date
    self.path = path
    self.source = source
    let (yaml, body, bodyLine) = FrontMatter.split(source)
    self.body = body
    self.bodyLine = bodyLine
    if let yaml {
      frontMatter = try FrontMatter.parse(yaml: yaml, file: path)
      if let written = frontMatter.date {
        let day = written.prefix(10)
        guard let parsed = JournalDate(iso: day), parsed == date,
          written.count == 10 || written.dropFirst(10).first.map({ $0 == " " || $0 == "T" }) == true
        else {
          throw JournalError(
            .invalidInput,
            "front matter date \(JournalError.quote(written)) disagrees with the file name "
              + "(\(date.iso))",
            file: path, line: Entry.lineOfKey("date", in: yaml))
        }
      }
    } else {
      frontMatter = .empty
    }
  }

  /// The title the author gave in front matter, if any. (The Markdown pipeline falls back to the
  /// first heading, then the date.)
  public var title: String? { frontMatter.title }

  /// Whether the front matter says `draft: true`.
  public var isDraft: Bool { frontMatter.isDraft }

  /// `journal/YYYY/YYYY-MM-DD.md` for a date.
  public static func relativePath(for date: JournalDate) -> String {
    "journal/\(date.iso.prefix(4))/\(date.iso).md"
  }

  /// The date named by a day file's name (`2018-09-26.md`), if it is one.
  public static func date(fromFileName name: some StringProtocol) -> JournalDate? {
    guard name.hasSuffix(".md") else { return nil }
    return JournalDate(iso: name.dropLast(3))
  }

  private static func lineOfKey(_ key: String, in yaml: Substring) -> Int {
    var line = 2
    for l in yaml.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      if l.hasPrefix("\(key):") { return line }
      line += 1
    }
    return 1
  }
}
