// Timings of the Tensors library for benchmarks/tensors-gemm.sh: one line per measurement,
// `name seconds-per-call`. Compiled with swiftc against the release-built Tensors module.
import Foundation
import Tensors

func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// CPU time of the whole process (every thread), which the machine's load does not inflate.
func cpuNow() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Best mean wall and CPU time per call over a few rounds of `reps` calls.
func measure(_ reps: Int, rounds: Int = 3, _ body: () throws -> Void) rethrows -> String {
  var best = Double.infinity, bestCPU = Double.infinity
  try body()
  for _ in 0..<rounds {
    let t0 = now(), c0 = cpuNow()
    for _ in 0..<reps { try body() }
    best = min(best, (now() - t0) / Double(reps))
    bestCPU = min(bestCPU, (cpuNow() - c0) / Double(reps))
  }
  return "\(best) \(bestCPU)"
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

/// Resident set size in KiB (from /proc/self/statm).
func residentKiB() -> Int {
  guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
    return 0
  }
  let pages = Int(text.split(separator: " ")[1]) ?? 0
  return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
}

// A million small training steps must not grow memory: the tape dies with each loss.
let layer = try Linear(inFeatures: 10, outFeatures: 10, dtype: .float32) { n, b in
  (0..<n).map { Double($0 % 7) / 7 * b }
}
let opt = SGD(layer.parameters(), learningRate: 1e-3)
let input = Tensor.ones([4, 10], dtype: .float32), target = Tensor.zeros([4, 10], dtype: .float32)
func trainSteps(_ n: Int) throws {
  for _ in 0..<n {
    opt.zeroGrad()
    try Functional.mseLoss(layer(input), target).backward()
    try opt.step()
  }
}
try trainSteps(10_000)
let before = residentKiB()
let t1 = now()
let c1 = cpuNow()
try trainSteps(1_000_000)
print("train-step-linear10 \((now() - t1) / 1e6) \((cpuNow() - c1) / 1e6)")
print("rss-KiB-after-10k-steps \(before)")
print("rss-KiB-after-1M-more \(residentKiB())")
