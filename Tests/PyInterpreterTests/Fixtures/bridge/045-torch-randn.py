import torch
torch.manual_seed(0)
print(torch.randn(3))
print(torch.randn(2, 4))
torch.manual_seed(1)
w = torch.randn(4, 5, requires_grad=True)
print(w)
print(torch.randn(20))
