/// mhchem's state machines for `\ce` and the loop that runs them (`mhchemParser.go`).
extension Mhchem {
  /// An action of a transition, with its option (`output` 1 or 2, `bond` "-", ...).
  struct Act: ExpressibleByStringLiteral {
    var name: String
    var option: String?

    init(stringLiteral name: String) { self.name = name }
    init(_ name: String, _ option: String) {
      self.name = name
      self.option = option
    }
  }

  static func task(
    _ actions: [Act] = [], _ next: String? = nil, revisit: Bool = false, toContinue: Bool = false
  ) -> Task {
    Task(
      actions: actions.map { ($0.name, $0.option) }, next: next, revisit: revisit,
      toContinue: toContinue)
  }

  static let tables: [Machine: Table] = [
    .ce: ceTable, .a: aTable, .o: oTable, .text: textTable, .pq: pqTable, .bd: bdTable,
    .oxidation: oxidationTable, .texMath: texMathTable(tight: false),
    .texMathTight: texMathTable(tight: true), .decimal: decimalTable,
  ]

  // The rows of each table are mhchem's, in its order: the first matching pattern wins.

  static let ceTable = Table([
    ([.empty], [("*", task(["output"]))]),
    ([.else1], [("0|1|2", task(["beginsWithBond=false"], revisit: true, toContinue: true))]),
    ([.oxidationEnd], [("0", task(["oxidation-output"]))]),
    ([.cmt], [("r", task(["rdt="], "rt")), ("rd", task(["rqt="], "rdt"))]),
    ([.arrowUpDown], [("0|1|2|as", task(["sb=false", "output", "operator"], "1"))]),
    ([.uprightEntities], [("0|1|2", task(["o=", "output"], "1"))]),
    ([.orbital], [("0|1|2|3", task(["o="], "o"))]),
    (
      [.arrow],
      [
        ("0|1|2|3", task(["r="], "r")), ("a|as", task(["output", "r="], "r")),
        ("*", task(["output", "r="], "r")),
      ]
    ),
    (
      [.plus],
      [
        ("o", task(["d= kv"], "d")), ("d|D", task(["d="], "d")), ("q", task(["d="], "qd")),
        ("qd|qD", task(["d="], "qd")), ("dq", task(["output", "d="], "d")),
        ("3", task(["sb=false", "output", "operator"], "0")),
      ]
    ),
    ([.amount], [("0|2", task(["a="], "a"))]),
    (
      [.pmOperator],
      [("0|1|2|a|as", task(["sb=false", "output", Act("operator", "\\pm")], "0"))]
    ),
    ([.operatorSign], [("0|1|2|a|as", task(["sb=false", "output", "operator"], "0"))]),
    (
      [.minusEnd],
      [
        ("o|q", task(["charge or bond", "output"], "qd")), ("d", task(["d="], "d")),
        ("D", task(["output", Act("bond", "-")], "3")), ("q", task(["d="], "qd")),
        ("qd", task(["d="], "qd")), ("qD|dq", task(["output", Act("bond", "-")], "3")),
      ]
    ),
    ([.minusDigit], [("3|o", task(["output", Act("insert", "hyphen")], "3"))]),
    (
      [.minusOrbitalOverlap],
      [
        ("o", task(["output", Act("insert", "hyphen")], "2")),
        ("d", task(["output", Act("insert", "hyphen")], "2")),
      ]
    ),
    (
      [.minus],
      [
        ("0|1|2", task([Act("output", "1"), "beginsWithBond=true", Act("bond", "-")], "3")),
        ("3", task([Act("bond", "-")])),
        ("a", task(["output", Act("insert", "hyphen")], "2")),
        ("as", task([Act("output", "2"), Act("bond", "-")], "3")),
        ("b", task(["b="])),
        ("o", task([Act("- after o/d", "false")], "2")),
        ("q", task([Act("- after o/d", "false")], "2")),
        ("d|qd|dq", task([Act("- after o/d", "true")], "2")),
        ("D|qD|p", task(["output", Act("bond", "-")], "3")),
      ]
    ),
    ([.amount2], [("1|3", task(["a="], "a"))]),
    (
      [.letters],
      [
        ("0|1|2|3|a|as|b|p|bp|o", task(["o="], "o")), ("q|dq", task(["output", "o="], "o")),
        ("d|D|qd|qD", task(["o after d"], "o")),
      ]
    ),
    (
      [.digits],
      [
        ("o", task(["q="], "q")), ("d|D", task(["q="], "dq")),
        ("q", task(["output", "o="], "o")), ("a", task(["o="], "o")),
      ]
    ),
    ([.spaceA], [("b|p|bp", task())]),
    (
      [.space],
      [
        ("a", task([], "as")), ("0", task(["sb=false"])), ("1|2", task(["sb=true"])),
        ("r|rt|rd|rdt|rdq", task(["output"], "0")), ("*", task(["output", "sb=true"], "1")),
      ]
    ),
    (
      [.firstLevelEscape],
      [
        ("1|2", task(["output", Act("insert+p1", "1st-level escape")])),
        ("*", task(["output", Act("insert+p1", "1st-level escape")], "0")),
      ]
    ),
    ([.bracketsContent], [("r|rt", task(["rd="], "rd")), ("rd|rdt", task(["rq="], "rdq"))]),
    (
      [.ellipsis],
      [
        ("o|d|D|dq|qd|qD", task(["output", Act("bond", "...")], "3")),
        ("*", task([Act("output", "1"), Act("insert", "ellipsis")], "1")),
      ]
    ),
    (
      [.dotSpace, .starSpace],
      [("*", task(["output", Act("insert", "addition compound")], "1"))]
    ),
    ([.stateOfAggregation], [("*", task(["output", "state of aggregation"], "1"))]),
    (
      [.openBracket],
      [
        ("a|as|o", task(["o=", "output", "parenthesisLevel++"], "2")),
        ("0|1|2|3", task(["o=", "output", "parenthesisLevel++"], "2")),
        ("*", task(["output", "o=", "output", "parenthesisLevel++"], "2")),
      ]
    ),
    (
      [.closeBracket],
      [
        ("0|1|2|3|b|p|bp|o", task(["o=", "parenthesisLevel--"], "o")),
        ("a|as|d|D|q|qd|qD|dq", task(["output", "o=", "parenthesisLevel--"], "o")),
      ]
    ),
    ([.commaSpace], [("*", task(["output", "comma"], "0"))]),
    ([.scriptWithoutArgument], [("*", task())]),
    (
      [.superBraces, .superMath],
      [
        ("0|1|2|as", task(["b="], "b")), ("p", task(["b="], "bp")),
        ("3|o", task(["d= kv"], "D")), ("q", task(["d="], "qD")),
        ("d|D|qd|qD|dq", task(["output", "d="], "D")),
      ]
    ),
    (
      [.superA, .superCommandTwoArgs, .superCommandArg, .superCommand, .prime],
      [
        ("0|1|2|as", task(["b="], "b")), ("p", task(["b="], "bp")),
        ("3|o", task(["d= kv"], "d")), ("q", task(["d="], "qd")), ("d|qd|D|qD", task(["d="])),
        ("dq", task(["output", "d="], "d")),
      ]
    ),
    ([.subscriptStateOfAggregation], [("d|D|q|qd|qD|dq", task(["output", "q="], "q"))]),
    (
      [.subBraces, .subMath, .sub9, .subCommandTwoArgs, .subCommandArg, .subCommand],
      [
        ("0|1|2|as", task(["p="], "p")), ("b", task(["p="], "bp")), ("3|o", task(["q="], "q")),
        ("d|D", task(["q="], "dq")), ("q|qd|qD|dq", task(["output", "q="], "q")),
      ]
    ),
    (
      [.bondCharacter],
      [("0|1|2|3|a|as|o|q|d|D|qd|qD|dq", task([Act("output", "2"), "bond"], "3"))]
    ),
    ([.triple], [("0|1|2|3|a|as|o", task([Act("output", "2"), Act("bond", "#")], "3"))]),
    ([.emptyBraces], [("*", task([Act("output", "1")], "1"))]),
    (
      [.braces],
      [
        ("0|1|2|3|a|as|b|p|bp", task(["o="], "o")),
        ("o|d|D|q|qd|qD|dq", task(["output", "o="], "o")),
      ]
    ),
    (
      [.math],
      [
        ("a", task(["a="])), ("0|1|2|3|as|b|p|bp|o", task(["o="], "o")),
        ("as|o", task(["o="])), ("q|d|D|qd|qD|dq", task(["output", "o="], "o")),
      ]
    ),
    ([.bondCommand], [("*", task([Act("output", "2"), "bond"], "3"))]),
    ([.frac], [("*", task([Act("output", "1"), "frac-output"], "3"))]),
    ([.overset], [("*", task([Act("output", "2"), "overset-output"], "3"))]),
    ([.underset], [("*", task([Act("output", "2"), "underset-output"], "3"))]),
    ([.underbrace], [("*", task([Act("output", "2"), "underbrace-output"], "3"))]),
    ([.color1, .color2], [("*", task([Act("output", "2"), "color-output"], "3"))]),
    ([.color0], [("*", task([Act("output", "2"), "color0-output"]))]),
    ([.ce], [("*", task([Act("output", "2"), "ce"], "3"))]),
    ([.spaceCommand], [("*", task([Act("output", "1"), "copy"], "1"))]),
    (
      [.commandTwoArgs, .commandArg, .command],
      [
        ("0|1|2|3|a|as|b|p|bp|o|c0", task(["o=", "output"], "3")),
        ("*", task(["output", "o=", "output"], "3")),
      ]
    ),
    ([.others], [("*", task([Act("output", "1"), "copy"], "3"))]),
    (
      [.else2],
      [
        ("a", task(["a to o"], "o", revisit: true)),
        ("as", task(["output", "sb=true"], "1", revisit: true)),
        ("r|rt|rd|rdt|rdq", task(["output"], "0", revisit: true)),
        ("*", task(["output", "copy"], "3")),
      ]
    ),
  ])

