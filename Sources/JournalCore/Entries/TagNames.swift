import Foundation

/// How an entry's tags are written and read: inline `#tag` words and the `tags:` front matter
/// both become the names the index, the site and every command use.
///
/// A tag keeps its characters (`c++`, `c#`, `node.js`, `ml/rnn`, `café`) and is lower-cased, so
/// `C` and `c` are one tag while `c`, `c++` and `c#` are three.
public enum TagNames {
  /// `text` as a tag name: without surrounding whitespace and leading `#`, lower-cased. Trailing
  /// `#` stays (`c#`).
  public static func normalized(_ text: some StringProtocol) -> String {
    var tag = Substring(text.trimmingCharacters(in: .whitespaces))
    while tag.hasPrefix("#") { tag.removeFirst() }
    return tag.lowercased()
  }

  /// The inline `#tag` words of `text`, normalised, in order, each once.
  ///
  /// A tag is `#` at the start or after whitespace or opening punctuation (`([{"'`), then a
  /// letter, then letters, digits and `_ - / + # .`. A final `-`, `/` or `.` ends the sentence,
  /// not the tag: `#ml.` is `ml`, `#node.js` is `node.js`, `#c++,` is `c++`.
  public static func inline(in text: String) -> [String] {
    var tags: [String] = []
    var seen = Set<String>()
    scan(text) { if seen.insert($0).inserted { tags.append($0) } }
    return tags
  }

  /// Whether `tag` (already normalised) is read back as itself when written `#tag` in an entry.
  public static func isInlineWord(_ tag: String) -> Bool {
    var found: [String] = []
    scan("#" + tag) { found.append($0) }
    return found == [tag]
  }

  /// Calls `found` with each inline tag of `text` (normalised), duplicates included.
  static func scan(_ text: String, found: (String) -> Void) {
    guard ByteSearch.contains(text, UInt8(ascii: "#")) else { return }
    let scalars = Array(text.unicodeScalars)
    var i = 0
    while i < scalars.count {
      defer { i += 1 }
      guard scalars[i] == "#", i + 1 < scalars.count, scalars[i + 1].properties.isAlphabetic
      else { continue }
      if i > 0 {
        let before = scalars[i - 1]
        guard before.properties.isWhitespace || "([{\"'".unicodeScalars.contains(before) else {
          continue
        }
      }
      var end = i + 1
      while end < scalars.count,
        scalars[end].properties.isAlphabetic || scalars[end].properties.numericType != nil
          || "_-/+#.".unicodeScalars.contains(scalars[end])
      {
        end += 1
      }
      while end > i + 1, "-/.".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
      var tag = ""
      tag.unicodeScalars.append(contentsOf: scalars[(i + 1)..<end])
      found(tag.lowercased())
      i = end - 1
    }
  }
}
