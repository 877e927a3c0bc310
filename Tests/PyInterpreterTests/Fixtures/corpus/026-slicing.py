s = list(range(10))
print(s[2:8:2], s[8:2:-2], s[::-3], s[-1:-4:-1], s[100:], s[-100:2], s[5:2])
print(s[:], s[::1], s[1::-1], s[:-1:4])
t = "abcdefgh"
print(t[1:7:3], t[::-2], t[-2:], t[:0])
s[2:5] = []
print(s)
s[:0] = [-1]
print(s)
print((0, 1, 2, 3)[::-1], range(10)[2:8:2], list(range(10)[::-3]))
sl = slice(1, 5, 2)
print(s[sl], sl)
