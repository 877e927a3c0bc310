import Foundation

/// `unicodedata`: normalization forms and general categories, as the PyTorch names tutorial
/// uses them to strip accents (`normalize('NFD', s)`, `category(c) != 'Mn'`).
enum UnicodedataModule {
  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "unicodedata")
    m.define("normalize") { args, kwargs in
      let a = Arguments("normalize", args, kwargs)
      try a.expect(min: 2, max: 2)
      let form = try rt.string(args.at(0), "normalize() argument 1")
      let s = try rt.string(args.at(1), "normalize() argument 2")
      switch form {
      case "NFD": return .str(s.decomposedStringWithCanonicalMapping)
      case "NFC": return .str(s.precomposedStringWithCanonicalMapping)
      case "NFKD": return .str(s.decomposedStringWithCompatibilityMapping)
      case "NFKC": return .str(s.precomposedStringWithCompatibilityMapping)
      default: throw PyException(.valueError, "invalid normalization form")
      }
    }
    m.define("category") { args, kwargs in
      let a = Arguments("category", args, kwargs)
      try a.expect(min: 1, max: 1)
      let s = try rt.string(args.at(0), "category() argument")
      let scalars = Array(s.unicodeScalars)
      guard scalars.count == 1 else {
        throw PyException(
          .typeError,
          "category() argument must be a unicode character, not str")
      }
      return .str(categoryCode(scalars[0].properties.generalCategory))
    }
    m.define("combining") { args, kwargs in
      let a = Arguments("combining", args, kwargs)
      try a.expect(min: 1, max: 1)
      let s = try rt.string(args.at(0), "combining() argument")
      guard let u = s.unicodeScalars.first, s.unicodeScalars.count == 1 else {
        throw PyException(
          .typeError, "combining() argument must be a unicode character, not str")
      }
      return .int(Int(u.properties.canonicalCombiningClass.rawValue))
    }
    m["unidata_version"] = .str("14.0.0")
    return m
  }

  /// The two-letter code Python prints for a general category.
  static func categoryCode(_ c: Unicode.GeneralCategory) -> String {
    switch c {
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
