import numpy as np
a = np.arange(6).reshape(2, 3)
b = np.arange(6).reshape(3, 2)
print(a @ b)
print(np.dot(a, b))
print(np.matmul(a, b))
x = np.array([1.0, 2.0, 3.0])
print(a @ x)
print(x.dot(x), np.dot(x, x))
w = np.ones((3, 4)) * 0.5
print(np.dot(a, w))
print(repr(np.outer(x, x)))
