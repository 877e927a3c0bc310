import Foundation
import Testing

@testable import Tensors

@Suite struct DescriptionTests {
  @Test func numpyStrAndReprMatch() throws {
    let url = try #require(
      Bundle.module.url(
        forResource: "printing", withExtension: "json",
        subdirectory: "Fixtures/ops"))
    let cases = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
    #expect(cases.count == 21)
    for c in cases {
      let t = decodeTensor(c["input"] as? [String: Any] ?? [:])
      #expect(t.numpyString() == c["str"] as? String)
      #expect(t.numpyString(repr: true) == c["repr"] as? String)
    }
  }

  @Test func torchRepr() throws {
    let t = try Tensor([Float(1), 2.5, -3])
    #expect(t.torchString() == "tensor([ 1.0000,  2.5000, -3.0000])")
    #expect(try Tensor([Int64(1), 2]).torchString() == "tensor([1, 2])")
    let g = try Tensor([Float(1), 2]).requiringGrad()
    #expect(g.torchString() == "tensor([1., 2.], requires_grad=True)")
    #expect(try (g * 2.0).torchString() == "tensor([2., 4.], grad_fn=<MulBackward0>)")
  }
}
