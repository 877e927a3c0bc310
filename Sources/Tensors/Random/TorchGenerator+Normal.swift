import Foundation

extension TorchGenerator {
  /// One deviate of PyTorch's scalar normal kernel (`at::normal_distribution<double>`).
  ///
  /// Box-Muller on two 53-bit uniforms: returns `r cos(theta)` and caches `r sin(theta)` in
  /// the generator for the next scalar draw.
  public mutating func scalarStandardNormal() -> Double {
    if let spare = cachedNormal {
      cachedNormal = nil
      return spare
    }
    let u1 = uniformDouble()
    let u2 = uniformDouble()
    let r = (-2.0 * log1p(-u2)).squareRoot()
    let theta = 2.0 * Double.pi * u1
    cachedNormal = r * sin(theta)
    return r * cos(theta)
  }

  /// `torch.randn(count)` / `normal_(mean, std)` on a contiguous float32 tensor.
  ///
  /// Below 16 elements PyTorch uses the scalar kernel (with its cache); from 16 on it draws
  /// `count` float uniforms, transforms them 16 at a time, and redraws 16 more for a ragged
  /// tail, never touching the cache. A non-contiguous tensor (a transposed or sliced view)
  /// always takes the scalar kernel, in TensorIterator order: the view's elements by
  /// increasing memory address; pass `contiguous: false` and store the values in that order.
  public mutating func normal(
    mean: Double = 0, std: Double = 1, count: Int, contiguous: Bool = true
  ) throws(RandomError) -> [Float] {
    try Self.checkStd(std)
    return uncheckedNormal(mean: mean, std: std, count: count, contiguous: contiguous)
  }

  /// `normal` for a standard deviation known to be non-negative.
  mutating func uncheckedNormal(
    mean: Double = 0, std: Double = 1, count: Int, contiguous: Bool = true
  ) -> [Float] {
    if count < 16 || !contiguous {
      return (0..<count).map { _ in Float(affine(scalarStandardNormal(), std, mean)) }
    }
    var data = (0..<count).map { _ in uniformFloat() }
    let floatMean = Float(mean)
    let floatStd = Float(std)
    let fill: (inout [Float], Int) -> Void =
      capability == .avx2
      ? { Self.normalFill16AVX2(&$0, at: $1, mean: floatMean, std: floatStd) }
      : { Self.normalFill16Float(&$0, at: $1, mean: floatMean, std: floatStd) }
    var start = 0
    while start + 16 <= count {
      fill(&data, start)
      start += 16
    }
    if count % 16 != 0 {
      for i in (count - 16)..<count { data[i] = uniformFloat() }
      fill(&data, count - 16)
    }
    return data
  }

  /// `torch.randn(count, dtype=torch.float64)` / `normal_(mean, std)` on a float64 tensor
  /// (`contiguous` as for `normal`).
  public mutating func normalDouble(
    mean: Double = 0, std: Double = 1, count: Int, contiguous: Bool = true
  ) throws(RandomError) -> [Double] {
    try Self.checkStd(std)
    if count < 16 || !contiguous {
      return (0..<count).map { _ in affine(scalarStandardNormal(), std, mean) }
    }
    var data = (0..<count).map { _ in uniformDouble() }
    var start = 0
    while start + 16 <= count {
      Self.normalFill16Double(&data, at: start, mean: mean, std: std)
      start += 16
    }
    if count % 16 != 0 {
      for i in (count - 16)..<count { data[i] = uniformDouble() }
      Self.normalFill16Double(&data, at: count - 16, mean: mean, std: std)
    }
    return data
  }

  /// `torch.randn(count)`: `normal(mean: 0, std: 1, count:)`.
  public mutating func randn(count: Int) -> [Float] {
    uncheckedNormal(count: count)
  }

  private static func checkStd(_ std: Double) throws(RandomError) {
    guard std >= 0 else {
      throw RandomError(.value, "normal expects std >= 0.0, but found std \(cpp: std)")
    }
  }

  /// `value * std + mean`, fused where PyTorch's kernel build fuses it.
  private func affine(_ value: Double, _ std: Double, _ mean: Double) -> Double {
    capability.fusesMultiplyAdd ? mean.addingProduct(value, std) : value * std + mean
  }

  /// `normal_fill_16<double>`: Box-Muller over 8 pairs `(data[j], data[j + 8])`.
  ///
  /// The final `* std + mean` is fused in every build: the fixtures of
  /// `ATEN_CPU_CAPABILITY=default` show it fused while the scalar kernel is not, presumably
  /// because the out-of-line `normal_fill` template the linker keeps comes from an FMA-enabled
  /// translation unit.
  private static func normalFill16Double(
    _ data: inout [Double], at start: Int, mean: Double, std: Double
  ) {
    for j in start..<(start + 8) {
      let u1 = 1 - data[j]
      let u2 = data[j + 8]
      let radius = (-2 * log(u1)).squareRoot()
      let theta = 2.0 * Double.pi * u2
      data[j] = mean.addingProduct(radius * cos(theta), std)
      data[j + 8] = mean.addingProduct(radius * sin(theta), std)
    }
  }

