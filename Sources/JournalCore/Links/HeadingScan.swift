extension LinkTargets.Target {
  /// A quick guess at an entry's title and headings from its lines, without parsing it: the
  /// top-level ATX headings (`## Setup`) outside fenced code, their text with emoji shortcodes
  /// replaced and their anchors as the pipeline makes them.
  ///
  /// The site renders entries in parallel, before every entry has been parsed, with links
  /// resolved against these guesses; it then checks each page's links against the targets the
  /// parses made (`init(document:)`) and renders again the rare page whose links came out
  /// differently (a setext heading, a heading with inline markup).
  public init(scanning entry: Entry, dropsTitleHeading: Bool) {
    var headings: [Heading] = []
    var slugs = SlugSet()
    var fence: (byte: UInt8, length: Int)?
    var sawBlock = false
    var title = entry.frontMatter.title
    for line in entry.body.split(separator: "\n", omittingEmptySubsequences: false) {
      let bytes = line.utf8
      var indent = 0
      var i = bytes.startIndex
      while i != bytes.endIndex, bytes[i] == UInt8(ascii: " "), indent < 4 {
        indent += 1
        i = bytes.index(after: i)
      }
      guard indent < 4, i != bytes.endIndex else {
        if fence == nil, indent >= 4 { sawBlock = true }
        continue
      }
      let first = bytes[i]
      if first == UInt8(ascii: "`") || first == UInt8(ascii: "~") {
        let run = bytes[i...].prefix { $0 == first }.count
        if let open = fence {
          if open.byte == first, run >= open.length,
            bytes[i...].dropFirst(run).allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
          {
            fence = nil
          }
          continue
        }
        if run >= 3 {
          fence = (first, run)
          sawBlock = true
          continue
        }
      }
      if fence != nil { continue }
      guard first == UInt8(ascii: "#") else {
        sawBlock = true
        continue
      }
      let level = bytes[i...].prefix { $0 == UInt8(ascii: "#") }.count
      let afterHashes = bytes.index(i, offsetBy: level)
      guard level <= 6,
        afterHashes == bytes.endIndex || bytes[afterHashes] == 0x20 || bytes[afterHashes] == 0x09
      else {
        sawBlock = true
        continue
      }
      var text = trimmed(String(Substring(bytes[afterHashes...])))
      // A closing sequence of `#` preceded by a space is not part of the heading.
      if let last = text.lastIndex(where: { $0 != "#" }), text.last == "#", text[last] == " " {
        text = trimmed(String(text[...last]))
      } else if text.allSatisfy({ $0 == "#" }) {
        text = ""
      }
      text = Emoji.replacingShortcodes(in: text)
      let anchor = slugs.unique(for: text)
      let isTitle = !sawBlock && (title ?? text) == text
      sawBlock = true
      if title == nil { title = text }
      if dropsTitleHeading, isTitle { continue }
      headings.append(Heading(text: text, anchor: anchor))
    }
    self.init(date: entry.date, title: title ?? entry.date.longForm, headings: headings)
  }
}
