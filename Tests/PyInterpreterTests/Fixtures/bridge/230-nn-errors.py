import torch
import torch.nn as nn

torch.manual_seed(30)
cases = [
    lambda: nn.Linear(3, 2)(torch.randn(4, 5)),
    lambda: nn.Conv2d(3, 6, 5)(torch.randn(1, 1, 32, 32)),
    lambda: nn.Conv2d(1, 6, 5)(torch.randn(1, 1, 3, 3)),
    lambda: nn.LSTM(3, 4)(torch.randn(5, 2, 6)),
    lambda: nn.BatchNorm1d(3)(torch.randn(2, 3, 4, 4)),
    lambda: nn.Dropout(1.5),
    lambda: nn.CrossEntropyLoss(reduction='avg')(torch.randn(2, 3), torch.tensor([0, 1])),
    lambda: nn.Module()(torch.ones(1)),
    lambda: torch.optim.SGD([], lr=0.1),
    lambda: nn.Embedding(4, 2)(torch.tensor([0.5])),
    lambda: nn.Sequential(nn.Linear(2, 2))[3],
]
for f in cases:
    try:
        f()
        print("no error")
    except (RuntimeError, ValueError, IndexError, NotImplementedError, TypeError) as e:
        print(type(e).__name__ + ":", e)
