import Foundation
import Testing

@testable import PyInterpreter

/// `matshow` and `matplotlib.ticker`, as the PyTorch tutorial draws its confusion matrix.
@Suite struct PlotMatshowTests {
  /// The tick labels of one axis group (`xaxis`/`yaxis`) with their positions.
  private func labels(_ document: SVGDocument, axis: String) -> [(
    text: String, x: Double,
    y: Double, transform: String?
  )] {
    document.elements(withClass: "ticklabel").filter { $0.hasAncestor(withClass: axis) }.map {
      (
        $0.allText, Double($0.attributes["x"] ?? "") ?? .nan,
        Double($0.attributes["y"] ?? "") ?? .nan, $0.attributes["transform"]
      )
    }
  }

  @Test func tutorialConfusionMatrixPutsRotatedLabelsOnTopOneTickPerRow() throws {
    let cats = ["Arabic", "Chinese", "Czech"]
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      import matplotlib.ticker as ticker
      cats = ["Arabic", "Chinese", "Czech"]
      fig = plt.figure()
      ax = fig.add_subplot(111)
      cax = ax.matshow([[0.8, 0.1, 0.1], [0.2, 0.7, 0.1], [0.0, 0.3, 0.7]])
      fig.colorbar(cax)
      ax.xaxis.set_major_locator(ticker.MultipleLocator(1))
      ax.yaxis.set_major_locator(ticker.MultipleLocator(1))
      ax.set_xticklabels([""] + cats, rotation=90)
      ax.set_yticklabels([""] + cats)
      ax.set_title("confusion")
      plt.show()
      """)
    #expect(outputs.count == 1)
    let document = try SVGDocument(outputs[0].svg)
    let background = try #require(document.elements(withClass: "background").first)
    let top = try #require(Double(background.attributes["y"] ?? ""))
    let left = try #require(Double(background.attributes["x"] ?? ""))
    let width = try #require(Double(background.attributes["width"] ?? ""))
    let height = try #require(Double(background.attributes["height"] ?? ""))
    // MultipleLocator(1) over -0.5...2.5 gives -1, 0, 1, 2, 3; the FixedFormatter labels them
    // in order, so "" falls on -1 (out of view) and the names on 0, 1, 2.
    let x = labels(document, axis: "xaxis")
    #expect(x.map(\.text) == cats)
    for (i, label) in x.enumerated() {
      #expect(label.y < top)  // above the matrix
      #expect(label.transform?.hasPrefix("rotate(-90 ") == true)
      let cellCentre = left + width * (Double(i) + 0.5) / 3
      #expect(abs(label.x - cellCentre) < 6)
    }
    let y = labels(document, axis: "yaxis")
    #expect(y.map(\.text) == cats)
    #expect(y.map(\.y) == y.map(\.y).sorted())  // row 0 at the top
    #expect(abs(y[1].y - (top + height / 2)) < 6)
    // Square cells, and the title clears the rotated labels.
    #expect(abs(width - height) < 0.5)
    let title = try #require(document.elements(withClass: "title").first)
    let titleY = try #require(Double(title.attributes["y"] ?? ""))
    let longest = TextMetrics.width("Chinese", fontSize: 10)
    #expect(titleY < top - longest)
    #expect(document.elements(withClass: "image").count == 1)
  }

  @Test func matshowAloneHasIntegerTicksOnTopAndPltMatshowOpensAFigure() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      plt.plot([1, 2])
      plt.matshow([[float(i * 12 + j) for j in range(12)] for i in range(4)])
      plt.show()
      """)
    #expect(outputs.count == 2)
    let document = try SVGDocument(outputs[1].svg)
    let x = labels(document, axis: "xaxis").map(\.text)
    #expect(x == ["0", "2", "4", "6", "8", "10"])
    let background = try #require(document.elements(withClass: "background").first)
    let top = try #require(Double(background.attributes["y"] ?? ""))
    #expect(labels(document, axis: "xaxis").allSatisfy { $0.y < top && $0.transform == nil })
    #expect(labels(document, axis: "yaxis").map(\.text) == ["0", "1", "2", "3"])
  }

  @Test func multipleLocatorOnALinePlotAndTickTop() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      from matplotlib.ticker import MultipleLocator
      fig, ax = plt.subplots()
      ax.plot([0, 100000], [2.9, 1.2])
      ax.xaxis.set_major_locator(MultipleLocator(20000))
      ax.yaxis.set_major_locator(MultipleLocator(base=0.5))
      plt.show()
      """)
    let document = try SVGDocument(outputs[0].svg)
    #expect(
      labels(document, axis: "xaxis").map(\.text)
        == ["0", "20000", "40000", "60000", "80000", "100000"])
    // 5% margins: 1.115...2.985 shows 1.5, 2.0, 2.5.
    #expect(labels(document, axis: "yaxis").map(\.text) == ["1.5", "2.0", "2.5"])
    let error = try #require(
      pyplotCellError(
        """
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots()
        ax.xaxis.set_major_locator(5)
        """))
    #expect(error.typeName == "TypeError")
  }
}
