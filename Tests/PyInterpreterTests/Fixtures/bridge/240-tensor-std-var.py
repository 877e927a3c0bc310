import torch

x = torch.tensor([[1.0, 2.0, 4.0], [3.0, 5.0, 9.0]])
print(x.std(), x.var())
print(x.std(unbiased=False), x.var(correction=0))
print(x.std(0), x.var(1))
print(x.std(dim=1, keepdim=True))
print(x.std(1, False))
print(f"{x.std().item():.6f}")
w = torch.tensor([1.0, 2.0, 6.0], requires_grad=True)
w.std().backward()
print(w.grad)
