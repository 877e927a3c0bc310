class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(5)))
for v in Countdown(3):
    print("tick", v)
it = Countdown(2)
print(next(it), next(it), next(it, "stop"))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(range(0, self.n, 2))
print(list(Range2(9)), sum(Range2(5)), 4 in Range2(6), sorted(Range2(7), reverse=True))
