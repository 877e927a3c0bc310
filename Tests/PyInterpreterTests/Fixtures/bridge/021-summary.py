import numpy as np
a = np.arange(2000)
print(repr(a))
print(a)
b = np.arange(3000).reshape(100, 30) / 3
print(b)
print(repr(np.zeros((50, 50))))
