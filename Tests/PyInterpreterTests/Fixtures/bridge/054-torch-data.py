import torch
from torch.utils.data import TensorDataset, DataLoader
import torch.nn as nn
import torch.optim as optim
torch.manual_seed(0)
X = torch.arange(20.0).reshape(10, 2) / 10
y = torch.arange(10) % 2
ds = TensorDataset(X, y)
print(len(ds))
print(ds[3])
loader = DataLoader(ds, batch_size=4)
print(len(loader))
for xb, yb in loader:
    print(xb.shape, yb)
model = nn.Linear(2, 2)
opt = optim.SGD(model.parameters(), lr=0.5)
sched = optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(4):
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item()
    sched.step()
    print(epoch, f"{total:.4f}", sched.get_last_lr())
