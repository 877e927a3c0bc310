/// `\begin{...}...\end{...}`: matrices, arrays, cases and alignments.
extension Parser {
  /// The layout an environment asks for.
  private struct Layout {
    var open = ""
    var close = ""
    var align: [String] = ["center"]
    var lines: [String] = []
    var style: MathStyle = .text
    var alignPairs = false
  }

  mutating func parseEnvironment(_ range: Range<Int>) throws(MathError) -> Node {
    let name = try readEnvironmentName()
    var layout = Layout()
    switch name {
    case "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "matrix*", "pmatrix*",
      "bmatrix*", "Bmatrix*", "vmatrix*", "Vmatrix*", "smallmatrix":
      let delimiters: [String: (String, String)] = [
        "pmatrix": ("(", ")"), "bmatrix": ("[", "]"), "Bmatrix": ("{", "}"),
        "vmatrix": ("|", "|"), "Vmatrix": ("‖", "‖"),
      ]
      let base = name.hasSuffix("*") ? String(name.dropLast()) : name
      if let (open, close) = delimiters[base] {
        layout.open = open
        layout.close = close
      }
      if name.hasSuffix("*"), let option = try readOptionalTokens() {
        layout.align = [Self.alignment(plainText(option).trimmingSpaces())]
      }
      if name == "smallmatrix" { layout.style = .script }
    case "cases", "dcases":
      layout.open = "{"
      layout.align = ["left", "left"]
      layout.style = name == "dcases" ? .display : .text
    case "rcases", "drcases":
      layout.close = "}"
      layout.align = ["left", "left"]
      layout.style = name == "drcases" ? .display : .text
    case "array", "darray", "subarray":
      let spec = try readBalancedGroup()
      (layout.align, layout.lines) = try columnSpec(spec)
      layout.style = name == "darray" ? .display : name == "subarray" ? .script : .text
    case "aligned", "align", "align*", "split", "alignat", "alignat*", "alignedat", "eqnarray",
      "eqnarray*", "flalign", "flalign*":
      if name.hasPrefix("alignat") || name == "alignedat" { _ = try readArgumentTokens() }
      layout.align = ["right", "left"]
      layout.style = .display
      layout.alignPairs = true
    case "gathered", "gather", "gather*", "multline", "multline*":
      layout.style = .display
    case "equation", "equation*":
      let body = try parseExpression([])
      try expectEnd(name, range)
      return Node(.row(body), Self.spanning(range.lowerBound, tokens[pos - 1].range.upperBound))
    case "CD":
      return try parseCommutativeDiagram(range)
    default:
      throw MathError("Unknown environment {\(name)}", at: range)
    }
    var table = try parseTableBody(environment: name)
    table.open = layout.open
    table.close = layout.close
    table.columnAlign = layout.align
    table.columnLines = layout.lines
    table.cellStyle = layout.style
    table.alignPairs = layout.alignPairs
    return Node(.table(table), Self.spanning(range.lowerBound, tokens[pos - 1].range.upperBound))
  }

  static func alignment(_ letter: String) -> String {
    switch letter {
    case "l": "left"
    case "r": "right"
    default: "center"
    }
  }

  mutating func readEnvironmentName() throws(MathError) -> String {
    let tokens = try readBalancedGroup()
    return plainText(tokens).trimmingSpaces()
  }

  mutating func expectEnd(_ name: String, _ range: Range<Int>) throws(MathError) {
    guard let t = try peek(), t.kind == .command("end") else {
      throw MathError("Missing \\end{\(name)}", at: range)
    }
    pos += 1
    let end = try readEnvironmentName()
    guard end == name else {
      throw MathError("\\begin{\(name)} ended by \\end{\(end)}", at: t.range)
    }
  }

