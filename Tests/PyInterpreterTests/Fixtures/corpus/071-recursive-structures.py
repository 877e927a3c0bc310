def flatten(x):
    if isinstance(x, (list, tuple)):
        out = []
        for item in x:
            out.extend(flatten(item))
        return out
    return [x]
print(flatten([1, [2, [3, [4, (5, 6)]]], 7]))
def depth(x):
    return 1 + max((depth(i) for i in x), default=0) if isinstance(x, list) else 0
print(depth([1, [2, [3]], []]), depth(5), depth([]))
tree = {"value": 1, "children": [{"value": 2, "children": []},
        {"value": 3, "children": [{"value": 4, "children": []}]}]}
def total(node):
    return node["value"] + sum(total(c) for c in node["children"])
def show(node, indent=0):
    print("  " * indent + str(node["value"]))
    for c in node["children"]:
        show(c, indent + 1)
print(total(tree))
show(tree)
def permutations(s):
    if len(s) <= 1:
        return [s]
    return [s[i] + p for i in range(len(s)) for p in permutations(s[:i] + s[i + 1:])]
print(permutations("abc"))
