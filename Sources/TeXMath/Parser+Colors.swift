/// Colors: names, `#rrggbb`, xcolor's models (`\color[rgb]{1,0.5,0}`) and `\definecolor`.
extension Parser {
  /// `{red}`, `{#ff0000}`, `{ff0000}`, `[rgb]{1,0,0}` or a name given to `\definecolor`: letters,
  /// digits and `#` only, so the value is safe in an attribute.
  mutating func parseColor() throws(MathError) -> String {
    let at = here
    if let model = try readOptionalTokens() {
      let spec = try readArgumentTokens()
      return try Self.color(model: plainText(model), spec: plainText(spec), at: at)
    }
    let tokens = try readArgumentTokens()
    var color = ""
    for token in tokens {
      switch token.kind {
      case .char(let c) where Token.isLetter(c) || (c >= "0" && c <= "9") || c == "#":
        color.unicodeScalars.append(c)
      case .parameter(let k): color += "#\(k)"
      case .space: continue
      default: throw MathError("Invalid color", at: token.range)
      }
    }
    if color.isEmpty { throw error("Invalid color") }
    if let defined = colors[color] { return defined }
    if color.first == "#" || color.count != 6 || color.contains(where: { !$0.isHexDigit }) {
      return color
    }
    return "#" + color
  }

  /// `\definecolor{name}{model}{spec}`: later `\color{name}` and friends use it.
  mutating func defineColor() throws(MathError) {
    let at = tokens[pos].range
    pos += 1
    let name = plainText(try readArgumentTokens()).trimmingSpaces()
    guard !name.isEmpty,
      name.unicodeScalars.allSatisfy({ Token.isLetter($0) || ("0"..."9").contains($0) })
    else {
      throw MathError("A color name has letters and digits only: \\definecolor{\(name)}", at: at)
    }
    let model = plainText(try readArgumentTokens())
    let spec = plainText(try readArgumentTokens())
    colors[name] = try Self.color(model: model, spec: spec, at: at)
  }

  /// A color of one of xcolor's models as `#rrggbb`, converted as xcolor converts it.
  static func color(model: String, spec: String, at: Range<Int>) throws(MathError) -> String {
    let model = model.trimmingSpaces()
    let parts = spec.split(separator: ",").map { String($0).trimmingSpaces() }
    let invalid = MathError("Invalid \(model) color \(spec)", at: at)
    func fractions(_ count: Int) throws(MathError) -> [Double] {
      guard parts.count == count else { throw invalid }
      var values: [Double] = []
      for part in parts {
        guard let value = Double(part), (0...1).contains(value) else { throw invalid }
        values.append(value)
      }
      return values
    }
    let rgb: [Double]
    switch model {
    case "HTML":
      let hex = spec.trimmingSpaces()
      guard hex.count == 6, hex.allSatisfy(\.isHexDigit) else { throw invalid }
      return "#" + hex.lowercased()
    case "RGB":
      guard parts.count == 3 else { throw invalid }
      var values: [Double] = []
      for part in parts {
        guard let value = Int(part), (0...255).contains(value) else { throw invalid }
        values.append(Double(value) / 255)
      }
      rgb = values
    case "rgb":
      rgb = try fractions(3)
    case "gray":
      let gray = try fractions(1)[0]
      rgb = [gray, gray, gray]
    case "cmyk":
      let c = try fractions(4)
      rgb = (0..<3).map { 1 - min(1, c[$0] + c[3]) }
    default:
      throw MathError("Unknown color model \(model) (HTML, RGB, rgb, gray or cmyk)", at: at)
    }
    let digits = Array("0123456789abcdef")
    var hex = "#"
    for value in rgb {
      let byte = Int((value * 255).rounded())
      hex.append(digits[byte / 16])
      hex.append(digits[byte % 16])
    }
    return hex
  }
}
