/// A math alphabet (`\mathbf`, `\mathbb`, ...), applied by mapping letters and digits to Unicode's
/// Mathematical Alphanumeric Symbols: MathML Core has no `mathvariant` other than `normal`.
public enum MathFont: Sendable, Equatable {
  case roman, italic, bold, boldItalic, script, boldScript, fraktur, boldFraktur, doubleStruck
  case sansSerif, sansSerifBold, sansSerifItalic, sansSerifBoldItalic, monospace
  /// `\boldsymbol`: bold italic letters, bold upright digits and capital Greek.
  case boldSymbol

  /// The first code point of the font's Latin block (A-Z then a-z), if it has one.
  private var latinBase: UInt32? {
    switch self {
    case .roman: nil
    case .bold: 0x1D400
    case .italic: 0x1D434
    case .boldItalic, .boldSymbol: 0x1D468
    case .script: 0x1D49C
    case .boldScript: 0x1D4D0
    case .fraktur: 0x1D504
    case .doubleStruck: 0x1D538
    case .boldFraktur: 0x1D56C
    case .sansSerif: 0x1D5A0
    case .sansSerifBold: 0x1D5D4
    case .sansSerifItalic: 0x1D608
    case .sansSerifBoldItalic: 0x1D63C
    case .monospace: 0x1D670
    }
  }

  private var digitBase: UInt32? {
    switch self {
    case .bold, .boldItalic, .boldSymbol, .boldFraktur, .boldScript: 0x1D7CE
    case .doubleStruck: 0x1D7D8
    case .sansSerif, .sansSerifItalic: 0x1D7E2
    case .sansSerifBold, .sansSerifBoldItalic: 0x1D7EC
    case .monospace: 0x1D7F6
    default: nil
    }
  }

  private var greekBase: UInt32? {
    switch self {
    case .bold: 0x1D6A8
    case .italic: 0x1D6E2
    case .boldItalic, .boldSymbol: 0x1D71C
    case .sansSerifBold: 0x1D756
    case .sansSerifBoldItalic: 0x1D790
    default: nil
    }
  }

  /// Letters that Unicode encodes outside the block (the "holes" of the alphabets).
  private static let holes: [UInt32: Unicode.Scalar] = [
    0x1D455: "ℎ", 0x1D49D: "ℬ", 0x1D4A0: "ℰ", 0x1D4A1: "ℱ", 0x1D4A3: "ℋ", 0x1D4A4: "ℐ",
    0x1D4A7: "ℒ", 0x1D4A8: "ℳ", 0x1D4AD: "ℛ", 0x1D4BA: "ℯ", 0x1D4BC: "ℊ", 0x1D4C4: "ℴ",
    0x1D506: "ℭ", 0x1D50B: "ℌ", 0x1D50C: "ℑ", 0x1D515: "ℜ", 0x1D51D: "ℨ", 0x1D53A: "ℂ",
    0x1D53F: "ℍ", 0x1D545: "ℕ", 0x1D547: "ℙ", 0x1D548: "ℚ", 0x1D549: "ℝ", 0x1D551: "ℤ",
  ]

  /// The character in this font, or nil when the font has no such character.
  func map(_ c: Unicode.Scalar) -> Unicode.Scalar? {
    let v = c.value
    if let base = latinBase {
      var index: UInt32?
      if v >= 0x41 && v <= 0x5A { index = v - 0x41 }
      if v >= 0x61 && v <= 0x7A { index = v - 0x61 + 26 }
      if let index {
        let code = base + index
        return MathFont.holes[code] ?? Unicode.Scalar(code)
      }
    }
    if v >= 0x30 && v <= 0x39 {
      guard let base = digitBase else { return nil }
      return Unicode.Scalar(base + v - 0x30)
    }
    if let base = greekBase, let index = MathFont.greekIndex(v) {
      // \boldsymbol keeps capital Greek upright, as TeX's bold math does.
      if self == .boldSymbol, index < 25 { return Unicode.Scalar(0x1D6A8 + index) }
      return Unicode.Scalar(base + index)
    }
    return nil
  }

  private static func greekIndex(_ v: UInt32) -> UInt32? {
    switch v {
    case 0x391...0x3A9: return v == 0x3A2 ? nil : v - 0x391
    case 0x3F4: return 17
    case 0x2207: return 25
    case 0x3B1...0x3C9: return v - 0x3B1 + 26
    case 0x2202: return 51
    case 0x3F5: return 52
    case 0x3D1: return 53
    case 0x3F0: return 54
    case 0x3D5: return 55
    case 0x3F1: return 56
    case 0x3D6: return 57
    default: return nil
    }
  }

  /// Maps every character it can; others stay as they are.
  func apply(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for c in text.unicodeScalars { out.append(map(c) ?? c) }
    return String(out)
  }
}
