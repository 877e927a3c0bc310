/// Server-side syntax highlighting: code becomes escaped HTML with `<span class="hl-...">` around
/// comments, strings, keywords, built-ins, numbers, literals, variables and keys.
///
/// A small hand-written tokenizer per language family, not a grammar: it only has to colour
/// journal snippets, and it must never lose or reorder a byte. Unknown languages get nil, so the
/// caller keeps cmark-gfm's plain escaped block.
public struct SyntaxHighlighter: Sendable {
  /// The tokenizer settings of one language.
  struct Rules: Sendable {
    var lineComments: [[UInt8]] = []
    /// A line comment only counts at the start of a line or after whitespace (shell, YAML).
    var commentNeedsSpaceBefore = false
    var blockComment: (open: [UInt8], close: [UInt8])?
    var quotes: [UInt8] = [UInt8(ascii: "\""), UInt8(ascii: "'")]
    var tripleQuotes = false
    var keywords: Set<String> = []
    var builtins: Set<String> = []
    var literals: Set<String> = []
    var caseInsensitive = false
    var variables = false
    var decorators = false
    /// Strings or words directly followed by `:` are keys (JSON, YAML).
    var keys = false
  }

  public init() {}

  /// The canonical name of a language or alias we highlight, else nil.
  public static func canonicalLanguage(_ language: String) -> String? {
    switch language.lowercased() {
    case "python", "py", "python3", "pycon": return "python"
    case "swift": return "swift"
    case "sh", "shell", "bash", "zsh", "console", "shell-session": return "shell"
    case "json", "jsonc": return "json"
    case "yaml", "yml": return "yaml"
    case "sql", "sqlite": return "sql"
    case "text", "plain", "plaintext", "txt", "output": return "text"
    default: return nil
    }
  }

  /// `<pre><code class="language-LANG">` with highlighted contents, or nil for a language we do
  /// not know. `language` is the info string's first word, kept as written in the class.
  public func html(code: String, language: String, attributes: String = "") -> String? {
    guard let name = Self.canonicalLanguage(language) else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(code.utf8.count * 2 + 64)
    out += "<pre\(attributes)><code class=\"language-".utf8
    HTMLEscaping.escape(language.utf8, for: .attribute, into: &out)
    out += "\">".utf8
    let bytes = Array(code.utf8)
    if let rules = Self.rules[name] {
      tokenize(bytes, rules: rules, into: &out)
    } else {
      HTMLEscaping.escape(bytes, into: &out)
    }
    out += "</code></pre>\n".utf8
    return String(decoding: out, as: UTF8.self)
  }

  // MARK: Tokenizer

  private func tokenize(_ s: [UInt8], rules: Rules, into out: inout [UInt8]) {
    var i = 0
    var plainStart = 0
    func flushPlain(to end: Int) {
      if plainStart < end { HTMLEscaping.escape(s[plainStart..<end], into: &out) }
    }
    func emit(_ cls: String, _ range: Range<Int>) {
      flushPlain(to: range.lowerBound)
      out += "<span class=\"hl-\(cls)\">".utf8
      HTMLEscaping.escape(s[range], into: &out)
      out += "</span>".utf8
      plainStart = range.upperBound
    }
    while i < s.count {
      let c = s[i]
      // Comments.
      if let open = rules.lineComments.first(where: { s.hasPrefix($0, at: i) }),
        !rules.commentNeedsSpaceBefore || i == 0 || isSpace(s[i - 1])
      {
        _ = open
        var end = i
        while end < s.count, s[end] != UInt8(ascii: "\n") { end += 1 }
        emit("comment", i..<end)
        i = end
        continue
      }
      if let block = rules.blockComment, s.hasPrefix(block.open, at: i) {
        var end = i + block.open.count
        while end < s.count, !s.hasPrefix(block.close, at: end) { end += 1 }
        end = min(s.count, end + block.close.count)
        emit("comment", i..<end)
        i = end
        continue
      }
      // Strings.
      if rules.quotes.contains(c) {
        let end = stringEnd(s, from: i, rules: rules)
        var cls = "string"
        if rules.keys {
          var j = end
          while j < s.count, s[j] == UInt8(ascii: " ") { j += 1 }
          if j < s.count, s[j] == UInt8(ascii: ":") { cls = "key" }
        }
        emit(cls, i..<end)
        i = end
        continue
      }
      // Variables ($NAME, ${...}) and decorators (@name).
      if rules.variables, c == UInt8(ascii: "$"), i + 1 < s.count {
        var end = i + 1
        if s[end] == UInt8(ascii: "{") {
          while end < s.count, s[end] != UInt8(ascii: "}"), s[end] != UInt8(ascii: "\n") {
            end += 1
          }
          end = min(s.count, end + 1)
        } else {
          while end < s.count, isWordByte(s[end]) { end += 1 }
        }
        if end > i + 1 {
          emit("variable", i..<end)
          i = end
          continue
        }
      }
      if rules.decorators, c == UInt8(ascii: "@"), i + 1 < s.count, isWordStart(s[i + 1]) {
        var end = i + 1
        while end < s.count, isWordByte(s[end]) || s[end] == UInt8(ascii: ".") { end += 1 }
        emit("decorator", i..<end)
        i = end
        continue
      }
      // Numbers, not inside words.
      if isDigit(c), i == 0 || !isWordByte(s[i - 1]) {
        var end = i + 1
        while end < s.count,
          isWordByte(s[end]) || s[end] == UInt8(ascii: ".")
            || ((s[end] == UInt8(ascii: "-") || s[end] == UInt8(ascii: "+"))
              && (s[end - 1] == UInt8(ascii: "e") || s[end - 1] == UInt8(ascii: "E")))
        {
          end += 1
        }
        emit("number", i..<end)
        i = end
        continue
      }
      // Words.
      if isWordStart(c) {
        var end = i + 1
        while end < s.count, isWordByte(s[end]) || (rules.keys && s[end] == UInt8(ascii: "-")) {
          end += 1
        }
        let word = String(decoding: s[i..<end], as: UTF8.self)
        let key = rules.caseInsensitive ? word.lowercased() : word
        if rules.keys, end < s.count, s[end] == UInt8(ascii: ":"),
          end + 1 == s.count || isSpace(s[end + 1])
        {
          emit("key", i..<end)
        } else if rules.keywords.contains(key) {
          emit("keyword", i..<end)
        } else if rules.literals.contains(key) {
          emit("literal", i..<end)
        } else if rules.builtins.contains(key) {
          emit("builtin", i..<end)
        }
        i = end
        continue
      }
      i += 1
    }
    flushPlain(to: s.count)
  }

