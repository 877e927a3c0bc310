import numpy as np
a = np.array([3, -1, 4, -1, 5, -9])
mask = a > 0
print(mask)
print(repr(mask))
print(a[mask])
print(a[a < 0])
print(repr((a > 0) & (a < 5)))
print(repr((a < 0) | (a > 4)))
print(repr(~mask))
print(a == 4)
print(mask.sum(), mask.any(), mask.all())
a[a < 0] = 0
print(a)
