import math
import torch
import torch.nn as nn

torch.manual_seed(28)
gru = nn.GRU(1, 6)
head = nn.Linear(6, 1)
params = list(gru.parameters()) + list(head.parameters())
opt = torch.optim.Adam(params, lr=0.03)
t = torch.arange(0, 20, dtype=torch.float32) * 0.3
seq = torch.sin(t).reshape(20, 1, 1)
for epoch in range(25):
    opt.zero_grad()
    out, h = gru(seq[:-1])
    pred = head(out)
    loss = ((pred - seq[1:]) ** 2).mean()
    loss.backward()
    opt.step()
    if epoch % 5 == 0:
        print(epoch, f"{loss.item():.5f}")
with torch.no_grad():
    out, h = gru(seq[:-1])
    print(head(out[-3:]).reshape(-1))
    print(h.shape)
