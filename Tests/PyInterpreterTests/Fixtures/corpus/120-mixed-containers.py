inventory = {"apples": [3, 0.5], "pears": [0, 0.75], "plums": [12, 0.2]}
in_stock = {k: v for k, v in inventory.items() if v[0] > 0}
value = sum(q * p for q, p in inventory.values())
print(in_stock, round(value, 2))
inventory["pears"][0] += 4
inventory.setdefault("figs", [1, 1.25])
print(sorted(inventory.items(), key=lambda kv: kv[1][0] * kv[1][1], reverse=True))
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
matrix[1][1] = None
print(matrix, [row for row in matrix if None not in row], [c for c in zip(*matrix)][1])
stack = [(0, [])]
seen = set()
while stack:
    node, path = stack.pop()
    if node in seen or node > 6:
        continue
    seen.add(node)
    stack.append((node * 2 + 1, path + [node]))
    stack.append((node * 2 + 2, path + [node]))
print(sorted(seen))
t = tuple(sorted({3, 1, 2}))
print(t, t + tuple("ab"), list(reversed(t)), t[::-1] == tuple(reversed(t)))
