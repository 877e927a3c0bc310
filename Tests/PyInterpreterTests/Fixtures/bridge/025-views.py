import numpy as np
a = np.zeros((3, 4))
row = a[1]
row += 5
print(a)
col = a[:, 2]
col *= 2
print(a)
b = a.reshape(4, 3)
b[0, 0] = -1
print(a[0, 0])
c = a.copy()
c += 1
print(a.sum(), c.sum())
a[a > 5] = 99
print(a)
a[:] = 1
print(a)
a[1:, 1:] = np.array([7, 8, 9])
print(a)
