a, b, c = "xyz"
print(a, b, c)
(a, b), (c, d) = [(1, 2), (3, 4)]
print(a, b, c, d)
head, *tail = [1]
print(head, tail)
*_, last = range(10)
print(last)
first, *middle, end = "hello"
print(first, middle, end)
for a, *rest in [(1, 2, 3), (4,)]:
    print(a, rest)
print(*[1, 2, 3], sep="|")
print([*range(3), *"ab"], (*[1], 2), {**{"a": 1}, **{"b": 2}})
x = y = z = 0
x += 1
print(x, y, z)
l = [0, 0]
i = 0
i, l[i] = 1, 5
print(i, l)
