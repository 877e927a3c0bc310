/// A value of the cell language.
///
/// Immutable Python values are Swift values; objects with identity (lists, dicts, instances)
/// are final classes, so aliasing behaves as in Python.
public enum PyValue {
  case none
  case bool(Bool)
  case int(Int)
  case float(Double)
  case str(String)
  case tuple([PyValue])
  case list(PyList)
  case dict(PyDict)
  case set(PySet)
  case function(PyFunction)
  case builtin(PyBuiltin)
  case method(PyBoundMethod)
  case type(PyClass)
  case instance(PyInstance)
  case module(PyModule)
  case iterator(PyIterator)
  case range(start: Int, stop: Int, step: Int)
  indirect case slice(PyValue?, PyValue?, PyValue?)
  case superProxy(PySuper)
  case native(any PyNativeObject)
  case ellipsis
}

/// Arguments passed by keyword, in call order.
public typealias KeywordArguments = [(String, PyValue)]

/// The signature of a function implemented in Swift.
public typealias NativeFunction = ([PyValue], KeywordArguments) throws -> PyValue

/// An object implemented in Swift that the language can use: tensors, arrays, modules' handles.
///
/// Libraries bridge their types by conforming; every requirement has a default that raises the
/// Python error CPython would raise for an object without that capability.
public protocol PyNativeObject: AnyObject {
  /// The Python type name, as `type(x).__name__` prints it.
  var typeName: String { get }
  /// The class object returned by `type(x)`; nil uses a class named `typeName`.
  var pyClass: PyClass? { get }
  func getAttribute(_ name: String) throws -> PyValue?
  func setAttribute(_ name: String, _ value: PyValue) throws -> Bool
  func call(_ args: [PyValue], _ kwargs: KeywordArguments) throws -> PyValue
  func getItem(_ key: PyValue) throws -> PyValue
  func setItem(_ key: PyValue, _ value: PyValue) throws
  /// A binary operation with the native object on the left (`reflected` false) or right.
  func binary(_ op: BinaryOperator, _ other: PyValue, reflected: Bool) throws -> PyValue?
  func unary(_ op: UnaryOperator) throws -> PyValue?
  /// `self op= other`; nil falls back to the plain binary operation.
  func inPlace(_ op: BinaryOperator, _ other: PyValue) throws -> PyValue?
  func compare(_ op: CompareOperator, _ other: PyValue) throws -> PyValue?
  func length() throws -> Int?
  func makeIterator() throws -> PyIterator?
  func truthValue() throws -> Bool
  func repr() throws -> String
  func str() throws -> String
}

extension PyNativeObject {
  public var pyClass: PyClass? { nil }
  public func getAttribute(_ name: String) throws -> PyValue? { nil }
  public func setAttribute(_ name: String, _ value: PyValue) throws -> Bool { false }
  public func call(_ args: [PyValue], _ kwargs: KeywordArguments) throws -> PyValue {
    throw PyException(.typeError, "'\(typeName)' object is not callable")
  }
  public func getItem(_ key: PyValue) throws -> PyValue {
    throw PyException(.typeError, "'\(typeName)' object is not subscriptable")
  }
  public func setItem(_ key: PyValue, _ value: PyValue) throws {
    throw PyException(.typeError, "'\(typeName)' object does not support item assignment")
  }
  public func binary(_ op: BinaryOperator, _ other: PyValue, reflected: Bool) throws -> PyValue? {
    nil
  }
  public func unary(_ op: UnaryOperator) throws -> PyValue? { nil }
  public func inPlace(_ op: BinaryOperator, _ other: PyValue) throws -> PyValue? { nil }
  public func compare(_ op: CompareOperator, _ other: PyValue) throws -> PyValue? { nil }
  public func length() throws -> Int? { nil }
  public func makeIterator() throws -> PyIterator? { nil }
  public func truthValue() throws -> Bool {
    if let n = try length() { return n != 0 }
    return true
  }
  public func repr() throws -> String { "<\(typeName) object>" }
  public func str() throws -> String { try repr() }
}

/// A Python list.
public final class PyList {
  public var items: [PyValue]
  public init(_ items: [PyValue] = []) { self.items = items }
}

/// A Python set: insertion-ordered storage keyed by hashable values.
public final class PySet {
  public var storage: PyDict
  public init() { storage = PyDict() }
  /// Iteration order. CPython orders small non-negative ints by value (their hash); other
  /// values keep insertion order here, where CPython's order depends on hashes.
  public var items: [PyValue] {
    let keys = storage.keys
    var ints: [Int] = []
    ints.reserveCapacity(keys.count)
    for k in keys {
      guard case .int(let i) = k, i >= 0 else { return keys }
      ints.append(i)
    }
    return ints.sorted().map { .int($0) }
  }
  public var count: Int { storage.count }
}

/// A Python dict: insertion ordered, keyed by hashable values.
public final class PyDict {
  /// The dict subclass from `collections` this dict behaves as.
  public enum Flavor { case plain, defaultDict, counter, ordered }
  public var flavor = Flavor.plain
  /// `defaultdict`'s factory.
  public var defaultFactory: PyValue?
  private var index: [HashKey: Int] = [:]
  private var entries: [(key: PyValue, value: PyValue)?] = []
  public private(set) var count = 0
  /// nan keys held: looking one up again is a question of identity (`PyException.nanIdentity`).
  private var nanKeys = 0

