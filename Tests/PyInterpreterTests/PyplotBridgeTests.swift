import Foundation
import Testing

@testable import PyInterpreter

/// Runs `source` in a fresh session with the plotting modules and returns what reached the sink.
func runPyplotCell(_ source: String) throws -> [PlotOutput] {
  let session = Interpreter()
  session.output = { _ in }
  let sink = FigureCollector()
  PlotBridge.register(in: session, sink: sink)
  try session.run(source: source)
  return sink.outputs
}

/// The error a cell raises, or nil when it runs.
func pyplotCellError(_ source: String) -> PythonError? {
  do {
    _ = try runPyplotCell(source)
    return nil
  } catch let error as PythonError {
    return error
  } catch {
    return nil
  }
}

func svgTexts(_ document: SVGDocument, _ className: String) -> [String] {
  document.elements(withClass: className).map(\.allText)
}

/// `matplotlib.pyplot` through the cell language: state machine, object API, data, errors.
@Suite struct PyplotBridgeTests {
  @Test func showHandsEveryFigureToTheSinkInOrderAndClosesThem() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      plt.figure()
      plt.plot([1, 2, 3])
      plt.title("first")
      plt.figure(figsize=(4, 3))
      plt.plot([3, 2, 1], "r--")
      plt.title("second")
      plt.show()
      plt.show()
      """)
    #expect(outputs.count == 2)
    #expect(outputs.allSatisfy { $0.filename == nil })
    let first = try SVGDocument(outputs[0].svg)
    let second = try SVGDocument(outputs[1].svg)
    #expect(svgTexts(first, "title") == ["first"])
    #expect(svgTexts(second, "title") == ["second"])
    #expect(second.root.attributes["width"] == "288pt")
    let line = try #require(second.elements(withClass: "line2d").first)
    #expect(line.attributes["stroke"] == "#ff0000")
    #expect(line.attributes["stroke-dasharray"] != nil)
  }

  @Test func savefigNamesTheFileAndKeepsTheFigureOpen() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      plt.plot(range(5), [x * x for x in range(5)], label="squares")
      plt.xlabel("x")
      plt.ylabel("x squared")
      plt.legend()
      plt.savefig("squares.svg", dpi=150)
      plt.close()
      plt.show()
      """)
    #expect(outputs.count == 1)
    #expect(outputs[0].filename == "squares.svg")
    let document = try SVGDocument(outputs[0].svg)
    #expect(svgTexts(document, "xlabel") == ["x"])
    #expect(svgTexts(document, "ylabel") == ["x squared"])
    #expect(svgTexts(document, "legend-label") == ["squares"])
  }

  @Test func subplotsGridIndexesBothWaysAndSuptitleShows() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      fig, axes = plt.subplots(2, 2, figsize=(8, 6))
      axes[0, 0].plot([1, 2], [3, 4])
      axes[0][1].scatter([1, 2, 3], [3, 1, 2], c=[0.1, 0.5, 0.9], cmap="plasma")
      axes[1, 0].hist([1, 2, 2, 3, 3, 3], bins=3)
      axes[1, 1].bar(["a", "b", "c"], [3, 5, 2])
      for i, ax in enumerate(axes.flat):
          ax.set_title(f"panel {i}")
      assert axes.shape == (2, 2)
      assert len(axes) == 2
      fig.suptitle("four panels")
      fig.tight_layout()
      plt.show()
      """)
    #expect(outputs.count == 1)
    let document = try SVGDocument(outputs[0].svg)
    #expect(document.root.attributes["width"] == "576pt")
    #expect(document.elements(withClass: "axes").count == 4)
    #expect(svgTexts(document, "title") == ["panel 0", "panel 1", "panel 2", "panel 3"])
    #expect(svgTexts(document, "suptitle") == ["four panels"])
    #expect(document.elements(withClass: "line2d").count == 1)
    let bars = document.elements(withClass: "bars")
    #expect(bars.count == 2)
    #expect(bars.map { $0.children.count }.sorted() == [3, 3])
    #expect(svgTexts(document, "ticklabel").contains("b"))
  }

  @Test func oneRowOfSubplotsIsOneDimensionalAndOneIsAnAxes() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      fig, axs = plt.subplots(1, 3)
      assert len(axs) == 3
      axs[-1].plot([0, 1])
      fig2, ax = plt.subplots()
      ax.plot([1, 0])
      ax.set_xlim(0, 2)
      assert ax.get_xlim() == (0.0, 2.0)
      plt.show()
      """)
    #expect(outputs.count == 2)
    #expect(try SVGDocument(outputs[0].svg).elements(withClass: "axes").count == 3)
    #expect(try SVGDocument(outputs[1].svg).elements(withClass: "axes").count == 1)
  }

  @Test func pyplotFunctionsDrawOnTheCurrentSubplot() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      plt.subplot(1, 2, 1)
      plt.plot([1, 2, 3], "o")
      plt.title("left")
      plt.subplot(122)
      plt.axhline(0.5, color="k", linestyle=":")
      plt.axvline(1)
      plt.title("right")
      plt.subplot(1, 2, 1)
      plt.xlabel("back on the left")
      plt.show()
      """)
    let document = try SVGDocument(outputs[0].svg)
    #expect(document.elements(withClass: "axes").count == 2)
    #expect(svgTexts(document, "title") == ["left", "right"])
    #expect(svgTexts(document, "xlabel") == ["back on the left"])
    #expect(document.elements(withClass: "line2d").count == 2)
    #expect(document.elements(withClass: "markers").count == 1)
  }

  @Test func imshowContourfAndColorbarDrawImagesBandsAndABar() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      z = [[(i - 3) ** 2 + (j - 4) ** 2 for j in range(9)] for i in range(7)]
      fig, (a, b) = plt.subplots(1, 2)
      im = a.imshow(z, cmap="gray", vmin=0, vmax=30, origin="lower")
      fig.colorbar(im, ax=a)
      xs = list(range(9))
      ys = list(range(7))
      cs = b.contourf(xs, ys, z, levels=[0, 5, 10, 20, 40], cmap="viridis", alpha=0.8)
      b.contour(xs, ys, z, levels=3, colors="k")
      plt.colorbar(cs, ax=b, label="distance")
      assert cs.levels == [0.0, 5.0, 10.0, 20.0, 40.0]
      plt.show()
      """)
    let document = try SVGDocument(outputs[0].svg)
    #expect(document.elements(withClass: "image").count == 1)
    #expect(document.elements(withClass: "colorbar").count == 2)
    #expect(document.elements(withClass: "segments").count >= 2)
    #expect(svgTexts(document, "ylabel").contains("distance"))
  }

  @Test func errorbarFillBetweenTextAndLogScaleRender() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      x = [1, 10, 100]
      plt.errorbar(x, [1, 2, 3], yerr=[0.1, 0.2, 0.3], fmt="o", capsize=3)
      plt.fill_between(x, [0.5, 1, 2], [1.5, 3, 4], alpha=0.3, color="C1")
      plt.text(0.5, 0.9, "note", transform=plt.gca().transAxes, ha="center")
      plt.xscale("log")
      plt.grid(True)
      plt.ylim(0, 5)
      plt.show()
      """)
    let document = try SVGDocument(outputs[0].svg)
    #expect(svgTexts(document, "text") == ["note"])
    #expect(document.elements(withClass: "grid").count >= 1)
    #expect(document.elements(withClass: "patch").count == 1)
    #expect(svgTexts(document, "ticklabel").contains { $0.contains("10") })
  }

  @Test func objectsWithToListAreData() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      class Arr:
          def __init__(self, v):
              self.v = v
          def tolist(self):
              return self.v
      plt.plot(Arr([0, 1, 2]), Arr([2.0, 1.0, 0.5]))
      plt.imshow(Arr([[1, 2], [3, 4]]))
      plt.show()
      """)
    let document = try SVGDocument(outputs[0].svg)
    let line = try #require(document.elements(withClass: "line2d").first)
    #expect(pathNumbers(line.attributes["d"] ?? "").count == 6)
    #expect(document.elements(withClass: "image").count == 1)
  }

  @Test func unknownKeywordIsATypeErrorNamingIt() throws {
    let error = try #require(
      pyplotCellError("import matplotlib.pyplot as plt\nplt.plot([1, 2], colour='red')\n"))
    #expect(error.typeName == "TypeError")
    #expect(error.message.contains("'colour'"))
    let scatter = try #require(
      pyplotCellError(
        "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\n"
          + "ax.scatter([1], [2], wobble=3)\n"
      ))
    #expect(scatter.typeName == "TypeError")
    #expect(scatter.message.contains("'wobble'"))
  }

  @Test func badValuesAreValueErrors() throws {
    let color = try #require(
      pyplotCellError("import matplotlib.pyplot as plt\nplt.plot([1], color='nocolor')\n"))
    #expect(color.typeName == "ValueError")
    let shape = try #require(
      pyplotCellError("import matplotlib.pyplot as plt\nplt.plot([1, 2], [1, 2, 3])\n"))
    #expect(shape.typeName == "ValueError")
    #expect(shape.message.contains("(2,)") && shape.message.contains("(3,)"))
    let cmap = try #require(
      pyplotCellError("import matplotlib.pyplot as plt\nplt.imshow([[1]], cmap='nope')\n"))
    #expect(cmap.typeName == "ValueError")
  }

  @Test func histReturnsCountsAndEdges() throws {
    let session = Interpreter()
    var printed = ""
    session.output = { printed += $0 }
    PlotBridge.register(in: session, sink: FigureCollector())
    try session.run(
      source: """
        import matplotlib.pyplot as plt
        n, edges, _ = plt.hist([1, 2, 2, 3, 3, 3, 4], bins=3, density=False, histtype="step")
        print(n, edges[0], edges[-1])
        """)
    #expect(printed == "[1.0, 2.0, 4.0] 1.0 4.0\n")
  }

  @Test func axesSetSemilogyAndTickLabels() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      fig, ax = plt.subplots()
      ax.semilogy([1, 2, 3], [1, 100, 10000])
      ax.set(title="growth", xlabel="step", ylabel="loss", xlim=(0, 4))
      plt.xticks([1, 2, 3], ["one", "two", "three"], rotation=45)
      plt.show()
      """)
    let document = try SVGDocument(outputs[0].svg)
    #expect(svgTexts(document, "title") == ["growth"])
    #expect(svgTexts(document, "xlabel") == ["step"])
    #expect(svgTexts(document, "ylabel") == ["loss"])
    let labels = svgTexts(document, "ticklabel")
    #expect(labels.starts(with: ["one", "two", "three"]))
    #expect(labels.contains { $0.contains("10") })
    let error = try #require(
      pyplotCellError(
        "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.set(colour='r')\n"))
    #expect(error.typeName == "TypeError")
    #expect(error.message.contains("'colour'"))
  }

  @Test func axesOutliveTheirClosedFigure() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      ax = plt.gca()
      plt.close()
      ax.plot([1, 2])
      fig = ax.get_figure()
      fig.savefig("late.svg")
      plt.show()
      """)
    #expect(outputs.map(\.filename) == ["late.svg"])
  }

  @Test func hostShowsFiguresACellLeftOpen() throws {
    let session = Interpreter()
    let sink = FigureCollector()
    let plots = PlotBridge.register(in: session, sink: sink)
    try session.run(
      source: """
        import matplotlib.pyplot as plt
        plt.plot([1, 2])
        plt.figure()
        plt.bar([1, 2], [3, 4])
        """)
    #expect(sink.outputs.isEmpty)
    #expect(plots.openFigureCount == 2)
    plots.showOpenFigures()
    #expect(sink.outputs.count == 2)
    #expect(plots.openFigureCount == 0)
  }

  @Test func scalarObjectsAndNumberLikeBinsAreNumbers() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      class Scalar:
          def __init__(self, v):
              self.v = v
          def tolist(self):
              return self.v
      n, edges, _ = plt.hist([1, 2, 3, 4], bins=Scalar(2))
      assert n == [2.0, 2.0], n
      plt.scatter([1, 2], [3, 4], s=Scalar(10))
      plt.legend(["points"])
      plt.show()
      """)
    let document = try SVGDocument(outputs[0].svg)
    #expect(document.elements(withClass: "scatter").count == 1)
    let legend = try pyplotCellError(
      "import matplotlib.pyplot as plt\nplt.plot([1])\nplt.legend([1], ['a'])\n")
    #expect(legend?.typeName == "TypeError")
  }

  @Test func spectralColormapFromPltCm() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      plt.scatter([0, 1, 2], [0, 1, 2], c=[0, 1, 2], s=40, cmap=plt.cm.Spectral)
      plt.scatter([0, 1], [1, 0], c=[0, 1], cmap="Spectral_r")
      plt.show()
      """)
    let document = try SVGDocument(outputs[0].svg)
    let groups = document.elements(withClass: "scatter")
    #expect(groups.count == 2)
    let fills = groups.map { $0.children.compactMap { $0.attributes["fill"] } }
    #expect(fills.first == ["#9e0142", "#ffffbf", "#5e4fa2"])
    #expect(fills.last == ["#5e4fa2", "#9e0142"])
  }
}
