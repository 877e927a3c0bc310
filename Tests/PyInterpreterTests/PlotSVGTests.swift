import Foundation
import Testing

@testable import PyInterpreter

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A parsed SVG document: every element with its attributes and direct text, in order.
struct SVGDocument {
  final class Element {
    let name: String
    let attributes: [String: String]
    var text = ""
    var children: [Element] = []
    weak var parent: Element?

    init(name: String, attributes: [String: String]) {
      self.name = name
      self.attributes = attributes
    }

    /// This element's text including that of its descendants (tspans).
    var allText: String { text + children.map(\.allText).joined() }

    func hasAncestor(withClass name: String) -> Bool {
      var node = parent
      while let current = node {
        if current.attributes["class"] == name { return true }
        node = current.parent
      }
      return false
    }
  }

  struct ParseError: Error {
    var message: String
  }

  let root: Element
  let all: [Element]

  init(_ svg: String) throws {
    let delegate = Delegate()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = delegate
    guard parser.parse(), let root = delegate.root else {
      throw ParseError(message: parser.parserError.map { "\($0)" } ?? "no root element")
    }
    self.root = root
    all = delegate.all
  }

  func elements(named name: String) -> [Element] { all.filter { $0.name == name } }

  func elements(withClass name: String) -> [Element] {
    all.filter { $0.attributes["class"] == name }
  }

  private final class Delegate: NSObject, XMLParserDelegate {
    var root: Element?
    var stack: [Element] = []
    var all: [Element] = []

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      let element = Element(name: elementName, attributes: attributes)
      element.parent = stack.last
      stack.last?.children.append(element)
      if root == nil { root = element }
      stack.append(element)
      all.append(element)
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      stack.last?.text += string
    }
  }
}

/// Numbers in a path's `d` attribute, in order.
func pathNumbers(_ d: String) -> [Double] {
  var numbers: [Double] = []
  var current = ""
  for character in d {
    if character.isNumber || character == "." || (character == "-" && current.isEmpty) {
      current.append(character)
    } else {
      if let value = Double(current) { numbers.append(value) }
      current = character == "-" ? "-" : ""
    }
  }
  if let value = Double(current) { numbers.append(value) }
  return numbers
}

/// The SVG document itself: well-formedness, units, determinism, ids, escaping, geometry.
@Suite struct PlotSVGTests {
  @Test func documentIsStandaloneWithPointUnits() throws {
    let figure = Figure(figsize: (5, 3))
    figure.currentAxes().plot([0, 1], [0, 1])
    let svg = figure.svg()
    let document = try SVGDocument(svg)
    #expect(svg.hasPrefix("<?xml"))
    #expect(document.root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
    #expect(document.root.attributes["width"] == "360pt")
    #expect(document.root.attributes["height"] == "216pt")
    #expect(document.root.attributes["viewBox"] == "0 0 360 216")
    #expect(document.root.attributes["font-family"]?.hasPrefix("'DejaVu Sans'") == true)
    let background = try #require(document.elements(withClass: "figure-background").first)
    #expect(background.attributes["fill"] == "#ffffff")
  }

  @Test func lineFromOriginToOneMapsInsideTheMargins() throws {
    let figure = Figure()
    figure.currentAxes().plot([0, 1], [0, 1])
    let document = try SVGDocument(figure.svg())
    let line = try #require(document.elements(withClass: "line2d").first)
    let numbers = pathNumbers(line.attributes["d"] ?? "")
    // Axes box of a 6.4 × 4.8 in figure: x 57.6...414.72, y 41.47...307.58 (points); limits
    // -0.05...1.05 put (0, 0) and (1, 1) 1/22 of the box inside its corners.
    let expected = [73.83, 295.49, 398.49, 53.57]
    #expect(numbers.count == 4)
    for (value, want) in zip(numbers, expected) { #expect(abs(value - want) < 0.011) }
    let background = try #require(document.elements(withClass: "background").first)
    #expect(background.attributes["x"] == "57.6")
    #expect(background.attributes["width"] == "357.12")
  }

  @Test func linesTakeTheTab10CycleInOrder() throws {
    let figure = Figure()
    let axes = figure.currentAxes()
    for offset in 0..<11 { axes.plot([0, 1], [Double(offset), Double(offset) + 1]) }
    let document = try SVGDocument(figure.svg())
    let strokes = document.elements(withClass: "line2d").compactMap { $0.attributes["stroke"] }
    #expect(
      strokes == [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
        "#bcbd22", "#17becf", "#1f77b4",
      ])
  }