  /// Column alignments and the rules around them, from an array spec such as `{|rl:c||}`.
  func columnSpec(_ spec: [Token]) throws(MathError) -> ([String], [String]) {
    var align: [String] = []
    var lines: [String] = ["none"]
    var i = 0
    while i < spec.count {
      let token = spec[i]
      switch token.kind {
      case .char("l"), .char("c"), .char("r"):
        if case .char(let c) = token.kind { align.append(Self.alignment(String(c))) }
        lines.append("none")
      case .char("|"):
        lines[lines.count - 1] = lines[lines.count - 1] == "solid" ? "double" : "solid"
      case .char(":"):
        lines[lines.count - 1] = "dashed"
      case .char("p"), .char("m"), .char("b"), .char("@"), .char("!"), .char(">"), .char("<"):
        let isColumn =
          token.kind != .char("@") && token.kind != .char("!")
          && token.kind != .char(">") && token.kind != .char("<")
        i += 1
        while i < spec.count, spec[i].kind == .space { i += 1 }
        guard i < spec.count, spec[i].kind == .char("{") else {
          throw MathError("Invalid column specification", at: token.range)
        }
        var level = 0
        repeat {
          if spec[i].kind == .char("{") { level += 1 }
          if spec[i].kind == .char("}") { level -= 1 }
          i += 1
        } while i < spec.count && level > 0
        i -= 1
        if isColumn {
          align.append("left")
          lines.append("none")
        }
      case .space:
        break
      default:
        throw MathError("Invalid column specification", at: token.range)
      }
      i += 1
    }
    if align.isEmpty { align = ["center"] }
    return (align, lines)
  }

  /// Rows of cells up to `\end{environment}` (or up to `}` when `environment` is nil).
  mutating func parseTableBody(environment: String?) throws(MathError) -> Table {
    let start = here
    var rows: [[Node]] = []
    var rowLines: [String] = [readRowLines()]
    var row: [Node] = []
    let savedTags = tags
    tags = []
    defer { tags = savedTags }
    while true {
      let cellStart = here
      let cell = try parseExpression([.ampersand, .newline])
      row.append(Self.row(cell, cellStart.lowerBound..<cellStart.lowerBound))
      guard let t = try peek() else {
        throw MathError("Missing \\end{\(environment ?? "}")}", at: start)
      }
      let endsRow = t.kind != .char("&")
      if endsRow, !tags.isEmpty, let last = row.popLast() {
        // A row's \tag goes after its last cell, wherever it was written in the row.
        var content: [Node] = if case .row(let nodes) = last.kind { nodes } else { [last] }
        content.append(Node(.space(2), tags[0].range))
        content.append(contentsOf: tags)
        tags = []
        row.append(Self.row(content, last.range))
      }
      switch t.kind {
      case .char("&"):
        pos += 1
      case .command("\\"), .command("cr"):
        pos += 1
        _ = try readOptionalTokens()
        rows.append(row)
        row = []
        rowLines.append(readRowLines())
      case .command("end"):
        guard let environment else { throw MathError("Unexpected \\end", at: t.range) }
        rows.append(row)
        try expectEnd(environment, start)
        return finishTable(rows, rowLines)
      case .char("}") where environment == nil:
        rows.append(row)
        return finishTable(rows, rowLines)
      default:
        throw MathError("Missing \\end{\(environment ?? "}")}", at: t.range)
      }
    }
  }

  private func finishTable(_ rows: [[Node]], _ rowLines: [String]) -> Table {
    var rows = rows
    var rowLines = rowLines
    // A trailing `\\` leaves an empty last row that TeX does not show.
    if rows.count > 1, let last = rows.last, last.count == 1, case .row(let r) = last[0].kind,
      r.isEmpty
    {
      rows.removeLast()
      if rowLines.count > rows.count + 1 {
        let bottom = rowLines.removeLast()
        if bottom != "none" { rowLines[rowLines.count - 1] = bottom }
      }
    }
    while rowLines.count < rows.count + 1 { rowLines.append("none") }
    return Table(
      rows: rows, columnAlign: ["center"], columnLines: [], rowLines: rowLines,
      cellStyle: .text, alignPairs: false, open: "", close: "")
  }

  /// `\hline` and `\hdashline` at the start of a row: the rule above it.
  private mutating func readRowLines() -> String {
    var line = "none"
    while true {
      skipSpaces()
      guard pos < tokens.count else { return line }
      switch tokens[pos].kind {
      case .command("hline"):
        line = line == "solid" ? "double" : "solid"
      case .command("hdashline"):
        line = "dashed"
      default:
        return line
      }
      pos += 1
    }
  }
}

