import Foundation
import Tensors

/// An uncaught error of a cell or script: a Python exception with its traceback, or a syntax
/// error, with the text CPython would print on standard error.
public struct PythonError: Error, CustomStringConvertible, Sendable {
  /// The exception class name as printed: `NameError`, `__main__.MyError`, `SyntaxError`.
  public var typeName: String
  /// `str(exception)`: the text after the colon.
  public var message: String
  /// Frames from outermost to innermost; for a syntax error, the single offending place.
  public var traceback: [TracebackEntry]
  /// 1-based column of a syntax error in its source line.
  public var column: Int?
  /// Where the caret goes under the stripped line CPython prints.
  var caretColumn: Int?
  public var isSyntaxError: Bool
  /// True when the run hit a limit (time) rather than raising.
  public var isLimit: Bool
  /// Exceptions this one was raised while handling, or from, outermost first, each with the
  /// line CPython prints after it.
  public var chain: [ChainedException] = []
  /// For `sys.exit(...)`/`exit()`: the process exit status a script runner should use
  /// (0 for `sys.exit()`, the int given, or 1 with `message` for other values); nil otherwise.
  public var exitStatus: Int32?

  /// The innermost frame's file and reported line: where a journal error should point.
  public var location: (filename: String, line: Int)? {
    traceback.last.map { ($0.filename, $0.line) }
  }

  /// The last line of the traceback: `NameError: name 'x' is not defined`.
  public var summary: String {
    message.isEmpty ? typeName : "\(typeName): \(message)"
  }

  /// The full report in CPython's layout.
  public var formatted: String {
    var out = ""
    if isSyntaxError, let e = traceback.last {
      out += "  File \"\(e.filename)\", line \(e.line)\n"
      if let text = e.sourceLine {
        out += "    \(text)\n"
        if let c = caretColumn ?? column {
          out += "    " + String(repeating: " ", count: max(0, c - 1)) + "^\n"
        }
      }
      return out + summary + "\n"
    }
    for link in chain {
      if !link.traceback.isEmpty {
        out += "Traceback (most recent call last):\n"
        out += PythonError.frames(link.traceback)
      }
      out += (link.message.isEmpty ? link.typeName : "\(link.typeName): \(link.message)") + "\n"
      out += "\n\(link.separator)\n\n"
    }
    out += "Traceback (most recent call last):\n"
    out += PythonError.frames(traceback)
    return out + summary + "\n"
  }

  static func frames(_ traceback: [TracebackEntry]) -> String {
    var out = ""
    // Like CPython, a frame repeated more than three times in a row is summarised.
    var previous: TracebackEntry?
    var repeats = 0
    func flushRepeats() {
      if repeats > 3 {
        let n = repeats - 3
        out += "  [Previous line repeated \(n) more time\(n == 1 ? "" : "s")]\n"
      }
    }
    for e in traceback {
      if e == previous {
        repeats += 1
        if repeats > 3 { continue }
      } else {
        flushRepeats()
        previous = e
        repeats = 1
      }
      out += "  File \"\(e.filename)\", line \(e.line), in \(e.function)\n"
      if let text = e.sourceLine, !text.isEmpty { out += "    \(text)\n" }
    }
    flushRepeats()
    return out
  }

  public var description: String { formatted }
}

/// An exception in the chain of a `PythonError` ("During handling of the above exception...").
public struct ChainedException: Sendable {
  public var typeName: String
  public var message: String
  public var traceback: [TracebackEntry]
  /// The sentence CPython prints between this exception and the next.
  public var separator: String
}

