names = ["ann", "bob", "cy"]
scores = [88, 92, 79]
for rank, (name, score) in enumerate(sorted(zip(names, scores), key=lambda p: -p[1]), start=1):
    print(f"{rank}. {name:<4} {score}")
pairs = list(zip(names, scores))
unzipped = list(zip(*pairs))
print(pairs, unzipped)
print(dict(enumerate(names)), {n: s for n, s in zip(names, scores) if s > 80})
for i, ch in reversed(list(enumerate("abc"))):
    print(i, ch, end="; ")
print()
a, b = zip(*[(1, "x"), (2, "y")])
print(a, b)