  static let aTable = Table([
    ([.empty], [("*", task())]),
    ([.halfEnd], [("0", task(["1/2"]))]),
    ([.else1], [("0", task([], "1", revisit: true))]),
    ([.mathContent], [("*", task(["tex-math tight"], "1"))]),
    ([.comma], [("*", task([Act("insert", "commaDecimal")]))]),
    ([.else2], [("*", task(["copy"]))]),
  ])

  static let oTable = Table([
    ([.empty], [("*", task())]),
    ([.halfEnd], [("0", task(["1/2"]))]),
    ([.else1], [("0", task([], "1", revisit: true))]),
    ([.letters], [("*", task(["rm"]))]),
    ([.circa], [("*", task([Act("insert", "circa")]))]),
    ([.commandTwoArgs, .commandArg, .command], [("*", task(["copy"]))]),
    ([.mathBracesContent, .mathContent], [("*", task(["tex-math"]))]),
    ([.bracesContent], [("*", task(["{text}"]))]),
    ([.else2], [("*", task(["copy"]))]),
  ])

  static let textTable = Table([
    ([.empty], [("*", task(["output"]))]),
    ([.braces], [("*", task(["text="]))]),
    ([.mathBracesContent, .mathContent], [("*", task(["tex-math"]))]),
    ([.greek], [("*", task(["output", "rm"]))]),
    ([.spaceCommand, .commandTwoArgs, .commandArg, .command], [("*", task(["output", "copy"]))]),
    ([.else1], [("*", task(["text="]))]),
  ])

