import Testing

@testable import Tensors

/// Deterministic float64 test data in (-1, 1) (a tiny LCG, so tests need no random module).
func testData(_ shape: [Int], seed: UInt64 = 1, positive: Bool = false) -> Tensor {
  var s = seed &* 6364136223846793005 &+ 1442695040888963407
  let n = shape.reduce(1, *)
  var v = [Double](repeating: 0, count: n)
  for i in 0..<n {
    s = s &* 6364136223846793005 &+ 1442695040888963407
    let u = Double(s >> 11) / Double(1 << 53)
    v[i] = positive ? 0.2 + u : 2 * u - 1
  }
  return try! Tensor(v, shape: shape)
}

/// Compares autograd gradients of `f` against central finite differences in float64.
///
/// The scalar checked is `sum(f(x) * w)` with fixed weights `w`, so every output element and
/// every input element is exercised. Returns the largest absolute mismatch.
@discardableResult
func gradcheck(
  _ inputs: [Tensor], eps: Double = 1e-6, tolerance: Double = 1e-6,
  sourceLocation: SourceLocation = #_sourceLocation,
  _ f: ([Tensor]) throws -> Tensor
) throws -> Double {
  let xs = try inputs.map { try $0.casted(to: .float64).detached().clone().requiringGrad() }
  let out = try f(xs)
  let w = testData(out.shape, seed: 99)
  try (out * w).sum().backward()
  var worst = 0.0
  for (k, x) in xs.enumerated() {
    let analytic = try #require(
      x.grad, "input \(k) got no gradient", sourceLocation: sourceLocation)
    #expect(analytic.shape == x.shape, sourceLocation: sourceLocation)
    let a = analytic.doubles
    let base = x.doubles
    for i in 0..<base.count {
      func value(_ delta: Double) throws -> Double {
        var v = base
        v[i] += delta
        var args = xs.map { $0.detached() }
        args[k] = try Tensor(v, shape: x.shape)
        return try GradMode.withNoGrad { try (f(args) * w).sum().doubles[0] }
      }
      let numeric = (try value(eps) - value(-eps)) / (2 * eps)
      let err = Swift.abs(numeric - a[i])
      worst = Swift.max(worst, err)
      #expect(
        err <= tolerance * Swift.max(1, Swift.abs(numeric)),
        "input \(k) element \(i): analytic \(a[i]) vs numeric \(numeric)",
        sourceLocation: sourceLocation)
    }
  }
  return worst
}
