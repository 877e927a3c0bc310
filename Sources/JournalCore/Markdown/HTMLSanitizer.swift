/// Reduces the raw HTML of an entry (cmark-gfm's HTML blocks and inline HTML) to an allow-list,
/// so that a journal made of someone else's Markdown publishes no script (issue 19, item 6).
///
/// The allow-list is GitHub's: the elements and attributes of html-pipeline's
/// `SanitizationFilter::DEFAULT_CONFIG` (github.com/gjtorikian/html-pipeline,
/// lib/html_pipeline/sanitization_filter.rb, MIT), less `name` (it lets an `<img>` replace a
/// `document` property the site's scripts use). URLs in `href`, `src`, `longdesc` and `cite`
/// must be relative or use `http`, `https` (and `mailto` for links); an image may also be a
/// PNG, GIF, JPEG or WebP `data:` URL, as in Markdown images.
///
/// The HTML is read by a tokenizer that follows the HTML standard's tag, attribute and comment
/// states, and written anew: an allowed tag keeps only its allowed attributes, each value
/// decoded and escaped again inside double quotes, so no spelling of a value (entities, tabs,
/// case, missing quotes) can mean something else to a browser than what was checked. A tag
/// that is not allowed (`<script>`, `<iframe>`, `<svg>`, `<torch.nn.Module>`) shows as the text
/// it was typed as; comments are left out; an end tag closing no element this entry opened is
/// left out (it would close the page's own `<main>` or `<div>`).
struct HTMLSanitizer {
  /// For each allowed element, how many this entry has opened and not closed.
  private var open: [String: Int] = [:]

  init() {}

  static let elements: Set<String> = [
    "h1", "h2", "h3", "h4", "h5", "h6", "br", "b", "i", "strong", "em", "a", "pre", "code",
    "img", "tt", "div", "ins", "del", "sup", "sub", "p", "ol", "ul", "table", "thead", "tbody",
    "tfoot", "blockquote", "dl", "dt", "dd", "kbd", "q", "samp", "var", "hr", "ruby", "rt", "rp",
    "li", "tr", "td", "th", "s", "strike", "summary", "details", "caption", "figure",
    "figcaption", "abbr", "bdo", "cite", "dfn", "mark", "small", "span", "time", "wbr",
  ]

  /// Elements without an end tag.
  static let voidElements: Set<String> = ["br", "hr", "img", "wbr"]

  /// Attributes any allowed element may have. None holds a URL a browser follows or runs.
  static let globalAttributes: Set<String> = [
    "abbr", "accept", "accept-charset", "accesskey", "action", "align", "alt",
    "aria-describedby", "aria-hidden", "aria-label", "aria-labelledby", "axis", "border",
    "cellpadding", "cellspacing", "char", "charoff", "charset", "checked", "clear", "cols",
    "colspan", "color", "compact", "coords", "datetime", "dir", "disabled", "enctype", "for",
    "frame", "headers", "height", "hreflang", "hspace", "id", "ismap", "label", "lang",
    "maxlength", "media", "method", "multiple", "nohref", "noshade", "nowrap", "open",
    "progress", "prompt", "readonly", "rel", "rev", "role", "rows", "rowspan", "rules", "scope",
    "selected", "shape", "size", "span", "start", "summary", "tabindex", "title", "type",
    "usemap", "valign", "value", "width", "itemprop",
  ]

  /// Attributes of one element, with the URL schemes allowed when the value is a URL.
  static let elementAttributes: [String: [String: Set<String>?]] = [
    "a": ["href": ["http", "https", "mailto"]],
    "img": ["src": ["http", "https"], "longdesc": ["http", "https"]],
    "div": ["itemscope": nil, "itemtype": nil],
    "blockquote": ["cite": ["http", "https"]],
    "del": ["cite": ["http", "https"]],
    "ins": ["cite": ["http", "https"]],
    "q": ["cite": ["http", "https"]],
  ]

