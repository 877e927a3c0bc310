import torch
import torch.nn as nn

torch.manual_seed(29)
cell = nn.LSTMCell(2, 3)
lstm = nn.LSTM(2, 3)
with torch.no_grad():
    lstm.weight_ih_l0.copy_(cell.weight_ih)
    lstm.weight_hh_l0.copy_(cell.weight_hh)
    lstm.bias_ih_l0.copy_(cell.bias_ih)
    lstm.bias_hh_l0.copy_(cell.bias_hh)
x = torch.randn(4, 1, 2)
h = torch.zeros(1, 3)
c = torch.zeros(1, 3)
outs = []
for t in range(4):
    h, c = cell(x[t], (h, c))
    outs.append(h)
manual = torch.stack(outs)
out, (hn, cn) = lstm(x)
print(torch.allclose(manual, out, atol=1e-6))
print(torch.allclose(c, cn[0], atol=1e-6))
print(out.detach())
gc = nn.GRUCell(2, 3)
g = nn.GRU(2, 3)
g.load_state_dict({k + '_l0': v for k, v in gc.state_dict().items()})
h = torch.zeros(1, 3)
for t in range(4):
    h = gc(x[t], h)
print(torch.allclose(h, g(x)[1][0], atol=1e-6))
