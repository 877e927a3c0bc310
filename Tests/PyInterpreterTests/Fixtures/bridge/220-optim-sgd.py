import torch
import torch.nn as nn

def run(**kw):
    torch.manual_seed(20)
    model = nn.Linear(3, 2)
    opt = torch.optim.SGD(model.parameters(), lr=0.1, **kw)
    x = torch.randn(16, 3)
    y = torch.randn(16, 2)
    for step in range(20):
        opt.zero_grad()
        loss = nn.MSELoss()(model(x), y)
        loss.backward()
        opt.step()
    print(kw, f"{loss.item():.5f}")
    print(model.weight.detach())

run()
run(momentum=0.9)
run(momentum=0.9, nesterov=True)
run(momentum=0.5, dampening=0.1)
run(weight_decay=0.01)
run(momentum=0.9, weight_decay=1e-3)
opt = torch.optim.SGD([torch.zeros(2, requires_grad=True)], lr=0.01, momentum=0.9)
print(opt)
print(opt.param_groups[0]['lr'], opt.param_groups[0]['momentum'])
