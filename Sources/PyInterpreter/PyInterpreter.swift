import Tensors

/// The cell language: a Python-subset interpreter over `Tensors`. (Lands with its own issue.)
public enum PyInterpreter {
  public static let version = "0.0.0"
}
