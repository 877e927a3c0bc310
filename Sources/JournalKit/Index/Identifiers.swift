/// Finds code identifiers such as `nn.LSTM`, `torch.manual_seed` and `read_only_fields` in text,
/// and spells them as single index tokens.
///
/// The main tokenizer (`porter unicode61`) splits `torch.manual_seed` into three words, so a
/// search for it as typed would also match `torch manual seed` in prose. Each identifier is
/// therefore also stored whole, in the `idents` column, encoded so that the same tokenizer keeps it
/// in one piece: letters, digits and separator codes only.
enum Identifiers {
  /// Identifiers in `text` that contain a `.` or `_` joining word characters, lower-cased, with
  /// every shorter dotted suffix (`torch.nn.lstm` also gives `nn.lstm`), deduplicated in order.
  static func extract(from text: String) -> [String] {
    var result: [String] = []
    var seen = Set<String>()
    func add(_ ident: String) {
      if seen.insert(ident).inserted { result.append(ident) }
    }
    for candidate in candidates(in: text) {
      guard let ident = normalized(candidate) else { continue }
      add(ident)
      var rest = Substring(ident)
      while let dot = rest.firstIndex(of: ".") {
        rest = rest[rest.index(after: dot)...]
        if rest.contains(".") || rest.contains("_") { add(String(rest)) } else { break }
      }
    }
    return result
  }

  /// The identifier a typed query word stands for (`nn.LSTM` -> `nn.lstm`), or nil if the word
  /// is not one. Surrounding punctuation and a trailing `()` are ignored.
  static func identifier(inQueryWord word: String) -> String? {
    let found = candidates(in: word)
    guard found.count == 1 else { return nil }
    return normalized(found[0])
  }

  /// The single token an identifier is stored as: `.` becomes `8d8`, `_` becomes `8u8`.
  static func token(for ident: String) -> String {
    var out = "zq"
    for ch in ident {
      switch ch {
      case ".": out += "8d8"
      case "_": out += "8u8"
      default: out.append(ch)
      }
    }
    return out
  }

  /// Runs of identifier characters (ASCII letters, digits, `_`, `.`).
  private static func candidates(in text: String) -> [Substring] {
    var runs: [Substring] = []
    var start: String.Index?
    var index = text.startIndex
    while index < text.endIndex {
      let ch = text[index]
      let isIdent = ch.isASCII && (ch.isLetter || ch.isNumber || ch == "_" || ch == ".")
      if isIdent {
        if start == nil { start = index }
      } else if let s = start {
        runs.append(text[s..<index])
        start = nil
      }
      index = text.index(after: index)
    }
    if let s = start { runs.append(text[s...]) }
    return runs
  }

  /// Trims leading/trailing dots and requires a `.` or `_` between word characters and a letter
  /// or `_` at the start (so `3.14` and `1_000` are not identifiers).
  private static func normalized(_ run: Substring) -> String? {
    var s = run
    while s.first == "." { s = s.dropFirst() }
    while s.last == "." { s = s.dropLast() }
    guard let first = s.first, first.isLetter || first == "_" else { return nil }
    guard s.contains(".") || s.contains(where: { $0 == "_" }) else { return nil }
    // `_` alone or `__` carry no word; require a letter or digit somewhere.
    guard s.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
    // `a..b` is not an identifier.
    guard !s.contains("..") else { return nil }
    return s.lowercased()
  }
}
