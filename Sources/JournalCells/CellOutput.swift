import Foundation
import JournalCore

/// What one cell produced.
public struct CellOutput: Sendable, Hashable, Codable {
  public var stdout: String
  public var stderr: String
  /// The exception that ended the cell, nil when it ran to the end.
  public var error: CellError?
  /// Figures shown (`plt.show()`) or left open at the end of the cell, as SVG documents.
  public var figures: [String]
  /// `repr` of the last expression's value when the cell ends with an expression that is not
  /// None (like a notebook).
  public var value: String?
  /// Data files the cell opened for reading.
  public var dataFiles: [DataFileUse]
  /// Seconds the cell took.
  public var duration: Double

  public init(
    stdout: String = "", stderr: String = "", error: CellError? = nil, figures: [String] = [],
    value: String? = nil, dataFiles: [DataFileUse] = [], duration: Double = 0
  ) {
    self.stdout = stdout
    self.stderr = stderr
    self.error = error
    self.figures = figures
    self.value = value
    self.dataFiles = dataFiles
    self.duration = duration
  }
}

/// An exception raised by a cell, with a traceback whose frames name the entry file and line.
public struct CellError: Sendable, Hashable, Codable {
  /// `ZeroDivisionError`, `TimeoutError`, `FileNotFoundError`, ...
  public var type: String
  public var message: String
  /// Outermost first, like Python's traceback.
  public var frames: [TracebackFrame]
  /// The traceback as Python prints it.
  public var formatted: String

  public init(type: String, message: String, frames: [TracebackFrame], formatted: String) {
    self.type = type
    self.message = message
    self.frames = frames
    self.formatted = formatted
  }

  /// The innermost frame in `file` (the entry): where the author should look.
  public func innermostFrame(in file: String) -> TracebackFrame? {
    frames.last { $0.file == file }
  }
}

/// One frame of a traceback.
public struct TracebackFrame: Sendable, Hashable, Codable {
  /// The entry path (`journal/2018/2018-09-17.md`) for cell code, else the module's file.
  public var file: String
  public var line: Int
  /// `<module>` for a cell's top level, else the function's name.
  public var function: String
  /// The source line, stripped.
  public var text: String

  public init(file: String, line: Int, function: String, text: String) {
    self.file = file
    self.line = line
    self.function = function
    self.text = text
  }
}

/// A data file a cell opened.
public struct DataFileUse: Sendable, Hashable, Codable {
  /// The path as the cell wrote it (relative to a data folder), or absolute.
  public var name: String
  /// Where it was found.
  public var path: String

  public init(name: String, path: String) {
    self.name = name
    self.path = path
  }
}
