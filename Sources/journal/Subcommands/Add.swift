import ArgumentParser
import Foundation
import JournalCore
import JournalIndex

extension JournalCommand {
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Append text to a day's entry (today by default).",
      discussion: """
        The text comes from the TEXT arguments, else standard input, else --edit opens $VISUAL
        or $EDITOR on a temporary file (saving it empty adds nothing). It is appended to
        journal/YYYY/YYYY-MM-DD.md after a blank line, creating the file if needed; --title
        puts a '####' heading above it and --tag adds '#tag' words below it. The write is atomic
        and concurrent adds are serialised; the index is updated before the command returns.
        A bad date, a date more than a year ahead or text that is not UTF-8 is refused and
        nothing is written.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(
      help: ArgumentHelp(
        "The day: 2018-09-26, Sep 26 2018, yesterday, last friday... (default: today).",
        valueName: "date"))
    var date: String?

    @Option(help: "A heading for the addition.")
    var title: String?

    @Option(help: "A tag to add (repeatable).")
    var tag: [String] = []

    @Flag(help: "Write the text in $VISUAL or $EDITOR.")
    var edit = false

    @Argument(help: "The text to add.")
    var text: [String] = []

    func run() throws {
      let journal = try global.journal()
      try Add.checkArgumentsAreUTF8()
      let range = try DateExpression.parse(date ?? "today")
      guard range.isSingleDay else {
        throw JournalError(.usage, "--date must name one day, not '\(date ?? "")'")
      }
      let day = range.first
      guard let content = try readText() else {
        print("nothing added")
        return
      }
      try EntryAppender.validate(text: content, date: day, title: title, tags: tag)
      let block = EntryAppender.block(text: content, title: title, tags: tag)
      let (path, line) = try EntryAppender(journal: journal).append(block, on: day) {
        _ = try SearchIndex.openUpdated(journal, knownStale: true)
      }
      print("added to \(path):\(line)")
    }

    /// The text to add, or nil when an editor session was saved empty.
    func readText() throws -> String? {
      if edit {
        guard text.isEmpty else { throw JournalError(.usage, "give TEXT or --edit, not both") }
        return try editText()
      }
      if !text.isEmpty { return text.joined(separator: " ") }
      if isatty(0) == 1 {
        throw JournalError(.usage, "no text: give TEXT, pipe it on standard input, or use --edit")
      }
      let data = FileHandle.standardInput.readDataToEndOfFile()
      return try decodeUTF8(data, file: "<stdin>")
    }

    func editText() throws -> String? {
      let editor = Edit.editor
      let temp = FileManager.default.temporaryDirectory
        .appendingPathComponent("journal-add-\(UUID().uuidString).md")
      FileManager.default.createFile(atPath: temp.path, contents: Data())
      defer { try? FileManager.default.removeItem(at: temp) }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "\(editor) \"$1\"", "sh", temp.path]
      try process.run()
      process.waitUntilExit()
      guard process.terminationStatus == 0 else {
        throw JournalError(
          .io,
          "the editor (\(editor)) failed with status \(process.terminationStatus); nothing added")
      }
      let data = (try? Data(contentsOf: temp)) ?? Data()
      let text = try decodeUTF8(data, file: temp.path)
      return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
    }

    /// Swift repairs bad UTF-8 in arguments silently; look at the raw bytes instead.
    static func checkArgumentsAreUTF8() throws {
      for i in 1..<Int(CommandLine.argc) {
        guard let raw = CommandLine.unsafeArgv[i] else { continue }
        let bytes = Data(bytes: raw, count: strlen(raw))
        _ = try decodeUTF8(bytes, file: "argument \(i)")
      }
    }
  }
}
