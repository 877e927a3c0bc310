/// A marker shape, named by matplotlib's one-character codes.
public enum Marker: String, CaseIterable, Sendable {
  case circle = "o"
  case point = "."
  case pixel = ","
  case cross = "x"
  case plus = "+"
  case square = "s"
  case triangleUp = "^"
  case triangleDown = "v"
  case triangleLeft = "<"
  case triangleRight = ">"
  case diamond = "D"
  case thinDiamond = "d"
  case star = "*"
  case pentagon = "p"
  case hexagon = "h"
  case verticalLine = "|"
  case horizontalLine = "_"

  /// Markers drawn as strokes only: their face colour is their edge colour.
  var isStrokeOnly: Bool {
    switch self {
    case .cross, .plus, .verticalLine, .horizontalLine: return true
    default: return false
    }
  }
}

/// A line's dash pattern, by matplotlib's names and symbols.
public enum LineStyle: String, CaseIterable, Sendable {
  case solid = "-"
  case dashed = "--"
  case dotted = ":"
  case dashDot = "-."
  case none = "None"

  /// Parses `"-"`, `"--"`, `"solid"`, `"dashed"`, `"None"`, `" "`, `""` and friends.
  public init?(name: String) {
    switch name {
    case "-", "solid": self = .solid
    case "--", "dashed": self = .dashed
    case ":", "dotted": self = .dotted
    case "-.", "dashdot": self = .dashDot
    case "None", "none", " ", "": self = .none
    default: return nil
    }
  }

  /// The SVG `stroke-dasharray`, scaled by the line width as matplotlib does.
  func dashArray(width: Double) -> String {
    let pattern: [Double]
    switch self {
    case .solid, .none: return ""
    case .dashed: pattern = [3.7, 1.6]
    case .dotted: pattern = [1, 1.65]
    case .dashDot: pattern = [6.4, 1.6, 1, 1.6]
    }
    let scale = max(width, 0.1)
    return pattern.map { SVGBuilder.number($0 * scale) }.joined(separator: ",")
  }
}

/// The parts of a matplotlib format string such as `"r--o"`.
public struct FormatString: Equatable, Sendable {
  public var color: Color?
  public var lineStyle: LineStyle?
  public var marker: Marker?

  /// Parses a format string; `nil` when it is not one (as matplotlib raises).
  public init?(_ format: String) {
    var rest = Substring(format)
    while !rest.isEmpty {
      if rest.hasPrefix("--") || rest.hasPrefix("-.") {
        guard lineStyle == nil else { return nil }
        lineStyle = LineStyle(name: String(rest.prefix(2)))
        rest = rest.dropFirst(2)
      } else if rest.hasPrefix("-") || rest.hasPrefix(":") {
        guard lineStyle == nil else { return nil }
        lineStyle = LineStyle(name: String(rest.prefix(1)))
        rest = rest.dropFirst()
      } else if rest.hasPrefix("C"), rest.count >= 2, let digit = rest.dropFirst().first,
        digit.isNumber
      {
        guard color == nil else { return nil }
        color = Color("C" + String(digit))
        rest = rest.dropFirst(2)
      } else if let first = rest.first, "bgrcmykw".contains(first) {
        guard color == nil else { return nil }
        color = Color(String(first))
        rest = rest.dropFirst()
      } else if let first = rest.first, let parsed = Marker(rawValue: String(first)) {
        guard marker == nil else { return nil }
        marker = parsed
        rest = rest.dropFirst()
      } else {
        return nil
      }
    }
  }
}

/// Where an anchored box (a legend) sits in its axes.
public enum Location: String, CaseIterable, Sendable {
  case best
  case upperRight = "upper right"
  case upperLeft = "upper left"
  case lowerLeft = "lower left"
  case lowerRight = "lower right"
  case right
  case centerLeft = "center left"
  case centerRight = "center right"
  case lowerCenter = "lower center"
  case upperCenter = "upper center"
  case center

  /// Fractions of the free space to the left and above the box (0 = flush left / top).
  var anchor: (x: Double, y: Double) {
    switch self {
    case .best, .upperRight: return (1, 0)
    case .upperLeft: return (0, 0)
    case .lowerLeft: return (0, 1)
    case .lowerRight: return (1, 1)
    case .right, .centerRight: return (1, 0.5)
    case .centerLeft: return (0, 0.5)
    case .lowerCenter: return (0.5, 1)
    case .upperCenter: return (0.5, 0)
    case .center: return (0.5, 0.5)
    }
  }
}

/// Horizontal text alignment.
public enum HorizontalAlignment: String, Sendable {
  case left, center, right
}

/// Vertical text alignment.
public enum VerticalAlignment: String, Sendable {
  case top, center, bottom, baseline
}
