import Foundation
import Testing

@testable import PyInterpreter

/// Fixed aspects: `axis("equal")` widens the data limits (matplotlib's `adjustable="datalim"`),
/// `axis("scaled")` and `set_aspect("equal")` shrink the box.
@Suite struct PlotAspectTests {
  private func drawEllipse(_ aspect: String) throws -> SVGDocument {
    let outputs = try runPyplotCell(
      """
      import math
      import matplotlib.pyplot as plt
      plt.figure(figsize=(6, 6))
      t = [2 * math.pi * i / 99 for i in range(100)]
      plt.plot([1 + 5 * math.cos(a) for a in t], [2 + 2 * math.sin(a) for a in t])
      \(aspect)
      plt.show()
      """)
    return try SVGDocument(outputs[0].svg)
  }

  private func clipBox(_ document: SVGDocument) -> (width: Double, height: Double) {
    let rect = document.elements(named: "rect").first { $0.attributes["width"] != nil }
    return (
      Double(rect?.attributes["width"] ?? "") ?? 0, Double(rect?.attributes["height"] ?? "") ?? 0
    )
  }

  @Test func axisEqualKeepsTheBoxAndWidensTheShorterRange() throws {
    let document = try drawEllipse("plt.axis(\"equal\")")
    // The default box of a 6x6 inch figure: 0.775 x 0.77 of 432 points.
    let box = clipBox(document)
    #expect(abs(box.width - 334.8) < 0.01 && abs(box.height - 332.64) < 0.01)
    // x keeps its autoscaled -4.5...6.5; y widens about 2 to the same units (matplotlib:
    // -3.46...7.46), so ticks from -2 to 6 appear.
    let labels = svgTexts(document, "ticklabel")
    for expected in ["\u{2212}2", "0", "2", "4", "6"] { #expect(labels.contains(expected)) }
  }

  @Test func axisScaledShrinksTheBoxInstead() throws {
    let document = try drawEllipse("plt.axis(\"scaled\")")
    let box = clipBox(document)
    #expect(abs(box.width - 334.8) < 0.01)
    #expect(box.height < 150)
    let datalim = try drawEllipse("plt.gca().set_aspect(\"equal\", adjustable=\"datalim\")")
    #expect(abs(clipBox(datalim).height - 332.64) < 0.01)
  }
}
