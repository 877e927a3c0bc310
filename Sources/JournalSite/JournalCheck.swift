import Foundation
import JournalCells
import JournalCore
import TeXMath

/// What `journal check` finds wrong in a journal, as `file:line: message` problems: day files
/// that cannot be read (bad UTF-8, bad front matter), links to entries or headings that do not
/// exist or are ambiguous, images and linked files that are missing or outside `journal/`,
/// formulas TeX cannot typeset (unknown macros among them), and cells whose frozen outputs are
/// missing, stale or failed.
///
/// Links and files are judged exactly as `journal build` judges them (the same `LinkTargets`
/// and `PageFile` rules), so a journal that checks clean builds without warnings.
public struct JournalCheck: Sendable {
  public let journal: Journal

  public init(journal: Journal) { self.journal = journal }

  /// Every problem, by file and line.
  public func run() throws -> [JournalError] {
    let listing = try DayFiles.scan(journal)
    var problems = listing.problems
    let pipeline = MarkdownPipeline(options: .textOnly)
    let read = listing.files.concurrentMap { file in
      Result { pipeline.document(for: try journal.read(file).entry()) }
    }
    var documents: [Document] = []
    for result in read {
      switch result {
      case .success(let document): documents.append(document)
      case .failure(let error): problems.append(JournalError(error, code: .invalidInput))
      }
    }
    let files = FileHashes(journal: journal)
    let converter = MathMLConverter()
    let perDocument = documents.concurrentMap { document -> [JournalError] in
      var found: [(line: Int, message: String)] = []
      for file in files.files(of: document) {
        if let problem = file.problem { found.append((file.line, problem)) }
      }
      for span in document.math {
        for warning in converter.convert(span.tex, display: span.display).warnings {
          found.append((span.line + warning.line, "math: \(warning.message)"))
        }
      }
      return found.map {
        JournalError(.invalidInput, $0.message, file: document.path, line: $0.line)
      }
    }
    problems += perDocument.flatMap { $0 }
    let graph = LinkGraph(documents: documents)
    for edge in graph.edges {
      if let problem = edge.resolution.problem {
        problems.append(
          JournalError(
            .invalidInput, "link '\(edge.reference.written)': \(problem)", file: edge.path,
            line: edge.line))
      }
    }
    problems += try OutputsStatus.problems(for: journal, documents: documents)
    return problems.sorted {
      (($0.file ?? ""), ($0.line ?? 0)) < (($1.file ?? ""), ($1.line ?? 0))
    }
  }
}
