for n in [-5, 0, 5, 50, 500]:
    if n < 0:
        print(n, "negative")
    elif n == 0:
        print(n, "zero")
    elif n < 10:
        print(n, "small")
    elif n < 100:
        print(n, "medium")
    else:
        print(n, "large")
x = 3
y = "odd" if x % 2 else "even"
print(y)
if x: print("one-line if")
if []:
    pass
else:
    print("empty list is falsy")
