lines = []
for i in range(1, 4):
    lines.append(f"{i}: " + "*" * i)
print("\n".join(lines))
s = ""
for ch in "abc":
    s += ch.upper() + ch
print(s)
print(" ".join(w.capitalize() for w in "hello big world".split()))
print(repr("\n\t\\"), repr("é"), repr("\x00"), len("héllo"), "héllo"[1])
table = {"a": "1", "b": "2"}
print("".join(table.get(c, c) for c in "abcab"))
print("abc".upper().lower().replace("b", "B").center(7, "."))
print(str(12345)[::-1], int(str(12345)[::-1]) + 1)
print("a,b;c d".replace(",", " ").replace(";", " ").split())
