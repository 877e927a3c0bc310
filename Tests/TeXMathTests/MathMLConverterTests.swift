import Testing

@testable import TeXMath

/// The MathML inside `<semantics>`, without the top-level `<mrow>`, for compact expectations.
func body(_ tex: String, display: Bool = false, macros: [String: String] = [:]) -> String {
  let result = MathMLConverter(macros: macros).convert(tex, display: display)
  var markup = Substring(result.mathML)
  if let start = markup.range(of: "<semantics>") { markup = markup[start.upperBound...] }
  if let end = markup.range(of: "<annotation") { markup = markup[..<end.lowerBound] }
  if markup.hasPrefix("<mrow>"), markup.hasSuffix("</mrow>") {
    markup = markup.dropFirst(6).dropLast(7)
  }
  return String(markup)
}

@Suite struct MathMLConverterTests {
  let converter = MathMLConverter()

  @Test func documentHasSemanticsAndEscapedAnnotation() {
    let result = converter.convert("a<b", display: false)
    #expect(result.isValid)
    #expect(
      result.mathML == """
        <math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>a</mi><mo>&lt;</mo>\
        <mi>b</mi></mrow><annotation encoding="application/x-tex">a&lt;b</annotation></semantics>\
        </math>
        """)
  }

  @Test func displayMathIsABlock() {
    let result = converter.convert("x", display: true)
    #expect(
      result.mathML.hasPrefix(
        "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\"><semantics>"))
  }

  @Test func tokenClasses() {
    #expect(body("x2") == "<mi>x</mi><mn>2</mn>")
    #expect(body("3.14") == "<mn>3.14</mn>")
    #expect(body("a+b-c") == "<mi>a</mi><mo>+</mo><mi>b</mi><mo>−</mo><mi>c</mi>")
    #expect(body("a\\cdot b") == "<mi>a</mi><mo>⋅</mo><mi>b</mi>")
    #expect(
      body("x.p")
        == "<mi>x</mi><mo lspace=\"0em\" rspace=\"0em\" stretchy=\"false\">.</mo><mi>p</mi>")
    #expect(
      body("f(x)") == """
        <mi>f</mi><mo form="prefix" stretchy="false">(</mo><mi>x</mi>\
        <mo form="postfix" stretchy="false">)</mo>
        """)
    #expect(body("a,b") == "<mi>a</mi><mo separator=\"true\">,</mo><mi>b</mi>")
  }

  @Test func binaryOperatorsWithoutOperandsBecomeOrdinary() {
    let minus = "<mo lspace=\"0em\" rspace=\"0em\">−</mo>"
    #expect(body("-x") == "\(minus)<mi>x</mi>")
    #expect(body("a=-b") == "<mi>a</mi><mo>=</mo>\(minus)<mi>b</mi>")
    #expect(
      body("(-1)") == """
        <mo form="prefix" stretchy="false">(</mo>\(minus)<mn>1</mn>\
        <mo form="postfix" stretchy="false">)</mo>
        """)
    #expect(body("a-b") == "<mi>a</mi><mo>−</mo><mi>b</mi>")
  }

  @Test func greekAndHebrew() {
    #expect(body("\\alpha\\Gamma") == "<mi>α</mi><mi mathvariant=\"normal\">Γ</mi>")
    #expect(
      body("\\aleph\\beth") == "<mi mathvariant=\"normal\">ℵ</mi><mi mathvariant=\"normal\">ℶ</mi>")
    #expect(body("αβ") == "<mi>α</mi><mi>β</mi>")
  }

  @Test func scriptsAndPrimes() {
    #expect(body("x^2") == "<msup><mi>x</mi><mn>2</mn></msup>")
    #expect(body("x^23") == "<msup><mi>x</mi><mn>2</mn></msup><mn>3</mn>")
    #expect(body("x_i^2") == "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>")
    #expect(body("x_{}^{}") == "<msubsup><mi>x</mi><mrow></mrow><mrow></mrow></msubsup>")
    #expect(body("x^2_i") == "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>")
    #expect(body("x_{i_j}") == "<msub><mi>x</mi><msub><mi>i</mi><mi>j</mi></msub></msub>")
    let prime = "<mo lspace=\"0em\" rspace=\"0em\" stretchy=\"false\">"
    #expect(body("x'") == "<mrow><mi>x</mi>\(prime)′</mo></mrow>")
    #expect(body("x''^2") == "<msup><mrow><mi>x</mi>\(prime)′′</mo></mrow><mn>2</mn></msup>")
    #expect(body("x_3'") == "<msubsup><mi>x</mi><mn>3</mn>\(prime)′</mo></msubsup>")
    #expect(
      body("x'_3^2")
        == "<msubsup><mi>x</mi><mn>3</mn><mrow>\(prime)′</mo><mn>2</mn></mrow></msubsup>")
    #expect(
      MathMLConverter().convert("x'^2'", display: false).warnings.map(\.message) == [
        "Double superscript"
      ])
  }

  @Test func fractionsBinomialsRoots() {
    #expect(body("\\frac{a}{b}") == "<mfrac><mi>a</mi><mi>b</mi></mfrac>")
    #expect(body("\\frac12") == "<mfrac><mn>1</mn><mn>2</mn></mfrac>")
    #expect(
      body("\\dfrac12")
        == "<mstyle displaystyle=\"true\" scriptlevel=\"0\"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>"
    )
    #expect(
      body("\\tfrac12", display: true)
        == "<mstyle displaystyle=\"false\" scriptlevel=\"0\"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>"
    )
    #expect(body("{a \\over b}") == "<mfrac><mi>a</mi><mi>b</mi></mfrac>")
    #expect(
      body("\\binom{n}{k}") == """
        <mrow><mo fence="true" form="prefix" stretchy="true" symmetric="true">(</mo>\
        <mfrac linethickness="0px"><mi>n</mi><mi>k</mi></mfrac>\
        <mo fence="true" form="postfix" stretchy="true" symmetric="true">)</mo></mrow>
        """)
    #expect(
      body("\\genfrac(]{0pt}{}{a}{b}") == """
        <mrow><mo fence="true" form="prefix" stretchy="true" symmetric="true">(</mo>\
        <mfrac linethickness="0em"><mi>a</mi><mi>b</mi></mfrac>\
        <mo fence="true" form="postfix" stretchy="true" symmetric="true">]</mo></mrow>
        """)
    #expect(body("\\sqrt{x}") == "<msqrt><mi>x</mi></msqrt>")
    #expect(body("\\sqrt[3]{x}") == "<mroot><mi>x</mi><mn>3</mn></mroot>")
  }

  @Test func bigOperatorLimitsFollowStyle() {
    let sum = "\\sum_{i=1}^n"
    let scripts = "<mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi>"
    #expect(body(sum) == "<msubsup><mo>∑</mo>\(scripts)</msubsup>")
    #expect(
      body(sum, display: true)
        == "<munderover><mo movablelimits=\"false\">∑</mo>\(scripts)</munderover>")
    #expect(body("\\int_0^1", display: true) == "<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>")
    #expect(
      body("\\int\\limits_0^1")
        == "<munderover><mo movablelimits=\"false\">∫</mo><mn>0</mn><mn>1</mn></munderover>")
    #expect(body("\\sum\\nolimits_i", display: true) == "<msub><mo>∑</mo><mi>i</mi></msub>")
    #expect(
      body("\\displaystyle\\sum_i") == """
        <mstyle displaystyle="true" scriptlevel="0"><munder><mo movablelimits="false">∑</mo>\
        <mi>i</mi></munder></mstyle>
        """)
    #expect(
      body("\\bigcup_i A", display: true).hasPrefix("<munder><mo movablelimits=\"false\">⋃</mo>"))
    #expect(body("\\oint") == "<mo>∮</mo>")
  }

  @Test func functions() {
    let apply = "<mo>\u{2061}</mo>"
    let thin = "<mspace width=\"0.1667em\"></mspace>"
    #expect(body("\\exp x") == "<mi>exp</mi>\(apply)\(thin)<mi>x</mi>")
    #expect(
      body("\\log(x)") == """
        <mi>log</mi>\(apply)<mo form="prefix" stretchy="false">(</mo><mi>x</mi>\
        <mo form="postfix" stretchy="false">)</mo>
        """)
    #expect(
      body("\\lim_{n\\to\\infty} a", display: true) == """
        <munder><mi>lim</mi><mrow><mi>n</mi><mo>→</mo><mi mathvariant="normal">∞</mi></mrow>\
        </munder>\(apply)\(thin)<mi>a</mi>
        """)
    #expect(body("\\max_x f") == "<msub><mi>max</mi><mi>x</mi></msub>\(apply)\(thin)<mi>f</mi>")
    #expect(
      body("\\arg\\max_x f", display: true) == """
        <mi>arg</mi>\(apply)\(thin)<munder><mi>max</mi><mi>x</mi></munder>\(apply)\(thin)<mi>f</mi>
        """)
    #expect(body("\\operatorname{softmax} z") == "<mi>softmax</mi>\(apply)\(thin)<mi>z</mi>")
    #expect(
      body("\\operatorname*{argmin}_x", display: true)
        == "<munder><mi>argmin</mi><mi>x</mi></munder>")
    for name in ["ln", "min", "sin", "det"] {
      #expect(body("\\\(name)") == "<mi>\(name)</mi>")
    }
  }

  @Test func leftMiddleRight() {
    let fence = "fence=\"true\" form="
    let tail = "stretchy=\"true\" symmetric=\"true\""
    #expect(
      body("\\left( x \\middle| y \\right)") == """
        <mrow><mo \(fence)"prefix" \(tail)>(</mo><mi>x</mi>\
        <mo \(fence)"infix" \(tail) lspace="0.05em" rspace="0.05em">|</mo><mi>y</mi>\
        <mo \(fence)"postfix" \(tail)>)</mo></mrow>
        """)
    #expect(
      body("\\left. x \\right\\}")
        == "<mrow><mi>x</mi><mo \(fence)\"postfix\" \(tail)>}</mo></mrow>")
    #expect(
      body("\\left\\langle x \\right>") == """
        <mrow><mo \(fence)"prefix" \(tail)>⟨</mo><mi>x</mi><mo \(fence)"postfix" \(tail)>⟩</mo></mrow>
        """)
  }

  @Test func sizedDelimitersIncludingBracedForm() {
    func sized(_ d: String, _ em: String, _ attributes: String = "lspace=\"0em\" rspace=\"0em\"")
      -> String
    {
      "<mo \(attributes) stretchy=\"true\" symmetric=\"true\" minsize=\"\(em)\" maxsize=\"\(em)\">\(d)</mo>"
    }
    #expect(
      body("\\big( \\Big[ \\bigg\\{ \\Bigg|") == sized("(", "1.2em") + sized("[", "1.8em")
        + sized("{", "2.4em") + sized("|", "3em"))
    #expect(body("\\big{(} x \\big{)}") == sized("(", "1.2em") + "<mi>x</mi>" + sized(")", "1.2em"))
    #expect(body("\\Big{[}x\\Big{]}") == sized("[", "1.8em") + "<mi>x</mi>" + sized("]", "1.8em"))
    #expect(
      body("\\bigl( x \\bigr)") == sized("(", "1.2em", "form=\"prefix\" fence=\"true\"")
        + "<mi>x</mi>"
        + sized(")", "1.2em", "form=\"postfix\" fence=\"true\""))
    #expect(body("\\bigm|") == sized("|", "1.2em", "lspace=\"0.2778em\" rspace=\"0.2778em\""))
  }

  @Test func matrices() {
    let grid = """
      <mtable displaystyle="false" columnalign="center center"><mtr>\
      <mtd style="padding-left:0"><mi>a</mi></mtd><mtd style="padding-right:0"><mi>b</mi></mtd>\
      </mtr><mtr><mtd style="padding-left:0"><mi>c</mi></mtd>\
      <mtd style="padding-right:0"><mi>d</mi></mtd></mtr></mtable>
      """
    #expect(body("\\begin{matrix} a & b \\\\ c & d \\end{matrix}") == grid)
    #expect(body("\\begin{matrix} a & b \\\\ c & d \\\\ \\end{matrix}") == grid)
    let delimiters: [(String, String, String)] = [
      ("pmatrix", "(", ")"), ("bmatrix", "[", "]"), ("Bmatrix", "{", "}"),
      ("vmatrix", "|", "|"), ("Vmatrix", "‖", "‖"),
    ]
    for (name, open, close) in delimiters {
      #expect(
        body("\\begin{\(name)} a & b \\\\ c & d \\end{\(name)}") == """
          <mrow><mo fence="true" form="prefix" stretchy="true" symmetric="true">\(open)</mo>\
          \(grid)<mo fence="true" form="postfix" stretchy="true" symmetric="true">\(close)</mo></mrow>
          """)
    }
  }

  @Test func casesAndArrays() {
    #expect(
      body("\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{else} \\end{cases}") == """
        <mrow><mo fence="true" form="prefix" stretchy="true" symmetric="true">{</mo>\
        <mtable displaystyle="false" columnalign="left left"><mtr>\
        <mtd style="text-align:-webkit-left;padding-left:0"><mn>1</mn></mtd>\
        <mtd style="text-align:-webkit-left;padding-right:0"><mrow><mi>x</mi><mo>&gt;</mo><mn>0</mn>\
        </mrow></mtd></mtr><mtr><mtd style="text-align:-webkit-left;padding-left:0"><mn>0</mn></mtd>\
        <mtd style="text-align:-webkit-left;padding-right:0"><mtext>else</mtext></mtd></mtr></mtable></mrow>
        """)
    #expect(
      body("\\begin{array}{|l|c} a & b \\\\ \\hline c & d \\end{array}") == """
        <mtable displaystyle="false" columnalign="left center"><mtr>\
        <mtd style="text-align:-webkit-left;border-left:0.06em solid"><mi>a</mi></mtd>\
        <mtd style="border-left:0.06em solid;padding-right:0"><mi>b</mi></mtd></mtr><mtr>\
        <mtd style="text-align:-webkit-left;border-left:0.06em solid;border-top:0.06em solid"><mi>c</mi>\
        </mtd><mtd style="border-left:0.06em solid;padding-right:0;border-top:0.06em solid">\
        <mi>d</mi></mtd></mtr>\
        </mtable>
        """)
    #expect(body("\\begin{array}{rr} 1 & 2 \\end{array}").contains("columnalign=\"right right\""))
  }

  @Test func alignmentEnvironments() {
    let row = """
      <mtr><mtd style="text-align:-webkit-right;padding-right:0"><mi>a</mi></mtd>\
      <mtd style="text-align:-webkit-left;padding-left:0"><mrow><mrow></mrow><mo>=</mo><mi>b</mi></mrow>\
      </mtd></mtr>
      """
    for name in ["aligned", "align*", "split"] {
      #expect(
        body("\\begin{\(name)} a &= b \\end{\(name)}")
          == "<mtable displaystyle=\"true\" columnalign=\"right left\">\(row)</mtable>")
    }
    #expect(
      body("\\begin{aligned} a &= b \\\\ a &= b \\end{aligned}")
        == "<mtable displaystyle=\"true\" columnalign=\"right left\">\(row)\(row)</mtable>")
    #expect(
      body("\\begin{gathered} a \\\\ b \\end{gathered}") == """
        <mtable displaystyle="true" columnalign="center"><mtr>\
        <mtd style="padding-left:0;padding-right:0"><mi>a</mi></mtd></mtr><mtr>\
        <mtd style="padding-left:0;padding-right:0"><mi>b</mi></mtd></mtr></mtable>
        """)
  }

  @Test func commutativeDiagrams() {
    let markup = body("\\begin{CD} A @>f>> B \\\\ @VgVV @. \\\\ C @= D \\end{CD}", display: true)
    #expect(markup.hasPrefix("<mtable displaystyle=\"true\" columnalign=\"center center center\">"))
    #expect(
      markup.contains(
        """
        <mtd><munderover><mo stretchy="true" minsize="2.5em">⟶</mo><mrow></mrow><mi>f</mi>\
        </munderover></mtd>
        """))
    #expect(
      markup.contains(
        """
        <mtd style="padding-left:0"><mrow><mi>g</mi><mo stretchy="true" minsize="2em">↓</mo>\
        <mrow></mrow></mrow></mtd><mtd><mrow></mrow></mtd><mtd style="padding-right:0"><mrow></mrow>\
        </mtd>
        """))
    #expect(markup.contains("<mtd><mo stretchy=\"true\" minsize=\"2.5em\">=</mo></mtd>"))
  }

  @Test func tagsGoAfterTheirRow() {
    let tagged = body("\\begin{align} \\tag{1} a &= b \\\\ c &= d \\end{align}")
    #expect(
      tagged.contains(
        """
        <mrow><mrow></mrow><mo>=</mo><mi>b</mi><mspace width="2em"></mspace><mtext>(1)</mtext>\
        </mrow></mtd></mtr><mtr>
        """))
    #expect(body("x \\tag{2}") == "<mi>x</mi><mspace width=\"2em\"></mspace><mtext>(2)</mtext>")
    #expect(
      body("x \\tag{$\\ast$}") == """
        <mi>x</mi><mspace width="2em"></mspace><mrow><mtext>(</mtext><mo>∗</mo><mtext>)</mtext></mrow>
        """)
  }

  @Test func fontsMapToMathAlphanumerics() {
    #expect(body("\\mathrm{d}x") == "<mi mathvariant=\"normal\">d</mi><mi>x</mi>")
    #expect(
      body("\\mathrm{ReLU}(x)") == """
        <mi>ReLU</mi><mo form="prefix" stretchy="false">(</mo><mi>x</mi>\
        <mo form="postfix" stretchy="false">)</mo>
        """)
    #expect(body("\\mathbf{x}") == "<mi>𝐱</mi>")
    #expect(body("\\mathbf{1}") == "<mn>𝟏</mn>")
    #expect(body("\\mathit{xy}") == "<mrow><mi>𝑥</mi><mi>𝑦</mi></mrow>")
    #expect(body("\\mathcal{L}") == "<mi>ℒ</mi>")
    #expect(body("\\mathbb{R}") == "<mi>ℝ</mi>")
    #expect(body("\\mathsf{A}") == "<mi>𝖠</mi>")
    #expect(body("\\mathtt{A}") == "<mi>𝙰</mi>")
    #expect(body("\\boldsymbol{\\mu}") == "<mi>𝝁</mi>")
    #expect(body("\\mathbf{\\Omega}") == "<mi>𝛀</mi>")
    #expect(
      body("\\textbf{Note}") == "<mstyle style=\"font-weight:bold\"><mtext>Note</mtext></mstyle>")
    #expect(
      body("\\text{a \\texttt{b}}")
        == "<mrow><mtext>a\u{A0}</mtext><mstyle style=\"font-family:monospace\"><mtext>b</mtext></mstyle></mrow>"
    )
    #expect(body("\\text{if } x") == "<mtext>if\u{A0}</mtext><mi>x</mi>")
    #expect(
      body("\\text{a $x$ b}")
        == "<mrow><mtext>a\u{A0}</mtext><mi>x</mi><mtext>\u{A0}b</mtext></mrow>")
  }

  @Test func accents() {
    func over(_ base: String, _ mark: String, stretchy: Bool = false) -> String {
      "<mover accent=\"true\">\(base)<mo stretchy=\"\(stretchy)\">\(mark)</mo></mover>"
    }
    let x = "<mi>x</mi>"
    let ab = "<mrow><mi>A</mi><mi>B</mi></mrow>"
    #expect(body("\\hat{x}") == over(x, "^"))
    #expect(body("\\bar{x}") == over(x, "¯"))
    #expect(
      body("\\vec{v}")
        == "<mover accent=\"true\"><mi>v</mi><mo stretchy=\"false\" mathsize=\"70%\">→</mo></mover>"
    )
    #expect(body("\\tilde x") == over(x, "~"))
    #expect(body("\\dot{x}") == over(x, "˙"))
    #expect(body("\\ddot{x}") == over(x, "¨"))
    // U+0332 is the line that Chromium stretches with Latin Modern Math; U+203E stays short.
    #expect(body("\\overline{AB}") == over(ab, "\u{332}", stretchy: true))
    #expect(body("\\widehat{AB}") == over(ab, "^", stretchy: true))
    #expect(
      body("\\underline{x}")
        == "<munder accentunder=\"true\"><mi>x</mi><mo stretchy=\"true\">\u{332}</mo></munder>")
    #expect(
      body("\\overbrace{AB}^{n}") == "<mover>\(over(ab, "⏞", stretchy: true))<mi>n</mi></mover>")
    #expect(
      body("\\underbrace{AB}_{n}") == """
        <munder><munder accentunder="true">\(ab)<mo stretchy="true">⏟</mo></munder><mi>n</mi></munder>
        """)
  }

  @Test func spacing() {
    func space(_ w: String) -> String { "<mspace width=\"\(w)\"></mspace>" }
    #expect(
      body("a\\,b\\:c\\;d\\!e\\quad f\\qquad g~h") == """
        <mi>a</mi>\(space("0.1667em"))<mi>b</mi>\(space("0.2222em"))<mi>c</mi>\
        \(space("0.2778em"))<mi>d</mi>\(space("-0.1667em"))<mi>e</mi>\(space("1em"))<mi>f</mi>\
        \(space("2em"))<mi>g</mi><mtext>\u{A0}</mtext><mi>h</mi>
        """)
    #expect(
      body("a\\hspace{1em}b\\kern2pt c")
        == "<mi>a</mi>\(space("1em"))<mi>b</mi>\(space("0.2em"))<mi>c</mi>")
  }

  @Test func symbols() {
    #expect(
      body("a \\mid b \\| c")
        == "<mi>a</mi><mo>∣</mo><mi>b</mi><mo lspace=\"0em\" rspace=\"0em\" stretchy=\"false\">‖</mo><mi>c</mi>"
    )
    #expect(body("a \\cdot b \\times c") == "<mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi>")
    #expect(
      body("a \\ne b \\le c \\approx d \\propto e")
        == "<mi>a</mi><mo>≠</mo><mi>b</mi><mo>≤</mo><mi>c</mi><mo>≈</mo><mi>d</mi><mo>∝</mo><mi>e</mi>"
    )
    #expect(
      body("\\infty \\partial \\nabla")
        == "<mi mathvariant=\"normal\">∞</mi><mi>∂</mi><mi mathvariant=\"normal\">∇</mi>")
    #expect(
      body("\\ldots \\cdots \\vdots \\ddots")
        == "<mo>…</mo><mo>⋯</mo><mi mathvariant=\"normal\">⋮</mi><mo>⋱</mo>")
    #expect(body("\\to \\Rightarrow \\leftrightarrow") == "<mo>→</mo><mo>⇒</mo><mo>↔</mo>")
    #expect(
      body("A \\in B \\subseteq C \\cup D \\land \\forall x \\exists y \\neg z") == """
        <mi>A</mi><mo>∈</mo><mi>B</mi><mo>⊆</mo><mi>C</mi><mo>∪</mo><mi>D</mi><mo>∧</mo>\
        <mi mathvariant="normal">∀</mi><mi>x</mi><mi mathvariant="normal">∃</mi><mi>y</mi>\
        <mi mathvariant="normal">¬</mi><mi>z</mi>
        """)
    #expect(body("\\not\\in") == "<mo>∉</mo>")
  }

  @Test func stylesColorsBoxes() {
    #expect(
      body("\\textstyle \\sum_i x", display: true) == """
        <mstyle displaystyle="false" scriptlevel="0"><mrow><msub><mo>∑</mo><mi>i</mi></msub>\
        <mi>x</mi></mrow></mstyle>
        """)
    #expect(
      body("a {\\color{red} x y} b")
        == "<mi>a</mi><mstyle mathcolor=\"red\"><mrow><mi>x</mi><mi>y</mi></mrow></mstyle><mi>b</mi>"
    )
    #expect(body("\\textcolor{#00ff00}{x}") == "<mstyle mathcolor=\"#00ff00\"><mi>x</mi></mstyle>")
    #expect(
      body("\\boxed{x}")
        == "<menclose notation=\"box\" style=\"padding:0.2em;border:0.06em solid\"><mi>x</mi></menclose>"
    )
  }

  @Test func cancelDrawsItsStrikeWithAGradient() {
    let markup = body("\\cancel{x}")
    #expect(markup.hasPrefix("<menclose notation=\"updiagonalstrike\" style=\"background:"))
    #expect(markup.contains("linear-gradient(to top left,transparent calc(50% - 0.04em)"))
    #expect(markup.hasSuffix("\"><mi>x</mi></menclose>"))
    #expect(body("\\text{\\sout{ab}}").hasPrefix("<menclose notation=\"horizontalstrike\""))
    let both = body("\\xcancel{x}")
    #expect(both.contains("to top left") && both.contains("to top right"))
  }

  @Test func phantoms() {
    #expect(body("\\phantom{x}") == "<mphantom><mi>x</mi></mphantom>")
    #expect(
      body("\\vphantom{x}") == "<mpadded width=\"0px\"><mphantom><mi>x</mi></mphantom></mpadded>")
  }

  @Test func userMacros() {
    let macros = ["\\R": "\\mathbb{R}", "norm": "\\left\\| #1 \\right\\|"]
    #expect(body("x \\in \\R", macros: macros) == "<mi>x</mi><mo>∈</mo><mi>ℝ</mi>")
    #expect(
      body("\\norm{v}", macros: macros) == """
        <mrow><mo fence="true" form="prefix" stretchy="true" symmetric="true">‖</mo><mi>v</mi>\
        <mo fence="true" form="postfix" stretchy="true" symmetric="true">‖</mo></mrow>
        """)
    #expect(body("\\newcommand{\\sq}[1]{#1^2} \\sq{y}") == "<msup><mi>y</mi><mn>2</mn></msup>")
    #expect(body("\\def\\half{\\frac12}\\half") == "<mfrac><mn>1</mn><mn>2</mn></mfrac>")
    #expect(
      body("\\DeclareMathOperator{\\tr}{tr} \\tr A") == """
        <mi>tr</mi><mo>\u{2061}</mo><mspace width="0.1667em"></mspace><mi>A</mi>
        """)
    #expect(body("\\eqref{loss}") == "<mtext>(loss)</mtext>")
    #expect(body("\\verb!\\frac a  b!") == "<mtext>\\frac\u{A0}a\u{A0}\u{A0}b</mtext>")
    #expect(body("\\verb x\\y z") == "<mtext>x\\y</mtext><mi>z</mi>")
    #expect(body("\\verb*|a b|") == "<mtext>a␣b</mtext>")
  }

  @Test func sourceRangesPointIntoTheFormula() throws {
    let nodes = try converter.parse("x + \\frac{a}{b}")
    #expect(nodes.map(\.range) == [0..<1, 2..<3, 4..<15])
    guard case .fraction(let numerator, _, _, _) = nodes[2].kind else {
      Issue.record("expected a fraction, got \(nodes[2].kind)")
      return
    }
    #expect(numerator.range == 9..<12)
  }

  @Test(arguments: [
    ("\\frac{a}", "Missing argument for \\frac", 8),
    ("\\foo + 1", "Unknown command \\foo", 0),
    ("x^2^3", "Double superscript", 3),
    ("{a", "Missing }", 0),
    ("a}", "Unmatched }", 1),
    ("\\left( x", "Missing \\right", 0),
    ("\\begin{pmatrix} a \\end{bmatrix}", "\\begin{pmatrix} ended by \\end{bmatrix}", 18),
    ("a & b", "Misplaced & (outside an environment)", 2),
    ("\\def\\a{\\a\\a}\\a", "Too many macro expansions (a macro that calls itself?)", 12),
  ])
  func malformedInputBecomesMerrorWithAWarning(tex: String, message: String, offset: Int) {
    let result = converter.convert(tex, display: false)
    #expect(result.warnings.map(\.message) == [message])
    #expect(result.warnings.first?.offset == offset)
    let escaped = tex.replacingOccurrences(of: "&", with: "&amp;")
    let why = message.replacingOccurrences(of: "&", with: "&amp;")
    #expect(result.mathML.contains("<merror><mtext>\(why)</mtext></merror>"))
    #expect(
      result.mathML.contains("<annotation encoding=\"application/x-tex\">\(escaped)</annotation>"))
  }

  @Test func warningsGiveTheLineInsideAFormula() {
    let result = converter.convert("a \\\\\nb \\oops", display: true)
    #expect(result.warnings.first?.line == 1)
    #expect(result.warnings.first?.column == 2)
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let tex = String(repeating: "{", count: 5000) + String(repeating: "}", count: 5000)
    #expect(
      converter.convert(tex, display: false).warnings.first?.message
        == "Formula nested more than 100 levels deep")
  }
}

@Suite struct MathMLConverterRendererTests {
  @Test func rendererGivesTheMarkupForThePipeline() {
    let render = MathMLConverter(macros: ["R": "\\mathbb{R}"]).renderer
    #expect(
      render("\\R", true) == """
        <math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics><mrow>\
        <mi>ℝ</mi></mrow><annotation encoding="application/x-tex">\\R</annotation></semantics></math>
        """)
  }
}
