def greet(name, greeting="Hello"):
    return f"{greeting}, {name}!"
print(greet("Ada"), greet("Bob", "Hi"), greet(greeting="Yo", name="Cy"))
def total(*args, **kwargs):
    return sum(args), sorted(kwargs.items())
print(total(1, 2, 3, a=1, b=2), total())
def kwonly(a, *, b=2, c):
    return a + b + c
print(kwonly(1, c=3), kwonly(1, b=10, c=3))
def noreturn():
    pass
print(noreturn())
args = [1, 2]
kw = {"greeting": "Hey"}
print(greet(*["Dee"], **kw), total(*args, *args, **{"z": 0}))
def defaults_evaluated_once(x, acc=[]):
    acc.append(x)
    return acc
print(defaults_evaluated_once(1), defaults_evaluated_once(2))
def multi():
    return 1, 2, 3
a, b, c = multi()
print(a, b, c, multi())
print(greet.__name__)
