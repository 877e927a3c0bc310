import Foundation

/// One example of a spec file in the CommonMark spec-test format.
struct SpecExample: Sendable, CustomStringConvertible {
  var number: Int
  var line: Int
  var section: String
  /// The words after `example` on the opening line (`table`, `autolink`, `disabled`).
  var extensions: [String]
  var markdown: String
  var html: String

  var description: String { "example \(number) (line \(line), \(section))" }

  /// Reads examples: between a line of 32 backticks plus `example` and a line of 32 backticks,
  /// Markdown and HTML separated by a line holding a single `.`; `→` stands for a tab.
  static func parse(_ text: String) -> [SpecExample] {
    let fence = String(repeating: "`", count: 32)
    var examples: [SpecExample] = []
    var section = ""
    var state = 0  // 0 outside, 1 markdown, 2 html
    var markdown: [Substring] = []
    var html: [Substring] = []
    var extensions: [String] = []
    var start = 0
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      switch state {
      case 0:
        if line.hasPrefix(fence + " example") {
          extensions = line.dropFirst(fence.count + 8).split(separator: " ").map(String.init)
          state = 1
          start = index + 1
          markdown = []
          html = []
        } else if line.hasPrefix("#") {
          section = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
        }
      case 1:
        if line == "." { state = 2 } else { markdown.append(line) }
      default:
        if line.hasPrefix(fence) {
          func join(_ lines: [Substring]) -> String {
            lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
          }
          examples.append(
            SpecExample(
              number: examples.count + 1, line: start, section: section, extensions: extensions,
              markdown: join(markdown), html: join(html)))
          state = 0
        } else {
          html.append(line)
        }
      }
    }
    return examples
  }
}

/// The HTML normalisation of the official spec runner (cmark's `test/normalize.py`): whitespace
/// collapsed and trimmed around block tags, attributes sorted, character references decoded.
enum SpecHTML {
  static func normalize(_ html: String) -> String {
    var n = Normalizer()
    n.run(Array(html.unicodeScalars))
    return n.output
  }

  private static let blockTags: Set<String> = [
    "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map",
    "button", "object", "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd",
    "progress", "div", "section", "dl", "table", "td", "dt", "tbody", "embed", "textarea",
    "fieldset", "tfoot", "figcaption", "th", "figure", "thead", "footer", "tr", "form", "ul",
    "h1", "h2", "h3", "h4", "h5", "h6", "video", "script", "style",
  ]

