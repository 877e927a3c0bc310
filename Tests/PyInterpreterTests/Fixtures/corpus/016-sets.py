s = {3, 1, 2}
s.add(4)
s.add(1)
print(s, len(s), 2 in s)
s.discard(10)
s.remove(3)
print(s, sorted(s))
a = {1, 2, 3}
b = {2, 3, 4}
print(a | b, a & b, a - b, a ^ b, a <= {1, 2, 3, 4}, a < a, a.issubset(b))
print(a.union([9]), a.intersection(b), a.difference(b), set(), set([1, 1, 2]))
print({x % 3 for x in range(10)}, frozenset([1]) == {1})
s2 = set("hello")
print(sorted(s2), len(s2))
