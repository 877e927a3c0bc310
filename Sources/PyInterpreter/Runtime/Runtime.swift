import Foundation
import Tensors

final class WeakRuntime {
  weak var runtime: Runtime?
  init(_ runtime: Runtime) { self.runtime = runtime }
}

/// The thread-specific slot behind `Runtime.current`; its destructor drops the box's retain
/// when a thread ends.
private let currentRuntimeKey: pthread_key_t = {
  var key = pthread_key_t()
  pthread_key_create(&key) { p in
    // Optional on some platforms, not on others.
    let raw: UnsafeMutableRawPointer? = p
    if let raw { Unmanaged<WeakRuntime>.fromOpaque(raw).release() }
  }
  return key
}()

/// A global variable's storage; compiled code holds the box, so lookups skip hashing.
final class GlobalBox {
  let name: String
  var value: PyValue?

  init(name: String) { self.name = name }
}

/// The activation record of a function call, the module body or a class body.
final class Frame {
  /// Local variables by slot. A raw buffer: frames are made on every call, and an array's
  /// allocation path costs a metadata lookup each time.
  let slots: UnsafeMutablePointer<PyValue?>
  let slotCount: Int
  let parent: Frame?
  let function: PyFunction?
  var line = 0
  var returnValue: PyValue = .none
  var classNamespace: PyDict?
  /// The generator this frame runs in, for `yield`.
  var generator: GeneratorState?

  init(slotCount: Int, parent: Frame?, function: PyFunction?) {
    slots = UnsafeMutablePointer<PyValue?>.allocate(capacity: max(slotCount, 1))
    slots.initialize(repeating: nil, count: slotCount)
    self.slotCount = slotCount
    self.parent = parent
    self.function = function
  }

  deinit {
    slots.deinitialize(count: slotCount)
    slots.deallocate()
  }
}

/// Compiled code of a function body, shared by every function object made from one `def`.
final class CodeObject {
  let name: String
  let filename: String
  let lineOffset: Int
  let parameters: [ParameterInfo]
  let slotCount: Int
  var body: (Frame) throws -> Void = { _ in }
  var isGenerator = false
  let firstLine: Int
  let isLambda: Bool
  /// `Point.__init__`, `outer.<locals>.inner`: what argument errors name.
  let qualname: String
  /// The parameter count when every parameter is plain positional (slots 0..<n), else nil:
  /// calls that pass exactly that many positional arguments skip the general binding.
  let simpleArity: Int?

  struct ParameterInfo {
    var name: String
    var kind: Parameter.Kind
    var slot: Int
  }

  init(
    name: String, filename: String, lineOffset: Int, parameters: [ParameterInfo],
    slotCount: Int, firstLine: Int, isLambda: Bool, qualname: String
  ) {
    self.qualname = qualname
    self.name = name
    self.filename = filename
    self.lineOffset = lineOffset
    self.parameters = parameters
    self.slotCount = slotCount
    self.firstLine = firstLine
    self.isLambda = isLambda
    simpleArity =
      parameters.allSatisfy { $0.kind == .normal } ? parameters.count : nil
  }
}

/// A function defined by `def` or `lambda`.
public final class PyFunction {
  let code: CodeObject
  /// Default values of the positional parameters with defaults, aligned to the last ones.
  let defaults: [String: PyValue]
  let closure: Frame?
  var definingClass: PyClass?
  public var name: String
  var attributes = PyDict()

  init(code: CodeObject, defaults: [String: PyValue], closure: Frame?) {
    self.code = code
    self.defaults = defaults
    self.closure = closure
    self.name = code.name
  }
}

/// Everything one interpreter session shares: globals, classes of builtin types, modules, limits.
final class Runtime {
  var globals: [String: GlobalBox] = [:]
  var builtins: [String: PyValue] = [:]
  var types: [String: PyClass] = [:]
  var exceptionClasses: [ExceptionKind: PyClass] = [:]
  var modules: [String: PyModule] = [:]
  var moduleLoaders: [String: (Runtime) throws -> PyModule] = [:]
  var write: (String) -> Void = { _ in }
  var writeError: (String) -> Void = { _ in }
  /// Folders `open()` and `glob` may read (absolute or relative to the working directory).
  var readableRoots: [String] = []
  /// Where relative file names are looked up (journal cells: the data folders); nil reads them
  /// from the working directory.
  var dataFileLookup: DataFileLookup?
  /// The data files opened since the host last took them: the name as written, the full path.
  var openedDataFiles: [(name: String, path: String)] = []
  var sources: [String: [String]] = [:]
  var objectClass: PyClass!
  /// The frame of the call compiled code last made to something that is not a Python function
  /// (a builtin, a method of a module): where `warnings.warn` reports its caller to be.
  var callSite: Frame?
  /// The file and line offset of the module body being run, for `callSite` frames of the
  /// module (function frames know their code's).
  var moduleSource = (filename: "<string>", lineOffset: 0)

