import Foundation

/// The standard-library modules cells may import without a bridge: math, string, time,
/// itertools, collections, os, sys. Tensor-backed modules (numpy, torch, random) are registered
/// by their bridges through `Interpreter.registerModule`.
enum StandardModules {
  static func register(in rt: Runtime) {
    rt.moduleLoaders["math"] = { rt in MathModule.make(rt) }
    rt.moduleLoaders["string"] = { _ in stringModule() }
    rt.moduleLoaders["time"] = { _ in timeModule(rt) }
    rt.moduleLoaders["itertools"] = { rt in ItertoolsModule.make(rt) }
    rt.moduleLoaders["collections"] = { rt in CollectionsModule.make(rt) }
    rt.moduleLoaders["os"] = { rt in osModule(rt) }
    rt.moduleLoaders["os.path"] = { rt in
      if case .module(let p)? = try rt.importModule("os").namespace.get("path") { return p }
      return osPathModule(rt)
    }
    rt.moduleLoaders["sys"] = { rt in sysModule(rt) }
    rt.moduleLoaders["glob"] = { rt in GlobModule.make(rt) }
    rt.moduleLoaders["dataclasses"] = { rt in DataclassesModule.make(rt) }
    rt.moduleLoaders["typing"] = { _ in DataclassesModule.typingModule() }
    rt.moduleLoaders["functools"] = { rt in FunctoolsModule.make(rt) }
    rt.moduleLoaders["json"] = { rt in JSONModule.make(rt) }
    rt.moduleLoaders["random"] = { rt in RandomModule.make(rt) }
    rt.moduleLoaders["unicodedata"] = { rt in UnicodedataModule.make(rt) }
    rt.moduleLoaders["io"] = { rt in IOModule.make(rt) }
    rt.moduleLoaders["copy"] = { rt in CopyModule.make(rt) }
    rt.moduleLoaders["operator"] = { rt in OperatorModule.make(rt) }
    rt.moduleLoaders["heapq"] = { rt in HeapqModule.make(rt) }
    rt.moduleLoaders["bisect"] = { rt in BisectModule.make(rt) }
    rt.moduleLoaders["__future__"] = { _ in futureModule() }
    rt.moduleLoaders["warnings"] = { rt in WarningsModule.make(rt) }
  }

  /// `__future__`: the features, as CPython 3.11 describes them (what `Parser` accepts).
  static func futureModule() -> PyModule {
    let m = PyModule(name: "__future__")
    let features: [(String, String, String, Int)] = [
      ("nested_scopes", "(2, 1, 0, 'beta', 1)", "(2, 2, 0, 'alpha', 0)", 0x10),
      ("generators", "(2, 2, 0, 'alpha', 1)", "(2, 3, 0, 'final', 0)", 0),
      ("division", "(2, 2, 0, 'alpha', 2)", "(3, 0, 0, 'alpha', 0)", 0x20000),
      ("absolute_import", "(2, 5, 0, 'alpha', 1)", "(3, 0, 0, 'alpha', 0)", 0x40000),
      ("with_statement", "(2, 5, 0, 'alpha', 1)", "(2, 6, 0, 'alpha', 0)", 0x80000),
      ("print_function", "(2, 6, 0, 'alpha', 2)", "(3, 0, 0, 'alpha', 0)", 0x100000),
      ("unicode_literals", "(2, 6, 0, 'alpha', 2)", "(3, 0, 0, 'alpha', 0)", 0x200000),
      ("barry_as_FLUFL", "(3, 1, 0, 'alpha', 2)", "(4, 0, 0, 'alpha', 0)", 0x400000),
      ("generator_stop", "(3, 5, 0, 'beta', 1)", "(3, 7, 0, 'alpha', 0)", 0x800000),
      ("annotations", "(3, 7, 0, 'beta', 1)", "None", 0x1000000),
    ]
    for (name, optional, mandatory, flag) in features {
      m[name] = .native(FutureFeature(optional: optional, mandatory: mandatory, flag: flag))
    }
    m["all_feature_names"] = .list(PyList(features.map { .str($0.0) }))
    return m
  }

