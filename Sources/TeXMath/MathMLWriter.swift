/// Writes ``Node``s as MathML Core markup, tracking TeX's math style to place limits.
struct MathMLWriter {
  private(set) var out = ""
  /// Nodes open now, and where the first node past the limit was: the parser bounds a tree's
  /// depth already, and this bounds the writer's stack whatever tree it is given.
  private var depth = 0
  private(set) var tooDeep: Range<Int>?
  /// Where the output passed `outputLimit`, if it did: copies (\bordermatrix writes phantoms
  /// of its cells, macros repeat their bodies) can multiply the output of a short formula.
  private(set) var tooLarge: Range<Int>?
  var outputLimit = Int.max

  /// Deeper than any tree the parser builds (a level of parsing adds at most a few nodes).
  static let maximumDepth = 8 * Parser.maximumDepth

  static let namespace = "http://www.w3.org/1998/Math/MathML"

  /// A complete `<math>` element with the TeX source as an annotation.
  mutating func document(_ nodes: [Node], source: String, display: Bool) -> String {
    out.reserveCapacity(source.utf8.count * 16 + 160)
    open(display: display)
    let style: MathStyle = display ? .display : .text
    if nodes.contains(where: { $0.kind == .newline }) {
      writeLines(nodes, style: style, display: display)
    } else {
      out += "<mrow>"
      writeSequence(nodes, style: style)
      out += "</mrow>"
    }
    close(source)
    return out
  }

  /// The `<math>` shown for a formula that could not be converted: why, in an `<merror>`; the
  /// source stays in the annotation.
  static func errorDocument(_ source: String, message: String, display: Bool) -> String {
    var writer = MathMLWriter()
    writer.open(display: display)
    writer.out += "<merror><mtext>"
    writer.escape(message)
    writer.out += "</mtext></merror>"
    writer.close(source)
    return writer.out
  }

  private mutating func open(display: Bool) {
    out += "<math xmlns=\"\(Self.namespace)\""
    if display { out += " display=\"block\"" }
    out += "><semantics>"
  }

  private mutating func close(_ source: String) {
    out += "<annotation encoding=\"application/x-tex\">"
    escape(source)
    out += "</annotation></semantics></math>"
  }

  /// Top-level `\\`: one left-aligned table row per line.
  private mutating func writeLines(_ nodes: [Node], style: MathStyle, display: Bool) {
    var lines: [[Node]] = [[]]
    for node in nodes {
      if node.kind == .newline { lines.append([]) } else { lines[lines.count - 1].append(node) }
    }
    out += "<mtable"
    if display { out += " displaystyle=\"true\"" }
    out += ">"
    for line in lines {
      out += "<mtr><mtd style=\"text-align:-webkit-left\"><mrow>"
      writeSequence(line, style: style)
      out += "</mrow></mtd></mtr>"
    }
    out += "</mtable>"
  }

  // MARK: - Sequences

  /// Writes nodes one after another, adding function application marks and their thin space.
  mutating func writeSequence(_ nodes: [Node], style: MathStyle) {
    var i = 0
    while i < nodes.count {
      defer { i += 1 }
      let node = nodes[i]
      if Self.isUprightLetter(node), i + 1 < nodes.count, Self.isUprightLetter(nodes[i + 1]) {
        // \mathrm{ReLU} is one name, as TeX sets it: one <mi>, upright because it is long.
        out += "<mi>"
        while i < nodes.count, case .identifier(let s, _) = nodes[i].kind,
          Self.isUprightLetter(nodes[i])
        {
          out += s
          i += 1
        }
        out += "</mi>"
        i -= 1
        continue
      }
      if case .symbol(let s, .binary) = node.kind,
        Self.makesBinaryOrdinary(i > 0 ? nodes[i - 1] : nil, before: true)
          || Self.makesBinaryOrdinary(i + 1 < nodes.count ? nodes[i + 1] : nil, before: false)
      {
        // TeX turns a binary operator with nothing to combine into an ordinary atom: -x, (+, a=-b.
        out += "<mo lspace=\"0em\" rspace=\"0em\">"
        escape(s)
        out += "</mo>"
      } else {
        write(node, style: style)
      }
      if Self.isFunction(node), i + 1 < nodes.count {
        out += "<mo>\u{2061}</mo>"
        if Self.wantsThinSpaceAfterFunction(nodes[i + 1]) {
          out += "<mspace width=\"0.1667em\"></mspace>"
        }
      }
    }
  }

