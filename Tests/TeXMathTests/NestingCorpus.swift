/// Every construct that the parser or the writer handles by recursion, as a template whose `#`
/// nests another copy: the nesting tests and the stack measurement of benchmarks/texmath.sh
/// build their formulas from it. Kept free of the test framework so the benchmark compiles it.
enum NestingCorpus {
  static let templates: [String] = [
    "{#}", "x^{#}", "x_{#}", "x^#", "{#}'", "\\sqrt #", "\\sqrt{#}", "\\sqrt[#]{x}",
    "\\frac #y", "\\frac{#}{y}", "\\frac{x}{#}", "\\dfrac{#}{y}", "\\cfrac{1}{1+#}",
    "\\binom{#}{k}", "\\tbinom{#}{k}", "\\genfrac(]{1pt}0{#}{y}", "\\hat #", "\\vec{#}",
    "\\widehat{#}", "\\overline{#}", "\\underbrace{#}_x", "\\mathbf #", "\\mathbb{#}",
    "\\boldsymbol{#}", "\\operatorname{#}", "\\mathop{#}", "\\mathrel{#}", "\\mathbin #",
    "\\not #", "\\left(#\\right)", "\\left(#\\middle|x\\right)", "\\bigl(#\\bigr)",
    "\\overset{#}{=}", "\\underset{x}{#}", "\\stackrel{#}{=}", "\\xrightarrow{#}",
    "\\xleftarrow[#]{}", "\\boxed{#}", "\\fbox{$#$}", "\\colorbox{red}{$#$}", "\\cancel{#}",
    "\\xcancel #", "\\phantom{#}", "\\vphantom{#}", "\\smash{#}", "\\mathrlap{#}",
    "\\rlap{$#$}", "\\raisebox{1pt}{$#$}", "\\textcolor{red}{#}", "\\color{red}{#}",
    "\\color{blue}#", "\\displaystyle #", "\\scriptstyle{#}", "\\Large #", "\\rm #",
    "\\text{$#$}", "\\text{{#}}", "\\textbf{\\(#\\)}", "\\mbox{$#$}", "\\href{u}{#}",
    "\\mathchoice{#}{x}{x}{x}", "\\substack{#}", "\\begin{matrix}#\\end{matrix}",
    "\\begin{pmatrix}#&x\\\\x\\end{pmatrix}", "\\begin{array}{c}#\\end{array}",
    "\\begin{aligned}#&=x\\end{aligned}", "\\begin{cases}#&x\\end{cases}",
    "\\begin{equation}#\\end{equation}", "\\tag{$#$}x", "a\\over{#}", "\\vcenter{#}",
    "\\htmlClass{c}{#}", "\\mathclap{#}", "\\sideset{_#}{}\\sum", "\\cancelto{#}{x}",
    "\\bordermatrix{&#\\cr x&y}", "\\pmatrix{#}", "\\ce{#}", "\\ce{A_{#}}",
    "\\ce{A->[#]B}", "\\ce{\\frac{#}{2}}", "\\ce{$#$}", "\\ce{(#)}",
  ]

  /// The template nested `levels` times around `x`.
  static func nest(_ template: String, levels: Int) -> String {
    let parts = template.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2 else { return template }
    return String(repeating: String(parts[0]), count: levels) + "x"
      + String(repeating: String(parts[1]), count: levels)
  }

  /// The largest nesting of a template that converts without error (searching up to `limit`
  /// levels), found by bisection; 0 when the template does not convert at all.
  static func deepest(_ template: String, limit: Int = 1000, converts: (String) -> Bool) -> Int {
    guard converts(nest(template, levels: 1)) else { return 0 }
    var low = 1
    var high = limit + 1
    while high - low > 1 {
      let middle = (low + high) / 2
      if converts(nest(template, levels: middle)) { low = middle } else { high = middle }
    }
    return low
  }
}
