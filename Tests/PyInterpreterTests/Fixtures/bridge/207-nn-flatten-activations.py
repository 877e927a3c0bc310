import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.arange(24, dtype=torch.float32).reshape(2, 3, 4) - 12
print(nn.Flatten()(x).shape, nn.Flatten(0)(x).shape, nn.Flatten(0, 1)(x).shape)
print(nn.Flatten())
print(nn.LeakyReLU()(x[0]))
print(nn.LeakyReLU(0.2))
print(nn.LeakyReLU(0.2)(x[1]))
print(F.leaky_relu(x[0], 0.1))
print(nn.ReLU()(x[0]), nn.Tanh()(x[0] / 10), nn.Sigmoid()(x[0] / 4))
print(nn.Softmax(dim=1)(x[0] / 10))
print(nn.LogSoftmax(dim=0)(x[0, :, 0] / 10))
print(nn.Identity()(x[0, 0]))
print(F.relu(x[1, 0]), F.tanh(x[1, 0] / 10), F.sigmoid(x[1, 0] / 10))
print(F.softmax(x[0] / 10, dim=0))
print(F.log_softmax(x[0] / 10, dim=1))
print(F.one_hot(torch.tensor([0, 2, 1, 2])))
print(F.one_hot(torch.tensor([1, 0]), num_classes=4))
