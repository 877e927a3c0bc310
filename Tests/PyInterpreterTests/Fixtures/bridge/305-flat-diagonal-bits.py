# ndarray.flat, repeat and diagonal, np.diagonal, np.unpackbits, np.linalg.matrix_rank,
# np.random.lognormal and set_printoptions(threshold=float), against real NumPy.
import numpy as np

a = np.arange(12).reshape(3, 4)
print(a.flat[5], a.flat[-1], a.flat[2:7], a.flat[[0, 11]], len(a.flat), list(a.T.flat)[:5])
b = a.copy()
b.flat[3] = 100
b.flat[[0, 1]] = -1
print(b)
for x in np.arange(3.0).flat:
    print(x)
try:
    a.flat[12]
except IndexError as e:
    print("IndexError:", e)
print(a.repeat(2), a.repeat(2, axis=0), a.repeat([1, 0, 2], axis=0), np.int64(3).repeat(2))
print(a.diagonal(), a.diagonal(1), a.diagonal(-1), a.diagonal(offset=2, axis1=1, axis2=0))
print(np.diagonal(a), np.diagonal([[1.5, 2], [3, 4]]), a.diagonal(10))
try:
    np.arange(3).diagonal()
except ValueError as e:
    print("ValueError:", e)
I = np.array([0, 1, 2, 3, 15, 16, 32, 64, 128, 255], dtype=np.uint8)
print(np.unpackbits(I), np.unpackbits(I[:, np.newaxis], axis=1))
print(np.unpackbits(np.array([[1, 2], [3, 255]], dtype=np.uint8), axis=0))
print(np.unpackbits(np.array([[1, 2], [3, 255]], dtype=np.uint8), axis=-1))
try:
    np.unpackbits(np.array([1, 2]))
except TypeError as e:
    print("TypeError:", e)
np.random.seed(0)
Z = np.random.uniform(0, 1, (10, 10))
print(np.linalg.matrix_rank(Z), np.linalg.matrix_rank(np.ones((4, 6))), np.linalg.matrix_rank(np.eye(3)))
print(np.linalg.matrix_rank(np.zeros(3)), np.linalg.matrix_rank([1, 0]), np.linalg.matrix_rank(np.ones((3, 3)), tol=5.0))
print(np.linalg.matrix_rank(np.diag([1.0, 1e-3, 1e-9]), rtol=1e-4), np.linalg.matrix_rank(np.eye(4, dtype=np.float32)))
print(repr(np.linalg.matrix_rank(np.eye(2))))
np.random.seed(1)
print(np.random.lognormal(1.0, 0.5, 4), np.random.lognormal(size=(2, 2)), np.random.lognormal())
try:
    np.random.lognormal(0, -1)
except ValueError as e:
    print("ValueError:", e)
np.set_printoptions(threshold=float("inf"))
print(np.zeros(1200).reshape(40, 30)[:2, :3], np.arange(1500).size)
print(np.arange(1100))
np.set_printoptions(threshold=5.5)
print(np.arange(10))
np.set_printoptions(threshold=1000)
