/// Approximate text metrics for DejaVu Sans, matplotlib's default font, used for layout
/// (tick label widths, legend boxes, tight_layout); the SVG lets the viewer's font draw it.
enum TextMetrics {
  static let fontFamily =
    "'DejaVu Sans', 'Bitstream Vera Sans', 'Helvetica Neue', Helvetica, Arial, sans-serif"

  /// Advance widths in em of DejaVu Sans glyphs.
  private static let widths: [Character: Double] = {
    var table: [Character: Double] = [:]
    for digit in "0123456789" { table[digit] = 0.636 }
    let lower: [(Character, Double)] = [
      ("a", 0.613), ("b", 0.635), ("c", 0.55), ("d", 0.635), ("e", 0.615), ("f", 0.352),
      ("g", 0.635), ("h", 0.634), ("i", 0.278), ("j", 0.278), ("k", 0.579), ("l", 0.278),
      ("m", 0.974), ("n", 0.634), ("o", 0.612), ("p", 0.635), ("q", 0.635), ("r", 0.411),
      ("s", 0.521), ("t", 0.392), ("u", 0.634), ("v", 0.592), ("w", 0.818), ("x", 0.592),
      ("y", 0.592), ("z", 0.525), ("A", 0.684), ("B", 0.686), ("C", 0.698), ("D", 0.77),
      ("E", 0.632), ("F", 0.575), ("G", 0.775), ("H", 0.752), ("I", 0.295), ("J", 0.295),
      ("K", 0.656), ("L", 0.557), ("M", 0.863), ("N", 0.748), ("O", 0.787), ("P", 0.603),
      ("Q", 0.787), ("R", 0.695), ("S", 0.635), ("T", 0.611), ("U", 0.732), ("V", 0.684),
      ("W", 0.989), ("X", 0.685), ("Y", 0.611), ("Z", 0.685), (" ", 0.318), (".", 0.318),
      (",", 0.318), (":", 0.337), ("-", 0.361), ("\u{2212}", 0.838), ("(", 0.39),
      (")", 0.39), ("%", 0.95), ("=", 0.838), ("+", 0.838), ("/", 0.337), ("_", 0.5),
    ]
    for (character, width) in lower { table[character] = width }
    return table
  }()

  /// The width in points of `text` at `fontSize`.
  static func width(_ text: String, fontSize: Double) -> Double {
    text.reduce(0) { $0 + (widths[$1] ?? 0.62) } * fontSize
  }

  /// The height of a line of text (ascent plus descent) in points.
  static func height(fontSize: Double) -> Double { fontSize * 1.17 }

  /// Distance from the top of a text line to its baseline.
  static func ascent(fontSize: Double) -> Double { fontSize * 0.93 }

  /// Distance from the baseline to the bottom of a text line.
  static func descent(fontSize: Double) -> Double { fontSize * 0.24 }
}

/// A small subset of matplotlib's mathtext: `$...$` spans become plain Unicode text.
enum MathText {
  private static let symbols: [String: String] = [
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
    "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ",
    "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
    "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ",
    "Omega": "Ω", "cdot": "·", "times": "×", "pm": "±", "leq": "≤", "le": "≤", "geq": "≥",
    "ge": "≥", "neq": "≠", "approx": "≈", "infty": "∞", "sqrt": "√", "sum": "Σ",
    "partial": "∂", "nabla": "∇", "to": "→", "rightarrow": "→", "leftarrow": "←", "ell": "ℓ",
    "sim": "~", "propto": "∝", "in": "∈", "log": "log", "exp": "exp", "ln": "ln",
    "sin": "sin", "cos": "cos", "max": "max", "min": "min", ",": " ", ";": " ", "quad": " ",
  ]
  private static let superscripts: [Character: Character] = [
    "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸",
    "9": "⁹", "-": "⁻", "+": "⁺", "n": "ⁿ", "i": "ⁱ", "T": "ᵀ",
  ]
  private static let subscripts: [Character: Character] = [
    "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈",
    "9": "₉", "-": "₋", "+": "₊", "i": "ᵢ", "j": "ⱼ", "k": "ₖ", "n": "ₙ", "t": "ₜ", "x": "ₓ",
  ]

  /// Text with each `$...$` span rendered to Unicode; text without `$` is returned as is.
  static func plain(_ text: String) -> String {
    guard text.filter({ $0 == "$" }).count >= 2 else { return text }
    var result = ""
    var inMath = false
    var span = ""
    for character in text {
      if character == "$" {
        if inMath { result += render(span) }
        span = ""
        inMath.toggle()
      } else if inMath {
        span.append(character)
      } else {
        result.append(character)
      }
    }
    if inMath { result += "$" + span }
    return result
  }

  private static func render(_ math: String) -> String {
    var result = ""
    var characters = Array(math)[...]
    func group() -> String {
      guard let first = characters.first else { return "" }
      characters = characters.dropFirst()
      if first == "{" {
        var depth = 1
        var inner = ""
        while let next = characters.first, depth > 0 {
          characters = characters.dropFirst()
          if next == "{" { depth += 1 }
          if next == "}" { depth -= 1 }
          if depth > 0 { inner.append(next) }
        }
        return render(inner)
      }
      if first == "\\" { return command() }
      return String(first)
    }
    func command() -> String {
      var name = ""
      while let next = characters.first, next.isLetter {
        name.append(next)
        characters = characters.dropFirst()
      }
      if name.isEmpty, let next = characters.first {
        characters = characters.dropFirst()
        name = String(next)
      }
      if ["mathrm", "mathbf", "mathit", "text", "mathdefault", "mathcal", "operatorname"]
        .contains(name)
      {
        return group()
      }
      if name == "frac" {
        let numerator = group()
        let denominator = group()
        return numerator + "/" + denominator
      }
      if ["left", "right", "big", "Big"].contains(name) { return "" }
      return symbols[name] ?? name
    }
    while let character = characters.first {
      characters = characters.dropFirst()
      switch character {
      case "\\": result += command()
      case "^", "_":
        let body = group()
        let table = character == "^" ? superscripts : subscripts
        let mapped = body.map { table[$0] }
        if mapped.allSatisfy({ $0 != nil }) {
          result += String(mapped.compactMap { $0 })
        } else {
          result += (character == "^" ? "^" : "_") + body
        }
      case "{", "}": continue
      default: result.append(character)
      }
    }
    return result
  }
}
