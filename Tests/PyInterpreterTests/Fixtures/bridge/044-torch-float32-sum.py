import torch
torch.manual_seed(42)
x = torch.rand(5)
print(x.sum().item())
print(x.mean().item())
