# The random module draws CPython's numbers for the same seed and calls.
import random

random.seed(1973)
print(random.random(), random.randint(1, 6), random.randrange(10), random.randrange(5, 50, 5))
print(random.choice(["Arabic", "Chinese", "Czech", "Dutch", "English"]))
names = list(range(10))
random.shuffle(names)
print(names)
print(random.sample(range(100), 5))
print(random.choices("abc", k=4), random.choices("abc", weights=[1, 0, 5], k=3))
print(round(random.uniform(2, 3), 12), round(random.gauss(0, 1), 12),
      round(random.normalvariate(5, 2), 12), round(random.expovariate(1.5), 12))
print(random.getrandbits(20))
random.seed("seed as a string")
a = random.random()
random.seed("seed as a string")
print(a == random.random())
random.seed(2.5)
print(random.random())
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
try:
    random.randint(5, 1)
except ValueError as e:
    print("ValueError")
