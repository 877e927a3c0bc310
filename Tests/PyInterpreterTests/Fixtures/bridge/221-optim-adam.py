import torch
import torch.nn as nn

def run(name, make):
    torch.manual_seed(21)
    model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 3))
    opt = make(model.parameters())
    x = torch.randn(32, 4)
    y = torch.randint(0, 3, (32,))
    losses = []
    for step in range(30):
        opt.zero_grad()
        loss = nn.CrossEntropyLoss()(model(x), y)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    print(name, [f"{l:.4f}" for l in losses[::6]], f"{losses[-1]:.4f}")
    print(model[2].bias.detach())

run("adam", lambda p: torch.optim.Adam(p, lr=0.01))
run("adam-betas", lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.8, 0.99), eps=1e-6))
run("adam-wd", lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.1))
run("adamw", lambda p: torch.optim.AdamW(p, lr=0.01))
run("adamw-wd", lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.5))
print(torch.optim.AdamW([torch.zeros(1, requires_grad=True)], lr=0.1))
