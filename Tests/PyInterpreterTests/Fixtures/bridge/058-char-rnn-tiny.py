# The PyTorch char-RNN names tutorial in miniature: the same model and training step
# (benchmarks/exec/charrnn.py runs it on the full names data set).
import random
import string
import unicodedata

import torch
import torch.nn as nn

random.seed(3)
torch.manual_seed(3)
all_letters = string.ascii_letters + " .,;'"
n_letters = len(all_letters)
category_lines = {
    "English": ["Smith", "Johnson", "Williams", "Brown", "Taylor"],
    "French": ["Dubois", "Lefèvre", "Moreau", "Laurent", "Girard"],
    "Japanese": ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe"],
}
all_categories = list(category_lines)


def unicodeToAscii(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s)
                   if unicodedata.category(c) != 'Mn' and c in all_letters)


for k in all_categories:
    category_lines[k] = [unicodeToAscii(n) for n in category_lines[k]]
print(category_lines["French"])


def lineToTensor(line):
    tensor = torch.zeros(len(line), 1, n_letters)
    for li, letter in enumerate(line):
        tensor[li][0][all_letters.find(letter)] = 1
    return tensor


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


rnn = RNN(n_letters, 16, len(all_categories))
criterion = nn.NLLLoss()
print(lineToTensor("Ab").size())


def train(category_tensor, line_tensor):
    hidden = rnn.initHidden()
    rnn.zero_grad()
    for i in range(line_tensor.size()[0]):
        output, hidden = rnn(line_tensor[i], hidden)
    loss = criterion(output, category_tensor)
    loss.backward()
    for p in rnn.parameters():
        p.data.add_(p.grad.data, alpha=-0.05)
    return output, loss.item()


total = 0
for it in range(1, 301):
    category = all_categories[random.randint(0, len(all_categories) - 1)]
    line = category_lines[category][random.randint(0, 4)]
    category_tensor = torch.tensor([all_categories.index(category)], dtype=torch.long)
    output, loss = train(category_tensor, lineToTensor(line))
    total += loss
    if it % 50 == 0:
        top_n, top_i = output.topk(1)
        print(it, '%.4f' % (total / 50), line, all_categories[top_i[0].item()])
        total = 0
