import Foundation
import JournalCells
import JournalCore
import TestSupport
import Testing

/// `CellComparison`: the same cells in two engines.
@Suite struct CellComparisonTests {
  static func document(_ sources: [String]) -> Document {
    let cells = sources.enumerated().map { i, source in
      Cell(index: i, source: source, line: 10 * (i + 1), options: CellOptions())
    }
    return Document(
      date: JournalDate(iso: "2018-09-17")!, path: "journal/2018/2018-09-17.md",
      title: "t", sections: [], math: [], codeBlocks: [], cells: cells, links: [], tags: [],
      plainText: "", html: "")
  }

  @Test func sameEngineTwiceHasNoDifferences() throws {
    let dir = TemporaryDirectory()
    let python = try PythonEngine(python: "python3")
    let comparison = CellComparison(
      first: python, second: python,
      dataFolders: DataFolders(folders: []))
    let document = Self.document([
      "import random\nrandom.seed(3)\nprint(random.random())\n",
      "1 + 1\n",
    ])
    #expect(try comparison.differences(in: document, root: dir.url) == [])
  }

  @Test func differingOutputsAreListedByCellAndField() throws {
    let dir = TemporaryDirectory()
    let python = try PythonEngine(python: "python3")
    let comparison = CellComparison(
      first: EchoEngine(), second: python,
      dataFolders: DataFolders(folders: []))
    let found = try comparison.differences(in: Self.document(["print(7)\n"]), root: dir.url)
    #expect(found.map(\.field) == ["stdout", "value"])
    #expect(found.first?.first == "print(7)\n")
    #expect(found.first?.second == "7\n")
    #expect(found.last?.first == "0")
    #expect(found.last?.second == "None")
    #expect(found.first?.description.hasPrefix("cell 1 (line 10): stdout differs:") == true)
  }
}
