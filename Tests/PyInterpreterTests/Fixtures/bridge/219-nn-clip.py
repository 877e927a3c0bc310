import torch
import torch.nn as nn

torch.manual_seed(17)
model = nn.Linear(4, 3)
out = (model(torch.randn(8, 4)) * 10).pow(2).sum()
out.backward()
total = sum(p.grad.norm() ** 2 for p in model.parameters()) ** 0.5
print(round(total.item(), 2))
n = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
print(round(n.item(), 2))
after = sum(p.grad.norm() ** 2 for p in model.parameters()) ** 0.5
print(round(after.item(), 4))
nn.utils.clip_grad_value_(model.parameters(), 0.1)
print(model.bias.grad)
print(model.weight.grad.abs().max() <= 0.1)
n2 = torch.nn.utils.clip_grad_norm_(model.parameters(), 100.0)
print(round(n2.item(), 4))
