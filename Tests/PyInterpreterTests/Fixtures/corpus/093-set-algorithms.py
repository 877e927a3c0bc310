edges = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "e")]
graph = {}
for u, v in edges:
    graph.setdefault(u, set()).add(v)
    graph.setdefault(v, set()).add(u)
def component(start):
    seen = {start}
    stack = [start]
    while stack:
        node = stack.pop()
        for nb in graph[node]:
            if nb not in seen:
                seen.add(nb)
                stack.append(nb)
    return seen
print(sorted(component("a")), sorted(component("e")))
comps = []
remaining = set(graph)
while remaining:
    c = component(min(remaining))
    comps.append(sorted(c))
    remaining -= c
print(comps)
nums = [1, 2, 3, 2, 1, 4]
print(sorted(set(nums)), len(set(nums)), {1, 2} | {3}, {1, 2, 3} - {2}, {1, 2}.isdisjoint({3}))
