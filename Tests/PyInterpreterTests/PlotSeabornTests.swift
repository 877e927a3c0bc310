import Foundation
import Testing

@testable import PyInterpreter

/// seaborn's kdeplot and jointplot, with densities checked against scipy's `gaussian_kde`.
@Suite struct PlotSeabornTests {
  @Test func scottBandwidthMatchesScipy() {
    // scipy: sqrt(gaussian_kde([0, 1, 2, 3, 4]).covariance) == 1.1459772694961639
    #expect(abs(Seaborn.scottBandwidth([0, 1, 2, 3, 4]) - 1.1459772694961639) < 1e-12)
  }

  @Test func oneDimensionalDensityMatchesScipy() {
    let data = [0.0, 1, 2, 3, 4]
    let density = Seaborn.density1D(
      data, bandwidth: Seaborn.scottBandwidth(data), at: [0, 2, 5])
    let scipy = [0.13480721, 0.19514935, 0.06518751]
    for (value, want) in zip(density, scipy) { #expect(abs(value - want) < 1e-8) }
  }

  @Test func twoDimensionalDensityMatchesScipy() {
    let x = [0.0, 1, 2, 3, 4, 2.5]
    let y = [1.0, 0, 2, 5, 3, 2]
    // With cut 0 the 3 × 3 grid runs over the data's range: x 0, 2, 4 and y 0, 2.5, 5.
    let grid = Seaborn.density2D(x: x, y: y, gridsize: 3, cut: 0)
    #expect(grid.xs == [0, 2, 4])
    #expect(grid.ys == [0, 2.5, 5])
    // scipy: gaussian_kde(vstack([x, y]))([[2, 0, 4], [2.5, 5, 0]])
    #expect(abs(grid.z[1][1] - 5.16075348e-02) < 1e-9)
    #expect(abs(grid.z[2][0] - 7.12560016e-06) < 1e-12)
    #expect(abs(grid.z[0][2] - 1.01397601e-04) < 1e-11)
    let wide = Seaborn.density2D(x: x, y: y, gridsize: 80, cut: 4)
    let mass = wide.z.joined().reduce(0, +) * (wide.xs[1] - wide.xs[0]) * (wide.ys[1] - wide.ys[0])
    #expect(abs(mass - 1) < 0.01)
  }

  @Test func kdeplotFillsUnderTheCurveAndLabelsDensity() throws {
    let figure = Figure()
    let axes = figure.currentAxes()
    let (grid, density) = Seaborn.kdeplot(on: axes, [0, 1, 2, 3, 4], fill: true, label: "x")
    #expect(grid.count == 200)
    let bandwidth = 1.1459772694961639
    #expect(abs(grid[0] - (0 - 3 * bandwidth)) < 1e-9)
    #expect(abs(grid[199] - (4 + 3 * bandwidth)) < 1e-9)
    let step = grid[1] - grid[0]
    #expect(abs(density.reduce(0, +) * step - 1) < 0.01)
    let document = try SVGDocument(figure.svg())
    let fill = try #require(document.elements(withClass: "patch").first)
    #expect(fill.attributes["fill"] == "#1f77b4")
    #expect(fill.attributes["fill-opacity"] == "0.25")
    #expect(document.elements(withClass: "ylabel").map(\.allText) == ["Density"])
    #expect(axes.view(.y).lower == 0)
  }

  @Test func isoProportionLevelsEncloseTheirMass() {
    let g = (0..<41).map { -4 + 0.2 * Double($0) }
    let z = g.map { y in g.map { x in exp(-(x * x + y * y) / 2) } }
    let levels = Seaborn.isoProportionLevels(z, proportions: [0.5])
    let total = z.joined().reduce(0, +)
    let above = z.joined().filter { $0 >= levels[0] }.reduce(0, +)
    #expect(abs(above / total - 0.5) < 0.02)
  }

  @Test func twoDimensionalKdeDrawsTenContourLevels() throws {
    var random = PlotRandom(state: 7)
    let x = random.normal(200)
    let y = random.normal(200)
    let figure = Figure()
    let mappable = Seaborn.kdeplot(on: figure.currentAxes(), x: x, y: y, gridsize: 40)
    #expect(mappable?.levels?.count == 10)
    let document = try SVGDocument(figure.svg())
    #expect((9...10).contains(document.elements(withClass: "segments").count))
  }

  @Test func jointplotHasThreeAxesSharingLimits() throws {
    var random = PlotRandom(state: 11)
    let x = random.normal(150)
    let y = random.normal(150, mean: 3)
    let joint = Seaborn.jointplot(x: x, y: y, xlabel: "x", ylabel: "y", gridsize: 30)
    #expect(joint.figure.axes.count == 3)
    #expect(joint.marginalX.view(.x) == joint.joint.view(.x))
    #expect(joint.marginalY.view(.y) == joint.joint.view(.y))
    let document = try SVGDocument(joint.figure.svg())
    #expect(document.root.attributes["width"] == "432pt")
    #expect(document.elements(withClass: "patch").isEmpty)
    #expect(document.elements(withClass: "line2d").count == 2)
    let strokes = Set(
      document.elements(withClass: "segments").compactMap { $0.attributes["stroke"] })
    #expect(strokes == ["#1f77b4"])
    let filled = Seaborn.jointplot(x: x, y: y, fill: true, gridsize: 30)
    let filledDocument = try SVGDocument(filled.figure.svg())
    #expect(filledDocument.elements(withClass: "patch").count > 10)
    let backgrounds = document.elements(withClass: "background").compactMap {
      Double($0.attributes["width"] ?? "")
    }
    // The joint axes spans five grid cells and four gaps of 0.2 cells; the marginal one cell.
    #expect(backgrounds.count == 3)
    #expect(abs(backgrounds[0] / backgrounds[2] - 5.8) < 0.01)
  }
}

extension AxisView: Equatable {
  public static func == (lhs: AxisView, rhs: AxisView) -> Bool {
    lhs.lower == rhs.lower && lhs.upper == rhs.upper && lhs.scale == rhs.scale
  }
}
