import torch
import torch.nn as nn

torch.manual_seed(4)
bn = nn.BatchNorm1d(3)
print(bn)
x = torch.randn(6, 3) * 2 + 1
y = bn(x)
print(y)
print(bn.running_mean)
print(bn.running_var)
print(bn.num_batches_tracked)
bn.eval()
print(bn(x))
bn2 = nn.BatchNorm2d(2, momentum=0.5)
print(bn2)
z = torch.randn(3, 2, 4, 4)
out = bn2(z)
print(out.shape)
print(bn2.running_mean, bn2.running_var)
out.sum().backward()
print(bn2.bias.grad)
print([n for n, _ in bn2.named_parameters()])
print(list(bn2.state_dict().keys()))
print(nn.BatchNorm1d(4)(torch.randn(2, 4, 5)).shape)
try:
    nn.BatchNorm2d(2)(torch.randn(2, 2))
except ValueError as e:
    print("ValueError:", e)
