from collections import OrderedDict
import torch
import torch.nn as nn

torch.manual_seed(34)
model = nn.Sequential(OrderedDict([
    ('fc1', nn.Linear(3, 4)),
    ('act', nn.ReLU()),
    ('fc2', nn.Linear(4, 1)),
]))
print(model)
print(model.fc1, model[2] is model.fc2)
print(list(model.state_dict().keys()))
x = torch.randn(5, 3)
y = torch.randn(5, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)

def closure():
    opt.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    return loss

for i in range(3):
    loss = opt.step(closure)
    print(i, f"{loss.item():.4f}")
model.zero_grad(set_to_none=False)
print(model.fc2.bias.grad)
opt.zero_grad()
print(model.fc2.bias.grad)
model.fc1.requires_grad_(False)
print([(n, p.requires_grad) for n, p in model.named_parameters()])
try:
    model.load_state_dict({'fc1.weight': torch.zeros(2, 2), 'fc1.bias': torch.zeros(4),
                           'fc2.weight': torch.zeros(1, 4), 'fc2.bias': torch.zeros(1)})
except RuntimeError as e:
    print("RuntimeError:", e)
frozen = nn.Linear(2, 2)
for p in frozen.parameters():
    p.requires_grad = False
out = frozen(torch.ones(1, 2))
print(out.requires_grad, out.grad_fn)
