import torch
import torch.nn as nn

torch.manual_seed(13)

class Stack(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(4, 4) for _ in range(n)])
        self.head = nn.Linear(4, 2)

    def forward(self, x):
        for layer in self.layers:
            x = torch.tanh(layer(x))
        return self.head(x)

s = Stack(3)
print(s)
print(len(s.layers))
print(s(torch.ones(2, 4)))
s.layers.append(nn.Linear(4, 4, bias=False))
print(s.layers)
print(len(list(s.parameters())))
seq = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 2), nn.Sigmoid())
print(seq[1:3])
print(seq[-1])
print([type(m).__name__ for m in seq])
seq.append(nn.Softmax(dim=1))
print(seq)