  /// The offset after the string starting at `start`; an unclosed string runs to the line's end.
  private func stringEnd(_ s: [UInt8], from start: Int, rules: Rules) -> Int {
    let quote = s[start]
    if rules.tripleQuotes, start + 2 < s.count, s[start + 1] == quote, s[start + 2] == quote {
      var j = start + 3
      while j < s.count {
        if s[j] == UInt8(ascii: "\\") {
          j += 2
          continue
        }
        if j + 2 < s.count, s[j] == quote, s[j + 1] == quote, s[j + 2] == quote { return j + 3 }
        j += 1
      }
      return s.count
    }
    var j = start + 1
    while j < s.count {
      switch s[j] {
      case UInt8(ascii: "\\") where quote != UInt8(ascii: "'") || !rules.variables:
        j += 2
        continue
      case quote:
        return j + 1
      case UInt8(ascii: "\n") where !rules.variables:
        return j
      default:
        j += 1
      }
    }
    return s.count
  }

  private func isSpace(_ b: UInt8) -> Bool {
    b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n")
      || b == UInt8(ascii: "\r")
  }
  private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
  private func isWordStart(_ b: UInt8) -> Bool {
    (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z")) || b == UInt8(ascii: "_")
  }
  private func isWordByte(_ b: UInt8) -> Bool { isWordStart(b) || isDigit(b) }

  // MARK: Languages

  private static func words(_ text: String) -> Set<String> {
    Set(text.split(separator: " ").map(String.init))
  }

  static let rules: [String: Rules] = {
    var python = Rules()
    python.lineComments = [Array("#".utf8)]
    python.tripleQuotes = true
    python.decorators = true
    python.keywords = words(
      "and as assert async await break class continue def del elif else except finally for from "
        + "global if import in is lambda nonlocal not or pass raise return try while with yield "
        + "match case")
    python.literals = words("True False None")
    python.builtins = words(
      "abs all any bool dict enumerate filter float int len list map max min open print range "
        + "repr reversed round set sorted str sum super tuple type zip isinstance self")

    var swift = Rules()
    swift.lineComments = [Array("//".utf8)]
    swift.blockComment = (Array("/*".utf8), Array("*/".utf8))
    swift.quotes = [UInt8(ascii: "\"")]
    swift.tripleQuotes = true
    swift.decorators = true
    swift.keywords = words(
      "associatedtype async await break case catch class continue default defer do else enum "
        + "extension fallthrough fileprivate final for func guard if import in init inout "
        + "internal is let mutating nonisolated open operator private protocol public repeat "
        + "rethrows return some any static struct subscript switch throw throws try typealias "
        + "var where while self Self super deinit")
    swift.literals = words("true false nil")
    swift.builtins = words(
      "Int Double Float String Bool Array Dictionary Set Optional Character UInt8 print")

    var shell = Rules()
    shell.lineComments = [Array("#".utf8)]
    shell.commentNeedsSpaceBefore = true
    shell.variables = true
    shell.keywords = words(
      "if then else elif fi for while until do done case esac function in select return exit "
        + "export local readonly set unset source")
    shell.builtins = words(
      "cd echo printf read test pwd ls cat grep sed awk cp mv rm mkdir pip python python3 git "
        + "swift make sudo apt-get curl")

    var json = Rules()
    json.quotes = [UInt8(ascii: "\"")]
    json.literals = words("true false null")
    json.keys = true

    var yaml = Rules()
    yaml.lineComments = [Array("#".utf8)]
    yaml.commentNeedsSpaceBefore = true
    yaml.literals = words("true false null yes no on off True False Null")
    yaml.keys = true

    var sql = Rules()
    sql.lineComments = [Array("--".utf8)]
    sql.blockComment = (Array("/*".utf8), Array("*/".utf8))
    sql.quotes = [UInt8(ascii: "'"), UInt8(ascii: "\"")]
    sql.caseInsensitive = true
    sql.keywords = words(
      "select from where and or not insert into values update set delete create table index "
        + "view drop alter add primary key foreign references join inner left right outer on "
        + "as group by order having limit offset distinct union all case when then else end "
        + "is in like between exists virtual using with begin commit rollback integer text real "
        + "blob default unique check asc desc match")
    sql.literals = words("null true false")
    sql.builtins = words("count sum avg min max coalesce length lower upper substr bm25 snippet")

    return [
      "python": python, "swift": swift, "shell": shell, "json": json, "yaml": yaml, "sql": sql,
    ]
  }()
}

extension Array where Element == UInt8 {
  fileprivate func hasPrefix(_ prefix: [UInt8], at index: Int) -> Bool {
    guard index + prefix.count <= count else { return false }
    for k in 0..<prefix.count where self[index + k] != prefix[k] { return false }
    return true
  }
}
