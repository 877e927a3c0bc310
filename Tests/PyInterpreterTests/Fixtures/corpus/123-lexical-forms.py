x = 1
print(1_000.5, .5, 5., 1E-3, 0xFF, 0o777, 0b1_0, 1e5, 1.5e+3)
print(1 if x else 2, [1,2,][-1], (1,), {1,}, {'a':1,}, "a" "b", 'it''s')
print(x, end=''); print()
y = [
    1,  # comment
    2,
]
z = (3 +
     4)
w = 5 + \
    6
print(y, z, w)
def f(a,
      b=2,
      *args,
      **kw):
    return a + b
print(f(1), "tab\tsep", "\\n")
if x: print("inline if"); print("second")
class C: pass
print(type(C()).__name__, C.__name__, C.__qualname__)
s = 'He said "hi"'
print(s, repr(s), f'{s!r}', f"{'nested ' + str(1)}")
print(f"{x:{'>'}5}", f"{3.0!s:>6}", f"{{}}", f"{'{'}")
