/// mhchem's `texify`: the parser's items as TeX.
extension Mhchem {
  enum Texify {
    /// `texify.go`: the items' TeX, braced at the outer level unless it holds `&`, `\\` or
    /// `\hline` (a 1st-level escape).
    static func go(_ items: [Item], inner: Bool) throws(Failure) -> String {
      var tex = ""
      var escaped = false
      for item in items {
        tex += try go(item)
        if case .firstLevelEscape = item { escaped = true }
      }
      if !inner, !escaped, !tex.isEmpty { tex = "{" + tex + "}" }
      return tex
    }

    static func inner(_ items: [Item]) throws(Failure) -> String {
      try go(items, inner: true)
    }

    static func startsWithSign(_ s: String) -> Bool {
      s.unicodeScalars.first.map(Mhchem.isSign) ?? false
    }

    static func go(_ item: Item) throws(Failure) -> String {
      switch item {
      case .tex(let s): return s
      case .chemfive(let a, let b, let p, let o, let q, let d, let dType):
        return try chemfive(
          a: inner(a), b: inner(b), p: inner(p), o: inner(o), q: inner(q), d: inner(d),
          dType: dType)
      case .rm(let s): return "\\mathrm{" + s + "}"
      case .text(let s):
        guard s.unicodeScalars.contains(where: { $0 == "^" || $0 == "_" }) else {
          return "\\text{" + s + "}"
        }
        // JavaScript's replace with a string replaces the first occurrence only.
        let spaced = s.replacingFirst(" ", with: "~").replacingFirst("-", with: "\\text{-}")
        return "\\mathrm{" + spaced + "}"
      case .romanNumeral(let s): return "\\mathrm{" + s + "}"
      case .stateOfAggregation(let items): return "\\mskip2mu " + (try inner(items))
      case .stateOfAggregationSubscript(let items): return "\\mskip1mu " + (try inner(items))
      case .bond(let kind):
        guard let bond = bonds[kind] else {
          throw Failure(message: "Unknown bond type (\(kind))")
        }
        return bond
      case .frac(let numerator, let denominator):
        let c = "\\frac{" + numerator + "}{" + denominator + "}"
        return "\\mathchoice{\\textstyle" + c + "}{" + c + "}{" + c + "}{" + c + "}"
      case .texMath(let s): return s + " "
      case .fracCe(let p1, let p2):
        return "\\frac{" + (try inner(p1)) + "}{" + (try inner(p2)) + "}"
      case .overset(let p1, let p2):
        return "\\overset{" + (try inner(p1)) + "}{" + (try inner(p2)) + "}"
      case .underset(let p1, let p2):
        return "\\underset{" + (try inner(p1)) + "}{" + (try inner(p2)) + "}"
      case .underbrace(let p1, let p2):
        return "\\underbrace{" + (try inner(p1)) + "}_{" + (try inner(p2)) + "}"
      case .color(let color, let items):
        return "{\\color{" + color + "}{" + (try inner(items)) + "}}"
      case .color0(let color): return "\\color{" + color + "}"
      case .arrow(let r, let rd, let rq):
        guard let name = arrows[r] else { throw Failure(message: "mhchem bug T (\(r))") }
        var arrow = "\\x" + name
        let below = try inner(rq)
        let above = try inner(rd)
        if !below.isEmpty { arrow += "[{" + below + "}]" }
        arrow += "{" + above + "}"
        return arrow
      case .operatorKind(let kind):
        guard let op = operators[kind] else { throw Failure(message: "mhchem bug T (\(kind))") }
        return op
      case .firstLevelEscape(let s): return s + " "
      case .commaEnumeration(let size, let s):
        let space = size == "L" ? "6" : size == "M" ? "3" : "1"
        return "{" + s + "}\\mkern" + space + "mu "
      case .insert(let name):
        guard let tex = inserts[name] else { throw Failure(message: "mhchem bug T (\(name))") }
        return tex
      }
    }

