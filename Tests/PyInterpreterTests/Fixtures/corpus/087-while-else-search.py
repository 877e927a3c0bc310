def find_first(items, pred):
    i = 0
    while i < len(items):
        if pred(items[i]):
            print("found at", i)
            break
        i += 1
    else:
        print("not found")
        return None
    return items[i]
print(find_first([1, 3, 8, 5], lambda v: v % 2 == 0))
print(find_first([1, 3, 5], lambda v: v % 2 == 0))
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
