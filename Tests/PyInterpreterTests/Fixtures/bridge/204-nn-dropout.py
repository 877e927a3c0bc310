import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(3)
d = nn.Dropout(0.5)
print(d)
x = torch.ones(4, 6)
print(d(x))
print(d.training)
d.eval()
print(d.training)
print(d(x))
d.train()
print(d(x))
print(nn.Dropout(p=0.2)(torch.ones(10)))
print(F.dropout(torch.ones(8), p=0.25))
print(F.dropout(torch.ones(8), p=0.25, training=False))
print(nn.Dropout(0.0)(torch.ones(3)))
y = torch.ones(2, 3, requires_grad=True)
out = nn.Dropout(0.5)(y)
print(out)
out.sum().backward()
print(y.grad)
