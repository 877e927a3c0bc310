import numpy as np
a = np.arange(24, dtype=float).reshape(2, 3, 4) / 8
print(a)
print(repr(a))
b = np.arange(16).reshape(2, 2, 2, 2)
print(b)
print(repr(np.arange(4.0).reshape(1, 1, 4)))