  static func isUprightLetter(_ node: Node) -> Bool {
    guard case .identifier(let s, true) = node.kind, s.utf8.count == 1, let c = s.utf8.first
    else { return false }
    return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
  }

  /// Whether a neighbour leaves a binary operator without an operand on that side.
  static func makesBinaryOrdinary(_ neighbour: Node?, before: Bool) -> Bool {
    guard var neighbour else { return true }
    while case .overUnder(let base, _, _) = neighbour.kind { neighbour = base }
    switch neighbour.kind {
    case .symbol(_, let cls), .sizedDelimiter(_, _, let cls), .classed(_, let cls):
      switch cls {
      case .relation, .punctuation: return true
      case .binary, .open, .largeOperator: return before
      case .close: return !before
      case .ordinary, .inner: return false
      }
    case .middle, .newline: return true
    case .scripts(let base, _, _, _):
      if case .symbol(_, .largeOperator) = base.kind { return before }
      return false
    default: return false
    }
  }

  static func isFunction(_ node: Node) -> Bool {
    var node = node
    while case .scripts(let base, _, _, _) = node.kind { node = base }
    if case .function = node.kind { return true }
    return false
  }

  /// TeX puts a thin space between an operator name and an ordinary atom, not before a fence.
  static func wantsThinSpaceAfterFunction(_ next: Node) -> Bool {
    var next = next
    while true {
      switch next.kind {
      case .symbol(_, let cls):
        return cls == .ordinary || cls == .largeOperator(limits: true)
          || cls == .largeOperator(limits: false)
      case .delimited, .sizedDelimiter, .space, .newline, .table: return false
      case .row(let nodes):
        guard let first = nodes.first else { return false }
        next = first
      case .scripts(let base, _, _, _): next = base
      default: return true
      }
    }
  }

  /// Writes a node as exactly one element (wrapping sequences in `<mrow>`).
  mutating func writeArgument(_ node: Node, style: MathStyle) {
    write(node, style: style)
  }

  // MARK: - Nodes

