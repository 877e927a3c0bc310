import Foundation

/// `unicodedata.normalize` and `unicodedata.category`: enough to strip accents the way the
/// PyTorch name-classification tutorial does (NFD, then drop the `Mn` marks).
enum UnicodedataModule {
  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "unicodedata")
    m.define("normalize") { args, kwargs in
      let a = Arguments("normalize", args, kwargs)
      let form = try rt.string(try a.required(0, "form"), "normalize() argument 1")
      let text = try rt.string(try a.required(1, "unistr"), "normalize() argument 2")
      switch form {
      case "NFC": return .str(text.precomposedStringWithCanonicalMapping)
      case "NFD": return .str(text.decomposedStringWithCanonicalMapping)
      case "NFKC": return .str(text.precomposedStringWithCompatibilityMapping)
      case "NFKD": return .str(text.decomposedStringWithCompatibilityMapping)
      default: throw PyException(.valueError, "invalid normalization form")
      }
    }
    m.define("category") { args, kwargs in
      let a = Arguments("category", args, kwargs)
      let text = try rt.string(try a.required(0, "chr"), "category() argument")
      let scalars = Array(text.unicodeScalars)
      guard scalars.count == 1 else {
        throw PyException(
          .typeError, "category() argument must be a unicode character, not str")
      }
      return .str(abbreviation(scalars[0].properties.generalCategory))
    }
    return m
  }

  /// The two-letter name Python gives a general category.
  static func abbreviation(_ category: Unicode.GeneralCategory) -> String {
    switch category {
    case .uppercaseLetter: return "Lu"
    case .lowercaseLetter: return "Ll"
    case .titlecaseLetter: return "Lt"
    case .modifierLetter: return "Lm"
    case .otherLetter: return "Lo"
    case .nonspacingMark: return "Mn"
    case .spacingMark: return "Mc"
    case .enclosingMark: return "Me"
    case .decimalNumber: return "Nd"
    case .letterNumber: return "Nl"
    case .otherNumber: return "No"
    case .connectorPunctuation: return "Pc"
    case .dashPunctuation: return "Pd"
    case .openPunctuation: return "Ps"
    case .closePunctuation: return "Pe"
    case .initialPunctuation: return "Pi"
    case .finalPunctuation: return "Pf"
    case .otherPunctuation: return "Po"
    case .mathSymbol: return "Sm"
    case .currencySymbol: return "Sc"
    case .modifierSymbol: return "Sk"
    case .otherSymbol: return "So"
    case .spaceSeparator: return "Zs"
    case .lineSeparator: return "Zl"
    case .paragraphSeparator: return "Zp"
    case .control: return "Cc"
    case .format: return "Cf"
    case .surrogate: return "Cs"
    case .privateUse: return "Co"
    case .unassigned: return "Cn"
    @unknown default: return "Cn"
    }
  }
}
