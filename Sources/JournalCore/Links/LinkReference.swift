import Foundation

/// Where a link into the journal points, as written: a day (`[[2018-09-17]]`,
/// `[see](../2018/2018-09-17.md)`) or a name (`[[NameNet]]`: an entry's title or a heading's
/// text), with an optional heading (`[[2018-09-17#Pytorch RNN - NameNet]]`) or, for Markdown
/// links, an anchor (`2018-09-17.md#pytorch-rnn---namenet`).
public struct LinkReference: Sendable, Hashable, Codable {
  public enum Target: Sendable, Hashable, Codable {
    /// An entry by its day.
    case day(JournalDate)
    /// An entry's title or a heading's text, compared without case.
    case name(String)
    /// The linking entry itself (`[[#Setup]]`).
    case this
  }

  public var target: Target
  /// The heading's text after `#` in a wiki link.
  public var heading: String?
  /// The anchor after `#` in a Markdown link.
  public var anchor: String?

  public init(target: Target, heading: String? = nil, anchor: String? = nil) {
    self.target = target
    self.heading = heading
    self.anchor = anchor
  }

  /// The reference as a wiki link would write it: `2018-09-17#Setup`, `NameNet`.
  public var written: String {
    var text: String
    switch target {
    case .day(let date): text = date.iso
    case .name(let name): text = name
    case .this: text = ""
    }
    if let heading { text += "#" + heading } else if let anchor { text += "#" + anchor }
    return text
  }

  /// The inside of `[[...]]` split into the reference and the text to show (`target|text`); nil
  /// when it names nothing (`[[]]`, `[[|x]]`, `[[#]]`).
  public static func wiki(_ inner: Substring) -> (reference: LinkReference, text: String)? {
    var target = inner
    var shown: String?
    if let bar = inner.firstIndex(of: "|") {
      target = inner[..<bar]
      shown = trimmedSpaces(inner[inner.index(after: bar)...])
    }
    var name = target
    var heading: String?
    if let hash = target.firstIndex(of: "#") {
      name = target[..<hash]
      heading = trimmedSpaces(target[target.index(after: hash)...])
      if heading?.isEmpty == true { heading = nil }
    }
    var nameText = trimmedSpaces(name)
    if nameText.hasSuffix(".md"), JournalDate(iso: nameText.dropLast(3)) != nil {
      nameText.removeLast(3)
    }
    let reference: LinkReference
    if nameText.isEmpty {
      guard let heading else { return nil }
      reference = LinkReference(target: .this, heading: heading)
    } else if let date = JournalDate(iso: nameText) {
      reference = LinkReference(target: .day(date), heading: heading)
    } else {
      reference = LinkReference(target: .name(nameText), heading: heading)
    }
    let text: String
    if let shown, !shown.isEmpty {
      text = shown
    } else {
      text = [nameText, heading ?? ""].filter { !$0.isEmpty }.joined(separator: " › ")
    }
    return (reference, text)
  }

  /// A Markdown link's destination naming a day file (`2018-09-17.md`,
  /// `../2018/2018-09-17.md#setup`), relative and without a scheme; nil for any other.
  public static func dayFile(_ destination: String) -> LinkReference? {
    guard destination.utf8.count >= 13, ByteSearch.contains(destination, UInt8(ascii: "."))
    else { return nil }
    var path = Substring(destination)
    var anchor: String?
    if let hash = path.firstIndex(of: "#") {
      let fragment = path[path.index(after: hash)...]
      anchor = String(fragment).removingPercentEncoding ?? String(fragment)
      if anchor?.isEmpty == true { anchor = nil }
      path = path[..<hash]
    }
    guard path.hasSuffix(".md"), !path.contains(":"), !path.hasPrefix("/") else { return nil }
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? path
    guard name.utf8.count == 13, let date = JournalDate(iso: name.dropLast(3)) else { return nil }
    return LinkReference(target: .day(date), anchor: anchor)
  }

  private static func trimmedSpaces(_ text: Substring) -> String {
    trimmed(String(text))
  }
}

/// A `[[...]]` found in a run of text: its byte range and what it says.
struct WikiLinkMatch {
  /// The `[[` to the `]]` included, as UTF-8 offsets of the text.
  var range: Range<Int>
  var reference: LinkReference
  var text: String
}

enum WikiLinkScanner {
  /// A wiki link's inside is one line of at most this many bytes: a stray `[[` never makes the
  /// scan of a long paragraph quadratic.
  static let maximumLength = 300

  /// The wiki links of a text node's literal, in order.
  static func matches(in text: String) -> [WikiLinkMatch] {
    guard ByteSearch.contains(text, UInt8(ascii: "[")) else { return [] }
    let bytes = Array(text.utf8)
    var found: [WikiLinkMatch] = []
    var i = 0
    let open = UInt8(ascii: "["), close = UInt8(ascii: "]")
    while i + 3 < bytes.count {
      guard bytes[i] == open, bytes[i + 1] == open else {
        i += 1
        continue
      }
      var j = i + 2
      var end: Int?
      while j + 1 < bytes.count, j - i < maximumLength {
        let b = bytes[j]
        if b == UInt8(ascii: "\n") || b == open { break }
        if b == close {
          if bytes[j + 1] == close { end = j }
          break
        }
        j += 1
      }
      guard let end, end > i + 2,
        let parsed = LinkReference.wiki(
          Substring(String(decoding: bytes[(i + 2)..<end], as: UTF8.self)))
      else {
        i += 2
        continue
      }
      found.append(
        WikiLinkMatch(
          range: i..<(end + 2), reference: parsed.reference,
          text: parsed.text))
      i = end + 2
    }
    return found
  }
}
