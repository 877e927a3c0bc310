import torch
from torch.autograd import Function, Variable


class Scale(Function):
    @staticmethod
    def forward(ctx, x, k):
        ctx.k = k
        ctx.save_for_backward(x)
        return x * k

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * ctx.k + x, None


class Clip(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.clamp(min=0)

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        g = grad.clone()
        g[x < 0] = 0
        return g


a = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
y = Scale.apply(a, 3.0)
print(y, y.requires_grad, y.is_leaf)
y.sum().backward()
print(a.grad)
b = torch.full((), 2.0, requires_grad=True)
z = Clip.apply(b * a - 1)
print(z)
(z * z).sum().backward()
print(b.grad, a.grad)
print(Scale.apply(torch.ones(2), 2.0).requires_grad)
with torch.no_grad():
    print(Scale.apply(a, 2.0).requires_grad)


class WrongCount(Scale):
    @staticmethod
    def backward(ctx, grad):
        return grad


class WrongShape(Scale):
    @staticmethod
    def backward(ctx, grad):
        return torch.ones(2), None


for cls in [WrongCount, WrongShape]:
    try:
        cls.apply(a, 2.0).sum().backward()
    except RuntimeError as e:
        print(type(e).__name__, e)

v = Variable(torch.tensor([1.0, 2.0]), requires_grad=True)
print(v, v.is_leaf)
w = Variable(v * 2)
print(w, w.requires_grad, w.is_leaf)
for bad in [lambda: Variable([1, 2]), lambda: Variable(torch.tensor([1, 2]), requires_grad=True)]:
    try:
        bad()
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)

print(torch.Tensor([1, 2, 3]), torch.LongTensor([[1, 2]]), torch.FloatTensor([True]))
print(torch.Tensor(2, 3).shape, torch.LongTensor(2).dtype, torch.Tensor().shape)
print(torch.DoubleTensor([1.5]).dtype, torch.IntTensor([1]).dtype, torch.ByteTensor([3]).dtype)
p = torch.tensor([0.5, -0.5], requires_grad=True)
p.grad = torch.tensor([1.0, 2.0])
print(p.grad)
p.grad = None
print(p.grad)
try:
    p.grad = torch.ones(3)
except RuntimeError as e:
    print(e)
print(repr(torch.device("cuda")), str(torch.device("cuda", 1)), torch.device("cuda:0").index)
print(torch.device("cpu") == "cpu", torch.accelerator.is_available())
