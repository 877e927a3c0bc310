import torch
import torch.nn as nn

torch.manual_seed(10)

class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 4, 3)
        self.pool = nn.MaxPool2d(2)
        self.drop = nn.Dropout(0.25)
        self.fc = nn.Sequential(nn.Flatten(), nn.Linear(4 * 3 * 3, 8), nn.ReLU(), nn.Linear(8, 3))
        self.scale = nn.Parameter(torch.ones(1))

    def forward(self, x):
        x = self.pool(torch.relu(self.conv1(x)))
        x = self.drop(x)
        return self.fc(x) * self.scale

net = Net()
print(net)
print(sum(p.numel() for p in net.parameters()))
for name, p in net.named_parameters():
    print(name, tuple(p.shape), p.requires_grad)
print([name for name, _ in net.named_children()])
print([type(m).__name__ for m in net.modules()])
print(list(net.state_dict().keys()))
print(net.training, net.fc.training)
net.eval()
print(net.training, net.fc.training, net.fc[1].training)
out = net(torch.randn(2, 1, 8, 8))
print(out.shape)
net.train()
print(net.drop.training)
print(net.fc[1])
print(net.fc[-1].out_features, len(net.fc))
print(isinstance(net, nn.Module), isinstance(net.fc[1], nn.Linear), isinstance(net.pool, nn.Linear))
print(net.to('cpu') is net)
