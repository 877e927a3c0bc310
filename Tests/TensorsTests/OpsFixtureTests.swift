import Foundation
import Testing

@testable import Tensors

/// One op call recorded from NumPy by scripts/fixtures/tensor_ops.py.
struct OpCase: CustomTestStringConvertible, Sendable {
  let name: String
  let op: String
  let json: [String: any Sendable]
  var testDescription: String { name }

  static let all: [OpCase] = {
    guard
      let url = Bundle.module.url(
        forResource: "ops", withExtension: "json",
        subdirectory: "Fixtures/ops"),
      let data = try? Data(contentsOf: url),
      let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
    else { return [] }
    return list.map { c in
      OpCase(
        name: c["name"] as? String ?? "?", op: c["op"] as? String ?? "?",
        json: c.mapValues { FixtureValue($0) })
    }
  }()

  func value(_ key: String) -> Any? { (json[key] as? FixtureValue)?.raw }
  var params: [String: Any] { value("params") as? [String: Any] ?? [:] }
  func param<T>(_ key: String) -> T? { params[key] as? T }
  var inputs: [Tensor] { (value("inputs") as? [[String: Any]] ?? []).map(decodeTensor) }
  var expected: [Tensor] { (value("expected") as? [[String: Any]] ?? []).map(decodeTensor) }
}

/// Wraps JSON values so cases can be passed to parameterised tests.
struct FixtureValue: @unchecked Sendable {
  let raw: Any
  init(_ raw: Any) { self.raw = raw }
}

func decodeTensor(_ j: [String: Any]) -> Tensor {
  let shape = j["shape"] as? [Int] ?? []
  let data = j["data"] as? [Any] ?? []
  let dtype: DType
  switch j["dtype"] as? String {
  case "float32": dtype = .float32
  case "float64": dtype = .float64
  case "int32": dtype = .int32
  case "uint8": dtype = .uint8
  case "bool": dtype = .bool
  default: dtype = .int64
  }
  let t = Tensor(zeros: shape, dtype: dtype)
  for (i, v) in data.enumerated() {
    if let s = v as? String {
      t.storeScalar(.double(Double(s) ?? .nan), at: i)
    } else if let b = v as? Bool, dtype == .bool {
      t.storeScalar(.bool(b), at: i)
    } else if let n = v as? NSNumber {
      t.storeScalar(.int(n.int64Value), at: i)
    }
  }
  return t
}

func indexSpec(_ spec: [[Any]]) throws -> [TensorIndex] {
  try spec.map { item in
    switch item[0] as? String {
    case "a": return .array(try Tensor((item[1] as? [Int] ?? []).map(Int64.init)))
    case "i": return .index(item[1] as? Int ?? 0)
    case "s": return .slice(item[1] as? Int, item[2] as? Int, item[3] as? Int)
    case "n": return .newAxis
    case "e": return .ellipsis
    case "m":
      func flat(_ x: Any) -> [Bool] {
        if let b = x as? [Bool] { return b }
        return (x as? [Any] ?? []).flatMap(flat)
      }
      func dims(_ x: Any) -> [Int] {
        guard let a = x as? [Any] else { return [] }
        return [a.count] + (a.first.map(dims) ?? [])
      }
      return .array(try Tensor(flat(item[1]), shape: dims(item[1])))
    default: return .all
    }
  }
}

