// Timings of the Tensors library for benchmarks/tensors-gemm.sh: one line per measurement,
// `name seconds-per-call`. Compiled with swiftc against the release-built Tensors module.
import Foundation
import Tensors

func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Best mean time per call over a few rounds of `reps` calls.
func measure(_ reps: Int, rounds: Int = 3, _ body: () throws -> Void) rethrows -> Double {
  var best = Double.infinity
  try body()
  for _ in 0..<rounds {
    let t0 = now()
    for _ in 0..<reps { try body() }
    best = min(best, (now() - t0) / Double(reps))
  }
  return best
}

func filled(_ n: Int, _ dtype: DType) throws -> Tensor {
  let v = (0..<(n * n)).map { Double(($0 * 7919) % 1000) / 1000 - 0.5 }
  return try Tensor(v, shape: [n, n]).casted(to: dtype)
}

let sizes = [(64, 2000), (256, 100), (1024, 4)]
for (name, dtype) in [("sgemm", DType.float32), ("dgemm", DType.float64)] {
  for (n, reps) in sizes {
    let a = try filled(n, dtype), b = try filled(n, dtype)
    let t = try measure(reps) { _ = try Tensor.matmul(a, b) }
    print("\(name)-\(n) \(t)")
  }
}

let a = try Tensor.ones([10], dtype: .float32).requiringGrad()
let b = try Tensor.ones([10], dtype: .float32).requiringGrad()
let seed = Tensor.ones([10], dtype: .float32)
let tAdd = try measure(200_000) {
  let c = try a + b
  try c.backward(seed)
}
print("add10-autograd \(tAdd)")
let x = Tensor.ones([10], dtype: .float32), y = Tensor.ones([10], dtype: .float32)
let tPlain = try measure(200_000) { _ = try x + y }
print("add10-forward \(tPlain)")