  private static let entities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "nbsp": "\u{A0}", "copy": "©",
    "AElig": "Æ", "Dcaron": "Ď", "frac34": "¾", "HilbertSpace": "ℋ",
    "DifferentialD": "ⅆ", "ClockwiseContourIntegral": "∲", "ngE": "≧̸", "auml": "ä",
    "ouml": "ö", "uuml": "ü",
  ]

  private struct Normalizer {
    var output = ""
    var last = "starttag"
    var lastTag = ""
    var inPre = false

    mutating func run(_ s: [Unicode.Scalar]) {
      var i = 0
      var text = ""
      func flush(_ n: inout Normalizer) {
        if !text.isEmpty {
          n.data(text)
          text = ""
        }
      }
      while i < s.count {
        let c = s[i]
        if c == "<" {
          if let (end, kind, raw) = tag(s, i) {
            flush(&self)
            switch kind {
            case .comment:
              output += "<!--" + raw + "-->"
              last = "comment"
            case .declaration:
              output += "<!" + raw + ">"
              last = "decl"
            case .instruction:
              output += "<?" + raw + ">"
              last = "pi"
            case .cdata:
              output += raw
            case .end:
              endTag(raw.lowercased())
            case .start(let selfClosing):
              startTag(raw, selfClosing: selfClosing)
            }
            i = end
            continue
          }
        }
        if c == "&", let (end, value) = reference(s, i) {
          flush(&self)
          switch value {
          case "<": output += "&lt;"
          case ">": output += "&gt;"
          case "&": output += "&amp;"
          case "\"": output += "&quot;"
          default: output += value
          }
          last = "ref"
          i = end
          continue
        }
        text.unicodeScalars.append(c)
        i += 1
      }
      flush(&self)
    }

    enum Kind { case comment, declaration, instruction, cdata, end, start(Bool) }

    func tag(_ s: [Unicode.Scalar], _ i: Int) -> (Int, Kind, String)? {
      func find(_ needle: String, from: Int) -> Int? {
        let n = Array(needle.unicodeScalars)
        var j = from
        while j + n.count <= s.count {
          if Array(s[j..<(j + n.count)]) == n { return j }
          j += 1
        }
        return nil
      }
      func str(_ r: Range<Int>) -> String {
        var out = ""
        out.unicodeScalars.append(contentsOf: s[r])
        return out
      }
      let rest = str(i..<min(s.count, i + 9))
      if rest.hasPrefix("<![CDATA[") {
        guard let e = find("]]>", from: i) else { return nil }
        return (e + 3, .cdata, str(i..<(e + 3)))
      }
      if rest.hasPrefix("<!--") {
        guard let e = find("-->", from: i + 4) else { return nil }
        return (e + 3, .comment, str((i + 4)..<e))
      }
      if rest.hasPrefix("<!"), i + 2 < s.count, s[i + 2].properties.isAlphabetic {
        guard let e = find(">", from: i) else { return nil }
        return (e + 1, .declaration, str((i + 2)..<e))
      }
      if rest.hasPrefix("<?") {
        guard let e = find(">", from: i) else { return nil }
        return (e + 1, .instruction, str((i + 2)..<e))
      }
      let isEnd = rest.hasPrefix("</")
      let nameStart = i + (isEnd ? 2 : 1)
      guard nameStart < s.count, s[nameStart].isASCII, s[nameStart].properties.isAlphabetic else {
        return nil
      }
      // Find the closing `>` outside quotes.
      var j = nameStart
      var quote: Unicode.Scalar? = nil
      while j < s.count {
        let c = s[j]
        if let q = quote {
          if c == q { quote = nil }
        } else if c == "\"" || c == "'" {
          quote = c
        } else if c == ">" {
          break
        }
        j += 1
      }
      guard j < s.count else { return nil }
      let inner = str(nameStart..<j)
      if isEnd {
        return (j + 1, .end, inner.trimmingCharacters(in: .whitespacesAndNewlines))
      }
      return (j + 1, .start(inner.hasSuffix("/")), inner)
    }

    func reference(_ s: [Unicode.Scalar], _ i: Int) -> (Int, String)? {
      var j = i + 1
      var name = ""
      while j < s.count, j - i < 40, s[j] != ";" {
        guard s[j].isASCII,
          s[j].properties.isAlphabetic || s[j].properties.numericType != nil
            || s[j] == "#"
        else { return nil }
        name.unicodeScalars.append(s[j])
        j += 1
      }
      guard j < s.count, s[j] == ";", !name.isEmpty else { return nil }
      if name.hasPrefix("#") {
        let digits = name.dropFirst()
        let value =
          digits.lowercased().hasPrefix("x")
          ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let value else { return nil }
        let scalar = Unicode.Scalar(value == 0 ? 0xFFFD : value) ?? "\u{FFFD}"
        return (j + 1, String(Character(scalar)))
      }
      return (j + 1, SpecHTML.entities[name] ?? "&\(name);")
    }

    mutating func data(_ raw: String) {
      var text = raw
      let afterTag = last == "endtag" || last == "starttag"
      let afterBlockTag = afterTag && SpecHTML.blockTags.contains(lastTag)
      if afterTag && lastTag == "br" {
        text = String(text.drop(while: { $0 == "\n" }))
      }
      if !inPre { text = collapse(text) }
      if afterBlockTag && !inPre {
        if last == "starttag" {
          text = String(text.drop(while: { $0 == " " }))
        } else if last == "endtag" {
          text = text.trimmingCharacters(in: .whitespaces)
        }
      }
      output += text
      last = "data"
    }

    func collapse(_ text: String) -> String {
      var out = ""
      var inSpace = false
      for c in text.unicodeScalars {
        if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" || c == "\u{0B}" {
          if !inSpace { out.append(" ") }
          inSpace = true
        } else {
          out.unicodeScalars.append(c)
          inSpace = false
        }
      }
      return out
    }

    mutating func rstrip() {
      while let l = output.unicodeScalars.last, l == " " || l == "\n" || l == "\t" || l == "\r" {
        output.unicodeScalars.removeLast()
      }
    }

    mutating func endTag(_ tag: String) {
      if tag == "pre" {
        inPre = false
      } else if SpecHTML.blockTags.contains(tag) {
        rstrip()
      }
      output += "</" + tag + ">"
      lastTag = tag
      last = "endtag"
    }

    mutating func startTag(_ inner: String, selfClosing: Bool) {
      var body = Substring(inner)
      if selfClosing { body = body.dropLast() }
      let name = String(body.prefix(while: { !$0.isWhitespace && $0 != "/" })).lowercased()
      let attributes = parseAttributes(body.dropFirst(name.count))
      if name == "pre" { inPre = true }
      if SpecHTML.blockTags.contains(name) { rstrip() }
      output += "<" + name
      let sorted = attributes.sorted { a, b in
        a.0 < b.0 || (a.0 == b.0 && (a.1 ?? "") < (b.1 ?? ""))
      }
      for (key, value) in sorted {
        output += " " + key
        if let value {
          output += "=\"" + escapeAttribute(value) + "\""
        }
      }
      output += ">"
      lastTag = name
      last = selfClosing ? "endtag" : "starttag"
    }

    func parseAttributes(_ text: Substring) -> [(String, String?)] {
      var result: [(String, String?)] = []
      let s = Array(text.unicodeScalars)
      var i = 0
      func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
      while i < s.count {
        while i < s.count, isSpace(s[i]) || s[i] == "/" { i += 1 }
        guard i < s.count else { break }
        var name = ""
        while i < s.count, !isSpace(s[i]), s[i] != "=", s[i] != "/" {
          name.unicodeScalars.append(s[i])
          i += 1
        }
        while i < s.count, isSpace(s[i]) { i += 1 }
        var value: String? = nil
        if i < s.count, s[i] == "=" {
          i += 1
          while i < s.count, isSpace(s[i]) { i += 1 }
          var v = ""
          if i < s.count, s[i] == "\"" || s[i] == "'" {
            let q = s[i]
            i += 1
            while i < s.count, s[i] != q {
              v.unicodeScalars.append(s[i])
              i += 1
            }
            i += 1
          } else {
            while i < s.count, !isSpace(s[i]) {
              v.unicodeScalars.append(s[i])
              i += 1
            }
          }
          value = unescape(v)
        }
        if !name.isEmpty { result.append((name.lowercased(), value)) }
      }
      return result
    }

    func unescape(_ v: String) -> String {
      guard v.contains("&") else { return v }
      let s = Array(v.unicodeScalars)
      var out = ""
      var i = 0
      while i < s.count {
        if s[i] == "&", let (end, value) = reference(s, i) {
          out += value
          i = end
        } else {
          out.unicodeScalars.append(s[i])
          i += 1
        }
      }
      return out
    }

    func escapeAttribute(_ v: String) -> String {
      v.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
  }
}
