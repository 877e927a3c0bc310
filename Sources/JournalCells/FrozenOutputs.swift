import Foundation
import JournalCore

/// An entry's frozen cell outputs: `journal/.outputs/YYYY-MM-DD/outputs.json` and the figures
/// beside it as SVG files. `journal build` reads them and never runs code.
///
/// A cell's output is keyed by its source and the sources of the cells before it (with their
/// seeds), the engine that produced it, and the content hashes of the data files that it and
/// the cells before it opened. `isStale` compares the parts a reader can check without an
/// engine: sources and data.
public struct FrozenOutputs: Sendable {
  public var date: JournalDate
  /// The entry path the outputs belong to.
  public var entryPath: String
  /// By 0-based cell index.
  public var cells: [Int: FrozenCell]

  public init(date: JournalDate, entryPath: String, cells: [Int: FrozenCell] = [:]) {
    self.date = date
    self.entryPath = entryPath
    self.cells = cells
  }

  /// The outputs of each frozen cell, by 0-based index.
  public var outputs: [Int: CellOutput] { cells.mapValues(\.output) }

  public subscript(index: Int) -> CellOutput? { cells[index]?.output }

  /// `journal/.outputs/YYYY-MM-DD/`.
  public static func folder(for date: JournalDate, in journal: Journal) -> URL {
    journal.entriesFolder.appendingPathComponent(".outputs/\(date.iso)", isDirectory: true)
  }

  static let manifestName = "outputs.json"

  /// Reads an entry's frozen outputs, figures included; empty when the entry has none.
  public static func load(for date: JournalDate, in journal: Journal) throws -> FrozenOutputs {
    let folder = folder(for: date, in: journal)
    let url = folder.appendingPathComponent(manifestName)
    let shown = "journal/.outputs/\(date.iso)/\(manifestName)"
    let entryPath = Entry.relativePath(for: date)
    guard FileManager.default.fileExists(atPath: url.path) else {
      return FrozenOutputs(date: date, entryPath: entryPath)
    }
    let manifest: Manifest
    do {
      manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: url))
    } catch {
      throw JournalError(
        .invalidInput,
        "cannot read frozen outputs (\(error)); delete the file and run 'journal run-entry "
          + "\(date.iso)'", file: shown)
    }
    var cells: [Int: FrozenCell] = [:]
    for var cell in manifest.cells {
      cell.output.figures = try cell.figureFiles.map { name in
        try FileSystem.readText(
          at: folder.appendingPathComponent(name),
          displayPath: "journal/.outputs/\(date.iso)/\(name)")
      }
      cells[cell.index] = cell
    }
    return FrozenOutputs(date: date, entryPath: manifest.entry, cells: cells)
  }

  /// Writes the outputs: figures first (named by content), then the manifest atomically, then
  /// removes figures no longer referenced. A run interrupted before the manifest is written
  /// leaves the previous outputs whole.
  public func save(in journal: Journal) throws {
    let folder = FrozenOutputs.folder(for: date, in: journal)
    var stored: [FrozenCell] = []
    var keep: Set<String> = [FrozenOutputs.manifestName]
    for index in cells.keys.sorted() {
      guard var cell = cells[index] else { continue }
      cell.figureFiles = []
      for svg in cell.output.figures {
        let name = "\(SHA256.hex(svg).prefix(16)).svg"
        let url = folder.appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: url.path) {
          try FileSystem.writeAtomically(svg, to: url)
        }
        cell.figureFiles.append(name)
        keep.insert(name)
      }
      cell.output.figures = []
      stored.append(cell)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let manifest = Manifest(format: 1, date: date.iso, entry: entryPath, cells: stored)
    var data = try encoder.encode(manifest)
    data.append(UInt8(ascii: "\n"))
    let manifestURL = folder.appendingPathComponent(FrozenOutputs.manifestName)
    try FileSystem.writeAtomically(data, to: manifestURL)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for name in names where name.hasSuffix(".svg") && !keep.contains(name) {
      try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
    }
  }

  /// Why a cell's frozen output cannot be shown as current, or `.fresh`.
  public func staleness(
    of index: Int, in document: Document, dataFolders: DataFolders, hashes: DataHashCache = .init()
  ) -> Staleness {
    staleness(of: index, cells: document.cells, dataFolders: dataFolders, hashes: hashes)
  }

  /// Why a cell's frozen output cannot be shown as current, or `.fresh`, given the entry's cells
  /// (at least up to `index`).
  public func staleness(
    of index: Int, cells entryCells: [Cell], dataFolders: DataFolders,
    hashes: DataHashCache = .init()
  ) -> Staleness {
    guard index < entryCells.count, let cell = cells[index] else { return .missing }
    guard cell.sourceHash == FrozenOutputs.sourceHash(entryCells, through: index) else {
      return .sourceChanged
    }
    // The namespace carries over, so data read by an earlier cell shapes this one too. A file
    // that changed makes the output stale whatever other files are not found.
    var notFound: String?
    for earlier in 0...index {
      guard let record = cells[earlier] else { return .missing }
      for (name, hash) in record.dataHashes.sorted(by: { $0.key < $1.key }) {
        guard let url = dataFolders.resolve(name) else {
          notFound = notFound ?? name
          continue
        }
        guard hashes.hash(of: url) == hash else { return .dataChanged(name) }
      }
    }
    return notFound.map(Staleness.dataMissing) ?? .fresh
  }

  /// Whether a cell's frozen output is missing or out of date with the document or its data.
  public func isStale(
    _ index: Int, in document: Document, dataFolders: DataFolders, hashes: DataHashCache = .init()
  ) -> Bool {
    staleness(of: index, in: document, dataFolders: dataFolders, hashes: hashes) != .fresh
  }

  /// Whether a cell's frozen output is missing or out of date, with the journal's data folders
  /// (`journal/data`, then `JOURNAL_DATA`): what the site asks before showing an output.
  public func isStale(_ index: Int, in document: Document, journal: Journal) -> Bool {
    isStale(index, in: document, dataFolders: DataFolders(journal: journal))
  }

  /// The 0-based indices of the document's cells whose outputs are missing or stale.
  public func staleCells(in document: Document, dataFolders: DataFolders) -> [Int] {
    let hashes = DataHashCache()
    return document.cells.indices.filter {
      isStale($0, in: document, dataFolders: dataFolders, hashes: hashes)
    }
  }

  /// The hash of the cells `0...index`: their sources and seeds, in order.
  public static func sourceHash(_ cells: [Cell], through index: Int) -> String {
    var hasher = SHA256()
    for cell in cells[...index] {
      let seed = cell.options.seed.map(String.init) ?? "-"
      hasher.update("cell \(cell.source.utf8.count) seed \(seed)\n")
      hasher.update(cell.source)
    }
    return hasher.finalizeHex()
  }

  /// The full key: sources, engine, data.
  public static func key(sourceHash: String, engine: EngineIdentity, dataHashes: [String: String])
    -> String
  {
    var hasher = SHA256()
    hasher.update("\(sourceHash)\n\(engine.name)\n\(engine.version)\n")
    for (name, hash) in dataHashes.sorted(by: { $0.key < $1.key }) {
      hasher.update("\(name)\n\(hash)\n")
    }
    return hasher.finalizeHex()
  }

  struct Manifest: Codable {
    var format: Int
    var date: String
    var entry: String
    var cells: [FrozenCell]
  }
}

