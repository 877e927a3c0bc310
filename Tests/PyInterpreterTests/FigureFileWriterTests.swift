import Foundation
import Testing

@testable import PyInterpreter

/// `journal exec`'s `savefig`: SVG files written inside the working folder, everything else
/// refused at the call; and `plt.style.use`.
@Suite struct FigureFileWriterTests {
  /// Runs `source` with a file-writing sink over a fresh folder; returns the folder, what was
  /// written and the error raised, if any.
  func run(_ source: String) throws -> (folder: URL, written: [URL], error: PythonError?) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("figure-writer-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("plots"), withIntermediateDirectories: true)
    let session = Interpreter()
    session.output = { _ in }
    let writer = FigureFileWriter(folder: folder)
    PlotBridge.register(in: session, sink: writer)
    do {
      try session.run(source: source)
      return (folder, writer.written, nil)
    } catch let error as PythonError {
      return (folder, writer.written, error)
    }
  }

  @Test func savefigWritesSVGInsideTheFolder() throws {
    let r = try run(
      """
      import matplotlib.pyplot as plt
      plt.plot([1, 2, 3])
      plt.title("saved")
      plt.savefig("plots/line.svg")
      plt.gcf().savefig("again", format="svg")
      """)
    #expect(r.error == nil)
    #expect(r.written.map(\.lastPathComponent) == ["line.svg", "again.svg"])
    let text = try String(
      contentsOf: r.folder.appendingPathComponent("plots/line.svg"), encoding: .utf8)
    let document = try SVGDocument(text)
    #expect(svgTexts(document, "title") == ["saved"])
  }

  @Test(arguments: [
    ("plt.savefig('figure.png')", "NotImplementedError: savefig('figure.png') in PNG format"),
    ("plt.savefig('figure.pdf')", "NotImplementedError: savefig('figure.pdf') in PDF format"),
    ("plt.savefig('figure')", "NotImplementedError: savefig('figure') in PNG format"),
    ("plt.savefig('f.svg', format='png')", "NotImplementedError: savefig('f.svg') in PNG format"),
    ("plt.savefig('f.png', format='svg')", "NotImplementedError: savefig('f.png', format='svg')"),
    ("plt.savefig('../out.svg')", "PermissionError: [Errno 13] Permission denied: '../out.svg'"),
    ("plt.savefig('/tmp/x.svg')", "PermissionError: [Errno 13] Permission denied: '/tmp/x.svg'"),
    ("plt.savefig('missing/out.svg')", "FileNotFoundError: [Errno 2] No such file or directory"),
  ])
  func savefigRefusesAtTheCall(_ call: String, _ message: String) throws {
    let r = try run("import matplotlib.pyplot as plt\nplt.plot([1, 2])\n" + call)
    let error = try #require(r.error)
    #expect(error.formatted.contains(message), "\(error.formatted)")
    #expect(r.written.isEmpty)
  }

  @Test func styleUseAcceptsOnlyTheDefaultStyle() throws {
    #expect(pyplotCellError("import matplotlib.pyplot as plt\nplt.style.use('default')") == nil)
    #expect(pyplotCellError("import matplotlib.style as s\ns.use(['default'])") == nil)
    let refused = try #require(
      pyplotCellError("import matplotlib.pyplot as plt\nplt.style.use('ggplot')"))
    #expect(
      refused.formatted.contains(
        "NotImplementedError: matplotlib.style.use('ggplot') is not supported in journal cells"))
    let unknown = try #require(
      pyplotCellError("import matplotlib.pyplot as plt\nplt.style.use('nope')"))
    #expect(unknown.formatted.contains("OSError: 'nope' is not a valid package style"))
  }

  @Test func legendLabelsPairWithEveryArtistInOrder() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      plt.bar([1, 2], [3, 4])
      plt.plot([1, 2, 3])
      plt.plot([3, 2, 1], label="_hidden")
      plt.legend(["line", "hidden", "bars", "extra"])
      plt.show()
      """)
    let document = try SVGDocument(try #require(outputs.first).svg)
    // matplotlib lists lines before containers (the bars), and pairs "extra" with nothing.
    #expect(svgTexts(document, "legend-label") == ["line", "hidden", "bars"])
    let refused = try #require(
      pyplotCellError(
        "import matplotlib.pyplot as plt\nplt.hist([1, 2, 2], label='a')\nplt.legend(['h'])"))
    #expect(
      refused.formatted.contains(
        "NotImplementedError: legend(labels) on axes with a labelled histogram"))
  }
}
