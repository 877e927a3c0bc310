import Foundation

/// One formula of the development corpus.
struct CorpusFormula: Sendable, CustomStringConvertible {
  var name: String
  var tex: String
  var display: Bool
  var macros: [String: String] = [:]

  var description: String { name }
}

/// Reads the development corpus (KaTeX's screenshotter cases and support table) and the math of
/// a Markdown file. Kept free of the test framework so benchmarks/texmath.sh can compile it too.
enum DevelopmentCorpus {
  /// Formulas of `katex-screenshotter-cases.yaml`: a small YAML reader for that file's shapes
  /// (plain, quoted and block scalars, and mappings with `tex`, `display` and `macros`).
  static func screenshotterCases(_ text: String) -> [CorpusFormula] {
    var entries: [(name: String, first: String, rest: [String])] = []
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(raw)
      if line.hasPrefix("#") { continue }
      if let first = line.first, first != " ", let colon = line.firstIndex(of: ":") {
        let name = String(line[..<colon])
        let rest = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        entries.append((name, rest, []))
      } else if !entries.isEmpty {
        entries[entries.count - 1].rest.append(line)
      }
    }
    var formulas: [CorpusFormula] = []
    for entry in entries {
      let body = entry.rest
      if !entry.first.isEmpty {
        formulas.append(
          CorpusFormula(
            name: entry.name, tex: scalar(entry.first, body),
            display: false))
        continue
      }
      let meaningful = body.filter {
        let t = $0.trimmingCharacters(in: .whitespaces)
        return !t.isEmpty && !t.hasPrefix("#")
      }
      guard let firstLine = meaningful.first else { continue }
      let trimmed = firstLine.trimmingCharacters(in: .whitespaces)
      if trimmed.range(of: #"^[a-z]+:"#, options: .regularExpression) == nil {
        formulas.append(CorpusFormula(name: entry.name, tex: scalar("", body), display: false))
        continue
      }
      let mapping = self.mapping(meaningful)
      guard let tex = mapping["tex"] else { continue }
      var formula = CorpusFormula(name: entry.name, tex: tex, display: mapping["display"] == "1")
      if let macros = mapping["macros"] {
        for line in macros.split(separator: "\n") {
          guard let colon = line.firstIndex(of: ":") else { continue }
          formula.macros[line[..<colon].trimmingCharacters(in: .whitespaces)] =
            line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
      }
      formulas.append(formula)
    }
    return formulas
  }

  /// A mapping's keys at its first line's indentation; nested lines become the value's text.
  private static func mapping(_ lines: [String]) -> [String: String] {
    let indent = lines[0].prefix(while: { $0 == " " }).count
    var result: [String: String] = [:]
    var key: String?
    var first = ""
    var rest: [String] = []
    func finish() {
      guard let key else { return }
      if key == "macros" {
        result[key] = rest.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
      } else {
        result[key] = scalar(first, rest)
      }
    }
    for line in lines {
      let lineIndent = line.prefix(while: { $0 == " " }).count
      if lineIndent == indent, let colon = line.firstIndex(of: ":") {
        finish()
        key = line[..<colon].trimmingCharacters(in: .whitespaces)
        first = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        rest = []
      } else {
        rest.append(line)
      }
    }
    finish()
    return result
  }

  /// A YAML scalar from the text after the colon and the more-indented lines below it.
  private static func scalar(_ first: String, _ rest: [String]) -> String {
    let lines = rest.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    if first.hasPrefix("|") || first.hasPrefix(">") {
      let indent = lines.map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
      return lines.map { String($0.dropFirst(indent)) }.joined(separator: "\n")
    }
    var parts = first.isEmpty ? [] : [first]
    parts += lines.map { $0.trimmingCharacters(in: .whitespaces) }
    var text = parts.joined(separator: " ")
    if text.hasPrefix("'"), text.hasSuffix("'"), text.count >= 2 {
      text = String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }
    return text
  }

