import Foundation
import JournalCore

/// A search query as the user typed it, parsed by our own rules so no user text ever reaches
/// FTS5's query syntax.
///
/// Syntax: words are ANDed (`a AND b` says so); `"exact phrase"`; `prefix*`; `a OR b` (binds
/// tighter than AND); `-word`, `-"phrase"` or `NOT word` excludes (the operators only in
/// capitals: `and`, `or`, `not` and other capital words are words); `title:`, `code:`, `math:` restrict a word or phrase to a
/// column; `tag:name` keeps entries with that tag. Each word is cut into tokens the way the
/// index's tokenizer cuts text (letters and digits), so `well-known`, `C++`, `@home`, `it's` and
/// `a/b` become phrases of their words, and a lone `"` or `-` is simply nothing.
public struct SearchQuery: Sendable, Hashable {
  /// Where a term may match.
  public enum Field: String, Sendable, Hashable, CaseIterable {
    /// Headings, prose, code and math.
    case any
    /// Entry title and section headings.
    case title
    case code
    case math
  }

  /// One word or phrase.
  public struct Term: Sendable, Hashable {
    /// Lower-cased tokens, matched as a phrase.
    public var tokens: [String]
    /// The last token is a prefix (`lstm*`).
    public var isPrefix: Bool
    public var field: Field
    /// The whole identifier (`torch.manual_seed`) when the word was typed as one.
    public var identifier: String?

    public init(
      tokens: [String], isPrefix: Bool = false, field: Field = .any,
      identifier: String? = nil
    ) {
      self.tokens = tokens
      self.isPrefix = isPrefix
      self.field = field
      self.identifier = identifier
    }
  }

  /// Groups that must all match; each group matches when any of its terms does.
  public var required: [[Term]] = []
  /// Terms whose sections are left out.
  public var excluded: [Term] = []
  /// Tags an entry must all carry (lower-cased, without `#`).
  public var tags: [String] = []

  public init(required: [[Term]] = [], excluded: [Term] = [], tags: [String] = []) {
    self.required = required
    self.excluded = excluded
    self.tags = tags
  }

  /// True when there is nothing to match text against (only tags, or nothing at all).
  public var hasTextTerms: Bool { !required.isEmpty }

  /// True when the query asks for nothing at all.
  public var isEmpty: Bool { required.isEmpty && excluded.isEmpty && tags.isEmpty }

  /// The most words, phrases and tags a query may hold. FTS5's time grows faster than linearly
  /// with the terms of one expression (16,000 words took 11 s), and nobody types more than a
  /// few dozen: `SearchIndex.search` refuses a longer query with a clear message.
  public static let maximumTerms = 64

  /// Words, phrases and tags, counted as `maximumTerms` counts them.
  public var termCount: Int { required.reduce(0) { $0 + $1.count } + excluded.count + tags.count }

  /// Parses the text of a query. Never fails: what cannot be a word is dropped.
  public init(parsing text: String) {
    var pendingOr = false
    var pendingNot = false
    var seenTags = Set<String>()
    for lexeme in SearchQuery.lex(text) {
      switch lexeme {
      case .or:
        pendingOr = !required.isEmpty
        pendingNot = false
      case .and:
        pendingOr = false
        pendingNot = false
      case .not:
        pendingOr = false
        pendingNot = true
      case .tag(let name):
        if !name.isEmpty, seenTags.insert(name).inserted { tags.append(name) }
        pendingOr = false
        pendingNot = false
      case .term(let term, let negated):
        defer { pendingNot = false }
        if negated || pendingNot {
          excluded.append(term)
        } else if pendingOr {
          required[required.count - 1].append(term)
        } else {
          required.append([term])
        }
        pendingOr = false
      }
    }
  }

  private enum Lexeme {
    case term(Term, negated: Bool)
    case or, and, not
    case tag(String)
  }

