import Foundation
import JournalCells
import TestSupport
import Testing

@testable import JournalCore
@testable import JournalSite

/// Reads the search index the way search.js does, to check what a query loads and finds.
struct SearchIndexReader {
  let folder: URL

  func file(_ name: String) -> String { readFile(folder.appendingPathComponent("search/\(name)")) }

  var meta: (termShards: Int, docsPerShard: Int, docs: Int) {
    let text = file("meta.js")
    func number(_ key: String) -> Int {
      let after = text.components(separatedBy: "\"\(key)\":")[1]
      return Int(after.prefix(while: \.isNumber))!
    }
    return (number("termShards"), number("docsPerShard"), number("docs"))
  }

  /// The postings of a term, decoded like search.js's `postings()`.
  func postings(_ term: String) -> [Int] {
    let shard = SearchIndexBuilder.shard(of: term, count: meta.termShards)
    let text = file("t\(shard).js")
    guard let range = text.range(of: "\"\(term)\":\"") else { return [] }
    let encoded = text[range.upperBound...].prefix(while: { $0 != "\"" })
    if encoded.hasPrefix("~") {
      let bytes = [UInt8](Data(base64Encoded: String(encoded.dropFirst()))!)
      return (0..<bytes.count * 8).filter { bytes[$0 / 8] & UInt8(1 << ($0 % 8)) != 0 }
    }
    var last = 0
    return encoded.split(separator: ",").flatMap { part -> [Int] in
      let fields = part.split(separator: "*")
      last += Int(fields[0], radix: 36)!
      return Array(repeating: last, count: fields.count > 1 ? Int(fields[1])! : 1)
    }
  }

  /// The JSON array of a document, as text.
  func document(_ id: Int) -> [String] {
    let text = file("d\(id / meta.docsPerShard).js")
    let json = text.drop(while: { $0 != "[" }).dropLast(3)
    let docs = try! JSONSerialization.jsonObject(with: Data(json.utf8)) as! [[String]]
    return docs[id % meta.docsPerShard]
  }
}

@Suite struct SiteSearchIndexTests {
  @Test func searchingLSTMFindsTheSeptember26Entry() throws {
    guard let (folder, journal) = try seedJournal() else { return }
    _ = folder
    let (_, site) = try buildSite(journal)
    let reader = SearchIndexReader(folder: site)
    let ids = reader.postings("lstm")
    #expect(!ids.isEmpty)
    let docs = ids.map(reader.document)
    #expect(docs.first?[0].hasPrefix("2018/09/26/") == true, "newest first")
    #expect(docs.first?[3] == "2018-09-26")
    #expect(docs.contains { $0[0].hasPrefix("2018/09/25/") })
    // Every result links to a page that exists (and its anchor, when it has one).
    for doc in docs {
      let (path, fragment) = SiteTestHTML.resolve(doc[0], from: "index.html")
      let page = readFile(site.appendingPathComponent(path))
      #expect(!page.isEmpty, "\(doc[0])")
      if let fragment { #expect(page.contains("id=\"\(fragment)\"")) }
    }
    #expect(reader.postings("zzzznotaword").isEmpty)
  }

  @Test func termsSplitLikeTheClient() {
    // SQLite's `porter unicode61 remove_diacritics 2` gives nn lstm suppos we have 2 layer
    // unicod x for this text; the site leaves out words of one letter or digit.
    #expect(
      SearchIndexBuilder.terms(in: "nn.LSTM: Suppose we have 2 layers; Ünïcode x")
        == ["nn", "lstm", "suppos", "we", "have", "layer", "unicod"])
    // Values computed by search.js's shardOf() under Node: the first three letters decide.
    #expect(SearchIndexBuilder.shard(of: "lstm", count: 1_000_003) == 650_443)
    #expect(SearchIndexBuilder.shard(of: "lst", count: 1_000_003) == 650_443)
    #expect(SearchIndexBuilder.shard(of: "ünïcode", count: 97) == 77)
    #expect(SearchIndexBuilder.shard(of: "ünï", count: 97) == 77)
  }