  static func stringModule() -> PyModule {
    let m = PyModule(name: "string")
    let lower = "abcdefghijklmnopqrstuvwxyz"
    let upper = lower.uppercased()
    let punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    m["ascii_lowercase"] = .str(lower)
    m["ascii_uppercase"] = .str(upper)
    m["ascii_letters"] = .str(lower + upper)
    m["digits"] = .str("0123456789")
    m["hexdigits"] = .str("0123456789abcdefABCDEF")
    m["octdigits"] = .str("01234567")
    m["punctuation"] = .str(punctuation)
    m["whitespace"] = .str(" \t\n\r\u{0B}\u{0C}")
    m["printable"] = .str("0123456789" + lower + upper + punctuation + " \t\n\r\u{0B}\u{0C}")
    return m
  }

  static func timeModule(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "time")
    m.define("time") { _, _ in .float(Date().timeIntervalSince1970) }
    m.define("perf_counter") { _, _ in .float(ProcessInfo.processInfo.systemUptime) }
    m.define("monotonic") { _, _ in .float(ProcessInfo.processInfo.systemUptime) }
    m.define("process_time") { _, _ in .float(Double(clock()) / Double(CLOCKS_PER_SEC)) }
    m.define("perf_counter_ns") { _, _ in
      .int(Int(ProcessInfo.processInfo.systemUptime * 1e9))
    }
    m.define("time_ns") { _, _ in .int(Int(Date().timeIntervalSince1970 * 1e9)) }
    m.define("sleep") { args, _ in
      guard let s = args.first.flatMap(numericValue) else {
        throw PyException(
          .typeError,
          "'\(args.first.map { rt.typeName($0) } ?? "NoneType")' object cannot be "
            + "interpreted as an integer")
      }
      if s < 0 { throw PyException(.valueError, "sleep length must be non-negative") }
      if s.isNaN { throw PyException(.valueError, "Invalid value NaN (not a number)") }
      // A sleep past the time limit sleeps until the limit, then ends the run there.
      let remaining = rt.remainingSeconds
      if s >= remaining {
        if remaining > 0 { Thread.sleep(forTimeInterval: remaining) }
        throw rt.timeLimitError()
      }
      if s > 0 { Thread.sleep(forTimeInterval: s) }
      return .none
    }
    return m
  }

  static func osModule(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "os")
    m.define("cpu_count") { _, _ in .int(ProcessInfo.processInfo.activeProcessorCount) }
    m.define("getcwd") { _, _ in .str(FileManager.default.currentDirectoryPath) }
    let env = PyDict()
    for (k, v) in ProcessInfo.processInfo.environment.sorted(by: { $0.key < $1.key }) {
      env.set(k, .str(v))
    }
    m["environ"] = .dict(env)
    m.define("getenv") { args, _ in
      guard case .str(let k)? = args.first else { return .none }
      if let v = env.get(k) { return v }
      return args.count > 1 ? args[1] : .none
    }
    m["sep"] = .str("/")
    m["linesep"] = .str("\n")
    m["name"] = .str("posix")
    m["path"] = .module(osPathModule(rt))
    return m
  }

  static func osPathModule(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "posixpath")
    func strings(_ args: [PyValue]) throws -> [String] {
      try args.map { try rt.string($0, "path") }
    }
    m.define("join") { args, _ in
      var out = ""
      for p in try strings(args) {
        if p.hasPrefix("/") {
          out = p
        } else if out.isEmpty || out.hasSuffix("/") {
          out += p
        } else {
          out += "/" + p
        }
      }
      return .str(out)
    }
    m.define("exists") { args, _ in
      .bool(FileManager.default.fileExists(atPath: try strings(args).first ?? ""))
    }
    m.define("isfile") { args, _ in
      var dir: ObjCBool = false
      let ok = FileManager.default.fileExists(
        atPath: try strings(args).first ?? "", isDirectory: &dir)
      return .bool(ok && !dir.boolValue)
    }
    m.define("isdir") { args, _ in
      var dir: ObjCBool = false
      let ok = FileManager.default.fileExists(
        atPath: try strings(args).first ?? "", isDirectory: &dir)
      return .bool(ok && dir.boolValue)
    }
    m.define("basename") { args, _ in
      let p = try strings(args).first ?? ""
      return .str(
        p.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? "")
    }
    m.define("dirname") { args, _ in
      let p = try strings(args).first ?? ""
      guard let i = p.lastIndex(of: "/") else { return .str("") }
      let head = String(p[..<i])
      return .str(head.isEmpty ? "/" : head)
    }
    m.define("splitext") { args, _ in
      let p = try strings(args).first ?? ""
      let base = p.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
      if let dot = base.lastIndex(of: "."), dot != base.startIndex,
        !base[..<dot].allSatisfy({ $0 == "." })
      {
        let extLen = base.distance(from: dot, to: base.endIndex)
        return .tuple([.str(String(p.dropLast(extLen))), .str(String(p.suffix(extLen)))])
      }
      return .tuple([.str(p), .str("")])
    }
    m.define("split") { args, _ in
      let p = try strings(args).first ?? ""
      guard let i = p.lastIndex(of: "/") else { return .tuple([.str(""), .str(p)]) }
      var head = String(p[...i])
      if head.count > 1 { head.removeLast() }
      return .tuple([.str(head), .str(String(p[p.index(after: i)...]))])
    }
    m.define("abspath") { args, _ in
      let p = try strings(args).first ?? ""
      return .str(URL(fileURLWithPath: p).standardizedFileURL.path)
    }
    m["sep"] = .str("/")
    return m
  }

  static func sysModule(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "sys")
    m["argv"] = .list(PyList([.str("")]))
    m["maxsize"] = .int(Int.max)
    m["version"] = .str("3.11.7 (journal cell language)")
    m["version_info"] = .tuple([.int(3), .int(11), .int(7), .str("final"), .int(0)])
    m["platform"] = .str("linux")
    m["stdout"] = .native(StandardStream(rt))
    m["stderr"] = .native(StandardStream(rt, error: true))
    m.define("getrecursionlimit") { _, _ in .int(rt.recursionLimit) }
    m.define("setrecursionlimit") { args, _ in
      rt.recursionLimit = try rt.int(args.first ?? .int(1000), "limit")
      return .none
    }
    m.define("exit") { args, _ in throw PyException(kind: .systemExit, args: args) }
    return m
  }
}

