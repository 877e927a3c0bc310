x = 1
del x
try:
    print(x)
except NameError as e:
    print(e)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
l = [1, 2, 3, 4]
del l[0], l[-1]
print(l)
class O:
    pass
o = O()
o.a = 1
del o.a
print(hasattr(o, "a"))
def nothing():
    pass
class Empty:
    pass
print(nothing(), type(Empty()).__name__)
