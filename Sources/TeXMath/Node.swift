/// A node of the TeX math syntax tree, with the source range it came from.
public struct Node: Sendable, Equatable {
  public var kind: Kind
  /// Unicode scalar offsets in the formula source.
  public var range: Range<Int>

  public init(_ kind: Kind, _ range: Range<Int>) {
    self.kind = kind
    self.range = range
  }

  /// What a node is. Each case maps to one MathML construct.
  public indirect enum Kind: Sendable, Equatable {
    /// A letter or name (`<mi>`); `upright` forces `mathvariant="normal"` on one character.
    case identifier(String, upright: Bool)
    case number(String)
    /// An operator (`<mo>`) of a TeX atom class.
    case symbol(String, AtomClass)
    /// Text (`<mtext>`).
    case text(String)
    /// Text in a font of its own (`\textbf`, `\texttt`), as a CSS declaration.
    case textFont(Node, css: String)
    /// Horizontal space in em (negative allowed).
    case space(Double)
    /// A braced group or any sequence.
    case row([Node])
    /// Scripts; `limits` is `\limits` (true), `\nolimits` (false) or TeX's default (nil).
    case scripts(base: Node, sub: Node?, sup: Node?, limits: Bool?)
    /// A fraction; `thickness` nil is the default rule, `style` forces a math style.
    case fraction(numerator: Node, denominator: Node, thickness: String?, style: MathStyle?)
    /// `\left ... \middle ... \right`; an empty delimiter is `.`.
    case delimited(open: String, body: [Node], close: String)
    /// `\middle` inside a `.delimited` body.
    case middle(String)
    /// An operator stretched to at least a size in em (the arrows of `{CD}`).
    case stretched(Node, minimum: Double)
    /// `\big(` and friends: a delimiter at a fixed size (1...4), of a class.
    case sizedDelimiter(String, size: Int, AtomClass)
    case root(Node, index: Node?)
    /// `\sideset`: scripts before and after a base.
    case multiscripts(base: Node, preSub: Node?, preSup: Node?, postSub: Node?, postSup: Node?)
    /// An accent above (or below) a base; `stretchy` accents span the whole base.
    case accent(Node, mark: String, stretchy: Bool, below: Bool)
    /// `\overset`, `\underset`, `\stackrel`, extensible arrows.
    case overUnder(base: Node, over: Node?, under: Node?)
    /// Named function such as `\sin` or `\operatorname{f}`; `limits` for `\lim`-like ones.
    case function(String, limits: Bool)
    /// An operator built from a group (`\mathop`, `\mathrel`, ...).
    case classed(Node, AtomClass)
    case table(Table)
    /// `\displaystyle` and friends, applied to what follows in the group.
    case styled(Node, MathStyle)
    case colored(Node, color: String)
    /// `\Large` and friends, as a size factor.
    case sized(Node, scale: Double)
    case boxed(Node)
    /// `\cancel`-like strikes, with MathML's `notation`.
    case enclosed(Node, notation: String)
    case phantom(Node)
    /// `\smash`: the content without its height (`top`), its depth (`bottom`) or both.
    case smashed(Node, top: Bool, bottom: Bool)
    /// Zero-width overlap (`\rlap`, `\llap`, `\clap`).
    case lap(Node, align: String)
    /// A filled rectangle (`\rule`), in em.
    case rule(width: Double, height: Double)
    /// `\raisebox`.
    case raised(Node, by: Double)
    /// `\mathchoice`: display, text, script, scriptscript.
    case choice([Node])
    /// A line break (`\\` outside an environment).
    case newline
  }
}

/// TeX's classes of atoms: they decide the MathML element and the spacing.
public enum AtomClass: Sendable, Equatable {
  case ordinary
  case largeOperator(limits: Bool)
  case binary
  case relation
  case open
  case close
  case punctuation
  case inner
}

/// TeX's four math styles.
public enum MathStyle: Int, Sendable, Equatable, Comparable {
  case display, text, script, scriptScript

  public static func < (a: MathStyle, b: MathStyle) -> Bool { a.rawValue < b.rawValue }

  /// The style of a fraction's numerator and denominator.
  var fraction: MathStyle {
    switch self {
    case .display: .text
    case .text: .script
    case .script, .scriptScript: .scriptScript
    }
  }

  /// The style of a subscript or superscript.
  var script: MathStyle {
    switch self {
    case .display, .text: .script
    case .script, .scriptScript: .scriptScript
    }
  }
}

/// An environment's grid (`matrix`, `array`, `aligned`, `cases`, ...).
public struct Table: Sendable, Equatable {
  public var rows: [[Node]]
  /// Per column: "left", "center" or "right"; the last repeats.
  public var columnAlign: [String]
  /// Rules from an array's column spec ("solid", "dashed", "double", "none"): index i is the
  /// rule before column i, and one more entry is the rule after the last column.
  public var columnLines: [String]
  /// Rules from `\hline` and `\hdashline`: index i is the rule above row i, and one more entry
  /// is the rule below the last row.
  public var rowLines: [String]
  /// Style of the cells.
  public var cellStyle: MathStyle
  /// Alternate right/left aligned pairs, as in `aligned`: the right cell starts with `{}`.
  public var alignPairs: Bool
  /// Delimiters around the grid (`pmatrix`, `cases`), "" for none.
  public var open: String
  public var close: String
}
