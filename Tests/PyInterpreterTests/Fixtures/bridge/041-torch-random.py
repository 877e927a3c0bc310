import torch
torch.manual_seed(0)
print(torch.rand(3))
print(torch.rand(2, 2))
torch.manual_seed(42)
x = torch.rand(5)
print(x)
print(x.sum(), x.mean(), x.max())
print(x.argmax())
