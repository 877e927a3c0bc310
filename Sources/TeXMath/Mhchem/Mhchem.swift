// A Swift port of the `\ce` parser of mhchem 3.3.0 as KaTeX ships it (contrib/mhchem/mhchem.js,
// itself adapted from MathJax/extensions/TeX/mhchem.js).
//   Copyright (c) 2011-2015 The MathJax Consortium
//   Copyright (c) 2015-2018 Martin Hensel
//   Licensed under the Apache License, Version 2.0; KaTeX's adaptation is MIT licensed.
// Changes: written in Swift; the regular expressions are matching functions
// (Mhchem+Patterns.swift); `\pu` (units) is not ported; errors are thrown as values; the
// recursion of nested `\ce` and groups is bounded.

/// mhchem's `\ce`: chemistry written as text (`2H2 + O2 -> 2H2O`), turned into the TeX that
/// KaTeX's mhchem extension writes for it. The parser reads that TeX like a macro's expansion,
/// so a formula renders as KaTeX renders it.
///
/// A state machine per kind of text (the whole argument, an amount, a subscript, ...) reads the
/// input by trying patterns in order; actions fill a buffer and emit items; `texify` turns the
/// items into TeX.
enum Mhchem {
  /// What mhchem itself rejects (its own error messages).
  struct Failure: Error, Equatable {
    var message: String
  }

  /// The TeX for the argument of `\ce`, braced as KaTeX's `texify.go` braces it.
  ///
  /// `depth` bounds the nesting of `\ce{...}` and groups inside the argument.
  static func tex(_ argument: String, depth: Int) throws(Failure) -> String {
    var input: [Unicode.Scalar] = []
    for c in argument.unicodeScalars {
      switch c {
      case "\n": input.append(" ")
      case "\u{2212}", "\u{2013}", "\u{2014}", "\u{2010}": input.append("-")
      case "\u{2026}": input.append(contentsOf: "...".unicodeScalars)
      default: input.append(c)
      }
    }
    var parser = Run(depthLeft: depth)
    let items = try parser.go(input[...], .ce)
    return try Texify.go(items, inner: false)
  }

  // MARK: - Items

  /// One item of the parser's output, as `texify` reads it.
  indirect enum Item {
    /// TeX copied as is.
    case tex(String)
    case chemfive(a: [Item], b: [Item], p: [Item], o: [Item], q: [Item], d: [Item], dType: String?)
    case rm(String)
    case text(String)
    case romanNumeral(String)
    case stateOfAggregation([Item])
    case stateOfAggregationSubscript([Item])
    case bond(String)
    case frac(String, String)
    case texMath(String)
    case fracCe([Item], [Item])
    case overset([Item], [Item])
    case underset([Item], [Item])
    case underbrace([Item], [Item])
    case color(String, [Item])
    case color0(String)
    case arrow(r: String, rd: [Item], rq: [Item])
    case operatorKind(String)
    case firstLevelEscape(String)
    case commaEnumeration(size: String, String)
    /// A fixed piece: `hyphen`, `ellipsis`, `entitySkip`, `commaDecimal`, ...
    case insert(String)
  }

  // MARK: - Machines

  enum Machine: Hashable {
    case ce, a, o, text, pq, bd, oxidation, texMath, texMathTight, decimal
  }

  /// What a matching transition does.
  struct Task {
    var actions: [(name: String, option: String?)]
    var next: String?
    var revisit = false
    var toContinue = false
  }

  struct Transition {
    var pattern: Pattern
    var task: Task
  }

  /// The transitions of each state, built as mhchem's `createTransitions` builds them: in the
  /// order of the table, `a|b` split, `*` added to every state.
  struct Table {
    var byState: [String: [Transition]]

    init(_ rows: [(patterns: [Pattern], entries: [(states: String, task: Task)])]) {
      var byState: [String: [Transition]] = [:]
      for row in rows {
        for entry in row.entries {
          for state in entry.states.split(separator: "|") { byState[String(state)] = [] }
        }
      }
      for row in rows {
        for entry in row.entries {
          for state in entry.states.split(separator: "|") {
            for pattern in row.patterns {
              let transition = Transition(pattern: pattern, task: entry.task)
              if state == "*" {
                for key in byState.keys { byState[key, default: []].append(transition) }
              } else {
                byState[String(state), default: []].append(transition)
              }
            }
          }
        }
      }
      self.byState = byState
    }

    func transitions(_ state: String) -> [Transition] {
      byState[state] ?? byState["*"] ?? []
    }
  }

  /// The parse buffer: `a` amount, `o` element, `b`/`p` superscript/subscript before it,
  /// `q`/`d` subscript/superscript after it, `r...` an arrow and its labels.
  struct Buffer {
    var a, b, p, o, q, d, dType, r, rdt, rd, rqt, rq, text, rm: String?
    var sb = false
    var parenthesisLevel = 0
    var beginsWithBond = false

    /// What mhchem's `output` keeps between entities.
    mutating func clear(keepingLevels: Bool) {
      let level = parenthesisLevel
      let bond = beginsWithBond
      self = Buffer()
      if keepingLevels {
        parenthesisLevel = level
        beginsWithBond = bond
      }
    }
  }

  /// JavaScript's truthiness of a buffer field.
  static func has(_ s: String?) -> Bool { !(s ?? "").isEmpty }
}
