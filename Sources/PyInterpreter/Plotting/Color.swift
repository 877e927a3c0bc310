/// An RGBA colour with components in 0...1, parsed from matplotlib's colour notations.
public struct Color: Equatable, Hashable, Sendable {
  public var red: Double
  public var green: Double
  public var blue: Double
  public var alpha: Double

  public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  /// A colour from a 24-bit `0xRRGGBB` value.
  public init(hex: UInt32, alpha: Double = 1) {
    self.init(
      red: Double((hex >> 16) & 0xff) / 255, green: Double((hex >> 8) & 0xff) / 255,
      blue: Double(hex & 0xff) / 255, alpha: alpha)
  }

  /// Parses a matplotlib colour: `"C0"`..`"C9"`, single letters `b g r c m y k w`, `"#rrggbb"`,
  /// `"#rrggbbaa"`, `"#rgb"`, a grey level such as `"0.5"`, `"tab:blue"`, or a CSS name.
  public init?(_ spec: String) {
    let lower = spec.lowercased().trimmingCharacters(in: .whitespaces)
    if lower.hasPrefix("#") {
      let digits = Array(lower.dropFirst())
      let expanded: [Character]
      switch digits.count {
      case 3, 4: expanded = digits.flatMap { [$0, $0] }
      case 6, 8: expanded = digits
      default: return nil
      }
      guard let value = UInt64(String(expanded), radix: 16) else { return nil }
      if expanded.count == 8 {
        self.init(hex: UInt32(value >> 8), alpha: Double(value & 0xff) / 255)
      } else {
        self.init(hex: UInt32(value))
      }
      return
    }
    if lower.count == 2, lower.hasPrefix("c"), let index = Int(lower.dropFirst()) {
      self = Color.cycle[index % Color.cycle.count]
      return
    }
    if let grey = Double(lower), (0...1).contains(grey) {
      self.init(red: grey, green: grey, blue: grey)
      return
    }
    if let hex = Color.named[lower] {
      self.init(hex: hex)
      return
    }
    return nil
  }

  /// The same colour with a different opacity.
  public func withAlpha(_ alpha: Double) -> Color {
    Color(red: red, green: green, blue: blue, alpha: alpha)
  }

  /// A linear blend: `t = 0` gives `self`, `t = 1` gives `other`.
  public func mixed(with other: Color, _ t: Double) -> Color {
    Color(
      red: red + (other.red - red) * t, green: green + (other.green - green) * t,
      blue: blue + (other.blue - blue) * t, alpha: alpha + (other.alpha - alpha) * t)
  }

  /// `#rrggbb`, the form SVG attributes take (opacity is written separately).
  public var hexString: String {
    let digits = Array("0123456789abcdef")
    var result = "#"
    for component in [red, green, blue] {
      let byte = Int((min(max(component, 0), 1) * 255).rounded())
      result.append(digits[byte / 16])
      result.append(digits[byte % 16])
    }
    return result
  }

  public static let white = Color(red: 1, green: 1, blue: 1)
  public static let black = Color(red: 0, green: 0, blue: 0)

  /// matplotlib's default property cycle ("tab10").
  public static let cycle: [Color] = [
    0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22,
    0x17becf,
  ].map { Color(hex: $0) }

  static let named: [String: UInt32] = [
    "b": 0x0000ff, "g": 0x008000, "r": 0xff0000, "c": 0x00bfbf, "m": 0xbf00bf, "y": 0xbfbf00,
    "k": 0x000000, "w": 0xffffff,
    "tab:blue": 0x1f77b4, "tab:orange": 0xff7f0e, "tab:green": 0x2ca02c, "tab:red": 0xd62728,
    "tab:purple": 0x9467bd, "tab:brown": 0x8c564b, "tab:pink": 0xe377c2, "tab:gray": 0x7f7f7f,
    "tab:grey": 0x7f7f7f, "tab:olive": 0xbcbd22, "tab:cyan": 0x17becf,
    "black": 0x000000, "white": 0xffffff, "red": 0xff0000, "green": 0x008000, "blue": 0x0000ff,
    "yellow": 0xffff00, "cyan": 0x00ffff, "magenta": 0xff00ff, "orange": 0xffa500,
    "purple": 0x800080, "brown": 0xa52a2a, "pink": 0xffc0cb, "gray": 0x808080, "grey": 0x808080,
    "olive": 0x808000, "navy": 0x000080, "teal": 0x008080, "maroon": 0x800000, "lime": 0x00ff00,
    "gold": 0xffd700, "silver": 0xc0c0c0, "lightgray": 0xd3d3d3, "lightgrey": 0xd3d3d3,
    "darkgray": 0xa9a9a9, "darkgrey": 0xa9a9a9, "dimgray": 0x696969, "dimgrey": 0x696969,
    "lightblue": 0xadd8e6, "darkblue": 0x00008b, "darkred": 0x8b0000, "darkgreen": 0x006400,
    "lightgreen": 0x90ee90, "darkorange": 0xff8c00, "salmon": 0xfa8072, "coral": 0xff7f50,
    "crimson": 0xdc143c, "steelblue": 0x4682b4, "skyblue": 0x87ceeb, "royalblue": 0x4169e1,
    "indigo": 0x4b0082, "violet": 0xee82ee, "tomato": 0xff6347, "turquoise": 0x40e0d0,
    "khaki": 0xf0e68c, "tan": 0xd2b48c, "beige": 0xf5f5dc, "slategray": 0x708090,
    "firebrick": 0xb22222, "forestgreen": 0x228b22, "seagreen": 0x2e8b57,
    "dodgerblue": 0x1e90ff, "deepskyblue": 0x00bfff, "orchid": 0xda70d6,
    "chocolate": 0xd2691e, "sienna": 0xa0522d, "goldenrod": 0xdaa520,
    "whitesmoke": 0xf5f5f5, "gainsboro": 0xdcdcdc, "limegreen": 0x32cd32,
    "mediumpurple": 0x9370db, "hotpink": 0xff69b4, "lavender": 0xe6e6fa,
  ]
}
