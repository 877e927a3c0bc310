import itertools
print(next(i for i in itertools.count() if i * i > 50))
g = (print("eval", x) or x for x in range(3))
print("created")
print(next(g))
print(list(g))
print(sum(x * y for x in range(4) for y in range(x) if (x + y) % 2))
print(any(x > 2 for x in itertools.count()))
