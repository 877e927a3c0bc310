/// The builtin exception classes, with their place in CPython's hierarchy.
public enum ExceptionKind: String, CaseIterable, Sendable {
  case baseException = "BaseException"
  case exception = "Exception"
  case arithmeticError = "ArithmeticError"
  case zeroDivisionError = "ZeroDivisionError"
  case overflowError = "OverflowError"
  case lookupError = "LookupError"
  case indexError = "IndexError"
  case keyError = "KeyError"
  case valueError = "ValueError"
  case typeError = "TypeError"
  case nameError = "NameError"
  case unboundLocalError = "UnboundLocalError"
  case attributeError = "AttributeError"
  case runtimeError = "RuntimeError"
  case recursionError = "RecursionError"
  case notImplementedError = "NotImplementedError"
  case assertionError = "AssertionError"
  case stopIteration = "StopIteration"
  case importError = "ImportError"
  case moduleNotFoundError = "ModuleNotFoundError"
  case osError = "OSError"
  case fileNotFoundError = "FileNotFoundError"
  case permissionError = "PermissionError"
  case timeoutError = "TimeoutError"
  case memoryError = "MemoryError"
  case keyboardInterrupt = "KeyboardInterrupt"
  case systemExit = "SystemExit"
  case unicodeError = "UnicodeError"
  /// `numpy.exceptions.AxisError`, raised by the NumPy bridge (a `ValueError`; NumPy's also
  /// derives from `IndexError`, which single inheritance cannot say).
  case axisError = "AxisError"
  /// NumPy's `UFuncTypeError` (a `TypeError`): a ufunc result that `out=` cannot take.
  case ufuncTypeError = "UFuncTypeError"
  /// `numpy.linalg.LinAlgError` (a `ValueError`).
  case linAlgError = "LinAlgError"
  /// The warning categories `warnings.warn` and its filters take (`Warning` first: its
  /// subclasses follow it).
  case warning = "Warning"
  case userWarning = "UserWarning"
  case deprecationWarning = "DeprecationWarning"
  case pendingDeprecationWarning = "PendingDeprecationWarning"
  case runtimeWarning = "RuntimeWarning"
  case futureWarning = "FutureWarning"

  /// The module the class lives in: NumPy's own exceptions are not builtins.
  var module: String {
    switch self {
    case .axisError: return "numpy.exceptions"
    case .ufuncTypeError: return "numpy._core._exceptions"
    case .linAlgError: return "numpy.linalg"
    default: return "builtins"
    }
  }

  var parent: ExceptionKind? {
    switch self {
    case .baseException: return nil
    case .exception, .keyboardInterrupt, .systemExit: return .baseException
    case .zeroDivisionError, .overflowError: return .arithmeticError
    case .indexError, .keyError: return .lookupError
    case .unboundLocalError: return .nameError
    case .recursionError, .notImplementedError: return .runtimeError
    case .moduleNotFoundError: return .importError
    case .fileNotFoundError, .permissionError, .timeoutError: return .osError
    case .unicodeError, .axisError, .linAlgError: return .valueError
    case .ufuncTypeError: return .typeError
    case .userWarning, .deprecationWarning, .pendingDeprecationWarning, .runtimeWarning,
      .futureWarning:
      return .warning
    default: return .exception
    }
  }
}

/// One frame of a traceback: where the code was when the exception passed through.
public struct TracebackEntry: Sendable, Hashable {
  public var filename: String
  /// The line as reported (the cell's line plus the host's line offset).
  public var line: Int
  public var function: String
  /// The source text of the line, stripped, when known.
  public var sourceLine: String?
}

/// A Python exception in flight.
///
/// Builtin exceptions raised from Swift code carry their kind and arguments; the runtime makes
/// the exception instance when Python code needs it (an `except ... as e`).
public struct PyException: Error, @unchecked Sendable {
  enum Payload {
    case builtin(ExceptionKind, [PyValue])
    case instance(PyInstance)
  }

  var payload: Payload
  public internal(set) var traceback: [TracebackEntry] = []
  /// False for the run's limits (time), which no `except` clause may swallow.
  var catchable = true
  /// For a bare `raise`: the line of the frame where the exception first arrived, which the
  /// traceback shows instead of the `raise` line, as CPython does.
  var originLine: Int?
  /// The exception being handled when this one was raised (implicit chaining).
  var context: Box<PyException>?
  /// `raise ... from cause`.
  var cause: Box<PyException>?
  /// `raise ... from ...` hides the context, as CPython does.
  var suppressContext = false

  public init(_ kind: ExceptionKind, _ message: String) {
    payload = .builtin(kind, [.str(message)])
  }

  init(kind: ExceptionKind, args: [PyValue]) {
    payload = .builtin(kind, args)
  }

  init(instance: PyInstance) {
    payload = .instance(instance)
  }

  /// The Python class name, `ValueError`.
  public var typeName: String {
    switch payload {
    case .builtin(let k, _): return k.rawValue
    case .instance(let i): return i.cls.name
    }
  }

  static func keyError(_ key: PyValue) -> PyException {
    PyException(kind: .keyError, args: [key])
  }
}

extension PyException {
  /// Raised where CPython's answer depends on whether two nan floats are the same object
  /// (`np.nan in {np.nan}` is True, `float('nan') in [float('nan')]` False): floats here are
  /// values without identity, so no answer would be right every time.
  static var nanIdentity: PyException {
    PyException(
      .notImplementedError,
      "comparing nan with nan in a container (list, tuple, dict, set) depends on object "
        + "identity, which journal cells do not track")
  }
}