    static func chemfive(
      a: String, b: String, p: String, o: String, q: String, d: String, dType: String?
    ) -> String {
      var res = ""
      if !a.isEmpty { res += (startsWithSign(a) ? "{" + a + "}" : a) + "\\," }
      if !b.isEmpty || !p.isEmpty {
        res += "{\\vphantom{X}}"
        res += "^{\\hphantom{" + b + "}}_{\\hphantom{" + p + "}}"
        res += "{\\vphantom{X}}"
        res += "^{\\smash[t]{\\vphantom{2}}\\mathllap{" + b + "}}"
        res += "_{\\vphantom{2}\\mathllap{\\smash[t]{" + p + "}}}"
      }
      if !o.isEmpty { res += startsWithSign(o) ? "{" + o + "}" : o }
      switch dType {
      case "kv":
        if !d.isEmpty || !q.isEmpty { res += "{\\vphantom{X}}" }
        if !d.isEmpty { res += "^{" + d + "}" }
        if !q.isEmpty { res += "_{\\smash[t]{" + q + "}}" }
      case "oxidation":
        if !d.isEmpty { res += "{\\vphantom{X}}^{" + d + "}" }
        if !q.isEmpty { res += "{\\vphantom{X}}_{\\smash[t]{" + q + "}}" }
      default:
        if !q.isEmpty { res += "{\\vphantom{X}}_{\\smash[t]{" + q + "}}" }
        if !d.isEmpty { res += "{\\vphantom{X}}^{" + d + "}" }
      }
      return res
    }

    static let inserts: [String: String] = [
      "space": " ", "entitySkip": "~", "commaDecimal": "{,}", "hyphen": "\\text{-}",
      "addition compound": "\\,{\\cdot}\\,", "electron dot": "\\mkern1mu \\bullet\\mkern1mu ",
      "KV x": "{\\times}", "prime": "\\prime ", "cdot": "\\cdot ",
      "tight cdot": "\\mkern1mu{\\cdot}\\mkern1mu ", "times": "\\times ", "circa": "{\\sim}",
      "^": "uparrow", "v": "downarrow", "ellipsis": "\\ldots ", "/": "/", " / ": "\\,/\\,",
    ]

    static let arrows: [String: String] = [
      "->": "rightarrow", "\u{2192}": "rightarrow", "\u{27F6}": "rightarrow",
      "<-": "leftarrow", "<->": "leftrightarrow", "<-->": "rightleftarrows",
      "<=>": "rightleftharpoons", "\u{21CC}": "rightleftharpoons", "<=>>": "rightequilibrium",
      "<<=>": "leftequilibrium",
    ]

    static let bonds: [String: String] = [
      "-": "{-}", "1": "{-}", "=": "{=}", "2": "{=}", "#": "{\\equiv}", "3": "{\\equiv}",
      "~": "{\\tripledash}",
      "~-": "{\\mathrlap{\\raisebox{-.1em}{$-$}}\\raisebox{.1em}{$\\tripledash$}}",
      "~=": "{\\mathrlap{\\raisebox{-.2em}{$-$}}\\mathrlap{\\raisebox{.2em}{$\\tripledash$}}-}",
      "~--": "{\\mathrlap{\\raisebox{-.2em}{$-$}}\\mathrlap{\\raisebox{.2em}{$\\tripledash$}}-}",
      "-~-": "{\\mathrlap{\\raisebox{-.2em}{$-$}}\\mathrlap{\\raisebox{.2em}{$-$}}\\tripledash}",
      "...": "{{\\cdot}{\\cdot}{\\cdot}}", "....": "{{\\cdot}{\\cdot}{\\cdot}{\\cdot}}",
      "->": "{\\rightarrow}", "<-": "{\\leftarrow}", "<": "{<}", ">": "{>}",
    ]

    static let operators: [String: String] = [
      "+": " {}+{} ", "-": " {}-{} ", "=": " {}={} ", "<": " {}<{} ", ">": " {}>{} ",
      "<<": " {}\\ll{} ", ">>": " {}\\gg{} ", "\\pm": " {}\\pm{} ", "\\approx": " {}\\approx{} ",
      "$\\approx$": " {}\\approx{} ", "v": " \\downarrow{} ", "(v)": " \\downarrow{} ",
      "^": " \\uparrow{} ", "(^)": " \\uparrow{} ",
    ]
  }
}

extension String {
  fileprivate func replacingFirst(_ target: Unicode.Scalar, with replacement: String) -> String {
    let scalars = unicodeScalars
    guard let index = scalars.firstIndex(of: target) else { return self }
    return String(scalars[..<index]) + replacement + String(scalars[scalars.index(after: index)...])
  }
}