/// A session of the cell language: cells run one after another share their global variables.
///
/// ```swift
/// let session = Interpreter()
/// session.output = { text in print(text, terminator: "") }
/// try session.run(source: "x = 2\nprint(x * 21)", filename: "journal/2018/2018-09-17.md",
///   lineOffset: 117)
/// ```
public final class Interpreter {
  /// Limits of a session.
  public struct Options: Sendable {
    /// Wall-clock seconds a single `run` may take; checked in loops and calls.
    public var timeLimit: Double = 600
    /// Maximum depth of nested Python calls, like `sys.setrecursionlimit`.
    public var recursionLimit = 1000
    /// Native stack for the interpreter thread; deep recursion needs more than the default.
    public var stackSize = 512 << 20
    /// Bytes of tensor storage (arrays, tensors) the session may hold at once; nil for no cap.
    /// Going over it ends the run with a MemoryError (see `Runtime.memoryLimitExceeded`).
    public var memoryLimit: Int? = Options.defaultMemoryLimit
    /// Whether the memory cap also counts the process heap's growth during the session (lists,
    /// strings, dicts), checked a few times a second. Leave it on where a session has its
    /// process to itself; sessions side by side in one process (tests) turn it off, since each
    /// would count the others' memory.
    public var countsProcessHeap = true

    /// 4 GiB.
    public static let defaultMemoryLimit = 4 << 30

    public init(
      timeLimit: Double = 600, recursionLimit: Int = 1000,
      memoryLimit: Int? = Options.defaultMemoryLimit
    ) {
      self.timeLimit = timeLimit
      self.recursionLimit = recursionLimit
      self.memoryLimit = memoryLimit
    }
  }

  let runtime: Runtime
  public var options: Options

  /// Receives everything the program prints to standard output, in order.
  public var output: (String) -> Void {
    get { runtime.write }
    set { runtime.write = newValue }
  }

  /// Receives what the program writes to `sys.stderr` (tracebacks are thrown, not written).
  public var errorOutput: (String) -> Void {
    get { runtime.writeError }
    set { runtime.writeError = newValue }
  }

  /// Folders `open()` and `glob.glob` may read; everything else is refused. Empty by default.
  public var readableFolders: [String] {
    get { runtime.readableRoots }
    set { runtime.readableRoots = newValue }
  }

  /// Where `open()` and `numpy.load` look relative file names up (journal cells: the data
  /// folders); nil reads them from the working directory.
  public var dataFiles: DataFileLookup? {
    get { runtime.dataFileLookup }
    set { runtime.dataFileLookup = newValue }
  }

  /// The data files read since the last call, each once, in the order first opened: the name
  /// as the program wrote it and the full path it was read from.
  public func takeOpenedDataFiles() -> [(name: String, path: String)] {
    var seen = Set<String>()
    let files = runtime.openedDataFiles.filter { seen.insert($0.name).inserted }
    runtime.openedDataFiles = []
    return files
  }

  /// `sys.argv` for scripts run by `journal exec SCRIPT.py [ARGS]`.
  public func setArguments(_ arguments: [String]) throws {
    let sys = try runtime.importModule("sys")
    sys["argv"] = .list(PyList(arguments.map { .str($0) }))
  }

  public init(options: Options = Options()) {
    self.options = options
    runtime = Runtime()
    runtime.recursionLimit = options.recursionLimit
    StandardModules.register(in: runtime)
    runtime.global("__name__").value = .str("__main__")
  }

  /// Makes `import name` load the module built by `loader` (once per session).
  ///
  /// Bridges build a `PyModule` of native functions (`module.define("zeros") { args, kwargs in
  /// ... }`), values conforming to `PyNativeObject` (tensors: operators, indexing, repr), and
  /// classes: a `PyClass` with a `constructor` makes native instances (`torch.tensor(...)`);
  /// a `PyClass` whose namespace holds `PyBuiltin` methods (`__init__`, `__call__`,
  /// `parameters`) can be subclassed in cells (`class Net(nn.Module)`): its instances are
  /// `PyInstance`s, the builtin methods receive the instance first, and `attribute`/`call`
  /// reach the user's `forward`. Dotted names (`torch.nn`) register submodules.
  public func registerModule(_ name: String, _ loader: @escaping (Interpreter) throws -> PyModule) {
    runtime.moduleLoaders[name] = { [unowned self] _ in try loader(self) }
    runtime.modules[name] = nil
  }

  /// Reads a global variable of the session.
  public func global(_ name: String) -> PyValue? { runtime.globals[name]?.value }

