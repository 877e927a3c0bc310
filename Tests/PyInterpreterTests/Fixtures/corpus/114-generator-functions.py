def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

print(list(count_up(5)), sum(count_up(101)))
def pairs(items):
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            yield a, b
print(list(pairs("abc")))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
g = fib()
print([next(g) for _ in range(10)])
import itertools
print(list(itertools.islice(fib(), 5, 10)))
def batches(data, size):
    for start in range(0, len(data), size):
        yield data[start:start + size]
for batch in batches(list(range(10)), 4):
    print(batch)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", count_up(2))))
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for v in with_finally():
    print("got", v)
def faulty():
    yield 1
    raise ValueError("bad item")
try:
    for v in faulty():
        print("item", v)
except ValueError as e:
    print("caught", e)
def empty():
    return
    yield
print(list(empty()), type(count_up(1)).__name__)
gen = (x for x in count_up(3))
print(next(gen), list(gen))
def squares(n):
    yield from (i * i for i in range(n))
print(max(squares(6)), sorted(squares(4), reverse=True))
