class Point:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __eq__(self, other):
        return self.x == other.x and self.y == other.y
p = Point(3, 4)
q = Point(1, 1)
print(p, p.norm2(), p + q, p == Point(3, 4), p != q, Point.count)
print(p.x, getattr(p, "y"), hasattr(p, "z"), getattr(p, "z", "dflt"))
setattr(p, "z", 5)
print(p.z, isinstance(p, Point), type(p).__name__, type(p) is Point)
print(str(p), repr(p), [p, q])