  /// Exceptions being handled by `except` blocks, innermost last (for a bare `raise`).
  var handling: [PyException] = []
  var callDepth = 0
  /// The lists and dicts whose repr is being built, to print `[...]` when one contains itself.
  var reprInProgress = Set<ObjectIdentifier>()
  var recursionLimit = 1000
  var deadline: Double = .infinity
  var timeLimitSeconds: Double = 600
  var ticks = 0
  /// What `Runtime.current` finds on threads running this runtime.
  private(set) lazy var weakBox = WeakRuntime(self)

  init() {
    objectClass = PyClass(name: "object", base: nil)
    types["object"] = objectClass
    for name in [
      "int", "float", "str", "list", "tuple", "dict", "set", "frozenset", "NoneType", "function",
      "builtin_function_or_method", "method", "type", "module", "range", "slice", "iterator",
      "super", "ellipsis",
    ] {
      types[name] = PyClass(name: name, base: objectClass)
    }
    types["bool"] = PyClass(name: "bool", base: types["int"])
    for kind in ExceptionKind.allCases {
      let base = kind.parent.map { exceptionClasses[$0]! } ?? objectClass
      let cls = PyClass(name: kind.rawValue, base: base, module: kind.module)
      exceptionClasses[kind] = cls
    }
    let initFunction = PyBuiltin("__init__") { args, _ in
      guard case .instance(let inst)? = args.first else { return .none }
      inst.attributes.set("args", .tuple(Array(args.dropFirst())))
      return .none
    }
    exceptionClasses[.baseException]!.namespace.set("__init__", .builtin(initFunction))
    installBuiltins()
    installFileBuiltins()
  }

  func type(_ name: String) -> PyClass { types[name]! }

  /// Cells of one journal file share a filename; their offsets tell their source texts apart.
  static func sourceKey(_ filename: String, _ lineOffset: Int) -> String {
    "\(lineOffset):\(filename)"
  }

  /// The runtime running on this thread, for the few places without one at hand (hashing
  /// instances that define `__hash__`).
  static var current: Runtime? {
    guard let p = pthread_getspecific(currentRuntimeKey) else { return nil }
    return Unmanaged<WeakRuntime>.fromOpaque(p).takeUnretainedValue().runtime
  }

  /// Marks this runtime as the thread's current one: a pthread key holding a retained weak
  /// box, where `Thread.threadDictionary` cost a Foundation dictionary and casts per call
  /// (generators switch threads at every `next`).
  func makeCurrent() {
    let box = Unmanaged.passUnretained(weakBox).toOpaque()
    let old = pthread_getspecific(currentRuntimeKey)
    if let old, UnsafeRawPointer(old) == UnsafeRawPointer(box) { return }
    _ = Unmanaged.passRetained(weakBox)
    pthread_setspecific(currentRuntimeKey, box)
    if let old { Unmanaged<WeakRuntime>.fromOpaque(old).release() }
  }

  func global(_ name: String) -> GlobalBox {
    if let box = globals[name] { return box }
    let box = GlobalBox(name: name)
    globals[name] = box
    return box
  }

  // MARK: Limits

  /// Called on every loop iteration and call; reads the clock only now and then.
  @inline(__always)
  func tick() throws {
    ticks &+= 1
    if ticks & 0x3FFF == 0 { try checkClock() }
  }

  func checkClock() throws {
    if let e = pendingError {
      pendingError = nil
      throw e
    }
    guard deadline.isFinite || memoryBudget != nil else { return }
    let now = ProcessInfo.processInfo.systemUptime
    if now > deadline { throw timeLimitError() }
    if let budget = memoryBudget, checksProcessHeap, now >= nextHeapCheck {
      // mallinfo2 walks the heap's free lists: at most 20 times a second.
      nextHeapCheck = now + 0.05
      try checkHeap(budget)
    }
  }

