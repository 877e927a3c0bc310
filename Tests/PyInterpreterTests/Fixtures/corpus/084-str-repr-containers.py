class Tag:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"<{self.name}>"
class Label:
    def __init__(self, t):
        self.t = t
    def __str__(self):
        return f"Label:{self.t}"
tags = [Tag("a"), Tag("b")]
print(tags, {"k": Tag("v")}, (Tag("t"),), str(Tag("s")))
print(Label("x"), [str(Label("y"))], f"{Label('z')}", "%s" % Label("w"))
print(repr("quote's"), repr('dq"'), repr("both'\""), str(["a", 'b"c']))
print([1.0, 2.50, 1e-7], (0.1, -0.0), {"f": 1e20})
