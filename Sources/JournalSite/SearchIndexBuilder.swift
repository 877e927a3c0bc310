import Foundation
import JournalCells
import JournalCore

/// Builds the search index that the search page loads: small `.js` shards that call
/// `JournalSearch.t` (terms) and `JournalSearch.d` (documents).
///
/// Script files rather than JSON because `fetch()` is refused on `file://` pages while `<script>`
/// tags are not. A document is a section of an entry; documents are numbered newest first. The
/// client ranks by BM25: a posting list repeats a document once per occurrence of its term (up
/// to `maxTermCount`), and `search/len.js` holds every document's length.
/// Terms are spread over shards by an FNV-1a hash of their first three letters, sized so that a
/// query loads a few tens of kB of postings plus one small document shard per shown result,
/// whatever the journal's size.
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

  /// Documents per `search/dN.js`: a shown result loads one.
  static let docsPerShard = 16
  /// How much of a section's prose (then code) its document keeps, for the result's snippet.
  static let snippetLength = 320
  static let targetShardBytes = 24_000

  private(set) var docs: [Doc] = []

  mutating func add(_ doc: Doc) { docs.append(doc) }

  /// The files to write, relative to the site root (`search/meta.js`, `search/t0.js`, ...).
  func files() -> [String: Data] {
    var postings = SiteCache.Postings()
    postings.docCount = docs.count
    for (id, doc) in docs.enumerated() {
      let section = Self.sectionTerms(in: doc.text)
      for term in section.terms { postings.lists[term, default: []].append(UInt32(id)) }
      postings.lengths.append(Self.lengthCode(section.length))
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
    files["search/len.js"] = Self.lengthsScript(postings.lengths)
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
      js +=
        jsonString(term) + ":\""
        + encode(
          postings.lists[term] ?? [],
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
    meta(
      shardCount: postings.shardCount, docCount: postings.docCount,
      averageLength: averageLength(postings.lengths))
  }

  static func meta(shardCount: Int, docCount: Int, averageLength: Double) -> Data {
    let average = String(format: "%.3f", averageLength)
    return Data(
      ("JournalSearch.meta={\"termShards\":\(shardCount),"
        + "\"docsPerShard\":\(docsPerShard),\"docs\":\(docCount),"
        + "\"avgdl\":\(average),\"lengthBase\":\(lengthBase)};\n").utf8)
  }

  // MARK: Ranking data

  /// How often a term counts in one section at most: a heading's word once (`headingWeight`);
  /// BM25's term-frequency factor gains little beyond it (k1 = 1.2: 1.96 of at most 2.2).
  static let maxTermCount = 10

  /// Sections' lengths in words are kept to within 8%: one letter each in `search/len.js`,
  /// `lengthBase` to the power of the letter's place in `lengthDigits`.
  static let lengthBase = 1.17
  static let lengthDigits = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

  /// The letter of a section of `words` words.
  static func lengthCode(_ words: Int) -> UInt8 {
    guard words > 1 else { return lengthDigits[0] }
    let place = (log(Double(words)) / log(lengthBase)).rounded()
    return lengthDigits[min(lengthDigits.count - 1, Int(place))]
  }

  /// The length a letter stands for, as search.js reads it.
  static func length(of code: UInt8) -> Double {
    pow(lengthBase, Double(lengthDigits.firstIndex(of: code) ?? 0))
  }

  /// BM25's average section length, from the lengths as search.js reads them.
  static func averageLength(_ codes: [UInt8]) -> Double {
    guard !codes.isEmpty else { return 1 }
    var table = [Double](repeating: 0, count: 256)
    for (k, digit) in lengthDigits.enumerated() { table[Int(digit)] = pow(lengthBase, Double(k)) }
    return codes.reduce(0) { $0 + table[Int($1)] } / Double(codes.count)
  }

  static func lengthsScript(_ codes: [UInt8]) -> Data {
    Data(("JournalSearch.lengths=\"" + String(decoding: codes, as: UTF8.self) + "\";\n").utf8)
  }

  /// A posting list as text: base-36 gaps separated by commas (`*n` after a document whose
  /// term counts n times), or, when shorter, `~` and the
  /// base64 of a bitmap over all documents (bit `id % 8` of byte `id / 8`), so that a word in
  /// every section costs `docs / 6` bytes rather than two bytes per section.
  static func encode(_ ids: [UInt32], universe: Int) -> String {
    // Measure the gap list first: most lists of a large journal are bitmaps. A document
    // repeated r times (its term's count) is written once, with `*r` after its gap.
    var length = 0
    var last: UInt32 = 0
    var k = 0
    while k < ids.count {
      let id = ids[k]
      var run = 1
      while k + run < ids.count && ids[k + run] == id { run += 1 }
      if k > 0 { length += 1 }
      var gap = id - last
      repeat {
        length += 1
        gap /= 36
      } while gap > 0
      if run > 1 { length += run < 10 ? 2 : 3 }
      last = id
      k += run
    }
    let bitmapLength = 1 + ((universe + 7) / 8 + 2) / 3 * 4
    guard bitmapLength < length else {
      let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
      var out = [UInt8]()
      out.reserveCapacity(length)
      var scratch = [UInt8](repeating: 0, count: 8)
      last = 0
      k = 0
      while k < ids.count {
        let id = ids[k]
        var run = 1
        while k + run < ids.count && ids[k + run] == id { run += 1 }
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
        if run > 1 {
          out.append(UInt8(ascii: "*"))
          out.append(contentsOf: String(run).utf8)
        }
        last = id
        k += run
      }
      return String(decoding: out, as: UTF8.self)
    }
    var bytes = [UInt8](repeating: 0, count: (universe + 7) / 8)
    for id in ids { bytes[Int(id / 8)] |= UInt8(1 << (id % 8)) }
    return "~" + Data(bytes).base64EncodedString()
  }

  /// The index terms of a text: runs of letters and digits of 2 to 32 characters, lower-cased,
  /// without diacritics (canonical decomposition, marks dropped) and reduced to their Porter
  /// stem, each once: what SQLite's `porter unicode61 remove_diacritics 2` tokenizer makes of
  /// them for `journal search`. The client's `terms()` in search.js splits queries the same way.
  static func terms(in text: String) -> Set<String> { Set(counts(in: text).counts.keys) }

  /// The terms of one section, for its posting lists: sorted, each repeated once per
  /// occurrence up to `maxTermCount`; and its length in words, for BM25.
  struct SectionTerms: Sendable, Equatable {
    var terms: [String]
    var length: Int
  }

  /// `journal search` weighs its heading column ten times the others (FTS5's bm25 counts a
  /// heading word as ten occurrences): so does this, for the heading's words in `text`.
  static let headingWeight = 10

  static func sectionTerms(in text: String, heading: String = "") -> SectionTerms {
    var (counts, words) = counts(in: text)
    if !heading.isEmpty {
      for (term, count) in Self.counts(in: heading).counts {
        counts[term, default: 0] += (headingWeight - 1) * count
      }
    }
    var terms: [String] = []
    terms.reserveCapacity(counts.count)
    for (term, count) in counts.sorted(by: { $0.key < $1.key }) {
      for _ in 0..<min(count, maxTermCount) { terms.append(term) }
    }
    return SectionTerms(terms: terms, length: words)
  }

  /// How often each term is in a text (see `terms(in:)`), and how many words the text has.
  static func counts(in text: String) -> (counts: [String: Int], words: Int) {
    // Unicode scalars rather than Characters: grapheme breaking would dominate the build.
    // An ASCII word is lowered and stemmed byte by byte as it is read; `lowercased()` and the
    // decomposition are for the others (lowering their ASCII part first changes nothing: only a
    // final sigma looks at its neighbours, and only at whether they are letters).
    var result: [String: Int] = [:]
    var words = 0
    var ascii: [UInt8] = []
    ascii.reserveCapacity(32)
    var current: String.UnicodeScalarView? = nil
    var length = 0
    func flush() {
      if length > 0 { words += 1 }
      if (2...32).contains(length) {
        if let current {
          var bytes = Array(fold(String(current).lowercased()).utf8)
          PorterStemmer.stem(&bytes)
          result[String(decoding: bytes, as: UTF8.self), default: 0] += 1
        } else {
          PorterStemmer.stem(&ascii)
          result[String(decoding: ascii, as: UTF8.self), default: 0] += 1
        }
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
    return (result, words)
  }

  /// A lower-cased word without its diacritics: canonically decomposed, marks dropped
  /// (`Ångström` to `angstrom`; `ß`, `œ` and ligatures stay), as search.js's `fold()`.
  static func fold(_ word: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in word.decomposedStringWithCanonicalMapping.unicodeScalars {
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark: continue
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// Which shard holds a term: FNV-1a (32-bit) of the UTF-8 bytes of its first three Unicode
  /// scalars, modulo `count`. Terms that share their first three letters share a shard, so
  /// search.js finds every term that starts with what is being typed in one shard.
  static func shard(of term: String, count: Int) -> Int {
    var h: UInt32 = 0x811c_9dc5
    var scalars = 0
    for byte in term.utf8 {
      // A byte that is not a continuation byte starts a scalar.
      if byte & 0xC0 != 0x80 {
        scalars += 1
        if scalars > 3 { break }
      }
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
        out +=
          "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
          + String(scalar.value, radix: 16)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
