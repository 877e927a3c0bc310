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

        --attach FILE copies FILE into journal/assets/ (a file there with the same bytes is
        reused; another of the same name makes NAME-2.EXT) and appends its link below the
        text: ![NAME](../assets/NAME) for images, [NAME](../assets/NAME) for other files. The
        text is optional with --attach. `journal build` publishes the files entries refer to,
        and only those.
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

    @Option(
      help: ArgumentHelp(
        "Copy a file into journal/assets/ and append its link (repeatable).",
        valueName: "file"))
    var attach: [String] = []

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
      let typed = try readText()
      guard typed != nil || !attach.isEmpty else {
        print("nothing added")
        return
      }
      let text = typed ?? ""
      if !text.isEmpty {
        try EntryAppender.validate(text: text, date: day, title: title, tags: tag)
      }
      // The files first, so that the text never names a file that is not there; they are
      // removed again when the text cannot be added.
      let attachments = Attachments(journal: journal)
      var stored: [Attachments.Stored] = []
      do {
        for file in attach { stored.append(try attachments.store(file)) }
        let links = stored.map(\.markdown).joined(separator: "\n")
        let content = [text, links].filter { !$0.isEmpty }.joined(separator: "\n\n")
        try EntryAppender.validate(text: content, date: day, title: title, tags: tag)
        let block = EntryAppender.block(text: content, title: title, tags: tag)
        let (path, line) = try EntryAppender(journal: journal).append(block, on: day) {
          _ = try SearchIndex.openUpdated(journal, knownStale: true)
        }
        for file in stored where !file.existed { print("attached journal/assets/\(file.name)") }
        print("added to \(path):\(line)")
      } catch {
        stored.forEach(attachments.remove)
        throw error
      }
    }

    /// The text to add, or nil when an editor session was saved empty.
    func readText() throws -> String? {
      if edit {
        guard text.isEmpty else { throw JournalError(.usage, "give TEXT or --edit, not both") }
        return try editText()
      }
      if !text.isEmpty { return text.joined(separator: " ") }
      if isatty(0) == 1 {
        if !attach.isEmpty { return nil }
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
