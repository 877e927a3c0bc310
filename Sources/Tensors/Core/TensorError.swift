/// A failed tensor operation: wrong shapes, dtypes, indices, a singular matrix, misuse of autograd.
///
/// The message names the operation and the values involved (both shapes for a mismatch), in the
/// words NumPy or PyTorch would use, so a caller can show it as one line.
public struct TensorError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What kind of failure this is.
  public enum Code: Sendable, Hashable {
    case shape, dtype, index, value, linalg, autograd, io
    /// The memory for a result cannot be had (NumPy's MemoryError).
    case memory
    /// A native call that could not end before the thread's deadline (`TensorDeadline`).
    case timeLimit
  }

  public var code: Code
  public var message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}

/// Formats a shape the way NumPy prints it: `(2, 3)`, `(3,)`, `()`.
func shapeString(_ shape: [Int]) -> String {
  if shape.count == 1 { return "(\(shape[0]),)" }
  return "(" + shape.map(String.init).joined(separator: ", ") + ")"
}
