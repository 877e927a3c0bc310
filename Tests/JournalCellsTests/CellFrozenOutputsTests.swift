import Foundation
import JournalCells
import JournalCore
import TestSupport
import Testing

/// Frozen outputs: hashing, saving and loading, staleness.
@Suite struct CellFrozenOutputsTests {
  static let date = JournalDate(iso: "2018-09-17")!

  static func document(_ sources: [String], seeds: [Int?] = []) -> Document {
    var line = 3
    let cells = sources.enumerated().map { i, source -> Cell in
      defer { line += source.split(separator: "\n").count + 3 }
      var options = CellOptions()
      options.seed = i < seeds.count ? seeds[i] : nil
      return Cell(index: i, source: source, line: line, options: options)
    }
    return Document(
      date: date, path: "journal/2018/2018-09-17.md", title: "t", sections: [],
      math: [], codeBlocks: [], cells: cells, links: [], tags: [], plainText: "", html: "")
  }

  static func frozenCell(
    _ document: Document, _ index: Int, output: CellOutput,
    data: [String: String] = [:]
  ) -> FrozenCell {
    let engine = EngineIdentity(name: "test", version: "1")
    let hash = FrozenOutputs.sourceHash(document.cells, through: index)
    return FrozenCell(
      index: index, line: document.cells[index].line, sourceHash: hash,
      engine: engine, key: FrozenOutputs.key(sourceHash: hash, engine: engine, dataHashes: data),
      dataHashes: data, output: output)
  }

  @Test func sha256MatchesKnownDigests() {
    #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex("abc")
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(String(repeating: "journal", count: 300))
        == "eda866fb3e3ad95ba0abba5b9c336a4506c69f122eff24301337824d6d751466")
  }

  @Test func saveAndLoadRoundTripWithFigures() throws {
    let dir = TemporaryDirectory()
    let journal = Journal(root: dir.url)
    let document = Self.document(["print(1)\n", "plot()\n"])
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><line x1=\"0\"/></svg>\n"
    var frozen = FrozenOutputs(date: Self.date, entryPath: document.path)
    frozen.cells[0] = Self.frozenCell(document, 0, output: CellOutput(stdout: "1\n", value: "3"))
    frozen.cells[1] = Self.frozenCell(document, 1, output: CellOutput(figures: [svg, svg + " "]))
    try frozen.save(in: journal)
    let folder = FrozenOutputs.folder(for: Self.date, in: journal)
    #expect(folder.path.hasSuffix("journal/.outputs/2018-09-17"))
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(files.count == 3)
    #expect(files.contains("outputs.json"))
    let loaded = try FrozenOutputs.load(for: Self.date, in: journal)
    #expect(loaded.outputs.count == 2)
    #expect(loaded[0] == CellOutput(stdout: "1\n", value: "3"))
    #expect(loaded[1]?.figures == [svg, svg + " "])
    #expect(loaded.cells[1]?.figureFiles.count == 2)
    // Figures no longer referenced are removed once the new manifest is in place.
    frozen.cells[1] = Self.frozenCell(document, 1, output: CellOutput(figures: [svg]))
    try frozen.save(in: journal)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 2)
  }

  @Test func noOutputsLoadsEmptyAndEveryCellIsMissing() throws {
    let dir = TemporaryDirectory()
    let frozen = try FrozenOutputs.load(for: Self.date, in: Journal(root: dir.url))
    #expect(frozen.cells.isEmpty)
    let document = Self.document(["a = 1\n", "a\n"])
    #expect(
      frozen.staleness(of: 0, in: document, dataFolders: DataFolders(folders: []))
        == .missing)
    #expect(frozen.staleCells(in: document, dataFolders: DataFolders(folders: [])) == [0, 1])
  }

  @Test func corruptManifestIsAnErrorNamingTheFile() throws {
    let dir = TemporaryDirectory()
    try dir.write("journal/.outputs/2018-09-17/outputs.json", "{not json")
    #expect {
      try FrozenOutputs.load(for: Self.date, in: Journal(root: dir.url))
    } throws: { error in
      (error as? JournalError)?.file == "journal/.outputs/2018-09-17/outputs.json"
    }
  }

  @Test func editingACellMakesItAndTheCellsAfterItStale() {
    let document = Self.document(["a = 1\n", "b = a + 1\n", "print(b)\n"])
    var frozen = FrozenOutputs(date: Self.date, entryPath: document.path)
    for i in 0..<3 { frozen.cells[i] = Self.frozenCell(document, i, output: CellOutput()) }
    let folders = DataFolders(folders: [])
    #expect(frozen.staleCells(in: document, dataFolders: folders) == [])
    let edited = Self.document(["a = 1\n", "b = a + 2\n", "print(b)\n"])
    #expect(frozen.staleCells(in: edited, dataFolders: folders) == [1, 2])
    #expect(frozen.staleness(of: 1, in: edited, dataFolders: folders) == .sourceChanged)
    let reseeded = Self.document(["a = 1\n", "b = a + 1\n", "print(b)\n"], seeds: [nil, nil, 4])
    #expect(frozen.staleCells(in: reseeded, dataFolders: folders) == [2])
    let added = Self.document(["a = 1\n", "b = a + 1\n", "print(b)\n", "print(a)\n"])
    #expect(frozen.staleCells(in: added, dataFolders: folders) == [3])
  }

  @Test func changedDataMakesTheReaderAndLaterCellsStale() throws {
    let dir = TemporaryDirectory()
    let file = try dir.write("data/n.csv", "1,2\n")
    let folders = DataFolders(folders: [dir.url.appendingPathComponent("data")])
    let document = Self.document(["a = 1\n", "rows = open('n.csv').read()\n", "print(rows)\n"])
    var frozen = FrozenOutputs(date: Self.date, entryPath: document.path)
    frozen.cells[0] = Self.frozenCell(document, 0, output: CellOutput())
    frozen.cells[1] = Self.frozenCell(
      document, 1, output: CellOutput(),
      data: ["n.csv": try #require(SHA256.hex(fileAt: file))])
    frozen.cells[2] = Self.frozenCell(document, 2, output: CellOutput())
    #expect(frozen.staleCells(in: document, dataFolders: folders) == [])
    try dir.write("data/n.csv", "1,3\n")
    #expect(frozen.staleCells(in: document, dataFolders: folders) == [1, 2])
    #expect(frozen.staleness(of: 2, in: document, dataFolders: folders) == .dataChanged("n.csv"))
    try FileManager.default.removeItem(at: file)
    #expect(frozen.staleCells(in: document, dataFolders: folders) == [1, 2])
    #expect(frozen.staleness(of: 2, in: document, dataFolders: folders) == .dataMissing("n.csv"))
    #expect(
      Staleness.dataMissing("n.csv").description
        == "data file 'n.csv' not found; set JOURNAL_DATA?")
    // Not found is not stale: nothing the output was computed from is known to have changed.
    #expect(!Staleness.dataMissing("n.csv").isStale)
    #expect(Staleness.dataChanged("n.csv").isStale && Staleness.sourceChanged.isStale)
  }

  @Test func dataFoldersAreJournalDataThenTheEnvironmentVariable() {
    let journal = Journal(root: URL(fileURLWithPath: "/j"))
    let folders = DataFolders(
      journal: journal, environment: ["JOURNAL_DATA": "/x:../rel::/y"],
      currentDirectory: URL(fileURLWithPath: "/home/me"))
    #expect(folders.folders.map(\.path) == ["/j/journal/data", "/x", "/home/rel", "/y"])
  }
}
