/// Porter's suffix-stripping stemmer (M.F. Porter, "An algorithm for suffix stripping", 1980),
/// as SQLite's FTS5 `porter` tokenizer applies it, so that the site's search and `journal search`
/// reduce a word to the same term (`lstms` and `lstm` to `lstm`, `serialization` to `serial`).
///
/// Like FTS5 it works on the UTF-8 bytes of a lower-cased token: words shorter than 3 or longer
/// than 64 bytes are left as they are, and any byte other than `a e i o u` (and `y` after a
/// consonant) counts as a consonant. search.js's `stem()` is the same algorithm over the same
/// bytes; both are checked against SQLite's own output (Fixtures/porter-stems.tsv).
enum PorterStemmer {
  /// The stem of a lower-cased word.
  static func stem(_ word: String) -> String {
    var bytes = Array(word.utf8)
    guard stem(&bytes) else { return word }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Stems `word` in place; false when it is left as it was because of its length.
  @discardableResult
  static func stem(_ word: inout [UInt8]) -> Bool {
    guard (3...64).contains(word.count) else { return false }
    var w = Word(bytes: word)
    w.step1A()
    if w.step1B() {
      if !w.replaceFirst(of: step1B2Rules) {
        let c = w.last
        if !isVowel(c, yIsVowel: false) && c != l && c != s && c != z
          && w.n >= 2 && c == w.bytes[w.n - 2]
        {
          w.n -= 1
        } else if w.measureIsOne(w.n) && w.endsCVC(w.n) {
          w.append(e)
        }
      }
    }
    if w.last == y && w.hasVowel(w.n - 1) { w.bytes[w.n - 1] = i }
    w.replaceFirst(of: step2Rules)
    w.replaceFirst(of: step3Rules)
    w.replaceFirst(of: step4Rules)
    if w.last == e
      && (w.measureAboveOne(w.n - 1)
        || (w.measureIsOne(w.n - 1) && !w.endsCVC(w.n - 1)))
    {
      w.n -= 1
    }
    if w.n > 1 && w.last == l && w.bytes[w.n - 2] == l && w.measureAboveOne(w.n - 1) {
      w.n -= 1
    }
    word = Array(w.bytes[0..<w.n])
    return true
  }

  /// When a rule's suffix ends the word and its condition holds of what precedes it.
  enum Condition { case none, measureAboveZero, measureAboveOne, measureAboveOneAfterSOrT, vowel }

  struct Rule {
    let suffix: [UInt8]
    let replacement: [UInt8]
    let condition: Condition

    init(_ suffix: String, _ replacement: String, _ condition: Condition) {
      self.suffix = Array(suffix.utf8)
      self.replacement = Array(replacement.utf8)
      self.condition = condition
    }
  }

  // The rule lists, in the order in which FTS5 tries them: the first suffix that ends the word
  // decides, whether or not its condition holds (`ization` is tried before `ation`).
  static let step1BRules = [
    Rule("eed", "ee", .measureAboveZero), Rule("ed", "", .vowel), Rule("ing", "", .vowel),
  ]
  static let step1B2Rules = [
    Rule("at", "ate", .none), Rule("bl", "ble", .none), Rule("iz", "ize", .none),
  ]
  static let step2Rules = [
    ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
    ("logi", "log"), ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"),
    ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"),
    ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
    ("iviti", "ive"), ("biliti", "ble"),
  ].map { Rule($0.0, $0.1, .measureAboveZero) }
  static let step3Rules = [
    ("ical", "ic"), ("ness", ""), ("icate", "ic"), ("iciti", "ic"), ("ful", ""), ("ative", ""),
    ("alize", "al"),
  ].map { Rule($0.0, $0.1, .measureAboveZero) }
  static let step4Rules = [
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
    "ism", "ate", "iti", "ous", "ive", "ize",
  ].map { Rule($0, "", $0 == "ion" ? .measureAboveOneAfterSOrT : .measureAboveOne) }

  static let (a, e, i, l, o, s, t, u, w, x, y, z) = (
    UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "l"),
    UInt8(ascii: "o"), UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "u"),
    UInt8(ascii: "w"), UInt8(ascii: "x"), UInt8(ascii: "y"), UInt8(ascii: "z")
  )

  static func isVowel(_ c: UInt8, yIsVowel: Bool) -> Bool {
    c == a || c == e || c == i || c == o || c == u || (yIsVowel && c == y)
  }

  /// A word being stemmed: its first `n` bytes.
  struct Word {
    var bytes: [UInt8]
    var n: Int

    init(bytes: [UInt8]) {
      self.bytes = bytes
      self.n = bytes.count
    }

    var last: UInt8 { n > 0 ? bytes[n - 1] : 0 }

    mutating func append(_ c: UInt8) {
      if n < bytes.count { bytes[n] = c } else { bytes.append(c) }
      n += 1
    }

    /// Where the first vowel-consonant sequence of `bytes[start..<end]` ends (an index past
    /// it), or nil; `previousIsConsonant` is what precedes `start`.
    func endOfVC(from start: Int, to end: Int, previousIsConsonant: Bool) -> Int? {
      var k = start
      var consonant = previousIsConsonant
      while k < end {
        consonant = !isVowel(bytes[k], yIsVowel: consonant)
        if !consonant { break }
        k += 1
      }
      k += 1
      while k < end {
        consonant = !isVowel(bytes[k], yIsVowel: consonant)
        if consonant { return k + 1 }
        k += 1
      }
      return nil
    }

    /// Porter's m > 0 for the first `stem` bytes.
    func measureAboveZero(_ stem: Int) -> Bool {
      endOfVC(from: 0, to: stem, previousIsConsonant: false) != nil
    }

    func measureAboveOne(_ stem: Int) -> Bool {
      guard let k = endOfVC(from: 0, to: stem, previousIsConsonant: false) else { return false }
      return endOfVC(from: k, to: stem, previousIsConsonant: true) != nil
    }

    func measureIsOne(_ stem: Int) -> Bool {
      guard let k = endOfVC(from: 0, to: stem, previousIsConsonant: false) else { return false }
      return endOfVC(from: k, to: stem, previousIsConsonant: true) == nil
    }

    /// Porter's *o: the stem ends consonant-vowel-consonant, the last not w, x or y.
    func endsCVC(_ stem: Int) -> Bool {
      guard stem > 0 else { return false }
      let c = bytes[stem - 1]
      if c == w || c == x || c == y { return false }
      var mask = 0
      var consonant = false
      for k in 0..<stem {
        consonant = !isVowel(bytes[k], yIsVowel: consonant)
        mask = (mask << 1 | (consonant ? 1 : 0)) & 7
      }
      return mask == 5
    }

    /// Porter's *v*: a vowel in the first `stem` bytes (`y` counting as one after the first).
    func hasVowel(_ stem: Int) -> Bool {
      var k = 0
      while k < stem {
        if isVowel(bytes[k], yIsVowel: k > 0) { return true }
        k += 1
      }
      return false
    }

    func ends(with suffix: [UInt8]) -> Bool {
      guard n > suffix.count else { return false }
      var k = 0
      while k < suffix.count {
        if bytes[n - suffix.count + k] != suffix[k] { return false }
        k += 1
      }
      return true
    }

    /// Applies the first rule whose suffix ends the word, if its condition holds; true when
    /// one was applied.
    @discardableResult
    mutating func replaceFirst(of rules: [Rule]) -> Bool {
      guard let rule = rules.first(where: { ends(with: $0.suffix) }) else { return false }
      let stem = n - rule.suffix.count
      let holds: Bool
      switch rule.condition {
      case .none: holds = true
      case .measureAboveZero: holds = measureAboveZero(stem)
      case .measureAboveOne: holds = measureAboveOne(stem)
      case .measureAboveOneAfterSOrT:
        holds =
          stem > 0 && (bytes[stem - 1] == s || bytes[stem - 1] == t)
          && measureAboveOne(stem)
      case .vowel: holds = hasVowel(stem)
      }
      guard holds else { return false }
      n = stem
      for c in rule.replacement { append(c) }
      return true
    }

    mutating func step1A() {
      guard last == s, n >= 2 else { return }
      if bytes[n - 2] == e {
        if (n > 4 && bytes[n - 4] == s && bytes[n - 3] == s) || (n > 3 && bytes[n - 3] == i) {
          n -= 2
        } else {
          n -= 1
        }
      } else if bytes[n - 2] != s {
        n -= 1
      }
    }

    /// True when `ed` or `ing` went (then step 1b's clean-up follows), not after `eed`.
    mutating func step1B() -> Bool {
      let before = n
      return replaceFirst(of: PorterStemmer.step1BRules) && n < before - 1
    }
  }
}
