# numpy.random.exponential / multivariate_normal and numpy.linalg.cholesky / svd / eigvalsh,
# as the 2018-09-12 and 2018-09-19 entries use them.
import numpy as np

np.random.seed(3)
e = np.random.exponential(2.0, size=(2, 3))
print(e.shape, e.round(6))
print(round(np.random.exponential(), 8), np.random.standard_exponential(3).round(8))
print(np.random.exponential(size=4).round(8))

np.random.seed(0)
cov = np.array([[2.0, 0.8], [0.8, 1.0]])
x = np.random.multivariate_normal([1.0, -1.0], cov, 5)
print(x.shape, x.round(8))
print(np.random.multivariate_normal(np.zeros(3), np.diag([1.0, 4.0, 9.0])).round(8))
big = np.random.multivariate_normal([0.0, 0.0], cov, size=20000)
print(np.cov(big, rowvar=False).round(2))
print(np.random.multivariate_normal([0.0, 0.0], cov, size=(2, 3)).shape)

L = np.linalg.cholesky(cov)
print(L.round(8))
print(np.allclose(L.dot(L.T), cov), L[0, 1])
u, s, vt = np.linalg.svd(np.array([[3.0, 1.0], [1.0, 3.0], [0.0, 2.0]]))
print(u.shape, s.round(8), vt.shape)
print(np.allclose((u[:, :2] * s).dot(vt), [[3.0, 1.0], [1.0, 3.0], [0.0, 2.0]]))
u, s, vt = np.linalg.svd(np.array([[3.0, 1.0], [1.0, 3.0], [0.0, 2.0]]), full_matrices=False)
print(u.shape, vt.shape)
print(np.linalg.svd(cov, compute_uv=False).round(8))
print(np.linalg.eigvalsh(cov).round(8), np.linalg.eigvalsh(np.diag([4.0, 0.5])))
