import numpy as np
a = np.array([1.0, 2.0, 3.0])
b = np.array([4.0, 5.0, 6.0])
print(np.c_[a, b])
print(np.r_[a, b])
print(np.r_[0:4, 7, a])
print(np.c_[np.ones((2, 2)), np.zeros((2, 1))])
X = np.c_[a * 2, b - 1]
print(X.shape)
