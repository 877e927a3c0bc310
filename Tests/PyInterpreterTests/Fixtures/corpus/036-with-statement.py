class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return False
with Ctx("a") as v:
    print("inside", v)
with Ctx("x"), Ctx("y") as w:
    print("both", w)
class Suppress:
    def __enter__(self):
        return self
    def __exit__(self, t, e, tb):
        print("suppressing", e)
        return True
with Suppress():
    raise ValueError("boom")
print("after suppress")
try:
    with Ctx("err"):
        raise KeyError("k")
except KeyError:
    print("propagated")
