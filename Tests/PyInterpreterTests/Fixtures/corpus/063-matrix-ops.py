def zeros(n, m):
    return [[0.0] * m for _ in range(n)]
def matmul(a, b):
    n, k, m = len(a), len(b), len(b[0])
    out = zeros(n, m)
    for i in range(n):
        for j in range(m):
            s = 0.0
            for t in range(k):
                s += a[i][t] * b[t][j]
            out[i][j] = s
    return out
def transpose(a):
    return [list(r) for r in zip(*a)]
a = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]
b = [[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]]
c = matmul(a, b)
for row in c:
    print(" ".join(f"{v:7.3f}" for v in row))
print(transpose(a), matmul(transpose(a), a))
def det2(m):
    return m[0][0] * m[1][1] - m[0][1] * m[1][0]
print(det2([[1, 2], [3, 4]]), det2(matmul(transpose(a), a)))
