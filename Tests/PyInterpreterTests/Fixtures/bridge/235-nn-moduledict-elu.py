import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(35)

class Heads(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(3, 4)
        self.heads = nn.ModuleDict({'a': nn.Linear(4, 1), 'b': nn.Linear(4, 2)})
        self.act = nn.ModuleDict([('elu', nn.ELU()), ('sp', nn.Softplus())])

    def forward(self, x, head):
        return self.heads[head](self.act['elu'](self.trunk(x)))

m = Heads()
print(m)
print(list(m.heads.keys()), len(m.heads), 'a' in m.heads, 'c' in m.heads)
x = torch.randn(2, 3)
print(m(x, 'a'))
print(m(x, 'b'))
print([n for n, _ in m.named_parameters()])
for k in m.heads:
    print(k, m.heads[k])
m.heads['c'] = nn.Linear(4, 3)
print(len(list(m.parameters())))
v = torch.linspace(-3, 3, 7) if hasattr(torch, 'linspace') else torch.arange(-3.0, 4.0)
v = torch.arange(-3.0, 4.0) * 7
print(nn.ELU()(v), nn.ELU(alpha=0.5)(v))
print(nn.Softplus()(v), nn.Softplus(beta=2, threshold=5)(v))
print(F.elu(v), F.softplus(v))
print(nn.ELU(0.5), nn.Softplus(beta=2))
