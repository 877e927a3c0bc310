import torch

x = torch.tensor([[0.5, 1.5, -2.5, 2.4], [-0.6, 3.7, 0.0, -1.2]])
print(x.round())
print(x.floor())
print(x.ceil())
print(x.round().dtype, x.floor().shape)
m = x > 1
print(m.any(), m.all())
print(m.any(1), m.all(0))
print(m.any(dim=1, keepdim=True))
print((x > 5).any().item(), (x > -3).all().item())
print(torch.tensor([0, 2, 0]).any(), torch.tensor([1, 2, 3]).all())
pred = torch.tensor([0.2, 0.7, 0.5, 0.9])
print((pred.round() == torch.tensor([0.0, 1.0, 0.0, 1.0])).float().mean())
idx = torch.tensor([3, 0, 1])
print(x[:, idx], x[1][idx], x[torch.tensor([1, 0])])
