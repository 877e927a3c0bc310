import torch
from torch.utils.data import Dataset, DataLoader, Subset, TensorDataset, random_split

torch.manual_seed(1)
x = torch.randn(2, 3)
y = torch.randn(3, 4)
print(x.matmul(y))
print(torch.matmul(x, y, out=torch.zeros(2, 4)))
print(x.add(1), x.add(y[:, :3][:2], alpha=2), torch.add(x, 2, alpha=-0.5))
print(x.sub(0.5), torch.sub(x, x, alpha=4), x.mul(3), torch.mul(x, x), x.div(4), torch.div(x, 3))
print(torch.tensor([1, 2, 3]).add(torch.tensor([4, 5, 6]), alpha=3), torch.tensor([7, 8]).div(2))
z = torch.zeros(2, 3)
r = torch.mul(x, x, out=z)
print(r is z, z)
print(torch.exp(x, out=torch.zeros(2, 3)).shape)
t = torch.arange(24.).reshape(2, 3, 4)
print(t.flatten(), t.flatten(1), torch.flatten(t, 0, 1).shape, t.flatten(-2, -1).shape)
print(t.transpose(0, 2).shape, torch.transpose(t, 1, -1).shape, t.permute(2, 0, 1).shape)
print(t.permute((1, 0, 2)).shape, torch.permute(t, (2, 1, 0)).shape, t.permute([0, 2, 1])[0])
print(x.softmax(dim=1), x.log_softmax(0), x.softmax(-1, dtype=torch.float64))
a = torch.tensor([3., 7., 11.], requires_grad=True)
for name, v in [("2*a", 2 * a), ("2-a", 2 - a), ("3/a", 3 / a), ("a**2", a ** 2), ("2**a", 2 ** a),
                ("a.pow(2)", a.pow(2)), ("a.t()", a.t())]:
    print(name, v, v.grad_fn.name())
print((3 / a).grad_fn.next_functions[1], (2 * a).grad_fn.next_functions[1])
b = torch.tensor([1, 2, 3])
print(3 / b, 2 - b, 2.5 - b, 10 / torch.tensor([3., 7., 9.]))
(a.t() * a).sum().backward()
print(a.grad)
try:
    torch.tensor([1, 2]).add(torch.tensor([1, 2]), alpha=0.5)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    torch.matmul(a, a, out=torch.zeros(()))
except RuntimeError as e:
    print("RuntimeError:", str(e)[:60])


class Squares(Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return torch.tensor([float(i), float(i * i)])


ds = Squares(10)
print(isinstance(ds, Dataset), len(ds))
train, test = random_split(ds, [7, 3])
print(len(train), len(test), train.indices, test.indices, train[0])
g = torch.Generator().manual_seed(42)
parts = random_split(ds, [0.5, 0.3, 0.2], generator=g)
print([p.indices for p in parts], g.initial_seed())
parts = random_split(range(7), [0.5, 0.5], generator=torch.Generator().manual_seed(0))
print([list(p) for p in parts])
sub = Subset(ds, [9, 1, 4])
print(len(sub), sub[-1], sub.indices)
for batch in DataLoader(sub, batch_size=2):
    print(batch)
for batch in DataLoader(TensorDataset(torch.arange(6), torch.arange(6) * 10), batch_size=4,
                        shuffle=True, num_workers=0, pin_memory=False):
    print(batch)
print(torch.get_default_device())
torch.set_default_device("cpu")
print(torch.rand(2))
try:
    Dataset()[0]
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    random_split(ds, [5, 6])
except ValueError as e:
    print("ValueError:", e)
