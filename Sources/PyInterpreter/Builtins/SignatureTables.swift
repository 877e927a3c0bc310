/// Every signature table of the engine: the registration table that `SignatureRegistryTests`
/// checks against the real libraries and `docs/engine.md` is generated from.
public enum SignatureTables {
  public static var all: [SignatureTable] {
    [
      NumPySignatures.module, NumPySignatures.random, NumPySignatures.linalg,
      NumPySignatures.ndarray, NumPySignatures.ufunc, NumPySignatures.ufuncFunctions,
      NumPySignatures.functions, NumPySignatures.routines,
      TorchSignatures.module, TorchSignatures.tensor, TorchSignatures.cuda, TorchSignatures.nn,
      TorchSignatures.accelerator,
      TorchSignatures.functional, TorchSignatures.optim, TorchSignatures.lrScheduler,
      TorchSignatures.data,
      TorchSignatures.autograd,
    ]
  }

  /// The modules whose functions must all be declared.
  public static let modules = [
    "numpy", "numpy.random", "numpy.linalg", "torch", "torch.nn.functional",
  ]
}
