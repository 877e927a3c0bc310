def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
def memoize(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return wrapper
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
def decorator_with_args(prefix):
    def deco(f):
        def wrapped(*a, **k):
            return prefix + str(f(*a, **k))
        return wrapped
    return deco
@decorator_with_args(">> ")
def add(a, b=0):
    return a + b
print(add(1, b=2), add(5))
def accumulator():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
acc = accumulator()
acc(10)
print(acc(5))