  mutating func write(_ node: Node, style: MathStyle) {
    depth += 1
    defer { depth -= 1 }
    if depth > Self.maximumDepth {
      if tooDeep == nil { tooDeep = node.range }
      return
    }
    if out.utf8.count > outputLimit {
      if tooLarge == nil { tooLarge = node.range }
      return
    }
    switch node.kind {
    case .identifier(let s, let upright):
      out += upright && s.unicodeScalars.count == 1 ? "<mi mathvariant=\"normal\">" : "<mi>"
      escape(s)
      out += "</mi>"
    case .number(let s):
      out += "<mn>"
      out += s
      out += "</mn>"
    case .symbol(let s, let cls):
      writeOperator(s, cls)
    case .text(let s):
      out += "<mtext>"
      for c in s.unicodeScalars {
        switch c {
        case " ": out += "\u{A0}"
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        default: out.unicodeScalars.append(Self.xmlCharacter(c))
        }
      }
      out += "</mtext>"
    case .stretched(let inner, let minimum):
      guard case .symbol(let s, _) = inner.kind else {
        write(inner, style: style)
        return
      }
      out += "<mo stretchy=\"true\" minsize=\"\(Parser.format(minimum))em\">"
      escape(s)
      out += "</mo>"
    case .textFont(let inner, let css):
      out += "<mstyle style=\"\(css)\">"
      write(inner, style: style)
      out += "</mstyle>"
    case .space(let width):
      out += "<mspace width=\"\(Parser.format(width))em\"></mspace>"
    case .row(let nodes):
      if nodes.count == 1 {
        write(nodes[0], style: style)
      } else if nodes.count > 1, nodes.allSatisfy(Self.isUprightLetter) {
        writeSequence(nodes, style: style)
      } else {
        out += "<mrow>"
        writeSequence(nodes, style: style)
        out += "</mrow>"
      }
    case .scripts(let base, let sub, let sup, let limits):
      writeScripts(base, sub: sub, sup: sup, limits: limits, style: style)
    case .fraction(let numerator, let denominator, let thickness, let forced):
      let own = forced ?? style
      let wrap = forced != nil && forced != style
      if wrap { openStyle(own) }
      out += "<mfrac"
      if let thickness { out += " linethickness=\"\(thickness == "0" ? "0px" : thickness)\"" }
      out += ">"
      write(numerator, style: own.fraction)
      write(denominator, style: own.fraction)
      out += "</mfrac>"
      if wrap { out += "</mstyle>" }
    case .delimited(let open, let body, let close):
      out += "<mrow>"
      writeFence(open, form: "prefix")
      writeSequence(body, style: style)
      writeFence(close, form: "postfix")
      out += "</mrow>"
    case .middle(let d):
      writeFence(d, form: "infix")
    case .sizedDelimiter(let d, let size, let cls):
      guard !d.isEmpty else {
        out += "<mspace width=\"0.12em\"></mspace>"
        return
      }
      let em = ["1.2em", "1.8em", "2.4em", "3em"][max(0, min(3, size - 1))]
      out += "<mo"
      switch cls {
      case .open: out += " form=\"prefix\" fence=\"true\""
      case .close: out += " form=\"postfix\" fence=\"true\""
      case .relation: out += " lspace=\"0.2778em\" rspace=\"0.2778em\""
      default: out += " lspace=\"0em\" rspace=\"0em\""
      }
      out += " stretchy=\"true\" symmetric=\"true\" minsize=\"\(em)\" maxsize=\"\(em)\">"
      escape(d)
      out += "</mo>"
    case .root(let radicand, let index):
      if let index {
        out += "<mroot>"
        write(radicand, style: style)
        write(index, style: .scriptScript)
        out += "</mroot>"
      } else {
        out += "<msqrt>"
        write(radicand, style: style)
        out += "</msqrt>"
      }
    case .accent(let base, let mark, let stretchy, let below):
      out += below ? "<munder accentunder=\"true\">" : "<mover accent=\"true\">"
      write(base, style: style)
      // A full-size arrow towers over a letter; TeX's \vec arrow is about script size.
      out +=
        stretchy
        ? "<mo stretchy=\"true\">"
        : mark == "→"
          ? "<mo stretchy=\"false\" mathsize=\"70%\">"
          : "<mo stretchy=\"false\">"
      escape(mark)
      out += "</mo>"
      out += below ? "</munder>" : "</mover>"
    case .overUnder(let base, let over, let under):
      switch (over, under) {
      case (let over?, let under?):
        out += "<munderover>"
        write(base, style: style)
        write(under, style: style.script)
        write(over, style: style.script)
        out += "</munderover>"
      case (let over?, nil):
        out += "<mover>"
        write(base, style: style)
        write(over, style: style.script)
        out += "</mover>"
      case (nil, let under?):
        out += "<munder>"
        write(base, style: style)
        write(under, style: style.script)
        out += "</munder>"
      case (nil, nil):
        write(base, style: style)
      }
    case .function(let name, _):
      out += name.unicodeScalars.count == 1 ? "<mi mathvariant=\"normal\">" : "<mi>"
      escape(name)
      out += "</mi>"
    case .classed(let inner, let cls):
      writeClassed(inner, cls, style: style)
    case .table(let table):
      writeTable(table)
    case .styled(let inner, let s):
      openStyle(s)
      write(inner, style: s)
      out += "</mstyle>"
    case .colored(let inner, let color):
      out += "<mstyle mathcolor=\"\(color)\">"
      write(inner, style: style)
      out += "</mstyle>"
    case .sized(let inner, let scale):
      out += "<mstyle mathsize=\"\(Parser.format(scale))em\">"
      write(inner, style: style)
      out += "</mstyle>"
    case .boxed(let inner):
      out += "<menclose notation=\"box\" style=\"padding:0.2em;border:0.06em solid\">"
      write(inner, style: style)
      out += "</menclose>"
    case .enclosed(let inner, let notation):
      // Chromium ignores menclose's notation: a gradient draws the strike in any engine.
      out += "<menclose notation=\"\(notation)\" style=\"background:\(Self.strikes(notation))\">"
      write(inner, style: style)
      out += "</menclose>"
    case .phantom(let inner):
      out += "<mphantom>"
      write(inner, style: style)
      out += "</mphantom>"
    case .smashed(let inner, let top, let bottom):
      out += "<mpadded"
      if top { out += " height=\"0px\"" }
      if bottom { out += " depth=\"0px\"" }
      out += ">"
      write(inner, style: style)
      out += "</mpadded>"
    case .lap(let inner, let align):
      out += "<mpadded width=\"0px\""
      if align == "left" { out += " style=\"direction:rtl\"" }
      out += ">"
      write(inner, style: style)
      out += "</mpadded>"
    case .rule(let width, let height):
      out += "<mspace width=\"\(Parser.format(width))em\" height=\"\(Parser.format(height))em\""
      out += " mathbackground=\"currentColor\"></mspace>"
    case .raised(let inner, let by):
      out += "<mpadded voffset=\"\(Parser.format(by))em\">"
      write(inner, style: style)
      out += "</mpadded>"
    case .multiscripts(let base, let preSub, let preSup, let postSub, let postSup):
      writeMultiscripts(base, pre: (preSub, preSup), post: (postSub, postSup), style: style)
    case .choice(let choices):
      let i = min(style.rawValue, choices.count - 1)
      if i >= 0 { write(choices[i], style: style) } else { out += "<mrow></mrow>" }
    case .newline:
      out += "<mspace linebreak=\"newline\"></mspace>"
    }
  }

