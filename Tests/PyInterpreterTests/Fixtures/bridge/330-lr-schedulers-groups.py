import torch
from torch.optim import lr_scheduler

torch.manual_seed(0)
a = torch.nn.Parameter(torch.randn(2))
b = torch.nn.Parameter(torch.randn(3))
opt = torch.optim.SGD([{"params": [a]}, {"params": [b], "lr": 0.5}], lr=1)
plateau = lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=1, threshold=0.05,
                                         threshold_mode="abs", min_lr=[0.3, 0.2])
for m in [1.0, 0.97, 0.96, 0.9, 0.89, 0.88, 0.87, 0.86, 0.85, 0.84]:
    plateau.step(m)
    print([g["lr"] for g in opt.param_groups], plateau.num_bad_epochs, plateau.best)
print(plateau.get_last_lr(), plateau.last_epoch)
opt = torch.optim.SGD([{"params": [a]}, {"params": [b], "lr": 0.5}], lr=1)
ms = lr_scheduler.MultiStepLR(opt, milestones=[0, 2, 2, 5], gamma=0.5)
print([g["lr"] for g in opt.param_groups], ms.base_lrs)
for e in range(6):
    opt.step()
    ms.step()
    print(e, [g["lr"] for g in opt.param_groups], ms.get_last_lr(), ms.last_epoch)
opt.param_groups[1]["lr"] = 2.0
ms.step()
print([g["lr"] for g in opt.param_groups])
opt = torch.optim.SGD([a, b], lr=1)
lam = lr_scheduler.LambdaLR(opt, lambda e: 0.5 ** e)
for e in range(3):
    opt.step()
    lam.step()
    print(e, opt.param_groups[0]["lr"], lam.get_last_lr())
try:
    lr_scheduler.ReduceLROnPlateau(opt, min_lr=[0.1, 0.2])
except ValueError as e:
    print("ValueError:", e)
try:
    lr_scheduler.ReduceLROnPlateau(opt, threshold_mode="none")
except ValueError as e:
    print("ValueError:", e)
