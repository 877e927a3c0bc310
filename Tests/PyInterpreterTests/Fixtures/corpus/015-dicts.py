d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "->", v)
print(d.pop("a"), d, d.setdefault("x", 9), d.setdefault("b", 0), d)
d.update({"y": 5}, z=6)
print(d)
del d["x"]
print(d, dict(a=1, b=2), dict([("k", "v")]), dict(zip("ab", [1, 2])))
e = {1: "int", 1.0: "float", True: "bool"}
print(e)
print({**d, "new": 0}, d | {"b": 20})
print(sorted(d), sorted(d.items(), key=lambda kv: kv[1]))
print(d.popitem(), d)
print(dict.fromkeys("ab", 0), {(1, 2): "tuple key"}[(1, 2)])
