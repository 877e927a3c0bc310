import functools
from functools import reduce, partial, lru_cache

print(reduce(lambda a, b: a * b, range(1, 8)), reduce(lambda a, b: a + b, [], 10))
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
cube = functools.partial(power, exp=3)
print(square(7), cube(2), list(map(square, range(5))))

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90))

@functools.cache
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)
print(ways(60))

def compare(a, b):
    return (a % 10) - (b % 10) or a - b
print(sorted([31, 12, 22, 41, 5], key=functools.cmp_to_key(compare)))

def logged(f):
    @functools.wraps(f)
    def inner(*a):
        print("calling", f.__name__)
        return f(*a)
    return inner

@logged
def add(a, b):
    return a + b
print(add(2, 3))
if __name__ == "__main__":
    print("main guard runs")
