import torch
a = torch.ones(3)
b = torch.ones(4)
try:
    a + b
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    torch.ones(2, 3) @ torch.ones(2, 3)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    torch.ones(2, 3).item()
except RuntimeError as e:
    print("RuntimeError:", e)
x = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    with torch.no_grad():
        y = x * 2
    print(y.requires_grad)
    z = x * 2
    print(z.requires_grad)
except RuntimeError as e:
    print("RuntimeError:", e)
