# operator and copy.
import operator
import copy
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 3), operator.truediv(7, 2))
print(operator.floordiv(-7, 2), operator.mod(-7, 2), operator.pow(2, 10), operator.neg(5))
print(operator.lt(1, 2), operator.ge(1, 2), operator.eq([1], [1]), operator.ne(1, 1.0))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.invert(5))
print(operator.lshift(1, 4), operator.rshift(64, 2), operator.not_([]), operator.truth("x"))
print(operator.contains([1, 2], 2), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
print(operator.getitem({"a": 1}, "a"), operator.concat([1], [2]), operator.index(7))
print(operator.is_(None, None), operator.is_not(1, None), operator.abs(-2.5))
print(operator.__add__(1, 1), operator.__and__(3, 1))
x = [1, 2]
y = operator.iadd(x, [3])
print(x, y is x, operator.iadd(1, 2))
d = {}
operator.setitem(d, "k", 5)
print(d)
operator.delitem(d, "k")
print(d)
rows = [("b", 2, 9.0), ("a", 3, 1.5), ("c", 1, 4.2)]
print(sorted(rows, key=itemgetter(1)))
print(sorted(rows, key=itemgetter(0, 2)))
print(itemgetter(1)("hello"), itemgetter(slice(1, 3))("hello"), itemgetter("x", "y")({"x": 1, "y": 2}))
print(itemgetter(1), itemgetter(0, "a"))


class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner

    def greet(self, other, punct="!"):
        return f"{self.name} meets {other}{punct}"


p = P("ann", P("bob"))
print(attrgetter("name")(p), attrgetter("inner.name")(p), attrgetter("name", "inner.name")(p))
print(attrgetter("name"), methodcaller("greet", "cy", punct="?"))
print(methodcaller("greet", "cy")(p), methodcaller("greet", "cy", punct="?")(p))
print(list(map(methodcaller("upper"), ["a", "b"])))
try:
    operator.concat(1, 2)
except TypeError as e:
    print("TypeError:", e)

a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(a, b, c)
print(b[1] is a[1], c[1] is a[1])
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
cyclic = [1]
cyclic.append(cyclic)
cc = copy.deepcopy(cyclic)
print(cc[1] is cc, cc[1] is cyclic)
q = P("dan", P("eve"))
q2 = copy.copy(q)
q3 = copy.deepcopy(q)
q.inner.name = "EVE"
print(q2.inner.name, q3.inner.name, q2.inner is q.inner, type(q3).__name__)
s = {1, 2}
print(copy.copy(s), copy.deepcopy((1, [2])), copy.copy("txt"), copy.deepcopy(None))
from collections import defaultdict, Counter
dd = defaultdict(list)
dd["a"].append(1)
dd2 = copy.deepcopy(dd)
dd2["b"].append(2)
print(dict(dd), dict(dd2), type(dd2).__name__, copy.copy(Counter("aab")))


class WithCopy:
    def __copy__(self):
        return "custom copy"


print(copy.copy(WithCopy()))
