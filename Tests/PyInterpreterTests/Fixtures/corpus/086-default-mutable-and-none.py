def append_to(x, items=None):
    if items is None:
        items = []
    items.append(x)
    return items
print(append_to(1), append_to(2), append_to(3, [0]))
def counter(start=0, step=1):
    return list(range(start, start + 5 * step, step))
print(counter(), counter(10), counter(step=3), counter(1, -1))
def describe(name, *, title=None, tags=()):
    t = f"{title} " if title else ""
    return f"{t}{name} {list(tags)}"
print(describe("Ada"), describe("Bo", title="Dr.", tags=("x", "y")))
