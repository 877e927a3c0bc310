import ArgumentParser
import Foundation
import JournalKit

extension Journal {
  struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the HTML fragment of one entry, or of Markdown on standard input.",
      discussion: """
        For debugging, spec runners and benchmarks. A file named YYYY-MM-DD.md is read as an
        entry through the whole pipeline (its front matter is not rendered); any other file, or
        '-', is rendered as plain Markdown. Several files print their fragments one after the
        other. Math, emoji, highlighting and heading anchors are on unless turned off.
        """)

    @Argument(help: "Markdown files, or '-' (the default) for standard input.")
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
        Terminal.standardOutput.write(try render(file, pipeline: pipeline))
      }
    }

    private func render(_ file: String, pipeline: MarkdownPipeline) throws -> String {
      let name = file == "-" ? "<stdin>" : file
      let data: Data
      if file == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
      } else {
        data = try JournalKit_run {
          guard let contents = FileManager.default.contents(atPath: file) else {
            throw JournalError(.invalidInput, "cannot read the file", file: file)
          }
          return contents
        }
      }
      let text = try JournalKit_run { try decodeUTF8(data, file: name) }
      let base = (file as NSString).lastPathComponent
      if file != "-", let date = Entry.date(fromFileName: base) {
        let entry = try JournalKit_run { try Entry(date: date, path: file, source: text) }
        return pipeline.document(for: entry).html
      }
      return pipeline.html(for: text)
    }
  }
}
