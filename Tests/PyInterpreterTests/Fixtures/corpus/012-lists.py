a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a), a[0], a[-1], a[2:5], a[::2], a[::-1], a[-3:], a[1:-1:3])
a.append(7)
a.extend([8, 8])
a.insert(0, 0)
print(a, a.count(8), a.index(4))
print(a.pop(), a.pop(0), a)
a.remove(1)
print(a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a, sorted(a, key=lambda v: -v), min(a), max(a), sum(a))
b = a.copy()
b[0] = 100
print(a[0], b[0], a + b[:2], [0] * 3)
del a[0]
del a[1:3]
print(a)
a[1:3] = ["x", "y", "z"]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
a.clear()
print(a, [] == a)