  /// CSS backgrounds drawing menclose strikes: a gradient "to top right" has its 50% line on
  /// the other diagonal, so it draws `\\`.
  static func strikes(_ notation: String) -> String {
    func line(_ direction: String) -> String {
      "linear-gradient(\(direction),transparent calc(50% - 0.04em),currentColor calc(50% - 0.04em),"
        + "currentColor calc(50% + 0.04em),transparent calc(50% + 0.04em))"
    }
    var layers: [String] = []
    for part in notation.split(separator: " ") {
      switch part {
      case "updiagonalstrike": layers.append(line("to top left"))
      case "downdiagonalstrike": layers.append(line("to top right"))
      // \cancelto's arrow: the strike drawn for updiagonalstrike is its shaft.
      case "updiagonalarrow": continue
      default: layers.append(line("to top"))
      }
    }
    return layers.joined(separator: ",")
  }

  private mutating func openStyle(_ style: MathStyle) {
    switch style {
    case .display: out += "<mstyle displaystyle=\"true\" scriptlevel=\"0\">"
    case .text: out += "<mstyle displaystyle=\"false\" scriptlevel=\"0\">"
    case .script: out += "<mstyle displaystyle=\"false\" scriptlevel=\"1\">"
    case .scriptScript: out += "<mstyle displaystyle=\"false\" scriptlevel=\"2\">"
    }
  }

  /// Ordinary symbols that MathML would space as operators are written with no space.
  private mutating func writeOperator(_ s: String, _ cls: AtomClass) {
    switch cls {
    case .ordinary:
      if s.unicodeScalars.count == 1, let c = s.unicodeScalars.first,
        !Symbols.delimiterCharacters.contains(c), c != "′", c != "."
      {
        out += "<mi mathvariant=\"normal\">"
        escape(s)
        out += "</mi>"
        return
      }
      out += "<mo lspace=\"0em\" rspace=\"0em\" stretchy=\"false\">"
    case .open: out += "<mo form=\"prefix\" stretchy=\"false\">"
    case .close: out += "<mo form=\"postfix\" stretchy=\"false\">"
    case .punctuation: out += "<mo separator=\"true\">"
    case .largeOperator, .binary, .relation, .inner: out += "<mo>"
    }
    escape(s)
    out += "</mo>"
  }

  private mutating func writeFence(_ d: String, form: String) {
    guard !d.isEmpty else { return }
    out += "<mo fence=\"true\" form=\"\(form)\" stretchy=\"true\" symmetric=\"true\""
    if form == "infix" { out += " lspace=\"0.05em\" rspace=\"0.05em\"" }
    out += ">"
    escape(d)
    out += "</mo>"
  }

