import torch
import torch.nn as nn

torch.manual_seed(38)

def init(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight)
        nn.init.constant_(m.bias, 0.01)
    elif isinstance(m, nn.Conv2d):
        nn.init.kaiming_normal_(m.weight, nonlinearity='relu')
        nn.init.zeros_(m.bias)
    elif isinstance(m, nn.BatchNorm2d):
        nn.init.ones_(m.weight)
        nn.init.zeros_(m.bias)

net = nn.Sequential(
    nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.AvgPool2d(2),
    nn.Flatten(), nn.Linear(4 * 4 * 4, 10), nn.LeakyReLU(0.1), nn.Linear(10, 2))
net.apply(init)
print(net[0].weight[0, 0])
print(net[5].bias[:3])
x = torch.randn(12, 1, 8, 8)
y = (x.mean(dim=(1, 2, 3)) > 0).long()
opt = torch.optim.Adagrad(net.parameters(), lr=0.1)
sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.8)
for epoch in range(8):
    opt.zero_grad()
    loss = nn.functional.cross_entropy(net(x), y)
    loss.backward()
    opt.step()
    sched.step()
    print(epoch, f"{loss.item():.4f}", f"{sched.get_last_lr()[0]:.5f}")
net.eval()
print((net(x).argmax(1) == y).float().mean())
