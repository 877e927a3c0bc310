import Foundation
import Testing

@testable import PyInterpreter

/// Deterministic pseudo-random normals for sample figures (a 64-bit LCG and Box–Muller).
struct PlotRandom {
  var state: UInt64

  mutating func uniform() -> Double {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return (Double(state >> 11) + 0.5) / Double(1 << 53)
  }

  mutating func normal(_ count: Int, mean: Double = 0, std: Double = 1) -> [Double] {
    (0..<count).map { _ in
      let u = uniform()
      let v = uniform()
      return mean + std * (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
  }
}

/// Sample figures exercising every plot type. Each must parse as SVG; with `PLOT_SAMPLES` set
/// to a folder, they are also written there to be looked at (converted with rsvg-convert).
@Suite struct PlotSampleTests {
  static func samples() -> [(String, Figure)] {
    var random = PlotRandom(state: 42)
    var result: [(String, Figure)] = []

    let lines = Figure()
    let ax = lines.currentAxes()
    let xs = (0..<50).map { Double($0) * 2 * .pi / 49 }
    ax.plot(xs, xs.map(sin), label: "sin(x)")
    ax.plot(xs, xs.map(cos), "r--o", markersize: 4, label: "cos(x)")
    ax.plot(xs, xs.map { sin($0) * cos($0) }, ":", linewidth: 2, label: "$\\sin x \\cdot \\cos x$")
    ax.axhline(0, color: .black, linewidth: 0.8)
    ax.setTitle("Trigonometry")
    ax.setXLabel("x (radians)")
    ax.setYLabel("y")
    ax.grid(true, alpha: 0.5)
    ax.legend()
    result.append(("lines", lines))

    let grid = Figure(figsize: (10, 8))
    let axes = grid.subplots(2, 2)
    let sample = random.normal(1000, mean: 2, std: 1.5)
    axes[0][0].hist(sample, bins: .count(30), density: true, alpha: 0.7, label: "samples")
    axes[0][0].hist(
      random.normal(500, mean: 4), bins: .count(20), density: true, histtype: .step,
      label: "other")
    axes[0][0].legend(loc: .upperLeft)
    axes[0][0].setTitle("hist")
    axes[0][1].bar([0, 1, 2, 3], [3, 7, 2, 5], label: "counts")
    axes[0][1].setXTicks([0, 1, 2, 3], labels: ["alpha", "beta", "gamma", "delta"])
    axes[0][1].setTitle("bar")
    let image = (0..<20).map { i in (0..<30).map { j in sin(Double(i) / 4) * cos(Double(j) / 5) } }
    let mappable = axes[1][0].imshow(image, colormap: Colormap(named: "RdBu") ?? .viridis)
    grid.colorbar(mappable, ax: axes[1][0])
    axes[1][0].setTitle("imshow")
    let gx = (0..<60).map { -3 + 6 * Double($0) / 59 }
    let z = gx.map { yv in gx.map { xv in exp(-(xv * xv + yv * yv) / 2) + 0.5 * exp(-((xv - 1.5) * (xv - 1.5) + (yv - 1) * (yv - 1))) } }
    let filled = axes[1][1].contourf(x: gx, y: gx, z, levels: .count(8))
    axes[1][1].contour(x: gx, y: gx, z, levels: .count(8), colors: [.black], linewidth: 0.8)
    grid.colorbar(filled, ax: axes[1][1], label: "density")
    axes[1][1].setTitle("contourf")
    grid.suptitle("Four kinds of plot")
    grid.tightLayout()
    result.append(("grid", grid))

    let log = Figure(figsize: (8, 4))
    let pair = log.subplots(1, 2)
    let n = (1...30).map { pow(10, Double($0) / 10) }
    pair[0][0].plot(n, n.map { $0 * $0 }, "o-", label: "n²")
    pair[0][0].plot(n, n.map { $0 * log10($0) }, "s--", label: "n log n")
    pair[0][0].setXScale(.log)
    pair[0][0].setYScale(.log)
    pair[0][0].legend()
    pair[0][0].grid(true)
    pair[0][0].setTitle("log–log")
    let ex = (0..<10).map(Double.init)
    let ey = ex.map { 2 * $0 + 1 }
    pair[0][1].fillBetween(ex, ey.map { $0 - 3 }, ey.map { $0 + 3 }, alpha: 0.2, label: "band")
    pair[0][1].errorbar(ex, ey, yerr: [1.5], format: "o", capsize: 3, label: "measured")
    pair[0][1].axvline(4.5, color: Color("gray"), linestyle: .dashed)
    pair[0][1].text(0.05, 0.9, "y = 2x + 1", inAxesCoordinates: true)
    pair[0][1].scatter(
      ex, ey.map { $0 - 2 }, sizes: ex.map { 10 + 10 * $0 }, colors: .values(ex), marker: .triangleUp)
    pair[0][1].legend(loc: .lowerRight)
    pair[0][1].setXLabel("x")
    log.tightLayout()
    result.append(("log-errorbar", log))

    let kde = Figure(figsize: (10, 4))
    let kdeAxes = kde.subplots(1, 2)
    Seaborn.kdeplot(on: kdeAxes[0][0], random.normal(300), fill: true, label: "N(0, 1)")
    Seaborn.kdeplot(on: kdeAxes[0][0], random.normal(300, mean: 2, std: 0.5), label: "N(2, 0.5)")
    kdeAxes[0][0].legend()
    let kx = random.normal(300)
    let ky = zip(kx, random.normal(300)).map { 0.6 * $0 + 0.8 * $1 }
    Seaborn.kdeplot(on: kdeAxes[0][1], x: kx, y: ky, gridsize: 60)
    kde.tightLayout()
    result.append(("kde", kde))

    let joint = Seaborn.jointplot(
      x: kx, y: ky.map { $0 * 2 + 5 }, xlabel: "x", ylabel: "y", gridsize: 60)
    result.append(("jointplot", joint.figure))
    return result
  }

  @Test func samplesAreWellFormedAndWritten() throws {
    let folder = ProcessInfo.processInfo.environment["PLOT_SAMPLES"]
    for (name, figure) in Self.samples() {
      let svg = figure.svg()
      let document = try SVGDocument(svg)
      #expect(document.root.name == "svg", "\(name)")
      #expect(document.elements(named: "text").count > 5, "\(name)")
      if let folder {
        try FileManager.default.createDirectory(
          atPath: folder, withIntermediateDirectories: true)
        try svg.write(toFile: folder + "/" + name + ".svg", atomically: true, encoding: .utf8)
      }
    }
  }
}