  static let pqTable = Table([
    ([.empty], [("*", task())]),
    ([.stateOfAggregation], [("*", task(["state of aggregation"]))]),
    ([.iEnd], [("0", task([], "!f", revisit: true))]),
    ([.kvLetters], [("0", task(["rm"], "0"))]),
    ([.formulaEnd], [("0", task([], "f", revisit: true))]),
    ([.halfEnd], [("0", task(["1/2"]))]),
    ([.else1], [("0", task([], "!f", revisit: true))]),
    ([.mathBracesContent, .mathContent], [("*", task(["tex-math"]))]),
    ([.bracesContent], [("*", task(["text"]))]),
    ([.aToZ], [("f", task(["tex-math"]))]),
    ([.letters], [("*", task(["rm"]))]),
    ([.decimal], [("*", task(["9,9"]))]),
    ([.comma], [("*", task([Act("insert+p1", "comma enumeration S")]))]),
    ([.color1, .color2], [("*", task(["color-output"]))]),
    ([.color0], [("*", task(["color0-output"]))]),
    ([.ce], [("*", task(["ce"]))]),
    ([.spaceCommand, .commandTwoArgs, .commandArg, .command], [("*", task(["copy"]))]),
    ([.else2], [("*", task(["copy"]))]),
  ])

  static let bdTable = Table([
    ([.empty], [("*", task())]),
    ([.xEnd], [("0", task([], "!f", revisit: true))]),
    ([.formulaEnd], [("0", task([], "f", revisit: true))]),
    ([.else1], [("0", task([], "!f", revisit: true))]),
    ([.decimalNoMissingZero], [("*", task(["9,9"]))]),
    ([.dot], [("*", task([Act("insert", "electron dot")]))]),
    ([.aToZ], [("f", task(["tex-math"]))]),
    ([.x], [("*", task([Act("insert", "KV x")]))]),
    ([.letters], [("*", task(["rm"]))]),
    ([.prime], [("*", task([Act("insert", "prime")]))]),
    ([.mathBracesContent, .mathContent], [("*", task(["tex-math"]))]),
    ([.bracesContent], [("*", task(["text"]))]),
    ([.color1, .color2], [("*", task(["color-output"]))]),
    ([.color0], [("*", task(["color0-output"]))]),
    ([.ce], [("*", task(["ce"]))]),
    ([.spaceCommand, .commandTwoArgs, .commandArg, .command], [("*", task(["copy"]))]),
    ([.else2], [("*", task(["copy"]))]),
  ])

