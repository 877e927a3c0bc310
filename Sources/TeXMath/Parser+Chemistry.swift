/// mhchem's `\ce`, read as KaTeX reads it: the argument becomes TeX (``Mhchem``) that replaces
/// the call in the token stream, like a macro's expansion.
extension Parser {
  /// Longer arguments are refused: mhchem's patterns scan ahead for closing delimiters, so one
  /// argument costs time quadratic in its length.
  static let maximumChemistryLength = 2000

  mutating func expandChemistry() throws(MathError) {
    let start = pos
    let call = tokens[pos].range
    guard case .command(let name) = tokens[pos].kind, name == "ce" else {
      throw MathError("\\pu (mhchem's units) is not supported", at: call)
    }
    pos += 1
    let text = chemistryText(try readArgumentTokens())
    guard text.unicodeScalars.count <= Self.maximumChemistryLength else {
      throw MathError(
        "\\ce argument longer than \(Self.maximumChemistryLength) characters", at: call)
    }
    let tex: String
    do {
      tex = try Mhchem.tex(text, depth: Parser.maximumDepth - depth)
    } catch {
      throw MathError(
        error == Mhchem.Run.nestedTooDeeply ? error.message : "\\ce: " + error.message, at: call)
    }
    let expansion = Token.tokenize(Array(tex.unicodeScalars)).map {
      Token(kind: $0.kind, range: call)
    }
    expandedTokens += expansion.count
    if expandedTokens > Parser.maximumExpandedTokens {
      throw MathError(
        "Macros expand to more than \(Parser.maximumExpandedTokens) tokens", at: call)
    }
    tokens.replaceSubrange(start..<pos, with: expansion)
    pos = start
    peeked = -1
  }

  /// The argument's text as KaTeX gives it to mhchem: its tokens' text, with one space where
  /// the source skips characters (spaces after a control word, runs of spaces).
  func chemistryText(_ argument: [Token]) -> String {
    var text = ""
    var expected = argument.first?.range.lowerBound ?? 0
    for token in argument {
      if token.range.lowerBound > expected {
        text += " "
        expected = token.range.lowerBound
      }
      let piece: String
      switch token.kind {
      case .char(let c): piece = String(c)
      case .command(let name): piece = "\\" + name
      case .space: piece = " "
      case .parameter(let k): piece = "#\(k)"
      }
      text += piece
      expected += piece.unicodeScalars.count
    }
    return text
  }
}
