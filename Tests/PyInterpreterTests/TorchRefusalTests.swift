import Testing

@testable import PyInterpreter

/// What the torch bridge cannot answer as PyTorch would is refused at the call, naming it.
@Suite struct TorchRefusalTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let source: String
    let error: String
    var testDescription: String { error }
  }

  static let prelude =
    "import torch\nimport torch.nn.functional as F\n"
    + "a = torch.ones(3, requires_grad=True)\n"

  static let cases: [Case] = [
    // A composite renamed after PyTorch's single node: its inputs are not PyTorch's.
    Case(
      source: "F.l1_loss(a * 2, torch.zeros(3)).grad_fn.next_functions",
      error: "NotImplementedError: MeanBackward0.next_functions is not supported in journal "
        + "cells (the engine computes this step differently from PyTorch)"),
    Case(
      source: "(3 / a).grad_fn.next_functions[0][0].next_functions",
      error: "NotImplementedError: ReciprocalBackward0.next_functions is not supported in "
        + "journal cells (the engine computes this step differently from PyTorch)"),
    Case(
      source: "(a * 2).grad_fn.next_functions[0][0].variable",
      error: "NotImplementedError: grad_fn.variable is not supported in journal cells"),
    Case(
      source: "torch.add(a, a, alpha=0.1)",
      error: "NotImplementedError: torch.Tensor.add(alpha=0.1) is not supported in journal "
        + "cells (only powers of two are exact without PyTorch's fused multiply-add)"),
    Case(
      source: "torch.mul(torch.ones(2), 2, out=torch.zeros(3))",
      error: "NotImplementedError: torch.mul(out=...) of another shape or dtype than the result "
        + "is not supported in journal cells"),
    Case(
      source: "torch.set_default_device('cuda')",
      error: "NotImplementedError: torch device 'cuda' is not supported in journal cells "
        + "(cpu only)"),
    Case(
      source: "torch.div(a, 2, rounding_mode='floor')",
      error: "NotImplementedError: torch.div(rounding_mode=...) is not supported in journal cells"),
    Case(
      source: "torch.utils.data.DataLoader([1, 2], collate_fn=list)",
      error: "NotImplementedError: torch.utils.data.DataLoader(collate_fn=...) is not supported "
        + "in journal cells"),
    Case(
      source: "torch.optim.lr_scheduler.LambdaLR(torch.optim.SGD([a], lr=1), [abs])",
      error: "NotImplementedError: LambdaLR(lr_lambda=list) (one function per group) is not "
        + "supported in journal cells"),
    Case(
      source: "torch.optim.lr_scheduler.StepLR(torch.optim.SGD([a], lr=1), 2, last_epoch=3)",
      error: "NotImplementedError: torch.optim.lr_scheduler.StepLR(last_epoch=...) is not "
        + "supported in journal cells"),
    // Not a refusal but CPython's own error: return_types index as tuples do.
    Case(
      source: "torch.max(torch.ones(2, 2), 1)['values']",
      error: "TypeError: tuple indices must be integers or slices, not str"),
  ]

  @Test(arguments: TorchRefusalTests.cases)
  func refusesAtTheCall(_ c: Case) {
    let session = Interpreter()
    registerBridge(in: session)
    do {
      try session.run(source: TorchRefusalTests.prelude + c.source + "\n", filename: "cell.py")
      Issue.record("expected \(c.error)")
    } catch let error as PythonError {
      #expect("\(error.typeName): \(error.message)" == c.error)
      #expect(error.location?.line == 4)
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }
}
