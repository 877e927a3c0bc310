import torch
import torch.nn as nn
import torch.nn.functional as F

# The nodes whose next_functions the engine shows; the walk stops at any other.
SHOWN = {"AccumulateGrad", "AddBackward0", "SubBackward0", "MulBackward0", "DivBackward0",
         "NegBackward0", "MmBackward0", "AddmmBackward0", "TBackward0", "ViewBackward0",
         "UnsafeViewBackward0", "SqueezeBackward4", "UnsqueezeBackward0", "ReluBackward0",
         "SigmoidBackward0", "TanhBackward0", "ExpBackward0", "MseLossBackward0",
         "EmbeddingBackward0"}


def walk(g, depth=0):
    if g is None:
        return "None"
    name = g.name()
    if name not in SHOWN or depth > 4:
        return name
    return name + "(" + ", ".join(walk(n, depth + 1) + f":{i}" for n, i in g.next_functions) + ")"


torch.manual_seed(0)
a = torch.randn(3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
c = torch.randn(3)
m = torch.randn(2, 3, requires_grad=True)
cases = {
    "a + b": a + b, "a - b": a - b, "a * b": a * b, "a / b": a / b, "a * c": a * c,
    "c * a": c * a, "a + 2": a + 2, "a * 2": a * 2, "a - 1": a - 1, "a / 4": a / 4,
    "-a": -a, "relu": torch.relu(a), "sigmoid": a.sigmoid(), "tanh": torch.tanh(a),
    "exp": a.exp(), "(a * b + c).exp()": (a * b + c).exp(), "view": m.view(3, 2),
    "mm": m.mm(torch.randn(3, 2)), "t": m.t(), "unsqueeze": a.unsqueeze(0),
    "mse": F.mse_loss(a, c), "mse sum": F.mse_loss(a * 2, b, reduction="sum"),
    "mse none": F.mse_loss(a, b, reduction="none"),
    "mse int target": F.mse_loss(a, torch.arange(3)),
}
for bias in [True, False]:
    lin = nn.Linear(3, 2, bias=bias)
    for shape in [(3,), (4, 3), (5, 4, 3)]:
        cases[f"linear bias={bias} {shape}"] = lin(torch.randn(*shape))
        cases[f"linear bias={bias} {shape} x grad"] = lin(torch.randn(*shape, requires_grad=True))
    cases[f"F.linear bias={bias}"] = F.linear(m, torch.randn(4, 3, requires_grad=True),
                                              torch.randn(4) if bias else None)
emb = nn.Embedding(5, 2)
cases["embedding"] = emb(torch.tensor([1, 3]))
cases["embedding F"] = F.embedding(torch.tensor([0]), emb.weight)
net = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
cases["mlp mse"] = nn.MSELoss()(net(m), torch.zeros(2, 1))
for name, y in cases.items():
    print(name, y.dtype, walk(y.grad_fn))
y = a * b
print(y.grad_fn is y.grad_fn, y.grad_fn == y.grad_fn, a.grad_fn, c.grad_fn)
print(type(y.grad_fn).__name__, y.grad_fn.metadata)
print(repr(y.grad_fn).startswith("<MulBackward0 object at 0x"), str(y.grad_fn)[:13])
