print(True and False, True or False, not True, not 0)
print(0 or "default", "" or [] or None, 1 and 2, 0 and 1/0)
print([] or [1], [0] and "yes")
def side(v):
    print("side", v)
    return v
print(side(0) and side(1))
print(side(1) or side(2))
print(bool(0), bool(1), bool(""), bool("a"), bool([]), bool([0]), bool(None), bool({}))