/// Why a frozen output is not current.
public enum Staleness: Sendable, Hashable, CustomStringConvertible {
  case fresh
  /// Never run (or the cell is new).
  case missing
  /// The cell or a cell before it was edited.
  case sourceChanged
  /// A data file read by this cell or one before it changed.
  case dataChanged(String)
  /// A data file read by this cell or one before it is in none of the data folders (often:
  /// `JOURNAL_DATA` is not set in this shell). Nothing says the output is out of date: it
  /// cannot be checked, which is not "stale" (`isStale` is false).
  case dataMissing(String)

  /// Whether something the output was computed from changed (or it was never computed): not
  /// for `.fresh`, nor for `.dataMissing`, where the sources are unchanged and the data could
  /// not be checked.
  public var isStale: Bool {
    switch self {
    case .fresh, .dataMissing: return false
    case .missing, .sourceChanged, .dataChanged: return true
    }
  }

  public var description: String {
    switch self {
    case .fresh: return "up to date"
    case .missing: return "not run"
    case .sourceChanged: return "source changed"
    case .dataChanged(let name): return "data file '\(name)' changed"
    case .dataMissing(let name): return "data file '\(name)' not found; set JOURNAL_DATA?"
    }
  }
}

/// One cell's frozen output and what it was computed from.
public struct FrozenCell: Sendable, Hashable, Codable {
  /// 0-based cell index.
  public var index: Int
  /// The entry line of the cell's first source line when it ran.
  public var line: Int
  /// `FrozenOutputs.sourceHash` of the cells up to this one.
  public var sourceHash: String
  public var engine: EngineIdentity
  /// `FrozenOutputs.key`: sources, engine and data.
  public var key: String
  /// Data files this cell opened: name as written to content hash.
  public var dataHashes: [String: String]
  /// Figures' SVG files in the outputs folder, in order.
  public var figureFiles: [String]
  /// The output; its `figures` hold the SVG text once loaded.
  public var output: CellOutput

  public init(
    index: Int, line: Int, sourceHash: String, engine: EngineIdentity, key: String,
    dataHashes: [String: String], figureFiles: [String] = [], output: CellOutput
  ) {
    self.index = index
    self.line = line
    self.sourceHash = sourceHash
    self.engine = engine
    self.key = key
    self.dataHashes = dataHashes
    self.figureFiles = figureFiles
    self.output = output
  }
}

/// Content hashes of data files, computed once per file per check.
public final class DataHashCache: @unchecked Sendable {
  private var hashes: [String: String?] = [:]
  private let lock = NSLock()

  public init() {}

  public func hash(of url: URL) -> String? {
    if let known = lock.withLock({ hashes[url.path] }) { return known }
    let hash = SHA256.hex(fileAt: url)
    lock.withLock { hashes[url.path] = hash }
    return hash
  }
}
