import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(2)
c = nn.Conv1d(3, 4, 3)
print(c)
print(c.weight.shape)
x = torch.randn(2, 3, 10)
y = c(x)
print(y.shape)
print(y[0])
c2 = nn.Conv1d(1, 2, 5, stride=2, padding=2, bias=False)
print(c2, c2(torch.randn(1, 1, 11)).shape)
print(F.conv1d(x, c.weight, c.bias).shape)
print(torch.allclose(F.conv1d(x, c.weight, c.bias), y))
