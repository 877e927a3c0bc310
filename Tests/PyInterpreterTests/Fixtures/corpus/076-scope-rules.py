x = "global"
def show():
    return x
def local_shadow():
    x = "local"
    return x
def read_then_global():
    global x
    old = x
    x = "changed"
    return old
print(show(), local_shadow(), x)
print(read_then_global(), x, show())
def outer():
    y = 1
    def inner():
        return y + 1
    y = 10
    return inner()
print(outer())
for i in range(3):
    pass
print("loop var survives:", i)
[j for j in range(3)]
print("comprehension var does not leak:", "j" in dir())
class K:
    attr = "class-level"
    def get(self):
        return self.attr
print(K().get(), K.attr)
