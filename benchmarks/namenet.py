# NameNet (2018-09-17): the entry's character RNN trained on the names data set for N steps,
# exactly as its Reproduction cells do. Runs unchanged in CPython + PyTorch and in the embedded
# engine (`journal exec`), so the two can be timed side by side:
#   python3 benchmarks/namenet.py NAMES_FOLDER [STEPS]
#   JOURNAL_DATA=NAMES_FOLDER/.. journal exec benchmarks/namenet.py NAMES_FOLDER [STEPS]
# Prints the seconds of CPU and wall time the training loop took (not the start-up or the data
# loading) and the mean loss of the last 1000 names.
import glob
import os
import random
import string
import sys
import time
import unicodedata

import torch
import torch.nn as nn

folder = sys.argv[1]
n_iters = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
all_letters = string.ascii_letters + " .,;'"
n_letters = len(all_letters)


def unicode_to_ascii(s):
    return "".join(c for c in unicodedata.normalize("NFD", s)
                   if unicodedata.category(c) != "Mn" and c in all_letters)


category_lines = {}
all_categories = []
for filename in sorted(glob.glob(os.path.join(folder, "*.txt"))):
    category = os.path.splitext(os.path.basename(filename))[0]
    all_categories.append(category)
    with open(filename, encoding="utf-8") as f:
        category_lines[category] = [unicode_to_ascii(line.strip()) for line in f if line.strip()]
n_categories = len(all_categories)


class NameNet(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super(NameNet, self).__init__()
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


def line_to_tensor(line):
    tensor = torch.zeros(len(line), 1, n_letters)
    for li, letter in enumerate(line):
        tensor[li][0][all_letters.find(letter)] = 1
    return tensor


torch.manual_seed(0)
random.seed(1)
model = NameNet(n_letters, 128, n_categories)
criterion = nn.NLLLoss()
learning_rate = 0.005


def train(category_tensor, line_tensor):
    hidden = model.initHidden()
    model.zero_grad()
    for i in range(line_tensor.size()[0]):
        output, hidden = model(line_tensor[i], hidden)
    loss = criterion(output, category_tensor)
    loss.backward()
    for p in model.parameters():
        p.data.add_(p.grad.data, alpha=-learning_rate)
    return output, loss.item()


cpu0 = time.process_time()
wall0 = time.perf_counter()
recent = []
for step in range(1, n_iters + 1):
    category = random.choice(all_categories)
    line = random.choice(category_lines[category])
    category_tensor = torch.tensor([all_categories.index(category)], dtype=torch.long)
    output, loss = train(category_tensor, line_to_tensor(line))
    recent.append(loss)
    if len(recent) > 1000:
        recent.pop(0)
print(f"train-cpu {time.process_time() - cpu0:.2f}")
print(f"train-wall {time.perf_counter() - wall0:.2f}")
print(f"final-loss {sum(recent) / len(recent):.3f}")
