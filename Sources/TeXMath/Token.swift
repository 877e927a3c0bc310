/// One TeX token: a control sequence, a character, a run of spaces, or a macro parameter.
struct Token: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    /// `\name` or a control symbol such as `\,` (the name is `,`).
    case command(String)
    case char(Unicode.Scalar)
    /// One or more spaces or newlines (they matter only in text).
    case space
    /// `#1`...`#9` inside a macro body.
    case parameter(Int)
  }

  var kind: Kind
  /// Unicode scalar offsets in the formula source.
  var range: Range<Int>

  /// Splits source into tokens, dropping `%` comments.
  static func tokenize(_ source: [Unicode.Scalar]) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(source.count)
    var i = 0
    let n = source.count
    while i < n {
      let c = source[i]
      switch c {
      case "\\":
        let start = i
        i += 1
        if i >= n {
          tokens.append(Token(kind: .command("\\"), range: start..<i))
          break
        }
        if isLetter(source[i]) {
          var name = String.UnicodeScalarView()
          while i < n, isLetter(source[i]) {
            name.append(source[i])
            i += 1
          }
          tokens.append(Token(kind: .command(String(name)), range: start..<i))
          // TeX skips spaces after a control word.
          while i < n, isSpace(source[i]) { i += 1 }
        } else {
          tokens.append(Token(kind: .command(String(source[i])), range: start..<(i + 1)))
          i += 1
        }
      case " ", "\t", "\n", "\r":
        let start = i
        while i < n, isSpace(source[i]) { i += 1 }
        tokens.append(Token(kind: .space, range: start..<i))
      case "%":
        while i < n, source[i] != "\n" { i += 1 }
      case "#":
        if i + 1 < n, source[i + 1] == "#" {
          tokens.append(Token(kind: .char("#"), range: i..<(i + 2)))
          i += 2
        } else if i + 1 < n, source[i + 1] >= "1", source[i + 1] <= "9" {
          let digit = Int(source[i + 1].value) - 48
          tokens.append(Token(kind: .parameter(digit), range: i..<(i + 2)))
          i += 2
        } else {
          tokens.append(Token(kind: .char(c), range: i..<(i + 1)))
          i += 1
        }
      default:
        tokens.append(Token(kind: .char(c), range: i..<(i + 1)))
        i += 1
      }
    }
    return tokens
  }

  static func isLetter(_ c: Unicode.Scalar) -> Bool {
    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
  }

  static func isSpace(_ c: Unicode.Scalar) -> Bool {
    c == " " || c == "\t" || c == "\n" || c == "\r"
  }
}

/// A macro: its number of parameters and its body, already split into tokens.
struct Macro: Sendable {
  var parameterCount: Int
  var body: [Token]
  /// The default of an optional first argument (`\newcommand{\x}[2][d]{...}`).
  var optionalDefault: [Token]?

  init(body: String) {
    self.init(tokens: Token.tokenize(Array(body.unicodeScalars)))
  }

  init(tokens: [Token], parameterCount: Int? = nil, optionalDefault: [Token]? = nil) {
    self.body = tokens
    var highest = 0
    for token in tokens {
      if case .parameter(let k) = token.kind { highest = max(highest, k) }
    }
    self.parameterCount = parameterCount ?? highest
    self.optionalDefault = optionalDefault
  }
}
