import math as m
from math import sqrt, pi as PI
from collections import Counter, defaultdict
import string
import os.path
print(m.floor(3.5), sqrt(16), PI)
print(string.ascii_lowercase, string.digits, string.ascii_uppercase[:5])
print(string.punctuation)
print(os.path.join("journal", "2018", "a.md"), os.path.basename("/x/y/z.txt"), os.path.splitext("a/b.tar.gz"))
print(os.path.dirname("/x/y/z.txt"), os.path.join("/abs", "/other"), os.path.split("a/b/c"))
print(type(os.cpu_count()).__name__, "PATH" in os.environ)
