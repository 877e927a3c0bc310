import numpy as np
names = ["a", "b", "c"]
scores = np.array([0.1, 0.7, 0.2])
print(names[int(np.argmax(scores))])
for i in range(int(np.int64(2))):
    print(i)
h = 0.5
xx, yy = np.meshgrid(np.arange(0, 2, h), np.arange(-1, 1, h))
print(xx)
print(yy)
grid = np.c_[xx.ravel(), yy.ravel()]
print(grid.shape, grid[:3])
x = np.array([1.0, 2.0, 3.0])
e = np.exp(x - np.max(x))
print(e / e.sum())
X = np.random.RandomState(0).randn(6, 2)
y = np.array([0, 1, 0, 1, 1, 0])
print(X[y == 1])
print(X[:, 0].reshape(-1, 1).shape)
print(np.abs(X).max(), (X ** 2).sum(axis=1))
d = {int(k): float(v) for k, v in zip(y, X[:, 0])}
print(d)
print("%d items" % len(X), "mean=%.3f" % float(X.mean()))
