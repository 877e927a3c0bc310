# diff, cumprod, count_nonzero, percentile/quantile, interp, histogram, convolve.
import numpy as np

print(np.diff([1, 2, 4, 7, 0]), np.diff([1, 2, 4, 7, 0], n=2), np.diff([[1, 3, 6], [0, 5, 6]], axis=0))
print(np.diff([True, False, False]), np.diff([1.5, 2], prepend=0, append=[10]), np.diff([3], n=0))
phi = np.arange(0, 10 * np.pi, 0.1)
x = phi * np.cos(phi)
print(np.diff(x)[:3], (np.diff(x) ** 2).sum())
print(np.cumprod([1, 2, 3]), np.cumprod([[1, 2], [3, 4]], axis=0), np.cumprod(np.array([1.5, 2.0], dtype=np.float32)))
print(np.count_nonzero([[1, 0], [2, 3]]), np.count_nonzero([[1, 0], [2, 3]], axis=0))
print(np.count_nonzero([[0, 0], [2, 3]], axis=1, keepdims=True), np.count_nonzero(np.eye(4)))
a = np.array([[10, 7, 4], [3, 2, 1]])
print(np.percentile(a, 50), np.percentile(a, 50, axis=0), np.percentile(a, [25, 75], axis=1))
print(np.percentile(a, 30, keepdims=True), np.quantile([1, 2, 3, 4], 0.3), np.percentile(np.float32([1, 2, 3, 4]), 30))
print(np.percentile([1.0, np.nan], 50), np.quantile(np.arange(10.0), [0.1, 0.55, 0.999]))
rs = np.random.RandomState(3)
X = rs.randn(100)
means = X[rs.randint(0, 100, (1000, 100))].mean(axis=1)
print(np.percentile(means, [2.5, 97.5]))
try:
    np.percentile([1, 2], 101)
except ValueError as e:
    print("ValueError:", e)
xp = [1, 2, 3]
fp = [3, 2, 0]
print(np.interp(2.5, xp, fp), np.interp([0, 1, 1.5, 2.72, 3.14], xp, fp), np.interp(3.14, xp, fp, right=-99))
r = np.cumsum(np.abs(np.diff(x)))
print(np.interp(np.linspace(0, r.max(), 5), r, x[1:]))
print(np.histogram([1, 2, 1], bins=[0, 1, 2, 3]), np.histogram(np.arange(4), bins=np.arange(5), density=True))
print(np.histogram([[1, 2, 1], [1, 0, 1]], bins=[0, 1, 2, 3]))
data = rs.randn(1000)
h, e = np.histogram(data, bins=20)
print(h, e[:3], e[-1])
print(np.histogram(data, bins=5, range=(-1, 1)), np.histogram(data, 4, weights=np.ones(1000) * 0.5)[0])
print(np.histogram(np.float32([0.1, 0.2, 0.9]), bins=3), np.histogram([], bins=2), np.histogram([5, 5], bins=2))
print(np.histogram([1, 2, 3], bins=3, density=True))
print(np.convolve([1, 2, 3], [0, 1, 0.5]), np.convolve([1, 2, 3], [0, 1, 0.5], 'same'))
print(np.convolve([1, 2, 3], [0, 1, 0.5], 'valid'), np.convolve([1, 2], [3, 4, 5]), np.convolve([1, 2, 3, 4], [1, 1], 'same'))