  /// `normal_fill_16<float>` of the default build: libm `logf`, `cosf`, `sinf`, with the angle
  /// computed in double and rounded to float, and a fused `* std + mean` (see the double fill).
  private static func normalFill16Float(
    _ data: inout [Float], at start: Int, mean: Float, std: Float
  ) {
    for j in start..<(start + 8) {
      let u1 = 1 - data[j]
      let u2 = data[j + 8]
      let radius = (-2 * logf(u1)).squareRoot()
      let theta = Float(2.0 * Double.pi * Double(u2))
      data[j] = mean.addingProduct(radius * cosf(theta), std)
      data[j + 8] = mean.addingProduct(radius * sinf(theta), std)
    }
  }

  /// `normal_fill_16_AVX2`: the vectorised Cephes `log256_ps` and `sincos256_ps` of
  /// `avx_mathfun.h`, lane by lane, with the FMAs GCC forms from them.
  private static func normalFill16AVX2(
    _ data: inout [Float], at start: Int, mean: Float, std: Float
  ) {
    let twoPi = Float(2.0 * Double.pi)
    for j in start..<(start + 8) {
      let u1 = 1 - data[j]
      let u2 = data[j + 8]
      let radius = (-2 * CephesFloat.log(u1)).squareRoot()
      let (sine, cosine) = CephesFloat.sincos(twoPi * u2)
      data[j] = mean.addingProduct(radius * cosine, std)
      data[j + 8] = mean.addingProduct(radius * sine, std)
    }
  }
}

/// Julien Pommier's Cephes-derived float `log` and `sincos` as PyTorch's `avx_mathfun.h` computes
/// them, one lane at a time.
///
/// GCC compiles the intrinsics as plain vector arithmetic and, with `-mfma`, contracts some
/// multiply-adds; the `addingProduct` calls below are exactly those contractions, found by
/// comparison with PyTorch's output (see the fixtures).
enum CephesFloat {
  private static let logP: [Float] = [
    7.0376836292E-2, -1.1514610310E-1, 1.1676998740E-1, -1.2420140846E-1, 1.4249322787E-1,
    -1.6668057665E-1, 2.0000714765E-1, -2.4999993993E-1, 3.3333331174E-1,
  ].map { (value: Double) in Float(value) }
  private static let logQ1 = Float(-2.12194440e-4 as Double)
  private static let logQ2 = Float(0.693359375 as Double)
  private static let sqrtHalf = Float(0.707106781186547524 as Double)
  private static let minusDP1 = Float(-0.78515625 as Double)
  private static let minusDP2 = Float(-2.4187564849853515625e-4 as Double)
  private static let minusDP3 = Float(-3.77489497744594108e-8 as Double)
  private static let sinP: [Float] = [-1.9515295891E-4, 8.3321608736E-3, -1.6666654611E-1].map {
    (value: Double) in Float(value)
  }
  private static let cosP: [Float] = [
    2.443315711809948E-005, -1.388731625493765E-003, 4.166664568298827E-002,
  ].map { (value: Double) in Float(value) }
  private static let fourOverPi = Float(1.27323954473516 as Double)

  /// `log256_ps` for one positive lane.
  static func log(_ input: Float) -> Float {
    if input <= 0 { return .nan }
    var x = max(input, Float(bitPattern: 0x0080_0000))
    let exponent = Int32(bitPattern: x.bitPattern >> 23) - 0x7f
    x = Float(bitPattern: (x.bitPattern & ~0x7f80_0000) | Float(0.5).bitPattern)
    var e = Float(exponent) + 1
    let below = x < sqrtHalf
    let tmp: Float = below ? x : 0
    x = x - 1
    e = e - (below ? 1 : 0)
    x = x + tmp
    let z = x * x
    var y = logP[0]
    for coefficient in logP.dropFirst() { y = coefficient.addingProduct(y, x) }
    y = y * x
    y = (e * logQ1).addingProduct(y, z)
    y = y.addingProduct(-z, 0.5)
    x = x + y
    return x.addingProduct(e, logQ2)
  }

  /// `sincos256_ps` for one lane: `(sin x, cos x)`.
  static func sincos(_ input: Float) -> (sin: Float, cos: Float) {
    var signSin = input.bitPattern & 0x8000_0000
    var x = abs(input)
    var j = Int32(x * fourOverPi)
    j = (j &+ 1) & ~1
    let y = Float(j)
    let swapSin = UInt32(bitPattern: (j & 4) << 29)
    let polynomialIsCos = (j & 2) == 0
    x = x.addingProduct(y, minusDP1)
    x = x.addingProduct(y, minusDP2)
    x = x.addingProduct(y, minusDP3)
    let signCos = UInt32(bitPattern: (~(j &- 2) & 4) << 29)
    signSin ^= swapSin
    let z = x * x
    var c = cosP[0]
    c = cosP[1].addingProduct(c, z)
    c = cosP[2].addingProduct(c, z)
    c = c * z
    c = (-(z * 0.5)).addingProduct(c, z)
    c = c + 1
    var s = sinP[0]
    s = sinP[1].addingProduct(s, z)
    s = sinP[2].addingProduct(s, z)
    s = s * z
    s = x.addingProduct(s, x)
    let sinPart: Float = polynomialIsCos ? s : 0
    let cosPart: Float = polynomialIsCos ? 0 : c
    s = s - sinPart
    c = c - cosPart
    let sine = cosPart + sinPart
    let cosine = c + s
    return (
      Float(bitPattern: sine.bitPattern ^ signSin), Float(bitPattern: cosine.bitPattern ^ signCos)
    )
  }
}