/// Runs one recorded case through the Swift API.
func run(_ c: OpCase) throws -> [Tensor] {
  let x = c.inputs
  let axes: [Int]? = c.param("axes")
  switch c.op {
  case "binary":
    return [try Tensor.binary(BinaryOp(rawValue: c.param("fn") ?? "")!, x[0], x[1])]
  case "binaryScalar":
    let s: Scalar =
      (c.params["scalar"] as? NSNumber).map {
        String(cString: $0.objCType) == "d" ? .double($0.doubleValue) : .int($0.int64Value)
      } ?? .int(0)
    return [try Tensor.binary(BinaryOp(rawValue: c.param("fn") ?? "")!, x[0], s)]
  case "unary": return [try x[0].unary(UnaryOp(rawValue: c.param("fn") ?? "")!)]
  case "clip": return [try x[0].clipped(min: c.param("lo"), max: c.param("hi"))]
  case "where": return [try Tensor.where(x[0], x[1], x[2])]
  case "reduce":
    let keep: Bool = c.param("keepDims") ?? false
    let src = (c.param("transpose") ?? false) ? x[0].T.contiguous().T : x[0]
    switch c.param("fn") ?? "" {
    case "sum": return [try src.sum(axes: axes, keepDims: keep)]
    case "mean": return [try src.mean(axes: axes, keepDims: keep)]
    case "max": return [try src.max(axes: axes, keepDims: keep)]
    case "min": return [try src.min(axes: axes, keepDims: keep)]
    case "prod": return [try src.prod(axes: axes, keepDims: keep)]
    case "any": return [try src.any(axes: axes, keepDims: keep)]
    case "all": return [try src.all(axes: axes, keepDims: keep)]
    case "var": return [try src.variance(axes: axes, ddof: c.param("ddof") ?? 0)]
    default: return [try src.standardDeviation(axes: axes, ddof: c.param("ddof") ?? 0)]
    }
  case "argreduce":
    let axis: Int? = c.param("axis")
    return [c.param("fn") == "argmax" ? try x[0].argmax(axis: axis) : try x[0].argmin(axis: axis)]
  case "cumsum": return [try x[0].cumsum(axis: c.param("axis"))]
  case "matmul":
    let a = (c.param("transposeFirst") ?? false) ? x[0].T.contiguous().T : x[0]
    return [try Tensor.matmul(a, x[1])]
  case "outer": return [try Tensor.outer(x[0], x[1])]
  case "concatenate": return [try Tensor.concatenate(x, axis: c.param("axis") ?? 0)]
  case "stack": return [try Tensor.stack(x, axis: c.param("axis") ?? 0)]
  case "flip": return [try x[0].flipped(axes: axes)]
  case "repeat": return [try x[0].repeatedElements(c.param("count") ?? 1, axis: c.param("axis"))]
  case "tile": return [try x[0].tiled(c.param("reps") ?? [])]
  case "pad":
    let w: [[Int]] = c.param("widths") ?? []
    return [try x[0].padded(w.map { ($0[0], $0[1]) }, value: c.param("value") ?? 0)]
  case "split": return try x[0].split(at: c.param("at") ?? [])
  case "index": return [try x[0].item(indexSpec(c.param("spec") ?? []))]
  case "subtractAt":
    var y = x[0]
    let idx: [TensorIndex] = [
      .array(try Tensor((c.param("rows") as [Int]? ?? []).map(Int64.init))),
      .array(try Tensor((c.param("cols") as [Int]? ?? []).map(Int64.init))),
    ]
    try y.setItem(idx, try y.item(idx) - 1)
    return [y]
  case "addAt":
    let z = x[0]
    try z.addAt(
      [.array(try Tensor((c.param("idx") as [Int]? ?? []).map(Int64.init)))],
      Tensor(1.0))
    return [z]
  case "sort": return [try x[0].sorted(axis: c.param("axis") ?? -1).values]
  case "argsort": return [try x[0].argsort(axis: c.param("axis") ?? -1)]
  case "unique":
    let u = try x[0].unique()
    return [u.values, u.inverse, u.counts]
  case "bincount":
    return [
      try x[0].bincount(weights: x.count > 1 ? x[1] : nil, minLength: c.param("minLength") ?? 0)
    ]
  case "histogram":
    let lo: Double? = c.param("lo"), hi: Double? = c.param("hi")
    let h = try x[0].histogram(bins: c.param("bins") ?? 10, range: lo.map { ($0, hi ?? 0) })
    return [h.counts, h.edges]
  case "inv": return [try Linalg.inv(x[0])]
  case "det": return [try Linalg.det(x[0])]
  case "solve": return [try Linalg.solve(x[0], x[1])]
  case "eigh":
    let e = try Linalg.eigh(x[0])
    return [e.values, try e.vectors.abs()]
  case "svdValues": return [try Linalg.svd(x[0]).s]
  case "cholesky": return [try Linalg.cholesky(x[0])]
  case "norm": return [try Linalg.norm(x[0], p: c.param("p") ?? 2, axes: axes)]
  case "matrixNorm": return [try Linalg.matrixNorm(x[0], ord: c.param("ord") ?? "fro")]
  case "cov": return [try Tensor.cov(x[0], rowVariables: c.param("rowVariables") ?? true)]
  case "corrcoef": return [try Tensor.corrcoef(x[0])]
  case "eigValues": return [try Linalg.eig(x[0]).real.sorted().values]
  case "percentile":
    return [try x[0].percentile(c.param("q") ?? 50, axis: c.param("axis"))]
  case "diff": return [try x[0].diff(c.param("n") ?? 1, axis: c.param("axis") ?? -1)]
  case "triangle":
    return [try x[0].triangle(upper: c.param("upper") ?? false, k: c.param("k") ?? 0)]
  case "round": return [try x[0].rounded(decimals: c.param("decimals") ?? 0)]
  case "meshgrid": return try Tensor.meshgrid(x)
  case "isclose": return [try Tensor.isClose(x[0], x[1], equalNaN: true)]
  default: throw TensorError(.value, "unknown fixture op \(c.op)")
  }
}

@Suite struct OpsFixtureTests {
  @Test func fixturesArePresent() {
    #expect(OpCase.all.count > 300)
  }

  @Test(arguments: OpCase.all)
  func matchesNumPy(_ c: OpCase) throws {
    let got = try run(c)
    let want = c.expected
    try #require(got.count == want.count)
    for (g, w) in zip(got, want) {
      #expect(g.dtype == w.dtype, "dtype")
      #expect(g.shape == w.shape, "shape")
      guard g.shape == w.shape else { continue }
      if w.dtype.isFloatingPoint {
        // Float32 results compare to float32 rounding; float64 to a few ulps.
        let tol = w.dtype == .float32 ? 2e-6 : 1e-12
        for (a, b) in zip(g.doubles, w.doubles) {
          let ok =
            (a.isNaN && b.isNaN) || a == b || Swift.abs(a - b) <= tol * Swift.max(1, Swift.abs(b))
          #expect(ok, "\(a) != \(b)")
          if !ok { break }
        }
      } else {
        #expect(g.int64s == w.int64s)
      }
    }
  }

  @Test func npyFilesRoundTrip() throws {
    for name in ["f64", "f32", "i64", "i32", "u8", "bool", "scalar"] {
      let url = try #require(
        Bundle.module.url(
          forResource: name, withExtension: "npy",
          subdirectory: "Fixtures/ops"))
      let t = try NPY.load(url)
      let back = try NPY.decode(NPY.encode(t))
      #expect(back.shape == t.shape)
      #expect(back.dtype == t.dtype)
      #expect(back.doubles == t.doubles)
      #expect(NPY.encode(t) == (try Data(contentsOf: url)), "\(name) bytes match NumPy's")
    }
    let s = try NPY.load(
      try #require(
        Bundle.module.url(
          forResource: "scalar", withExtension: "npy",
          subdirectory: "Fixtures/ops")))
    #expect(s.shape == [])
    #expect(try s.item() == .double(3.5))
  }
}
