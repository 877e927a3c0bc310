import Foundation
import JournalCore

/// Appends text to a day's file, the way `journal add` does.
///
/// The addition is separated from what was there by one blank line and nothing else in the file
/// changes. The write is atomic (temporary file, fsync, rename) and serialised across processes
/// by `.journal/add.lock`, so concurrent additions never lose each other's text.
public struct EntryAppender: Sendable {
  public let journal: Journal

  public init(journal: Journal) { self.journal = journal }

  /// The Markdown block an addition becomes: an optional `####` heading (the journal's own
  /// style for a day's sections), the text, and the tags as `#tag` words on a last line.
  public static func block(text: String, title: String?, tags: [String]) -> String {
    var block = ""
    if let title {
      block += "#### \(title.trimmingCharacters(in: .whitespacesAndNewlines))\n\n"
    }
    var body = text
    while body.hasSuffix("\n") || body.hasSuffix("\r") { body.removeLast() }
    while body.hasPrefix("\n") { body.removeFirst() }
    block += body + "\n"
    let words = tags.map(written).filter { !$0.isEmpty }
    if !words.isEmpty {
      block += "\n" + words.map { "#" + $0 }.joined(separator: " ") + "\n"
    }
    return block
  }

  /// Checks an addition before anything is written: a day no more than a year ahead, a title
  /// on one line, tags that are single words, some text.
  public static func validate(
    text: String, date: JournalDate, title: String?, tags: [String],
    today: JournalDate = .today()
  ) throws {
    if date > today.adding(days: 366) {
      throw JournalError(.usage, "\(date.iso) is more than a year in the future")
    }
    if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw JournalError(.usage, "nothing to add: the text is empty")
    }
    if text.contains("\0") { throw JournalError(.invalidInput, "the text contains a NUL byte") }
    if let title,
      title.contains(where: \.isNewline) || title.trimmingCharacters(in: .whitespaces).isEmpty
    {
      throw JournalError(.usage, "--title must be one non-empty line")
    }
    if let line = SingleFileJournal.entryBreakLine(in: text) {
      throw JournalError(
        .invalidInput,
        "line \(line) of the text is a '---' line followed by a date line, which `journal "
          + "export` would turn into a new entry; put a blank line between them")
    }
    for tag in tags {
      if tag.isEmpty || tag.contains(where: { $0.isWhitespace }) {
        throw JournalError(.usage, "--tag \(JournalError.quote(tag)) must be one word")
      }
      // Written `#tag`, it must be read back as itself, or the entry would not carry it.
      guard TagNames.isInlineWord(TagNames.normalized(written(tag))) else {
        throw JournalError(
          .usage,
          "--tag \(JournalError.quote(tag)) is not a tag: a letter, then letters, digits and "
            + "_ - / + # . (not ending in - / .)")
      }
    }
  }

  /// A `--tag` value as its `#tag` word is written, without the `#`: leading `#`s dropped
  /// (`#c#` is `c#`), case kept.
  static func written(_ tag: String) -> String {
    var name = Substring(tag)
    while name.hasPrefix("#") { name.removeFirst() }
    return String(name)
  }

  /// Appends `block` to the file of `date`, creating it and its year folder if needed, and runs
  /// `afterWrite` while still holding the lock (the CLI updates the index there). Returns the
  /// file's path relative to the root and the 1-based line where the block starts.
  @discardableResult
  public func append(_ block: String, on date: JournalDate, afterWrite: () throws -> Void = {})
    throws -> (path: String, line: Int)
  {
    guard Journal.isDirectory(journal.entriesFolder) else {
      throw JournalError(.io, "no 'journal/' folder", file: journal.root.path)
    }
    guard access(journal.entriesFolder.path, R_OK | W_OK | X_OK) == 0 else {
      throw JournalError(
        .io, "the journal folder is not writable", file: journal.entriesFolder.path)
    }
    let lock = try FileLock(journal.stateFolder.appendingPathComponent("add.lock"))
    defer { lock.unlock() }
    let path = Entry.relativePath(for: date)
    let url = journal.url(for: path)
    var existing = ""
    if FileManager.default.fileExists(atPath: url.path) {
      existing = try FileSystem.readText(at: url, displayPath: path)
    }
    var separator = ""
    if !existing.isEmpty {
      if !existing.hasSuffix("\n") { separator += "\n" }
      if !(existing + separator).hasSuffix("\n\n") { separator += "\n" }
    }
    let updated = existing + separator + block
    // Check the result parses (front matter intact) before replacing the file.
    _ = try Entry(date: date, path: path, source: updated)
    try FileSystem.writeAtomically(updated, to: url)
    // The rename is durable only once its folder is synced.
    let folder = open(url.deletingLastPathComponent().path, O_RDONLY)
    if folder >= 0 {
      fsync(folder)
      close(folder)
    }
    let line = (existing + separator).reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    try afterWrite()
    return (path, line)
  }
}
