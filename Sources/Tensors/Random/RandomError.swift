import Foundation

/// A bad argument to a random function, in the words NumPy, PyTorch or CPython would use.
///
/// Shaped like the tensor module's `TensorError` (a code and a one-line message) so the
/// interpreter can raise the matching Python exception: `value` is a `ValueError`
/// (`RuntimeError` for PyTorch), `index` an `IndexError`.
public struct RandomError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What kind of failure this is.
  public enum Code: Sendable, Hashable {
    case value, index
  }

  public var code: Code
  public var message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}

extension String.StringInterpolation {
  /// A double as C++'s `operator<<` prints it in PyTorch's messages (`%g`: `1`, `0.37`).
  mutating func appendInterpolation(cpp value: Double) {
    appendLiteral(String(format: "%g", value))
  }
}
