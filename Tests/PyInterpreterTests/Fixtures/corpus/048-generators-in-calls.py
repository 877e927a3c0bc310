data = [3, 1, 4, 1, 5, 9, 2, 6]
print(sum(x for x in data if x > 2))
print(max(x * x for x in data), min((x for x in data), key=lambda v: abs(v - 4)))
print(sorted((x % 3, x) for x in data))
print(list(x for x in data if x % 2 == 0), set(x % 4 for x in data) == {0, 1, 2, 3})
print(dict((x, x * x) for x in range(3)), tuple(str(x) for x in data[:3]))
print(", ".join(f"{x:02d}" for x in data), any(x > 8 for x in data), all(x > 0 for x in data))
g = (x * 10 for x in range(3))
print(next(g), next(g), list(g))
