/// Accumulates SVG markup with compact, deterministic number formatting.
///
/// Numbers are rounded to two decimals (a hundredth of a point is far below what a screen or a
/// printer shows) and printed without trailing zeros, so the same figure always gives the same
/// bytes and files stay small.
struct SVGBuilder {
  private(set) var text = ""

  init() { text.reserveCapacity(16_384) }

  mutating func append(_ raw: String) { text += raw }

  /// Opens an element with attributes; `close` ends it with `/>`.
  mutating func element(_ name: String, _ attributes: [(String, String)], close: Bool = true) {
    text += "<" + name
    for (key, value) in attributes where !value.isEmpty {
      text += " " + key + "=\"" + value + "\""
    }
    text += close ? "/>\n" : ">"
  }

  mutating func end(_ name: String) { text += "</" + name + ">\n" }

  /// Formats a coordinate or length with at most two decimals.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let hundredths = (value * 100).rounded()
    if hundredths == 0 { return "0" }
    let negative = hundredths < 0
    let magnitude = abs(hundredths)
    if magnitude >= 1e15 { return String(value) }
    let whole = Int(magnitude) / 100
    let fraction = Int(magnitude) % 100
    var result = negative ? "-" : ""
    result += String(whole)
    if fraction != 0 {
      if fraction % 10 == 0 {
        result += "." + String(fraction / 10)
      } else {
        result += (fraction < 10 ? ".0" : ".") + String(fraction)
      }
    }
    return result
  }

  /// Formats an opacity or other unit-interval value with up to three decimals.
  static func fraction(_ value: Double) -> String {
    let thousandths = Int((min(max(value, 0), 1) * 1000).rounded())
    if thousandths == 1000 { return "1" }
    if thousandths == 0 { return "0" }
    var digits = String(thousandths)
    while digits.count < 3 { digits = "0" + digits }
    while digits.hasSuffix("0") { digits.removeLast() }
    return "0." + digits
  }

  /// Escapes text for use in element content and attribute values.
  static func escape(_ raw: String) -> String {
    var result = ""
    result.reserveCapacity(raw.count)
    for character in raw {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default:
        // XML 1.0 forbids most control characters even when escaped; they carry nothing visible.
        if let scalar = character.unicodeScalars.first, scalar.value < 0x20,
          character != "\n", character != "\t"
        {
          continue
        }
        result.append(character)
      }
    }
    return result
  }

  /// An SVG path `d` attribute for a polyline, optionally closed.
  static func path(_ points: [Point], closed: Bool = false) -> String {
    var d = ""
    for (index, point) in points.enumerated() {
      d += (index == 0 ? "M" : " L") + number(point.x) + " " + number(point.y)
    }
    if closed && !points.isEmpty { d += " Z" }
    return d
  }
}

/// A position in SVG user space (points, y pointing down).
struct Point: Equatable, Sendable {
  var x: Double
  var y: Double
}

/// A rectangle in SVG user space (points, y pointing down).
struct PlotBox: Equatable, Sendable {
  var x: Double
  var y: Double
  var width: Double
  var height: Double

  var maxX: Double { x + width }
  var maxY: Double { y + height }

  func contains(_ point: Point) -> Bool {
    point.x >= x && point.x <= maxX && point.y >= y && point.y <= maxY
  }
}
