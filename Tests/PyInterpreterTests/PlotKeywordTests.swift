import Foundation
import Testing

@testable import PyInterpreter

/// Keywords the engine does not draw are refused at the call, never ignored; the ones it
/// honours change the figure.
@Suite struct PlotKeywordTests {
  @Test(arguments: [
    ("plt.subplots(layout='constrained')", "subplots(layout='constrained')"),
    ("plt.subplots(constrained_layout=True)", "subplots(constrained_layout=True)"),
    ("plt.figure(layout='tight')", "figure(layout='tight')"),
    ("plt.figure(facecolor='black')", "figure(facecolor='black')"),
    ("plt.figure('named')", "figure(num='named')"),
    ("plt.plot([1, 2]); plt.savefig('f.svg', bbox_inches='tight')", "savefig(bbox_inches="),
    ("plt.plot([1, 2]); plt.savefig('f.svg', transparent=True)", "savefig(transparent=True)"),
    ("plt.imshow([[1, 2]], interpolation='bilinear')", "imshow(interpolation='bilinear')"),
    ("plt.plot([1, 2], rasterized=True)", "plot(rasterized=True)"),
    ("plt.grid(which='minor')", "grid(which='minor')"),
    ("plt.xscale('log', base=2)", "xscale(base=2)"),
    ("plt.xlabel('x', fontweight='bold')", "xlabel(fontweight='bold')"),
    ("plt.text(0, 0, 's', family='serif')", "text(family='serif')"),
    ("plt.hist([1, 2, 3], rwidth=0.5)", "hist(rwidth=0.5)"),
    ("plt.xticks([1, 2], minor=True)", "xticks(minor=True)"),
    ("plt.xlim(0, 1, auto=True)", "xlim(auto=True)"),
    ("plt.tight_layout(h_pad=2)", "tight_layout(h_pad=2)"),
    ("plt.get_cmap('viridis', 8)", "get_cmap(lut=8)"),
  ])
  func unsupportedValuesAreRefusedNamingTheKeyword(call: String, named: String) throws {
    let error = try #require(
      pyplotCellError("import matplotlib.pyplot as plt\n\(call)\n"), "\(call) ran")
    #expect(error.typeName == "NotImplementedError", "\(call): \(error.typeName)")
    #expect(error.message.contains(named), "\(call): \(error.message)")
  }

  @Test func defaultValuesOfUndrawnKeywordsAreAccepted() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      fig, ax = plt.subplots(layout=None, constrained_layout=False)
      ax.plot([1, 2], antialiased=True, rasterized=False)
      ax.grid(which='major')
      ax.set_xlabel('x', fontweight='normal', family='sans-serif')
      ax.set_xticks([1, 2], minor=False)
      plt.show(block=False)
      """)
    #expect(outputs.count == 1)
  }

  @Test func labelFontSizeAndPadChangeTheLabel() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      fig, ax = plt.subplots()
      ax.set_xlabel('big', fontsize=16)
      ax.set_ylabel('small', fontsize='small')
      plt.show()
      """)
    let document = try SVGDocument(outputs[0].svg)
    let xlabel = try #require(document.elements(withClass: "xlabel").first)
    let ylabel = try #require(document.elements(withClass: "ylabel").first)
    #expect(xlabel.attributes["font-size"] == "16")
    #expect(ylabel.attributes["font-size"] == "8.33")
  }

  @Test func aListOfBarLabelsGivesOneLegendEntryPerBar() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      fig, ax = plt.subplots()
      ax.bar(['a', 'b', 'c'], [1, 2, 3], label=['one', '_hidden', 'three'])
      ax.legend()
      plt.show()
      """)
    let document = try SVGDocument(outputs[0].svg)
    let texts = document.elements(named: "text").filter { $0.hasAncestor(withClass: "legend") }
    #expect(texts.map(\.allText) == ["one", "three"])
    let error = try #require(
      pyplotCellError("import matplotlib.pyplot as plt\nplt.bar([1, 2], [1, 2], label=['a'])\n"))
    #expect(error.typeName == "ValueError")
  }

  @Test func categoricalBarsStackOnTheirBottoms() throws {
    let outputs = try runPyplotCell(
      """
      import matplotlib.pyplot as plt
      fig, ax = plt.subplots()
      ax.bar(['a', 'b'], [1, 2])
      ax.bar(['a', 'b'], [3, 4], bottom=[1, 2], width=[0.5, 0.25])
      ax.bar(['c'], [1])
      lo, hi = ax.get_ylim()
      assert hi > 6, hi
      assert ax.get_xlim()[1] > 2, ax.get_xlim()
      plt.show()
      """)
    let document = try SVGDocument(outputs[0].svg)
    let labels = document.elements(named: "text").filter { $0.hasAncestor(withClass: "xaxis") }
    #expect(labels.map(\.allText) == ["a", "b", "c"])
    let error = try #require(
      pyplotCellError("import matplotlib.pyplot as plt\nplt.bar([1, 2, 3], [1, 2])\n"))
    #expect(error.typeName == "ValueError")
  }
}
