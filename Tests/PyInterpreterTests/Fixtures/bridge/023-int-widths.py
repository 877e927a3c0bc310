import numpy as np
print(repr(np.array([1, -100, 5000])))
print(np.array([[1, -100], [5000, 2]]))
print(repr(np.array([[True, False], [False, True]])))
print(np.array([[True, False], [False, True]]))
print(repr(np.arange(-5, 5).reshape(2, 5)))