  static let oxidationTable = Table([
    ([.empty], [("*", task())]),
    ([.romanNumeral], [("*", task(["roman-numeral"]))]),
    ([.mathBracesContent, .mathContent], [("*", task(["tex-math"]))]),
    ([.else1], [("*", task(["copy"]))]),
  ])

  static func texMathTable(tight: Bool) -> Table {
    var rows: [(patterns: [Pattern], entries: [(states: String, task: Task)])] = [
      ([.empty], [("*", task(["output"]))]),
      ([.ce], [("*", task(["output", "ce"]))]),
      (
        [.braces, .spaceCommand, .commandTwoArgs, .commandArg, .command],
        [("*", task(["o="]))]
      ),
    ]
    if tight { rows.append(([.minus, .plus], [("*", task(["tight operator"]))])) }
    rows.append(([.else1], [("*", task(["o="]))]))
    return Table(rows)
  }

  static let decimalTable = Table([
    ([.empty], [("*", task())]),
    ([.comma], [("*", task(["comma"]))]),
    ([.else1], [("*", task(["copy"]))]),
  ])

  // MARK: - Running

  /// One parse of a `\ce` argument: `go` is mhchem's `mhchemParser.go`.
  struct Run {
    /// How many more machines may run inside one another.
    var depthLeft: Int
    var depth = 0

    static let nestedTooDeeply = Failure(message: "Formula nested more than 100 levels deep")

    mutating func go(_ text: String?, _ machine: Machine) throws(Failure) -> [Item] {
      guard let text, !text.isEmpty else { return [] }
      return try go(Array(text.unicodeScalars)[...], machine)
    }