  /// Sets a global variable of the session.
  public func setGlobal(_ name: String, _ value: PyValue) { runtime.global(name).value = value }

  /// Calls a Python value (for native modules that take callbacks).
  public func call(_ callee: PyValue, _ args: [PyValue], _ kwargs: KeywordArguments = []) throws
    -> PyValue
  {
    try runtime.call(callee, args, kwargs)
  }

  /// The items of any iterable value (list, tuple, range, dict keys, user iterables).
  public func items(of value: PyValue) throws -> [PyValue] { try runtime.toArray(value) }

  /// Python truthiness.
  public func isTrue(_ value: PyValue) throws -> Bool { try runtime.isTrue(value) }

  /// `getattr(value, name)`.
  public func attribute(_ value: PyValue, _ name: String) throws -> PyValue {
    try runtime.getAttribute(value, name)
  }

  /// A builtin class by name (`int`, `float`, `list`, exception classes), for bridges.
  public func builtinClass(_ name: String) -> PyClass? {
    if case .type(let c)? = runtime.builtins[name] { return c }
    return nil
  }

  /// `repr(value)` / `str(value)`, as the language computes them.
  public func repr(_ value: PyValue) throws -> String { try runtime.repr(value) }
  public func str(_ value: PyValue) throws -> String { try runtime.str(value) }

  /// Runs source text in the session.
  ///
  /// - Parameters:
  ///   - filename: what tracebacks name (`journal/2018/2018-09-17.md` or a script path).
  ///   - lineOffset: added to every line number reported, so a cell's line 1 can be the
  ///     journal file's line `lineOffset + 1`.
  /// - Throws: `PythonError` for a syntax error, an uncaught exception or an exceeded limit.
  public func run(source: String, filename: String = "<cell>", lineOffset: Int = 0) throws {
    let box = RunBox(self, source, filename, lineOffset)
    if Thread.isMainThread || options.stackSize > 0 {
      let done = DispatchSemaphore(value: 0)
      let thread = Thread { [box] in
        box.execute()
        done.signal()
      }
      thread.stackSize = options.stackSize
      thread.start()
      done.wait()
    } else {
      box.execute()
    }
    if let error = box.error { throw error }
  }

  fileprivate func runOnCurrentThread(source: String, filename: String, lineOffset: Int) throws {
    // A UTF-8 byte-order mark opens many files saved on Windows; CPython skips it.
    let source = source.hasPrefix("\u{FEFF}") ? String(source.dropFirst()) : source
    let rt = runtime
    rt.makeCurrent()
    rt.checksProcessHeap = options.countsProcessHeap
    rt.installMemoryBudget(limit: options.memoryLimit)
    defer { TensorMemory.uninstall() }
    let sourceKey = Runtime.sourceKey(filename, lineOffset)
    rt.sources[sourceKey] = source.split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
    let start = ProcessInfo.processInfo.systemUptime
    rt.timeLimitSeconds = options.timeLimit
    rt.deadline = options.timeLimit.isFinite ? start + options.timeLimit : .infinity
    TensorDeadline.install(rt.deadline.isFinite ? rt.deadline : nil)
    defer { TensorDeadline.install(nil) }
    rt.recursionLimit = options.recursionLimit
    rt.callDepth = 0
    rt.handling = []
    let scope = Scope(kind: .module, parent: nil)
    let compiler = Compiler(runtime: rt, filename: filename, lineOffset: lineOffset, scope: scope)
    let body: Exec
    do {
      body = try compiler.compileBlock(try Parser.parse(source))
    } catch let issue as SyntaxIssue {
      throw syntaxError(issue, filename: filename, lineOffset: lineOffset)
    }
    let frame = Frame(slotCount: scope.slotCount, parent: nil, function: nil)
    rt.moduleSource = (filename, lineOffset)
    // The last call site must not keep a frame (and what its variables hold) after the run.
    defer { rt.callSite = nil }
    rt.pendingError = nil
    do {
      do {
        _ = try body(frame)
        // A limit reached by the last statements, after the last tick.
        try rt.checkClock()
      } catch let e as PyException {
        throw e
      } catch {
        // A native error no bridge converted (an operator on tensors): still a traceback.
        throw Runtime.pythonException(error)
      }
    } catch var e as PyException {
      let lines = rt.sources[sourceKey]
      let line = e.originLine ?? frame.line
      let text = lines.flatMap { line >= 1 && line <= $0.count ? $0[line - 1] : nil }
      e.traceback.insert(
        TracebackEntry(
          filename: filename, line: line + lineOffset, function: "<module>",
          sourceLine: text?.trimmingCharacters(in: .whitespaces)), at: 0)
      let cls = rt.exceptionClass(of: e)
      var exitStatus: Int32?
      var message = rt.exceptionMessage(e)
      if cls.isSubclass(of: rt.exceptionClasses[.systemExit]!) {
        let inst = rt.instance(of: &e)
        var arg = PyValue.none
        if case .tuple(let t)? = inst.attributes.get("args"), let first = t.first { arg = first }
        switch arg {
        case .none: exitStatus = 0
        case .int(let i): exitStatus = Int32(truncatingIfNeeded: i)
        case .bool(let b): exitStatus = b ? 1 : 0
        default:
          exitStatus = 1
          message = (try? rt.str(arg)) ?? ""
        }
      }
      let name =
        cls.module == "builtins" || cls.module == "__main__"
        ? cls.name : "\(cls.module).\(cls.name)"
      var error = PythonError(
        typeName: name, message: message, traceback: e.traceback, column: nil,
        isSyntaxError: false, isLimit: !e.catchable, exitStatus: exitStatus)
      error.chain = chain(of: e)
      throw error
    }
  }

