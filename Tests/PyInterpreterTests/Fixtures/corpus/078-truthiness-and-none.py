values = [0, 0.0, "", [], {}, set(), (), None, False, 1, -1, "0", [0], {0: 0}, 0.1]
print([bool(v) for v in values])
print([v for v in values if v])
def maybe(x=None):
    if x is None:
        return "nothing"
    return x or "falsy"
print(maybe(), maybe(0), maybe("x"), maybe([]))
print(None == None, None is None, None != 0, [None] * 2, str(None), type(None).__name__)
d = {"a": None}
print(d.get("a"), d.get("b", "missing"), "a" in d)