  private mutating func writeClassed(_ inner: Node, _ cls: AtomClass, style: MathStyle) {
    var leaf: String?
    switch inner.kind {
    case .identifier(let s, _), .symbol(let s, _), .number(let s): leaf = s
    case .row(let nodes) where nodes.count == 1:
      switch nodes[0].kind {
      case .identifier(let s, _), .symbol(let s, _), .number(let s): leaf = s
      default: break
      }
    default: break
    }
    let space: String =
      switch cls {
      case .binary: "0.2222em"
      case .relation: "0.2778em"
      case .largeOperator: "0.1667em"
      default: "0em"
      }
    if let leaf, cls != .ordinary {
      out += "<mo lspace=\"\(space)\" rspace=\"\(space)\""
      if case .largeOperator = cls, leaf.unicodeScalars.count > 1 || leaf.first?.isLetter == true {
        out += " movablelimits=\"false\""
      }
      out += ">"
      escape(leaf)
      out += "</mo>"
      return
    }
    if space == "0em" {
      write(inner, style: style)
      return
    }
    out += "<mrow><mspace width=\"\(space)\"></mspace>"
    write(inner, style: style)
    out += "<mspace width=\"\(space)\"></mspace></mrow>"
  }

  // MARK: - Scripts

  /// Whether a base takes its scripts as limits above and below, as TeX decides.
  private static func takesLimits(_ base: Node, explicit: Bool?, style: MathStyle) -> Bool {
    if let explicit { return explicit }
    var base = base
    var style = style
    while true {
      switch base.kind {
      case .symbol(_, .largeOperator(let limits)): return limits && style == .display
      case .function(_, let limits): return limits && style == .display
      case .classed(_, .largeOperator(let limits)): return limits && style == .display
      case .accent(_, let mark, _, _):
        return mark == "⏞" || mark == "⏟" || mark == "⎴" || mark == "⎵"
      case .row(let nodes) where nodes.count == 1: base = nodes[0]
      case .multiscripts(let inner, _, _, _, _): base = inner
      case .styled(let inner, let s):
        base = inner
        style = s
      default: return false
      }
    }
  }

  private mutating func writeScripts(
    _ base: Node, sub: Node?, sup: Node?, limits: Bool?, style: MathStyle
  ) {
    let asLimits = Self.takesLimits(base, explicit: limits, style: style)
    let element: String
    switch (asLimits, sub != nil, sup != nil) {
    case (true, true, true): element = "munderover"
    case (true, true, false): element = "munder"
    case (true, false, _): element = "mover"
    case (false, true, true): element = "msubsup"
    case (false, true, false): element = "msub"
    case (false, false, _): element = "msup"
    }
    out += "<\(element)>"
    if asLimits, case .symbol(let s, .largeOperator) = base.kind {
      out += "<mo movablelimits=\"false\">"
      escape(s)
      out += "</mo>"
    } else {
      write(base, style: style)
    }
    if let sub { write(sub, style: style.script) }
    if let sup { write(sup, style: style.script) }
    if sub == nil, sup == nil { out += "<mrow></mrow>" }
    out += "</\(element)>"
  }

  /// `\sideset`'s scripts around a base; with no scripts before it, plain scripts after it.
  private mutating func writeMultiscripts(
    _ base: Node, pre: (sub: Node?, sup: Node?), post: (sub: Node?, sup: Node?), style: MathStyle
  ) {
    if pre.sub == nil, pre.sup == nil {
      if post.sub == nil, post.sup == nil {
        write(base, style: style)
      } else {
        writeScripts(base, sub: post.sub, sup: post.sup, limits: false, style: style)
      }
      return
    }
    out += "<mmultiscripts>"
    write(base, style: style)
    for script in [post.sub, post.sup] where post.sub != nil || post.sup != nil {
      if let script { write(script, style: style.script) } else { out += "<mrow></mrow>" }
    }
    out += "<mprescripts></mprescripts>"
    for script in [pre.sub, pre.sup] {
      if let script { write(script, style: style.script) } else { out += "<mrow></mrow>" }
    }
    out += "</mmultiscripts>"
  }

  // MARK: - Tables

