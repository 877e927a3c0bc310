# Stripping accents as the PyTorch names tutorial does: NFD, then drop the Mn marks.
import string
import unicodedata

all_letters = string.ascii_letters + " .,;'"


def unicode_to_ascii(s):
    return "".join(c for c in unicodedata.normalize("NFD", s)
                   if unicodedata.category(c) != "Mn" and c in all_letters)


for name in ["Ślusàrski", "Nguyễn", "Müller", "Éloïse", "O'Néal", "Søren", "Åström"]:
    print(name, "->", unicode_to_ascii(name), len(unicodedata.normalize("NFD", name)))
print([unicodedata.category(c) for c in "aA1 .\u0301\u00e9"])
print(unicodedata.normalize("NFC", "e\u0301") == "\u00e9", unicodedata.normalize("NFKD", "ﬁ"))
