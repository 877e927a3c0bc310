import Foundation

/// Files kept with the journal: `journal/assets/`, named from the day files by relative paths
/// (`![plot](../assets/plot.png)`), published by the site only when an entry refers to them.
public struct Attachments: Sendable {
  public let journal: Journal

  public init(journal: Journal) { self.journal = journal }

  /// `journal/assets/`.
  public var folder: URL {
    journal.entriesFolder.appendingPathComponent("assets", isDirectory: true)
  }

  /// The largest file `store` copies: attachments are read whole.
  public static let maximumSize = 256 << 20

  /// Extensions shown as images (`![name](...)`); other files are linked (`[name](...)`).
  static let imageExtensions: Set<String> = [
    "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico",
  ]

  /// A file copied into `journal/assets/`.
  public struct Stored: Sendable, Equatable {
    /// Its name in `journal/assets/`.
    public var name: String
    /// Whether the file was already there with the same bytes (nothing was copied).
    public var existed: Bool
    public var isImage: Bool

    /// The Markdown that shows (an image) or links it from a day file
    /// (`journal/YYYY/YYYY-MM-DD.md`).
    public var markdown: String {
      let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "()"))
      let path = "../assets/" + (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name)
      let text = name.replacingOccurrences(of: "[", with: "\\[")
        .replacingOccurrences(of: "]", with: "\\]")
      return (isImage ? "!" : "") + "[\(text)](\(path))"
    }
  }

  /// Copies the regular file at `path` into `journal/assets/` under its own name, or reuses a
  /// file there with the same bytes; a different file of that name makes `name-2.ext` and so
  /// on. The copy is written to a temporary file and linked into place without replacing
  /// anything, so concurrent attachments never overwrite each other.
  public func store(_ path: String) throws -> Stored {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw JournalError(.io, "cannot attach: \(String(cString: strerror(errno)))", file: path)
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw JournalError(.usage, "cannot attach: not a regular file", file: path)
    }
    guard info.st_size <= Self.maximumSize else {
      throw JournalError(
        .usage, "cannot attach: larger than \(Self.maximumSize >> 20) MB", file: path)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw JournalError(.io, "cannot attach: cannot read the file", file: path)
    }
    let original = URL(fileURLWithPath: path).lastPathComponent
    let name = original.hasPrefix(".") ? "attachment" + original : original
    let ext = (name as NSString).pathExtension
    let stem = (name as NSString).deletingPathExtension
    let isImage = Self.imageExtensions.contains(ext.lowercased())
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for n in 1...10_000 {
      let candidate = n == 1 ? name : "\(stem)-\(n)" + (ext.isEmpty ? "" : "." + ext)
      let target = folder.appendingPathComponent(candidate)
      if let existing = FileManager.default.contents(atPath: target.path) {
        if existing == data { return Stored(name: candidate, existed: true, isImage: isImage) }
        continue
      }
      if try placeWithoutReplacing(data, at: target) {
        return Stored(name: candidate, existed: false, isImage: isImage)
      }
    }
    throw JournalError(.io, "cannot attach: too many files named \(name)", file: folder.path)
  }

  /// Removes a file `store` copied (when the text it was attached with could not be added).
  public func remove(_ stored: Stored) {
    guard !stored.existed else { return }
    try? FileManager.default.removeItem(at: folder.appendingPathComponent(stored.name))
  }

  /// Writes `data` beside `target` and links it into place; false when `target` appeared first.
  private func placeWithoutReplacing(_ data: Data, at target: URL) throws -> Bool {
    let temp = folder.appendingPathComponent(".\(UUID().uuidString).attach.tmp")
    try FileSystem.writeAtomically(data, to: temp)
    defer { unlink(temp.path) }
    if link(temp.path, target.path) == 0 { return true }
    if errno == EEXIST { return false }
    throw JournalError(
      .io, "cannot attach: \(String(cString: strerror(errno)))", file: target.path)
  }
}
