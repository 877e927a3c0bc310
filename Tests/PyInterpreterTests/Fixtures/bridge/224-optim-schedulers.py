import torch
import torch.nn as nn
from torch.optim import lr_scheduler

torch.manual_seed(24)
p = [nn.Parameter(torch.randn(3))]
opt = torch.optim.SGD(p, lr=0.1)
sched = lr_scheduler.StepLR(opt, step_size=3, gamma=0.1)
lrs = []
for epoch in range(10):
    opt.step()
    sched.step()
    lrs.append(opt.param_groups[0]['lr'])
print(lrs)
print(sched.get_last_lr(), sched.last_epoch)
opt = torch.optim.SGD(p, lr=0.5)
sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.9)
for epoch in range(5):
    opt.step()
    sched.step()
    print(epoch, sched.get_last_lr())
opt = torch.optim.Adam(p, lr=0.01)
plateau = lr_scheduler.ReduceLROnPlateau(opt, mode='min', factor=0.5, patience=2)
for epoch, val in enumerate([1.0, 0.9, 0.95, 0.93, 0.92, 0.91, 0.95, 0.96, 0.97, 0.8, 0.85, 0.9, 0.9]):
    plateau.step(val)
    print(epoch, val, opt.param_groups[0]['lr'])
opt = torch.optim.SGD(p, lr=1.0)
sched = lr_scheduler.ReduceLROnPlateau(opt, 'max', factor=0.1, patience=0, cooldown=1, min_lr=0.005)
for acc in [0.5, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]:
    sched.step(acc)
    print(opt.param_groups[0]['lr'])
opt = torch.optim.SGD(p, lr=0.1)
ms = lr_scheduler.MultiStepLR(opt, milestones=[2, 4], gamma=0.5)
lam = None
for e in range(6):
    opt.step()
    ms.step()
    print(e, opt.param_groups[0]['lr'])
opt = torch.optim.SGD(p, lr=0.1)
lam = lr_scheduler.LambdaLR(opt, lr_lambda=lambda epoch: 1.0 / (epoch + 1))
print(opt.param_groups[0]['lr'])
for e in range(3):
    opt.step()
    lam.step()
    print(e, opt.param_groups[0]['lr'])
