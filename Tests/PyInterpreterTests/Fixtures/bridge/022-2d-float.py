import numpy as np
np.random.seed(3)
a = np.random.randn(4, 5)
print(a)
print(repr(a))
print(repr(a * 1000))
print(repr(a * 1e-3))
print(np.random.rand(3, 2, 2))
