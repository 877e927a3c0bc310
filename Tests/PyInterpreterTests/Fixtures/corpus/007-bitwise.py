print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3, -16 >> 2)
print(True & False, True | False, True ^ True)
x = 0b1100
x &= 0b1010
print(bin(x), hex(255), oct(8), bin(-5))
