import Foundation
import Testing

@testable import Tensors

@Suite struct AutogradTests {
  let a = testData([3, 4], seed: 1)
  let b = testData([3, 4], seed: 2)
  let row = testData([4], seed: 3)
  let p = testData([3, 4], seed: 4, positive: true)

  @Test func arithmeticWithBroadcasting() throws {
    try gradcheck([a, row]) { try $0[0] + $0[1] }
    try gradcheck([a, row]) { try $0[0] - $0[1] }
    try gradcheck([a, row]) { try $0[0] * $0[1] }
    try gradcheck([a, p]) { try $0[0] / $0[1] }
    try gradcheck([p, row]) { try $0[0].pow($0[1]) }
    try gradcheck([a]) { try $0[0].pow(3) }
    try gradcheck([a, b]) { try $0[0].maximum($0[1]) }
    try gradcheck([a, b]) { try $0[0].minimum($0[1]) }
    try gradcheck([a]) { try 2.0 - $0[0] * 3.0 }
    try gradcheck([p]) { try 1.0 / $0[0] }
  }

  @Test func unaryFunctions() throws {
    for op: UnaryOp in [
      .negative, .exp, .tanh, .sigmoid, .relu, .abs, .sin, .cos, .square, .tan,
      .expm1,
    ] {
      try gradcheck([a]) { try $0[0].unary(op) }
    }
    for op: UnaryOp in [.log, .sqrt, .reciprocal, .log1p, .log2, .log10] {
      try gradcheck([p]) { try $0[0].unary(op) }
    }
    try gradcheck([a]) { try $0[0].clipped(min: -0.3, max: 0.4) }
    try gradcheck([a, b]) { try Tensor.where($0[0] .> 0.0, $0[0], $0[1]) }
  }

  @Test func reductions() throws {
    try gradcheck([a]) { try $0[0].sum() }
    try gradcheck([a]) { try $0[0].sum(axes: [0], keepDims: true) }
    try gradcheck([a]) { try $0[0].mean(axes: [1]) }
    try gradcheck([a]) { try $0[0].variance(axes: [1], ddof: 1) }
    try gradcheck([a]) { try $0[0].standardDeviation(axes: [0]) }
    try gradcheck([p]) { try $0[0].prod(axes: [1]) }
    try gradcheck([a]) { try $0[0].max(axes: [1]) }
    try gradcheck([a]) { try $0[0].min() }
    try gradcheck([a]) { try $0[0].max(axis: 0).values }
    try gradcheck([a]) { try $0[0].cumsum(axis: 1) }
    try gradcheck([a]) { try Linalg.norm($0[0]) }
  }

  @Test func matrixProducts() throws {
    try gradcheck([a, testData([4, 2], seed: 5)]) { try Tensor.matmul($0[0], $0[1]) }
    try gradcheck([testData([2, 3, 4]), testData([4, 5], seed: 6)]) {
      try Tensor.matmul($0[0], $0[1])
    }
    try gradcheck([testData([2, 3, 4]), testData([2, 4, 2], seed: 6)]) {
      try Tensor.matmul($0[0], $0[1])
    }
    try gradcheck([row, testData([4, 2], seed: 7)]) { try Tensor.matmul($0[0], $0[1]) }
    try gradcheck([row, row]) { try Tensor.dot($0[0], $0[1]) }
    try gradcheck([row, testData([3], seed: 8)]) { try Tensor.outer($0[0], $0[1]) }
    try gradcheck([a]) { try Tensor.matmul($0[0].T, $0[0]) }
  }

