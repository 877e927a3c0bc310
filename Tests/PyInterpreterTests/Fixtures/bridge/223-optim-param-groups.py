import torch
import torch.nn as nn

torch.manual_seed(23)
model = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1))
opt = torch.optim.SGD([
    {'params': model[0].parameters()},
    {'params': model[2].parameters(), 'lr': 0.001},
], lr=0.1, momentum=0.9)
print(opt)
print([g['lr'] for g in opt.param_groups])
print(len(opt.param_groups[0]['params']), len(opt.param_groups[1]['params']))
x = torch.randn(10, 2)
y = torch.randn(10, 1)
for epoch in range(6):
    opt.zero_grad()
    loss = nn.MSELoss()(model(x), y)
    loss.backward()
    opt.step()
    if epoch == 2:
        for g in opt.param_groups:
            g['lr'] = g['lr'] * 0.5
    print(epoch, f"{loss.item():.4f}", [g['lr'] for g in opt.param_groups])
print(model[2].weight.detach())
opt2 = torch.optim.Adam(model.parameters(), lr=0.05)
print(opt2.param_groups[0]['betas'], opt2.defaults['lr'])