  /// `html` (one raw HTML node of the entry, in document order) reduced to the allow-list.
  mutating func sanitize(_ html: String) -> String {
    let input = Array(html.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(input.count + 16)
    var i = 0
    // Once a tag or comment runs to the end of the node unclosed, the rest is text: looking for
    // a later `>` again from every `<` would take quadratic time.
    var restIsText = false
    while i < input.count {
      let byte = input[i]
      if byte == UInt8(ascii: "<"), !restIsText {
        switch markup(input, at: i) {
        case .tag(let tag, let end):
          emit(tag, source: input[i..<end], into: &out)
          i = end
          continue
        case .comment(let end):
          i = end
          continue
        case .unclosed:
          restIsText = true
        case .text:
          break
        }
      }
      switch byte {
      case UInt8(ascii: "<"): out += "&lt;".utf8
      case UInt8(ascii: ">"): out += "&gt;".utf8
      default: out.append(byte)
      }
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  // MARK: Writing

  private mutating func emit(_ tag: Tag, source: ArraySlice<UInt8>, into out: inout [UInt8]) {
    guard Self.elements.contains(tag.name) else {
      HTMLEscaping.escape(source, into: &out)
      return
    }
    if tag.isEnd {
      // An end tag closing nothing this entry opened would close the page's own elements.
      guard let count = open[tag.name], count > 0 else { return }
      open[tag.name] = count - 1
      out += "</\(tag.name)>".utf8
      return
    }
    out += "<\(tag.name)".utf8
    var seen = Set<String>()
    for attribute in tag.attributes where seen.insert(attribute.name).inserted {
      guard let value = allowedValue(attribute, of: tag.name) else { continue }
      out += " \(attribute.name)".utf8
      if attribute.value != nil {
        out += "=\"".utf8
        HTMLEscaping.escape(value.utf8, for: .attribute, into: &out)
        out += "\"".utf8
      }
    }
    if Self.voidElements.contains(tag.name) {
      out += (tag.selfClosing ? " />" : ">").utf8
    } else {
      // `<span/>` opens a span in HTML: written as what it is.
      out += ">".utf8
      open[tag.name, default: 0] += 1
    }
  }

  /// The attribute's value, decoded, when the element may have it; nil to leave it out.
  private func allowedValue(_ attribute: Attribute, of element: String) -> String? {
    let value = Self.decodingAttribute(attribute.value ?? "")
    if let own = Self.elementAttributes[element], let schemes = own[attribute.name] {
      guard let schemes else { return value }
      return Self.isAllowedURL(value, schemes: schemes, image: element == "img") ? value : nil
    }
    return Self.globalAttributes.contains(attribute.name) ? value : nil
  }

  /// An attribute value's character references decoded as a browser decodes them: numeric ones
  /// also without their `;` (`&#106avascript:`), which cmark-gfm's decoder leaves as they are.
  static func decodingAttribute(_ value: String) -> String {
    guard value.utf8.contains(UInt8(ascii: "&")) else { return value }
    let s = Array(value.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(s.count + 8)
    var i = 0
    while i < s.count {
      out.append(s[i])
      guard s[i] == UInt8(ascii: "&"), i + 2 < s.count, s[i + 1] == UInt8(ascii: "#") else {
        i += 1
        continue
      }
      var j = i + 2
      let hex = s[j] | 0x20 == UInt8(ascii: "x")
      if hex { j += 1 }
      let digitsStart = j
      while j < s.count,
        hex ? s[j].isHexDigit : (s[j] >= UInt8(ascii: "0") && s[j] <= UInt8(ascii: "9"))
      {
        j += 1
      }
      out += s[(i + 1)..<j]
      if j > digitsStart, j == s.count || s[j] != UInt8(ascii: ";") {
        out.append(UInt8(ascii: ";"))
      }
      i = j
    }
    return decodingCharacterReferences(String(decoding: out, as: UTF8.self))
  }

  /// True for a relative URL, or one with a scheme in `schemes` (or a `data:` image where
  /// `image`).
  ///
  /// A browser drops leading and trailing spaces and controls and every tab and line break
  /// before it reads the scheme, and reads a scheme only when a `:` comes before any `/`, `?`
  /// or `#`; anything before such a `:` that is not an allowed scheme (`java\u{1}script`,
  /// `&#106avascript`) refuses the URL.
  static func isAllowedURL(_ url: String, schemes: Set<String>, image: Bool) -> Bool {
    var scheme = ""
    var started = false
    for scalar in url.unicodeScalars {
      if scalar == "\t" || scalar == "\n" || scalar == "\r" { continue }
      if !started, scalar.value <= 0x20 { continue }
      started = true
      switch scalar {
      case ":":
        let name = scheme.lowercased()
        if schemes.contains(name) { return true }
        return name == "data" && image && !HTMLEscaping.isDangerousURL(url, image: true)
      case "/", "?", "#": return true
      default: scheme.unicodeScalars.append(scalar)
      }
    }
    return true
  }

  // MARK: Reading

  struct Attribute {
    var name: String
    /// nil for an attribute written without `=`.
    var value: String?
  }

  struct Tag {
    /// Lower-case, as the browser reads it.
    var name: String
    var isEnd: Bool
    var attributes: [Attribute] = []
    var selfClosing = false
  }

  enum Markup {
    /// A start or end tag, and the offset after its `>`.
    case tag(Tag, end: Int)
    /// A comment, and the offset after it.
    case comment(end: Int)
    /// A tag or comment the node ends inside of.
    case unclosed
    /// A `<` that starts no tag (`a < b`, `<3`, `<!DOCTYPE`, `<?php`): text.
    case text
  }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
  }

  private static func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }

  private static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  /// What the `<` at `start` begins, read as the HTML standard's tokenizer reads it.
  func markup(_ s: [UInt8], at start: Int) -> Markup {
    let n = s.count
    var i = start + 1
    guard i < n else { return .text }
    if s[i] == UInt8(ascii: "!") {
      guard i + 2 < n, s[i + 1] == UInt8(ascii: "-"), s[i + 2] == UInt8(ascii: "-") else {
        return .text
      }
      return comment(s, from: i + 3)
    }
    var isEnd = false
    if s[i] == UInt8(ascii: "/") {
      isEnd = true
      i += 1
    }
    guard i < n, Self.isASCIILetter(s[i]) else { return .text }
    let nameStart = i
    while i < n, !Self.isSpace(s[i]), s[i] != UInt8(ascii: "/"), s[i] != UInt8(ascii: ">") {
      i += 1
    }
    var tag = Tag(name: Self.lowercased(s[nameStart..<i]), isEnd: isEnd)
    // Attributes: the "before attribute name" state and those after it.
    while true {
      while i < n, Self.isSpace(s[i]) { i += 1 }
      guard i < n else { return .unclosed }
      if s[i] == UInt8(ascii: ">") { return .tag(tag, end: i + 1) }
      if s[i] == UInt8(ascii: "/") {
        i += 1
        guard i < n else { return .unclosed }
        if s[i] == UInt8(ascii: ">") {
          tag.selfClosing = true
          return .tag(tag, end: i + 1)
        }
        continue
      }
      // An attribute's name: its first character may be `=`.
      let nameStart = i
      i += 1
      while i < n, !Self.isSpace(s[i]), s[i] != UInt8(ascii: "/"), s[i] != UInt8(ascii: ">"),
        s[i] != UInt8(ascii: "=")
      {
        i += 1
      }
      var attribute = Attribute(name: Self.lowercased(s[nameStart..<i]))
      while i < n, Self.isSpace(s[i]) { i += 1 }
      guard i < n else { return .unclosed }
      if s[i] == UInt8(ascii: "=") {
        i += 1
        while i < n, Self.isSpace(s[i]) { i += 1 }
        guard i < n else { return .unclosed }
        let quote = s[i]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
          let valueStart = i + 1
          i = valueStart
          while i < n, s[i] != quote { i += 1 }
          guard i < n else { return .unclosed }
          attribute.value = String(decoding: s[valueStart..<i], as: UTF8.self)
          i += 1
        } else if quote == UInt8(ascii: ">") {
          attribute.value = ""
        } else {
          let valueStart = i
          while i < n, !Self.isSpace(s[i]), s[i] != UInt8(ascii: ">") { i += 1 }
          attribute.value = String(decoding: s[valueStart..<i], as: UTF8.self)
        }
      }
      tag.attributes.append(attribute)
    }
  }

  /// A comment whose text starts at `from` (after `<!--`): it ends at the first `-->` or
  /// `--!>`, or at once when it opens with `>` or `->`.
  private func comment(_ s: [UInt8], from: Int) -> Markup {
    let n = s.count
    if from < n, s[from] == UInt8(ascii: ">") { return .comment(end: from + 1) }
    if from + 1 < n, s[from] == UInt8(ascii: "-"), s[from + 1] == UInt8(ascii: ">") {
      return .comment(end: from + 2)
    }
    var i = from
    while i + 2 < n {
      if s[i] == UInt8(ascii: "-"), s[i + 1] == UInt8(ascii: "-") {
        if s[i + 2] == UInt8(ascii: ">") { return .comment(end: i + 3) }
        if i + 3 < n, s[i + 2] == UInt8(ascii: "!"), s[i + 3] == UInt8(ascii: ">") {
          return .comment(end: i + 4)
        }
      }
      i += 1
    }
    return .unclosed
  }
}

extension UInt8 {
  fileprivate var isHexDigit: Bool {
    (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9"))
      || (self | 0x20 >= UInt8(ascii: "a") && self | 0x20 <= UInt8(ascii: "f"))
  }
}
