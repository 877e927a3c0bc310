/// A syntax error found while reading a cell, before anything runs.
struct SyntaxIssue: Error {
  var message: String
  var location: SourceLocation
  /// The SyntaxError subclass CPython raises: `TabError` for tabs and spaces mixed.
  var typeName = "SyntaxError"

  init(_ message: String, _ location: SourceLocation) {
    self.message = message
    self.location = location
  }

  static func unsupported(_ feature: String, _ location: SourceLocation) -> SyntaxIssue {
    SyntaxIssue("\(feature) is not supported in journal cells", location)
  }
}

/// Splits source text into tokens, producing INDENT/DEDENT from leading whitespace like CPython.
struct Lexer {
  private let bytes: [UInt8]
  private var pos = 0
  private var line = 1
  private var lineStart = 0
  private var indents: [Int] = [0]
  private var altIndents: [Int] = [0]
  private var depth = 0
  private var tokens: [Token] = []
  private var atLineStart = true

  init(_ source: String) {
    bytes = Array(source.utf8)
  }

  private var location: SourceLocation { SourceLocation(line: line, column: pos - lineStart + 1) }

  private func peek(_ offset: Int = 0) -> UInt8 {
    pos + offset < bytes.count ? bytes[pos + offset] : 0
  }

  static func tokenize(_ source: String) throws -> [Token] {
    var lexer = Lexer(source)
    return try lexer.run()
  }

  private mutating func add(_ kind: TokenKind, _ start: SourceLocation) {
    tokens.append(Token(kind: kind, range: SourceRange(start, location)))
  }

