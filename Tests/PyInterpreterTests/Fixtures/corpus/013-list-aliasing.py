a = [1, 2]
b = a
b.append(3)
print(a, a is b)
c = a[:]
c.append(4)
print(a, c)
m = [[0] * 2 for _ in range(2)]
m[0][0] = 1
print(m)
n = [[0] * 2] * 2
n[0][0] = 1
print(n)
x = [1]
x += [2]
y = x
y += [3]
print(x, y)
