import Testing

@testable import TeXMath

/// Commands journal authors type that gave `<merror>` (issue 18), and the cheap ones of KaTeX's
/// "not supported" list: each gives the MathML MathJax or Temml give, in this converter's style.
@Suite struct CommandsTests {
  let fence = "fence=\"true\" form=\"prefix\" stretchy=\"true\" symmetric=\"true\""

  @Test func sidesetPutsScriptsAtTheFourCorners() {
    #expect(
      body("\\sideset{_1^2}{_3^4}\\sum", display: true) == """
        <mmultiscripts><mo>∑</mo><mn>3</mn><mn>4</mn><mprescripts></mprescripts><mn>1</mn>\
        <mn>2</mn></mmultiscripts>
        """)
    #expect(
      body("\\sideset{_a}{}X") == """
        <mmultiscripts><mi>X</mi><mprescripts></mprescripts><mi>a</mi><mrow></mrow>\
        </mmultiscripts>
        """)
    // Without scripts before it, the limits of the operator still go under it in display.
    #expect(
      body("\\sideset{}{'}\\sum_{n<k}", display: true) == """
        <munder><msup><mo>∑</mo><mo lspace="0em" rspace="0em" stretchy="false">′</mo></msup>\
        <mrow><mi>n</mi><mo>&lt;</mo><mi>k</mi></mrow></munder>
        """)
    let refused = MathMLConverter().convert("\\sideset{x}{}\\sum", display: false)
    #expect(
      refused.warnings.map(\.message) == [
        "\\sideset takes only subscripts and superscripts in its first two arguments"
      ])
  }

  @Test func symbolsAndNames() {
    #expect(body("\\iiiint") == "<mo>⨌</mo>")
    #expect(
      body("\\AA\\O\\o\\aa") == """
        <mi mathvariant="normal">Å</mi><mi mathvariant="normal">Ø</mi><mi mathvariant="normal">ø</mi>\
        <mi mathvariant="normal">å</mi>
        """)
    #expect(body("Å") == "<mi>Å</mi>")
    #expect(
      body("\\sgn x")
        == "<mi>sgn</mi><mo>\u{2061}</mo><mspace width=\"0.1667em\"></mspace><mi>x</mi>")
    #expect(
      body("\\wideparen{AB}") == """
        <mover accent="true"><mrow><mi>A</mi><mi>B</mi></mrow><mo stretchy="true">⏜</mo></mover>
        """)
    #expect(body("\\euro\\iddots") == "<mi mathvariant=\"normal\">€</mi><mo>⋰</mo>")
    #expect(body("\\unicode{x263A}\\unicode{65}") == "<mi mathvariant=\"normal\">☺</mi><mi>A</mi>")
  }

  @Test func plainTeXMatrices() {
    let cells = """
      <mtr><mtd style="padding-left:0"><mi>a</mi></mtd><mtd style="padding-right:0"><mi>b</mi>\
      </mtd></mtr><mtr><mtd style="padding-left:0"><mi>c</mi></mtd><mtd style="padding-right:0">\
      <mi>d</mi></mtd></mtr>
      """
    #expect(
      body("\\matrix{a & b \\cr c & d}")
        == "<mtable displaystyle=\"false\" columnalign=\"center center\">\(cells)</mtable>")
    #expect(
      body("\\pmatrix{a & b \\cr c & d}") == """
        <mrow><mo \(fence)>(</mo><mtable displaystyle="false" columnalign="center center">\
        \(cells)</mtable><mo fence="true" form="postfix" stretchy="true" symmetric="true">)</mo>\
        </mrow>
        """)
    #expect(body("\\cases{a & x \\cr b & y}").hasPrefix("<mrow><mo \(fence)>{</mo>"))
  }

  /// Row labels on the left, column labels above, each part holding the other's cells as
  /// phantoms so that rows and columns line up (Temml's layout).
  @Test func bordermatrix() {
    let markup = body("\\bordermatrix{ & c \\cr r & a}")
    #expect(
      markup == """
        <mrow><mtable displaystyle="false" columnalign="left"><mtr><mtd style="text-align:-webkit-left;\
        padding-left:0;padding-right:0"><mrow><mi>r</mi><mpadded width="0px"><mphantom><mi>a</mi>\
        </mphantom></mpadded></mrow></mtd></mtr></mtable><mover><mrow><mo \(fence)>(</mo><mtable \
        displaystyle="false" columnalign="center"><mtr><mtd style="padding-left:0;padding-right:0;\
        padding-top:0;padding-bottom:0"><mpadded height="0px" depth="0px"><mphantom><mi>c</mi>\
        </mphantom></mpadded></mtd></mtr><mtr><mtd style="padding-left:0;padding-right:0"><mi>a</mi>\
        </mtd></mtr></mtable><mo fence="true" form="postfix" stretchy="true" symmetric="true">)</mo>\
        </mrow><mstyle displaystyle="false" scriptlevel="0"><mtable displaystyle="false" \
        columnalign="center"><mtr><mtd style="padding-left:0;padding-right:0"><mi>c</mi></mtd>\
        </mtr><mtr><mtd style="padding-left:0;padding-right:0;padding-top:0;padding-bottom:0">\
        <mpadded height="0px" depth="0px"><mphantom><mi>a</mi></mphantom></mpadded></mtd></mtr>\
        </mtable></mstyle></mover></mrow>
        """)
    // Nested, the copies double at each level: the output limit stops them.
    let nested =
      String(repeating: "\\bordermatrix{&", count: 40) + "x"
      + String(repeating: "\\cr y&z}", count: 40)
    let result = MathMLConverter().convert(nested, display: false)
    #expect(result.warnings.map(\.message) == ["Formula too large: its MathML passes 16 MB"])
  }

  /// MathJax's MathML: the struck expression in an msup with the value.
  @Test func cancelto() {
    let markup = body("\\cancelto{0}{x}")
    #expect(markup.hasPrefix("<msup><menclose notation=\"updiagonalstrike updiagonalarrow\""))
    #expect(markup.hasSuffix("<mi>x</mi></menclose><mn>0</mn></msup>"))
    #expect(markup.contains("linear-gradient(to top left"))
  }

  @Test func colorsByModelAndByName() {
    let x = "<mi>x</mi></mstyle>"
    #expect(
      body("\\definecolor{mine}{RGB}{255,128,0}\\color{mine}x")
        == "<mstyle mathcolor=\"#ff8000\">\(x)")
    #expect(
      body("\\definecolor{c}{HTML}{00FF7F}\\textcolor{c}{x}")
        == "<mstyle mathcolor=\"#00ff7f\">\(x)")
    #expect(body("\\textcolor[rgb]{0,0.5,1}{x}") == "<mstyle mathcolor=\"#0080ff\">\(x)")
    #expect(body("\\color[gray]{0.5}x") == "<mstyle mathcolor=\"#808080\">\(x)")
    // xcolor: r = 1 - min(1, c + k).
    #expect(body("\\color[cmyk]{0,1,0.5,0.2}x") == "<mstyle mathcolor=\"#cc004d\">\(x)")
    for (tex, message) in [
      ("\\color[rgb]{2,0,0}x", "Invalid rgb color 2,0,0"),
      ("\\color[hsb]{1,1,1}x", "Unknown color model hsb (HTML, RGB, rgb, gray or cmyk)"),
      (
        "\\definecolor{a-b}{rgb}{1,1,1}",
        "A color name has letters and digits only: \\definecolor{a-b}"
      ),
      ("\\color[HTML]{12345}x", "Invalid HTML color 12345"),
    ] {
      #expect(MathMLConverter().convert(tex, display: false).warnings.map(\.message) == [message])
    }
  }

  @Test func smashAndHphantom() {
    #expect(body("\\smash[t]{y}") == "<mpadded height=\"0px\"><mi>y</mi></mpadded>")
    #expect(body("\\smash[b]{y}") == "<mpadded depth=\"0px\"><mi>y</mi></mpadded>")
    #expect(body("\\smash{y}") == "<mpadded height=\"0px\" depth=\"0px\"><mi>y</mi></mpadded>")
    #expect(
      body("\\hphantom{x}")
        == "<mpadded height=\"0px\" depth=\"0px\"><mphantom><mi>x</mi></mphantom></mpadded>")
  }

  @Test func plainTeXRootsRelationsAndFractionsWithDelimiters() {
    #expect(body("\\root 3 \\of {x}") == "<mroot><mi>x</mi><mn>3</mn></mroot>")
    #expect(
      body("\\buildrel \\rm def \\over =") == """
        <mrow><mspace width="0.2778em"></mspace><mover><mo>=</mo><mi>def</mi></mover>\
        <mspace width="0.2778em"></mspace></mrow>
        """)
    #expect(
      body("a \\atopwithdelims [ ] b") == """
        <mrow><mo \(fence)>[</mo><mfrac linethickness="0px"><mi>a</mi><mi>b</mi></mfrac>\
        <mo fence="true" form="postfix" stretchy="true" symmetric="true">]</mo></mrow>
        """)
    #expect(body("a \\overwithdelims . . b") == "<mfrac><mi>a</mi><mi>b</mi></mfrac>")
    #expect(
      MathMLConverter().convert("\\root 3 {x}", display: false).warnings.map(\.message) == [
        "Missing \\of after \\root"
      ])
  }

  /// The extensible arrows are stretchy and at least 1.75em long, as KaTeX writes them.
  @Test func extensibleArrowsHaveAMinimumLength() {
    #expect(body("\\xrightarrow{}") == "<mo stretchy=\"true\" minsize=\"1.75em\">→</mo>")
    #expect(
      body("\\xrightarrow{f}") == """
        <mover><mo stretchy="true" minsize="1.75em">→</mo><mrow><mspace width="0.3em"></mspace>\
        <mi>f</mi><mspace width="0.3em"></mspace></mrow></mover>
        """)
  }
}
