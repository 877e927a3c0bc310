# tensordot, inner, einsum, finfo, iinfo, seterr, errstate, __version__.
import numpy as np

p, n = 10, 20
M = np.ones((p, n, n))
V = np.ones((p, n, 1))
print(np.tensordot(M, V, axes=[[0, 2], [0, 1]]).shape, np.tensordot(M, V, axes=[[0, 2], [0, 1]])[0])
a = np.arange(60.).reshape(3, 4, 5)
b = np.arange(24.).reshape(4, 3, 2)
print(np.tensordot(a, b, axes=([1, 0], [0, 1])))
print(np.tensordot([1, 2], [3, 4], axes=0), np.tensordot(np.arange(6).reshape(2, 3), np.arange(6).reshape(3, 2), 1))
print(np.inner([1, 2, 3], [0, 1, 0]), np.inner(np.arange(6).reshape(2, 3), np.arange(3)), np.inner(2, [1, 2]))
A = np.arange(9).reshape(3, 3)
B = np.arange(9, 18).reshape(3, 3)
print(np.einsum("ij,ji->i", A, B), np.einsum('ii', A), np.einsum('ii->i', A), np.einsum('ij->j', A))
print(np.einsum('i->', [1.5, 2.5]), np.einsum('i,i', [1, 2], [3, 4]), np.einsum('i,j->ij', [1, 2], [3, 4, 5]))
print(np.einsum('ij,jk', A, B), np.einsum('ij,jk->ik', A * 0.5, B), np.einsum('ji', A))
r = np.array([[1.0, 2.0], [3.0, 4.0]])
v = np.array([[0.5, -1.0], [2.0, 1.0]])
print(np.einsum("ij,ij->i", r, v), np.einsum('i,i,i->i', [1, 2], [3, 4], [5, 6]))
print(np.finfo(np.float64), repr(np.finfo(np.float32)))
for dtype in [np.int8, np.int32, np.int64]:
    print(np.iinfo(dtype).min, np.iinfo(dtype).max, np.iinfo(dtype))
for dtype in [np.float32, np.float64]:
    print(np.finfo(dtype).min, np.finfo(dtype).max, np.finfo(dtype).eps, np.finfo(dtype).tiny)
print(np.finfo(float).resolution, np.finfo(np.float32).bits, np.iinfo(np.uint8).max, np.iinfo('int16').min)
Z = np.random.RandomState(0).uniform(0, 1, (10, 10))
U, S, V = np.linalg.svd(Z)
print(np.sum(S > len(S) * S.max() * np.finfo(S.dtype).eps))
print(np.geterr())
defaults = np.seterr(all="ignore")
print(defaults, np.geterr())
Z = np.ones(1) / 0
_ = np.seterr(**defaults)
print(np.geterr() == defaults)
with np.errstate(all="ignore"):
    print(np.arange(3) / 0)
with np.errstate(divide='ignore', invalid='warn'):
    print(np.geterr())
print(np.geterr())
print(np.__version__)
