x = 3.14159
n = 42
p = 0.256
name = "Ada"
print(f"{x:.2f} {x:.0f} {x:10.3f}| {x:<10.1f}| {x:e} {x:.3e}")
print(f"{p:.2%} {p:.0%} {n:>5} {n:<5}| {n:^7}| {n:05d} {n:+d} {n:x} {n:X} {n:o} {n:b}")
print(f"{name!r} {name!s} {name:>8} {name:*^9} {name:.2}")
print(f"{1234567:,} {1234567.891:,.2f} {1234567:_}")
print(f"{x!r} {n * 2} {[i for i in range(3)]} {'nested'} {n:{'>'}{8}}")
print(f"{{literal}} {n=} {x = :.1f}")
print(f"{1e-7} {1e-7:g} {123456789.0:g} {0.0001:g} {1.5:g} {100.0:g}")
print(f"{True} {None} {3:.2f} {-3.5:+.1f} {0.5:.0f} {1.5:.0f} {2.5:.0f}")
w = 6
print(f"{n:{w}d}|{x:{w}.{2}f}|")
