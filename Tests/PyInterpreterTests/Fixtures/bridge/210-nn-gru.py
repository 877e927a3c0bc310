import torch
import torch.nn as nn

torch.manual_seed(8)
gru = nn.GRU(2, 3, batch_first=True)
print(gru)
x = torch.randn(2, 4, 2)
out, h = gru(x)
print(out)
print(h)
out2, h2 = gru(x[:, :2], None)
out3, h3 = gru(x[:, 2:], h2)
print(torch.allclose(h3, h, atol=1e-6))
g2 = nn.GRU(2, 3, num_layers=2, bias=False)
print(g2)
print([n for n, _ in g2.named_parameters()])
o, hn = g2(torch.randn(3, 1, 2))
print(o.shape, hn.shape)
print(hn)
