import torch
import torch.nn as nn

torch.manual_seed(37)
letters = "abcdefgh"
names = [("abc", 0), ("bad", 0), ("cafe", 1), ("face", 1), ("hedge", 2), ("egg", 2)]

class NameNet(nn.Module):
    def __init__(self, n_letters, hidden, n_classes):
        super().__init__()
        self.hidden = hidden
        self.rnn = nn.RNN(n_letters, hidden)
        self.out = nn.Linear(hidden, n_classes)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, x):
        _, h = self.rnn(x)
        return self.softmax(self.out(h[0]))

def encode(name):
    t = torch.zeros(len(name), 1, len(letters))
    for i, ch in enumerate(name):
        t[i][0][letters.index(ch)] = 1
    return t

net = NameNet(len(letters), 12, 3)
print(net)
crit = nn.NLLLoss()
opt = torch.optim.SGD(net.parameters(), lr=0.05)
for epoch in range(40):
    total = 0.0
    for name, cat in names:
        opt.zero_grad()
        loss = crit(net(encode(name)), torch.tensor([cat]))
        loss.backward()
        opt.step()
        total += loss.item()
    if epoch % 10 == 9:
        print(epoch, f"{total / len(names):.4f}")
with torch.no_grad():
    for name, cat in names:
        out = net(encode(name))
        print(name, cat, out.argmax(1).item(), f"{out.max().exp().item():.3f}")
