import ArgumentParser
import Foundation
import JournalCells
import JournalCore

extension JournalCommand {
  struct RunEntry: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "run-entry",
      abstract: "Run an entry's cells and freeze their outputs.",
      discussion: """
        Runs the entry's ```python run cells in order in one session (later cells see earlier \
        cells' variables), printing each cell's output as it comes, and stores the outputs in \
        journal/.outputs/YYYY-MM-DD/. Cells whose frozen outputs are current (same sources, \
        engine and data) are not run again. Exits 1 if a cell failed (unless it has \
        error=true), with the traceback pointing at the entry's file and line.

        Cells open data files by relative path, looked up in journal/data/ and then in the \
        folders of JOURNAL_DATA (colon-separated; relative folders are taken from the current \
        directory). With --python, cells run with the first existing data folder as their \
        working directory.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The entry's day: 2018-09-26, yesterday, last friday, Sep 26 2018...")
    var date: [String] = []

    @Option(help: "Run only up to this cell (1-based); the cells before it run too.")
    var cell: Int?

    @Flag(help: "Run the cells even when their frozen outputs are current.")
    var force = false

    @Flag(help: "Run every entry that has cells.")
    var all = false

    @Option(help: "Entries run in parallel with --all.")
    var jobs = 1

    @Option(help: "Seconds a cell may run (a cell's timeout= option wins).")
    var timeout: Double = 600

    @Option(help: "Run the cells in this CPython (a path, or a command on PATH such as python3).")
    var python: String?

    @Flag(
      help: ArgumentHelp(
        "Run the cells in both the embedded engine and --python, and report "
          + "where their outputs differ (nothing is frozen).",
        discussion: "Exit code 1 on a difference."))
    var compare = false

    func validate() throws {
      if all == !date.isEmpty { throw ValidationError("give either a DATE or --all") }
      if all && cell != nil { throw ValidationError("--cell needs a DATE, not --all") }
      if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
      if timeout <= 0 { throw ValidationError("--timeout must be positive") }
      if compare && python == nil { throw ValidationError("--compare needs --python PATH") }
      if compare && (cell != nil || force) {
        throw ValidationError("--compare runs every cell; it takes no --cell or --force")
      }
    }

    func run() throws {
      let journal = try global.journal()
      let documents = try selectDocuments(in: journal)
      if documents.isEmpty { return }
      if compare { return try runComparison(documents, in: journal) }
      let engine = try makeEngine()
      let runner = CellRunner(
        journal: journal, engine: engine,
        dataFolders: DataFolders(journal: journal),
        options: .init(cell: cell, force: force, timeout: timeout))
      let queue = CellRunQueue(runner: runner, jobs: jobs, showsStatusLine: showsStatusLine)
      let failures = queue.run(documents) { stream, text in
        (stream == .stdout ? Terminal.standardOutput : Terminal.standardError).write(text)
      } failed: { message in
        Terminal.standardError.write("journal: \(message)\n")
      }
      if !failures.isEmpty { throw ExitCode(1) }
    }

    /// Standard error is a terminal that understands `\r` and erasing a line.
    var showsStatusLine: Bool {
      isatty(2) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// The engine that runs the cells.
    func makeEngine() throws -> any CellEngine {
      if let python { return try PythonEngine(python: python) }
      return try embeddedEngine()
    }

    /// The embedded cell engine (PyInterpreter), through its `CellEngine` adapter.
    func embeddedEngine() throws -> any CellEngine {
      EmbeddedEngine()
    }

    /// A cell option we do not know is ignored, but said so at its fence's line.
    func warnAboutUnknownOptions(_ document: Document) {
      for cell in document.cells where !cell.options.unknown.isEmpty {
        let words = cell.options.unknown.map { "'\($0)'" }.joined(separator: ", ")
        Terminal.warn(
          JournalError(
            .invalidInput,
            "unknown cell option \(words) ignored (known: seed=N timeout=S echo= output= error=)",
            file: document.path, line: cell.line - 1))
      }
    }

    /// `--compare`: each entry in both engines, differences printed, nothing frozen.
    func runComparison(_ documents: [Document], in journal: Journal) throws {
      let comparison = CellComparison(
        first: try embeddedEngine(), second: try makeEngine(),
        dataFolders: DataFolders(journal: journal), timeout: timeout)
      var differing = 0
      for document in documents {
        let found = try comparison.differences(in: document, root: journal.root)
        if found.isEmpty {
          print(
            "\(document.path): same outputs in \(comparison.first.identity) and "
              + "\(comparison.second.identity)")
        } else {
          differing += 1
          for difference in found { print("\(document.path): \(difference)") }
        }
      }
      if differing > 0 { throw ExitCode(1) }
    }

    func selectDocuments(in journal: Journal) throws -> [Document] {
      let pipeline = MarkdownPipeline()
      if all {
        let documents = try journal.entries().map { pipeline.document(for: $0) }
          .filter { !$0.cells.isEmpty }
        documents.forEach(warnAboutUnknownOptions)
        if documents.isEmpty {
          Terminal.standardOutput.write("no entry has runnable cells (```python run)\n")
        }
        return documents
      }
      let text = date.joined(separator: " ")
      let range = try DateExpression.parse(text)
      guard range.isSingleDay else {
        throw JournalError(.usage, "run-entry needs one day, not \(JournalError.quote(text))")
      }
      let day = range.first
      guard let entry = try journal.entry(on: day) else {
        throw JournalError(
          .notFound, "no entry for \(day.iso)",
          file: Entry.relativePath(for: day))
      }
      let document = pipeline.document(for: entry)
      warnAboutUnknownOptions(document)
      if document.cells.isEmpty {
        Terminal.standardOutput.write("\(document.path): no runnable cells (```python run)\n")
        return []
      }
      return [document]
    }
  }
}
