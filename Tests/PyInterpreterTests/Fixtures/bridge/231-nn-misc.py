import torch
import torch.nn as nn

torch.manual_seed(31)

class Scaled(nn.Module):
    def __init__(self, k):
        super().__init__()
        self.k = k
        self.lin = nn.Linear(2, 2)
        self.register_buffer('offset', torch.ones(2))

    def extra_repr(self):
        return f"k={self.k}"

    def forward(self, x):
        return self.lin(x) * self.k + self.offset

m = Scaled(3)
print(m)
print(list(m.state_dict().keys()))
print([n for n, _ in m.named_buffers()])
print(len(list(m.parameters())))
print(m(torch.zeros(1, 2)))
print(isinstance(torch.ones(2), torch.Tensor), isinstance(m.lin.weight, torch.Tensor))
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
print(device, device.type)
m = m.to(device)
x = torch.randn(3, 2).to(device)
print(x.shape, torch.cuda.is_available())
torch.backends.cudnn.deterministic = True
torch.backends.cudnn.benchmark = False
outer = nn.Sequential(nn.Sequential(nn.Linear(2, 3), nn.ReLU()), Scaled(1))
print(outer)
print([n for n, _ in outer.named_modules()])
print(type(outer[0][0]).__name__, outer[0][0].in_features)
