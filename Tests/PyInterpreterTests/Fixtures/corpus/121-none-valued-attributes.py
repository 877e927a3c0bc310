from collections import deque, defaultdict
s = slice(None, 5)
print(s.start, s.stop, s.step, slice(1, 2, 3).step)
print(deque([1]).maxlen, deque([], 3).maxlen)
d = defaultdict()
print(d.default_factory, defaultdict(list).default_factory)
class A:
    pass
print(A.__base__, object.__base__)
def f():
    pass
print(f.__doc__)
