import torch
import torch.nn as nn

def run(name, make):
    torch.manual_seed(22)
    model = nn.Linear(5, 1)
    opt = make(model.parameters())
    x = torch.randn(20, 5)
    y = x.sum(1, keepdim=True) * 0.5 + 1
    for step in range(25):
        opt.zero_grad()
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        opt.step()
    print(name, f"{loss.item():.4f}")
    print(model.weight.detach(), model.bias.detach())

run("rmsprop", lambda p: torch.optim.RMSprop(p, lr=0.01))
run("rmsprop-mom", lambda p: torch.optim.RMSprop(p, lr=0.01, momentum=0.9))
run("rmsprop-centered", lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, centered=True))
run("adagrad", lambda p: torch.optim.Adagrad(p, lr=0.1))
run("adagrad-decay", lambda p: torch.optim.Adagrad(p, lr=0.1, lr_decay=0.01, initial_accumulator_value=0.1))
run("adagrad-wd", lambda p: torch.optim.Adagrad(p, lr=0.1, weight_decay=0.01))
