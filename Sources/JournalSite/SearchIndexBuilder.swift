import Foundation
import JournalCells
import JournalCore

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
    var postings = SiteCache.Postings()
    postings.docCount = docs.count
    for (id, doc) in docs.enumerated() {
      for term in Self.terms(in: doc.text) { postings.lists[term, default: []].append(UInt32(id)) }
    }
    postings.shardCount = Self.shardCount(postings)
    var files: [String: Data] = [:]
    for (n, terms) in Self.termsByShard(postings).enumerated() {
      files["search/t\(n).js"] = Self.termShard(n, terms: terms, postings: postings)
    }
    var start = 0
    while start < docs.count {
      let end = min(docs.count, start + Self.docsPerShard)
      let records = docs[start..<end].map { [$0.url, $0.title, $0.heading, $0.iso, $0.snippet] }
      files["search/d\(start / Self.docsPerShard).js"] = Self.docShard(
        start / Self.docsPerShard, records: records)
      start = end
    }
    files["search/meta.js"] = Self.meta(postings)
    return files
  }

  /// How many term shards make each about `targetShardBytes` long.
  static func shardCount(_ postings: SiteCache.Postings) -> Int {
    var total = 0
    for (term, ids) in postings.lists {
      total += encode(ids, universe: postings.docCount).utf8.count + term.utf8.count + 6
    }
    return max(1, total / targetShardBytes)
  }

  /// The terms of each shard, sorted.
  static func termsByShard(_ postings: SiteCache.Postings) -> [[String]] {
    var shards = Array(repeating: [String](), count: postings.shardCount)
    for term in postings.lists.keys {
      shards[shard(of: term, count: postings.shardCount)].append(term)
    }
    return shards.map { $0.sorted() }
  }

  /// A hash of what a term shard holds, cheaper than writing it out.
  static func termShardKey(_ terms: [String], postings: SiteCache.Postings) -> UInt64 {
    var hasher = StableHasher()
    hasher.combine(postings.docCount)
    hasher.combine(postings.shardCount)
    for term in terms {
      hasher.combine(term)
      var h = hasher.value
      for id in postings.lists[term] ?? [] { h = (h ^ UInt64(id)) &* 0x100_0000_01b3 }
      hasher = StableHasher(value: h)
    }
    return hasher.value
  }

  static func termShard(_ n: Int, terms: [String], postings: SiteCache.Postings) -> Data {
    var js = "JournalSearch.t(\(n),{"
    for (k, term) in terms.enumerated() {
      if k > 0 { js += "," }
      js += jsonString(term) + ":\"" + encode(postings.lists[term] ?? [],
        universe: postings.docCount) + "\""
    }
    js += "});\n"
    return Data(js.utf8)
  }

  /// Documents as `[url, title, heading, iso, snippet]`.
  static func docShard(_ n: Int, records: [[String]]) -> Data {
    var js = "JournalSearch.d(\(n),["
    for (k, record) in records.enumerated() {
      if k > 0 { js += "," }
      js += "[" + record.map(jsonString).joined(separator: ",") + "]"
    }
    js += "]);\n"
    return Data(js.utf8)
  }

  static func meta(_ postings: SiteCache.Postings) -> Data {
    Data(("JournalSearch.meta={\"termShards\":\(postings.shardCount),"
      + "\"docsPerShard\":\(docsPerShard),\"docs\":\(postings.docCount)};\n").utf8)
  }

  /// A posting list as text: base-36 gaps separated by commas, or, when shorter, `~` and the
  /// base64 of a bitmap over all documents (bit `id % 8` of byte `id / 8`), so that a word in
  /// every section costs `docs / 6` bytes rather than two bytes per section.
  static func encode(_ ids: [UInt32], universe: Int) -> String {
    // Measure the gap list first: most lists of a large journal are bitmaps.
    var length = max(0, ids.count - 1)
    var last: UInt32 = 0
    for id in ids {
      var gap = id - last
      repeat {
        length += 1
        gap /= 36
      } while gap > 0
      last = id
    }
    let bitmapLength = 1 + ((universe + 7) / 8 + 2) / 3 * 4
    guard bitmapLength < length else {
      let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
      var out = [UInt8]()
      out.reserveCapacity(length)
      var scratch = [UInt8](repeating: 0, count: 8)
      last = 0
      for (k, id) in ids.enumerated() {
        if k > 0 { out.append(UInt8(ascii: ",")) }
        var gap = id - last
        var n = 0
        repeat {
          scratch[n] = digits[Int(gap % 36)]
          n += 1
          gap /= 36
        } while gap > 0
        while n > 0 {
          n -= 1
          out.append(scratch[n])
        }
        last = id
      }
      return String(decoding: out, as: UTF8.self)
    }
    var bytes = [UInt8](repeating: 0, count: (universe + 7) / 8)
    for id in ids { bytes[Int(id / 8)] |= UInt8(1 << (id % 8)) }
    return "~" + Data(bytes).base64EncodedString()
  }


  /// Lower-cased runs of letters and digits, 2 to 32 characters, each once. The client's
  /// `terms()` in search.js splits queries the same way.
  static func terms(in text: String) -> Set<String> {
    // Unicode scalars rather than Characters: grapheme breaking would dominate the build.
    // An ASCII word is lowered byte by byte as it is read; `lowercased()` is for the others
    // (lowering their ASCII part first changes nothing: only a final sigma looks at its
    // neighbours, and only at whether they are letters).
    var result = Set<String>()
    var ascii: [UInt8] = []
    ascii.reserveCapacity(32)
    var current: String.UnicodeScalarView? = nil
    var length = 0
    func flush() {
      if (2...32).contains(length) {
        result.insert(current.map { String($0).lowercased() }
          ?? String(decoding: ascii, as: UTF8.self))
      }
      ascii.removeAll(keepingCapacity: true)
      current = nil
      length = 0
    }
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        let value = UInt8(scalar.value)
        let isLetter = value | 0x20 >= 0x61 && value | 0x20 <= 0x7a
        guard isLetter || (0x30...0x39).contains(value) else {
          if length > 0 { flush() }
          continue
        }
        let lowered = isLetter ? value | 0x20 : value
        if current != nil {
          current!.append(Unicode.Scalar(lowered))
        } else {
          ascii.append(lowered)
        }
        length += 1
      } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        if current == nil {
          current = String(decoding: ascii, as: UTF8.self).unicodeScalars
        }
        current!.append(scalar)
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
