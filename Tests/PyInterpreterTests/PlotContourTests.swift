import Foundation
import Testing

@testable import PyInterpreter

/// Contour levels and geometry (marching squares, filled bands).
@Suite struct PlotContourTests {
  /// z = x + y on a 0...10 grid.
  static let plane = (0...10).map { y in (0...10).map { x in Double(x + y) } }

  @Test func automaticLevelsMatchMatplotlib() {
    // matplotlib 3.11: contour(X, Y, X + Y).levels == [0, 2.5, ..., 20].
    let figure = Figure()
    let lines = figure.currentAxes().contour(Self.plane)
    #expect(lines.levels == [0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20])
    let filled = figure.currentAxes().contourf(Self.plane)
    #expect(filled.levels == [0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20])
  }

  @Test func linesAreDrawnOnlyForLevelsInsideTheData() throws {
    let figure = Figure()
    figure.currentAxes().contour(Self.plane)
    let document = try SVGDocument(figure.svg())
    #expect(document.elements(withClass: "segments").count == 7)
  }

  @Test func isoLineOfAPlaneIsTheDiagonal() {
    let x = (0...10).map(Double.init)
    let lines = Contour.lines(x: x, y: x, z: Self.plane, level: 10)
    #expect(lines.count == 1)
    let line = lines[0]
    #expect(line.allSatisfy { abs($0.x + $0.y - 10) < 1e-12 })
    let ends = [line.first, line.last].compactMap { $0 }.map(\.x).sorted()
    #expect(ends == [0, 10])
  }

  @Test func closedLoopAroundAPeak() {
    let g = (0..<21).map { -2 + 0.2 * Double($0) }
    let z = g.map { y in g.map { x in exp(-(x * x + y * y)) } }
    let lines = Contour.lines(x: g, y: g, z: z, level: 0.5)
    #expect(lines.count == 1)
    let loop = lines[0]
    #expect(abs((loop.first?.x ?? 9) - (loop.last?.x ?? 0)) < 1e-9)
    // exp(-r²) = 0.5 at r = √ln 2; linear interpolation stays within a few percent.
    let radius = log(2.0).squareRoot()
    #expect(loop.allSatisfy { abs(($0.x * $0.x + $0.y * $0.y).squareRoot() - radius) < 0.03 })
  }

  @Test func filledBandsTileTheGrid() {
    let x = (0...10).map(Double.init)
    let levels = [0.0, 5, 10, 20]
    var area = 0.0
    for (lower, upper) in zip(levels, levels.dropFirst()) {
      for polygon in Contour.band(x: x, y: x, z: Self.plane, lower: lower, upper: upper) {
        var twice = 0.0
        for (a, b) in zip(polygon, polygon.dropFirst() + [polygon[0]]) {
          twice += a.x * b.y - b.x * a.y
        }
        area += abs(twice) / 2
      }
    }
    #expect(abs(area - 100) < 1e-9)
  }

  @Test func bandAreaMatchesTheTriangleBelowTheLevel() {
    let x = (0...10).map(Double.init)
    var area = 0.0
    for polygon in Contour.band(x: x, y: x, z: Self.plane, lower: 0, upper: 10) {
      var twice = 0.0
      for (a, b) in zip(polygon, polygon.dropFirst() + [polygon[0]]) {
        twice += a.x * b.y - b.x * a.y
      }
      area += abs(twice) / 2
    }
    #expect(abs(area - 50) < 1e-9)
  }

  @Test func filledBandsUseColormapAtBandMidpoints() throws {
    let figure = Figure()
    figure.currentAxes().contourf(Self.plane, levels: .values([0, 10, 20]))
    let document = try SVGDocument(figure.svg())
    let fills = document.elements(withClass: "patch").compactMap { $0.attributes["fill"] }
    #expect(fills == ["#440154", "#fde725"])
  }
}