  @Test func formatStringSetsColourDashesAndMarkers() throws {
    let figure = Figure()
    figure.currentAxes().plot([0, 1, 2], [0, 1, 0], "r--o")
    let document = try SVGDocument(figure.svg())
    let line = try #require(document.elements(withClass: "line2d").first)
    #expect(line.attributes["stroke"] == "#ff0000")
    #expect(line.attributes["stroke-dasharray"] == "5.55,2.4")
    let markers = document.elements(withClass: "markers").first?.children ?? []
    #expect(markers.count == 3)
    #expect(markers.allSatisfy { $0.name == "circle" && $0.attributes["r"] == "3" })
  }

  @Test func markerOnlyFormatDrawsNoLine() throws {
    let figure = Figure()
    figure.currentAxes().plot([0, 1, 2], [0, 1, 0], "s")
    let document = try SVGDocument(figure.svg())
    #expect(document.elements(withClass: "line2d").isEmpty)
    #expect(document.elements(withClass: "markers").first?.children.count == 3)
  }

  @Test func legendListsLabelsInOrderAndSkipsUnderscored() throws {
    let figure = Figure()
    let axes = figure.currentAxes()
    axes.plot([0, 1], [0, 1], label: "train")
    axes.plot([0, 1], [1, 0], label: "_hidden")
    axes.scatter([0.5], [0.5], label: "test & <val>")
    axes.hist([1, 2, 3], label: "counts")
    axes.legend()
    let svg = figure.svg()
    #expect(svg.contains("test &amp; &lt;val&gt;"))
    let document = try SVGDocument(svg)
    let labels = document.elements(withClass: "legend-label").map(\.allText)
    #expect(labels == ["train", "test & <val>", "counts"])
  }

  @Test func bestLegendAvoidsTheData() throws {
    let figure = Figure()
    let axes = figure.currentAxes()
    let xs = (0...20).map { Double($0) / 20 }
    axes.plot(xs, xs, label: "rising")
    axes.legend()
    let document = try SVGDocument(figure.svg())
    let frame = try #require(document.elements(withClass: "legend").first?.children.first)
    // A rising diagonal leaves the upper left and lower right free; upper left comes first.
    let x = Double(frame.attributes["x"] ?? "") ?? 0
    let y = Double(frame.attributes["y"] ?? "") ?? 0
    #expect(x < 100 && y < 100)
  }

  @Test func histogramBarHeightsFollowTheCounts() throws {
    let figure = Figure()
    let axes = figure.currentAxes()
    let result = axes.hist([1, 2, 2, 3, 3, 3], bins: .count(3))
    #expect(result.counts == [1, 2, 3])
    #expect(result.edges.count == 4)
    let document = try SVGDocument(figure.svg())
    let bars = try #require(document.elements(withClass: "bars").first).children
    let heights = bars.compactMap { Double($0.attributes["height"] ?? "") }
    #expect(heights.count == 3)
    #expect(abs(heights[1] / heights[0] - 2) < 0.01 && abs(heights[2] / heights[0] - 3) < 0.01)
    // Bars stand on the axes' bottom edge: zero is a sticky edge, no margin below it.
    for bar in bars {
      let bottom =
        (Double(bar.attributes["y"] ?? "") ?? 0) + (Double(bar.attributes["height"] ?? "") ?? 0)
      #expect(abs(bottom - 307.58) < 0.02)
    }
  }