/// `\begin{CD}`: amscd's commutative diagrams, with `@>>>`, `@<<<`, `@VVV`, `@AAA`, `@=`, `@|`
/// and `@.` arrows. Rows of objects alternate with rows of vertical arrows.
extension Parser {
  mutating func parseCommutativeDiagram(_ range: Range<Int>) throws(MathError) -> Node {
    var body: [Token] = []
    var level = 0
    while true {
      guard pos < tokens.count else { throw MathError("Missing \\end{CD}", at: range) }
      let token = tokens[pos]
      if level == 0, token.kind == .command("end") { break }
      if token.kind == .char("{") { level += 1 }
      if token.kind == .char("}") { level -= 1 }
      body.append(token)
      pos += 1
    }
    try expectEnd("CD", range)
    var rows: [[Node]] = []
    for (index, line) in Self.split(body, at: { $0 == .command("\\") || $0 == .command("cr") })
      .enumerated()
    {
      if index > 0, line.allSatisfy({ $0.kind == .space }) { continue }
      rows.append(try commutativeDiagramRow(line, arrowsOnly: rows.count % 2 == 1))
    }
    let columns = rows.map(\.count).max() ?? 0
    for r in rows.indices {
      while rows[r].count < columns { rows[r].append(Node(.row([]), range)) }
    }
    let table = Table(
      rows: rows, columnAlign: ["center"], columnLines: [], rowLines: [],
      cellStyle: .display, alignPairs: false, open: "", close: "")
    return Node(.table(table), Self.spanning(range.lowerBound, tokens[pos - 1].range.upperBound))
  }

  /// One row: objects and horizontal arrows, or (every other row) vertical arrows under objects.
  private mutating func commutativeDiagramRow(_ line: [Token], arrowsOnly: Bool)
    throws(MathError) -> [Node]
  {
    var cells: [Node] = []
    var i = 0
    var object: [Token] = []
    func take(until end: Unicode.Scalar) -> [Token] {
      var label: [Token] = []
      while i < line.count, line[i].kind != .char(end) {
        label.append(line[i])
        i += 1
      }
      i += 1
      return label
    }
    while i < line.count {
      guard line[i].kind == .char("@"), i + 1 < line.count, case .char(let kind) = line[i + 1].kind
      else {
        object.append(line[i])
        i += 1
        continue
      }
      let at = line[i].range
      i += 2
      if !arrowsOnly { cells.append(try parseTokens(object, at)) }
      object = []
      switch kind {
      case ">", "<":
        let above = try parseTokens(take(until: kind), at)
        let below = try parseTokens(take(until: kind), at)
        let arrow = Node(.symbol(kind == ">" ? "⟶" : "⟵", .relation), at)
        cells.append(
          Node(
            .overUnder(
              base: Node(.stretched(arrow, minimum: 2.5), at),
              over: above, under: below), at))
      case "V", "A":
        let left = try parseTokens(take(until: kind), at)
        let right = try parseTokens(take(until: kind), at)
        let arrow = Node(.symbol(kind == "V" ? "↓" : "↑", .relation), at)
        cells.append(Node(.row([left, Node(.stretched(arrow, minimum: 2), at), right]), at))
      case "=":
        cells.append(Node(.stretched(Node(.symbol("=", .relation), at), minimum: 2.5), at))
      case "|":
        cells.append(Node(.stretched(Node(.symbol("‖", .relation), at), minimum: 2), at))
      case ".":
        cells.append(Node(.row([]), at))
      default:
        throw MathError("Unknown arrow @\(kind) in {CD}", at: at)
      }
      if arrowsOnly { cells.append(Node(.row([]), at)) }
    }
    if !arrowsOnly { cells.append(try parseTokens(object, line.last?.range ?? here)) }
    if arrowsOnly, !cells.isEmpty { cells.removeLast() }
    return cells
  }

  /// Parses tokens cut out of the stream as one math expression.
  mutating func parseTokens(_ part: [Token], _ at: Range<Int>) throws(MathError) -> Node {
    let savedTokens = tokens
    let savedPosition = pos
    tokens = TokenStream(part)
    pos = 0
    peeked = -1
    defer {
      tokens = savedTokens
      pos = savedPosition
      peeked = -1
    }
    let nodes = try parseExpression([])
    if let t = try peek() { throw MathError("Unexpected input in {CD}", at: t.range) }
    return Self.row(nodes, at)
  }

