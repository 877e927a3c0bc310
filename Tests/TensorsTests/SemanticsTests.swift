import Foundation
import Testing

@testable import Tensors

/// Error messages, NaN rules, dtype rules and copy/aliasing semantics.
@Suite struct SemanticsTests {
  func message(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch let e as TensorError {
      return e.message
    } catch {
      return "\(error)"
    }
  }

  @Test func errorsNameShapesOpsAndIndices() throws {
    let a = Tensor.zeros([2, 3])
    #expect(message { _ = try Tensor.matmul(a, Tensor.zeros([2, 3])) }?.contains("(2, 3)") == true)
    #expect(
      message { _ = try a.item([.index(5)]) }
        == "index 5 is out of bounds for axis 0 with size 2")
    #expect(
      message { _ = try a.item([.index(0), .index(0), .index(0)]) }
        == "too many indices for array: array is 2-dimensional, but 3 were indexed")
    #expect(
      message { _ = try a.item([.array(try Tensor([Int64(0), 7]))]) }
        == "index 7 is out of bounds for axis 0 with size 2")
    #expect(
      message { _ = try a.item([.array(try Tensor([0.5]))]) }?
        .hasPrefix("arrays used as indices must be of integer (or boolean) type") == true)
    #expect(message { _ = try a.reshaped([4]) } == "cannot reshape array of size 6 into shape (4,)")
    #expect(
      message { _ = try a.sum(axis: 2) } == "sum: axis 2 is out of bounds for array of dimension 2")
    #expect(
      message { _ = try Tensor.concatenate([a, Tensor.zeros([2, 2])], axis: 0) }?
        .contains("(2, 3) and (2, 2)") == true)
    #expect(message { _ = try Linalg.inv(Tensor.zeros([2, 2])) } == "Singular matrix")
    #expect(
      message { _ = try Linalg.cholesky(Tensor.eye(2) * -1.0) }
        == "Matrix is not positive definite")
    #expect(
      message { _ = try Tensor([true, false]) - Tensor([true, true]) }?
        .hasPrefix("numpy boolean subtract") == true)
    #expect(
      message { _ = try Tensor([1.0]).applyInPlace(.add, Tensor.zeros([3])) }?
        .contains("non-broadcastable output operand") == true)
    #expect(
      message { try Tensor([Int64(1)]).applyInPlace(.add, Tensor([0.5])) }?
        .hasPrefix("Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64')") == true
    )
    #expect(message { _ = try Tensor.zeros([0]).argmax() }?.contains("zero-size array") == true)
  }

  @Test func nanPropagatesLikeNumPy() throws {
    let x = try Tensor([1.0, .nan, 3.0])
    #expect(try x.max().doubles[0].isNaN)
    #expect(try x.sum().doubles[0].isNaN)
    #expect(try x.argmax().int64s == [1])
    #expect(try x.maximum(Tensor([5.0, 0.0, 0.0])).doubles[1].isNaN)
    #expect(try (x .== x).bools == [true, false, true])
    #expect(try x.clipped(min: 0, max: 2).doubles[1].isNaN)
    #expect(try x.relu().doubles[1].isNaN)
    #expect(try x.sorted().values.doubles.last!.isNaN)
    #expect(try Tensor([0.0]).log().doubles == [-.infinity])
    #expect(try (Tensor([1.0]) / Tensor([0.0])).doubles == [.infinity])
    #expect(try Tensor.binary(.floorDivide, Tensor([Int64(7)]), Tensor([Int64(0)])).int64s == [0])
  }

  @Test func integerArithmeticWrapsAndDividesLikePython() throws {
    let big = try Tensor([Int64.max])
    #expect(try (big + 1).int64s == [Int64.min])
    let u = try Tensor([UInt8(250)])
    #expect(try (u + 10).int64s == [4])
    #expect(try (u + 10).dtype == .uint8)
    let a = try Tensor([Int64(-7), 7, -7, 7]), b = try Tensor([Int64(2), -2, -2, 2])
    #expect(try Tensor.binary(.floorDivide, a, b).int64s == [-4, -4, 3, 3])
    #expect(try Tensor.binary(.remainder, a, b).int64s == [1, -1, -1, 1])
    #expect(try Tensor.binary(.power, Tensor([Int64(3)]), Tensor([Int64(4)])).int64s == [81])
    #expect(try Tensor([true, true]).sum().int64s == [2])
    #expect(try Tensor([Int32(1), 2]).sum().dtype == .int64)
    #expect(try Tensor([Int32(1), 2]).mean().dtype == .float64)
    #expect(try Tensor([1e300, -2.7, 3.9]).casted(to: .uint8).int64s == [0, 254, 3])
    #expect(try Tensor([.nan, 2.9]).casted(to: .int64).int64s == [Int64.min, 2])
  }

  @Test func valueSemanticsAndWriteThrough() throws {
    let a = try Tensor([1.0, 2.0, 3.0])
    var b = a
    try b += 1.0
    #expect(a.doubles == [1, 2, 3])
    #expect(b.doubles == [2, 3, 4])
    let view = try a.item([.slice(1, nil, nil)])
    try view.applyInPlace(.multiply, .double(10))
    #expect(a.doubles == [1, 20, 30], "write-through reaches the base like a NumPy view")
    try a.fillInPlace(.int(0))
    #expect(view.doubles == [0, 0])
    var c = a
    try c.setItem([.index(0)], Tensor(9.0))
    #expect(a.doubles == [0, 0, 0])
    #expect(c.doubles == [9, 0, 0])
    let t = try Tensor.arange(.int(0), .int(6)).reshaped([2, 3])
    #expect(t.T.isContiguous == false)
    #expect(t.T.contiguous().isContiguous)
    #expect(try t.flipped(axes: [1]).int64s == [2, 1, 0, 5, 4, 3])
    #expect(try t.T.reshaped([6]).int64s == [0, 3, 1, 4, 2, 5])
  }

  @Test func nonLeafInPlaceRecordsHistory() throws {
    let x = try Tensor([1.0, 2.0]).requiringGrad()
    var y = try x * 2.0
    try y *= y
    try y.sum().backward()
    #expect(x.grad?.doubles == [8, 16])
    var leaf = x
    #expect(throws: TensorError.self) { try leaf += 1.0 }
  }
}
