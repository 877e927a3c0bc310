matrix = [[1, 2, 3], [4, -5, 6], [7, 8, -9]]
found = None
for i, row in enumerate(matrix):
    for j, v in enumerate(row):
        if v < 0:
            found = (i, j)
            break
    if found:
        break
print("first negative at", found)
total = 0
for row in matrix:
    for v in row:
        if v < 0:
            continue
        total += v
print("sum of non-negatives", total)
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
else:
    print("no break")
result = []
for x in range(3):
    for y in range(3):
        if x == y:
            continue
        result.append((x, y))
print(result)
