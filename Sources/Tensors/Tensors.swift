/// Tensors, autograd, nn, optim and random streams. (The library lands with its own issue.)
public enum Tensors {
  public static let version = "0.0.0"
}
