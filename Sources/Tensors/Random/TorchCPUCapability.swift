/// The PyTorch CPU kernel build whose rounding a `TorchGenerator` reproduces.
///
/// PyTorch compiles its distribution kernels once per instruction set and picks one at start-up
/// (`torch.backends.cpu.get_cpu_capability()`, overridable with `ATEN_CPU_CAPABILITY`). The
/// random stream is the same in all of them; the float arithmetic around it is not: the AVX2
/// and AVX-512 builds fuse `a * b + c` into FMA instructions in `uniform_` and the scalar
/// normal kernel and fill float32 normals with a vectorised Cephes log/sincos; the default
/// build does neither (its 16-wide normal fill is fused in every build, see the fixtures).
public enum TorchCPUCapability: String, Sendable, Equatable, CaseIterable {
  /// The AVX2 and AVX-512 builds (every x86-64 machine of the last decade); PyTorch's choice
  /// on such a machine, and ours.
  case avx2
  /// The build without SIMD dispatch (`ATEN_CPU_CAPABILITY=default`).
  case `default`

  var fusesMultiplyAdd: Bool { self == .avx2 }
}
