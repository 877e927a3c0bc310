import ArgumentParser
import Foundation
import JournalCore

extension JournalCommand {
  struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "render",
      abstract: "Print the HTML fragment of one entry, or of Markdown on standard input.",
      discussion: """
        For debugging, spec runners and benchmarks. A file named YYYY-MM-DD.md is read as an
        entry through the whole pipeline (its front matter is not rendered); any other file, or
        '-', is rendered as plain Markdown. Several files print their fragments one after the
        other; a folder stands for every YYYY-MM-DD.md file under it, in date order. Math, emoji,
        highlighting and heading anchors are on unless turned off.
        """)

    @Argument(help: "Markdown files or folders, or '-' (the default) for standard input.")
    var files: [String] = ["-"]

    @Flag(name: .customLong("no-math"), help: "Do not recognise $ math.")
    var noMath = false

    @Flag(name: .customLong("no-emoji"), help: "Keep :shortcodes: as typed.")
    var noEmoji = false

    @Flag(name: .customLong("no-highlight"), help: "Render code blocks as cmark-gfm does.")
    var noHighlight = false

    @Flag(name: .customLong("no-anchors"), help: "Do not add anchors to headings.")
    var noAnchors = false

    func run() throws {
      let pipeline = MarkdownPipeline(
        options: MarkdownPipeline.Options(
          math: !noMath, emoji: !noEmoji, highlight: !noHighlight, headingAnchors: !noAnchors))
      for file in files {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: file, isDirectory: &isFolder)
        if exists, isFolder.boolValue {
          for (date, path) in dayFiles(under: file) {
            Terminal.standardOutput.write(try render(path, date: date, pipeline: pipeline))
          }
        } else {
          let name = file.split(separator: "/").last ?? file[...]
          let date = file == "-" ? nil : Entry.date(fromFileName: name)
          Terminal.standardOutput.write(try render(file, date: date, pipeline: pipeline))
        }
      }
    }

    /// The day files under a folder, in date order. `readdir` rather than FileManager's
    /// enumerator, whose path handling showed up in the render benchmark at 10,000 files.
    private func dayFiles(under folder: String) -> [(JournalDate, String)] {
      var found: [(date: JournalDate, path: String)] = []
      var pending = [folder.hasSuffix("/") ? String(folder.dropLast()) : folder]
      while let directory = pending.popLast() {
        guard let stream = opendir(directory) else { continue }
        defer { closedir(stream) }
        while let item = readdir(stream) {
          let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
          }
          if name.hasPrefix(".") { continue }
          let path = directory + "/" + name
          if Int32(item.pointee.d_type) == Int32(DT_DIR) {
            pending.append(path)
          } else if let date = Entry.date(fromFileName: name) {
            found.append((date, path))
          }
        }
      }
      return found.sorted { $0.date < $1.date }.map { ($0.date, $0.path) }
    }

    /// The HTML of a file: through `document(for:)` when it is a day file (`date` is set).
    private func render(_ file: String, date: JournalDate?, pipeline: MarkdownPipeline) throws
      -> String
    {
      let name = file == "-" ? "<stdin>" : file
      let data: Data
      if file == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
      } else {
        guard let contents = FileManager.default.contents(atPath: file) else {
          throw JournalError(.invalidInput, "cannot read the file", file: file)
        }
        data = contents
      }
      let text = try decodeUTF8(data, file: name)
      if let date {
        let entry = try Entry(date: date, path: file, source: text)
        return pipeline.document(for: entry).html
      }
      return pipeline.html(for: text)
    }
  }
}
