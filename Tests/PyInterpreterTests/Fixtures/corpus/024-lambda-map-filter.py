sq = lambda x: x * x
print(sq(7), list(map(sq, range(5))), list(filter(lambda v: v % 2, range(10))))
print(list(map(lambda a, b: a + b, [1, 2], [10, 20])), list(filter(None, [0, 1, "", "a"])))
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: p[0]), min(pairs))
print((lambda: "no args")(), (lambda *a: a)(1, 2), (lambda **k: k)(x=1))
