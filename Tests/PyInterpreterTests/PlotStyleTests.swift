import Testing

@testable import PyInterpreter

/// Colours, format strings, colormaps and the mathtext subset.
@Suite struct PlotStyleTests {
  @Test(
    arguments: [
      ("r--o", "#ff0000", LineStyle.dashed, Marker.circle),
      ("k:", "#000000", LineStyle.dotted, nil),
      ("C1-.", "#ff7f0e", LineStyle.dashDot, nil),
      ("^", nil, nil, Marker.triangleUp),
      ("gs-", "#008000", LineStyle.solid, Marker.square),
    ] as [(String, String?, LineStyle?, Marker?)])
  func formatStrings(_ format: String, _ color: String?, _ style: LineStyle?, _ marker: Marker?)
    throws
  {
    let parsed = try #require(FormatString(format))
    #expect(parsed.color?.hexString == color)
    #expect(parsed.lineStyle == style)
    #expect(parsed.marker == marker)
  }

  @Test func invalidFormatStringsAreRejected() {
    #expect(FormatString("rq") == nil)
    #expect(FormatString("--:") == nil)
    #expect(FormatString("rg") == nil)
  }

  @Test func colourNotations() {
    #expect(Color("C0")?.hexString == "#1f77b4")
    #expect(Color("tab:orange")?.hexString == "#ff7f0e")
    #expect(Color("#abc")?.hexString == "#aabbcc")
    #expect(Color("#11223380")?.alpha == 128.0 / 255)
    #expect(Color("0.5")?.hexString == "#808080")
    #expect(Color("steelblue")?.hexString == "#4682b4")
    #expect(Color("nonsense") == nil)
  }

  @Test func colormapsMatchMatplotlibEnds() throws {
    let expectations: [(String, String, String)] = [
      ("viridis", "#440154", "#fde725"), ("gray", "#000000", "#ffffff"),
      ("hot", "#0b0000", "#ffffff"), ("coolwarm", "#3b4cc0", "#b40426"),
      ("RdBu", "#67001f", "#053061"), ("jet", "#000080", "#800000"),
    ]
    for (name, low, high) in expectations {
      let map = try #require(Colormap(named: name))
      #expect(map(0).hexString == low, "\(name)")
      #expect(map(1).hexString == high, "\(name)")
    }
    let reversed = try #require(Colormap(named: "viridis_r"))
    #expect(reversed(0).hexString == "#fde725")
    #expect(Colormap(named: "nope") == nil)
    #expect(Colormap.viridis(0.5).hexString == "#21918c")
  }

  @Test func mathTextBecomesUnicode() {
    #expect(MathText.plain("$\\alpha$ = 0.1") == "α = 0.1")
    #expect(MathText.plain("$x^2 + y_{1}$") == "x² + y₁")
    #expect(MathText.plain("$\\mathrm{loss}$") == "loss")
    #expect(MathText.plain("cost in $") == "cost in $")
    #expect(MathText.plain("$\\frac{1}{n}\\sum x_i$") == "1/nΣ xᵢ")
  }
}
