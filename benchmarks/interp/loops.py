# Nested loops over lists with float arithmetic: a pure-Python matrix multiply.
n = 90
a = [[(i * n + j) % 7 / 7.0 for j in range(n)] for i in range(n)]
b = [[(i + 2 * j) % 5 / 5.0 for j in range(n)] for i in range(n)]
c = [[0.0] * n for _ in range(n)]
for i in range(n):
    ai = a[i]
    ci = c[i]
    for j in range(n):
        s = 0.0
        for k in range(n):
            s += ai[k] * b[k][j]
        ci[j] = s
print(round(sum(sum(r) for r in c), 6))
