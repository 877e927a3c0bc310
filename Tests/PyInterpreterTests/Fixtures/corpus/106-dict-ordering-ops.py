d = {}
for k in ["zeta", "alpha", "mid"]:
    d[k] = len(k)
print(d, list(d))
d["alpha"] = 0
print(d)
del d["zeta"]
d["zeta"] = 9
print(d)
print({k: d[k] for k in sorted(d)}, dict(sorted(d.items(), key=lambda kv: kv[1])))
merged = {"a": 1, "b": 2}
merged.update(b=3, c=4)
print(merged, merged == {"c": 4, "b": 3, "a": 1})
keys = list(merged)
for k in keys:
    if merged[k] % 2:
        del merged[k]
print(merged)
inv = {v: k for k, v in {"x": 1, "y": 2}.items()}
print(inv, len(inv), inv.get(3, "none"))
