"""StringIO and future imports."""
from __future__ import print_function, division, absolute_import, annotations
import __future__
import io
from io import StringIO

print(__future__.division, __future__.annotations)
print(__future__.all_feature_names)
print(7 / 2)
s = StringIO("first\nsecond\nthird")
print(repr(s.readline()), repr(s.read(3)), s.tell())
print(list(s))
s.seek(0)
print(s.readlines())
print(repr(s.read()), repr(s.readline()))
out = io.StringIO()
print(out.write("héllo "), out.write("world\n"), out.tell())
out.writelines(["a\n", "b\n"])
print(repr(out.getvalue()))
out.seek(1)
out.write("E")
print(repr(out.getvalue()), out.tell())
out.seek(0, 2)
print(out.tell())
out.truncate(5)
print(repr(out.getvalue()))
with io.StringIO("x\ny") as f:
    for line in f:
        print(repr(line))
print(f.closed)
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
buf = StringIO()
print("to a buffer", 42, file=buf)
print(repr(buf.getvalue()))
try:
    StringIO().write(3)
except TypeError as e:
    print("TypeError:", e)