  /// The rendered examples of `katex-support-table.md` (rows marked "Not supported" have none).
  static func supportTable(_ text: String) -> [CorpusFormula] {
    var formulas: [CorpusFormula] = []
    for line in text.split(separator: "\n") where line.hasPrefix("|") {
      let cells = line.dropFirst().split(
        separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
      guard cells.count == 2 else { continue }
      let name = String(cells[0])
      for math in markdownMath(String(cells[1])).prefix(1) {
        formulas.append(
          CorpusFormula(
            name: name, tex: math.tex, display: math.display,
            macros: ["VERT": "|"]))
      }
    }
    return formulas
  }

  /// The rows `katex-support-table.md` marks "Not supported", as a formula trying the command
  /// bare (an environment as `\begin{name}x\end{name}`): a test of whether the name is known.
  static func notSupportedRows(_ text: String) -> [CorpusFormula] {
    var formulas: [CorpusFormula] = []
    for line in text.split(separator: "\n") where line.hasPrefix("|") {
      let cells = line.dropFirst().split(separator: "|", omittingEmptySubsequences: false)
      guard cells.count >= 2, cells[1].contains("Not supported") else { continue }
      let name = cells[0].trimmingCharacters(in: .whitespaces)
      let command = String(name.split(separator: " ").first ?? "")
      let tex = command.hasPrefix("{") ? "\\begin\(command)x\\end\(command)" : command
      formulas.append(CorpusFormula(name: name, tex: tex, display: false))
    }
    return formulas
  }

  private static func closingDollar(
    _ chars: [Character], from start: Int, display: Bool, countingBraces: Bool
  ) -> Int? {
    var j = start
    var braces = 0
    while j < chars.count {
      switch chars[j] {
      case "\\":
        j += 2
        continue
      case "{" where countingBraces: braces += 1
      case "}" where countingBraces: braces = max(0, braces - 1)
      case "$" where braces == 0:
        if !display { return j }
        if j + 1 < chars.count, chars[j + 1] == "$" { return j }
      default: break
      }
      j += 1
    }
    return nil
  }

  /// The `$...$` and `$$...$$` spans of Markdown text, skipping backtick code spans; a simple
  /// scan for tests, not the Markdown pipeline's rules.
  static func markdownMath(_ text: String) -> [(tex: String, display: Bool, line: Int)] {
    var result: [(tex: String, display: Bool, line: Int)] = []
    let chars = Array(text)
    var i = 0
    var line = 1
    while i < chars.count {
      let c = chars[i]
      if c == "\n" {
        line += 1
        i += 1
      } else if c == "\\" {
        i += 2
      } else if c == "`" {
        var ticks = 0
        while i < chars.count, chars[i] == "`" {
          ticks += 1
          i += 1
        }
        var j = i
        var found = false
        while j < chars.count {
          if chars[j] == "`" {
            var run = 0
            while j < chars.count, chars[j] == "`" {
              run += 1
              j += 1
            }
            if run == ticks {
              found = true
              break
            }
          } else {
            j += 1
          }
        }
        if found {
          line += chars[i..<j].filter { $0 == "\n" }.count
          i = j
        }
      } else if c == "$" {
        let display = i + 1 < chars.count && chars[i + 1] == "$"
        let open = display ? 2 : 1
        // As pulldown-cmark does, a `$` inside braces does not close: $\text{$x$}$. KaTeX's
        // examples of \begingroup have unbalanced braces: then the first `$` closes.
        let end =
          closingDollar(chars, from: i + open, display: display, countingBraces: true)
          ?? closingDollar(chars, from: i + open, display: display, countingBraces: false)
        guard let end, end > i + open else {
          i += open
          continue
        }
        let tex = String(chars[(i + open)..<end])
        result.append((tex, display, line))
        line += tex.filter { $0 == "\n" }.count
        i = end + open
      } else {
        i += 1
      }
    }
    return result
  }
}