  @Test func densityHistogramIntegratesToOne() {
    let figure = Figure()
    let result = figure.currentAxes().hist(
      [0.1, 0.4, 0.5, 0.9, 1.7, 2.2, 2.3], bins: .edges([0, 0.5, 1, 2, 3]), density: true)
    let area = zip(result.counts, zip(result.edges, result.edges.dropFirst())).reduce(0.0) {
      $0 + $1.0 * ($1.1.1 - $1.1.0)
    }
    #expect(abs(area - 1) < 1e-12)
    #expect(result.counts[0] == 2 / 7 / 0.5)
  }

  @Test func sameFigureGivesTheSameBytes() {
    func make() -> String {
      let figure = Figure()
      let axes = figure.currentAxes()
      axes.plot([0, 1, 2], [2, 1, 3], label: "a")
      axes.imshow([[1, 2], [3, 4]])
      axes.legend()
      return figure.svg()
    }
    #expect(make() == make())
  }

  @Test func differentFiguresGetDifferentIds() throws {
    let first = Figure()
    first.currentAxes().plot([0, 1], [0, 1])
    let second = Figure()
    second.currentAxes().plot([0, 1], [1, 0])
    let ids = try [first, second].map { figure in
      try SVGDocument(figure.svg()).all.compactMap { $0.attributes["id"] }
    }
    #expect(!ids[0].isEmpty)
    #expect(Set(ids[0]).isDisjoint(with: Set(ids[1])))
    second.idPrefix = "fig7"
    #expect(try SVGDocument(second.svg()).all.compactMap { $0.attributes["id"] } == ["fig7-clip0"])
  }

  @Test func numbersArePrintedCompactly() {
    #expect(SVGBuilder.number(1.0) == "1")
    #expect(SVGBuilder.number(2.5) == "2.5")
    #expect(SVGBuilder.number(-0.004) == "0")
    #expect(SVGBuilder.number(3.14159) == "3.14")
    #expect(SVGBuilder.number(-12.05) == "-12.05")
    #expect(SVGBuilder.number(0.07) == "0.07")
    #expect(SVGBuilder.fraction(0.25) == "0.25")
  }

  @Test func titlesAndLabelsAreDrawnAndEscaped() throws {
    let figure = Figure()
    let axes = figure.currentAxes()
    axes.plot([0, 1], [0, 1])
    axes.setTitle("Loss < 1")
    axes.setXLabel("epoch")
    axes.setYLabel("$\\alpha^2$")
    figure.suptitle("Run 3")
    let document = try SVGDocument(figure.svg())
    #expect(document.elements(withClass: "title").map(\.allText) == ["Loss < 1"])
    #expect(document.elements(withClass: "xlabel").map(\.allText) == ["epoch"])
    #expect(document.elements(withClass: "ylabel").map(\.allText) == ["α²"])
    #expect(document.elements(withClass: "suptitle").map(\.allText) == ["Run 3"])
    let ylabel = try #require(document.elements(withClass: "ylabel").first)
    #expect(ylabel.attributes["transform"]?.hasPrefix("rotate(-90") == true)
  }

  @Test func subplotsLayOutAGridLeftToRightTopToBottom() throws {
    let figure = Figure()
    let grid = figure.subplots(2, 3)
    #expect(grid.count == 2 && grid[0].count == 3)
    for row in grid { for axes in row { axes.plot([0, 1], [0, 1]) } }
    let document = try SVGDocument(figure.svg())
    let boxes = document.elements(withClass: "background").map {
      (Double($0.attributes["x"] ?? "") ?? 0, Double($0.attributes["y"] ?? "") ?? 0)
    }
    #expect(boxes.count == 6)
    #expect(boxes[0].0 < boxes[1].0 && boxes[1].0 < boxes[2].0)
    #expect(boxes[0].1 == boxes[2].1 && boxes[3].1 > boxes[0].1)
  }