  /// The TimeoutError that ends a run at its time limit; `except` cannot catch it.
  func timeLimitError() -> PyException {
    var e = PyException(
      .timeoutError,
      "the cell exceeded its time limit of \(formatSeconds(timeLimitSeconds)) seconds")
    e.catchable = false
    return e
  }

  /// Seconds left before the deadline (infinite without one).
  var remainingSeconds: Double { deadline - ProcessInfo.processInfo.systemUptime }

  // MARK: Memory

  /// Whether the memory cap also counts what the whole process's heap grew by since the session
  /// started (lists, strings, dicts, not only tensors). Right for one session per process (the
  /// command line); tests that run sessions side by side in one process turn it off.
  var checksProcessHeap = true
  /// Heap bytes in use when the budget was installed: the engine's own.
  var heapBaseline = 0
  var nextHeapCheck = 0.0

  /// Ends the run when the heap grew past the cap since the session started: the net under
  /// the checks made before allocating, for containers that grow an item at a time.
  func checkHeap(_ budget: TensorMemory.Budget) throws {
    guard let inUse = TensorMemory.processHeapInUse() else { return }
    let grown = inUse - heapBaseline
    if grown > budget.limit {
      var e = PyException(
        .memoryError,
        "memory limit exceeded: the session holds \(Runtime.bytesText(grown)), over the limit "
          + "of \(Runtime.bytesText(budget.limit))")
      e.catchable = false
      throw e
    }
  }

  /// Checks, before a string, list or other container of about `bytes` bytes is made from a
  /// size the program gave (`[0] * n`, `list(range(n))`, a format width), that it can be: more
  /// than the machine's memory is CPython's (catchable) MemoryError; more than the session's
  /// cap leaves room for is the cap's MemoryError, which ends the run.
  func reserve(bytes: Int) throws {
    if bytes < 0 || UInt64(bytes) > ProcessInfo.processInfo.physicalMemory {
      throw PyException(kind: .memoryError, args: [])
    }
    guard bytes > 1 << 16 else { return }
    if UInt64(bytes) > ProcessInfo.processInfo.physicalMemory {
      throw PyException(kind: .memoryError, args: [])
    }
    if let budget = memoryBudget {
      var live = budget.liveBytes
      if checksProcessHeap, let inUse = TensorMemory.processHeapInUse() {
        live = Swift.max(live, inUse - heapBaseline)
      }
      if bytes > budget.limit - live {
        var e = PyException(
          .memoryError,
          "memory limit exceeded: allocating \(Runtime.bytesText(bytes)) with "
            + "\(Runtime.bytesText(live)) in use would go over the limit of "
            + "\(Runtime.bytesText(budget.limit))")
        e.catchable = false
        throw e
      }
    }
  }

  /// `reserve` for `count` items of `stride` bytes, with the product checked for overflow.
  func reserve(count: Int, stride: Int) throws {
    let (bytes, o) = count.multipliedReportingOverflow(by: stride)
    try reserve(bytes: o ? -1 : bytes)
  }

  /// The session's tensor memory budget; kept across runs, since cells share their arrays.
  var memoryBudget: TensorMemory.Budget?
  /// An error to raise at the next tick (set where throwing is impossible: an allocation).
  var pendingError: PyException?

  /// Charges the tensors this thread allocates to the session's budget of `limit` bytes.
  func installMemoryBudget(limit: Int?) {
    guard let limit else {
      memoryBudget = nil
      TensorMemory.uninstall()
      return
    }
    if memoryBudget?.limit != limit {
      heapBaseline = TensorMemory.processHeapInUse() ?? 0
      memoryBudget = TensorMemory.Budget(limit: limit) { [weak self] requested, live, limit in
        self?.memoryLimitExceeded(requested: requested, live: live, limit: limit)
      }
    }
    memoryBudget?.install()
  }

  /// An allocation would take the session's tensors above the limit. A modest one goes ahead
  /// and the run ends with a MemoryError at the next statement; one too large to make at all
  /// ends the process with the same message (the allocation cannot be refused from here).
  func memoryLimitExceeded(requested: Int, live: Int, limit: Int) {
    if requested <= Runtime.softOvershoot {
      guard pendingError == nil else { return }
      pendingError = Runtime.memoryLimitError(requested: requested, live: live, limit: limit)
      // The next tick reads the clock, and with it the pending error.
      ticks = 0x3FFF
      return
    }
    let message = Runtime.memoryLimitMessage(requested: requested, live: live, limit: limit)
    FileHandle.standardError.write(Data("MemoryError: \(message)\n".utf8))
    exit(1)
  }