    mutating func go(_ slice: ArraySlice<Unicode.Scalar>, _ machine: Machine) throws(Failure)
      -> [Item]
    {
      if slice.isEmpty { return [] }
      depth += 1
      defer { depth -= 1 }
      if depth > depthLeft { throw Run.nestedTooDeeply }
      let s = Array(slice)
      let table = Mhchem.tables[machine] ?? Mhchem.ceTable
      var at = 0
      var state = "0"
      var buffer = Buffer()
      var output: [Item] = []
      var lastAt = -1
      var watchdog = 10
      while true {
        if lastAt != at {
          watchdog = 10
          lastAt = at
        } else {
          watchdog -= 1
        }
        let transitions = table.transitions(state)
        for transition in transitions {
          guard let match = try Mhchem.match(transition.pattern, s, at) else { continue }
          for action in transition.task.actions {
            output += try perform(action, machine, &buffer, match)
          }
          state = transition.task.next ?? state
          if at < s.count {
            if !transition.task.revisit { at = match.end }
            if !transition.task.toContinue { break }
          } else {
            return output
          }
        }
        if watchdog <= 0 { throw Failure(message: "Unexpected character") }
      }
    }

    // MARK: Actions

    /// Runs one action: the machine's own, else a generic one, as mhchem looks them up.
    mutating func perform(
      _ action: (name: String, option: String?), _ machine: Machine, _ buffer: inout Buffer,
      _ match: Match
    ) throws(Failure) -> [Item] {
      let m = match.text
      switch (machine, action.name) {
      case (.ce, _):
        if let items = try ceAction(action, &buffer, match) { return items }
      case (.text, "output"):
        guard Mhchem.has(buffer.text) else { return [] }
        let item = Item.text(buffer.text ?? "")
        buffer.clear(keepingLevels: false)
        return [item]
      case (.pq, "state of aggregation"):
        return [.stateOfAggregationSubscript(try go(m, .o))]
      case (.pq, "color-output"):
        return [.color(m, try go(match.parts.last, .pq))]
      case (.bd, "color-output"):
        return [.color(m, try go(match.parts.last, .bd))]
      case (.oxidation, "roman-numeral"):
        return [.romanNumeral(m)]
      case (.texMath, "output"), (.texMathTight, "output"):
        guard Mhchem.has(buffer.o) else { return [] }
        let item = Item.texMath(buffer.o ?? "")
        buffer.clear(keepingLevels: false)
        return [item]
      case (.texMathTight, "tight operator"):
        buffer.o = (buffer.o ?? "") + "{" + m + "}"
        return []
      case (.decimal, "comma"):
        return [.insert("commaDecimal")]
      default:
        break
      }
      return try genericAction(action, &buffer, match)
    }

    /// mhchem's `mhchemParser.actions`.
    mutating func genericAction(
      _ action: (name: String, option: String?), _ buffer: inout Buffer, _ match: Match
    ) throws(Failure) -> [Item] {
      let m = match.text
      switch action.name {
      case "a=": buffer.a = (buffer.a ?? "") + m
      case "b=": buffer.b = (buffer.b ?? "") + m
      case "p=": buffer.p = (buffer.p ?? "") + m
      case "o=": buffer.o = (buffer.o ?? "") + m
      case "q=": buffer.q = (buffer.q ?? "") + m
      case "d=": buffer.d = (buffer.d ?? "") + m
      case "rm=": buffer.rm = (buffer.rm ?? "") + m
      case "text=": buffer.text = (buffer.text ?? "") + m
      case "insert": return [.insert(action.option ?? "")]
      case "insert+p1":
        if action.option == "comma enumeration S" { return [.commaEnumeration(size: "S", m)] }
        return [.firstLevelEscape(m)]
      case "copy": return [.tex(m)]
      case "rm": return [.rm(m)]
      case "text": return try go(m, .text)
      case "{text}": return [.tex("{")] + (try go(m, .text)) + [.tex("}")]
      case "tex-math": return try go(m, .texMath)
      case "tex-math tight": return try go(m, .texMathTight)
      case "bond": return [.bond(action.option ?? m)]
      case "color0-output":
        // mhchem takes `m[0]` of a string: its first character.
        return [.color0(m.unicodeScalars.first.map { String($0) } ?? "undefined")]
      case "ce": return try go(m, .ce)
      case "1/2": return half(m)
      case "9,9": return try go(m, .decimal)
      default: throw Failure(message: "mhchem bug A (\(action.name))")
      }
      return []
    }

