f = lambda v: v.missing
print(list(map(str, [1])))
f(3)
