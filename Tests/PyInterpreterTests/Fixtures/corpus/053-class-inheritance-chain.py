class Base:
    def __init__(self):
        self.log = ["Base"]
    def hello(self):
        return "Base.hello"
    def who(self):
        return type(self).__name__
class Mid(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Mid")
    def hello(self):
        return "Mid>" + super().hello()
class Leaf(Mid):
    def __init__(self):
        super().__init__()
        self.log.append("Leaf")
    def hello(self):
        return "Leaf>" + super().hello()
x = Leaf()
print(x.log, x.hello(), x.who(), Base().who())
print([c.__name__ for c in Leaf.__mro__])
class Shape:
    def area(self):
        raise NotImplementedError
    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.141592653589793 * self.r ** 2
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
for sh in [Circle(1), Square(3)]:
    print(sh.describe())
try:
    Shape().area()
except NotImplementedError as e:
    print("abstract", type(e).__name__)
