import ArgumentParser
import Foundation
import JournalCore
import JournalIndex

extension JournalCommand {
  struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "search",
      abstract: "Search the journal: one block per matching section, best first.",
      discussion: """
        QUERY: words are ANDed (a AND b); "exact phrase"; prefix*; a OR b; -word and
        NOT word exclude (AND, OR, NOT only in capitals; other words in any case are
        words); title:, code:, math: search one column (title: means headings); tag:name
        keeps entries with that tag. Code identifiers are found as typed: nn.LSTM,
        torch.manual_seed, read_only_fields. Punctuation never breaks a query:
        well-known, C++, @home, it's and a/b are searched as their words. Given as
        several shell arguments, an argument holding a space is a phrase.

        Dates (--on, --from, --to): 2018-09-26, "Sep 26 2018", "26 Sep 2018", today,
        yesterday, "3 days ago", "last friday", or a span: 2018-09, 2018,
        "September 2018", "this week", "last week" (Monday to Sunday before this week),
        "this month", "last month". See the README for every form.

        Exit status: 0 with hits, 1 with none, 2 for a bad option value.
        Matches are coloured on a terminal; JOURNAL_COLOR=always|never or NO_COLOR
        decide otherwise.

        --format json prints one object, keys sorted, a stable shape:
          {"count": N, "hits": [HIT, ...], "query": "..."}
        --format jsonl prints one HIT per line:
          {"anchor": "django-unchained", "date": "2018-09-01",
           "file": "/abs/journal/2018/2018-09-01.md",
           "heading": "Django unchained", "level": 4, "line": 12,
           "draft": false, "lines": [3, 20], "matches": ["serializer"],
           "path": "journal/2018/2018-09-01.md", "score": -4.2,
           "snippet": "...text around the match...", "title": "Django unchained"}
        path is relative to the journal root; line is the first matching line;
        lines are the section's first and last lines; score is bm25 (lower is
        better); heading and anchor are empty for text before the first heading;
        draft is true for an entry whose front matter says draft: true (marked
        "(draft)" in the other formats), which the site leaves out.
        --format paths prints each matching file once; --format markdown prints
        a list of links.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var dates: DateOptions

    @Option(
      name: .customLong("links-to"),
      help: ArgumentHelp(
        "Only entries that link to this day (wiki or Markdown links); with no query, the "
          + "sections holding those links. Repeat for entries linking to each.",
        valueName: "date"))
    var linksTo: [String] = []

    @Option(help: "At most this many hits (0: all).")
    var limit = 20

    @Option(help: "text, json, jsonl, paths or markdown.")
    var format: OutputFormat = .text

    @Argument(parsing: .allUnrecognized, help: "The query.")
    var query: [String] = []

    func run() throws {
      let journal = try global.journal()
      let text = SearchQuery.text(ofArguments: query)
      let filter = try dates.filter()
      let parsed = SearchQuery(parsing: text)
      let targets = try linksTo.map { written in
        let range = try DateExpression.parse(written)
        guard range.isSingleDay else {
          throw JournalError(.usage, "--links-to '\(written)' is not one day")
        }
        return range.first
      }
      guard !parsed.isEmpty || !targets.isEmpty else {
        throw JournalError(.usage, "nothing to search for in \(JournalError.quote(text))")
      }
      let hits = try SearchIndex.reading(journal, check: EarlyIndexCheck.take(for: journal)) {
        try $0.search(
          parsed, dates: filter, linksTo: targets, limit: limit > 0 ? limit : nil,
          snippets: format != .paths)
      }
      let out = Terminal.standardOutput
      let drafts = format == .paths ? [] : Search.drafts(among: hits, in: journal)
      switch format {
      case .text:
        let style = TextStyle.forStandardOutput()
        for (n, hit) in hits.enumerated() {
          if n > 0 { out.write("\n") }
          out.write(
            Search.block(
              for: hit, journal: journal, style: style, isDraft: drafts.contains(hit.path)))
        }
      case .json:
        out.write(
          try JSONOutput.encode(
            SearchHit.Results(
              query: text, count: hits.count,
              hits: hits.map {
                SearchHit.JSON($0, journal: journal, isDraft: drafts.contains($0.path))
              })) + "\n")
      case .jsonl:
        for hit in hits {
          let json = SearchHit.JSON(hit, journal: journal, isDraft: drafts.contains(hit.path))
          out.write(try JSONOutput.encode(json) + "\n")
        }
      case .paths:
        var seen = Set<String>()
        for hit in hits where seen.insert(hit.path).inserted {
          out.write(Search.displayPath(hit.path, journal: journal) + "\n")
        }
      case .markdown:
        for hit in hits {
          let heading = hit.heading.isEmpty ? hit.title : "\(hit.title) › \(hit.heading)"
          let link = hit.anchor.isEmpty ? hit.path : "\(hit.path)#\(hit.anchor)"
          let mark = drafts.contains(hit.path) ? " (draft)" : ""
          out.write(
            "- **\(hit.date.iso)**\(mark) [\(heading)](\(link)): "
              + hit.snippet(open: "**", close: "**") + "\n")
        }
      }
      if hits.isEmpty {
        let what =
          targets.isEmpty ? "" : " linking to " + targets.map(\.iso).joined(separator: ", ")
        throw JournalError(.notFound, "no matches for \(JournalError.quote(text))\(what)")
      }
    }

    /// The path as an editor run from here can open it.
    static func displayPath(_ path: String, journal: Journal) -> String {
      currentDirectory == journal.rootPath ? path : journal.path(for: path)
    }

    /// Found once, not once per hit.
    private static let currentDirectory =
      URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path

    /// The paths of the hits' entries whose front matter says `draft: true`. Read from the
    /// files, which the index does not hold it for: a few of them, only those of the hits.
    static func drafts(among hits: [SearchHit], in journal: Journal) -> Set<String> {
      var drafts = Set<String>()
      var seen = Set<String>()
      for hit in hits where seen.insert(hit.path).inserted {
        if (try? journal.read(hit.date, path: hit.path).entry().isDraft) == true {
          drafts.insert(hit.path)
        }
      }
      return drafts
    }

    static func block(
      for hit: SearchHit, journal: Journal, style: TextStyle, isDraft: Bool = false
    ) -> String {
      let heading =
        hit.heading.isEmpty || hit.heading == hit.title
        ? hit.title : "\(hit.title) › \(hit.heading)"
      let snippet =
        style.color
        ? hit.snippet(open: "\u{1B}[1;31m", close: "\u{1B}[0m")
        : hit.snippet(open: "[", close: "]")
      return style.bold(hit.date.iso) + "  " + style.cyan(heading)
        + (isDraft ? "  " + style.yellow("(draft)") : "") + "\n"
        + "  " + snippet + "\n"
        + "  " + style.dim("\(displayPath(hit.path, journal: journal)):\(hit.line)") + "\n"
    }
  }
}

/// `--on`, `--from`, `--to`, shared by search and list.
struct DateOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Only this day, month, year or named span.", valueName: "date"))
  var on: String?
  @Option(help: ArgumentHelp("From this date on (the first day it names).", valueName: "date"))
  var from: String?
  @Option(help: ArgumentHelp("Up to this date (the last day it names).", valueName: "date"))
  var to: String?

  func filter() throws -> DateFilter { try DateFilter(on: on, from: from, to: to) }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, jsonl, paths, markdown
}

enum JSONOutput {
  static func encode(_ value: some Encodable, pretty: Bool = false) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
