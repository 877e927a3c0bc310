# pad, atleast_nd, ascontiguousarray, indices, fromiter, split, unravel_index, put, ndenumerate,
# ndindex and the set functions, against real NumPy.
import numpy as np

Z = np.ones((5, 5))
print(np.pad(Z, pad_width=1, mode='constant', constant_values=0))
print(np.pad([1, 2, 3], (2, 3), 'edge'), np.pad(np.arange(4).reshape(2, 2), ((1, 0), (0, 2))))
print(np.pad(np.ones((2, 2)), 1, constant_values=((5, 6), (7, 8))))
print(np.pad(np.arange(3), 2, constant_values=0.7), np.pad([1.5, 2.5], [(1, 1)]))
for bad in [lambda: np.pad([1], -1), lambda: np.pad([1], 1, 'edge', constant_values=3),
            lambda: np.pad([1], 1, 'nope')]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
print(np.atleast_1d(3), np.atleast_2d([1, 2]), np.atleast_3d([1, 2]).shape, np.atleast_2d(1, [2]))
print(np.ascontiguousarray(5).shape, np.ascontiguousarray([[1, 2]], dtype=np.float32))
print(np.indices((2, 3)), np.indices((2,), dtype=np.float64))


def generate():
    for x in range(10):
        yield x


print(np.fromiter(generate(), dtype=float, count=-1), np.fromiter(iter([1, 2, 3]), int, count=2))
try:
    np.fromiter(iter([1]), float, count=3)
except ValueError as e:
    print("ValueError:", e)
x = np.arange(9.0)
print(np.split(x, 3), np.split(x, [3, 5, 6, 10]), np.split(x, [-2]))
print(np.array_split(np.arange(8.0), 3), np.array_split(np.arange(12).reshape(4, 3), 2, axis=1))
try:
    np.split(np.arange(8), 3)
except ValueError as e:
    print("ValueError:", e)
print(np.unravel_index(99, (6, 7, 8)), np.unravel_index([22, 41, 37], (7, 6)))
print(np.unravel_index(1621, (6, 7, 8, 9)), np.unravel_index([3, 5], (2, 4), order='F'))
try:
    np.unravel_index(336, (6, 7, 8))
except ValueError as e:
    print("ValueError:", e)
Z = np.zeros((10, 10))
np.put(Z, [3, 17, 55, -1], 1)
print(Z.sum(), Z[0, 3], Z[9, 9])
A = np.arange(5)
np.put(A, [0, 2], [-44, -55])
np.put(A, 22, -5, mode='clip')
print(A)
B = np.arange(5)
np.put(B, [7, -8], [9, 8], mode='wrap')
print(B)
try:
    np.put(np.arange(3), 5, 1)
except IndexError as e:
    print("IndexError:", e)
for index, value in np.ndenumerate(np.arange(6).reshape(2, 3)):
    print(index, value)
print(list(np.ndindex(2, 2)), list(np.ndindex((3,))), list(np.ndindex()))
print(np.intersect1d([1, 3, 4, 3], [3, 1, 2, 1]), np.intersect1d([1.5, 2], [2, 3]))
print(np.intersect1d([1, 1, 2], [1, 2, 2], assume_unique=True))
print(np.union1d([-1, 0, 1], [-2, 0, 2]), np.setdiff1d([5, 2, 1, 2], [2]), np.setdiff1d([3, 1], [], True))
print(np.isin([[1, 2], [3, 4]], [2, 3]), np.isin([1.0, np.nan], [np.nan, 1]), np.isin([1, 2], [2], invert=True))
