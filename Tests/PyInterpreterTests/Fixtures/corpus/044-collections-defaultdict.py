from collections import defaultdict, OrderedDict
groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(groups)
print(dict(groups), groups["z"], len(groups))
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
print(nested["a"]["x"], isinstance(counts, dict))
od = OrderedDict()
od["z"] = 1
od["a"] = 2
print(od, list(od.keys()))
od.move_to_end("z")
print(od)
