// Swift side of benchmarks/tensors-spiral.sh: the same CS231n loop against the Tensors API.
import Foundation
import Tensors

func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// CPU time of the process (user + sys), which the machine's load does not inflate.
func cpuNow() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

let steps = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 10000 : 10000
let n = 100, d = 2, k = 3, h = 100
var xs: [Double] = [], ys: [Int64] = []
for j in 0..<k {
  // Tensor.linspace follows NumPy's formula, so the data match the Python side bit for bit.
  let rs = try Tensor.linspace(0, 1, count: n).doubles
  let ts = try Tensor.linspace(Double(j * 4), Double((j + 1) * 4), count: n).doubles
  for i in 0..<n {
    let r = rs[i]
    let t = ts[i] + sin(Double(i) * 12.9898 + Double(j)) * 0.2
    xs += [r * sin(t), r * cos(t)]
    ys.append(Int64(j))
  }
}
let X = try Tensor(xs, shape: [n * k, d])
let y = try Tensor(ys)
var W = try Tensor((0..<(d * h)).map { 0.01 * sin(Double($0) * 0.7) }, shape: [d, h])
var b = Tensor.zeros([1, h])
var W2 = try Tensor((0..<(h * k)).map { 0.01 * cos(Double($0) * 0.3) }, shape: [h, k])
var b2 = Tensor.zeros([1, k])
let stepSize = 1.0, reg = 1e-3
let count = Double(n * k)
let rows = try Tensor.arange(.int(0), .int(Int64(n * k)))
let picks: [TensorIndex] = [.array(rows), .array(y)]
var loss = 0.0
let t0 = now()
let c0 = cpuNow()
for _ in 0..<steps {
  let hidden = try (X.matmul(W) + b).relu()
  let scores = try hidden.matmul(W2) + b2
  let expScores = try scores.exp()
  var probs = try expScores / expScores.sum(axis: 1, keepDims: true)
  let correctLogprobs = try -probs.item(picks).log()
  let dataLoss = try correctLogprobs.sum() / count
  let regLoss = try (W * W).sum() * (0.5 * reg) + (W2 * W2).sum() * (0.5 * reg)
  loss = try (dataLoss + regLoss).item().doubleValue
  try probs.setItem(picks, probs.item(picks) - 1.0)
  try probs /= count
  let dscores = probs
  var dW2 = try hidden.T.matmul(dscores)
  let db2 = try dscores.sum(axes: [0], keepDims: true)
  var dhidden = try dscores.matmul(W2.T)
  try dhidden.setItem([.array(hidden .<= 0.0)], Tensor(0.0))
  var dW = try X.T.matmul(dhidden)
  let db = try dhidden.sum(axes: [0], keepDims: true)
  try dW2 += W2 * reg
  try dW += W * reg
  try W += dW * -stepSize
  try b += db * -stepSize
  try W2 += dW2 * -stepSize
  try b2 += db2 * -stepSize
}
let elapsed = now() - t0
print("spiral-step \(elapsed / Double(steps)) \((cpuNow() - c0) / Double(steps))")
print("final-loss \(loss)")
