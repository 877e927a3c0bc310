import torch
import torch.nn as nn

torch.manual_seed(12)
model = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))
out = model(torch.randn(4, 2)).sum()
out.backward()
print(model[0].weight.grad)
model.zero_grad()
print(model[0].weight.grad)

def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.constant_(m.weight, 0.5)
        nn.init.zeros_(m.bias)
        print("init", m)

model.apply(init_weights)
print(model[2].weight)
print(model(torch.ones(1, 2)))
for p in model[0].parameters():
    p.requires_grad = False
print([p.requires_grad for p in model.parameters()])
print(len(list(model.parameters(recurse=False))), len(list(model.children())))
shared = nn.Linear(2, 2)
tied = nn.Sequential(shared, nn.ReLU(), shared)
print(tied)
print(len(list(tied.parameters())))
print([n for n, _ in tied.named_parameters()])
