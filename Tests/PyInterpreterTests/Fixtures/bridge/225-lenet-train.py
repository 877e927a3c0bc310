import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1973)

class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.conv2 = nn.Conv2d(4, 8, 3)
        self.fc1 = nn.Linear(8 * 2 * 2, 16)
        self.fc2 = nn.Linear(16, 3)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(x.size(0), -1)
        x = F.relu(self.fc1(x))
        return self.fc2(x)

net = LeNet()
print(net)
x = torch.randn(24, 1, 12, 12)
y = torch.randint(0, 3, (24,))
x[y == 1, :, :6] += 1.0
x[y == 2, :, 6:] -= 1.0
opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
crit = nn.CrossEntropyLoss()
for epoch in range(15):
    opt.zero_grad()
    out = net(x)
    loss = crit(out, y)
    loss.backward()
    opt.step()
    acc = (out.argmax(1) == y).float().mean().item()
    if epoch % 3 == 0:
        print(epoch, f"{loss.item():.4f}", f"{acc:.3f}")
net.eval()
with torch.no_grad():
    pred = net(x).argmax(dim=1)
print(pred)
print((pred == y).sum().item(), len(y))