  private func chain(of e: PyException) -> [ChainedException] {
    let rt = runtime
    func link(_ x: PyException, _ separator: String) -> [ChainedException] {
      let cls = rt.exceptionClass(of: x)
      let name =
        cls.module == "builtins" || cls.module == "__main__"
        ? cls.name : "\(cls.module).\(cls.name)"
      return chain(of: x) + [
        ChainedException(
          typeName: name, message: rt.exceptionMessage(x), traceback: x.traceback,
          separator: separator)
      ]
    }
    if let cause = e.cause?.value {
      return link(cause, "The above exception was the direct cause of the following exception:")
    }
    if let context = e.context?.value, !e.suppressContext {
      return link(context, "During handling of the above exception, another exception occurred:")
    }
    return []
  }

  private func syntaxError(_ issue: SyntaxIssue, filename: String, lineOffset: Int) -> PythonError {
    let lines = runtime.sources[Runtime.sourceKey(filename, lineOffset)] ?? []
    let line = issue.location.line
    let raw = line >= 1 && line <= lines.count ? lines[line - 1] : nil
    // The caret counts from the stripped text, as CPython prints it.
    let stripped = raw.map { String($0.drop(while: { $0 == " " || $0 == "\t" })) }
    let indent = (raw?.count ?? 0) - (stripped?.count ?? 0)
    let entry = TracebackEntry(
      filename: filename, line: line + lineOffset, function: "<module>",
      sourceLine: stripped.map {
        var s = $0
        while s.last == " " { s.removeLast() }
        return s
      })
    var error = PythonError(
      typeName: issue.typeName, message: issue.message, traceback: [entry],
      column: issue.location.column, isSyntaxError: true, isLimit: false, exitStatus: nil)
    error.caretColumn = max(1, issue.location.column - indent)
    return error
  }
}

/// Carries one run onto the interpreter thread and its result back.
private final class RunBox: @unchecked Sendable {
  let interpreter: Interpreter
  let source: String
  let filename: String
  let lineOffset: Int
  var error: Error?

  init(_ interpreter: Interpreter, _ source: String, _ filename: String, _ lineOffset: Int) {
    self.interpreter = interpreter
    self.source = source
    self.filename = filename
    self.lineOffset = lineOffset
  }

  func execute() {
    do {
      try interpreter.runOnCurrentThread(source: source, filename: filename, lineOffset: lineOffset)
    } catch {
      self.error = error
    }
  }
}
