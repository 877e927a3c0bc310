import torch
import torch.nn as nn

torch.manual_seed(11)
a = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Linear(4, 2))
b = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Linear(4, 2))
x = torch.randn(5, 3)
a(x)
sd = a.state_dict()
print(list(sd.keys()))
print(sd['1.running_mean'])
print(sd['0.bias'])
print(b.load_state_dict(sd))
a.eval()
b.eval()
print(torch.equal(a(x), b(x)))
print(b[0].weight)
sd2 = {k: v for k, v in sd.items() if not k.startswith('3')}
try:
    b.load_state_dict(sd2)
except RuntimeError as e:
    print("RuntimeError")
    print(e)
r = b.load_state_dict(sd2, strict=False)
print(r.missing_keys, r.unexpected_keys)
lin = nn.Linear(2, 2)
with torch.no_grad():
    lin.weight.copy_(torch.eye(2))
    lin.bias.fill_(0.5)
print(lin.state_dict())
print(lin(torch.tensor([[1.0, 2.0]])))
