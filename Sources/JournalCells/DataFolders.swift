import Foundation
import JournalCore

/// The folders where cells' relative data paths are looked up: those of `journal.yml`'s `data`
/// key (default `journal/data/`), then the folders of the `JOURNAL_DATA` environment variable
/// (colon-separated; relative ones are taken from the current directory, as a shell would).
public struct DataFolders: Sendable, Hashable {
  public var folders: [URL]

  public init(folders: [URL]) { self.folders = folders }

  /// The journal's data folders (`journal.yml`, else `journal/data`), then `JOURNAL_DATA`'s.
  public init(
    journal: Journal, environment: [String: String] = ProcessInfo.processInfo.environment,
    currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  ) {
    var folders = journal.config.dataFolderURLs(in: journal)
    for part in (environment["JOURNAL_DATA"] ?? "").split(separator: ":") where !part.isEmpty {
      let path = String(part)
      folders.append(
        path.hasPrefix("/")
          ? URL(fileURLWithPath: path).standardizedFileURL
          : currentDirectory.appendingPathComponent(path).standardizedFileURL)
    }
    self.folders = folders
  }

  /// The file a relative name refers to (the first folder that has it), or an absolute name
  /// unchanged; nil when no folder has it.
  public func resolve(_ name: String) -> URL? {
    if name.hasPrefix("/") {
      return FileManager.default.fileExists(atPath: name) ? URL(fileURLWithPath: name) : nil
    }
    for folder in folders {
      let url = folder.appendingPathComponent(name)
      if FileManager.default.fileExists(atPath: url.path) { return url }
    }
    return nil
  }

  /// The message for a data file no folder has: the file, where we looked, how to add a folder.
  public func missingMessage(for name: String) -> String {
    let looked = folders.map(\.path).joined(separator: ", ")
    return "data file '\(name)' not found; looked in \(looked); put it in journal/data/, add "
      + "its folder to journal.yml's data list, or to JOURNAL_DATA (colon-separated folders, "
      + "e.g. JOURNAL_DATA=../shared/data)"
  }
}
