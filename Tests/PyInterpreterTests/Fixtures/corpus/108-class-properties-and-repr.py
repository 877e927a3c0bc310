class Celsius:
    def __init__(self, degrees=0.0):
        self.degrees = degrees
    @property
    def fahrenheit(self):
        return self.degrees * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self.degrees = (f - 32) * 5 / 9
    def __repr__(self):
        return f"Celsius({self.degrees:.2f})"
    def __format__(self, spec):
        return format(self.degrees, spec) + "C"
c = Celsius(100)
print(c, c.fahrenheit)
c.fahrenheit = 32
print(c, f"{c:.1f}", f"{Celsius(36.6):>8.2f}")
temps = [Celsius(t) for t in (10, -5, 30)]
print(sorted(temps, key=lambda t: t.degrees), max(temps, key=lambda t: t.fahrenheit))
class Counted:
    _n = 0
    def __init__(self):
        type(self)._n += 1
    @classmethod
    def count(cls):
        return cls._n
    @staticmethod
    def describe():
        return "counts instances"
Counted(); Counted()
print(Counted.count(), Counted.describe(), Counted().count())
