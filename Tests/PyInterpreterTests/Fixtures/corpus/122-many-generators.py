def gen(n):
    for i in range(n):
        yield i * i
firsts = []
for k in range(300):
    g = gen(5)
    firsts.append(next(g))
live = [gen(3) for _ in range(200)]
print(sum(firsts), sum(next(g) for g in live), sum(sum(g) for g in live))