  @Test func shapeOps() throws {
    try gradcheck([a]) { try $0[0].reshaped([2, 6]) }
    try gradcheck([testData([2, 3, 4])]) { try $0[0].permuted([2, 0, 1]) }
    try gradcheck([a]) { try $0[0].transposed(0, 1).contiguous() }
    try gradcheck([row]) { try $0[0].reshaped([1, 4]).expanded(to: [3, 4]) }
    try gradcheck([a]) { try $0[0].unsqueezed(1).squeezed() }
    try gradcheck([a]) { try $0[0].flipped(axes: [1]) }
    try gradcheck([a]) { try $0[0].tiled([2, 1]) }
    try gradcheck([a]) { try $0[0].repeatedElements(2, axis: 1) }
    try gradcheck([a]) { try $0[0].padded([(1, 0), (0, 2)]) }
    try gradcheck([a, b]) { try Tensor.concatenate([$0[0], $0[1]], axis: 1) }
    try gradcheck([a, b]) { try Tensor.stack([$0[0], $0[1]], axis: 0) }
    try gradcheck([a]) { try $0[0].split(at: [1], axis: 1)[1] }
    try gradcheck([a], eps: 1e-2, tolerance: 1e-4) {
      try $0[0].casted(to: .float32).casted(to: .float64)
    }
    try gradcheck([a]) { try $0[0].diagonal() }
    try gradcheck([row]) { try $0[0].diagonal() }
  }

  @Test func indexing() throws {
    let rows = try Tensor([Int64(0), 2, 2]), cols = try Tensor([Int64(1), 0, 1])
    try gradcheck([a]) { try $0[0][.slice(nil, nil, 2), .slice(1, nil, nil)] }
    try gradcheck([a]) { try $0[0][.array(rows), .array(cols)] }
    try gradcheck([a]) { try $0[0][.array(rows)] }
    try gradcheck([a]) { try $0[0][.array($0[0].detached() .> 0.0)] }
    try gradcheck([a]) { try $0[0].takeAlong(Tensor([Int64(3), 0, 1], shape: [3, 1]), axis: 1) }
    try gradcheck([a, testData([3], seed: 9)]) {
      var x = try $0[0] * 1.0
      try x.setItem([.array(rows), .array(cols)], $0[1])
      return x
    }
  }

  @Test func linearAlgebra() throws {
    let m = try testData([3, 3], seed: 11) + Tensor.eye(3) * 2.0
    try gradcheck([m]) { try Linalg.inv($0[0]) }
    try gradcheck([m]) { try Linalg.det($0[0]) }
    try gradcheck([m, testData([3, 2], seed: 12)]) { try Linalg.solve($0[0], $0[1]) }
    try gradcheck([m, testData([3], seed: 12)]) { try Linalg.solve($0[0], $0[1]) }
  }

  @Test func accumulationRetainGraphAndErrors() throws {
    let x = try Tensor([1.0, 2.0, 3.0]).requiringGrad()
    let y = try (x * x).sum()
    try y.backward(retainGraph: true)
    #expect(x.grad?.doubles == [2, 4, 6])
    try y.backward()
    #expect(x.grad?.doubles == [4, 8, 12])
    #expect(throws: TensorError.self) { try y.backward() }
    #expect(y.gradFunctionName == "SumBackward1")
    #expect(x.isLeaf && !y.isLeaf)
    let z = try GradMode.withNoGrad { try x * 2.0 }
    #expect(!z.requiresGrad)
    #expect(!(try x.detached() * 2.0).requiresGrad)
    #expect(throws: TensorError.self) { try Tensor([Int64(1)]).requiringGrad() }
    do {
      try x.writeItem([.index(0)], Tensor(5.0))
      Issue.record("in-place write on a leaf requiring grad must fail")
    } catch let e as TensorError {
      #expect(
        e.message == "a leaf Variable that requires grad is being used in an in-place operation.")
    }
    try GradMode.withNoGrad { try x.writeItem([.index(0)], Tensor(5.0)) }
    #expect(x.doubles == [5, 2, 3])
    #expect(throws: TensorError.self) { try (x * 2.0).backward() }
  }

  @Test func sharedSubexpressionsAccumulate() throws {
    let x = try Tensor([0.5, -1.5]).requiringGrad()
    let h = try x.tanh()
    let y = try (h * h + h).sum()
    try y.backward()
    let t = x.doubles.map { Foundation.tanh($0) }
    let expected = zip(t, x.doubles).map { th, _ in (2 * th + 1) * (1 - th * th) }
    for (g, e) in zip(x.grad!.doubles, expected) { #expect(Swift.abs(g - e) < 1e-12) }
  }
}
