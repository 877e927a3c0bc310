import ArgumentParser
import Foundation
import JournalCore
import JournalSite

extension JournalCommand {
  struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "new",
      abstract: "Start a day's entry from a template and open it in your editor.",
      discussion: """
        DATE is one day (default: today) in any form show takes. The file \
        journal/YYYY/YYYY-MM-DD.md is made from templates/entries/NAME.md (the journal's own \
        templates/ folder first, then the built-in 'default': front matter with the title and \
        date). Templates are Mustache, as plain text: {{date}} (2018-09-26), {{longDate}}, \
        {{year}}, {{month}}, {{day}}, {{weekday}}, and with --title {{title}}, {{yamlTitle}} \
        (quoted for front matter) and {{#hasTitle}}...{{/hasTitle}}.

        The file is written whole (a temporary file, then linked into place) and an existing \
        entry is never replaced: 'journal edit DATE' opens it. Then the editor opens as for \
        'journal edit' ($VISUAL, else $EDITOR, else vi) and the index is brought up to date \
        when it exits with status 0. On another status the index is left as it was, and the \
        new file is removed again if it is still as the template made it.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The entry's title, for the template.")
    var title: String?

    @Option(help: ArgumentHelp("The template: templates/entries/NAME.md.", valueName: "name"))
    var template = "default"

    @Flag(name: .customLong("no-edit"), help: "Make the file and index it; open no editor.")
    var noEdit = false

    @Argument(help: "The day (default: today).")
    var date: [String] = []

    func run() throws {
      let journal = try global.journal()
      try Add.checkArgumentsAreUTF8()
      let day = try Edit.day(date)
      if let title,
        title.contains(where: \.isNewline) || title.trimmingCharacters(in: .whitespaces).isEmpty
      {
        throw JournalError(.usage, "--title must be one non-empty line")
      }
      let path = Entry.relativePath(for: day)
      let url = journal.url(for: path)
      guard !FileManager.default.fileExists(atPath: url.path) else {
        throw Self.exists(path, day)
      }
      let template = try EntryTemplate.load(named: template, journal: journal)
      let text = try template.render(date: day, title: title)
      do {
        _ = try Entry(date: day, path: path, source: text)
      } catch let error as JournalError {
        throw JournalError(
          .invalidInput, "it makes an entry that does not read: \(error.message)",
          file: template.display)
      }
      do {
        try FileSystem.createExclusively(Data(text.utf8), at: url, displayPath: path)
      } catch let error as JournalError where error.code == .conflict {
        throw Self.exists(path, day)
      }
      print("created \(path) from \(template.display)")
      if noEdit { return try Edit.index(day, path: path, journal: journal) }
      let status = try Edit.runEditor(on: path, journal: journal)
      guard status == 0 else {
        // Nothing of the author's is lost: only a file still as the template made it goes.
        let unchanged = FileSystem.contents(atPath: url.path) == Data(text.utf8)
        if unchanged { unlink(url.path) }
        throw Edit.editorFailed(
          status, path: path,
          detail: unchanged ? "; the new file, unchanged, is removed" : "; the file is kept")
      }
      try Edit.index(day, path: path, journal: journal)
    }

    static func exists(_ path: String, _ day: JournalDate) -> JournalError {
      JournalError(
        .conflict, "the entry exists already: 'journal edit \(day.iso)' opens it", file: path)
    }
  }
}
