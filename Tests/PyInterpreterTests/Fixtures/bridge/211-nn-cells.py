import torch
import torch.nn as nn

torch.manual_seed(9)
rc = nn.RNNCell(3, 4)
lc = nn.LSTMCell(3, 4)
gc = nn.GRUCell(3, 4)
print(rc, lc, gc, nn.RNNCell(3, 4, nonlinearity='relu'), nn.GRUCell(2, 2, bias=False))
print([n for n, _ in lc.named_parameters()])
x = torch.randn(5, 2, 3)
h = torch.zeros(2, 4)
for t in range(5):
    h = rc(x[t], h)
print(h)
hl, cl = torch.zeros(2, 4), torch.zeros(2, 4)
for t in range(5):
    hl, cl = lc(x[t], (hl, cl))
print(hl)
print(cl)
hg = gc(x[0])
print(hg)
hg = gc(x[1], hg)
print(hg)
print(rc(torch.randn(3)).shape)
