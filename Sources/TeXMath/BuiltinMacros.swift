/// Macros that KaTeX and amsmath define in TeX terms, expanded like user macros.
enum BuiltinMacros {
  static let table: [String: Macro] = {
    var table: [String: Macro] = [:]
    for (name, body) in definitions { table[name] = Macro(body: body) }
    return table
  }()

  private static let definitions: [String: String] = [
    "iff": "\\;\\Longleftrightarrow\\;",
    "implies": "\\;\\Longrightarrow\\;",
    "impliedby": "\\;\\Longleftarrow\\;",
    "bmod": "\\mathbin{\\mathrm{mod}}",
    "pmod": "\\quad(\\mathrm{mod}\\,\\,#1)",
    "pod": "\\quad(#1)",
    "mod": "\\quad\\mathrm{mod}\\,\\,#1",
    "Set": "\\left\\{\\,#1\\,\\right\\}",
    "set": "\\{#1\\}",
    "Braket": "\\left\\langle #1\\right\\rangle",
    "braket": "\\langle #1\\rangle",
    "bra": "\\langle #1\\vert",
    "ket": "\\vert #1\\rangle",
    "Bra": "\\left\\langle #1\\right\\vert",
    "Ket": "\\left\\vert #1\\right\\rangle",
    "blue": "\\textcolor{##6495ed}{#1}",
    "orange": "\\textcolor{##ffa500}{#1}",
    "pink": "\\textcolor{##ff00af}{#1}",
    "red": "\\textcolor{##df0030}{#1}",
    "green": "\\textcolor{##28ae7b}{#1}",
    "gray": "\\textcolor{gray}{#1}",
    "purple": "\\textcolor{##9d38bd}{#1}",
    "KaTeX": "\\text{KaTeX}",
    "LaTeX": "\\text{LaTeX}",
    "TeX": "\\text{TeX}",
    "bgroup": "{",
    "egroup": "}",
    "begingroup": "{",
    "endgroup": "}",
    "mathstrut": "\\vphantom{(}",
    "dotsm": "\\cdots",
    "angl": "\\overline{#1}",
    "angln": "\\overline{n}",
    "phase": "\\underline{\\angle #1}",
    "lt": "<",
    "gt": ">",
    "standardstate": "\\text{\\tiny\\ominus}",
    "varinjlim": "\\underrightarrow{\\mathrm{lim}}",
    "varprojlim": "\\underleftarrow{\\mathrm{lim}}",
    "varliminf": "\\underline{\\mathrm{lim}}",
    "varlimsup": "\\overline{\\mathrm{lim}}",
    "hdots": "\\ldots",
    "isin": "\\in",
    "thetasym": "\\vartheta",
    "part": "\\partial",
    "omicron": "o",
    "ne": "\\neq",
    // mhchem's, as KaTeX defines it (contrib/mhchem/mhchem.js), for \bond{~} and friends.
    "tripledash": "{\\vphantom{-}\\raisebox{2.56mu}{$\\mkern2mu\\tiny\\text{-}\\mkern1mu"
      + "\\text{-}\\mkern1mu\\text{-}\\mkern2mu$}}",
  ]
}