  /// Splits the query into words and quoted phrases with their `-` and `field:` prefixes.
  private static func lex(_ text: String) -> [Lexeme] {
    var lexemes: [Lexeme] = []
    let chars = Array(text)
    var i = 0
    while i < chars.count {
      if chars[i].isWhitespace {
        i += 1
        continue
      }
      // A word runs to whitespace or a quote.
      var j = i
      while j < chars.count, !chars[j].isWhitespace, chars[j] != "\"" { j += 1 }
      var word = String(chars[i..<j])
      var negated = false
      if word.hasPrefix("-") {
        negated = true
        word.removeFirst()
      }
      var field = Field.any
      var isTag = false
      if let colon = word.firstIndex(of: ":") {
        let name = word[..<colon].lowercased()
        if let f = Field(rawValue: name), f != .any {
          field = f
          word = String(word[word.index(after: colon)...])
        } else if name == "tag" {
          isTag = true
          word = String(word[word.index(after: colon)...])
        }
      }
      if j < chars.count, chars[j] == "\"", word.isEmpty {
        // A quoted phrase, closed by the next quote or the end of the query.
        var k = j + 1
        while k < chars.count, chars[k] != "\"" { k += 1 }
        let phrase = String(chars[(j + 1)..<min(k, chars.count)])
        i = min(k + 1, chars.count)
        var isPrefix = false
        if i < chars.count, chars[i] == "*" {
          isPrefix = true
          i += 1
        }
        if isTag {
          lexemes.append(.tag(normalizedTag(phrase)))
          continue
        }
        let tokens = tokenize(phrase)
        if !tokens.isEmpty {
          lexemes.append(
            .term(
              Term(tokens: tokens, isPrefix: isPrefix, field: field),
              negated: negated))
        }
        continue
      }
      i = j
      if isTag {
        lexemes.append(.tag(normalizedTag(word)))
        continue
      }
      if !negated, field == .any,
        let op = [("OR", Lexeme.or), ("AND", .and), ("NOT", .not)]
          .first(where: { $0.0 == word })?.1
      {
        lexemes.append(op)
        continue
      }
      var isPrefix = false
      while word.hasSuffix("*") {
        isPrefix = true
        word.removeLast()
      }
      let tokens = tokenize(word)
      guard !tokens.isEmpty else { continue }
      // A trailing `*` only makes a prefix when it touches a letter or digit (`C++*` is not).
      let prefix = isPrefix && (word.last.map { $0.isLetter || $0.isNumber } ?? false)
      let ident = prefix ? nil : Identifiers.identifier(inQueryWord: word)
      lexemes.append(
        .term(
          Term(
            tokens: tokens, isPrefix: prefix, field: field,
            identifier: field == .math ? nil : ident), negated: negated))
    }
    return lexemes
  }

  private static func normalizedTag(_ text: String) -> String { TagNames.normalized(text) }

  /// Cuts text into lower-cased runs of letters and digits, as the index tokenizer does.
  public static func tokenize(_ text: String) -> [String] {
    var tokens: [String] = []
    var current = ""
    for scalar in text.unicodeScalars {
      let p = scalar.properties
      if p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark {
        current.unicodeScalars.append(scalar)
      } else if !current.isEmpty {
        tokens.append(current.lowercased())
        current = ""
      }
    }
    if !current.isEmpty { tokens.append(current.lowercased()) }
    return tokens
  }
}

extension SearchQuery {
  /// The columns of the full-text table that hold text a person wrote (not the encoded
  /// identifiers).
  static let textColumns = "{heading prose code math}"

  /// The FTS5 expression for the required groups, or nil when there are none. Every token is a
  /// quoted string: no user character is ever read as FTS5 syntax.
  var matchExpression: String? {
    guard !required.isEmpty else { return nil }
    return required.map { group in
      let alternatives = group.map(SearchQuery.expression(for:))
      return alternatives.count == 1
        ? alternatives[0] : "(" + alternatives.joined(separator: " OR ") + ")"
    }.joined(separator: " AND ")
  }

  /// The FTS5 expression matching any excluded term, or nil.
  var exclusionExpression: String? {
    guard !excluded.isEmpty else { return nil }
    return excluded.map(SearchQuery.expression(for:)).joined(separator: " OR ")
  }

  static func expression(for term: Term) -> String {
    let phrase = quoted(term.tokens.joined(separator: " ")) + (term.isPrefix ? " *" : "")
    let columns: String
    switch term.field {
    case .any: columns = textColumns
    case .title: columns = "heading"
    case .code: columns = "code"
    case .math: columns = "math"
    }
    let textMatch = "\(columns) : \(phrase)"
    guard let ident = term.identifier else { return textMatch }
    // The identifier must be there whole; the phrase makes the snippet highlight it.
    return "(idents : \(quoted(Identifiers.token(for: ident))) AND \(textMatch))"
  }

  static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// The query typed as several shell arguments, as one text: an argument holding a space was
  /// quoted in the shell on purpose and becomes a phrase.
  public static func text(ofArguments arguments: [String]) -> String {
    guard arguments.count > 1 else { return arguments.first ?? "" }
    return arguments.map { arg in
      arg.contains(where: \.isWhitespace) && !arg.contains("\"") ? "\"\(arg)\"" : arg
    }.joined(separator: " ")
  }
}
