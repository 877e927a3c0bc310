n = 10
while n > 0:
    n -= 3
print(n)
i = 0
while True:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print(i, end=",")
print()
k = 0
while k < 3:
    k += 1
else:
    print("while-else ran", k)
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
