import Testing

@testable import Tensors

@Suite struct TensorTests {
  @Test func reshapeTransposeAndSliceAreViews() throws {
    let a = try Tensor.arange(.int(0), .int(12)).reshaped([3, 4])
    #expect(a.shape == [3, 4])
    #expect(a.dtype == .int64)
    let t = a.T
    #expect(t.shape == [4, 3])
    #expect(t.strides == [1, 4])
    #expect(t.storage === a.storage)
    #expect(t.int64s == [0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11])
    let s = try a[.all, .slice(nil, nil, 2)]
    #expect(s.storage === a.storage)
    #expect(s.int64s == [0, 2, 4, 6, 8, 10])
    let r = try a[.slice(nil, nil, -1), .index(-1)]
    #expect(r.int64s == [11, 7, 3])
    let e = try Tensor([1.0, 2.0, 3.0]).reshaped([3, 1]).expanded(to: [3, 2])
    #expect(e.strides == [1, 0])
    #expect(e.doubles == [1, 1, 2, 2, 3, 3])
    let u = try a.unsqueezed(0).unsqueezed(-1)
    #expect(u.shape == [1, 3, 4, 1])
    #expect(try u.squeezed().shape == [3, 4])
    #expect(try t.reshaped([12]).storage !== a.storage)
    #expect(throws: TensorError.self) { try t.view([12]) }
  }

  @Test func broadcastingErrorNamesBothShapesAndTheOp() throws {
    let a = Tensor.zeros([2, 3]), b = Tensor.zeros([4])
    do {
      _ = try a + b
      Issue.record("expected a shape error")
    } catch let e as TensorError {
      #expect(e.message == "add: operands could not be broadcast together with shapes (2, 3) (4,)")
    }
  }

  @Test func promotionFollowsTheChosenStyle() throws {
    let i = try Tensor([Int32(1), 2])
    let f = try Tensor([Float(0.5), 1.5])
    #expect(try Tensor.binary(.add, i, f).dtype == .float64)
    #expect(try Tensor.binary(.add, i, f, style: .torch).dtype == .float32)
    #expect(try (f * 2.0).dtype == .float32)
    #expect(try (i * 2).dtype == .int32)
    #expect(try (i / 2).dtype == .float64)
    #expect(try Tensor.binary(.divide, i, .int(2), style: .torch).dtype == .float32)
    #expect(
      try Tensor.binary(.floorDivide, try Tensor([Int64(-7), 7]), .int(2)).int64s == [-4, 3])
    #expect(try Tensor.binary(.remainder, try Tensor([-7.0, 7.0]), .double(2)).doubles == [1, 1])
  }

  @Test func fancyIndexReadAndAugmentedAssignment() throws {
    var probs = try Tensor([0.1, 0.9, 0.7, 0.3, 0.5, 0.5], shape: [3, 2])
    let rows = try Tensor.arange(.int(0), .int(3))
    let y = try Tensor([Int64(1), 0, 1])
    let picked = try probs[.array(rows), .array(y)]
    #expect(picked.doubles == [0.9, 0.7, 0.5])
    let alias = probs
    try probs.setItem([.array(rows), .array(y)], picked - 1.0)
    #expect(probs.doubles.map { ($0 * 10).rounded() / 10 } == [0.1, -0.1, -0.3, 0.3, 0.5, -0.5])
    #expect(alias.doubles == [0.1, 0.9, 0.7, 0.3, 0.5, 0.5])
    let mask = try probs .< 0.0
    #expect(try probs[.array(mask)].count == 3)
    try probs.writeItem([.array(mask)], Tensor(0.0))
    #expect(probs.doubles.filter { $0 < 0 }.isEmpty)
  }

  @Test func reductionsOverAxes() throws {
    let a = try Tensor([1.0, 5.0, 3.0, 4.0, 2.0, 6.0], shape: [2, 3])
    #expect(try a.sum().doubles == [21])
    #expect(try a.sum(axis: 0).doubles == [5, 7, 9])
    #expect(try a.sum(axis: 1, keepDims: true).shape == [2, 1])
    #expect(try a.max(axes: [1]).doubles == [5, 6])
    #expect(try a.argmax(axis: 1).int64s == [1, 2])
    #expect(try a.argmin().int64s == [0])
    #expect(try a.mean(axes: [0]).doubles == [2.5, 3.5, 4.5])
    #expect(try a.variance(axes: [1], ddof: 1).doubles == [4, 4])
    #expect(try a.cumsum(axis: 1).doubles == [1, 6, 9, 4, 6, 12])
    #expect(try a.prod().doubles == [720])
    #expect(try (a .> 5.5).any().bools == [true])
    #expect(try (a .> 0.5).all(axes: [0]).bools == [true, true, true])
    #expect(throws: TensorError.self) { try Tensor.zeros([0]).max() }
  }
}
