def step(grid):
    n, m = len(grid), len(grid[0])
    new = [[0] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            alive = sum(grid[(i + di) % n][(j + dj) % m]
                        for di in (-1, 0, 1) for dj in (-1, 0, 1) if (di, dj) != (0, 0))
            new[i][j] = 1 if alive == 3 or (grid[i][j] and alive == 2) else 0
    return new
g = [[0] * 6 for _ in range(6)]
for i, j in [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)]:
    g[i][j] = 1
for gen in range(4):
    print(f"gen {gen}")
    for row in g:
        print("".join("#" if c else "." for c in row))
    g = step(g)
