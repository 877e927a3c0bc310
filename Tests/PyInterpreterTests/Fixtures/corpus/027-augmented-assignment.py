x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print(x)
y = 1.5
y /= 0.5
print(y)
s = "ab"
s += "cd"
s *= 2
print(s)
class P:
    pass
p = P()
p.v = 1
p.v += 41
print(p.v)
d = {"k": 1}
d["k"] += 1
d["k"] *= 10
print(d)
l = [1, 2, 3]
l[0] += 100
l[-1] -= 3
print(l)
m = [[1, 2], [3, 4]]
m[1][0] *= -1
print(m)
b = 0b1111
b &= 0b1010
b |= 0b0001
b ^= 0b0011
b <<= 2
b >>= 1
print(b)
