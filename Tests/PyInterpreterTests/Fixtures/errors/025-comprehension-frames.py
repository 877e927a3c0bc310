def inverse(v):
    return 1 / v

print([inverse(v) for v in [1, 2]])
total = sum(inverse(v) for v in [4, 0])
