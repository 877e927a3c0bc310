def make_accumulators():
    funcs = {}
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    def reset():
        nonlocal total
        old, total = total, 0
        return old
    funcs["add"] = add
    funcs["reset"] = reset
    funcs["peek"] = lambda: total
    return funcs
f = make_accumulators()
print(f["add"](5), f["add"](10), f["peek"](), f["reset"](), f["peek"]())
def outer():
    x = 0
    def mid():
        def inner():
            nonlocal x
            x += 1
            return x
        return inner
    g = mid()
    g()
    g()
    return x
print(outer())
handlers = []
for name in ["a", "b", "c"]:
    def handler(prefix=name):
        return prefix * 2
    handlers.append(handler)
print([h() for h in handlers])