  public init() {}

  private func checkNaN(_ key: PyValue) throws {
    if nanKeys > 0, case .float(let d) = key, d.isNaN { throw PyException.nanIdentity }
  }

  public var keys: [PyValue] { entries.compactMap { $0?.key } }
  public var values: [PyValue] { entries.compactMap { $0?.value } }
  public var items: [(key: PyValue, value: PyValue)] { entries.compactMap { $0 } }

  public func get(_ key: PyValue) throws -> PyValue? {
    try checkNaN(key)
    guard let i = index[try HashKey(key)] else { return nil }
    return entries[i]?.value
  }

  public func get(_ key: String) -> PyValue? {
    guard let i = index[HashKey(unchecked: .str(key))] else { return nil }
    return entries[i]?.value
  }

  public func set(_ key: PyValue, _ value: PyValue) throws {
    try checkNaN(key)
    let k = try HashKey(key)
    if let i = index[k] {
      entries[i]!.value = value
    } else {
      index[k] = entries.count
      entries.append((key, value))
      count += 1
      if case .float(let d) = key, d.isNaN { nanKeys += 1 }
    }
  }

  public func set(_ key: String, _ value: PyValue) {
    try! set(.str(key), value)
  }

  @discardableResult
  public func remove(_ key: PyValue) throws -> PyValue? {
    try checkNaN(key)
    let k = try HashKey(key)
    guard let i = index.removeValue(forKey: k) else { return nil }
    let old = entries[i]?.value
    entries[i] = nil
    count -= 1
    if entries.count > 32 && count < entries.count / 2 { compact() }
    return old
  }

  public func contains(_ key: PyValue) throws -> Bool {
    try checkNaN(key)
    return index[try HashKey(key)] != nil
  }

  public func removeAll() {
    index = [:]
    entries = []
    count = 0
    nanKeys = 0
  }

  public func copy() -> PyDict {
    let d = PyDict()
    d.index = index
    d.entries = entries
    d.count = count
    d.nanKeys = nanKeys
    d.flavor = flavor
    d.defaultFactory = defaultFactory
    return d
  }

  private func compact() {
    entries = entries.filter { $0 != nil }
    index = [:]
    for (i, e) in entries.enumerated() {
      index[(try? HashKey(e!.key)) ?? HashKey(unchecked: e!.key)] = i
    }
  }
}

/// A value used as a dict key: numbers equal across int/float/bool hash alike, as in Python.
struct HashKey: Hashable {
  let value: PyValue
  /// `__hash__` of an instance whose class defines it; such keys compare with `__eq__`.
  let customHash: Int?

  init(_ value: PyValue) throws {
    var custom: Int?
    switch value {
    case .list: throw PyException(.typeError, "unhashable type: 'list'")
    case .dict: throw PyException(.typeError, "unhashable type: 'dict'")
    case .set: throw PyException(.typeError, "unhashable type: 'set'")
    case .tuple(let items): for i in items { _ = try HashKey(i) }
    case .instance(let i):
      if let h = i.cls.lookup("__hash__") {
        guard let rt = Runtime.current else { break }
        if case .none = h { throw PyException(.typeError, "unhashable type: '\(i.cls.name)'") }
        guard case .int(let n) = try rt.call(h, [value]) else {
          throw PyException(.typeError, "__hash__ method should return an integer")
        }
        custom = n
      } else if i.cls.lookup("__eq__") != nil {
        // A class that defines __eq__ without __hash__ is unhashable, as in Python.
        throw PyException(.typeError, "unhashable type: '\(i.cls.name)'")
      }
    default: break
    }
    self.value = value
    self.customHash = custom
  }

  init(unchecked value: PyValue) {
    self.value = value
    self.customHash = nil
  }

  static func == (a: HashKey, b: HashKey) -> Bool {
    if a.customHash != nil || b.customHash != nil {
      guard a.customHash == b.customHash, let rt = Runtime.current else { return false }
      return (try? rt.equals(a.value, b.value)) ?? false
    }
    return keyEquals(a.value, b.value)
  }

  func hash(into h: inout Hasher) {
    if let c = customHash {
      h.combine(c)
      return
    }
    HashKey.hashValue(value, into: &h)
  }

  static func hashValue(_ v: PyValue, into h: inout Hasher) {
    switch v {
    case .none: h.combine(0)
    case .bool(let b): h.combine(b ? 1 : 0)
    case .int(let i): h.combine(i)
    case .float(let d):
      if d.isFinite, d == d.rounded(), abs(d) < 9.2e18 { h.combine(Int(d)) } else { h.combine(d) }
    case .str(let s): h.combine(s)
    case .tuple(let items):
      h.combine(items.count)
      for i in items { hashValue(i, into: &h) }
    case .range(let a, let b, let c):
      h.combine(a)
      h.combine(b)
      h.combine(c)
    default:
      if let id = identity(v) { h.combine(id) } else { h.combine(-1) }
    }
  }

