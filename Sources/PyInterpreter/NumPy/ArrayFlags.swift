import Foundation
import Tensors

/// `ndarray.flags`: the memory layout flags of one array, and its `writeable` flag, which a
/// program may set (`a.flags.writeable = False`, `a.flags['WRITEABLE'] = False`).
///
/// `owndata` is refused: the engine does not follow every path by which NumPy makes an array
/// own its memory or view another's, and a wrong answer is worse than none.
final class ArrayFlags: PyNativeObject {
  let array: NDArray

  init(_ array: NDArray) { self.array = array }

  var typeName: String { "flagsobj" }

  /// Whether the elements lie in C (row-major) or Fortran order without gaps, as NumPy decides
  /// it: dimensions of size 1 do not count, and an empty array is both.
  static func contiguous(_ t: Tensor, fortran: Bool) -> Bool {
    if t.shape.contains(0) { return true }
    var expected = 1
    let order = fortran ? Array(0..<t.rank) : Array((0..<t.rank).reversed())
    for i in order where t.shape[i] != 1 {
      if t.strides[i] != expected { return false }
      expected *= t.shape[i]
    }
    return true
  }

  /// The flag `name` names (`writeable`, `'WRITEABLE'`, `'W'`), lower-cased; nil if none.
  static func flagName(_ name: String) -> String? {
    let names = [
      "C_CONTIGUOUS": "c_contiguous", "C": "c_contiguous", "CONTIGUOUS": "c_contiguous",
      "F_CONTIGUOUS": "f_contiguous", "F": "f_contiguous", "FORTRAN": "f_contiguous",
      "WRITEABLE": "writeable", "W": "writeable", "ALIGNED": "aligned", "A": "aligned",
      "OWNDATA": "owndata", "O": "owndata", "WRITEBACKIFCOPY": "writebackifcopy",
      "X": "writebackifcopy",
    ]
    return names[name]
  }

  func value(_ flag: String) throws -> PyValue? {
    switch flag {
    case "c_contiguous", "contiguous":
      return .bool(ArrayFlags.contiguous(array.tensor, fortran: false))
    case "f_contiguous", "fortran": return .bool(ArrayFlags.contiguous(array.tensor, fortran: true))
    case "writeable": return .bool(array.writeable)
    case "aligned": return .bool(true)
    case "writebackifcopy": return .bool(false)
    case "owndata":
      throw PyException(
        .notImplementedError, "numpy.ndarray.flags.owndata is not supported in journal cells")
    default: return nil
    }
  }

  /// Sets `writeable`: to False always; back to True only when the array it views is
  /// writeable (NumPy's rule), else NumPy's `ValueError`.
  func setWriteable(_ v: PyValue) throws {
    let on = try array.numpy.rt.isTrue(v)
    if on, let base = array.base, !base.writeable {
      throw PyException(.valueError, "cannot set WRITEABLE flag to True of this array")
    }
    array.writeable = on
  }

  func getAttribute(_ name: String) throws -> PyValue? { try value(name) }

  func setAttribute(_ name: String, _ value: PyValue) throws -> Bool {
    switch name {
    case "writeable":
      try setWriteable(value)
      return true
    case "c_contiguous", "f_contiguous", "owndata":
      throw PyException(
        .attributeError,
        "attribute '\(name)' of 'numpy._core.multiarray.flagsobj' objects is not writable")
    case "aligned", "writebackifcopy":
      throw PyException(
        .notImplementedError,
        "setting numpy.ndarray.flags.\(name) is not supported in journal cells")
    default: return false
    }
  }

  func getItem(_ key: PyValue) throws -> PyValue {
    guard case .str(let name) = key, let flag = ArrayFlags.flagName(name),
      let v = try value(flag)
    else { throw PyException(.keyError, "Unknown flag") }
    return v
  }

  func setItem(_ key: PyValue, _ value: PyValue) throws {
    guard case .str(let name) = key, let flag = ArrayFlags.flagName(name) else {
      throw PyException(.keyError, "Unknown flag")
    }
    switch flag {
    case "writeable": try setWriteable(value)
    case "aligned", "writebackifcopy":
      throw PyException(
        .notImplementedError,
        "setting numpy.ndarray.flags['\(name)'] is not supported in journal cells")
    default: throw PyException(.keyError, "Unknown flag")
    }
  }

  func repr() throws -> String {
    throw PyException(
      .notImplementedError,
      "printing numpy.ndarray.flags (OWNDATA) is not supported in journal cells")
  }
}
