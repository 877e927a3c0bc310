import Testing

@testable import JournalCore
@testable import JournalIndex

@Suite struct QueryParserTests {
  func expression(_ text: String) -> String? { SearchQuery(parsing: text).matchExpression }

  @Test func wordsAreAndedAndQuoted() {
    #expect(
      expression("lstm django")
        == #"{heading prose code math} : "lstm" AND {heading prose code math} : "django""#)
  }

  @Test func phrasePrefixOrFields() {
    let q = SearchQuery(parsing: #""exact phrase" lstm* a OR b title:django code:"x y" math:sigma"#)
    #expect(q.required.count == 6)
    #expect(q.required[0] == [SearchQuery.Term(tokens: ["exact", "phrase"])])
    #expect(q.required[1] == [SearchQuery.Term(tokens: ["lstm"], isPrefix: true)])
    #expect(q.required[2].map(\.tokens) == [["a"], ["b"]])
    #expect(q.required[3] == [SearchQuery.Term(tokens: ["django"], field: .title)])
    #expect(q.required[4] == [SearchQuery.Term(tokens: ["x", "y"], field: .code)])
    #expect(q.excluded.isEmpty)
    let math = SearchQuery(parsing: "math:sigma").matchExpression
    #expect(math == #"math : "sigma""#)
    #expect(expression("lstm*") == #"{heading prose code math} : "lstm" *"#)
  }

  @Test func exclusionsAndTags() {
    let q = SearchQuery(parsing: #"django -rest -"web app" tag:Python tag:#ml"#)
    #expect(q.required.map { $0.map(\.tokens) } == [[["django"]]])
    #expect(q.excluded.map(\.tokens) == [["rest"], ["web", "app"]])
    #expect(q.tags == ["python", "ml"])
    #expect(
      q.exclusionExpression
        == #"{heading prose code math} : "rest" OR {heading prose code math} : "web app""#)
  }

  @Test func identifiersAreKeptWhole() {
    let q = SearchQuery(parsing: "nn.LSTM torch.manual_seed() read_only_fields")
    #expect(
      q.required.map { $0[0].identifier } == ["nn.lstm", "torch.manual_seed", "read_only_fields"])
    #expect(q.required[0][0].tokens == ["nn", "lstm"])
    #expect(
      expression("nn.LSTM")
        == #"(idents : "zqnn8d8lstm" AND {heading prose code math} : "nn lstm")"#)
  }

  /// `AND`, `OR` and `NOT` in capitals are operators; in other cases, and other capital
  /// words, are words.
  @Test func capitalOperators() {
    let not = SearchQuery(parsing: "lstm NOT gru")
    #expect(not.required.map { $0.map(\.tokens) } == [[["lstm"]]])
    #expect(not.excluded.map(\.tokens) == [["gru"]])
    let and = SearchQuery(parsing: "tensor.view AND np.reshape")
    #expect(and.required.map { $0.map(\.identifier) } == [["tensor.view"], ["np.reshape"]])
    let or = SearchQuery(parsing: "LSTM OR GRU NOT rnn Not")
    #expect(or.required.map { $0.map(\.tokens) } == [[["lstm"], ["gru"]], [["not"]]])
    #expect(or.excluded.map(\.tokens) == [["rnn"]])
    #expect(SearchQuery(parsing: "not and or").required.count == 3)
  }

  @Test(
    arguments: [
      ("well-known", [["well", "known"]]),
      ("C++", [["c"]]),
      ("@home", [["home"]]),
      ("it's", [["it", "s"]]),
      ("a/b", [["a", "b"]]),
      ("\"", []),
      ("-", []),
      ("\"unclosed phrase", [["unclosed", "phrase"]]),
      ("OR", []),
      ("OR lstm OR", [["lstm"]]),
      ("*", []),
      ("title:", []),
      ("Ünïcödé café", [["ünïcödé"], ["café"]]),
      ("x:y", [["x", "y"]]),
      ("\"\"\"", []),
      ("NEAR(a b)", [["near", "a"], ["b"]]),
      ("a AND b", [["a"], ["b"]]),
      ("a and b", [["a"], ["and"], ["b"]]),
      ("AND", []),
      ("lstm NOT", [["lstm"]]),
    ] as [(String, [[String]])])
  func weirdInputBecomesWordsOnly(text: String, tokens: [[String]]) {
    let q = SearchQuery(parsing: text)
    #expect(q.required.flatMap { $0.map(\.tokens) } == tokens)
    // Everything FTS5 sees outside quoted strings is our own syntax.
    if let e = q.matchExpression {
      let outside = e.split(separator: "\"", omittingEmptySubsequences: false)
        .enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
      let allowed = Set("{}() :*ANDORheadingprosecodemathidents")
      #expect(outside.allSatisfy { allowed.contains($0) }, "\(e)")
    }
  }

  @Test func identifierExtraction() {
    let found = Identifiers.extract(
      from: "Use torch.nn.LSTM and read_only_fields, not 3.14 or e.g. 1_000; call x.y().")
    #expect(found == ["torch.nn.lstm", "nn.lstm", "read_only_fields", "e.g", "x.y"])
  }
}
