# The random module: CPython's Mersenne Twister streams, reproduced call for call.
import random

random.seed(42)
print(random.random())
print([random.randint(1, 6) for _ in range(10)])
print(random.randrange(10), random.randrange(5, 50), random.randrange(0, 100, 7))
print(random.choice(["red", "green", "blue"]), random.choice("xyz"), random.choice(range(3, 30)))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5))
print(random.sample(["a", "b", "c", "d"], k=2))
print(round(random.uniform(2.5, 3.5), 12))
print(random.gauss(0, 1), random.gauss(10, 2))
print(random.choices("abc", k=5))
print(random.choices(["x", "y", "z"], weights=[1, 0, 3], k=6))
print(random.getrandbits(16), random.getrandbits(40))
print(random.normalvariate(1.0, 0.5))
print(random.expovariate(2.0))

random.seed("journal")
print(random.random())
random.seed(2.5)
print(random.random())
random.seed(-7)
print(random.random())

# Same seed, same stream.
random.seed(123)
a = [random.random() for _ in range(3)]
random.seed(123)
b = [random.random() for _ in range(3)]
print(a == b)

try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
try:
    random.randint(5, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    random.sample({1, 2, 3}, 2)
except TypeError as e:
    print("TypeError:", e)
