import Foundation

extension TorchGenerator {
  /// `exponential_(lambd)` on a float32 tensor: `-1 / lambd * log1p(-u)` in double on the
  /// 53-bit uniform, rounded to float (PyTorch 2.13 CPU wheels do not route this through MKL).
  public mutating func exponential(lambda: Double = 1, count: Int) throws(RandomError) -> [Float] {
    try Self.checkLambda(lambda)
    return (0..<count).map { _ in Float(exponentialDraw(lambda)) }
  }

  /// `exponential_(lambd)` on a float64 tensor.
  public mutating func exponentialDouble(
    lambda: Double = 1, count: Int
  ) throws(RandomError) -> [Double] {
    try Self.checkLambda(lambda)
    return (0..<count).map { _ in exponentialDraw(lambda) }
  }

  private mutating func exponentialDraw(_ lambda: Double) -> Double {
    -1.0 / lambda * log1p(-uniformDouble())
  }

  private static func checkLambda(_ lambda: Double) throws(RandomError) {
    guard lambda > 0 else {
      throw RandomError(
        .value, "exponential_ expects lambda > 0.0, but found lambda=\(cpp: lambda)")
    }
  }

  /// `torch.multinomial(p, count, replacement)` for float32 probabilities laid out as `rows`
  /// rows of equal length: sampled category indices, `count` per row.
  ///
  /// One sample, or sampling without replacement, uses PyTorch's exponential trick: draw
  /// `q ~ Exp(1)` for every entry (all rows first), then take the argmax (or the top `count`)
  /// of `p / q` per row. With replacement and more than one sample it searches the
  /// normalised cumulative sum with one 53-bit uniform per sample, row by row.
  public mutating func multinomial(
    probabilities: [Float], rows: Int = 1, count: Int, replacement: Bool = false
  ) throws(RandomError) -> [Int64] {
    try sampleMultinomial(probabilities, rows: rows, count: count, replacement: replacement)
  }

  /// `torch.multinomial` for float64 probabilities.
  public mutating func multinomial(
    probabilities: [Double], rows: Int = 1, count: Int, replacement: Bool = false
  ) throws(RandomError) -> [Int64] {
    try sampleMultinomial(probabilities, rows: rows, count: count, replacement: replacement)
  }

  private mutating func sampleMultinomial<T: BinaryFloatingPoint>(
    _ p: [T], rows: Int, count: Int, replacement: Bool
  ) throws(RandomError) -> [Int64] {
    guard rows > 0, !p.isEmpty, p.count % rows == 0 else {
      throw RandomError(.value, "prob_dist must be 1 or 2 dim")
    }
    let categories = p.count / rows
    guard count > 0 else { throw RandomError(.value, "cannot sample n_sample <= 0 samples") }
    guard replacement || count <= categories else {
      throw RandomError(
        .value, "cannot sample n_sample > prob_dist.size(-1) samples without replacement")
    }
    guard p.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
      throw RandomError(
        .value, "probability tensor contains either `inf`, `nan` or element < 0")
    }
    for row in 0..<rows
    where p[(row * categories)..<((row + 1) * categories)].allSatisfy({
      $0 == 0
    }) {
      throw RandomError(.value, "invalid multinomial distribution (sum of probabilities <= 0)")
    }
    if !replacement || count == 1 {
      let q = (0..<p.count).map { _ in T(exponentialDraw(1)) }
      var result: [Int64] = []
      for row in 0..<rows {
        let ratios = (0..<categories).map { p[row * categories + $0] / q[row * categories + $0] }
        // Ties go to the lower index, as argmax does.
        let order = ratios.indices.sorted {
          ratios[$0] > ratios[$1] || (ratios[$0] == ratios[$1] && $0 < $1)
        }
        result += order.prefix(count).map { Int64($0) }
      }
      return result
    }
    var result: [Int64] = []
    for row in 0..<rows {
      var cumulative = [T](repeating: 0, count: categories)
      var sum: T = 0
      for j in 0..<categories {
        sum += p[row * categories + j]
        cumulative[j] = sum
      }
      if sum > 0 || (sum < 1.00001 && sum > 0.99999) {
        for j in 0..<categories { cumulative[j] /= sum }
      }
      cumulative[categories - 1] = 1
      for _ in 0..<count {
        let u = uniformDouble()
        var low = 0
        var high = categories
        while high - low > 0 {
          let mid = low + (high - low) / 2
          if Double(cumulative[mid]) < u { low = mid + 1 } else { high = mid }
        }
        result.append(Int64(low))
      }
    }
    return result
  }
}
