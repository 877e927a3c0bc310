import torch
import torch.nn as nn

torch.manual_seed(1973)
torch.backends.cudnn.deterministic = True
model = nn.Sequential(
    nn.Linear(4, 8, bias=False), nn.BatchNorm1d(8), nn.ReLU(), nn.Dropout(0.3), nn.Linear(8, 2))
print(model)
x = torch.randn(16, 4)
y = (x[:, 0] > 0).long()
opt = torch.optim.Adam(model.parameters(), lr=0.02)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=5, gamma=0.5)
for epoch in range(12):
    model.train()
    opt.zero_grad()
    loss = nn.CrossEntropyLoss()(model(x), y)
    loss.backward()
    opt.step()
    sched.step()
    model.eval()
    with torch.no_grad():
        acc = (model(x).argmax(1) == y).float().mean().item()
    print(epoch, f"{loss.item():.4f}", f"{acc:.4f}", sched.get_last_lr())
print(model[1].running_mean)
print(model[1].num_batches_tracked)
model.eval()
a = model(x[:3])
b = model(x[:3])
print(torch.equal(a, b))
model.train()
c = model(x[:3])
print(torch.equal(a, c))
