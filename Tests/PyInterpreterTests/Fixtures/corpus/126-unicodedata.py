# unicodedata as the PyTorch names tutorial uses it: accents stripped through NFD.
import string
import unicodedata

all_letters = string.ascii_letters + " .,;'"


def unicode_to_ascii(s):
    return ''.join(
        c for c in unicodedata.normalize('NFD', s)
        if unicodedata.category(c) != 'Mn'
        and c in all_letters
    )


for name in ["Ślusàrski", "Müller", "Nuñez", "Łukasz", "O'Néal", "Zoë"]:
    print(name, "->", unicode_to_ascii(name))
print(len("é"), len(unicodedata.normalize("NFD", "é")), len(unicodedata.normalize("NFC", "e\u0301")))
print([unicodedata.category(c) for c in "aZ1 .\u0301\u00e9€"])
print(unicodedata.normalize("NFKC", "ﬁ①"), unicodedata.normalize("NFKD", "²"))
print(unicodedata.combining("\u0301"), unicodedata.combining("a"))
try:
    unicodedata.normalize("XYZ", "a")
except ValueError as e:
    print("ValueError:", e)
try:
    unicodedata.category("ab")
except TypeError as e:
    print("TypeError:", e)
