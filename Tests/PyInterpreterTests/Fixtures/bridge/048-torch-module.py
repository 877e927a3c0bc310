import torch
import torch.nn as nn

class RNN(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super(RNN, self).__init__()
        self.hidden_size = hidden_size
        self.i2h = nn.Linear(input_size + hidden_size, hidden_size)
        self.i2o = nn.Linear(input_size + hidden_size, output_size)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, input, hidden):
        combined = torch.cat((input, hidden), 1)
        hidden = self.i2h(combined)
        output = self.i2o(combined)
        output = self.softmax(output)
        return output, hidden

    def initHidden(self):
        return torch.zeros(1, self.hidden_size)

torch.manual_seed(1)
rnn = RNN(4, 6, 3)
print(rnn)
criterion = nn.NLLLoss()
lr = 0.005
seqs = [([0, 1, 2], 0), ([3, 3], 1), ([1, 0, 2, 3], 2), ([2], 1)]
for it in range(30):
    letters, cat = seqs[it % len(seqs)]
    hidden = rnn.initHidden()
    rnn.zero_grad()
    for l in letters:
        x = torch.zeros(1, 4)
        x[0][l] = 1
        output, hidden = rnn(x, hidden)
    loss = criterion(output, torch.tensor([cat]))
    loss.backward()
    for p in rnn.parameters():
        if p.grad is not None:
            p.data.add_(p.grad.data, alpha=-lr)
    if it % 5 == 0:
        print(it, f"{loss.item():.4f}")
print(len(list(rnn.parameters())))
print(output)