  private mutating func run() throws -> [Token] {
    while pos < bytes.count {
      if atLineStart {
        try readIndentation()
        continue
      }
      let c = peek()
      let start = location
      switch c {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), 12:
        pos += 1
      case UInt8(ascii: "\r"):
        pos += 1
      case UInt8(ascii: "\n"):
        pos += 1
        if depth == 0 {
          if let last = tokens.last, last.kind != .newline {
            tokens.append(Token(kind: .newline, range: SourceRange(start, start)))
          }
          atLineStart = true
        }
        line += 1
        lineStart = pos
      case UInt8(ascii: "#"):
        while pos < bytes.count && peek() != UInt8(ascii: "\n") { pos += 1 }
      case UInt8(ascii: "\\"):
        if peek(1) == UInt8(ascii: "\n") {
          pos += 2
          line += 1
          lineStart = pos
        } else if peek(1) == UInt8(ascii: "\r") && peek(2) == UInt8(ascii: "\n") {
          pos += 3
          line += 1
          lineStart = pos
        } else {
          throw SyntaxIssue("unexpected character after line continuation character", start)
        }
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        try readNumber()
      case UInt8(ascii: "."):
        if isDigit(peek(1)) { try readNumber() } else { try readOperator() }
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        try readString(prefix: "")
      default:
        if isIdentStart(c) {
          var end = pos
          while end < bytes.count && isIdentChar(bytes[end]) { end += 1 }
          let word = String(decoding: bytes[pos..<end], as: UTF8.self)
          let lower = word.lowercased()
          let next = end < bytes.count ? bytes[end] : 0
          if (next == UInt8(ascii: "\"") || next == UInt8(ascii: "'")) && word.count <= 2
            && ["r", "b", "f", "u", "rb", "br", "fr", "rf"].contains(lower)
          {
            pos = end
            try readString(prefix: lower)
          } else {
            pos = end
            add(.name(word), start)
          }
        } else {
          try readOperator()
        }
      }
    }
    let end = location
    if let last = tokens.last, last.kind != .newline {
      tokens.append(Token(kind: .newline, range: SourceRange(end, end)))
    }
    while indents.count > 1 {
      indents.removeLast()
      tokens.append(Token(kind: .dedent, range: SourceRange(end, end)))
    }
    tokens.append(Token(kind: .eof, range: SourceRange(end, end)))
    return tokens
  }

  private func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
  private func isIdentStart(_ c: UInt8) -> Bool {
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c >= 0x80
  }
  private func isIdentChar(_ c: UInt8) -> Bool { isIdentStart(c) || isDigit(c) }

  private mutating func readIndentation() throws {
    // CPython's two measures: tabs to multiples of 8, and tabs as one column. Indentation that
    // compares differently under the two mixes tabs and spaces ambiguously: TabError.
    var width = 0
    var altWidth = 0
    var p = pos
    while p < bytes.count {
      let c = bytes[p]
      if c == UInt8(ascii: " ") {
        width += 1
        altWidth += 1
      } else if c == UInt8(ascii: "\t") {
        width = (width / 8 + 1) * 8
        altWidth += 1
      } else if c == 12 {
        width = 0
        altWidth = 0
      } else {
        break
      }
      p += 1
    }
    // Blank and comment-only lines do not change indentation.
    if p >= bytes.count || bytes[p] == UInt8(ascii: "\n") || bytes[p] == UInt8(ascii: "#")
      || bytes[p] == UInt8(ascii: "\r")
    {
      pos = p
      atLineStart = p >= bytes.count ? false : atLineStart
      if p < bytes.count && bytes[p] == UInt8(ascii: "#") {
        while pos < bytes.count && peek() != UInt8(ascii: "\n") { pos += 1 }
      }
      if pos < bytes.count && peek() == UInt8(ascii: "\r") { pos += 1 }
      if pos < bytes.count {
        pos += 1
        line += 1
        lineStart = pos
      }
      return
    }
    pos = p
    atLineStart = false
    let here = location
    var tabError = SyntaxIssue("inconsistent use of tabs and spaces in indentation", here)
    tabError.typeName = "TabError"
    if width > indents[indents.count - 1] {
      guard altWidth > altIndents[altIndents.count - 1] else { throw tabError }
      indents.append(width)
      altIndents.append(altWidth)
      tokens.append(Token(kind: .indent, range: SourceRange(here, here)))
    } else {
      while width < indents[indents.count - 1] {
        indents.removeLast()
        altIndents.removeLast()
        tokens.append(Token(kind: .dedent, range: SourceRange(here, here)))
      }
      if width != indents[indents.count - 1] {
        throw SyntaxIssue("unindent does not match any outer indentation level", here)
      }
      guard altWidth == altIndents[altIndents.count - 1] else { throw tabError }
    }
  }

  private mutating func readNumber() throws {
    let start = location
    let begin = pos
    func digits(_ ok: (UInt8) -> Bool) -> String {
      var s = ""
      while pos < bytes.count, ok(peek()) || (peek() == UInt8(ascii: "_") && ok(peek(1))) {
        if peek() != UInt8(ascii: "_") { s.append(Character(Unicode.Scalar(peek()))) }
        pos += 1
      }
      return s
    }
    if peek() == UInt8(ascii: "0"), let radixChar = Optional(peek(1) | 0x20),
      radixChar == UInt8(ascii: "x") || radixChar == UInt8(ascii: "o")
        || radixChar == UInt8(ascii: "b")
    {
      pos += 2
      let radix = radixChar == UInt8(ascii: "x") ? 16 : radixChar == UInt8(ascii: "o") ? 8 : 2
      if peek() == UInt8(ascii: "_") { pos += 1 }
      let text = digits { c in
        let lc = c | 0x20
        switch radix {
        case 16: return (c >= 48 && c <= 57) || (lc >= 97 && lc <= 102)
        case 8: return c >= 48 && c <= 55
        default: return c == 48 || c == 49
        }
      }
      guard let value = Int(text, radix: radix) else {
        if text.isEmpty { throw SyntaxIssue("invalid number literal", start) }
        throw SyntaxIssue.unsupported("integers beyond 64 bits", start)
      }
      add(.int(value), start)
      return
    }
    var text = digits(isDigit)
    var isFloat = false
    if peek() == UInt8(ascii: ".") {
      isFloat = true
      pos += 1
      text += "." + digits(isDigit)
    }
    if peek() | 0x20 == UInt8(ascii: "e") {
      let save = pos
      pos += 1
      var exp = "e"
      if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") {
        exp.append(Character(Unicode.Scalar(peek())))
        pos += 1
      }
      let d = digits(isDigit)
      if d.isEmpty {
        pos = save
      } else {
        isFloat = true
        text += exp + d
      }
    }
    if peek() | 0x20 == UInt8(ascii: "j") {
      throw SyntaxIssue.unsupported("complex numbers", start)
    }
    if isIdentStart(peek()) {
      // CPython 3.11 still accepts a keyword glued to a number (`1if x else 2`).
      var end = pos
      while end < bytes.count && isIdentChar(bytes[end]) { end += 1 }
      let word = String(decoding: bytes[pos..<end], as: UTF8.self)
      if !["and", "or", "if", "else", "in", "is", "not", "for"].contains(word) {
        throw SyntaxIssue("invalid decimal literal", start)
      }
    }
    _ = begin
    if isFloat {
      guard let value = Double(text.hasPrefix(".") ? "0" + text : text) else {
        throw SyntaxIssue("invalid number literal", start)
      }
      add(.float(value), start)
    } else {
      if text.count > 1 && text.hasPrefix("0") && text.contains(where: { $0 != "0" }) {
        throw SyntaxIssue(
          "leading zeros in decimal integer literals are not permitted; "
            + "use an 0o prefix for octal integers", start)
      }
      guard let value = Int(text) else {
        throw SyntaxIssue.unsupported("integers beyond 64 bits", start)
      }
      add(.int(value), start)
    }
  }

  private mutating func readString(prefix: String) throws {
    let start = location
    if prefix.contains("b") { throw SyntaxIssue.unsupported("bytes literals", start) }
    let raw = prefix.contains("r")
    let isF = prefix.contains("f")
    let quote = peek()
    var triple = false
    if peek(1) == quote && peek(2) == quote {
      triple = true
      pos += 3
    } else {
      pos += 1
    }
    var body: [UInt8] = []
    while true {
      guard pos < bytes.count else {
        throw SyntaxIssue(
          triple ? "unterminated triple-quoted string literal" : "unterminated string literal",
          start)
      }
      let c = peek()
      if c == UInt8(ascii: "\\") {
        body.append(c)
        pos += 1
        if pos < bytes.count {
          if peek() == UInt8(ascii: "\n") {
            line += 1
            lineStart = pos + 1
          }
          body.append(peek())
          pos += 1
        }
        continue
      }
      if c == quote {
        if !triple {
          pos += 1
          break
        }
        if peek(1) == quote && peek(2) == quote {
          pos += 3
          break
        }
      }
      if c == UInt8(ascii: "\n") {
        if !triple { throw SyntaxIssue("unterminated string literal", start) }
        line += 1
        lineStart = pos + 1
      }
      body.append(c)
      pos += 1
    }
    let text = String(decoding: body, as: UTF8.self)
    if isF {
      add(.fstring(body: text, raw: raw), start)
    } else {
      add(.string(raw ? text : try Lexer.unescape(text, at: start)), start)
    }
  }

  /// Processes backslash escapes of a non-raw string literal.
  static func unescape(_ text: String, at location: SourceLocation) throws -> String {
    guard text.contains("\\") else { return text }
    var out = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    var i = 0
    func hex(_ count: Int) throws -> Unicode.Scalar {
      guard i + count < scalars.count + 0 || i + count <= scalars.count,
        let v = UInt32(String(String.UnicodeScalarView(scalars[(i)..<(i + count)])), radix: 16),
        let s = Unicode.Scalar(v)
      else { throw SyntaxIssue("truncated escape sequence", location) }
      i += count
      return s
    }
    while i < scalars.count {
      let c = scalars[i]
      i += 1
      guard c == "\\", i < scalars.count else {
        out.append(c)
        continue
      }
      let e = scalars[i]
      i += 1
      switch e {
      case "\n": break
      case "\\": out.append("\\")
      case "'": out.append("'")
      case "\"": out.append("\"")
      case "a": out.append("\u{07}")
      case "b": out.append("\u{08}")
      case "f": out.append("\u{0C}")
      case "n": out.append("\n")
      case "r": out.append("\r")
      case "t": out.append("\t")
      case "v": out.append("\u{0B}")
      case "x": out.append(try hex(2))
      case "u": out.append(try hex(4))
      case "U": out.append(try hex(8))
      case "0"..."7":
        var v = e.value - 48
        var n = 1
        while n < 3, i < scalars.count, scalars[i].value >= 48, scalars[i].value <= 55 {
          v = v * 8 + scalars[i].value - 48
          i += 1
          n += 1
        }
        out.append(Unicode.Scalar(v) ?? "?")
      case "N": throw SyntaxIssue.unsupported("\\N{...} escapes", location)
      default:
        out.append("\\")
        out.append(e)
      }
    }
    return String(out)
  }

  private static let operators3: Set<String> = ["**=", "//=", ">>=", "<<=", "...", "!=="]
  private static let operators2: Set<String> = [
    "**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
    "^=", "@=", "->", ":=",
  ]
  private static let operators1: Set<UInt8> = Set("+-*/%@&|^~<>()[]{},:.;=!".utf8)

  private mutating func readOperator() throws {
    let start = location
    func text(_ n: Int) -> String? {
      guard pos + n <= bytes.count else { return nil }
      return String(decoding: bytes[pos..<(pos + n)], as: UTF8.self)
    }
    if let t = text(3), Lexer.operators3.contains(t) {
      pos += 3
      add(.op(t), start)
      return
    }
    if let t = text(2), Lexer.operators2.contains(t) {
      pos += 2
      if t == ":=" { throw SyntaxIssue.unsupported("the walrus operator ':='", start) }
      add(.op(t), start)
      return
    }
    let c = peek()
    guard Lexer.operators1.contains(c) else {
      throw SyntaxIssue(
        "invalid character '\(String(decoding: [c], as: UTF8.self))'", start)
    }
    pos += 1
    switch c {
    case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
    case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
    default: break
    }
    add(.op(String(Unicode.Scalar(c))), start)
  }
}
