import Foundation
import JournalCore
import PyInterpreter

/// Runs a standalone script in the cell language: `journal exec SCRIPT.py [ARGS]`.
///
/// The same file can be run by real Python and by `journal`, and their outputs compared.
public struct ScriptRunner {
  /// Folders the script may read besides its own: the journal's data folders (when one is
  /// found: `journal.yml`'s `data`, else `journal/data/`) and every folder in `JOURNAL_DATA`
  /// (colon-separated).
  public var dataFolders: [String]
  public var timeLimit: Double
  /// Bytes of arrays and tensors the script may hold at once; nil for no limit.
  public var memoryLimit: Int? = Interpreter.Options.defaultMemoryLimit

  public init(dataFolders: [String], timeLimit: Double = 600) {
    self.dataFolders = dataFolders
    self.timeLimit = timeLimit
  }

  /// The data folders for a journal (if any) and an environment.
  public static func dataFolders(
    journal: Journal?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> [String] {
    var folders: [String] = []
    if let journal {
      folders += journal.config.dataFolderURLs(in: journal).map(\.path)
    }
    for part in (environment["JOURNAL_DATA"] ?? "").split(separator: ":") where !part.isEmpty {
      folders.append(URL(fileURLWithPath: String(part)).standardizedFileURL.path)
    }
    return folders
  }

  /// Runs the script; what it prints goes to `output`, a traceback to `errorOutput`.
  /// Returns the exit status: 0, or 1 after an uncaught exception.
  public func run(
    scriptAt url: URL, displayPath: String, arguments: [String],
    output: @escaping (String) -> Void, errorOutput: @escaping (String) -> Void
  ) throws -> Int32 {
    let source = try FileSystem.readText(at: url, displayPath: displayPath)
    let interpreter = Interpreter(
      options: .init(timeLimit: timeLimit, memoryLimit: memoryLimit))
    interpreter.output = output
    interpreter.errorOutput = errorOutput
    registerBridge(in: interpreter)
    // A script shows its figures nowhere; `savefig` writes SVG files in the working folder.
    _ = PlotBridge.register(
      in: interpreter,
      sink: FigureFileWriter(
        folder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)))
    interpreter.readableFolders =
      [url.deletingLastPathComponent().standardizedFileURL.path]
      + dataFolders
    try interpreter.setArguments([displayPath] + arguments)
    do {
      try interpreter.run(source: source, filename: displayPath)
      return 0
    } catch let error as PythonError {
      errorOutput(error.formatted)
      return 1
    }
  }
}
