import torch
import torch.nn as nn

torch.manual_seed(6)
rnn = nn.RNN(3, 4)
print(rnn)
for name, p in rnn.named_parameters():
    print(name, tuple(p.shape))
x = torch.randn(5, 2, 3)
out, h = rnn(x)
print(out.shape, h.shape)
print(out[-1])
print(h)
print(torch.equal(out[-1], h[0]))
h0 = torch.zeros(1, 2, 4)
out2, h2 = rnn(x, h0)
print(torch.equal(out2, out))
r2 = nn.RNN(3, 4, num_layers=2, nonlinearity='relu', batch_first=True)
print(r2)
o, hn = r2(torch.randn(2, 5, 3))
print(o.shape, hn.shape)
print(hn)
o1, h1 = rnn(torch.randn(6, 3))
print(o1.shape, h1.shape)
