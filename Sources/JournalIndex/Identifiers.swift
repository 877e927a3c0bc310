import JournalCore

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

  /// Runs of identifier characters (ASCII letters, digits, `_`, `.`) that hold a `.` or `_`.
  /// Scans the contiguous UTF-8 bytes: this runs over every section of the journal on a cold
  /// index.
  private static func candidates(in text: String) -> [ArraySlice<UInt8>] {
    var runs: [ArraySlice<UInt8>] = []
    var text = text
    text.withUTF8 { bytes in
      var start = -1
      var joiner = false
      for i in 0..<bytes.count {
        let b = bytes[i]
        let isJoiner = b == 0x5F || b == 0x2E
        let isIdent =
          (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
          || isJoiner
        if isIdent {
          if start < 0 { (start, joiner) = (i, false) }
          if isJoiner { joiner = true }
        } else if start >= 0 {
          if joiner { runs.append(ArraySlice(UnsafeBufferPointer(rebasing: bytes[start..<i]))) }
          start = -1
        }
      }
      if start >= 0, joiner {
        runs.append(ArraySlice(UnsafeBufferPointer(rebasing: bytes[start...])))
      }
    }
    return runs
  }

  /// Trims leading/trailing dots and requires a `.` or `_` between word characters and a letter
  /// or `_` at the start (so `3.14` and `1_000` are not identifiers).
  private static func normalized(_ run: ArraySlice<UInt8>) -> String? {
    var bytes = Array(run)
    while bytes.first == 0x2E { bytes.removeFirst() }
    while bytes.last == 0x2E { bytes.removeLast() }
    guard let first = bytes.first, isLetter(first) || first == 0x5F else { return nil }
    guard bytes.contains(where: { $0 == 0x2E || $0 == 0x5F }) else { return nil }
    // `_` alone or `__` carry no word; require a letter or digit somewhere.
    guard bytes.contains(where: { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) }) else { return nil }
    // `a..b` is not an identifier.
    for i in bytes.indices.dropFirst() where bytes[i] == 0x2E && bytes[i - 1] == 0x2E { return nil }
    for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] += 0x20 }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func isLetter(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
  }
}
