import numpy as np
a = np.arange(20).reshape(4, 5)
print(a[1])
print(a[1, 2])
print(a[:, 1])
print(a[1:3, ::2])
print(a[-1])
print(a[::-1, 0])
print(a[[0, 2], [1, 3]])
print(a[[3, 0]])
print(a[:, None, 0].shape)
print(a[..., -1])
a[0, :] = -1
print(a)
a[:, 1] += 100
print(a)
