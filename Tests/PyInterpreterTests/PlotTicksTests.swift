import Testing

@testable import PyInterpreter

/// Tick placement and labels against matplotlib 3.11 (values read from `ax.get_xticklabels()`
/// after `fig.canvas.draw()` on a default 6.4 × 4.8 figure).
@Suite struct PlotTicksTests {
  /// The labels drawn on the x axis of a default figure plotting `[lo, hi]` against itself.
  static func xLabels(_ lo: Double, _ hi: Double) throws -> [String] {
    let figure = Figure()
    figure.currentAxes().plot([lo, hi], [lo, hi])
    let document = try SVGDocument(figure.svg())
    return document.elements(withClass: "ticklabel")
      .filter { $0.hasAncestor(withClass: "xaxis") }.map(\.allText)
  }

  @Test func unitRangeStepsByTwoTenths() throws {
    #expect(try Self.xLabels(0, 1) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
  }

  @Test func hundredStepsByTwenty() throws {
    #expect(try Self.xLabels(0, 100) == ["0", "20", "40", "60", "80", "100"])
  }

  @Test func negativeValuesUseTheUnicodeMinus() throws {
    #expect(try Self.xLabels(-3, 7) == ["\u{2212}2", "0", "2", "4", "6"])
  }

  @Test func quarterStepsKeepTwoDecimals() throws {
    #expect(
      try Self.xLabels(-1, 1) == [
        "\u{2212}1.00", "\u{2212}0.75", "\u{2212}0.50", "\u{2212}0.25", "0.00", "0.25", "0.50",
        "0.75", "1.00",
      ])
  }

  @Test func smallValuesKeepSignificantDigits() throws {
    #expect(
      try Self.xLabels(0.001, 0.0015) == [
        "0.0010", "0.0011", "0.0012", "0.0013", "0.0014", "0.0015",
      ])
  }

  @Test func largeValuesGetAMultiplier() throws {
    let figure = Figure()
    figure.currentAxes().plot([0, 1e7], [0, 1])
    let document = try SVGDocument(figure.svg())
    let labels = document.elements(withClass: "ticklabel")
      .filter { $0.hasAncestor(withClass: "xaxis") }.map(\.allText)
    #expect(labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    #expect(document.elements(withClass: "offset").map(\.allText) == ["1e7"])
  }

  @Test(
    arguments: [
      (1e6, 1e6 + 1, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], "+1e6"),
      (2.3015, 2.3025, ["2.3016", "2.3018", "2.3020", "2.3022", "2.3024"], ""),
      (100, 101, ["100.0", "100.2", "100.4", "100.6", "100.8", "101.0"], ""),
      (
        -1e6 - 1, -1e6,
        ["\u{2212}1.0", "\u{2212}0.8", "\u{2212}0.6", "\u{2212}0.4", "\u{2212}0.2", "0.0"],
        "\u{2212}1e6"
      ),
      (12345.6, 12346.2, ["5.6", "5.7", "5.8", "5.9", "6.0", "6.1", "6.2"], "+1.234e4"),
    ] as [(Double, Double, [String], String)])
  func offsetsMatchMatplotlib(_ lo: Double, _ hi: Double, _ labels: [String], _ offset: String)
    throws
  {
    let figure = Figure()
    figure.currentAxes().plot([lo, hi], [lo, hi])
    let document = try SVGDocument(figure.svg())
    let drawn = document.elements(withClass: "ticklabel")
      .filter { $0.hasAncestor(withClass: "xaxis") }.map(\.allText)
    #expect(drawn == labels)
    let offsets = document.elements(withClass: "offset")
      .filter { $0.hasAncestor(withClass: "xaxis") }.map(\.allText)
    #expect(offsets == (offset.isEmpty ? [] : [offset]))
  }

  @Test func logAxisLabelsDecadesAsPowersOfTen() throws {
    let figure = Figure()
    let axes = figure.currentAxes()
    axes.plot([1, 1000], [1, 1000])
    axes.setXScale(.log)
    let document = try SVGDocument(figure.svg())
    let labels = document.elements(withClass: "ticklabel")
      .filter { $0.hasAncestor(withClass: "xaxis") }
    #expect(labels.map(\.text) == ["10", "10", "10", "10"])
    #expect(labels.map { $0.children.first?.text ?? "" } == ["0", "1", "2", "3"])
    let view = axes.view(.x)
    #expect(abs(view.lower - 0.70795) < 1e-4)
    #expect(abs(view.upper - 1412.54) < 1e-2)
  }

  @Test func locatorMatchesMaxNLocator() {
    let unit = Ticks.linear(-0.05, 1.05, bins: 9)
    let expected = [-0.2, 0, 0.2, 0.4, 0.6, 0.8, 1, 1.2]
    #expect(unit.count == expected.count)
    #expect(zip(unit, expected).allSatisfy { abs($0 - $1) < 1e-12 })
    #expect(Ticks.linear(0, 20, bins: 8) == [0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20])
    #expect(Ticks.linear(-5, 105, bins: 9) == [-20, 0, 20, 40, 60, 80, 100, 120])
  }

  @Test func scalarFormatterPicksDecimalsFromTheStep() {
    #expect(Ticks.scalarLabels([0, 0.5, 1]).labels == ["0.0", "0.5", "1.0"])
    #expect(Ticks.scalarLabels([0, 2.5, 5]).labels == ["0.0", "2.5", "5.0"])
    #expect(Ticks.scalarLabels([10, 20, 30]).labels == ["10", "20", "30"])
    #expect(Ticks.scalarLabels([0, 1e-6, 2e-6]).multiplier == "1e\u{2212}6")
  }

  @Test func autoscaleAddsFivePercentMargins() {
    let figure = Figure()
    let axes = figure.currentAxes()
    axes.plot([2, 4], [10, 30])
    let x = axes.view(.x)
    let y = axes.view(.y)
    #expect(abs(x.lower - 1.9) < 1e-12 && abs(x.upper - 4.1) < 1e-12)
    #expect(abs(y.lower - 9) < 1e-12 && abs(y.upper - 31) < 1e-12)
  }
}
