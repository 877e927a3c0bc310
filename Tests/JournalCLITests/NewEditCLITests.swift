import Foundation
import TestSupport
import Testing

/// `journal new` and `journal edit` with a fake editor: a real script that appends a line to
/// the file it is given (or fails).
@Suite struct NewEditCLITests {
  func journal() throws -> (TemporaryDirectory, editor: String, failing: String) {
    let dir = TemporaryDirectory("new-edit-cli")
    try dir.write("journal/2018/2018-09-25.md", "# Tuesday\nText.\n")
    let editor = try dir.write(
      "bin/editor.sh", "#!/bin/sh\nprintf 'Written in the editor.\\n' >> \"$1\"\n")
    chmod(editor.path, 0o755)
    let failing = try dir.write("bin/failing.sh", "#!/bin/sh\nexit 3\n")
    chmod(failing.path, 0o755)
    return (dir, editor.path, failing.path)
  }

  func read(_ dir: TemporaryDirectory, _ path: String) -> String? {
    try? String(contentsOf: dir.url.appendingPathComponent(path), encoding: .utf8)
  }

  /// The index's files, to show a command left them alone.
  func index(_ dir: TemporaryDirectory) -> [String: Data] {
    dir.snapshot().filter { $0.key.hasPrefix(".journal/index") }
  }

  @Test func newMakesTheFileFromTheDefaultTemplateEditsAndIndexes() throws {
    let (dir, editor, _) = try journal()
    let new = try runJournal(
      ["new", "Sep", "26", "2018", "--title", #"A: "quoted" title"#], in: dir.url,
      environment: ["VISUAL": editor, "EDITOR": "false"])
    #expect(new.status == 0, "\(new.stderr)")
    #expect(
      new.stdout
        == "created journal/2018/2018-09-26.md from templates/entries/default.md (built in)\n"
        + "indexed journal/2018/2018-09-26.md\n")
    #expect(
      read(dir, "journal/2018/2018-09-26.md")
        == "---\ntitle: \"A: \\\"quoted\\\" title\"\ndate: 2018-09-26\ntags: []\n---\n\n"
        + "Written in the editor.\n")
    // The index holds the edit already: the next check has nothing to do.
    let check = try runJournal(["index"], in: dir.url)
    #expect(check.stdout.contains("0 added, 0 changed"), "\(check.stdout)")
    let list = try runJournal(["list", "--on", "2018-09-26", "--format", "json"], in: dir.url)
    let entries = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
    #expect(entries?.first?["title"] as? String == #"A: "quoted" title"#)
  }

  @Test func newNeverReplacesAnEntry() throws {
    let (dir, editor, _) = try journal()
    let before = dir.snapshot()
    let new = try runJournal(
      ["new", "2018-09-25"], in: dir.url, environment: ["VISUAL": editor])
    #expect(new.status == 1)
    #expect(
      new.stderr
        == "journal: journal/2018/2018-09-25.md: the entry exists already: "
        + "'journal edit 2018-09-25' opens it\n")
    #expect(dir.snapshot() == before)
  }

  @Test func aJournalTemplateWithVariablesAndNoEscaping() throws {
    let (dir, _, _) = try journal()
    try dir.write(
      "templates/entries/meeting.md", "# Meeting on {{weekday}}, {{longDate}}\n{{title}}\n")
    let new = try runJournal(
      ["new", "26 Sep 2018", "--template", "meeting", "--title", "Q&A <draft>", "--no-edit"],
      in: dir.url)
    #expect(new.status == 0, "\(new.stderr)")
    #expect(
      read(dir, "journal/2018/2018-09-26.md")
        == "# Meeting on Wednesday, September 26, 2018\nQ&A <draft>\n")
    let unknown = try runJournal(
      ["new", "2018-09-27", "--template", "standup", "--no-edit"], in: dir.url)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("no entry template 'standup'"))
    #expect(unknown.stderr.contains("there are: default, meeting"))
    let sneaky = try runJournal(
      ["new", "2018-09-27", "--template", "../../etc/passwd", "--no-edit"], in: dir.url)
    #expect(sneaky.status == 2)
    #expect(read(dir, "journal/2018/2018-09-27.md") == nil)
  }

  @Test func aTemplateThatMakesBadFrontMatterWritesNothing() throws {
    let (dir, _, _) = try journal()
    try dir.write("templates/entries/bad.md", "---\ndraft: {{title}}\n---\nText.\n")
    let new = try runJournal(
      ["new", "2018-09-27", "--template", "bad", "--title", "maybe", "--no-edit"], in: dir.url)
    #expect(new.status == 1)
    #expect(
      new.stderr.contains(
        "templates/entries/bad.md: it makes an entry that does not read: front matter 'draft'"))
    #expect(read(dir, "journal/2018/2018-09-27.md") == nil)
  }

  @Test func editOpensTheEditorAndIndexes() throws {
    let (dir, editor, _) = try journal()
    let edit = try runJournal(
      ["edit", "2018-09-25"], in: dir.url, environment: ["VISUAL": "", "EDITOR": editor])
    #expect(edit.status == 0, "\(edit.stderr)")
    #expect(edit.stdout == "indexed journal/2018/2018-09-25.md\n")
    #expect(read(dir, "journal/2018/2018-09-25.md") == "# Tuesday\nText.\nWritten in the editor.\n")
    let search = try runJournal(["search", "editor", "--format", "paths"], in: dir.url)
    #expect(search.stdout == "journal/2018/2018-09-25.md\n")
    let missing = try runJournal(
      ["edit", "2018-09-20"], in: dir.url, environment: ["VISUAL": editor])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("no entry on 2018-09-20: 'journal new 2018-09-20' starts one"))
  }

  @Test func aFailingEditorLeavesTheIndexAlone() throws {
    let (dir, editor, failing) = try journal()
    #expect(try runJournal(["index"], in: dir.url).status == 0)
    let before = index(dir)
    let edit = try runJournal(
      ["edit", "2018-09-25"], in: dir.url, environment: ["VISUAL": failing])
    #expect(edit.status == 1)
    #expect(
      edit.stderr
        == "journal: journal/2018/2018-09-25.md: the editor (\(failing)) exited with status 3; "
        + "the index is unchanged\n")
    #expect(index(dir) == before)
    let new = try runJournal(["new", "2018-09-27"], in: dir.url, environment: ["VISUAL": failing])
    #expect(new.status == 1)
    #expect(new.stderr.contains("exited with status 3; the index is unchanged; the new file"))
    #expect(read(dir, "journal/2018/2018-09-27.md") == nil)
    #expect(index(dir) == before)
    // An editor that wrote something and then failed: the text stays.
    let appendsThenFails = try dir.write(
      "bin/append-fail.sh", "#!/bin/sh\n\(editor) \"$1\"\nexit 1\n")
    chmod(appendsThenFails.path, 0o755)
    let kept = try runJournal(
      ["new", "2018-09-28"], in: dir.url, environment: ["VISUAL": appendsThenFails.path])
    #expect(kept.status == 1)
    #expect(kept.stderr.contains("; the file is kept"))
    #expect(read(dir, "journal/2018/2018-09-28.md")?.hasSuffix("Written in the editor.\n") == true)
  }
}
