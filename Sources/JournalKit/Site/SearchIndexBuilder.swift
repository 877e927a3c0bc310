import Foundation

/// Builds the search index that the search page loads: small `.js` shards that call
/// `JournalSearch.t` (terms) and `JournalSearch.d` (documents).
///
/// Script files rather than JSON because `fetch()` is refused on `file://` pages while `<script>`
/// tags are not. A document is a section of an entry; documents are numbered newest first, so a
/// posting list in ascending order is also newest first and the client needs no ranking data.
/// Terms are spread over shards by an FNV-1a hash, sized so that a query loads a few tens of kB of
/// postings plus one small document shard per shown result, whatever the journal's size.
struct SearchIndexBuilder {
  /// One searchable section.
  struct Doc {
    /// Relative to the site root: `2018/09/26/#torchnn`.
    var url: String
    var title: String
    var heading: String
    var iso: String
    var snippet: String
    /// The text whose words are indexed.
    var text: String
  }

  static let docsPerShard = 32
  static let targetShardBytes = 24_000

  private(set) var docs: [Doc] = []

  mutating func add(_ doc: Doc) { docs.append(doc) }

  /// The files to write, relative to the site root (`search/meta.js`, `search/t0.js`, ...).
  func files() -> [String: Data] {
    var postings: [String: [Int]] = [:]
    for (id, doc) in docs.enumerated() {
      for term in Self.terms(in: doc.text) { postings[term, default: []].append(id) }
    }
    var encoded: [(term: String, list: String)] = []
    var total = 0
    for (term, ids) in postings {
      let list = Self.encode(ids, universe: docs.count)
      total += list.utf8.count + term.utf8.count + 6
      encoded.append((term, list))
    }
    let shardCount = max(1, total / Self.targetShardBytes)
    var shards = Array(repeating: [(term: String, list: String)](), count: shardCount)
    for item in encoded { shards[Self.shard(of: item.term, count: shardCount)].append(item) }

    var files: [String: Data] = [:]
    for (n, shard) in shards.enumerated() {
      var js = "JournalSearch.t(\(n),{"
      for (k, item) in shard.sorted(by: { $0.term < $1.term }).enumerated() {
        if k > 0 { js += "," }
        js += Self.jsonString(item.term) + ":\"" + item.list + "\""
      }
      js += "});\n"
      files["search/t\(n).js"] = Data(js.utf8)
    }
    var start = 0
    while start < docs.count {
      let end = min(docs.count, start + Self.docsPerShard)
      var js = "JournalSearch.d(\(start / Self.docsPerShard),["
      for doc in docs[start..<end] {
        if js.last != "[" { js += "," }
        js += "[" + [doc.url, doc.title, doc.heading, doc.iso, doc.snippet]
          .map(Self.jsonString).joined(separator: ",") + "]"
      }
      js += "]);\n"
      files["search/d\(start / Self.docsPerShard).js"] = Data(js.utf8)
      start = end
    }
    files["search/meta.js"] = Data(("JournalSearch.meta={\"termShards\":\(shardCount),"
      + "\"docsPerShard\":\(Self.docsPerShard),\"docs\":\(docs.count)};\n").utf8)
    return files
  }

  /// A posting list as text: base-36 gaps separated by commas, or, when shorter, `~` and the
  /// base64 of a bitmap over all documents (bit `id % 8` of byte `id / 8`), so that a word in
  /// every section costs `docs / 6` bytes rather than two bytes per section.
  static func encode(_ ids: [Int], universe: Int) -> String {
    var last = 0
    var parts: [String] = []
    parts.reserveCapacity(ids.count)
    for id in ids {
      parts.append(String(id - last, radix: 36))
      last = id
    }
    let list = parts.joined(separator: ",")
    let bitmapLength = 1 + ((universe + 7) / 8 + 2) / 3 * 4
    guard bitmapLength < list.utf8.count else { return list }
    var bytes = [UInt8](repeating: 0, count: (universe + 7) / 8)
    for id in ids { bytes[id / 8] |= UInt8(1 << (id % 8)) }
    return "~" + Data(bytes).base64EncodedString()
  }

  /// Lower-cased runs of letters and digits, 2 to 32 characters, each once. The client's
  /// `terms()` in search.js splits queries the same way.
  static func terms(in text: String) -> Set<String> {
    // Unicode scalars rather than Characters: grapheme breaking would dominate the build.
    var result = Set<String>()
    var current = String.UnicodeScalarView()
    var length = 0
    func flush() {
      if (2...32).contains(length) { result.insert(String(current).lowercased()) }
      current = String.UnicodeScalarView()
      length = 0
    }
    for scalar in text.unicodeScalars {
      let isWord = scalar.isASCII
        ? (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7a)
          || (0x30...0x39).contains(scalar.value)
        : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      if isWord {
        current.append(scalar)
        length += 1
      } else if length > 0 {
        flush()
      }
    }
    flush()
    return result
  }

  /// FNV-1a (32-bit) of the term's UTF-8 bytes, modulo `count`; search.js computes the same.
  static func shard(of term: String, count: Int) -> Int {
    var h: UInt32 = 0x811c_9dc5
    for byte in term.utf8 {
      h ^= UInt32(byte)
      h = h &* 0x0100_0193
    }
    return Int(h % UInt32(count))
  }

  /// A JSON string literal, also safe inside JavaScript source.
  static func jsonString(_ s: String) -> String {
    // 0xE2 starts U+2028 and U+2029, which older JavaScript forbids in string literals.
    let plain = s.utf8.allSatisfy {
      $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != 0xE2
    }
    if plain { return "\"" + s + "\"" }
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      case _ where scalar.value < 0x20:
        out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
          + String(scalar.value, radix: 16)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
