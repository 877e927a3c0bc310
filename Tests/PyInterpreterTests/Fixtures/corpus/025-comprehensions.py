print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print({x: x * x for x in range(4)}, {c for c in "mississippi"} == set("misp"))
print([[i * j for j in range(3)] for i in range(3)])
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in [1, 0]))
x = "outer"
print([x for x in "ab"], x)
words = ["apple", "bob", "kayak"]
print([w for w in words if w == w[::-1]])
print({k: v for k, v in zip("abc", range(3)) if v})
print(list(x + y for x, y in [(1, 2), (3, 4)]), tuple(i for i in range(3)))
