class Config:
    debug = False
    items = []
    def add(self, x):
        self.items.append(x)
a = Config()
b = Config()
a.add(1)
b.add(2)
print(Config.items, a.items is b.items)
a.debug = True
print(a.debug, b.debug, Config.debug)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
print([Counter().id for _ in range(3)], Counter.instances)
class Static:
    @staticmethod
    def twice(x):
        return 2 * x
    @classmethod
    def make(cls):
        return cls.__name__
    @property
    def value(self):
        return 42
print(Static.twice(4), Static().twice(5), Static.make(), Static().value)
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        self._c = max(0, v)
t = Temp()
t.c = -5
print(t.c)
t.c = 30
print(t.c)
