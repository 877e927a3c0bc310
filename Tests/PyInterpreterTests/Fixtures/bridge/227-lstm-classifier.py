import torch
import torch.nn as nn

torch.manual_seed(27)

class SeqNet(nn.Module):
    def __init__(self, vocab, emb, hidden, classes):
        super().__init__()
        self.emb = nn.Embedding(vocab, emb)
        self.lstm = nn.LSTM(emb, hidden, batch_first=True)
        self.out = nn.Linear(hidden, classes)

    def forward(self, x):
        e = self.emb(x)
        o, (h, c) = self.lstm(e)
        return self.out(h[-1])

net = SeqNet(6, 4, 8, 2)
print(net)
x = torch.randint(0, 6, (10, 5))
y = torch.tensor([int(3 in row) for row in x.tolist()])
opt = torch.optim.RMSprop(net.parameters(), lr=0.02)
for step in range(20):
    opt.zero_grad()
    loss = nn.CrossEntropyLoss()(net(x), y)
    loss.backward()
    nn.utils.clip_grad_norm_(net.parameters(), 1.0)
    opt.step()
    if step % 4 == 0:
        print(step, f"{loss.item():.4f}")
print(net(x).argmax(1).tolist(), y.tolist())
