/// Converts TeX math to MathML Core, never throwing: bad input becomes an `<merror>` and a warning.
///
/// The converter is a value: build it once with the journal's macros and call
/// ``convert(_:display:)`` for each formula, from any thread.
///
/// Any input converts in time and memory linear in its length, and within a bounded stack:
/// nesting more than 100 levels deep (groups, but also commands reading arguments such as
/// `\sqrt\sqrt...x`, environments, `\left...\right`, text) is an error, so a conversion needs
/// under 256 KB of stack in release builds and 2 MB in debug builds
/// (`benchmarks/texmath.sh --deepest --stack KB` measures it). Macros may expand 2000 times and
/// put at most 100,000 tokens into a formula; the MathML of a formula is at most 1,000 bytes per
/// character of source, or 16 MB (`\bordermatrix` copies its cells, so nesting it multiplies).
public struct MathMLConverter: Sendable {
  let macros: [String: Macro]

  /// Creates a converter with user macros, `\newcommand`-style: `["\\R": "\\mathbb{R}"]`.
  ///
  /// Keys may be written with or without the backslash; `#1`...`#9` in a body are the
  /// arguments, and the highest one used gives the number of arguments.
  public init(macros: [String: String] = [:]) {
    var table: [String: Macro] = [:]
    for (name, body) in macros {
      let key = name.hasPrefix("\\") ? String(name.dropFirst()) : name
      table[key] = Macro(body: body)
    }
    self.macros = table
  }

  /// Converts one formula: inline (`display: false`) or display math.
  public func convert(_ tex: String, display: Bool) -> MathMLResult {
    let source = Array(tex.unicodeScalars)
    var parser = Parser(source: source, macros: macros)
    let nodes: [Node]
    do {
      nodes = try parser.parseFormula()
    } catch {
      return failure(error, tex, source, display: display)
    }
    var writer = MathMLWriter()
    writer.outputLimit = Self.outputLimit(sourceLength: source.count)
    let markup = writer.document(nodes, source: tex, display: display)
    if let range = writer.tooDeep {
      let error = MathError(
        "Formula nested more than \(MathMLWriter.maximumDepth) levels deep", at: range)
      return failure(error, tex, source, display: display)
    }
    if let range = writer.tooLarge {
      let error = MathError(
        "Formula too large: its MathML passes \(writer.outputLimit >> 20) MB", at: range)
      return failure(error, tex, source, display: display)
    }
    return MathMLResult(mathML: markup, warnings: [])
  }

  /// The most MathML one formula may produce: 1,000 bytes per character of source, and 16 MB
  /// whatever the source (a long formula of `\xcancel` writes 500 bytes per character).
  static func outputLimit(sourceLength: Int) -> Int {
    let (scaled, overflow) = sourceLength.multipliedReportingOverflow(by: 1000)
    return overflow ? Int.max : max(16 << 20, scaled)
  }

  private func failure(
    _ error: MathError, _ tex: String, _ source: [Unicode.Scalar], display: Bool
  ) -> MathMLResult {
    let warning = MathWarning(message: error.message, range: error.range, source: source)
    return MathMLResult(
      mathML: MathMLWriter.errorDocument(tex, message: error.message, display: display),
      warnings: [warning])
  }

  /// The MathML alone, in the shape of `MarkdownPipeline.Options.mathRenderer`.
  public var renderer: @Sendable (_ tex: String, _ display: Bool) -> String {
    { tex, display in convert(tex, display: display).mathML }
  }

  /// Parses a formula into its syntax tree, or throws the first error found.
  public func parse(_ tex: String) throws(MathError) -> [Node] {
    var parser = Parser(source: Array(tex.unicodeScalars), macros: macros)
    return try parser.parseFormula()
  }
}

/// The MathML of one formula and what went wrong converting it.
public struct MathMLResult: Sendable, Equatable {
  /// A complete `<math>` element.
  public var mathML: String
  /// Empty when the formula converted cleanly; otherwise the output holds an `<merror>`.
  public var warnings: [MathWarning]

  /// Whether the formula converted without error.
  public var isValid: Bool { warnings.isEmpty }
}

/// A problem in a formula, located inside the formula's source.
public struct MathWarning: Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, in one line.
  public var message: String
  /// Where, in Unicode scalars from the start of the formula.
  public var range: Range<Int>
  /// The 0-based line inside the formula (formulas may span lines): add it to the line of the
  /// formula's opening delimiter to get the line in the file.
  public var line: Int
  /// The 0-based column inside that line, in Unicode scalars.
  public var column: Int

  init(message: String, range: Range<Int>, source: [Unicode.Scalar]) {
    self.message = message
    self.range = range
    var line = 0
    var lineStart = 0
    for i in 0..<min(range.lowerBound, source.count) where source[i] == "\n" {
      line += 1
      lineStart = i + 1
    }
    self.line = line
    self.column = max(0, range.lowerBound - lineStart)
  }

  /// The offset of the problem, in Unicode scalars from the start of the formula.
  public var offset: Int { range.lowerBound }

  public var description: String { "\(message) (at offset \(offset))" }
}

/// A syntax error in TeX math, with where it happened.
public struct MathError: Error, Sendable, Equatable {
  public var message: String
  public var range: Range<Int>

  init(_ message: String, at range: Range<Int>) {
    self.message = message
    self.range = range
  }
}