  static func keyEquals(_ a: PyValue, _ b: PyValue) -> Bool {
    switch (a, b) {
    case (.none, .none), (.ellipsis, .ellipsis): return true
    case (.str(let x), .str(let y)): return x == y
    case (.tuple(let x), .tuple(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { keyEquals($0, $1) }
    default:
      if let x = numericValue(a), let y = numericValue(b) { return x == y }
      if let x = identity(a), let y = identity(b) { return x == y }
      return false
    }
  }
}

/// The numeric value of a bool/int/float, for mixed comparisons.
func numericValue(_ v: PyValue) -> Double? {
  switch v {
  case .bool(let b): return b ? 1 : 0
  case .int(let i): return Double(i)
  case .float(let d): return d
  default: return nil
  }
}

/// The object identity of a reference value, for `is` and default hashing.
func identity(_ v: PyValue) -> ObjectIdentifier? {
  switch v {
  case .list(let o): return ObjectIdentifier(o)
  case .dict(let o): return ObjectIdentifier(o)
  case .set(let o): return ObjectIdentifier(o)
  case .function(let o): return ObjectIdentifier(o)
  case .builtin(let o): return ObjectIdentifier(o)
  case .method(let o): return ObjectIdentifier(o)
  case .type(let o): return ObjectIdentifier(o)
  case .instance(let o): return ObjectIdentifier(o)
  case .module(let o): return ObjectIdentifier(o)
  case .iterator(let o): return ObjectIdentifier(o)
  case .superProxy(let o): return ObjectIdentifier(o)
  case .native(let o): return ObjectIdentifier(o)
  default: return nil
  }
}

/// A function implemented in Swift.
public final class PyBuiltin {
  public let name: String
  public let body: NativeFunction
  /// The declared parameters, for functions bound through a `Signature`.
  public let signature: Signature?

  public init(_ name: String, signature: Signature? = nil, _ body: @escaping NativeFunction) {
    self.name = name
    self.signature = signature
    self.body = body
  }
}

/// A function bound to its receiver: `obj.method`.
public final class PyBoundMethod {
  public let receiver: PyValue
  public let function: PyValue

  public init(receiver: PyValue, function: PyValue) {
    self.receiver = receiver
    self.function = function
  }
}

/// `super()` inside a method: attribute lookup starting after `startAfter` in the MRO.
public final class PySuper {
  let receiver: PyValue
  let startAfter: PyClass

  init(receiver: PyValue, startAfter: PyClass) {
    self.receiver = receiver
    self.startAfter = startAfter
  }
}

/// A class: user-defined, builtin type, or exception class.
public final class PyClass {
  public let name: String
  public let base: PyClass?
  public let namespace: PyDict
  /// Creates instances of builtin and native types (`int("3")`, `torch.Tensor(...)`); nil for
  /// classes whose instances are ordinary objects.
  public var constructor: NativeFunction?
  public var module: String

  public init(
    name: String, base: PyClass?, namespace: PyDict = PyDict(), module: String = "builtins",
    constructor: NativeFunction? = nil
  ) {
    self.name = name
    self.base = base
    self.namespace = namespace
    self.module = module
    self.constructor = constructor
  }

  /// Looks `name` up along the inheritance chain.
  public func lookup(_ name: String) -> PyValue? {
    var c: PyClass? = self
    while let k = c {
      if let v = k.namespace.get(name) { return v }
      c = k.base
    }
    return nil
  }

  public func isSubclass(of other: PyClass) -> Bool {
    var c: PyClass? = self
    while let k = c {
      if k === other { return true }
      c = k.base
    }
    return false
  }
}

/// An instance of a user-defined class.
public final class PyInstance {
  public let cls: PyClass
  public let attributes = PyDict()

  public init(cls: PyClass) {
    self.cls = cls
  }
}

/// A module: a named namespace.
public final class PyModule {
  public let name: String
  public let namespace: PyDict

  public init(name: String, namespace: PyDict = PyDict()) {
    self.name = name
    self.namespace = namespace
  }

  /// Adds a native function to the module.
  public func define(_ name: String, _ body: @escaping NativeFunction) {
    namespace.set(name, .builtin(PyBuiltin(name, body)))
  }

  public subscript(name: String) -> PyValue? {
    get { namespace.get(name) }
    set { if let v = newValue { namespace.set(name, v) } }
  }
}

/// An iterator: a closure producing the next value, or nil at the end.
public final class PyIterator {
  public let typeName: String
  let nextValue: () throws -> PyValue?

  public init(_ typeName: String = "iterator", _ next: @escaping () throws -> PyValue?) {
    self.typeName = typeName
    self.nextValue = next
  }

  public func next() throws -> PyValue? { try nextValue() }

  /// An iterator over an array snapshot.
  public static func over(_ items: [PyValue], typeName: String = "iterator") -> PyIterator {
    var i = 0
    return PyIterator(typeName) {
      guard i < items.count else { return nil }
      defer { i += 1 }
      return items[i]
    }
  }
}
