data = {
    "name": "experiment",
    "runs": [
        {"lr": 0.1, "loss": [2.3, 1.2, 0.8]},
        {"lr": 0.01, "loss": [2.3, 2.0, 1.7]},
    ],
    "tags": ("a", "b"),
}
for run in data["runs"]:
    print(run["lr"], min(run["loss"]), run["loss"][-1])
best = min(data["runs"], key=lambda r: r["loss"][-1])
print(best)
data["runs"][0]["loss"].append(0.5)
print(data["runs"][0], len(data), list(data))
print({k: type(v).__name__ for k, v in data.items()})
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(r) for r in zip(*matrix)], [sum(c) for c in zip(*matrix)])
flat = [x for row in matrix for x in row]
print(flat, [row[::-1] for row in matrix[::-1]])
