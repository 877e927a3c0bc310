import torch
from torch.utils.data import TensorDataset, DataLoader
torch.manual_seed(7)
X = torch.arange(24.0).reshape(12, 2)
y = torch.arange(12)
loader = DataLoader(TensorDataset(X, y), batch_size=5, shuffle=True)
for epoch in range(3):
    for xb, yb in loader:
        print(epoch, yb)
print(torch.rand(2))
