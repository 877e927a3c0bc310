import Foundation
import Testing

@testable import Tensors

/// Backward of eigh, svd, cholesky, det and prod against PyTorch and finite differences, and the
/// complex eigen-decomposition against NumPy (scripts/fixtures/tensor_linalg_grad.py).
@Suite struct LinalgGradientTests {
  nonisolated(unsafe) static let json: [String: Any] = {
    guard
      let url = Bundle.module.url(
        forResource: "linalg_grad", withExtension: "json",
        subdirectory: "Fixtures/ops"),
      let data = try? Data(contentsOf: url),
      let j = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [:] }
    return j
  }()

  static func weights(_ shape: [Int]) throws -> Tensor {
    try Tensor.linspace(-1, 1, count: shape.reduce(1, *)).reshaped(shape)
  }

  /// The loss each fixture case names, written against Tensors.
  static func loss(_ name: String, _ a: Tensor) throws -> Tensor {
    let w = weights
    switch name {
    case "eigh":
      let (values, v) = try Linalg.eigh(a + a.T)
      return try (values * w([4])).sum() + (v * v * w([4, 4])).sum()
    case "eigh-values":
      return try (Linalg.eigh(a + a.T).values * w([4])).sum()
    case "svd-full-5x3":
      let (u, s, vh) = try Linalg.svd(a)
      let u3 = try u.item([.all, .slice(0, 3, 1)])
      return try (s * w([3])).sum() + (u3 * u3 * w([5, 3])).sum() + (vh * vh).sum()
    case _ where name.hasPrefix("svd-"):
      let (u, s, vh) = try Linalg.svd(a, fullMatrices: false)
      return try (s * w(s.shape)).sum() + (u * u * w(u.shape)).sum() + (vh * vh * w(vh.shape)).sum()
    case "cholesky":
      let l = try Linalg.cholesky(Tensor.matmul(a, a.T) + Tensor.eye(4) * 4.0)
      return try (l * w([4, 4])).sum()
    case "prod-axis1-zeros": return try (a.prod(axes: [1]) * w([3])).sum()
    case "prod-axis0-zeros": return try (a.prod(axes: [0]) * w([4])).sum()
    case "prod-all-one-zero", "prod-all-two-zeros": return try a.prod()
    default: throw TensorError(.value, "unknown case \(name)")
    }
  }

  static var cases: [[String: Any]] { json["grads"] as? [[String: Any]] ?? [] }

  @Test(arguments: 0..<11) func gradientsMatchPyTorch(_ index: Int) throws {
    let c = try #require(Self.cases.count > index ? Self.cases[index] : nil)
    let name = c["name"] as? String ?? ""
    let x = try tensor(c["input"]).requiringGrad()
    let value = try Self.loss(name, x)
    expectClose(value, tensor(c["loss"]), rtol: 1e-10, "\(name) loss")
    try value.backward()
    expectClose(try #require(x.grad), tensor(c["grad"]), rtol: 1e-9, "\(name) grad")
  }

  @Test(arguments: 0..<11) func gradientsMatchFiniteDifferences(_ index: Int) throws {
    let c = try #require(Self.cases.count > index ? Self.cases[index] : nil)
    let name = c["name"] as? String ?? ""
    try gradcheck([tensor(c["input"])], tolerance: 1e-5) { try Self.loss(name, $0[0]) }
  }

  @Test func singularDeterminantGradientIsTheAdjugate() throws {
    // PyTorch 2.13 returns zeros here; finite differences and the adjugate say otherwise.
    let a = try Tensor([1.0, 2, 2, 4], shape: [2, 2]).requiringGrad()
    let d = try Linalg.det(a)
    #expect(d.doubles == [0])
    try d.backward()
    expectClose(
      try #require(a.grad), try Tensor([4.0, -2, -2, 1], shape: [2, 2]), rtol: 1e-12,
      "adjugate")
    let rank2 = try Tensor([1.0, 2, 3, 2, 4, 6.5, 0.5, 1, 1.5], shape: [3, 3])
    try gradcheck([rank2]) { try Linalg.det($0[0]) }
    try gradcheck([testData([3, 3], seed: 5)]) { try Linalg.det($0[0]) }
  }

  @Test func determinantRoundsLikeNumPy() throws {
    // numpy.linalg.det([[4., 7.], [2., 6.]]) == 10.000000000000002 (0x1.4000000000001p+3).
    let d = try Linalg.det(try Tensor([4.0, 7, 2, 6], shape: [2, 2]))
    #expect(d.doubles == [0x1.4000000000001p+3])
    #expect(try Linalg.det(try Tensor([1.0, 2, 2, 4], shape: [2, 2])).doubles == [0])
    #expect(try Linalg.det(try Tensor([0.0, 1, 1, 0], shape: [2, 2])).doubles == [-1])
  }

  @Test func complexEigenDecompositionMatchesNumPy() throws {
    let e = try #require(Self.json["eig"] as? [String: Any])
    let a = tensor(e["input"])
    let r = try Linalg.eig(a)
    #expect(r.isComplex)
    expectClose(r.real, tensor(e["real"]), rtol: 1e-12, "eigenvalues (real)")
    expectClose(r.imaginary, tensor(e["imaginary"]), rtol: 1e-12, "eigenvalues (imaginary)")
    expectClose(r.vectors, tensor(e["vectors"]), rtol: 1e-12, "eigenvectors (real)")
    expectClose(
      r.vectorsImaginary, tensor(e["vectorsImaginary"]), rtol: 1e-12,
      "eigenvectors (imaginary)")
    // A (vr + i vi) = (vr + i vi) diag(wr + i wi), column by column.
    let (vr, vi) = (r.vectors, r.vectorsImaginary)
    let (wr, wi) = (try r.real.reshaped([1, -1]), try r.imaginary.reshaped([1, -1]))
    let leftRe = try Tensor.matmul(a, vr), leftIm = try Tensor.matmul(a, vi)
    expectClose(leftRe, try vr * wr - vi * wi, rtol: 1e-12, "A v (real)")
    expectClose(leftIm, try vr * wi + vi * wr, rtol: 1e-12, "A v (imaginary)")
  }

  @Test func realEigenDecompositionHasNoImaginaryPart() throws {
    let r = try Linalg.eig(try Tensor([2.0, 1, 0, 3], shape: [2, 2]))
    #expect(!r.isComplex)
    #expect(r.vectorsImaginary.doubles == [0, 0, 0, 0])
    #expect(r.real.doubles == [2, 3])
  }
}
