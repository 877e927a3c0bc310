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
      cellStyle: .text, alignPairs: false, columnSpacing: nil, open: "", close: "", tags: [:])
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

extension String {
  func trimmingSpaces() -> String {
    var s = Substring(self)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
