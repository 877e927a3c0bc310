import Foundation
import Testing

@testable import PyInterpreter

/// `seaborn` through the cell language.
@Suite struct PyplotBridgeSeabornTests {
  @Test func kdeplotOneAndTwoDimensional() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      import seaborn as sns
      data = [0.1 * ((i * 37) % 50) - 2.5 for i in range(100)]
      other = [v * 0.5 + 0.02 * ((i * 11) % 7) for i, v in enumerate(data)]
      fig, (a, b) = plt.subplots(1, 2)
      sns.kdeplot(data, fill=True, label="kde", ax=a)
      sns.kdeplot(x=data, y=other, ax=b, levels=5)
      plt.show()
      """)
    let document = try SVGDocument(outputs[0].svg)
    #expect(document.elements(withClass: "line2d").count >= 1)
    #expect(document.elements(withClass: "patch").count >= 1)
    #expect(document.elements(withClass: "segments").count >= 3)
  }

  @Test func jointplotKdeIsItsOwnFigureWithThreeAxes() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      import seaborn as sns
      x = [((i * 13) % 17) / 4 for i in range(60)]
      y = [v + ((i * 7) % 5) / 5 for i, v in enumerate(x)]
      g = sns.jointplot(x=x, y=y, kind="kde", fill=True)
      g.set_axis_labels("feature", "target")
      plt.show()
      """)
    #expect(outputs.count == 1)
    let document = try SVGDocument(outputs[0].svg)
    #expect(document.elements(withClass: "axes").count == 3)
    #expect(svgTexts(document, "xlabel") == ["feature"])
    #expect(svgTexts(document, "ylabel") == ["target"])
    // Labels set after the grid was made still fit inside the 432 × 432 pt figure.
    let xlabel = try #require(document.elements(withClass: "xlabel").first)
    let baseline = try #require(Double(xlabel.attributes["y"] ?? ""))
    #expect(baseline < 430)
    let ylabel = try #require(document.elements(withClass: "ylabel").first)
    #expect(try #require(Double(ylabel.attributes["x"] ?? "")) > 8)
  }

  @Test func jointplotRejectsOtherKinds() throws {
    let error = try #require(
      pyplotCellError("import seaborn as sns\nsns.jointplot(x=[1, 2], y=[2, 1], kind='hex')\n"))
    #expect(error.typeName == "ValueError")
    #expect(error.message.contains("hex"))
  }
}