    /// `1/2`, `-n/2`, `1/2x` as a fraction (and a variable after it).
    func half(_ m: String) -> [Item] {
      var items: [Item] = []
      var s = Array(m.unicodeScalars)
      if let first = s.first, Mhchem.isSign(first) {
        items.append(.tex(String(first)))
        s.removeFirst()
      }
      guard let slash = s.firstIndex(of: "/") else { return items }
      let numerator = Mhchem.string(s, 0..<slash).replacingDollars()
      let digitsEnd = Mhchem.run(s, slash + 1, Mhchem.isDigit)
      items.append(.frac(numerator, Mhchem.string(s, (slash + 1)..<digitsEnd)))
      if digitsEnd < s.count {
        items.append(.texMath(Mhchem.string(s, digitsEnd..<s.count).replacingDollars()))
      }
      return items
    }

    /// The actions of the `ce` machine; nil when the name is a generic action.
    mutating func ceAction(
      _ action: (name: String, option: String?), _ buffer: inout Buffer, _ match: Match
    ) throws(Failure) -> [Item]? {
      let m = match.text
      switch action.name {
      case "o after d":
        var items: [Item]
        if let d = buffer.d, !d.isEmpty, d.unicodeScalars.allSatisfy(Mhchem.isDigit) {
          buffer.d = nil
          items = try output(&buffer)
          buffer.b = d
        } else {
          items = try output(&buffer)
        }
        buffer.o = (buffer.o ?? "") + m
        return items
      case "d= kv":
        buffer.d = m
        buffer.dType = "kv"
      case "charge or bond":
        if buffer.beginsWithBond {
          return try output(&buffer) + [.bond("-")]
        }
        buffer.d = m
      case "- after o/d":
        return try minusAfter(&buffer, m, isAfterD: action.option == "true")
      case "a to o":
        buffer.o = buffer.a
        buffer.a = nil
      case "sb=true": buffer.sb = true
      case "sb=false": buffer.sb = false
      case "beginsWithBond=true": buffer.beginsWithBond = true
      case "beginsWithBond=false": buffer.beginsWithBond = false
      case "parenthesisLevel++": buffer.parenthesisLevel += 1
      case "parenthesisLevel--": buffer.parenthesisLevel -= 1
      case "state of aggregation": return [.stateOfAggregation(try go(m, .o))]
      case "comma":
        var trimmed = m.unicodeScalars
        while let last = trimmed.last, Mhchem.isSpace(last) { trimmed.removeLast() }
        let a = String(trimmed)
        let size = a != m && buffer.parenthesisLevel == 0 ? "L" : "M"
        return [.commaEnumeration(size: size, a)]
      case "output":
        return try output(&buffer, entityFollows: action.option.flatMap { Int($0) })
      case "oxidation-output":
        return [.tex("{")] + (try go(m, .oxidation)) + [.tex("}")]
      case "frac-output":
        return [.fracCe(try go(match.parts.first, .ce), try go(match.parts.last, .ce))]
      case "overset-output":
        return [.overset(try go(match.parts.first, .ce), try go(match.parts.last, .ce))]
      case "underset-output":
        return [.underset(try go(match.parts.first, .ce), try go(match.parts.last, .ce))]
      case "underbrace-output":
        return [.underbrace(try go(match.parts.first, .ce), try go(match.parts.last, .ce))]
      case "color-output":
        return [.color(m, try go(match.parts.last, .ce))]
      case "r=": buffer.r = m
      case "rdt=": buffer.rdt = m
      case "rd=": buffer.rd = m
      case "rqt=": buffer.rqt = m
      case "rq=": buffer.rq = m
      case "operator": return [.operatorKind(action.option ?? m)]
      default: return nil
      }
      return []
    }