  static func split(_ tokens: [Token], at isSeparator: (Token.Kind) -> Bool) -> [[Token]] {
    var parts: [[Token]] = [[]]
    var level = 0
    for token in tokens {
      if token.kind == .char("{") { level += 1 }
      if token.kind == .char("}") { level -= 1 }
      if level == 0, isSeparator(token.kind) {
        parts.append([])
      } else {
        parts[parts.count - 1].append(token)
      }
    }
    return parts
  }
}

extension String {
  func trimmingSpaces() -> String {
    var s = Substring(self)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}

/// Plain TeX's matrices, written as commands: `\matrix{a & b \cr c & d}`, `\pmatrix{...}` and
/// `\bordermatrix{...}`.
extension Parser {
  /// The `{...}` grid after `\matrix`, `\pmatrix` or `\bordermatrix`.
  private mutating func parsePlainGrid(_ name: String) throws(MathError) -> Table {
    skipSpaces()
    guard isChar("{") else { throw error("Expected { after \\\(name)") }
    pos += 1
    var table = try parseTableBody(environment: nil)
    pos += 1
    table.cellStyle = .text
    return table
  }

  /// `\matrix`, `\pmatrix`, `\cases` (two left-aligned columns after a brace),
  /// `\displaylines` (centred display lines) and `\eqalign` (aligned pairs).
  mutating func parsePlainMatrix(_ name: String, _ range: Range<Int>) throws(MathError) -> Node {
    var table = try parsePlainGrid(name)
    switch name {
    case "pmatrix":
      table.open = "("
      table.close = ")"
    case "cases":
      table.open = "{"
      table.columnAlign = ["left", "left"]
    case "displaylines":
      table.cellStyle = .display
    case "eqalign":
      table.cellStyle = .display
      table.alignPairs = true
      table.columnAlign = ["right", "left"]
    default: break
    }
    return Node(.table(table), span(from: range.lowerBound))
  }

  /// `\bordermatrix{ & c_1 & c_2 \cr r_1 & a & b \cr r_2 & c & d}`: a parenthesised matrix with
  /// its first row above it and its first column to its left (the corner cell is dropped).
  ///
  /// Laid out as Temml lays it out: the row labels in a table of their own, beside the
  /// parenthesised matrix under the column labels (`mover`); each part holds the other's
  /// cells as phantoms (no height, or no width), so that rows and columns line up.
  mutating func parseBordermatrix(_ range: Range<Int>) throws(MathError) -> Node {
    let grid = try parsePlainGrid("bordermatrix")
    let at = span(from: range.lowerBound)
    let empty = Node(.row([]), at)
    guard let header = grid.rows.first else { return empty }
    let columns = max(0, grid.rows.map(\.count).max() ?? 0) - 1
    func cell(_ row: [Node], _ index: Int) -> Node { index < row.count ? row[index] : empty }
    func squashed(_ node: Node) -> Node {
      Node(.smashed(Node(.phantom(node), node.range), top: true, bottom: true), node.range)
    }
    func widthless(_ nodes: [Node]) -> Node {
      Node(.lap(Node(.phantom(Node(.row(nodes), at)), at), align: "right"), at)
    }
    let labels = (0..<columns).map { cell(header, $0 + 1) }
    let body = grid.rows.dropFirst().map { row in (0..<columns).map { cell(row, $0 + 1) } }
    func table(
      _ rows: [[Node]], open: String = "", close: String = "", align: String = "center"
    ) -> Node {
      var table = grid
      table.rows = rows
      table.rowLines = Array(repeating: "none", count: rows.count + 1)
      table.columnLines = []
      table.columnAlign = [align]
      table.open = open
      table.close = close
      return Node(.table(table), at)
    }
    // Plain TeX sets the row labels flush left.
    let left = table(
      zip(grid.rows.dropFirst(), body).map { row, cells in
        [Node(.row([cell(row, 0), widthless(cells)]), at)]
      }, align: "left")
    let matrix = table([labels.map(squashed)] + body, open: "(", close: ")")
    let top = table([labels] + body.map { $0.map(squashed) })
    return Node(
      .row([
        left, Node(.overUnder(base: matrix, over: Node(.styled(top, .text), at), under: nil), at),
      ]),
      at)
  }
}
