t = (1, 2, 3)
print(t, t[1], t[-1], t[1:], len(t), t + (4,), t * 2, (1,), ())
print(t.index(2), t.count(1), 2 in t, tuple([1, 2]), tuple("ab"))
a, b, c = t
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
print(first, rest, init, last)
a, *b, c = 1, 2
print(a, b, c)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
