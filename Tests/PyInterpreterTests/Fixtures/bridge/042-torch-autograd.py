import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print(x)
y = (x * x).sum()
print(y)
y.backward()
print(x.grad)
w = torch.tensor([[0.5, -0.5], [1.0, 2.0]], requires_grad=True)
b = torch.zeros(2, requires_grad=True)
inp = torch.tensor([[1.0, 2.0]])
out = inp @ w + b
print(out)
loss = (out ** 2).mean()
print(loss)
loss.backward()
print(w.grad)
print(b.grad)
with torch.no_grad():
    w -= 0.1 * w.grad
    b -= 0.1 * b.grad
print(w)
print(b)
w.grad.zero_()
print(w.grad)
print(loss.item())
print(x.detach(), x.requires_grad, x.detach().requires_grad)
