# roll, swapaxes, moveaxis, flips, triangles, append, hsplit/vsplit, logspace, argwhere,
# searchsorted, digitize, isclose, isscalar, ptp, the NaN-skipping statistics, polyval,
# polyfit and apply_along_axis, against real NumPy.
import numpy as np

a = np.arange(12).reshape(3, 4)
print(np.roll(np.arange(10), 2), np.roll(np.arange(10), -13), np.roll(a, 1), np.roll(a, 1, axis=0))
print(np.roll(a, (1, -1), axis=(0, 1)), np.roll(a, 2, axis=(0, 1)), np.roll(np.zeros((0, 2)), 1, axis=0))
print(np.swapaxes(a, 0, 1), np.swapaxes(np.zeros((2, 3, 4)), 0, 2).shape)
print(np.moveaxis(np.zeros((3, 4, 5)), 0, -1).shape, np.moveaxis(np.zeros((3, 4, 5)), [0, 1], [-1, -2]).shape)
try:
    np.moveaxis(np.zeros((3, 4)), [0, 0], [1, 0])
except ValueError as e:
    print("ValueError:", e)
print(np.flipud(a), np.fliplr(a), np.flipud(np.arange(3)))
try:
    np.fliplr(np.arange(3))
except ValueError as e:
    print("ValueError:", e)
f = np.flipud(a.copy())
print(np.triu(a), np.tril(a), np.triu(a, 1), np.tril(a, -1), np.triu(np.ones((3, 3), dtype=bool)))
print(np.triu([1, 2, 3]), np.triu_indices(3), np.tril_indices(3, -1), np.triu_indices(2, 0, 4))
print(np.append([1, 2, 3], [[4, 5, 6], [7, 8, 9]]), np.append(a, [[0, 0, 0, 0]], axis=0), np.append([1], 2.5))
print(np.hsplit(a, 2), np.vsplit(a, 3), np.hsplit(np.arange(6), [2, 3]))
try:
    np.vsplit(np.arange(4), 2)
except ValueError as e:
    print("ValueError:", e)
print(np.logspace(0, 3, 4), np.logspace(0, 2, 3, base=2.0), np.logspace(1, 2, 3, endpoint=False), np.logspace(0, 1, 2, dtype=int))
print(np.argwhere(a > 6), np.argwhere([0, 3, 0, 5]), np.argwhere(np.array(1)).shape, np.flatnonzero(a % 5 == 0))
s = np.array([1.0, 2.0, 2.0, 3.0, np.nan])
print(np.searchsorted(s, [0, 2, 2.5, 3, 10, np.nan]), np.searchsorted(s, 2, side='right'), repr(np.searchsorted([1, 2, 3], 2)))
print(np.searchsorted([1, 3, 5, 7], np.array([[2, 6], [7, 0]])), np.searchsorted([10, 20, 30], [10, 20, 30], side='right'))
x = np.array([0.2, 6.4, 3.0, 1.6, 10.0, -1.0])
bins = np.array([0.0, 1.0, 2.5, 4.0, 10.0])
print(np.digitize(x, bins), np.digitize(x, bins, right=True), np.digitize(x, bins[::-1]), np.digitize(x, bins[::-1], right=True))
print(repr(np.digitize(3, [1, 2, 3])), np.digitize([1, 2, 3], [1, 1, 1]))
try:
    np.digitize([1], [1, 3, 2])
except ValueError as e:
    print("ValueError:", e)
print(np.isclose([1e10, 1e-7], [1.00001e10, 1e-8]), np.isclose([1.0, np.nan], [1.0, np.nan], equal_nan=True), repr(np.isclose(1.0, 1.0 + 1e-9)))
print(np.isclose([1, 2], [1, 3]), np.isclose(np.inf, np.inf), np.isclose([100.0], [101.0], rtol=0.05, atol=0))
print(np.isscalar(3.1), np.isscalar(np.array(3.1)), np.isscalar([3.1]), np.isscalar('s'), np.isscalar(np.float64(1)), np.isscalar(None))
print(repr(np.ptp(a)), np.ptp(a, axis=1), np.ptp(a, axis=0, keepdims=True), np.ptp(np.array([1.5, -2.0])))
n = np.array([[1.0, np.nan, 3.0], [np.nan, np.nan, np.nan], [4.0, 5.0, np.inf]])
print(repr(np.nansum(n)), np.nansum(n, axis=1), np.nansum(a, axis=0), np.nansum(n, axis=0, keepdims=True))
print(repr(np.nanmean(n)), np.nanmean(n, axis=1), np.nanmean(n, axis=0), repr(np.nanmean(a)), np.nanmean(n.astype(np.float32), axis=1))
print(repr(np.nanmax(n)), np.nanmax(n, axis=1), np.nanmin(n, axis=0), np.nanmin(n, axis=1, keepdims=True), repr(np.nanmax(a)), np.nanmin(a, axis=0))
print(np.polyval([3, 0, 1], 5), np.polyval([1.5, -2], [1, 2, 3]), np.polyval(np.array([1, 2]), np.array([[1, 2], [3, 4]])), repr(np.polyval([1, 2], 3)))
x = np.linspace(0, 10, 11)
y = [3.9, 4.4, 10.8, 10.3, 11.2, 13.1, 14.1, 9.9, 13.9, 15.1, 12.5]
print(np.polyfit(x, y, deg=1), np.polyfit(x, y, 3), np.polyfit([0, 1, 2], [1, 3, 5], 1))
print(np.round(np.polyfit(np.arange(5), np.column_stack([np.arange(5) ** 2, np.arange(5)]), 2), 6) + 0.0)
try:
    np.polyfit([[1, 2]], [1], 1)
except TypeError as e:
    print("TypeError:", e)
print(np.apply_along_axis(np.sum, 0, a), np.apply_along_axis(lambda v: v * 2, 1, a), repr(np.apply_along_axis(np.sum, 0, np.arange(3))))
print(np.apply_along_axis(lambda v: [v.min(), v.max()], 1, a), np.apply_along_axis(lambda v, k: v[:k], 0, a, 2))
print(np.apply_along_axis(np.diag, -1, np.arange(6).reshape(2, 3)), np.apply_along_axis(lambda v: v.mean(), 1, a))
