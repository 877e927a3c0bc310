import torch
import torch.nn as nn

torch.manual_seed(0)
conv = nn.Conv2d(2, 3, 3)
print(conv)
print(conv.weight.shape, conv.bias.shape)
print(conv.bias)
x = torch.randn(1, 2, 5, 5)
y = conv(x)
print(y.shape)
print(y)
print(conv.kernel_size, conv.stride, conv.padding, conv.dilation, conv.in_channels, conv.out_channels)
for k, s, p in [(3, 1, 0), (3, 1, 1), (5, 2, 2), (2, 2, 0), (3, 3, 1)]:
    c = nn.Conv2d(2, 4, k, stride=s, padding=p)
    print(k, s, p, tuple(c(torch.randn(2, 2, 9, 9)).shape), (9 - k + 2 * p) // s + 1)
c = nn.Conv2d(1, 1, (2, 3), stride=(1, 2), padding=(0, 1), bias=False)
print(c)
print(c(torch.ones(1, 1, 4, 6)).shape)
d = nn.Conv2d(1, 2, 3, dilation=2)
print(d, d(torch.randn(1, 1, 7, 7)).shape)
s = nn.Conv2d(3, 2, 3, padding='same')
print(s, s(torch.randn(1, 3, 6, 6)).shape)
print(nn.Conv2d(3, 2, 3, padding=0)(torch.randn(3, 8, 8)).shape)
