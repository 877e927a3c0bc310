rows = [("x", 1.5), ("longer", 22.25), ("mid", 333.125)]
w = max(len(r[0]) for r in rows)
for name, v in rows:
    print("{:>{w}} | {:{fmt}}".format(name, v, w=w, fmt="8.2f"))
    print(f"{name:<{w}}|{v:^{w + 4}.1f}|")
print("%*d|%-*s|" % (5, 42, 6, "ab"), "%.*f" % (3, 3.14159))
print("{0:{1}}".format("pad", 6) + "|", "{:{}}".format(3.5, "08.3f"))
print(f"{0.125:.2f} {0.375:.2f} {2.675:.2f} {1.005:.2f} {-0.5:.0f} {-1.5:.0f}")
print(f"{1e-3:.1e} {12345.6789:.3g} {-0.0:+.2f} {float('inf'):>6} {float('nan'):.2f}")
