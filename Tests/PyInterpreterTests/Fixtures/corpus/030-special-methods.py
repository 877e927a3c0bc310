class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __setitem__(self, i, v):
        self.xs[i] = v
    def __contains__(self, v):
        return v in self.xs
    def __iter__(self):
        return iter(self.xs)
    def __str__(self):
        return "Vec" + str(tuple(self.xs))
    def __mul__(self, k):
        return Vec(*[x * k for x in self.xs])
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return self * -1
    def __lt__(self, other):
        return len(self) < len(other)
    def __call__(self, i):
        return self.xs[i] * 100
    def __bool__(self):
        return bool(self.xs)
v = Vec(1, 2, 3)
v[0] = 10
print(len(v), v[1], v[-1], 2 in v, 7 in v, list(v), str(v), v * 2, 3 * v, -v)
print(v(1), Vec(1) < v, bool(Vec()), sorted([v, Vec(5)], key=len)[0])
for x in v:
    print(x, end=" ")
print()
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError("out")
        return i * i
print(list(Seq(5)), len(Seq(3)), Seq(4)[3])
