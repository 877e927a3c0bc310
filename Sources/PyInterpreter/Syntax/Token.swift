/// A position in a cell's source: 1-based line and column.
public struct SourceLocation: Sendable, Hashable {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}

/// The span of source text a token or tree node came from.
public struct SourceRange: Sendable, Hashable {
  public var start: SourceLocation
  public var end: SourceLocation

  public init(_ start: SourceLocation, _ end: SourceLocation) {
    self.start = start
    self.end = end
  }

  public var line: Int { start.line }
}

/// One lexical token of the cell language.
enum TokenKind: Equatable {
  case name(String)
  case int(Int)
  case float(Double)
  case string(String)
  /// The raw body of an f-string; the parser splits it into literal text and fields.
  case fstring(body: String, raw: Bool)
  case op(String)
  case newline
  case indent
  case dedent
  case eof
}

struct Token: Equatable {
  var kind: TokenKind
  var range: SourceRange

  var start: SourceLocation { range.start }
}