/// `sys.stdout`: writes go to the session's output.
final class StandardStream: PyNativeObject {
  unowned let runtime: Runtime
  let isError: Bool

  init(_ runtime: Runtime, error: Bool = false) {
    self.runtime = runtime
    self.isError = error
  }

  var typeName: String { "TextIOWrapper" }

  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "write":
      return .builtin(
        PyBuiltin("write") { [unowned self] args, _ in
          let s = try runtime.string(args.first ?? .str(""), "write() argument")
          if isError { runtime.writeError(s) } else { runtime.write(s) }
          return .int(s.unicodeScalars.count)
        })
    case "flush": return .builtin(PyBuiltin("flush") { _, _ in .none })
    default: return nil
    }
  }
}

/// A `__future__` feature: only its repr matters to programs.
final class FutureFeature: PyNativeObject {
  let optional: String
  let mandatory: String
  let flag: Int

  init(optional: String, mandatory: String, flag: Int) {
    self.optional = optional
    self.mandatory = mandatory
    self.flag = flag
  }

  var typeName: String { "_Feature" }

  func getAttribute(_ name: String) throws -> PyValue? {
    name == "compiler_flag" ? .int(flag) : nil
  }

  func repr() throws -> String { "_Feature(\(optional), \(mandatory), \(flag))" }
}
