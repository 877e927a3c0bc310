import numpy as np
a = np.ones(3)
a += 1
a *= np.array([1.0, 2.0, 3.0])
a -= 0.5
a /= 2
a **= 2
print(a)
i = np.arange(5)
i += 2
i *= 3
i //= 2
i %= 4
print(i)
try:
    i += 1.5
except TypeError:
    print("TypeError caught")
m = np.zeros((3, 3))
m[1] = [1, 2, 3]
m[:, 0] = 9
m[2, 2] = np.float64(7.5)
print(m)
