class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)
    __radd__ = __add__
    def __sub__(self, other):
        return Money(self.cents - other.cents)
    def __mul__(self, k):
        return Money(self.cents * k)
    def __truediv__(self, k):
        return Money(self.cents // k)
    def __lt__(self, other):
        return self.cents < other.cents
    def __le__(self, other):
        return self.cents <= other.cents
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __hash__(self):
        return hash(self.cents)
    def __repr__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
a = Money(1050)
b = Money(299)
print(a + b, a - b, a * 3, a / 4, sum([a, b, Money(1)]), 0 + a)
print(a < b, a <= a, a == Money(1050), a != b, sorted([a, b, Money(5)]), max(a, b))
print({a: "ten fifty"}[a], len({a, b}))