  /// Every word of Fixtures/porter-stems.tsv (written by scripts/fixtures/porter_stems.py from
  /// SQLite's own tokenizer, what `journal search` indexes with) becomes the same term here.
  @Test func termsAreSQLitePorterTerms() throws {
    let url = try #require(
      Bundle.module.url(
        forResource: "porter-stems", withExtension: "tsv", subdirectory: "Fixtures"))
    let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    #expect(rows.count > 10_000)
    var wrong: [String] = []
    for row in rows {
      let fields = row.split(separator: "\t").map(String.init)
      guard fields.count == 2, fields[0].unicodeScalars.count <= 32 else { continue }
      if SearchIndexBuilder.terms(in: fields[0]) != [fields[1]] {
        wrong.append("\(fields[0]): \(SearchIndexBuilder.terms(in: fields[0])) not \(fields[1])")
      }
    }
    #expect(wrong.isEmpty, "\(wrong.count) words: \(wrong.prefix(20))")
  }

  /// A posting list repeats a section once per occurrence of its term, up to ten times, and
  /// the section's length is counted in words.
  @Test func sectionTermsCountOccurrences() {
    let section = SearchIndexBuilder.sectionTerms(
      in: "LSTMs and an LSTM; lstm lstm lstm. A cell, cells")
    #expect(section.terms == ["an", "and", "cell", "cell"] + Array(repeating: "lstm", count: 5))
    #expect(section.length == 10)
    // A heading's words count ten times, as `journal search` weighs its heading column.
    let headed = SearchIndexBuilder.sectionTerms(in: "Cells\nA cell", heading: "Cells")
    #expect(headed.terms == Array(repeating: "cell", count: 10))
    #expect(headed.length == 3)
    #expect(SearchIndexBuilder.lengthCode(1) == UInt8(ascii: "A"))
    let code = SearchIndexBuilder.lengthCode(500)
    #expect(abs(SearchIndexBuilder.length(of: code) / 500 - 1) < 0.08)
  }

  /// ASCII words are lowered byte by byte: the same terms as lowering each word as a String.
  @Test(arguments: [
    "ABCÉf MIXEDcaseÜ Straße ÅNGSTRÖM x2Y ΣΟΦΟΣ ὈΔΥΣΣΕΎΣ İstanbul ǅemal",
    "A1 b2 ÀÉ é9Z " + String(repeating: "Q", count: 33) + " 東京タワー 123",
  ])
  func asciiLoweringGivesTheSameTermsAsLowercased(text: String) {
    var reference = Set<String>()
    var word = String.UnicodeScalarView()
    for scalar in (text + " ").unicodeScalars {
      let isWord =
        scalar.isASCII
        ? (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7a)
          || (0x30...0x39).contains(scalar.value)
        : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      if isWord {
        word.append(scalar)
      } else {
        if (2...32).contains(word.count) {
          reference.insert(
            PorterStemmer.stem(SearchIndexBuilder.fold(String(word).lowercased())))
        }
        word = String.UnicodeScalarView()
      }
    }
    #expect(reference.count > 5)
    #expect(SearchIndexBuilder.terms(in: text) == reference)
  }

  @Test func postingsUseTheShorterEncoding() {
    #expect(SearchIndexBuilder.encode([1, 5, 40], universe: 10_000) == "1,4,z")
    #expect(SearchIndexBuilder.encode([1, 5, 5, 5, 40], universe: 10_000) == "1,4*3,z")
    let dense = SearchIndexBuilder.encode(Array(0..<1000), universe: 1000)
    #expect(dense.hasPrefix("~"))
    #expect(dense.count == 1 + 168)
  }

  /// A site build splits the term index in as many shards as `SearchIndexBuilder` sizes, with
  /// or without the cache of an earlier build.
  @Test func aSiteBuildShardsTheTermIndexLikeTheBuilder() throws {
    let folder = TemporaryDirectory("site-shards")
    var seed: UInt64 = 7
    func next() -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(seed >> 33)
    }
    let words = (0..<4000).map { _ in
      String((0..<(4 + next() % 6)).map { _ in Character(UnicodeScalar(97 + UInt8(next() % 26))) })
    }
    var date = JournalDate(iso: "2001-01-01")!
    for _ in 0..<300 {
      let text = (0..<120).map { _ in words[next() % words.count] }.joined(separator: " ")
      try folder.write("journal/\(date.iso.prefix(4))/\(date.iso).md", "# Day\n\n\(text)\n")
      date = date.next
    }
    let journal = Journal(root: folder.url)
    let (_, site) = try buildSite(journal)
    let builder = SiteBuilder(
      journal: journal,
      options: SiteBuilder.Options(outputFolder: site, baseURL: "https://example.org/j/"))
    let postings = try #require(
      SiteCache.load(folder: builder.cacheFolder, key: builder.cacheKey()).postings)
    let shards = SearchIndexBuilder.shardCount(postings)
    #expect(shards > 2)
    #expect(postings.shardCount == shards)
    let files = siteFiles(site).filter { $0.hasPrefix("search/t") }
    #expect(files.count == shards)
    for name in files {
      #expect(
        readFile(site.appendingPathComponent(name)).utf8.count
          < 3 * SearchIndexBuilder.targetShardBytes, "\(name)")
    }
    #expect(
      readFile(site.appendingPathComponent("search/meta.js"))
        .contains("\"termShards\":\(shards),"))
  }

  /// A 10,000-entry journal: the index a query loads before its first page of results (meta,
  /// the shards of two common words, and the document shards of ten results) is under 300 kB.
  @Test func tenThousandEntryIndexLoadsUnder300kBBeforeFirstResults() {
    var words: [String] = []
    var seed: UInt64 = 42
    func next() -> UInt64 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return seed >> 33
    }
    for _ in 0..<20_000 {
      let length = 3 + Int(next() % 7)
      words.append(
        String((0..<length).map { _ in Character(UnicodeScalar(97 + UInt8(next() % 26))) }))
    }
    // Zipf-like: low indexes are far more frequent.
    func word() -> String {
      let r = Double(next() % 1_000_000) / 1_000_000
      return words[min(words.count - 1, Int(pow(Double(words.count), r)) - 1)]
    }
    var index = SearchIndexBuilder()
    for day in 0..<10_000 {
      for section in 0..<3 {
        let text = (0..<80).map { _ in word() }.joined(separator: " ")
        index.add(
          SearchIndexBuilder.Doc(
            url: "2000/01/01/#section-\(section)", title: "Entry \(day) " + word(),
            heading: "Section \(section) " + word(), iso: "2000-01-01",
            snippet: SiteRenderer.excerpt(text, limit: SearchIndexBuilder.snippetLength),
            text: text))
      }
    }
    let files = index.files()
    let termShards = files.filter { $0.key.hasPrefix("search/t") }.map(\.value.count)
    let docShards = files.filter { $0.key.hasPrefix("search/d") }.map(\.value.count)
    let worst =
      files["search/meta.js"]!.count + files["search/len.js"]!.count
      + 2 * termShards.max()! + 10 * docShards.max()!
    let perShard = SearchIndexBuilder.docsPerShard
    #expect(docShards.count == (30_000 + perShard - 1) / perShard)
    #expect(worst < 300_000, "worst first page: \(worst) bytes")
  }
}
