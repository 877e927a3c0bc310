# Ufunc objects and their methods: reduce, accumulate, outer, at, reduceat.
import numpy as np

print(np.add, np.mod, np.true_divide, type(np.add).__name__ if False else "ufunc")
print(np.add.reduce(np.arange(10)), np.add.reduce([[1, 2], [3, 4]], axis=1))
print(np.add.reduce(np.ones((2, 3)), axis=None), np.add.reduce([[1.5, 2], [3, 4]], keepdims=True))
print(np.multiply.reduce([1, 2, 3, 4]), np.maximum.reduce([3, 7, 1]))
print(np.minimum.reduce([[3, 1], [0, 5]], axis=0), np.subtract.reduce([10, 1, 2]))
print(np.logical_and.reduce([True, True, False]), np.logical_or.reduce([[False], [True]]))
X = np.asarray([[1.0, 0.0, 3.0, 8.0], [2.0, 0.0, 1.0, 1.0], [1.5, 2.5, 1.0, 0.0]])
M = np.logical_and.reduce(np.mod(X, 1) == 0, axis=-1)
print(M, X[M])
print(np.divide.reduce([100.0, 2.0, 5.0]), np.power.reduce([2, 3, 2]))
print(np.subtract.outer(np.arange(3), np.arange(2) + 0.5))
print(np.multiply.outer([1, 2, 3], [4, 5]), np.add.outer([[1], [2]], [10, 20]).shape)
print(np.greater.outer([1, 2, 3], [2]))
Z = np.ones(10)
I = np.array([1, 3, 3, 9, 1, 1])
np.add.at(Z, I, 1)
print(Z)
A = np.arange(6).reshape(2, 3)
np.add.at(A, (np.array([0, 0, 1]), np.array([1, 1, 2])), 10)
print(A)
B = np.zeros(4)
np.subtract.at(B, [0, 0, 2], [1.5, 2.5, 3.0])
np.maximum.at(B, [1, 1], [4.0, 2.0])
print(B)
F = np.ones(3, dtype=np.float32)
np.multiply.at(F, [0, 0], 0.1)
print(F)
print(np.add.accumulate([1, 2, 3]), np.maximum.accumulate([1, 3, 2, 5, 4]))
print(np.multiply.accumulate([[1, 2], [3, 4]], axis=1), np.add.accumulate([True, True]))
print(np.minimum.accumulate(np.array([[5.0, 1.0], [3.0, 2.0]])))
Z = np.ones((16, 16))
k = 4
print(np.add.reduceat(np.add.reduceat(Z, np.arange(0, 16, k), axis=0), np.arange(0, 16, k), axis=1))
print(np.add.reduceat(np.arange(8), [0, 4, 1, 5]), np.maximum.reduceat([4, 1, 9, 2], [0, 2]))
print(np.add.identity, np.multiply.identity, np.maximum.identity, np.add.nin, np.negative.nin)
for bad in [lambda: np.maximum.reduce([]), lambda: np.negative.reduce([1, 2]),
            lambda: np.subtract.reduce(np.ones((2, 2)), axis=None)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
