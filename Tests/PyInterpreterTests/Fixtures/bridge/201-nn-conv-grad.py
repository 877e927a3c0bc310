import torch
import torch.nn as nn

torch.manual_seed(1)
conv = nn.Conv2d(1, 2, 2, stride=1, padding=1)
x = torch.arange(16, dtype=torch.float32).reshape(1, 1, 4, 4) / 10
y = conv(x)
print(y.shape)
print(y.grad_fn is not None, y.requires_grad)
loss = (y ** 2).mean()
loss.backward()
print(round(loss.item(), 4))
print(conv.weight.grad)
print(conv.bias.grad)
x2 = torch.randn(2, 1, 4, 4, requires_grad=True)
conv(x2).sum().backward()
print(x2.grad.shape)
print(x2.grad[0])
