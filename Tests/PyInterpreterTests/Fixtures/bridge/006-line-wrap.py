import numpy as np
print(repr(np.arange(40)))
print(np.arange(40))
print(repr(np.arange(30) / 7))
print(np.arange(30) / 7)
print(repr(np.linspace(0, 1, 20).reshape(4, 5)))
print(repr(np.arange(30, dtype=np.float32) / 3))