  /// The MemoryError that ends a run at the memory cap; `except` cannot catch it.
  static func memoryLimitError(requested: Int, live: Int, limit: Int) -> PyException {
    var e = PyException(
      .memoryError, memoryLimitMessage(requested: requested, live: live, limit: limit))
    e.catchable = false
    return e
  }

  static func memoryLimitMessage(requested: Int, live: Int, limit: Int) -> String {
    "tensor memory limit exceeded: allocating \(Runtime.bytesText(requested)) with "
      + "\(Runtime.bytesText(live)) in use would go over the limit of \(Runtime.bytesText(limit))"
  }

  /// The largest allocation allowed past the limit before the run stops at the next statement.
  static let softOvershoot = 256 << 20

  static func bytesText(_ n: Int) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
    var v = Double(n)
    var u = 0
    while v >= 1024 && u < units.count - 1 {
      v /= 1024
      u += 1
    }
    if u == 0 { return "\(n) bytes" }
    var text = String(format: "%.1f", v)
    if text.hasSuffix(".0") { text.removeLast(2) }
    return "\(text) \(units[u])"
  }

  private func formatSeconds(_ s: Double) -> String {
    s == s.rounded() ? String(Int(s)) : String(s)
  }

  // MARK: Types and exceptions

  func classOf(_ v: PyValue) -> PyClass {
    switch v {
    case .none: return type("NoneType")
    case .bool: return type("bool")
    case .int: return type("int")
    case .float: return type("float")
    case .str: return type("str")
    case .tuple: return type("tuple")
    case .list: return type("list")
    case .dict(let d):
      switch d.flavor {
      case .plain: return type("dict")
      case .defaultDict: return types["defaultdict"] ?? type("dict")
      case .counter: return types["Counter"] ?? type("dict")
      case .ordered: return types["OrderedDict"] ?? type("dict")
      }
    case .set: return type("set")
    case .function: return type("function")
    case .builtin: return type("builtin_function_or_method")
    case .method: return type("method")
    case .type: return type("type")
    case .instance(let i): return i.cls
    case .module: return type("module")
    case .iterator(let it):
      if let c = types["iter:" + it.typeName] { return c }
      let c = PyClass(name: it.typeName, base: objectClass)
      types["iter:" + it.typeName] = c
      return c
    case .range: return type("range")
    case .slice: return type("slice")
    case .superProxy: return type("super")
    case .ellipsis: return type("ellipsis")
    case .native(let n):
      if let c = n.pyClass { return c }
      if let c = types["native:" + n.typeName] { return c }
      let c = PyClass(name: n.typeName, base: objectClass)
      types["native:" + n.typeName] = c
      return c
    }
  }

  func typeName(_ v: PyValue) -> String {
    switch v {
    case .iterator(let it): return it.typeName
    default: return classOf(v).name
    }
  }

  /// The exception's instance, made on first need for exceptions raised from Swift.
  func instance(of e: inout PyException) -> PyInstance {
    switch e.payload {
    case .instance(let i): return i
    case .builtin(let kind, let args):
      let i = PyInstance(cls: exceptionClasses[kind]!)
      i.attributes.set("args", .tuple(args))
      e.payload = .instance(i)
      return i
    }
  }

  func exceptionClass(of e: PyException) -> PyClass {
    switch e.payload {
    case .instance(let i): return i.cls
    case .builtin(let kind, _): return exceptionClasses[kind]!
    }
  }

  /// `str(e)` of an exception, as CPython prints after the type name.
  func exceptionMessage(_ e: PyException) -> String {
    var copy = e
    let inst = instance(of: &copy)
    return (try? str(.instance(inst))) ?? ""
  }

  func isException(_ cls: PyClass) -> Bool {
    cls.isSubclass(of: exceptionClasses[.baseException]!)
  }

  // MARK: Truth, identity

  func isTrue(_ v: PyValue) throws -> Bool {
    switch v {
    case .none: return false
    case .bool(let b): return b
    case .int(let i): return i != 0
    case .float(let d): return d != 0
    case .str(let s): return !s.isEmpty
    case .tuple(let t): return !t.isEmpty
    case .list(let l): return !l.items.isEmpty
    case .dict(let d): return d.count > 0
    case .set(let s): return s.count > 0
    case .range: return try length(v) > 0
    case .native(let n): return try n.truthValue()
    case .instance(let i):
      if let m = i.cls.lookup("__bool__") {
        // Not the truth of the result: a `__bool__` returning `self` recursed without end.
        let r = try call(m, [v])
        guard case .bool(let b) = r else {
          throw PyException(.typeError, "__bool__ should return bool, returned \(typeName(r))")
        }
        return b
      }
      if let m = i.cls.lookup("__len__") {
        let r = try call(m, [v])
        guard case .int(let n) = r else {
          throw PyException(.typeError, "__len__ should return an int")
        }
        return n != 0
      }
      return true
    default: return true
    }
  }

  func isSame(_ a: PyValue, _ b: PyValue) -> Bool {
    switch (a, b) {
    case (.none, .none), (.ellipsis, .ellipsis): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.float(let x), .float(let y)): return x == y
    case (.str(let x), .str(let y)): return x == y
    case (.tuple(let x), .tuple(let y)): return x.isEmpty && y.isEmpty
    default:
      if let x = identity(a), let y = identity(b) { return x == y }
      return false
    }
  }

  // MARK: Calls

  /// The Python exception for an error a native function let through unconverted (a tensor
  /// op called outside `bridged`): what `bridged` would have raised.
  static func pythonException(_ error: Error) -> PyException {
    do {
      return try bridged { () -> PyException in throw error }
    } catch let e as PyException {
      return e
    } catch {
      return PyException(.runtimeError, "\(error)")
    }
  }

  func call(_ callee: PyValue, _ args: [PyValue], _ kwargs: KeywordArguments = []) throws
    -> PyValue
  {
    switch callee {
    case .function(let f): return try callFunction(f, args, kwargs)
    case .builtin(let b):
      try tick()
      do {
        return try b.body(args, kwargs)
      } catch let e as PyException {
        throw e
      } catch {
        throw Runtime.pythonException(error)
      }
    case .method(let m): return try call(m.function, [m.receiver] + args, kwargs)
    case .type(let cls): return try instantiate(cls, args, kwargs)
    case .instance(let inst):
      guard let m = inst.cls.lookup("__call__") else {
        throw PyException(.typeError, "'\(inst.cls.name)' object is not callable")
      }
      return try call(m, [callee] + args, kwargs)
    case .native(let n):
      do {
        return try n.call(args, kwargs)
      } catch let e as PyException {
        throw e
      } catch {
        throw Runtime.pythonException(error)
      }
    default:
      throw PyException(.typeError, "'\(typeName(callee))' object is not callable")
    }
  }

  func callFunction(_ f: PyFunction, _ args: [PyValue], _ kwargs: KeywordArguments) throws
    -> PyValue
  {
    let code = f.code
    let frame = Frame(slotCount: code.slotCount, parent: f.closure, function: f)
    frame.line = code.firstLine
    if let n = code.simpleArity, n == args.count, kwargs.isEmpty {
      for i in 0..<n { frame.slots[i] = args[i] }
    } else {
      try bind(f, args, kwargs, into: frame)
    }
    return try run(f, in: frame)
  }

  /// Runs a function's body in a frame whose arguments are bound; a generator function
  /// returns its generator instead.
  @inline(__always)
  func run(_ f: PyFunction, in frame: Frame) throws -> PyValue {
    if f.code.isGenerator { return .iterator(GeneratorState.makeIterator(f, frame, self)) }
    return try execute(f, in: frame)
  }

  func execute(_ f: PyFunction, in frame: Frame) throws -> PyValue {
    callDepth += 1
    defer { callDepth -= 1 }
    if callDepth >= recursionLimit {
      throw PyException(.recursionError, "maximum recursion depth exceeded")
    }
    try tick()
    do {
      try f.code.body(frame)
    } catch var e as PyException {
      if let line = e.originLine { frame.line = line }
      e.originLine = nil
      e.traceback.insert(entry(f.code, frame), at: 0)
      throw e
    }
    return frame.returnValue
  }

  /// Where the last call to a builtin was made from (see `callSite`): the file, the line as
  /// reported, and its stripped source text.
  func callSiteEntry() -> TracebackEntry? {
    guard let site = callSite else { return nil }
    // A class body runs in a frame of its own whose code is that of the frame around it.
    var frame = site
    while frame.function == nil, let parent = frame.parent { frame = parent }
    let code = frame.function?.code
    let (filename, offset) = code.map { ($0.filename, $0.lineOffset) } ?? moduleSource
    let lines = sources[Runtime.sourceKey(filename, offset)]
    let text = lines.flatMap { site.line >= 1 && site.line <= $0.count ? $0[site.line - 1] : nil }
    return TracebackEntry(
      filename: filename, line: site.line + offset, function: code?.name ?? "<module>",
      sourceLine: text?.trimmingCharacters(in: .whitespaces))
  }

  func entry(_ code: CodeObject, _ frame: Frame) -> TracebackEntry {
    let lines = sources[Runtime.sourceKey(code.filename, code.lineOffset)]
    let text = lines.flatMap {
      frame.line >= 1 && frame.line <= $0.count ? $0[frame.line - 1] : nil
    }
    return TracebackEntry(
      filename: code.filename, line: frame.line + code.lineOffset, function: code.name,
      sourceLine: text?.trimmingCharacters(in: .whitespaces))
  }

  private func bind(
    _ f: PyFunction, _ args: [PyValue], _ kwargs: KeywordArguments, into frame: Frame
  ) throws {
    let params = f.code.parameters
    let fname = f.code.qualname
    var ai = 0
    var varArgsSlot: Int?
    var varKwSlot: Int?
    for p in params {
      switch p.kind {
      case .normal:
        if ai < args.count {
          frame.slots[p.slot] = args[ai]
          ai += 1
        }
      case .varArgs: varArgsSlot = p.slot
      case .varKeywords: varKwSlot = p.slot
      case .keywordOnly: break
      }
    }
    if ai < args.count {
      if let s = varArgsSlot {
        frame.slots[s] = .tuple(Array(args[ai...]))
      } else {
        let positional = params.filter { $0.kind == .normal }.count
        let given = args.count
        let required = params.filter { $0.kind == .normal && f.defaults[$0.name] == nil }.count
        let takes =
          required == positional
          ? "\(positional)" : "from \(required) to \(positional)"
        throw PyException(
          .typeError,
          "\(fname)() takes \(takes) positional argument\(positional == 1 ? "" : "s") but "
            + "\(given) \(given == 1 ? "was" : "were") given")
      }
    } else if let s = varArgsSlot {
      frame.slots[s] = .tuple([])
    }
    var extra: PyDict?
    if let s = varKwSlot {
      extra = PyDict()
      frame.slots[s] = .dict(extra!)
    }
    for (name, value) in kwargs {
      if let p = params.first(where: {
        $0.name == name && ($0.kind == .normal || $0.kind == .keywordOnly)
      }) {
        if frame.slots[p.slot] != nil {
          throw PyException(.typeError, "\(fname)() got multiple values for argument '\(name)'")
        }
        frame.slots[p.slot] = value
      } else if let extra {
        extra.set(name, value)
      } else {
        throw PyException(.typeError, "\(fname)() got an unexpected keyword argument '\(name)'")
      }
    }
    var missing: [String] = []
    for p in params where p.kind == .normal || p.kind == .keywordOnly {
      if frame.slots[p.slot] == nil {
        if let d = f.defaults[p.name] {
          frame.slots[p.slot] = d
        } else {
          missing.append(p.name)
        }
      }
    }
    if !missing.isEmpty {
      let kwOnly = params.contains { $0.kind == .keywordOnly && missing.contains($0.name) }
      let names = missing.map { "'\($0)'" }
      let list =
        names.count == 1
        ? names[0]
        : names.dropLast().joined(separator: ", ") + (names.count > 2 ? "," : "") + " and "
          + names.last!
      throw PyException(
        .typeError,
        "\(fname)() missing \(missing.count) required \(kwOnly ? "keyword-only" : "positional") "
          + "argument\(missing.count == 1 ? "" : "s"): \(list)")
    }
  }

  func instantiate(_ cls: PyClass, _ args: [PyValue], _ kwargs: KeywordArguments) throws
    -> PyValue
  {
    if let ctor = cls.constructor { return try ctor(args, kwargs) }
    let inst = PyInstance(cls: cls)
    let value = PyValue.instance(inst)
    if isException(cls) { inst.attributes.set("args", .tuple(args)) }
    if let initializer = cls.lookup("__init__") {
      let r = try call(initializer, [value] + args, kwargs)
      if case .none = r {
      } else {
        throw PyException(
          .typeError, "__init__() should return None, not '\(typeName(r))'")
      }
    } else if !args.isEmpty || !kwargs.isEmpty {
      throw PyException(.typeError, "\(cls.name)() takes no arguments")
    }
    return value
  }

}
