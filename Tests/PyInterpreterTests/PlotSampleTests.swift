import Foundation
import Testing

@testable import PyInterpreter

/// Deterministic pseudo-random normals for sample figures (a 64-bit LCG and PlotBox–Muller).
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
    let z = gx.map { yv in
      gx.map { xv in
        exp(-(xv * xv + yv * yv) / 2) + 0.5 * exp(-((xv - 1.5) * (xv - 1.5) + (yv - 1) * (yv - 1)))
      }
    }
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
      ex, ey.map { $0 - 2 }, sizes: ex.map { 10 + 10 * $0 }, colors: .values(ex),
      marker: .triangleUp)
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

    let training = Figure(figsize: (10, 4))
    let curves = training.subplots(1, 2)
    let steps = (0..<100_000).map(Double.init)
    let noise = random.normal(100_000, std: 0.15)
    let loss = zip(steps, noise).map { 2.3 * exp(-$0 / 20_000) + 0.4 + $1 * exp(-$0 / 50_000) }
    curves[0][0].plot(steps, loss, linewidth: 0.5, label: "step loss", alpha: 0.6)
    curves[0][0].plot(
      stride(from: 0.0, to: 100_000, by: 1000).map { $0 },
      stride(from: 0, to: 100_000, by: 1000).map { 2.3 * exp(-Double($0) / 20_000) + 0.4 },
      linewidth: 2, label: "mean")
    curves[0][0].setXLabel("step")
    curves[0][0].setYLabel("loss")
    curves[0][0].legend()
    let rate = curves[0][0].twinx()
    rate.plot(
      [0, 30_000, 30_000, 60_000, 60_000, 100_000], [0.1, 0.1, 0.01, 0.01, 0.001, 0.001],
      color: Color("C2"), linestyle: .dashed)
    rate.setYScale(.log)
    rate.setYLabel("learning rate")
    let epochs = (1...30).map(Double.init)
    curves[0][1].plot(
      epochs, epochs.map { 0.99 - 0.5 * exp(-$0 / 4) }, "-o", markersize: 3, label: "train")
    curves[0][1].plot(
      epochs, epochs.map { 0.93 - 0.5 * exp(-$0 / 5) }, "-s", markersize: 3, label: "test")
    curves[0][1].setYLim(0.4, 1)
    curves[0][1].setXLabel("epoch")
    curves[0][1].setYLabel("accuracy")
    curves[0][1].legend(loc: .lowerRight)
    curves[0][1].grid(true)
    training.tightLayout()
    result.append(("training", training))

    let confusion = Figure(figsize: (6, 5))
    let cm = confusion.currentAxes()
    let languages = ["Arabic", "Chinese", "Czech", "Dutch", "English", "French", "German"]
    let matrix = languages.indices.map { i in
      languages.indices.map { j in
        i == j ? 0.6 + 0.05 * Double(i) : 0.4 / 6 * (1 + sin(Double(i * 7 + j))) / 2
      }
    }
    let shown = cm.imshow(matrix, colormap: Colormap(named: "Blues") ?? .viridis)
    for i in languages.indices {
      for j in languages.indices {
        cm.text(
          Double(j), Double(i), String(format: "%.2f", matrix[i][j]), fontsize: 8,
          color: matrix[i][j] > 0.5 ? .white : .black, horizontalAlignment: .center,
          verticalAlignment: .center)
      }
    }
    cm.setXTicks(languages.indices.map(Double.init), labels: languages, rotation: 45)
    cm.setYTicks(languages.indices.map(Double.init), labels: languages)
    cm.setXLabel("predicted")
    cm.setYLabel("true")
    cm.setTitle("Confusion matrix")
    confusion.colorbar(shown)
    confusion.tightLayout()
    result.append(("confusion", confusion))

    let boundary = Figure()
    let bx = boundary.currentAxes()
    let grid2 = (0..<100).map { -1 + 2 * Double($0) / 99 }
    let classes = grid2.map { yv in
      grid2.map { xv in Double(Int((atan2(yv, xv) + .pi) / (2 * .pi / 3)) % 3) }
    }
    bx.contourf(
      x: grid2, y: grid2, classes, levels: .values([-0.5, 0.5, 1.5, 2.5]),
      colormap: Colormap(named: "viridis") ?? .viridis, alpha: 0.4)
    for k in 0..<3 {
      let r = (0..<100).map { Double($0) / 100 }
      let t = r.enumerated().map { Double(k) * 4 + $0.element * 4 + 0.2 * noise[$0.offset] }
      bx.scatter(
        zip(r, t).map { $0 * sin($1) }, zip(r, t).map { $0 * cos($1) }, sizes: [20],
        edgecolor: .black, linewidth: 0.5, label: "class \(k)")
    }
    bx.legend()
    bx.setTitle("Spiral: two-layer net")
    result.append(("boundary", boundary))

    let layers = Figure(figsize: (12, 2.5))
    let layerAxes = layers.subplots(1, 6, sharey: true)
    for (index, axes) in layerAxes[0].enumerated() {
      axes.hist(
        random.normal(2000, std: pow(0.6, Double(index))).map(tanh), bins: .count(30),
        range: (-1, 1))
      axes.setTitle("layer \(index + 1)")
    }
    layers.tightLayout()
    result.append(("layers", layers))
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