    /// `- after o/d`: a hyphen after an orbital or a letter, a charge after digits, else a bond.
    mutating func minusAfter(_ buffer: inout Buffer, _ m: String, isAfterD: Bool)
      throws(Failure) -> [Item]
    {
      let o = Array((buffer.o ?? "").unicodeScalars)
      let c1 = try Mhchem.match(.orbital, o, 0)
      let c2 = try Mhchem.match(.oneLowercaseGreekLetterEnd, o, 0) != nil
      let c3 = try Mhchem.match(.oneLowercaseLatinLetterEnd, o, 0) != nil
      let c4 = try Mhchem.match(.dollarLowercaseLatinLetterEnd, o, 0) != nil
      let hyphenFollows = m == "-" && (c1?.end == o.count || c2 || c3 || c4)
      if hyphenFollows, !Mhchem.has(buffer.a), !Mhchem.has(buffer.b), !Mhchem.has(buffer.p),
        !Mhchem.has(buffer.d), !Mhchem.has(buffer.q), c1 == nil, c3
      {
        buffer.o = "$" + (buffer.o ?? "") + "$"
      }
      if hyphenFollows { return try output(&buffer) + [.insert("hyphen")] }
      let d = Array((buffer.d ?? "").unicodeScalars)
      if isAfterD, !d.isEmpty, d.allSatisfy(Mhchem.isDigit) {
        buffer.d = (buffer.d ?? "") + m
        return try output(&buffer)
      }
      return try output(&buffer) + [.bond("-")]
    }

    /// The `ce` machine's `output`: the buffered entity (or arrow) as one item.
    ///
    /// `entityFollows`: nil, 1 (keep a space read just before) or 2 (also keep an amount).
    mutating func output(_ buffer: inout Buffer, entityFollows: Int? = nil) throws(Failure)
      -> [Item]
    {
      var items: [Item] = []
      if !Mhchem.has(buffer.r) {
        let any =
          Mhchem.has(buffer.a) || Mhchem.has(buffer.b) || Mhchem.has(buffer.p)
          || Mhchem.has(buffer.o) || Mhchem.has(buffer.q) || Mhchem.has(buffer.d)
        if any || entityFollows != nil {
          if buffer.sb { items.append(.insert("entitySkip")) }
          let ob = Mhchem.has(buffer.o) || Mhchem.has(buffer.q) || Mhchem.has(buffer.d)
          if !ob, !Mhchem.has(buffer.b), !Mhchem.has(buffer.p), entityFollows != 2 {
            buffer.o = buffer.a
            buffer.a = nil
          } else if !ob, Mhchem.has(buffer.b) || Mhchem.has(buffer.p) {
            buffer.o = buffer.a
            buffer.d = buffer.b
            buffer.q = buffer.p
            buffer.a = nil
            buffer.b = nil
            buffer.p = nil
          } else if Mhchem.has(buffer.o), buffer.dType == "kv",
            try Mhchem.match(.dOxidationEnd, Array((buffer.d ?? "").unicodeScalars), 0) != nil
          {
            buffer.dType = "oxidation"
          } else if Mhchem.has(buffer.o), buffer.dType == "kv", !Mhchem.has(buffer.q) {
            buffer.dType = nil
          }
          items.append(
            .chemfive(
              a: try go(buffer.a, .a), b: try go(buffer.b, .bd), p: try go(buffer.p, .pq),
              o: try go(buffer.o, .o), q: try go(buffer.q, .pq),
              d: try go(buffer.d, buffer.dType == "oxidation" ? .oxidation : .bd),
              dType: buffer.dType))
        }
      } else {
        let rd: [Item] =
          switch buffer.rdt {
          case "M": try go(buffer.rd, .texMath)
          case "T": [.text(buffer.rd ?? "")]
          default: try go(buffer.rd, .ce)
          }
        let rq: [Item] =
          switch buffer.rqt {
          case "M": try go(buffer.rq, .texMath)
          case "T": [.text(buffer.rq ?? "")]
          default: try go(buffer.rq, .ce)
          }
        items.append(.arrow(r: buffer.r ?? "", rd: rd, rq: rq))
      }
      buffer.clear(keepingLevels: true)
      return items
    }
  }
}

extension String {
  fileprivate func replacingDollars() -> String {
    String(unicodeScalars.filter { $0 != "$" })
  }
}
