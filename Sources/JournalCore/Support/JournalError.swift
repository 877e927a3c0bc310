import Foundation

/// An error that points at the place that caused it.
///
/// Every error a journal command reports can name a file and, where it makes sense, a line, so
/// the CLI can print one readable `file:line: message` line and an editor can jump there. An
/// error raised by a library (SQLite, the file system) is kept as the `cause` of the journal
/// error that says what was being done and where.
public struct JournalError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What kind of failure this is; the CLI maps it to an exit code.
  public enum Code: Sendable, Hashable {
    /// The input is malformed: a date line that cannot be parsed, bytes that are not UTF-8.
    case invalidInput
    /// Writing would change or lose existing data (an existing file with other content).
    case conflict
    /// A file or folder could not be read or written.
    case io
    /// A command-line value is not acceptable (exit code 2, like a usage error).
    case usage
    /// Nothing matched (exit code 1 with a short message, like grep).
    case notFound
  }

  public var code: Code
  public var message: String
  /// The file the error is about, as the user would type it (relative where possible).
  public var file: String?
  /// 1-based line in `file`.
  public var line: Int?
  /// The error of a library or the system that this one reports, if any; its text is already
  /// part of `message`. Not part of equality.
  public var cause: (any Error)?

  public init(
    _ code: Code, _ message: String, file: String? = nil, line: Int? = nil,
    cause: (any Error)? = nil
  ) {
    self.code = code
    self.message = message
    self.file = file
    self.line = line
    self.cause = cause
  }

  /// `error` as a journal error about `file`: a `JournalError` keeps its own code and message
  /// (and gains `file` if it named none); any other error becomes `code` with its description
  /// as the message, kept as the cause.
  public init(_ error: any Error, code: Code = .invalidInput, file: String? = nil) {
    if var journalError = error as? JournalError {
      if journalError.file == nil { journalError.file = file }
      self = journalError
    } else {
      self.init(code, "\(error)", file: file, cause: error)
    }
  }

  /// `file:line: message`, `file: message` or `message`.
  public var description: String {
    switch (file, line) {
    case let (file?, line?): return "\(file):\(line): \(message)"
    case let (file?, nil): return "\(file): \(message)"
    default: return message
    }
  }

  /// `text` in single quotes for a one-line message: at most `limit` characters (then `…`), with
  /// line breaks and other control characters written as escapes, so a pasted 100 KB query or a
  /// multi-line YAML value cannot flood or split the line.
  public static func quote(_ text: some StringProtocol, limit: Int = 80) -> String {
    var quoted = "'"
    for (n, character) in text.enumerated() {
      if n == limit {
        quoted += "…"
        break
      }
      let scalars = character.unicodeScalars
      if scalars.contains(where: { $0.properties.generalCategory == .control }) {
        quoted += scalars.map { $0.escaped(asASCII: true) }.joined()
      } else {
        quoted.append(character)
      }
    }
    return quoted + "'"
  }

  public static func == (a: JournalError, b: JournalError) -> Bool {
    a.code == b.code && a.message == b.message && a.file == b.file && a.line == b.line
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(code)
    hasher.combine(message)
    hasher.combine(file)
    hasher.combine(line)
  }
}
