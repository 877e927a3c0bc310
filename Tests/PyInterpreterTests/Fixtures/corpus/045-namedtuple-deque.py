from collections import namedtuple, deque
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
q = Point(x=3, y=4)
print(p, q, p.x + q.y, p[0], list(p), len(p))
x, y = q
print(x, y, p._asdict(), p._replace(x=10), p == (1, 2), Point._fields)
Pair = namedtuple("Pair", "left right")
print(Pair("l", "r"))
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d, len(d), d[0])
d.rotate(1)
print(d)
bounded = deque(maxlen=3)
for i in range(5):
    bounded.append(i)
print(bounded, list(bounded))