  private mutating func writeTable(_ table: Table) {
    let hasFences = !table.open.isEmpty || !table.close.isEmpty
    if hasFences {
      out += "<mrow>"
      writeFence(table.open, form: "prefix")
    }
    out += "<mtable"
    switch table.cellStyle {
    case .display: out += " displaystyle=\"true\""
    case .text: out += " displaystyle=\"false\""
    case .script: out += " displaystyle=\"false\" scriptlevel=\"1\""
    case .scriptScript: out += " displaystyle=\"false\" scriptlevel=\"2\""
    }
    let columns = table.rows.map(\.count).max() ?? 0
    // Short rows are padded with empty cells so that rules and alignment reach the last column;
    // a ragged table (one long row, many short ones) would pad quadratically, so it is left
    // ragged, as MathML allows: the output stays linear in the input.
    let cells = table.rows.reduce(0) { $0 + $1.count }
    let padded = table.rows.count.multipliedReportingOverflow(by: columns)
    let padsRows = !padded.overflow && padded.partialValue <= 4 * cells + 4096
    func align(_ column: Int) -> String {
      if table.alignPairs { return column % 2 == 0 ? "right" : "left" }
      return column < table.columnAlign.count
        ? table.columnAlign[column] : table.columnAlign.last ?? "center"
    }
    if columns > 0 {
      out += " columnalign=\""
      for c in 0..<columns {
        if c > 0 { out += " " }
        out += align(c)
      }
      out += "\""
    }
    out += ">"
    for (r, row) in table.rows.enumerated() {
      out += "<mtr>"
      // A row of \hphantoms (\bordermatrix's labels under the matrix) takes no height.
      let squashed =
        !row.isEmpty
        && row.allSatisfy {
          if case .smashed(_, true, true) = $0.kind { true } else { false }
        }
      for c in 0..<(padsRows ? columns : row.count) {
        var css = ""
        let a = align(c)
        // Chromium aligns an mtd's math box only with the -webkit- values; Firefox reads
        // the mtable's columnalign.
        if a != "center" { css += "text-align:-webkit-\(a);" }
        if table.alignPairs {
          css += c % 2 == 0 ? "padding-right:0;" : "padding-left:0;"
          if c % 2 == 1, c + 1 < columns { css += "padding-right:1em;" }
        }
        if c < table.columnLines.count, let border = Self.border(table.columnLines[c]) {
          css += "border-left:\(border);"
        } else if c == 0, !table.alignPairs {
          // TeX puts no space outside a matrix's first and last columns.
          css += "padding-left:0;"
        }
        if c == columns - 1, !table.alignPairs,
          columns >= table.columnLines.count || Self.border(table.columnLines[columns]) == nil
        {
          css += "padding-right:0;"
        }
        if c == columns - 1, columns < table.columnLines.count,
          let border = Self.border(table.columnLines[columns])
        {
          css += "border-right:\(border);"
        }
        if squashed { css += "padding-top:0;padding-bottom:0;" }
        if r < table.rowLines.count, let border = Self.border(table.rowLines[r]) {
          css += "border-top:\(border);"
        }
        if r == table.rows.count - 1, r + 1 < table.rowLines.count,
          let border = Self.border(table.rowLines[r + 1])
        {
          css += "border-bottom:\(border);"
        }
        if css.isEmpty {
          out += "<mtd>"
        } else {
          out += "<mtd style=\"\(css.dropLast())\">"
        }
        if c < row.count {
          if table.alignPairs, c % 2 == 1 {
            // An empty atom before the cell keeps a leading relation infix, as `{}=` does.
            out += "<mrow><mrow></mrow>"
            if case .row(let nodes) = row[c].kind {
              writeSequence(nodes, style: table.cellStyle)
            } else {
              write(row[c], style: table.cellStyle)
            }
            out += "</mrow>"
          } else {
            write(row[c], style: table.cellStyle)
          }
        }
        out += "</mtd>"
      }
      out += "</mtr>"
    }
    out += "</mtable>"
    if hasFences {
      writeFence(table.close, form: "postfix")
      out += "</mrow>"
    }
  }

  private static func border(_ line: String) -> String? {
    switch line {
    case "solid": "0.06em solid"
    case "dashed": "0.06em dashed"
    case "double": "0.2em double"
    default: nil
    }
  }

  // MARK: - Escaping

  mutating func escape(_ s: String) {
    var plain = true
    for b in s.utf8
    where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b < 0x20 || b == 0xEF {
      plain = false
      break
    }
    if plain {
      out += s
      return
    }
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.unicodeScalars.append(Self.xmlCharacter(c))
      }
    }
  }

  /// XML 1.0 forbids most control characters and U+FFFE/U+FFFF even as references.
  static func xmlCharacter(_ c: Unicode.Scalar) -> Unicode.Scalar {
    switch c.value {
    case 0x9, 0xA, 0xD, 0x20...0xFFFD, 0x10000...: c
    default: "\u{FFFD}"
    }
  }
}
