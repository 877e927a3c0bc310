def gen():
    try:
        yield 1
        yield 2
    finally:
        print("closed early")
g = gen()
print(next(g))
del g
print("after del")
def inner():
    yield 1
    1 / 0
def outer():
    yield from inner()
for x in outer():
    print(x)
