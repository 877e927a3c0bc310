import Foundation

/// `open()` for reading and the `glob` module, both confined to the folders the host allows.
///
/// Cells may read the journal's data files and nothing else; every write is refused.
extension Runtime {
  /// Resolves `path` against the working directory and checks it lies in a readable root.
  func readablePath(_ path: String, for function: String) throws -> String {
    let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    let full = url.path
    for root in readableRoots {
      let r = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
      if full == r || full.hasPrefix(r.hasSuffix("/") ? r : r + "/") { return full }
    }
    throw PyException(
      .permissionError,
      "[Errno 13] Permission denied: \(reprString(path)) "
        + "(journal cells may only read files inside the journal's data folders)")
  }

  /// The file a program means by `path`, for reading: a relative name is looked up in the
  /// data folders when the host gave a lookup (a missing one raises FileNotFoundError with the
  /// lookup's message), and the file is recorded as read.
  func dataFilePath(_ path: String, for function: String) throws -> String {
    guard let lookup = dataFileLookup, !path.hasPrefix("/") else {
      let full = try readablePath(path, for: function)
      if dataFileLookup != nil { openedDataFiles.append((name: path, path: full)) }
      return full
    }
    guard let found = lookup.resolve(path) else {
      throw PyException(.fileNotFoundError, "[Errno 2] " + lookup.missingMessage(path))
    }
    let full = try readablePath(found, for: function)
    openedDataFiles.append((name: path, path: full))
    return full
  }

  /// Where relative `glob` patterns are taken from: the lookup's glob root (journal cells: the
  /// first data folder that exists, as `journal run-entry --python` makes it the working directory).
  var dataWorkingDirectory: String? {
    dataFileLookup?.globRoot
  }

  func installFileBuiltins() {
    define("open") { [unowned self] a in
      try a.expect(min: 1, max: 3, keywords: ["mode", "encoding", "newline", "errors"])
      let path = try string(a.at(0), "open() argument 'file'")
      let mode = try a.value(1, "mode").map { try string($0, "open() argument 'mode'") } ?? "r"
      if mode.contains("w") || mode.contains("a") || mode.contains("x") || mode.contains("+") {
        throw PyException(
          .permissionError,
          "[Errno 13] Permission denied: \(reprString(path)) (journal cells cannot write files)")
      }
      if mode.contains("b") {
        throw PyException(.valueError, "binary files are not supported in journal cells")
      }
      let full = try dataFilePath(path, for: "open")
      var isDir: ObjCBool = false
      guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir) else {
        throw PyException(
          .fileNotFoundError, "[Errno 2] No such file or directory: \(reprString(path))")
      }
      if isDir.boolValue {
        throw PyException(.osError, "[Errno 21] Is a directory: \(reprString(path))")
      }
      guard let data = FileManager.default.contents(atPath: full),
        let text = String(data: data, encoding: .utf8)
      else {
        throw PyException(.unicodeError, "\(reprString(path)) is not UTF-8 text")
      }
      return .native(TextFile(name: path, text: text, runtime: self))
    }
  }
}

/// A file opened for reading: its whole text, consumed line by line.
final class TextFile: PyNativeObject {
  let name: String
  private var lines: [String]
  private var index = 0
  private(set) var closed = false
  unowned let runtime: Runtime

  init(name: String, text: String, runtime: Runtime) {
    self.name = name
    self.runtime = runtime
    var out: [String] = []
    var current = ""
    for ch in text {
      current.append(ch)
      if ch == "\n" || ch == "\r\n" {
        out.append(current)
        current = ""
      }
    }
    if !current.isEmpty { out.append(current) }
    lines = out
  }

  var typeName: String { "TextIOWrapper" }

  private func checkOpen() throws {
    if closed { throw PyException(.valueError, "I/O operation on closed file.") }
  }

  private func readRest() -> String {
    let rest = lines[index...].joined()
    index = lines.count
    return rest
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    func method(_ body: @escaping ([PyValue]) throws -> PyValue) -> PyValue {
      .builtin(PyBuiltin(name) { args, _ in try body(args) })
    }
    switch name {
    case "read":
      return method { [unowned self] _ in
        try checkOpen()
        return .str(readRest())
      }
    case "readline":
      return method { [unowned self] _ in
        try checkOpen()
        guard index < lines.count else { return .str("") }
        defer { index += 1 }
        return .str(lines[index])
      }
    case "readlines":
      return method { [unowned self] _ in
        try checkOpen()
        let rest = lines[index...].map { PyValue.str($0) }
        index = lines.count
        return .list(PyList(Array(rest)))
      }
    case "close":
      return method { [unowned self] _ in
        closed = true
        return .none
      }
    case "__enter__": return method { [unowned self] _ in .native(self) }
    case "__exit__":
      return method { [unowned self] _ in
        closed = true
        return .bool(false)
      }
    case "name": return .str(self.name)
    case "closed": return .bool(closed)
    case "mode": return .str("r")
    default: return nil
    }
  }

  func makeIterator() throws -> PyIterator? {
    try checkOpen()
    return PyIterator("TextIOWrapper") { [unowned self] in
      guard index < lines.count else { return nil }
      defer { index += 1 }
      return .str(lines[index])
    }
  }

  func repr() throws -> String {
    "<_io.TextIOWrapper name=\(reprString(name)) mode='r' encoding='UTF-8'>"
  }
}

enum GlobModule {
  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "glob")
    func expand(_ pattern: String) throws -> [String] {
      // A relative pattern is taken from the data working directory and its matches stay
      // relative, as CPython's are after `chdir`.
      let base = pattern.hasPrefix("/") ? nil : rt.dataWorkingDirectory
      let prefix = base.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
      var g = glob_t()
      defer { globfree(&g) }
      // Unsorted, as CPython's glob: the order the directory lists its entries in.
      guard Glibc.glob(prefix + pattern, GLOB_NOSORT, nil, &g) == 0 else { return [] }
      var out: [String] = []
      for i in 0..<Int(g.gl_pathc) {
        if let p = g.gl_pathv[i] { out.append(String(cString: p)) }
      }
      // Only paths the cell could open are listed.
      return out.filter { (try? rt.readablePath($0, for: "glob")) != nil }
        .map { String($0.dropFirst(prefix.count)) }
    }
    m.define("glob") { args, kwargs in
      let a = Arguments("glob", args, kwargs)
      let pattern = try rt.string(try a.required(0, "pathname"), "glob() argument")
      return .list(PyList(try expand(pattern).map { .str($0) }))
    }
    m.define("iglob") { args, kwargs in
      let a = Arguments("iglob", args, kwargs)
      let pattern = try rt.string(try a.required(0, "pathname"), "iglob() argument")
      return .iterator(PyIterator.over(try expand(pattern).map { .str($0) }, typeName: "generator"))
    }
    return m
  }
}

/// How a host resolves the relative file names a program reads (journal cells: `journal/data/`,
/// then the folders of `JOURNAL_DATA`).
public struct DataFileLookup {
  /// The full path of a relative name, or nil when no folder has it.
  public var resolve: (String) -> String?
  /// The FileNotFoundError message for a name no folder has.
  public var missingMessage: (String) -> String
  /// Where relative `glob` patterns start (the first data folder that exists), or nil for the
  /// working directory.
  public var globRoot: String?

  public init(
    resolve: @escaping (String) -> String?, missingMessage: @escaping (String) -> String,
    globRoot: String? = nil
  ) {
    self.resolve = resolve
    self.missingMessage = missingMessage
    self.globRoot = globRoot
  }
}
