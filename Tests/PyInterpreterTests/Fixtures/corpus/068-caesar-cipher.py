import string
def shift(text, k):
    out = []
    for ch in text:
        if ch in string.ascii_lowercase:
            out.append(chr((ord(ch) - ord("a") + k) % 26 + ord("a")))
        elif ch in string.ascii_uppercase:
            out.append(chr((ord(ch) - ord("A") + k) % 26 + ord("A")))
        else:
            out.append(ch)
    return "".join(out)
msg = "Hello, World! The quick brown fox."
enc = shift(msg, 3)
print(enc)
print(shift(enc, -3))
print(shift("xyz", 29), shift("ABC", -27))
table = {c: i for i, c in enumerate(string.ascii_lowercase)}
print(sum(table[c] for c in "journal"), [table[c] for c in "abc"])