  @Test func tightLayoutKeepsDecorationsInsideTheFigure() throws {
    let figure = Figure(figsize: (4, 3))
    let axes = figure.currentAxes()
    axes.plot([0, 1000000], [0, 123456])
    axes.setYLabel("a long label")
    axes.setTitle("title")
    figure.tightLayout()
    let document = try SVGDocument(figure.svg())
    let background = try #require(document.elements(withClass: "background").first)
    let x = Double(background.attributes["x"] ?? "") ?? 0
    let y = Double(background.attributes["y"] ?? "") ?? 0
    let width = Double(background.attributes["width"] ?? "") ?? 0
    #expect(x > 40 && x < 90)
    #expect(y > 20 && y < 40)
    #expect(x + width < 288)
  }

  @Test func logAxesIgnoreNonPositiveData() {
    let figure = Figure()
    let axes = figure.currentAxes()
    axes.plot([0, 1, 10, 100], [1, 2, 3, 4])
    axes.setXScale(.log)
    let view = axes.view(.x)
    #expect(view.lower > 0.5 && view.lower < 1)
    #expect(view.upper > 100 && view.upper < 200)
  }

  @Test func imshowDrawsOneRectPerRunOfCellsAndInvertsY() throws {
    let figure = Figure()
    let axes = figure.currentAxes()
    let mappable = axes.imshow(
      [[0, 0, 1], [1, 2, 2]], colormap: Colormap(named: "gray") ?? .viridis)
    #expect(mappable.vmin == 0 && mappable.vmax == 2)
    let document = try SVGDocument(figure.svg())
    let cells = try #require(document.elements(withClass: "image").first).children
    #expect(
      cells.map { $0.attributes["fill"] ?? "" } == ["#000000", "#808080", "#808080", "#ffffff"])
    let firstY = Double(cells[0].attributes["y"] ?? "") ?? 0
    let lastY = Double(cells[3].attributes["y"] ?? "") ?? 0
    #expect(firstY < lastY)
    let view = axes.view(.y)
    #expect(view.lower == 1.5 && view.upper == -0.5)
  }

  @Test func largeImagesAreDownsampled() throws {
    let values = (0..<500).map { i in (0..<400).map { j in Double(i + j) } }
    let figure = Figure()
    figure.currentAxes().imshow(values)
    let document = try SVGDocument(figure.svg())
    let cells = try #require(document.elements(withClass: "image").first).children
    #expect(cells.count <= 120 * 120)
    #expect(cells.count > 1000)
  }

  @Test func colorbarAddsBandsAndTicks() throws {
    let figure = Figure()
    let axes = figure.currentAxes()
    let mappable = axes.scatter([0, 1, 2], [0, 1, 2], colors: .values([0, 5, 10]))
    #expect(mappable?.vmin == 0 && mappable?.vmax == 10)
    figure.colorbar(label: "value")
    let document = try SVGDocument(figure.svg())
    let bar = try #require(document.elements(withClass: "colorbar").first)
    let labels = document.all.filter {
      $0.attributes["class"] == "ticklabel" && $0.hasAncestor(withClass: "colorbar")
    }
    #expect(labels.map(\.allText) == ["0", "2", "4", "6", "8", "10"])
    #expect(bar.children.first?.children.count == 64)
    let circles = document.elements(named: "circle").map { $0.attributes["fill"] ?? "" }
    #expect(circles == ["#440154", "#21918c", "#fde725"])
  }

  @Test func denseLinesAreThinnedToAFewPointsPerColumn() throws {
    let figure = Figure()
    let xs = (0..<100_000).map(Double.init)
    let ys = xs.map { sin($0 / 1000) + ($0.truncatingRemainder(dividingBy: 7) - 3) / 10 }
    figure.currentAxes().plot(xs, ys)
    let document = try SVGDocument(figure.svg())
    let line = try #require(document.elements(withClass: "line2d").first)
    let vertices = pathNumbers(line.attributes["d"] ?? "").count / 2
    // 357 points wide, four columns per point, at most four vertices per column.
    #expect(vertices <= 4 * 4 * 358)
    #expect(vertices > 1000)
    let numbers = pathNumbers(line.attributes["d"] ?? "")
    let drawnYs = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
    // The extremes survive thinning: the top and bottom of the data reach the margins.
    #expect(abs((drawnYs.min() ?? 0) - 53.57) < 0.5)
    #expect(abs((drawnYs.max() ?? 0) - 295.49) < 0.5)
  }

  @Test func emptyFigureIsStillADocument() throws {
    let document = try SVGDocument(Figure().svg())
    #expect(document.elements(withClass: "figure-background").count == 1)
    #expect(document.elements(withClass: "axes").isEmpty)
    let axesOnly = Figure()
    axesOnly.currentAxes().setTitle("nothing yet")
    let labels = try SVGDocument(axesOnly.svg()).elements(withClass: "ticklabel").map(\.allText)
    #expect(labels.prefix(2) == ["0.0", "0.2"])
  }

  @Test func categoricalBarsLabelTheirTicks() throws {
    let figure = Figure()
    let grid = figure.subplots(1, 2)
    grid[0][0].bar(categories: ["SGD", "Adam"], [0.91, 0.97])
    grid[0][1].barh(categories: ["train", "test"], [0.99, 0.93])
    let document = try SVGDocument(figure.svg())
    let xLabels = document.elements(withClass: "ticklabel")
      .filter { $0.hasAncestor(withClass: "xaxis") }.map(\.allText)
    #expect(xLabels.prefix(2) == ["SGD", "Adam"])
    let yLabels = document.elements(withClass: "ticklabel")
      .filter { $0.hasAncestor(withClass: "yaxis") }.map(\.allText)
    #expect(yLabels.suffix(2) == ["train", "test"])
    let bars = document.elements(withClass: "bars").flatMap(\.children)
    #expect(bars.count == 4)
    #expect(grid[0][1].xLimits().0 == 0)
  }

  @Test func twinAxesPutTheirYAxisOnTheRight() throws {
    let figure = Figure()
    let loss = figure.currentAxes()
    loss.plot([0, 10], [2, 0.5])
    let rate = loss.twinx()
    rate.plot([0, 5, 10], [0.1, 0.1, 0.01], color: Color("C1"))
    rate.setYLabel("learning rate")
    #expect(rate.xLimits() == loss.xLimits())
    #expect(figure.currentAxes() === rate)
    let document = try SVGDocument(figure.svg())
    let axes = document.elements(withClass: "yaxis")
    #expect(axes.count == 2)
    let rightLabels = axes[1].children.filter { $0.attributes["class"] == "ticklabel" }
    #expect(!rightLabels.isEmpty)
    // 414.72 is the right edge of the axes box; labels start past the tick and its pad.
    #expect(rightLabels.allSatisfy { $0.attributes["x"] == "421.72" })
    #expect(rightLabels.allSatisfy { $0.attributes["text-anchor"] == nil })
    #expect(document.elements(withClass: "background").count == 1)
    #expect(document.elements(withClass: "xaxis")[1].children.isEmpty)
  }

  @Test func stepHoldsValuesBeforeOrAfterEachX() throws {
    let figure = Figure()
    let axes = figure.currentAxes()
    axes.step([0, 1, 2], [0, 1, 0])
    axes.step([0, 1, 2], [0, 1, 0], where: .post)
    guard case .line(let pre) = axes.artists[0], case .line(let post) = axes.artists[1] else {
      Issue.record("step should draw lines")
      return
    }
    #expect(pre.xs == [0, 0, 1, 1, 2] && pre.ys == [0, 1, 1, 0, 0])
    #expect(post.xs == [0, 1, 1, 2, 2] && post.ys == [0, 0, 1, 1, 0])
  }

  @Test func clearingStartsAfresh() throws {
    let figure = Figure()
    let axes = figure.currentAxes()
    axes.plot([0, 1], [5, 6], label: "a")
    axes.setTitle("old")
    axes.clear()
    axes.plot([0, 1], [0, 1])
    let document = try SVGDocument(figure.svg())
    #expect(document.elements(withClass: "title").isEmpty)
    #expect(document.elements(withClass: "line2d").first?.attributes["stroke"] == "#1f77b4")
    figure.clear()
    #expect(figure.axes.isEmpty)
  }

  @Test func controlCharactersAreDroppedFromText() throws {
    let figure = Figure()
    figure.currentAxes().setTitle("bell\u{7} tab\tend")
    let document = try SVGDocument(figure.svg())
    #expect(document.elements(withClass: "title").map(\.allText) == ["bell tab\tend"])
  }

  @Test func inlineFormOmitsTheXMLDeclaration() throws {
    let figure = Figure()
    figure.currentAxes().plot([0, 1], [0, 1])
    let inline = figure.svg(xmlDeclaration: false)
    #expect(inline.hasPrefix("<svg "))
    #expect(try SVGDocument(inline).root.name == "svg")
  }

  @Test func sharedAxesShareLimitsAndHideInnerLabels() throws {
    let figure = Figure()
    let grid = figure.subplots(2, 2, sharex: true, sharey: true)
    grid[0][0].plot([0, 1], [0, 1])
    grid[1][1].plot([5, 10], [-3, 3])
    #expect(grid[0][1].xLimits() == grid[1][0].xLimits())
    #expect(grid[0][0].yLimits() == grid[1][1].yLimits())
    #expect(abs(grid[1][1].xLimits().0 - (-0.5)) < 1e-12)
    let document = try SVGDocument(figure.svg())
    let labelled = document.elements(withClass: "xaxis").filter {
      $0.children.contains { $0.attributes["class"] == "ticklabel" }
    }
    #expect(labelled.count == 2)
    let yLabelled = document.elements(withClass: "yaxis").filter {
      $0.children.contains { $0.attributes["class"] == "ticklabel" }
    }
    #expect(yLabelled.count == 2)
  }

  @Test func multiLineTitlesStackUpwards() throws {
    let figure = Figure()
    let axes = figure.currentAxes()
    axes.setTitle("Loss\nper epoch")
    let document = try SVGDocument(figure.svg())
    let title = try #require(document.elements(withClass: "title").first)
    #expect(title.children.map(\.text) == ["Loss", "per epoch"])
    let baseline = Double(title.attributes["y"] ?? "") ?? 0
    // One line above the single-line baseline (41.47 - 6 - 2.88), by 1.2 font sizes.
    #expect(abs(baseline - (41.47 - 6 - 2.88 - 14.4)) < 0.02)
  }

  @Test func badInputDoesNotCrash() throws {
    let figure = Figure()
    let axes = figure.currentAxes()
    axes.scatter([1, 2], [1, 2], sizes: [], colors: .values([]))
    axes.bar([0, 1], [1, 2], color: [])
    axes.fillBetween([0, 1], [1, 2], [])
    axes.contour(x: [0, 1, 2], y: [0], [[0, 1, 2], [1, 2, 3]])
    axes.hist([], bins: .count(0))
    axes.imshow([])
    axes.plot([.nan, 1, .infinity], [1, .nan, 2])
    let document = try SVGDocument(figure.svg())
    #expect(document.elements(withClass: "scatter").first?.children.count == 2)
  }

  @Test func limitsAreReportedAfterAutoscale() {
    let figure = Figure()
    let axes = figure.currentAxes()
    axes.plot([0, 10], [5, 6])
    #expect(axes.xLimits() == (-0.5, 10.5))
    axes.setYLim(7, 3)
    #expect(axes.yLimits() == (7, 3))
  }

  @Test func axhlineSpansTheAxesWidth() throws {
    let figure = Figure()
    let axes = figure.currentAxes()
    axes.plot([0, 10], [0, 10])
    axes.axhline(5, color: .black)
    axes.axvline(2, color: .black)
    let document = try SVGDocument(figure.svg())
    let lines = document.elements(withClass: "line2d")
    let horizontal = pathNumbers(lines[1].attributes["d"] ?? "")
    #expect(horizontal == [57.6, 174.53, 414.72, 174.53])
    let vertical = pathNumbers(lines[2].attributes["d"] ?? "")
    #expect(vertical[1] == 307.58 && vertical[3] == 41.47)
  }
}
