import numpy as np
a = np.array([1.0, 2.0, 4.0])
s = a.sum()
print(s + 1, s * 2.5, 1 / s, s ** 2, -s)
print(repr(s + 1), repr(s * np.float64(2)))
print([a.sum(), a.max()])
print((a.mean(), a.argmax()))
i = a.argmax()
print(repr(i), i + 1, a[i])
print(s > 5, s == 7.0, 3 < s < 10)
print(round(s / 3, 3), abs(-s))
total = 0
for v in a:
    total += v
print(total, repr(total))
print(repr(np.float64(2.5)), repr(np.int64(3)), np.float64(1e-7), np.float64(1e20))
print(repr(np.array([1, 2]).sum() / 3))
