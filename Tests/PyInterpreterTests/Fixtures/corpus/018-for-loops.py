for i in range(3):
    print(i)
for i in range(2, 10, 3):
    print(i, end=" ")
print()
for i in range(10, 0, -4):
    print(i, end=" ")
print()
for c in "abc":
    print(c.upper(), end="")
print()
for i in range(5):
    if i == 1:
        continue
    if i == 3:
        break
    print("i =", i)
else:
    print("not reached")
for i in range(2):
    pass
else:
    print("loop completed, i =", i)
for x in []:
    print("never")
else:
    print("empty else")
total = 0
for i in range(1, 101):
    total += i
print(total)
