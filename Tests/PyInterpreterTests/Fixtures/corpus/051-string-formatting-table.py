rows = [("alice", 3.14159, 42), ("bob", 2.5, 7), ("charlotte", 100.0, 12345)]
print(f"{'name':<10}|{'value':>10}|{'n':>6}")
print("-" * 28)
for name, value, n in rows:
    print(f"{name:<10}|{value:>10.3f}|{n:>6d}")
print("%-10s|%10.2e|%6x" % rows[0])
for name, value, n in rows:
    print("{:>10} {:08.2f} {:,}".format(name, value, n * 1000))
print(f"{0.000123:.2e} {123456.789:.2e} {1e-10:f} {float('inf'):.2f} {-0.0:.1f}")
print(f"{12.5:g} {1e20:g} {1e-5:g} {123456:g} {1234567:g} {0.1:.3g} {2.0:.3g}")
print(f"{3.0:.1} {1234.5:.2} {0.0001234:.3} {1e16:.3} {12.0:.5}")
